/**
 * Decides an upload's real type from its content (magic bytes), never from its name alone,
 * and cleans file names for display and download. Pure (works on a Uint8Array or Buffer).
 *
 * An upload is accepted only if its content is one of the allowed kinds AND its extension
 * names that same kind:
 * - PDF: starts with `%PDF-` (anything after the header, e.g. HTML, is still PDF).
 * - PNG, JPEG: their signatures.
 * - DOCX/XLSX/PPTX: a ZIP (`PK\x03\x04`) whose entry names (central directory, or the
 *   local headers when there is none) include `[Content_Types].xml` and the main part
 *   `word/document.xml`, `xl/workbook.xml` or `ppt/presentation.xml` (or, failing that,
 *   entries under exactly one of `word/`, `xl/`, `ppt/`). Macro projects (vbaProject.bin)
 *   are refused.
 * - ODT/ODS: a ZIP whose first entry is an uncompressed `mimetype` containing exactly
 *   `application/vnd.oasis.opendocument.text` or `…spreadsheet`.
 * - Text/Markdown: valid UTF-8 without NUL bytes that does not look like HTML, SVG, XML or
 *   script (first non-blank character `<` followed by a tag, or `<script`, `<svg`, `<html`,
 *   `<iframe`, `<!doctype` near the start).
 * Executables (MZ/PE, ELF, Mach-O, Java class files) and everything else are refused.
 */

export const ALLOWED_UPLOAD_KINDS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "png", "jpeg", "txt", "md"] as const;
type UploadKind = (typeof ALLOWED_UPLOAD_KINDS)[number];

const UPLOAD_MIME: Record<UploadKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  png: "image/png",
  jpeg: "image/jpeg",
  txt: "text/plain; charset=utf-8",
  md: "text/markdown; charset=utf-8",
};

/** File extensions (lower case, without dot) and the kind each one claims. */
const UPLOAD_EXTENSIONS: Readonly<Record<string, UploadKind>> = {
  pdf: "pdf",
  docx: "docx",
  xlsx: "xlsx",
  pptx: "pptx",
  odt: "odt",
  ods: "ods",
  png: "png",
  jpg: "jpeg",
  jpeg: "jpeg",
  txt: "txt",
  md: "md",
  markdown: "md",
};

/** What the content turned out to be. "text" covers both txt and md. */
export type SniffedKind = Exclude<UploadKind, "txt" | "md"> | "text" | "html" | "executable" | "macro" | "empty" | null;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

const LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

/** The bytes begin a zip archive (docx, xlsx, pptx, odt and ods are zip containers). */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, LOCAL_HEADER);
}
const CENTRAL_HEADER = [0x50, 0x4b, 0x01, 0x02];
const END_OF_CENTRAL_DIRECTORY = [0x50, 0x4b, 0x05, 0x06];
const MAX_ENTRIES = 10_000;

function entryName(bytes: Uint8Array, at: number, length: number): string {
  return new TextDecoder("utf-8").decode(bytes.subarray(at, at + length));
}

/** Entry names from the central directory (authoritative for Office and LibreOffice). */
function centralDirectoryNames(bytes: Uint8Array): string[] | null {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let eocd = bytes.length - 22; eocd >= earliest; eocd--) {
    if (!startsWith(bytes, END_OF_CENTRAL_DIRECTORY, eocd)) continue;
    const count = u16(bytes, eocd + 10);
    const size = u32(bytes, eocd + 12);
    const offset = u32(bytes, eocd + 16);
    if (offset + size > eocd) continue;
    const names: string[] = [];
    let at = offset;
    for (let i = 0; i < Math.min(count, MAX_ENTRIES); i++) {
      if (!startsWith(bytes, CENTRAL_HEADER, at) || at + 46 > bytes.length) return null;
      const nameLength = u16(bytes, at + 28);
      names.push(entryName(bytes, at + 46, nameLength));
      at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    }
    return names;
  }
  return null;
}

/** Entry names by walking local headers from the start (for a head of the file). */
function localHeaderNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  let at = 0;
  while (names.length < MAX_ENTRIES && startsWith(bytes, LOCAL_HEADER, at) && at + 30 <= bytes.length) {
    const flags = u16(bytes, at + 6);
    const compressedSize = u32(bytes, at + 18);
    const nameLength = u16(bytes, at + 26);
    const extraLength = u16(bytes, at + 28);
    names.push(entryName(bytes, at + 30, nameLength));
    // With a data descriptor (bit 3) the size is not in the header: we cannot skip ahead.
    if (flags & 0x08 && compressedSize === 0) break;
    at += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

/** The names of the entries in a ZIP archive (best effort on truncated input). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  if (!startsWith(bytes, LOCAL_HEADER)) return [];
  return centralDirectoryNames(bytes) ?? localHeaderNames(bytes);
}

type ZipKind = "docx" | "xlsx" | "pptx" | "odt" | "ods";

const ODF_MIME: Record<string, "odt" | "ods"> = {
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
};

/** ODF: the first entry is "mimetype", stored uncompressed, holding the media type. */
function odfKind(bytes: Uint8Array): "odt" | "ods" | null {
  if (bytes.length < 30) return null;
  const nameLength = u16(bytes, 26);
  if (bytes.length < 30 + nameLength || entryName(bytes, 30, nameLength) !== "mimetype") return null;
  if (u16(bytes, 8) !== 0) return null;
  const size = u32(bytes, 18);
  const start = 30 + nameLength + u16(bytes, 28);
  if (size > 200 || start + size > bytes.length) return null;
  return ODF_MIME[new TextDecoder("utf-8").decode(bytes.subarray(start, start + size))] ?? null;
}

const OOXML: { kind: ZipKind; main: string; folder: string }[] = [
  { kind: "docx", main: "word/document.xml", folder: "word/" },
  { kind: "xlsx", main: "xl/workbook.xml", folder: "xl/" },
  { kind: "pptx", main: "ppt/presentation.xml", folder: "ppt/" },
];

function zipKind(bytes: Uint8Array): SniffedKind {
  const odf = odfKind(bytes);
  if (odf) return odf;
  const names = zipEntryNames(bytes);
  if (!names.includes("[Content_Types].xml")) return null;
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return "macro";
  const byMain = OOXML.filter((o) => names.includes(o.main));
  if (byMain.length === 1) return byMain[0].kind;
  if (byMain.length > 1) return null;
  const byFolder = OOXML.filter((o) => names.some((n) => n.startsWith(o.folder)));
  return byFolder.length === 1 ? byFolder[0].kind : null;
}

/**
 * The text of valid UTF-8 without NUL bytes, else null. A multi-byte character cut off at
 * the very end is tolerated, so that a head of a longer file can be checked too.
 */
function decodeUtf8Text(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    return decoder.decode(bytes);
  } catch {
    // Find the lead byte of a trailing incomplete sequence, if that is all that is wrong.
    for (let back = 1; back <= 3 && back <= bytes.length; back++) {
      const lead = bytes[bytes.length - back];
      if ((lead & 0xc0) === 0x80) continue; // continuation byte: look further back
      const needed = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      if (needed <= back) return null;
      try {
        return decoder.decode(bytes.subarray(0, bytes.length - back));
      } catch {
        return null;
      }
    }
    return null;
  }
}

/** Text that a browser could take for markup: a tag at the start, or an active element near it. */
const MARKUP_START = /^<(?:[a-z][a-z0-9-]*(?:[\s/>]|$)|[!?/])/i;
const MARKUP_NEAR_START = /<(?:script|svg|html|iframe|object|embed|body|head|meta|!doctype\s+html|\?xml)(?=[\s/>]|$)/i;

function looksLikeMarkup(text: string): boolean {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, "")
    .trimStart();
  return MARKUP_START.test(head) || MARKUP_NEAR_START.test(head);
}

const EXECUTABLE_SIGNATURES: readonly (readonly number[])[] = [
  [0x4d, 0x5a], // MZ: Windows PE/DOS
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce], // Mach-O 32
  [0xfe, 0xed, 0xfa, 0xcf], // Mach-O 64
  [0xce, 0xfa, 0xed, 0xfe], // Mach-O 32, little endian
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O 64, little endian
  [0xca, 0xfe, 0xba, 0xbe], // Java class / Mach-O universal
];

/** The kind the content really is, from its bytes only. */
export function sniffKind(bytes: Uint8Array): SniffedKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, LOCAL_HEADER)) return zipKind(bytes);
  if (EXECUTABLE_SIGNATURES.some((signature) => startsWith(bytes, signature))) return "executable";
  const text = decodeUtf8Text(bytes);
  if (text === null) return null;
  return looksLikeMarkup(text) ? "html" : "text";
}

export type DetectResult =
  { ok: true; kind: UploadKind; mime: string; extension: string } | { ok: false; error: string };

const ALLOWED_DESCRIPTION =
  "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument (.odt, .ods), PNG, JPEG, text (.txt) och Markdown (.md)";

/** The lower-case extension of a (cleaned) file name, or "" if it has none. */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : "";
}

export function detectFileType(bytes: Uint8Array, filename: string): DetectResult {
  const name = cleanFileName(filename);
  const ext = fileExtension(name);
  const real = sniffKind(bytes);
  if (real === "empty") return { ok: false, error: `Filen ${name} är tom.` };
  if (real === "executable" || real === "html")
    return { ok: false, error: `${name} innehåller program eller webbkod och kan inte laddas upp.` };
  if (real === "macro")
    return {
      ok: false,
      error: `${name} innehåller makron och kan inte laddas upp. Spara dokumentet utan makron och försök igen.`,
    };
  if (!ext) return { ok: false, error: `${name} saknar filändelse. Tillåtna filtyper är ${ALLOWED_DESCRIPTION}.` };
  const claimed = UPLOAD_EXTENSIONS[ext];
  if (!claimed)
    return {
      ok: false,
      error: `Filtypen .${ext} (${name}) är inte tillåten. Tillåtna filtyper är ${ALLOWED_DESCRIPTION}.`,
    };
  const matches = real === "text" ? claimed === "txt" || claimed === "md" : real === claimed;
  if (!matches) {
    return {
      ok: false,
      error: `Innehållet i ${name} stämmer inte med filändelsen .${ext}. Spara filen i rätt format och försök igen.`,
    };
  }
  return { ok: true, kind: claimed, mime: UPLOAD_MIME[claimed], extension: ext };
}

const MAX_NAME_LENGTH = 120;
const MAX_EXTENSION_LENGTH = 10;
const FALLBACK_NAME = "fil";
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A safe file name for display and for Content-Disposition: the last path component only
 * (both / and \), NFC, no control, format (bidi override, zero-width) or reserved characters
 * (< > : " / \ | ? *), no leading/trailing dots or spaces, no Windows device names, at most
 * 120 characters with the extension kept, and never empty ("fil").
 */
export function cleanFileName(name: string): string {
  const base =
    String(name ?? "")
      .split(/[\\/]/)
      .pop() ?? "";
  let cleaned = base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u{FFFD}]/gu, "")
    .replace(/[<>:"|?*]/g, "")
    .replace(/\s+/gu, " ")
    .replace(/[. ]+$/, "")
    .trim();
  if (cleaned.startsWith(".")) cleaned = FALLBACK_NAME + cleaned.replace(/^[. ]+/, ".");
  // Windows refuses device names with any extension: CON, con.txt, Nul.tar.gz.
  if (WINDOWS_RESERVED.test(cleaned.split(".")[0].trim())) cleaned = `_${cleaned}`;
  const chars = Array.from(cleaned);
  if (chars.length > MAX_NAME_LENGTH) {
    const extDot = cleaned.lastIndexOf(".");
    const ext = extDot > 0 ? Array.from(cleaned.slice(extDot)) : [];
    const keep = ext.length > 1 && ext.length <= MAX_EXTENSION_LENGTH + 1 ? ext : [];
    cleaned = (
      chars
        .slice(0, MAX_NAME_LENGTH - keep.length)
        .join("")
        .replace(/[. ]+$/, "") + keep.join("")
    ).trim();
  }
  return cleaned || FALLBACK_NAME;
}
