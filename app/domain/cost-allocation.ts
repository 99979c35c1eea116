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
  for (const w of weights)
    if (!Number.isSafeInteger(w.weight) || w.weight < 0)
      throw new RangeError(`Weight must be a whole number ≥ 0: ${w.key}`);
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
  const order = [...parts].sort((a, b) =>
    b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index,
  );
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

/** The parties a year's costs are split between, with the agreed percentage for the region. */
export interface ModelParties {
  regionBasisPoints: number;
  /** null when the region is not a party that year: the municipalities then share everything. */
  regionKey: string | null;
  municipalities: { key: string; population: number }[];
}

export interface SplitInput extends ModelParties {
  total: number;
  /** The region's amount set by decision; otherwise `regionBasisPoints` of the total. */
  regionAmount?: number | null;
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
    input.regionKey === null
      ? 0
      : input.municipalities.length === 0
        ? input.total
        : (input.regionAmount ?? shareOf(input.total, input.regionBasisPoints));
  if (!Number.isSafeInteger(regionAmount) || regionAmount < 0)
    throw new RangeError("The region's amount must be whole kronor ≥ 0");
  if (regionAmount > input.total) throw new RangeError("The region's amount exceeds the total");
  if (input.regionKey === null && input.municipalities.length === 0)
    throw new RangeError("No party to carry the costs");
  const municipalTotal = input.total - regionAmount;
  const allocated = input.municipalities.length
    ? allocateLargestRemainder(
        municipalTotal,
        input.municipalities.map((m) => ({ key: m.key, weight: m.population })),
      )
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
export function compareWithRecorded(
  model: Allocation[],
  recorded: Allocation[],
): { rows: Comparison[]; modelTotal: number; recordedTotal: number; totalDifference: number } {
  const byKey = new Map(recorded.map((r) => [r.key, r.amount]));
  const modelKeys = new Set(model.map((m) => m.key));
  const rows: Comparison[] = model.map((m) => {
    const r = byKey.get(m.key);
    return { key: m.key, model: m.amount, recorded: r ?? null, difference: r === undefined ? null : r - m.amount };
  });
  // A recorded amount for a party the model does not include is a difference too.
  for (const r of recorded)
    if (!modelKeys.has(r.key)) rows.push({ key: r.key, model: 0, recorded: r.amount, difference: r.amount });
  const modelTotal = model.reduce((s, m) => s + m.amount, 0);
  const recordedTotal = recorded.reduce((s, r) => s + r.amount, 0);
  return { rows, modelTotal, recordedTotal, totalDifference: recordedTotal - modelTotal };
}

/** Validates the region's and the municipalities' percentages (they must make 100). */
export function percentagesError(
  regionPercent: string,
  municipalPercent: string,
): Partial<Record<"regionPercent" | "municipalPercent", string>> {
  const parse = (v: string) =>
    /^\d{1,3}([.,]\d{1,2})?$/.test(v.trim()) ? Math.round(Number(v.trim().replace(",", ".")) * 100) : NaN;
  const r = parse(regionPercent);
  const m = parse(municipalPercent);
  const errors: Partial<Record<"regionPercent" | "municipalPercent", string>> = {};
  if (Number.isNaN(r) || r > 10_000) errors.regionPercent = "Ange regionens andel i procent, till exempel 46,75.";
  if (Number.isNaN(m) || m > 10_000) errors.municipalPercent = "Ange kommunernas andel i procent, till exempel 53,25.";
  if (!errors.regionPercent && !errors.municipalPercent && r + m !== 10_000)
    errors.municipalPercent = `Andelarna måste bli 100 % tillsammans (nu ${((r + m) / 100).toFixed(2).replace(".", ",")} %).`;
  return errors;
}

/**
 * How a joint fund or a one-off cost is shared (as decided):
 * - modell: like the budget, the region its percentage and the municipalities the rest by population;
 * - halvor: half the region, half the municipalities by population (as premises and running costs);
 * - part: all of it to one named party.
 */
export const ALLOCATION_RULES = ["modell", "halvor", "part"] as const;
export type AllocationRule = (typeof ALLOCATION_RULES)[number];

export const ALLOCATION_RULE_LABEL: Record<AllocationRule, string> = {
  modell: "enligt beräkningsmodellen",
  halvor: "hälften regionen, hälften kommunerna efter folkmängd",
  part: "en part",
};

/** Every party's part of an amount shared by `rule`, to the krona (parties outside the rule get 0). */
export function allocateByRule(
  amount: number,
  rule: AllocationRule,
  parties: ModelParties,
  partyKey: string | null = null,
): Allocation[] {
  assertWholeKronor(amount);
  const keys = [
    ...(parties.regionKey === null ? [] : [parties.regionKey]),
    ...parties.municipalities.map((m) => m.key),
  ];
  if (keys.length === 0) throw new RangeError("No party to share the amount");
  if (rule === "part") {
    if (partyKey === null || !keys.includes(partyKey)) throw new RangeError(`Not a party that year: ${partyKey}`);
    return keys.map((key) => ({ key, amount: key === partyKey ? amount : 0 }));
  }
  const split = splitCosts({
    total: amount,
    regionBasisPoints: rule === "halvor" ? 5000 : parties.regionBasisPoints,
    regionKey: parties.regionKey,
    municipalities: parties.municipalities,
  });
  return [...(split.region ? [split.region] : []), ...split.municipalities.map(({ key, amount }) => ({ key, amount }))];
}
