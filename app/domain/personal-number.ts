/**
 * Guard against client data: finds Swedish personal identity numbers (personnummer) and
 * coordination numbers (samordningsnummer, day + 60) in free text. Pure.
 *
 * A candidate counts only if it has a real date and a valid Luhn check digit. Accepted forms:
 * YYMMDD-XXXX, YYMMDD+XXXX (a person aged 100 or more), YYYYMMDD-XXXX, YYYYMMDDXXXX,
 * YYMMDDXXXX, with a space (also a no-break space) or a typographic dash (–, —, ‐, −)
 * instead of the hyphen, as people paste from word processors.
 *
 * Not flagged: digits that are part of a longer number, date, time or registry number
 * (RS/2023/121212-1212, 2023-01-01, 12:00), amounts with thousands separators
 * ("5 720 000", "1 212 121 212"), decimals ("1212121212,50"), organisation numbers (month 20+),
 * 12-digit forms with a future year or before 1800, and anything whose date or check digit
 * is wrong (which rules out most phone numbers; one in ten 10-digit numbers with a plausible
 * date still passes the Luhn check, and the guard prefers a false alarm to a leak).
 *
 * The portal refuses text that contains a hit (nothing about individual clients belongs here).
 */

type PersonalNumberKind = "personnummer" | "samordningsnummer";

export interface PersonalNumberHit {
  /** The text as written, e.g. "19121212-1212". */
  match: string;
  /** Position of `match` in the searched text (UTF-16 code units). */
  index: number;
  kind: PersonalNumberKind;
}

const SEPARATORS = "\\-+ \\u00a0\\u2010-\\u2015\\u2212";
const DASHES = "\\-\\u2010-\\u2015\\u2212";

// Optional century, YYMMDD, optional separator, 4 digits. The look-behinds keep out digits
// that continue a number, a registry number or a time ("2023/", "12:", "1-"); the
// look-ahead keeps out longer numbers, "/…", ":…", "-1…" and decimals (",50").
const CANDIDATE = new RegExp(
  `(?<!\\d)(?<!\\d[/:${DASHES}])` +
    `(\\d{2})?(\\d{2})(\\d{2})(\\d{2})([${SEPARATORS}]?)(\\d{4})` +
    `(?!\\d|[/:${DASHES}]\\d|[.,]\\d)`,
  "gu",
);

/** Luhn check over the 10-digit form (YYMMDDNNNC). */
export function luhnValid(tenDigits: string): boolean {
  if (!/^\d{10}$/.test(tenDigits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let n = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return sum % 10 === 0;
}

/** The check digit that completes a 9-digit YYMMDDNNN (for building test data and examples). */
export function luhnCheckDigit(nineDigits: string): number {
  for (let c = 0; c <= 9; c++) if (luhnValid(`${nineDigits}${c}`)) return c;
  throw new Error(`not nine digits: ${nineDigits}`);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Full birth year of a 10-digit number: the latest year ending in YY that is not in the
 * future, and a hundred years earlier with "+" (Skatteverket's rule).
 */
function fullYear(yy: number, plus: boolean, currentYear: number): number {
  let year = currentYear - (((((currentYear % 100) - yy) % 100) + 100) % 100);
  if (plus) year -= 100;
  return year;
}

export interface FindOptions {
  /** The current year, for placing two-digit years in their century (default: now). */
  currentYear?: number;
}

export function findPersonalNumbers(text: string, options: FindOptions = {}): PersonalNumberHit[] {
  const currentYear = options.currentYear ?? new Date().getUTCFullYear();
  const hits: PersonalNumberHit[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const [match, century, yy, mm, dd, separator, last4] = m;
    const year = century ? Number(century + yy) : fullYear(Number(yy), separator === "+", currentYear);
    if (century && (year < 1800 || year > currentYear)) continue;
    const month = Number(mm);
    let day = Number(dd);
    let kind: PersonalNumberKind = "personnummer";
    if (day > 60) {
      day -= 60;
      kind = "samordningsnummer";
    }
    if (!validDate(year, month, day)) continue;
    if (!luhnValid(`${yy}${mm}${dd}${last4}`)) continue;
    hits.push({ match, index: m.index ?? 0, kind });
  }
  return hits;
}

/** Shows the date part and hides the rest: 19121212-1212 → 19121212-****, 1212121212 → 121212-****. */
export function maskPersonalNumber(match: string): string {
  const digits = match.replace(/\D/g, "");
  const datePart = digits.slice(0, digits.length - 4);
  const separator = match.includes("+") ? "+" : "-";
  return `${datePart}${separator}****`;
}

const MAX_SHOWN = 3;

/**
 * A Swedish explanation for the user, with the numbers masked (never the whole number back).
 */
export function personalDataMessage(hits: PersonalNumberHit[]): string {
  const kinds = new Set(hits.map((h) => h.kind));
  const noun =
    kinds.size === 2
      ? "personnummer eller samordningsnummer"
      : kinds.has("samordningsnummer")
        ? "samordningsnummer"
        : "personnummer";
  const masked = [...new Set(hits.map((h) => maskPersonalNumber(h.match)))];
  const shown =
    masked.slice(0, MAX_SHOWN).join(", ") + (masked.length > MAX_SHOWN ? ` och ${masked.length - MAX_SHOWN} till` : "");
  const what = hits.length > 1 ? `${hits.length} uppgifter som ser ut som ${noun}` : `något som ser ut som ett ${noun}`;
  const where = shown ? ` (${shown})` : "";
  return (
    `Texten innehåller ${what}${where}. ` +
    "Klientuppgifter får aldrig finnas i portalen – inga uppgifter om enskilda klienter, och statistik ska bara redovisas sammanställd. " +
    "Ta bort numret och försök igen."
  );
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  shy: "",
};

/** HTML/XML character references decoded (numeric and the common named ones). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});?/gi, (m, e: string) => {
    if (e[0] !== "#") return NAMED_ENTITIES[e.toLowerCase()] ?? m;
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** Characters that render as nothing (soft hyphen, zero-width spaces and joiners, BOM). */
const INVISIBLE = /[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]|\u034f|\u17b4|\u17b5/g;

/**
 * The ways a stored text can be read: as written; decoded (character references, full-width
 * digits, invisible characters removed); and rendered (Markdown emphasis, escapes, code
 * marks and HTML tags removed as a renderer removes them, so `19121212-**1212**` and
 * `&#49;9121212-1212` read as the number they display).
 */
function readingsOf(text: string): string[] {
  const decoded = decodeEntities(text.normalize("NFKC")).replace(INVISIBLE, "");
  const rendered = decodeEntities(
    decoded
      .replace(/<[^>]*>/g, "")
      .replace(/\\([\\`*_{}[\]()#+\-.!~|<>&])/g, "$1")
      .replace(/[*_~`]+/g, ""),
  ).replace(INVISIBLE, "");
  return [...new Set([text, decoded, rendered])];
}

/**
 * The personal-number guard for everything the portal stores: hits in any reading of the
 * text (see `readingsOf`). Empty when the text is clean.
 */
export function personalNumbersIn(text: string, options: FindOptions = {}): PersonalNumberHit[] {
  if (!/\d|&#|[\uff10-\uff19]/.test(text)) return [];
  for (const reading of readingsOf(text)) {
    const hits = findPersonalNumbers(reading, options);
    if (hits.length) return hits;
  }
  return [];
}

/**
 * The text with every personal identity number masked (the date part kept, the last four
 * digits replaced), for the coordinator's redaction of text stored before the guard existed.
 * Numbers written plainly are masked where they stand; a disguised one (emphasis, entities
 * between the digits) has its last four digits replaced by X where they stand; if a reading
 * still shows a number after that, the text is replaced by its rendered reading, masked. The
 * result never contains a number the guard finds.
 */
export function redactPersonalNumbers(text: string, options: FindOptions = {}): string {
  let out = text;
  for (const hit of findPersonalNumbers(out, options).reverse())
    out = out.slice(0, hit.index) + maskPersonalNumber(hit.match) + out.slice(hit.index + hit.match.length);
  for (let round = 0; round < 20; round++) {
    const hits = personalNumbersIn(out, options);
    if (!hits.length) return out;
    const digits = hits[0].match.replace(/\D/g, "");
    const pattern = new RegExp(
      digits
        .split("")
        .map((d, i) => (i >= digits.length - 4 ? `(${d})` : d))
        .join("[^0-9]{0,16}?"),
      "u",
    );
    const m = pattern.exec(out);
    if (!m) break;
    // Replace the last four digits (the capture groups) inside the match, right to left.
    let whole = m[0];
    let from = whole.length;
    for (let g = 4; g >= 1; g--) {
      const at = whole.lastIndexOf(m[g], from - 1);
      whole = `${whole.slice(0, at)}X${whole.slice(at + 1)}`;
      from = at;
    }
    out = out.slice(0, m.index) + whole + out.slice(m.index + m[0].length);
  }
  const rendered = readingsOf(out).at(-1) ?? out;
  let masked = rendered;
  for (const hit of findPersonalNumbers(masked, options).reverse())
    masked = masked.slice(0, hit.index) + maskPersonalNumber(hit.match) + masked.slice(hit.index + hit.match.length);
  return personalNumbersIn(masked, options).length ? masked.replace(/\d/g, "X") : masked;
}
