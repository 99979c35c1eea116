/**
 * Text from uploads, for search and for the personal-data guard. PDF with Mozilla's pdf.js
 * (pdfjs-dist, pure JavaScript), DOCX with mammoth; text and Markdown as they are.
 * Other kinds (images, spreadsheets) yield no text.
 */
import mammoth from "mammoth";

const MAX_TEXT = 2_000_000;

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const parts: string[] = [];
  try {
    for (let n = 1; n <= doc.numPages && parts.join(" ").length < MAX_TEXT; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      parts.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
    }
  } finally {
    await doc.destroy();
  }
  return parts.join("\n");
}

export async function extractText(bytes: Uint8Array, kind: string): Promise<string> {
  try {
    if (kind === "pdf") return (await pdfText(bytes)).slice(0, MAX_TEXT);
    if (kind === "docx") return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.slice(0, MAX_TEXT);
    if (kind === "txt" || kind === "md") return new TextDecoder().decode(bytes).slice(0, MAX_TEXT);
  } catch {
    // A file we cannot read is still stored; it is just not searchable.
    return "";
  }
  return "";
}
