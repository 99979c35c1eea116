/**
 * The notice of meeting and its PDF documents as one PDF (issue 10, item 8), built with
 * pdf-lib (`@pdfme/pdf-lib`, decision 006): the notice is drawn on A4 pages in Helvetica
 * (WinAnsi covers å, ä, ö and the usual punctuation; anything else is replaced), then every
 * readable PDF document's pages are appended in agenda order with `copyPages`. The caller
 * passes only the documents the viewer may open (the rule of the zip: `visibleAgendaOf`,
 * confidential items withheld). A document pdf-lib cannot open (encrypted, broken) is listed
 * on the notice as left out, so the reader knows.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "@pdfme/pdf-lib";

export interface NoticePdfInput {
  title: string;
  facts: [string, string][];
  paragraphs: string[];
  called: string[];
  items: { heading: string; lines: string[] }[];
}

export interface NoticePdfDocument {
  itemHeading: string;
  name: string;
  bytes: Uint8Array;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const SIZE = 10.5;
const LEADING = 14;

/** Text the standard font can encode: every other character becomes "?". */
function encodable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  return [...text.replace(/\s+/g, " ")].map((c) => (known.has(c.codePointAt(0)!) ? c : "?")).join("");
}

/** Words wrapped to the width, a long word broken where it must. */
function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

class Writer {
  private page!: PDFPage;
  private y = 0;
  constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage();
  }
  private newPage() {
    this.page = this.pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  text(text: string, options: { bold?: boolean; size?: number; indent?: number; gap?: number } = {}) {
    const font = options.bold ? this.bold : this.regular;
    const size = options.size ?? SIZE;
    const indent = options.indent ?? 0;
    const width = A4[0] - 2 * MARGIN - indent;
    for (const line of wrap(font, size, encodable(font, text), width)) {
      if (this.y < MARGIN + LEADING) this.newPage();
      this.y -= size + (LEADING - SIZE);
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font, color: rgb(0, 0, 0) });
    }
    this.y -= options.gap ?? 0;
  }
  space(points = LEADING / 2) {
    this.y -= points;
  }
}

/**
 * The combined PDF: the notice first, then the documents' pages. Returns the bytes and which
 * documents were appended or left out.
 */
export async function noticePdf(
  notice: NoticePdfInput,
  documents: NoticePdfDocument[],
): Promise<{ bytes: Uint8Array; appended: string[]; leftOut: string[] }> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(notice.title);
  pdf.setLanguage("sv-SE");
  pdf.setProducer("Samverkansportalen");
  // Open and copy the documents first (copied pages are added after the notice), so the
  // notice can say which could not be read: a broken file fails here, not halfway.
  const opened: { doc: NoticePdfDocument; pages: PDFPage[] }[] = [];
  const leftOut: string[] = [];
  for (const doc of documents) {
    try {
      const source = await PDFDocument.load(doc.bytes, { updateMetadata: false });
      const pages = await pdf.copyPages(source, source.getPageIndices());
      if (pages.length === 0) throw new Error("no pages");
      opened.push({ doc, pages });
    } catch {
      leftOut.push(doc.name);
    }
  }
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(pdf, regular, bold);
  w.text(notice.title, { bold: true, size: 16, gap: 6 });
  for (const [label, value] of notice.facts) w.text(`${label}: ${value}`);
  w.space();
  for (const p of notice.paragraphs) w.text(p, { gap: 4 });
  w.space();
  w.text("Kallade", { bold: true, size: 12, gap: 2 });
  for (const c of notice.called) w.text(c, { indent: 12 });
  w.space();
  w.text("Dagordning", { bold: true, size: 12, gap: 2 });
  for (const item of notice.items) {
    w.text(item.heading, { bold: true, gap: 1 });
    for (const line of item.lines) w.text(line, { indent: 12 });
    w.space(4);
  }
  w.space();
  w.text("Handlingar i denna PDF", { bold: true, size: 12, gap: 2 });
  if (opened.length === 0) w.text("Inga handlingar i PDF-format.", { indent: 12 });
  for (const { doc, pages } of opened) w.text(`${doc.itemHeading}: ${doc.name} (${pages.length} s.)`, { indent: 12 });
  if (leftOut.length) {
    w.space(4);
    w.text(`Kunde inte läggas till (öppna dem var för sig i portalen): ${leftOut.join(", ")}.`);
  }
  for (const { pages } of opened) for (const page of pages) pdf.addPage(page);
  return { bytes: await pdf.save(), appended: opened.map((o) => o.doc.name), leftOut };
}

/**
 * Builds a small notice with an appended document once, before the server listens: the first
 * PDF after a start paid for reading the standard fonts' metrics and compiling pdf-lib's code,
 * 0.1–0.5 s of the event loop in that one request (issue 14: at most 50 ms).
 */
export async function warmNoticePdf(): Promise<void> {
  const sample: NoticePdfInput = {
    title: "Kallelse",
    facts: [["Tid", "09:00–12:00"]],
    paragraphs: ["Välkomna."],
    called: ["Ledamot"],
    items: [{ heading: "1. Mötets öppnande", lines: ["Beslut"] }],
  };
  const { bytes } = await noticePdf(sample, []);
  await noticePdf(sample, [{ itemHeading: "1. Mötets öppnande", name: "handling.pdf", bytes }]);
}
