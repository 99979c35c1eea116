/**
 * One budget year per party, to the krona: each party's share of the year's budget, its part
 * of joint funds (which reduce it) and one-off costs (which add to it), and its part of the
 * previous year's deficit; the net is the invoice basis. Every line is split so that the
 * parties' parts add up to the line's amount exactly. Pure.
 */
import { allocateByRule, splitCosts, type AllocationRule, type ModelParties } from "./cost-allocation";

export const BUDGET_ITEM_KINDS = ["gemensamma medel", "engångskostnad"] as const;
export type BudgetItemKind = (typeof BUDGET_ITEM_KINDS)[number];

export interface BudgetItem {
  kind: BudgetItemKind;
  label: string;
  amount: number;
  rule: AllocationRule;
  /** The party that carries it all when the rule is "part". */
  partyKey: string | null;
}

export interface YearParty {
  key: string;
  name: string;
  kind: string;
  /** Municipalities: the population the split uses, null when none is known. */
  population: number | null;
}

export interface YearSharesInput {
  year: number;
  total: number;
  regionBasisPoints: number;
  /** The region's amount when decided (the base year of Mini-Maria: 2 675 000 kr); else the percentage applies. */
  regionDecidedAmount: number | null;
  /** The parties of the year, the region first when there is one. */
  parties: YearParty[];
}

export interface YearShares {
  year: number;
  total: number;
  /** No party is active this year (an agreement not yet in force, or ended): nothing to split. */
  noParties: boolean;
  /** No municipality has a population figure: they share equally until the figures are entered. */
  equalWeights: boolean;
  model: ModelParties;
  rows: (YearParty & { share: number })[];
  regionAmount: number;
  municipalTotal: number;
}

/** The year's budget split between the year's parties: the region's percentage (or decided amount), the rest by population. */
export function yearShares(input: YearSharesInput): YearShares {
  const region = input.parties.find((p) => p.kind === "region") ?? null;
  const municipalities = input.parties.filter((p) => p !== region);
  const anyPopulation = municipalities.some((m) => (m.population ?? 0) > 0);
  const model: ModelParties = {
    regionBasisPoints: input.regionBasisPoints,
    regionKey: region?.key ?? null,
    municipalities: municipalities.map((m) => ({ key: m.key, population: anyPopulation ? (m.population ?? 0) : 1 })),
  };
  if (input.parties.length === 0)
    return {
      year: input.year,
      total: input.total,
      noParties: true,
      equalWeights: false,
      model,
      rows: [],
      regionAmount: 0,
      municipalTotal: 0,
    };
  const split = splitCosts({ total: input.total, regionAmount: input.regionDecidedAmount, ...model });
  const amountOf = new Map<string, number>([
    ...(split.region ? [[split.region.key, split.region.amount] as const] : []),
    ...split.municipalities.map((m) => [m.key, m.amount] as const),
  ]);
  return {
    year: input.year,
    total: input.total,
    noParties: false,
    equalWeights: municipalities.length > 0 && !anyPopulation,
    model,
    rows: [...(region ? [region] : []), ...municipalities].map((p) => ({ ...p, share: amountOf.get(p.key)! })),
    regionAmount: split.region?.amount ?? 0,
    municipalTotal: split.municipalTotal,
  };
}

type InvoiceLineKind = "andel" | "gemensamma medel" | "engångskostnad" | "underskott";

export interface InvoiceLine {
  kind: InvoiceLineKind;
  label: string;
  /** Signed: joint funds are negative. */
  amount: number;
}

interface PartyInvoice {
  key: string;
  name: string;
  kind: string;
  /** A party of the year (false for a former party billed only its part of last year's deficit). */
  partyOfYear: boolean;
  lines: InvoiceLine[];
  net: number;
}

export interface InvoiceBasis {
  year: number;
  parties: PartyInvoice[];
  /** Things the coordinator should correct (an item assigned to a party that is not a party that year). */
  warnings: string[];
  /** The budget, minus joint funds, plus one-off costs, plus last year's deficit: what the parties pay together. */
  totals: { budget: number; jointFunds: number; oneOffCosts: number; deficit: number; net: number };
}

function formatAmount(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0")}\u00a0kr`;
}

/**
 * The invoice basis of a year: shares, the year's joint funds and one-off costs split by their
 * rules, and the previous year's deficit split by that year's model among that year's parties.
 */
export function invoiceBasis(
  current: YearShares,
  items: BudgetItem[],
  previousDeficit: { year: number; amount: number; shares: YearShares } | null,
): InvoiceBasis {
  const byKey = new Map<string, PartyInvoice>();
  for (const r of current.rows)
    byKey.set(r.key, {
      key: r.key,
      name: r.name,
      kind: r.kind,
      partyOfYear: true,
      lines: [{ kind: "andel", label: `Andel av budgeten ${current.year}`, amount: r.share }],
      net: 0,
    });
  let jointFunds = 0;
  let oneOffCosts = 0;
  const warnings: string[] = [];
  if (!current.noParties)
    for (const item of items) {
      const sign = item.kind === "gemensamma medel" ? -1 : 1;
      if (sign < 0) jointFunds += item.amount;
      else oneOffCosts += item.amount;
      let rule = item.rule;
      if (rule === "part" && !byKey.has(item.partyKey ?? "")) {
        warnings.push(
          `${item.label}: den angivna parten är inte part ${current.year}; beloppet fördelas enligt beräkningsmodellen tills det rättas.`,
        );
        rule = "modell";
      }
      const parts = allocateByRule(item.amount, rule, current.model, item.partyKey);
      for (const part of parts) {
        if (part.amount === 0) continue;
        byKey.get(part.key)!.lines.push({
          kind: item.kind,
          label: `${item.kind === "gemensamma medel" ? "Gemensamma medel" : "Engångskostnad"}: ${item.label} (${formatAmount(item.amount)} totalt)`,
          amount: sign * part.amount,
        });
      }
    }
  let deficit = 0;
  if (previousDeficit && previousDeficit.amount > 0 && !previousDeficit.shares.noParties) {
    deficit = previousDeficit.amount;
    const parts = allocateByRule(previousDeficit.amount, "modell", previousDeficit.shares.model);
    for (const part of parts) {
      if (part.amount === 0) continue;
      let party = byKey.get(part.key);
      if (!party) {
        const former = previousDeficit.shares.rows.find((r) => r.key === part.key)!;
        party = { key: former.key, name: former.name, kind: former.kind, partyOfYear: false, lines: [], net: 0 };
        byKey.set(part.key, party);
      }
      party.lines.push({
        kind: "underskott",
        label: `Underskott ${previousDeficit.year} enligt beräkningsmodellen (${formatAmount(previousDeficit.amount)} totalt)`,
        amount: part.amount,
      });
    }
  }
  const parties = [...byKey.values()].map((p) => ({ ...p, net: p.lines.reduce((s, l) => s + l.amount, 0) }));
  const budget = current.noParties ? 0 : current.total;
  return {
    year: current.year,
    parties,
    warnings,
    totals: {
      budget,
      jointFunds,
      oneOffCosts,
      deficit,
      net: budget - jointFunds + oneOffCosts + deficit,
    },
  };
}
