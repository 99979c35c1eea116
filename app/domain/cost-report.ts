/**
 * What the cost pages show of a year's account (kostnadsfördelning, fakturaunderlag and their
 * CSV files): the percentage split in words, the recorded amounts beside the model's, each
 * party's invoice lines joined with its share and population, and the remarks on a row. Pure:
 * the caller passes the account's rows and invoice (app/models/agreement-money.server.ts).
 */
import type { PaymentRoute } from "./agreement-principals";
import { compareWithRecorded } from "./cost-allocation";
import type { InvoiceLine } from "./invoice-basis";

/** A party's row in the year's account: its share and the population figure behind it. */
export interface ShareRow {
  organisationId: number;
  kind: string;
  population: number | null;
  populationAsOf: string | null;
  populationCarriedForward: boolean;
  populationIllustrative: boolean;
  share: number;
}

/** The year a cost page shows when none is asked for: the calendar year of `today`. */
export function currentYear(today: string): number {
  return Number(today.slice(0, 4));
}

/** The budget year an agreement's pages show figures for: this year, or before the first term the base year. */
export function costYearOn(today: string, baseYear: number): number {
  return Math.max(currentYear(today), baseYear);
}

/**
 * The budget page's years: the year shown (the one asked for, never before the base year) and
 * the chain up to the latest of next year, the base year, every recorded year and the year shown.
 */
export function budgetYearsShown(p: {
  thisYear: number;
  askedYear: number;
  baseYear: number;
  recordedYears: readonly number[];
}): { year: number; untilYear: number } {
  const year = Math.max(p.askedYear, p.baseYear);
  return { year, untilYear: Math.max(p.thisYear + 1, p.baseYear, ...p.recordedYears, year) };
}

/** The region's and the municipalities' percentages (basis points: 3 000 = 30 %). */
export function percentSplit(regionShareBasisPoints: number): { region: number; municipalities: number } {
  return { region: regionShareBasisPoints / 100, municipalities: (10_000 - regionShareBasisPoints) / 100 };
}

/** The amounts recorded for the year (e.g. from a decision) beside the model's; null when none are recorded. */
export function comparisonWithRecorded(
  rows: readonly Pick<ShareRow, "organisationId" | "share">[],
  recorded: readonly { organisationId: number; amount: number }[],
) {
  if (!recorded.length) return null;
  return compareWithRecorded(
    rows.map((r) => ({ key: String(r.organisationId), amount: r.share })),
    recorded.map((r) => ({ key: String(r.organisationId), amount: r.amount })),
  );
}

/** The sum of the parties' shares (the table's "Summa"). */
export function sharesTotal(rows: readonly { share: number }[]): number {
  return rows.reduce((s, r) => s + r.share, 0);
}

/** The municipalities' population together: the denominator of each municipality's share. */
export function municipalPopulation(rows: readonly Pick<ShareRow, "kind" | "population">[]): number {
  return rows.filter((r) => r.kind !== "region").reduce((s, r) => s + (r.population ?? 0), 0);
}

/** The population remark of the cost CSV: an example figure, a figure carried forward, or nothing. */
export function shareRowRemark(row: Pick<ShareRow, "populationIllustrative" | "populationCarriedForward">): string {
  return [row.populationIllustrative ? "exempel, inte SCB" : "", row.populationCarriedForward ? "framskriven" : ""]
    .filter(Boolean)
    .join("; ");
}

/** The remark of the invoice CSV: the population's flags and whether the year's recorded figures are examples. */
export function invoiceRowRemark(
  row: Pick<ShareRow, "populationIllustrative" | "populationCarriedForward"> | null,
  populationDate: string,
  recordedIllustrative: boolean,
): string {
  return [
    row?.populationIllustrative ? "folkmängden är ett exempel, inte SCB" : "",
    row?.populationCarriedForward ? `folkmängden framskriven (per ${populationDate} saknas)` : "",
    recordedIllustrative ? "årets registrerade uppgifter (utfall) är exempel" : "",
  ]
    .filter(Boolean)
    .join("; ");
}

/** An invoice's lines summed per kind: the columns of the invoice CSV. */
export function invoiceColumns(lines: readonly Pick<InvoiceLine, "kind" | "amount">[]) {
  const sumOf = (kind: InvoiceLine["kind"]) => lines.filter((l) => l.kind === kind).reduce((s, l) => s + l.amount, 0);
  return {
    share: sumOf("andel"),
    jointFunds: sumOf("gemensamma medel"),
    oneOffCosts: sumOf("engångskostnad"),
    deficit: sumOf("underskott"),
  };
}

/** The account row of an invoice's party (none for a former party billed only last year's deficit). */
export function rowOfParty<R extends Pick<ShareRow, "organisationId">>(rows: readonly R[], key: string): R | null {
  return rows.find((r) => String(r.organisationId) === key) ?? null;
}

/**
 * Every invoice of the year with its party's share, payment route and population; a former
 * party billed only last year's deficit has no share (0), no payment route and no population.
 */
export function invoiceRows<
  P extends { key: string; name: string; kind: string; partyOfYear: boolean; lines: InvoiceLine[]; net: number },
  R extends ShareRow & { payment: PaymentRoute },
>(parties: readonly P[], rows: readonly R[]) {
  return parties.map((p) => {
    const row = rowOfParty(rows, p.key);
    return {
      key: p.key,
      name: p.name,
      kind: p.kind,
      partyOfYear: p.partyOfYear,
      lines: p.lines,
      net: p.net,
      share: row?.share ?? 0,
      payment: row?.payment ?? null,
      population: row?.population ?? null,
      populationAsOf: row?.populationAsOf ?? null,
      populationIllustrative: row?.populationIllustrative ?? false,
      populationCarriedForward: row?.populationCarriedForward ?? false,
    };
  });
}

/**
 * The invoices a page or file shows: every party's, or the one party asked for. `missing` is
 * true when a party was asked for that has nothing to pay that year.
 */
export function invoicesFor<P extends { key: string }>(
  parties: readonly P[],
  only: string | null,
): { parties: P[]; party: P | null; missing: boolean } {
  if (only === null) return { parties: [...parties], party: null, missing: false };
  const party = parties.find((p) => p.key === only) ?? null;
  return { parties: party ? [party] : [], party, missing: party === null };
}
