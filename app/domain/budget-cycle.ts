/**
 * The budget cycle as the parties keep it (see docs/decisions/009-budget-cycle.md):
 *
 * - The chain: the base year's budget is the agreement's; every later year is the previous
 *   year's budget (decided or indexed) indexed by the agreement's rate, unless the year's
 *   total was decided, in which case the decided figure stands and the next year is indexed
 *   from it. Never recomputed from the first year. Each indexed year is rounded to whole
 *   kronor, half up (an exact half krona goes up), and the next year starts from that
 *   rounded figure, because that is the budget the parties decided and paid.
 * - The balance: a year's money is its budget plus one-off costs plus the surplus carried in;
 *   what is left after the outcome (bokslut) is carried over to the next year; a deficit is
 *   covered by the parties per the model (split and invoiced with the next year's basis).
 *
 * Pure and exact (BigInt for the products); amounts are whole kronor.
 */

export interface BudgetModel {
  baseYear: number;
  baseBudget: number;
  /** Yearly indexation in basis points (3 % = 300). */
  indexBasisPoints: number;
}

export interface DecidedBudget {
  year: number;
  total: number;
}

export type BudgetSource = "avtal" | "beslut" | "uppräkning";

export interface ChainYear {
  year: number;
  total: number;
  /** avtal: the agreement's base budget; beslut: decided for the year; uppräkning: indexed. */
  source: BudgetSource;
  /** For an indexed year: the year and budget it was indexed from. */
  indexedFrom: { year: number; total: number } | null;
  /** For an indexed year: the exact product before rounding, as Swedish decimal text ("6 250 398,4488"). */
  exact: string | null;
}

function assertWholeKronor(amount: number, what: string) {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError(`${what} must be whole kronor ≥ 0, got ${amount}`);
}

/** Groups digits in threes with no-break spaces, Swedish style. */
function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}

/** One year's indexation: `previous × (1 + rate)`, rounded to whole kronor, half up; with the exact product. */
export function indexOneYear(previous: number, indexBasisPoints: number): { total: number; exact: string } {
  assertWholeKronor(previous, "The previous budget");
  if (!Number.isSafeInteger(indexBasisPoints) || indexBasisPoints < 0 || indexBasisPoints > 10_000)
    throw new RangeError("The indexation must be 0–10 000 basis points");
  const numerator = BigInt(previous) * BigInt(10_000 + indexBasisPoints);
  const total = Number((2n * numerator + 10_000n) / 20_000n);
  const whole = numerator / 10_000n;
  const fraction = (numerator % 10_000n).toString().padStart(4, "0").replace(/0+$/, "");
  return { total, exact: `${groupDigits(whole.toString())}${fraction ? `,${fraction}` : ""}` };
}

/** The budget of every year from the base year to `untilYear` (empty when it is before the base year). */
export function budgetChain(model: BudgetModel, decided: DecidedBudget[], untilYear: number): ChainYear[] {
  return budgetChainAcross([model], decided, untilYear);
}

/**
 * The money terms that apply to a budget year when an agreement has had several versions: each
 * version's terms apply from its base year until the next version's base year, so a version
 * adopted for 2027 changes neither 2023–2026 nor what was invoiced for them. `versions` are the
 * adopted versions before the one asked about, and that one last (it wins its own base year).
 * Of several versions with the same base year the later in the list applies.
 */
export function versionChain<V extends { baseYear: number }>(earlier: readonly V[], asked: V): V[] {
  const byBaseYear = new Map<number, V>();
  for (const v of earlier) if (v.baseYear < asked.baseYear) byBaseYear.set(v.baseYear, v);
  byBaseYear.set(asked.baseYear, asked);
  return [...byBaseYear.values()].sort((a, b) => a.baseYear - b.baseYear);
}

/** The version whose money terms apply to `year` (the first one before its base year). */
export function versionOfYear<V extends { baseYear: number }>(chain: readonly V[], year: number): V {
  let found = chain[0];
  for (const v of chain) if (v.baseYear <= year) found = v;
  return found;
}

/**
 * The budget chain across versions: each year uses the model of the version that applies to it
 * (`versionOfYear`); a version's base year starts from its base budget, later years are indexed
 * by its rate from the year before (also across a version change, for the balance's sake).
 */
export function budgetChainAcross(
  models: readonly BudgetModel[],
  decided: DecidedBudget[],
  untilYear: number,
): ChainYear[] {
  const sorted = [...models].sort((a, b) => a.baseYear - b.baseYear);
  for (const model of sorted) assertWholeKronor(model.baseBudget, "The base budget");
  const first = sorted[0];
  const decidedByYear = new Map<number, number>();
  for (const d of decided) {
    assertWholeKronor(d.total, `The decided budget for ${d.year}`);
    decidedByYear.set(d.year, d.total);
  }
  const chain: ChainYear[] = [];
  for (let year = first.baseYear; year <= untilYear; year++) {
    const model = versionOfYear(sorted, year);
    const decidedTotal = decidedByYear.get(year);
    if (decidedTotal !== undefined) {
      chain.push({ year, total: decidedTotal, source: "beslut", indexedFrom: null, exact: null });
    } else if (year === model.baseYear) {
      chain.push({ year, total: model.baseBudget, source: "avtal", indexedFrom: null, exact: null });
    } else {
      const previous = chain[chain.length - 1];
      const { total, exact } = indexOneYear(previous.total, model.indexBasisPoints);
      chain.push({
        year,
        total,
        source: "uppräkning",
        indexedFrom: { year: previous.year, total: previous.total },
        exact,
      });
    }
  }
  return chain;
}

/** The one year's budget from the chain; null before the base year. */
export function budgetForYear(model: BudgetModel, decided: DecidedBudget[], year: number): ChainYear | null {
  return budgetChain(model, decided, year).at(-1) ?? null;
}

/** What the budget page says about a year's figure, in Swedish. */
export function describeBudgetSource(y: ChainYear, indexBasisPoints: number): string {
  const rate = `${(indexBasisPoints / 100).toString().replace(".", ",")}\u00a0%`;
  if (y.source === "avtal") return `Budget enligt avtalet för basåret ${y.year}.`;
  if (y.source === "beslut") return `Fastställd genom beslut för ${y.year}.`;
  const from = y.indexedFrom!;
  const f = 10_000 + indexBasisPoints;
  const fraction = String(f % 10_000)
    .padStart(4, "0")
    .replace(/0+$/, "");
  const factor = `${Math.floor(f / 10_000)}${fraction ? `,${fraction}` : ""}`;
  return `Uppräknad med ${rate} från ${from.year}: ${groupDigits(String(from.total))} kr × ${factor} = ${y.exact} kr, avrundat till hela kronor (en halv krona avrundas uppåt).`;
}

export interface BalanceInput {
  year: number;
  /** The year's budget from the chain. */
  total: number;
  /** One-off costs the parties pay on top of the budget that year. */
  oneOffCosts: number;
  /** The outcome (bokslut); null until the year is closed. */
  outcome: number | null;
}

export interface BalanceYear {
  year: number;
  total: number;
  oneOffCosts: number;
  /** Surplus carried in from the previous year; null when that year's outcome is missing. */
  carriedIn: number | null;
  /** total + one-off costs + carried in. */
  available: number | null;
  outcome: number | null;
  /** available − outcome: positive is a surplus, negative a deficit. */
  result: number | null;
  /** The surplus that stays with the operation and is carried over to the next year. */
  surplusCarriedOver: number | null;
  /** The deficit the parties cover per the model (invoiced with the next year's basis). */
  deficit: number | null;
}

/**
 * The running balance, year after year. The first year carries nothing in. A missing outcome
 * leaves that year's result and every later year's carried-in amount unknown (never guessed).
 */
export function balanceChain(years: BalanceInput[]): BalanceYear[] {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const out: BalanceYear[] = [];
  let carried: number | null = 0;
  for (const [i, y] of sorted.entries()) {
    if (i > 0 && y.year !== sorted[i - 1].year + 1) throw new RangeError("The balance needs consecutive years");
    assertWholeKronor(y.total, "The budget");
    assertWholeKronor(y.oneOffCosts, "The one-off costs");
    if (y.outcome !== null) assertWholeKronor(y.outcome, "The outcome");
    const available: number | null = carried === null ? null : y.total + y.oneOffCosts + carried;
    const result: number | null = available === null || y.outcome === null ? null : available - y.outcome;
    out.push({
      year: y.year,
      total: y.total,
      oneOffCosts: y.oneOffCosts,
      carriedIn: carried,
      available,
      outcome: y.outcome,
      result,
      surplusCarriedOver: result === null ? null : Math.max(0, result),
      deficit: result === null ? null : Math.max(0, -result),
    });
    carried = result === null ? null : Math.max(0, result);
  }
  return out;
}

/**
 * The region's amount when it was decided rather than computed: the agreement's amount for the
 * base year (2 675 000 kr in 2023, where 46.75 % would be 2 674 100 kr) belongs to the base
 * year's agreed budget. It applies while that year's total is the agreed one (recorded as
 * decided or not). Every later year, and a base year whose total a decision changed, uses the
 * agreed percentage exactly, so recording a total as decided never moves money between parties.
 */
export function decidedRegionAmount(
  agreement: { baseYear: number; baseBudget: number; regionBaseAmount: number | null },
  year: ChainYear,
): number | null {
  return year.year === agreement.baseYear && year.total === agreement.baseBudget ? agreement.regionBaseAmount : null;
}
