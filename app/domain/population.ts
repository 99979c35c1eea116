/**
 * Population figures for the municipal split: the agreement version's date rule ("1 November
 * the year before the budget year"), which figure a year uses (and whether it is carried
 * forward from an earlier date or only illustrative), and reading SCB's table as it is pasted
 * ("2326 Berg  6959"). Pure.
 */
import { parseIsoDate } from "./calendar-dates";

/** The reference date of the population figures for a budget year: month-day and a year offset. */
export interface PopulationRule {
  /** "11-01" for 1 November. */
  monthDay: string;
  /** −1: the year before the budget year. */
  yearOffset: number;
}

const MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];

/** A valid rule: a day that exists in every year (not 29 February) and an offset of −5…0 years. */
export function populationRuleError(rule: PopulationRule): string | null {
  if (!/^\d{2}-\d{2}$/.test(rule.monthDay) || rule.monthDay === "02-29" || !parseIsoDate(`2001-${rule.monthDay}`))
    return "Ange dagen som MM-DD, till exempel 11-01 för 1 november.";
  if (!Number.isInteger(rule.yearOffset) || rule.yearOffset < -5 || rule.yearOffset > 0)
    return "Året ska vara budgetåret eller upp till fem år före.";
  return null;
}

export function populationReferenceDate(rule: PopulationRule, budgetYear: number): string {
  return `${String(budgetYear + rule.yearOffset).padStart(4, "0")}-${rule.monthDay}`;
}

/** "1 november året före budgetåret" */
export function describePopulationRule(rule: PopulationRule): string {
  const [m, d] = rule.monthDay.split("-").map(Number);
  const when =
    rule.yearOffset === 0
      ? "budgetåret"
      : rule.yearOffset === -1
        ? "året före budgetåret"
        : `${-rule.yearOffset} år före budgetåret`;
  return `${d} ${MONTHS[m - 1]} ${when}`;
}

export interface PopulationFigure {
  /** The date the figure describes ("2022-11-01"). */
  asOf: string;
  population: number;
  /** An example figure, not SCB's (demo data or an estimate). */
  illustrative: boolean;
}

export interface PopulationBasis extends PopulationFigure {
  /** The figure is from an earlier date than the rule asks for (the right one is missing). */
  carriedForward: boolean;
}

/** The figure the rule asks for, else the latest earlier one (flagged as carried forward); null when none. */
export function populationBasis(figures: PopulationFigure[], referenceDate: string): PopulationBasis | null {
  let best: PopulationFigure | null = null;
  for (const f of figures) if (f.asOf <= referenceDate && (best === null || f.asOf > best.asOf)) best = f;
  return best ? { ...best, carriedForward: best.asOf !== referenceDate } : null;
}

/** Validates a population typed in a form. */
export function populationError(value: string): string | null {
  const digits = value.replace(/[\s\u00a0\u202f]/g, "");
  if (!digits) return "Ange folkmängden.";
  if (/^-/.test(digits)) return "Folkmängden kan inte vara negativ.";
  if (!/^\d+$/.test(digits)) return "Folkmängden måste vara ett heltal, till exempel 6 959.";
  if (Number(digits) > 10_000_000) return "Folkmängden är orimligt stor.";
  return null;
}

interface PastedPopulation {
  line: number;
  /** SCB's municipality code (kommunkod), when the row has one. */
  code: string | null;
  name: string;
  population: number;
}

export type PasteResult =
  { ok: true; rows: PastedPopulation[]; skipped: string[] } | { ok: false; errors: string[]; rows: PastedPopulation[] };

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * Reads population rows pasted from SCB's statistical database or typed by hand. Accepted:
 * - SCB's table, tab- or semicolon-separated, quoted or not, with its header lines:
 *   `"2326 Berg"	"totalt ålder"	"totalt"	6959` (the last whole number on the line is the population);
 * - `2326 Berg 6 959`, `Berg;6959`, `Berg, 6 959`, `2326;Berg;6959`.
 * Lines without a whole number (headers, footnotes) and SCB's county or national total rows
 * (two-digit codes such as "23 Jämtlands län", "00 Riket") are skipped and reported.
 */
export function parsePopulationPaste(text: string): PasteResult {
  const candidates: (PastedPopulation & { raw: string })[] = [];
  const errors: string[] = [];
  const skipped: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.trim();
    if (!line) return;
    let cells = line
      .split(/\t|;/)
      .map((c) =>
        c
          .trim()
          .replace(/^"(.*)"$/, "$1")
          .trim(),
      )
      .filter((c) => c !== "");
    // "Berg, 6 959" and "2326 Berg 6 959": split off the number at the end.
    if (cells.length === 1) {
      const m = /^(.*?)[,\s]\s*(-?\d[\d\s\u00a0\u202f]*)$/.exec(cells[0]);
      cells = m ? [m[1].trim(), m[2]] : cells;
    }
    let numberIndex = -1;
    cells.forEach((c, i) => {
      if (i > 0 && /^-?\d+$/.test(c.replace(SPACES, ""))) numberIndex = i;
    });
    if (numberIndex < 0) {
      skipped.push(`Rad ${lineNo}: ”${line.slice(0, 60)}” (ingen folkmängd, läses som rubrik)`);
      return;
    }
    const digits = cells[numberIndex].replace(SPACES, "");
    let label = cells.slice(0, numberIndex);
    // A code in a cell of its own: "2326;Berg;6959".
    let code: string | null = null;
    if (label.length >= 2 && /^\d{2,4}$/.test(label[0])) {
      code = label[0];
      label = label.slice(1);
    }
    const withCode = /^(\d{2,4})\s+(.+)$/.exec(label[0] ?? "");
    if (withCode) {
      code = withCode[1];
      label = [withCode[2], ...label.slice(1)];
    }
    const name = (label[0] ?? "").trim();
    if (code !== null && code.length !== 4) {
      skipped.push(`Rad ${lineNo}: ${code} ${name} (inte en kommun)`);
      return;
    }
    if (!name || /^\d+$/.test(name)) {
      errors.push(`Rad ${lineNo}: skriv kommunens namn och folkmängden, till exempel ”2326 Berg 6959”.`);
      return;
    }
    candidates.push({ line: lineNo, code, name, population: Number(digits), raw: line });
  });
  // In SCB's table every municipality row has its code; lines without one are its headings.
  const scbTable = candidates.some((c) => c.code !== null);
  const rows: PastedPopulation[] = [];
  for (const c of candidates) {
    if (scbTable && c.code === null) {
      skipped.push(`Rad ${c.line}: ”${c.raw.slice(0, 60)}” (ingen kommunkod, läses som rubrik)`);
      continue;
    }
    if (c.population < 0) errors.push(`Rad ${c.line}: folkmängden för ${c.name} kan inte vara negativ.`);
    else if (!Number.isSafeInteger(c.population) || c.population > 10_000_000)
      errors.push(`Rad ${c.line}: folkmängden för ${c.name} är orimligt stor.`);
    else rows.push({ line: c.line, code: c.code, name: c.name, population: c.population });
  }
  if (rows.length === 0 && errors.length === 0) errors.push("Inga rader med kommun och folkmängd hittades.");
  const lineOf = (message: string) => Number(/^Rad (\d+)/.exec(message)?.[1] ?? 0);
  errors.sort((a, b) => lineOf(a) - lineOf(b));
  return errors.length ? { ok: false, errors, rows } : { ok: true, rows, skipped };
}

/** "Bergs kommun", "Berg" and "BERG" are the same municipality; so are "Åre kommun" and "Åre". */
export function normaliseMunicipalityName(name: string): string {
  return name
    .trim()
    .toLocaleLowerCase("sv-SE")
    .replace(/\s+kommun$/, "")
    .replace(/s$/, "");
}

/** The organisation a pasted row names: by municipality code when both have one, else by name. */
export function matchMunicipality<T extends { name: string; code?: string | null }>(
  row: { code: string | null; name: string },
  candidates: T[],
): T | null {
  if (row.code) {
    const byCode = candidates.find((c) => c.code && c.code === row.code);
    if (byCode) return byCode;
  }
  const wanted = normaliseMunicipalityName(row.name);
  return candidates.find((c) => normaliseMunicipalityName(c.name) === wanted) ?? null;
}

/**
 * The versions of a date's figures a form was read at (optimistic locking): organisation id →
 * the figure's version, 0 when it had none. Carried in the form as "12:3 13:0".
 */
export type SeenVersions = Map<number, number>;

export function seenVersionsText(seen: SeenVersions): string {
  return [...seen].map(([organisationId, version]) => `${organisationId}:${version}`).join(" ");
}

/** The versions a form names; null when the text is not what `seenVersionsText` writes. */
export function parseSeenVersions(text: string): SeenVersions | null {
  const seen: SeenVersions = new Map();
  for (const pair of text.trim().split(/\s+/).filter(Boolean)) {
    const m = /^([1-9]\d{0,9}):(0|[1-9]\d{0,9})$/.exec(pair);
    if (!m || seen.has(Number(m[1]))) return null;
    seen.set(Number(m[1]), Number(m[2]));
  }
  return seen;
}

export interface StoredPopulation {
  organisationId: number;
  population: number;
  illustrative: boolean;
  version: number;
}

/** Saving `population` changes what is stored: no figure yet, another one, or an example replaced by SCB's. */
export function changesFigure(stored: StoredPopulation | undefined, population: number): boolean {
  return !stored || stored.population !== population || stored.illustrative;
}

/**
 * The stored figures a save would write over unseen: someone saved them after the form was read
 * (a version the form did not name; a municipality the form did not know counts as seen empty).
 * Writing the very figure already stored (as SCB's, not an example) overwrites nothing.
 */
export function populationConflicts(
  writing: { organisationId: number; population: number }[],
  seen: SeenVersions,
  stored: StoredPopulation[],
): StoredPopulation[] {
  const byOrganisation = new Map(stored.map((s) => [s.organisationId, s]));
  return writing.flatMap((w) => {
    const now = byOrganisation.get(w.organisationId);
    if (!now || now.version === (seen.get(w.organisationId) ?? 0)) return [];
    return changesFigure(now, w.population) ? [now] : [];
  });
}
