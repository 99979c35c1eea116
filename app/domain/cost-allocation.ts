/**
 * The population-based cost split, in whole kronor that always add up to the total.
 * Pure and exact: shares are computed with integers (BigInt) so no floating-point rounding
 * can lose or invent a krona. Percentages are basis points (46.75 % = 4675).
 */

export interface Weighted {
  key: string;
  weight: number;
}

export interface Allocation {
  key: string;
  amount: number;
}

function assertWholeKronor(total: number) {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`Total must be whole kronor ≥ 0, got ${total}`);
}

/**
 * Largest remainder (Hamilton): everyone gets the whole kronor of their exact quota, and the
 * kronor left over go one each to the largest fractions (ties: first in the list).
 */
export function allocateLargestRemainder(total: number, weights: Weighted[]): Allocation[] {
  assertWholeKronor(total);
  for (const w of weights) if (!Number.isSafeInteger(w.weight) || w.weight < 0) throw new RangeError(`Weight must be a whole number ≥ 0: ${w.key}`);
  const sum = weights.reduce((s, w) => s + BigInt(w.weight), 0n);
  if (sum === 0n) {
    if (total === 0) return weights.map((w) => ({ key: w.key, amount: 0 }));
    throw new RangeError("Cannot allocate a non-zero total over weights that sum to zero");
  }
  const T = BigInt(total);
  const parts = weights.map((w, index) => {
    const exact = T * BigInt(w.weight);
    return { key: w.key, index, floor: exact / sum, remainder: exact % sum };
  });
  let left = T - parts.reduce((s, p) => s + p.floor, 0n);
  const order = [...parts].sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index));
  const extra = new Set<number>();
  for (const p of order) {
    if (left === 0n) break;
    extra.add(p.index);
    left -= 1n;
  }
  return parts.map((p) => ({ key: p.key, amount: Number(p.floor) + (extra.has(p.index) ? 1 : 0) }));
}

/** Rounds a non-negative fraction num/den to whole kronor, half up. */
function roundHalfUp(num: bigint, den: bigint): number {
  return Number((2n * num + den) / (2n * den));
}

/** `amount × percentage`, in whole kronor (half up). */
export function shareOf(amount: number, basisPoints: number): number {
  assertWholeKronor(amount);
  return roundHalfUp(BigInt(amount) * BigInt(basisPoints), 10_000n);
}

/** The base amount indexed by a yearly rate, compounded: base × (1 + rate)^(year − baseYear), half up. */
export function indexedBudget(baseYear: number, baseAmount: number, rateBasisPoints: number, year: number): number {
  assertWholeKronor(baseAmount);
  if (year < baseYear) throw new RangeError("Cannot index backwards from the base year");
  const n = BigInt(year - baseYear);
  return roundHalfUp(BigInt(baseAmount) * (10_000n + BigInt(rateBasisPoints)) ** n, 10_000n ** n);
}

export interface SplitInput {
  total: number;
  /** The region's amount set by decision; otherwise `regionBasisPoints` of the total. */
  regionAmount?: number | null;
  regionBasisPoints: number;
  /** null when the region is not a party that year: the municipalities then share everything. */
  regionKey: string | null;
  municipalities: { key: string; population: number }[];
}

export interface Split {
  total: number;
  region: Allocation | null;
  municipalTotal: number;
  municipalities: (Allocation & { population: number })[];
}

/** The year's split: the region's share, and the rest by population, to the krona. */
export function splitCosts(input: SplitInput): Split {
  assertWholeKronor(input.total);
  if (!Number.isInteger(input.regionBasisPoints) || input.regionBasisPoints < 0 || input.regionBasisPoints > 10_000)
    throw new RangeError("The region's share must be 0–10 000 basis points");
  // With no municipality left, the region carries the whole budget (and vice versa below).
  const regionAmount =
    input.regionKey === null ? 0 : input.municipalities.length === 0 ? input.total : (input.regionAmount ?? shareOf(input.total, input.regionBasisPoints));
  if (!Number.isSafeInteger(regionAmount) || regionAmount < 0) throw new RangeError("The region's amount must be whole kronor ≥ 0");
  if (regionAmount > input.total) throw new RangeError("The region's amount exceeds the total");
  if (input.regionKey === null && input.municipalities.length === 0) throw new RangeError("No party to carry the costs");
  const municipalTotal = input.total - regionAmount;
  const allocated = input.municipalities.length
    ? allocateLargestRemainder(municipalTotal, input.municipalities.map((m) => ({ key: m.key, weight: m.population })))
    : [];
  return {
    total: input.total,
    region: input.regionKey === null ? null : { key: input.regionKey, amount: regionAmount },
    municipalTotal,
    municipalities: allocated.map((a, i) => ({ ...a, population: input.municipalities[i].population })),
  };
}

export interface Comparison {
  key: string;
  model: number;
  recorded: number | null;
  /** recorded − model */
  difference: number | null;
}

/** Recorded amounts (e.g. from a decision document) beside the model's, with differences. */
export function compareWithRecorded(model: Allocation[], recorded: Allocation[]): { rows: Comparison[]; modelTotal: number; recordedTotal: number; totalDifference: number } {
  const byKey = new Map(recorded.map((r) => [r.key, r.amount]));
  const modelKeys = new Set(model.map((m) => m.key));
  const rows: Comparison[] = model.map((m) => {
    const r = byKey.get(m.key);
    return { key: m.key, model: m.amount, recorded: r ?? null, difference: r === undefined ? null : r - m.amount };
  });
  // A recorded amount for a party the model does not include is a difference too.
  for (const r of recorded) if (!modelKeys.has(r.key)) rows.push({ key: r.key, model: 0, recorded: r.amount, difference: r.amount });
  const modelTotal = model.reduce((s, m) => s + m.amount, 0);
  const recordedTotal = recorded.reduce((s, r) => s + r.amount, 0);
  return { rows, modelTotal, recordedTotal, totalDifference: recordedTotal - modelTotal };
}

/** A year's result: a surplus stays and carries over; a deficit is covered by the parties per the model. */
export function yearResult(budget: number, outcome: number): { surplus: number; deficit: number } {
  const diff = budget - outcome;
  return { surplus: Math.max(0, diff), deficit: Math.max(0, -diff) };
}

export interface PopulationRow {
  name: string;
  population: number;
}

/**
 * Parses pasted CSV of population figures ("Berg;6959" or "Berg,6 959", one per line, an optional
 * header). Returns rows, or Swedish errors with line numbers.
 */
export function parsePopulationCsv(text: string): { ok: true; rows: PopulationRow[] } | { ok: false; errors: string[] } {
  const rows: PopulationRow[] = [];
  const errors: string[] = [];
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .forEach((line, index) => {
      if (!line) return;
      const cells = line.split(/[;\t]|,(?=\s*[\d\s\u00a0]+$)/).map((c) => c.trim());
      if (cells.length < 2) {
        errors.push(`Rad ${index + 1}: skriv kommunens namn och folkmängden, till exempel "Berg;6959".`);
        return;
      }
      const [name, rawNumber] = cells;
      const digits = rawNumber.replace(/[\s\u00a0]/g, "");
      if (index === 0 && !/\d/.test(digits)) return; // a header row has no digits
      if (!/^\d+$/.test(digits)) {
        errors.push(`Rad ${index + 1}: folkmängden för ${name} måste vara ett heltal (${rawNumber}).`);
        return;
      }
      rows.push({ name, population: Number(digits) });
    });
  if (errors.length) return { ok: false, errors };
  if (rows.length === 0) return { ok: false, errors: ["Inga rader med folkmängd hittades."] };
  return { ok: true, rows };
}

/** Validates a population typed in a form. */
export function populationError(value: string): string | null {
  const digits = value.replace(/[\s\u00a0]/g, "");
  if (!digits) return "Ange folkmängden.";
  if (/^-/.test(digits)) return "Folkmängden kan inte vara negativ.";
  if (!/^\d+$/.test(digits)) return "Folkmängden måste vara ett heltal, till exempel 6 959.";
  if (Number(digits) > 10_000_000) return "Folkmängden är orimligt stor.";
  return null;
}

/** Validates the region's and the municipalities' percentages (they must make 100). */
export function percentagesError(regionPercent: string, municipalPercent: string): Partial<Record<"regionPercent" | "municipalPercent", string>> {
  const parse = (v: string) => (/^\d{1,3}([.,]\d{1,2})?$/.test(v.trim()) ? Math.round(Number(v.trim().replace(",", ".")) * 100) : NaN);
  const r = parse(regionPercent);
  const m = parse(municipalPercent);
  const errors: Partial<Record<"regionPercent" | "municipalPercent", string>> = {};
  if (Number.isNaN(r) || r > 10_000) errors.regionPercent = "Ange regionens andel i procent, till exempel 46,75.";
  if (Number.isNaN(m) || m > 10_000) errors.municipalPercent = "Ange kommunernas andel i procent, till exempel 53,25.";
  if (!errors.regionPercent && !errors.municipalPercent && r + m !== 10_000)
    errors.municipalPercent = `Andelarna måste bli 100 % tillsammans (nu ${((r + m) / 100).toFixed(2).replace(".", ",")} %).`;
  return errors;
}
