/**
 * Text extraction from an uploaded file, in a worker thread (app/utils/text-extract.server.ts
 * starts one per file, with memory and time limits): a parser bomb can exhaust this worker,
 * never the server. Plain JS so it runs without a build step.
 *
 * Input (workerData): { path, kind, limits: { maxUncompressedBytes, maxEntries, maxTextChars } }.
 * Output (postMessage): { ok: true, text, sha256 } (sha256: hex digest of the file's bytes as
 * read here, so the server's event loop never reads the file again to hash it) or
 * { ok: false, reason } where reason is one of "unreadable", "too-large", "too-much-text",
 * "encrypted", "not-text".
 *
 * What is read, per kind:
 * - pdf: every page's text (pdf.js); a file pdf.js cannot open or that is encrypted is unreadable.
 * - docx, xlsx, pptx, odt, ods: the text of EVERY XML part of the archive (body, headers,
 *   footers, footnotes, endnotes, comments, slides, notes, sheets, shared strings, document
 *   properties), inflated with a budget on the bytes actually produced, not the sizes the
 *   archive declares.
 * - txt, md: the text itself, which must be UTF-8 without NUL bytes from end to end (the server
 *   decided the type from the file's first 64 kB only).
 * - png, jpeg: printable runs of the bytes (metadata such as comments and EXIF strings).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { Inflate } from "fflate";

class Refusal extends Error {
  /** @param {string} reason */
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}

const u16 = (b, at) => b[at] | (b[at + 1] << 8);
const u32 = (b, at) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/**
 * The entries of a ZIP archive from its central directory.
 * @param {Uint8Array} bytes
 * @param {number} maxEntries
 */
function zipEntries(bytes, maxEntries) {
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new Refusal("unreadable");
  const count = u16(bytes, eocd + 10);
  if (count > maxEntries) throw new Refusal("too-large");
  const decoder = new TextDecoder("utf-8");
  const entries = [];
  let at = u32(bytes, eocd + 16);
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new Refusal("unreadable");
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localOffset = u32(bytes, at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 0x01) throw new Refusal("encrypted");
    entries.push({ name, method, compressedSize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The inflated bytes of one entry, counting what is actually produced against the budget.
 * @param {Uint8Array} bytes
 * @param {{ name: string, method: number, compressedSize: number, localOffset: number }} entry
 * @param {{ left: number }} budget
 */
function entryBytes(bytes, entry, budget) {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw new Refusal("unreadable");
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    budget.left -= data.length;
    if (budget.left < 0) throw new Refusal("too-large");
    return data;
  }
  if (entry.method !== 8) throw new Refusal("unreadable");
  const chunks = [];
  const inflate = new Inflate((chunk) => {
    budget.left -= chunk.length;
    if (budget.left < 0) throw new Refusal("too-large");
    chunks.push(chunk);
  });
  // Small slices, so the budget is checked while inflating, not after.
  for (let i = 0; i < data.length; i += 16 * 1024) {
    const end = Math.min(i + 16 * 1024, data.length);
    inflate.push(data.subarray(i, end), end === data.length);
  }
  if (data.length === 0) inflate.push(new Uint8Array(0), true);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/** Elements whose end separates text (paragraphs, cells, rows, list items, properties). */
const BLOCK =
  /^(?:\w+:)?(?:p|h|br|cr|tab|tc|tr|c|row|si|is|table-cell|table-row|list-item|line-break|s|txBody|sp|comment|footnote|endnote|hdr|ftr|title|subject|creator|keywords|description|lastModifiedBy|category|Company|Manager|property|lpwstr|lpstr|user-defined|note|annotation)$/;

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** @param {string} text */
function decodeXmlEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e) => {
    if (e[0] !== "#") return ENTITIES[e.toLowerCase()] ?? m;
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/**
 * The character data of an XML part: runs inside a paragraph join (a number split over two
 * formatted runs reads as one), block elements separate.
 * @param {string} xml
 */
function xmlText(xml) {
  const withoutCdata = xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, t) => t.replace(/</g, "&lt;"));
  const text = withoutCdata
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<\?[\s\S]*?\?>/g, "")
    .replace(/<\/?([A-Za-z_][\w.:-]*)[^>]*>/g, (_m, name) => (BLOCK.test(name) ? "\n" : ""));
  return decodeXmlEntities(text);
}

/** @param {Uint8Array} bytes @param {string} kind @param {any} limits */
function archiveText(bytes, kind, limits) {
  const entries = zipEntries(bytes, limits.maxEntries);
  const budget = { left: limits.maxUncompressedBytes };
  const decoder = new TextDecoder("utf-8");
  const parts = [];
  // Main content first, so the search text starts with the body.
  const main = {
    docx: "word/document.xml",
    pptx: "ppt/slides/",
    xlsx: "xl/sharedStrings.xml",
    odt: "content.xml",
    ods: "content.xml",
  }[kind];
  const ordered = [...entries].sort((a, b) => Number(!a.name.startsWith(main)) - Number(!b.name.startsWith(main)));
  for (const entry of ordered) {
    if (!/\.(xml|rels)$/i.test(entry.name) || entry.name.endsWith(".rels")) continue;
    parts.push(xmlText(decoder.decode(entryBytes(bytes, entry, budget))));
    if (parts.reduce((n, p) => n + p.length, 0) > limits.maxTextChars) throw new Refusal("too-much-text");
  }
  return parts.join("\n");
}

/** @param {Uint8Array} bytes @param {any} limits */
async function pdfText(bytes, limits) {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: bytes,
      useSystemFonts: false,
      isEvalSupported: false,
      disableFontFace: true,
      verbosity: 0,
    }).promise;
  } catch (error) {
    throw new Refusal(error && error.name === "PasswordException" ? "encrypted" : "unreadable");
  }
  const parts = [];
  let length = 0;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(" ");
      parts.push(text);
      length += text.length;
      if (length > limits.maxTextChars) throw new Refusal("too-much-text");
      page.cleanup();
    }
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal("unreadable");
  } finally {
    await doc.destroy();
  }
  return parts.join("\n");
}

/** Printable runs (metadata comments, EXIF strings) of an image. @param {Uint8Array} bytes */
function imageStrings(bytes) {
  const runs =
    Buffer.from(bytes)
      .toString("latin1")
      .match(/[\x20-\x7e]{8,}/g) ?? [];
  return runs.join("\n");
}

/** @param {Uint8Array} bytes */
function utf8Text(bytes) {
  if (bytes.includes(0)) throw new Refusal("not-text");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Refusal("not-text");
  }
}

/** @param {Uint8Array} bytes */
function textOf(bytes, kind, limits) {
  switch (kind) {
    case "pdf":
      return pdfText(bytes, limits);
    case "docx":
    case "xlsx":
    case "pptx":
    case "odt":
    case "ods":
      return archiveText(bytes, kind, limits);
    case "txt":
    case "md": {
      const text = utf8Text(bytes);
      if (text.length > limits.maxTextChars) throw new Refusal("too-much-text");
      return text;
    }
    case "png":
    case "jpeg":
      return imageStrings(bytes);
    default:
      throw new Refusal("unreadable");
  }
}

async function extract({ path, kind, limits }) {
  const bytes = new Uint8Array(fs.readFileSync(path));
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  return { text: await textOf(bytes, kind, limits), sha256 };
}

extract(workerData).then(
  ({ text, sha256 }) => parentPort?.postMessage({ ok: true, text, sha256 }),
  (error) => parentPort?.postMessage({ ok: false, reason: error instanceof Refusal ? error.reason : "unreadable" }),
);
