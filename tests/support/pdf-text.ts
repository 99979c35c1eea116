/**
 * The text of a PDF, read with pdfjs-dist, the library the portal reads uploaded PDFs with
 * (server/extract-worker.js). Runs of white space, including no-break spaces, become one space.
 */
export async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const parts: string[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      parts.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
      page.cleanup();
    }
    return { text: normalise(parts.join("\n")), pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

/** White space as the PDF text comparison sees it. */
export function normalise(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
}
