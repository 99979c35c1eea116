/**
 * CSV for Swedish Excel: semicolon separator, CRLF line ends, a UTF-8 BOM (so Excel reads
 * å, ä and ö correctly) and quoting of fields that contain ; " CR or LF. Pure.
 *
 * Formula injection: a text cell that starts with = + - @ tab or CR, also after leading
 * whitespace, is prefixed with an apostrophe so that Excel and LibreOffice show it as text
 * instead of evaluating it. Numbers passed as numbers are written as numbers (negative ones
 * too), with a decimal comma as Swedish Excel expects; non-finite numbers become empty cells.
 */

export type CsvCell = string | number | null | undefined;

const CSV_SEPARATOR = ";";
const CSV_LINE_END = "\r\n";
const BOM = "\uFEFF";

/** A cell starting (after any whitespace) with one of these is evaluated as a formula. */
const FORMULA_START = /^\s*[=+\-@\t\r]/; // \s includes no-break and other Unicode spaces

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  if (Object.is(value, -0)) return "0";
  return String(value).replace(".", ",");
}

/** One cell, neutralised and quoted as needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formatNumber(value);
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (/[;"\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** Rows as lines of the file, each ended by CRLF (a part of a file written a batch at a time). */
export function csvLines(rows: CsvCell[][]): string {
  return rows.map((row) => `${row.map(csvCell).join(CSV_SEPARATOR)}${CSV_LINE_END}`).join("");
}

/** The start of a file: the BOM and the header row. */
export function csvStart(headers: string[]): string {
  return `${BOM}${csvLines([headers])}`;
}

/** A whole file: BOM, header row and data rows, every line ended by CRLF. */
export function toCsv(headers: string[], rows: CsvCell[][]): string {
  return `${csvStart(headers)}${csvLines(rows)}`;
}

/** An ASCII-only stand-in for a file name (for the plain filename= parameter). */
function asciiFileName(filename: string): string {
  const ascii = filename
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\;]/g, "_")
    .trim();
  return ascii || "export.csv";
}

/** A download response; the name is sent both as ASCII and (RFC 5987) as UTF-8. */
export function csvResponse(body: string | ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${asciiFileName(filename)}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
