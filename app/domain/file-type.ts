/**
 * Decides an upload's real type from its content (magic bytes), never from its name, and
 * cleans file names for display. Pure.
 */

export const ALLOWED_UPLOAD_KINDS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "png", "jpeg", "txt", "md"] as const;
export type UploadKind = (typeof ALLOWED_UPLOAD_KINDS)[number];

const MIME: Record<UploadKind, string> = {
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

const EXTENSIONS: Record<string, UploadKind> = {
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
};

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);
const latin1 = (bytes: Uint8Array, limit = bytes.length) => Buffer.from(bytes.subarray(0, limit)).toString("latin1");

function zipKind(bytes: Uint8Array): UploadKind | null {
  const text = latin1(bytes);
  if (text.slice(30, 38) === "mimetype") {
    if (text.includes("application/vnd.oasis.opendocument.text")) return "odt";
    if (text.includes("application/vnd.oasis.opendocument.spreadsheet")) return "ods";
  }
  if (text.includes("[Content_Types].xml")) {
    if (text.includes("word/")) return "docx";
    if (text.includes("xl/")) return "xlsx";
    if (text.includes("ppt/")) return "pptx";
  }
  return null;
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function sniffKind(bytes: Uint8Array): UploadKind | "text" | "html" | "executable" | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipKind(bytes);
  if (startsWith(bytes, [0x4d, 0x5a]) || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return "executable";
  if (isUtf8Text(bytes)) {
    const head = latin1(bytes, 1024).replace(/^\uFEFF/, "").trimStart().toLowerCase();
    if (/^<(!doctype|html|svg|script|\?xml|body|iframe|head)/.test(head)) return "html";
    return "text";
  }
  return null;
}

export type DetectResult = { ok: true; kind: UploadKind; mime: string; extension: string } | { ok: false; error: string };

export function detectFileType(bytes: Uint8Array, filename: string): DetectResult {
  const name = cleanFileName(filename);
  const ext = name.includes(".") ? name.split(".").pop()!.toLowerCase() : "";
  const claimed = EXTENSIONS[ext];
  if (!claimed)
    return { ok: false, error: `Filtypen för ${name} är inte tillåten. Tillåtna är PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, text och Markdown.` };
  const real = sniffKind(bytes);
  if (real === "executable" || real === "html") return { ok: false, error: `${name} innehåller program eller webbkod och kan inte laddas upp.` };
  const matches = real === "text" ? claimed === "txt" || claimed === "md" : real === claimed;
  if (!matches) return { ok: false, error: `Innehållet i ${name} stämmer inte med filändelsen .${ext}. Spara filen i rätt format och försök igen.` };
  return { ok: true, kind: claimed, mime: MIME[claimed], extension: ext === "jpg" ? "jpg" : ext };
}

/** A display-safe file name: no path, no control or reserved characters, at most 120 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  let cleaned = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "")
    .replace(/^\.+/, "")
    .trim();
  if (cleaned.length > 120) {
    const dot = cleaned.lastIndexOf(".");
    const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
    cleaned = cleaned.slice(0, 120 - ext.length) + ext;
  }
  return cleaned || "fil";
}
