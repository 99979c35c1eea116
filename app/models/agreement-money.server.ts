/**
 * The agreement's money: budget years (decided or indexed), joint funds and one-off costs,
 * each year's split per party, the invoice basis, and the running balance. Reads the data and
 * hands it to the pure rules (budget-cycle, invoice-basis, population); writes are audited.
 *
 * For other areas: `partyCostInYear(collaborationId, organisationId, year)` answers "what does
 * party X pay in year Y" (its share, and the net after joint funds, one-off costs and last
 * year's deficit).
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { budgetItems, budgetYears, recordedAllocations } from "../../db/schema";
import { paymentRoute, type PaymentRoute } from "~/domain/agreement-principals";
import { isPartyInYear } from "~/domain/agreement-terms";
import {
  balanceChain,
  budgetChainAcross,
  decidedRegionAmount,
  describeBudgetSource,
  versionChain,
  versionOfYear,
  type BalanceYear,
  type BudgetSource,
  type ChainYear,
} from "~/domain/budget-cycle";
import type { AllocationRule } from "~/domain/cost-allocation";
import type { ShareRow } from "~/domain/cost-report";
import {
  invoiceBasis,
  yearShares,
  type BudgetItem,
  type BudgetItemKind,
  type InvoiceBasis,
  type YearShares,
} from "~/domain/invoice-basis";
import {
  describePopulationRule,
  populationBasis,
  populationReferenceDate,
  type PopulationBasis,
} from "~/domain/population";
import { todayInStockholm } from "~/domain/format";
import { db, preparedQuery, write } from "~/utils/db.server";
import { insertAudited, recordAudit } from "./audit.server";
import { populationFiguresOf, populationRuleOf } from "./agreement-population.server";
import {
  agreementOf,
  currentVersion,
  partiesOf,
  principalsOf,
  versionsOf,
  type AgreementVersion,
} from "./agreements.server";

// --- Budget years and items ----------------------------------------------------------------

export type BudgetYearRow = typeof budgetYears.$inferSelect;
type BudgetItemRow = typeof budgetItems.$inferSelect;

const budgetYearsOfCollaboration = preparedQuery((d) =>
  d
    .select()
    .from(budgetYears)
    .where(eq(budgetYears.collaborationId, sql.placeholder("collaborationId")))
    .orderBy(asc(budgetYears.year))
    .prepare(),
);

export function budgetYearsOf(collaborationId: number): BudgetYearRow[] {
  return budgetYearsOfCollaboration().all({ collaborationId });
}

const budgetItemsOfCollaboration = preparedQuery((d) =>
  d
    .select()
    .from(budgetItems)
    .where(eq(budgetItems.collaborationId, sql.placeholder("collaborationId")))
    .orderBy(asc(budgetItems.year), asc(budgetItems.id))
    .prepare(),
);

function budgetItemsOf(collaborationId: number): BudgetItemRow[] {
  return budgetItemsOfCollaboration().all({ collaborationId });
}

export interface BudgetYearValues {
  totalByDecision: number | null;
  decidedOn: string | null;
  decisionRef: string;
  outcome: number | null;
  note: string;
}

/**
 * Records a year's decided budget and outcome. `expectedVersion` is the row's version the form
 * was rendered with (null when there was no row): a stale save returns the other person's row.
 * Entering figures by hand makes them real figures, not examples.
 */
export function saveBudgetYear(
  userId: string,
  collaborationId: number,
  year: number,
  expectedVersion: number | null,
  values: BudgetYearValues,
): { ok: true; row: BudgetYearRow } | { ok: false; conflict: BudgetYearRow | null } {
  return write((tx) => {
    const before = tx
      .select()
      .from(budgetYears)
      .where(and(eq(budgetYears.collaborationId, collaborationId), eq(budgetYears.year, year)))
      .get();
    if ((before?.version ?? null) !== expectedVersion) return { ok: false as const, conflict: before ?? null };
    const row = before
      ? tx
          .update(budgetYears)
          .set({ ...values, illustrative: false, version: before.version + 1 })
          .where(eq(budgetYears.id, before.id))
          .returning()
          .get()
      : tx
          .insert(budgetYears)
          .values({ collaborationId, year, ...values })
          .returning()
          .get();
    recordAudit(tx, {
      userId,
      action: before ? "update" : "create",
      entityType: "budget_year",
      entityId: `${collaborationId}:${year}`,
      before,
      after: row,
    });
    return { ok: true as const, row };
  });
}

export interface BudgetItemValues {
  year: number;
  kind: BudgetItemKind;
  label: string;
  amount: number;
  rule: AllocationRule;
  organisationId: number | null;
  note: string;
}

export function addBudgetItem(userId: string, collaborationId: number, values: BudgetItemValues) {
  return write((tx) =>
    insertAudited(tx, budgetItems, { collaborationId, ...values }, { userId, entityType: "budget_item" }),
  );
}

export function removeBudgetItem(userId: string, collaborationId: number, id: number, expectedVersion: number) {
  return write((tx) => {
    const before = tx
      .select()
      .from(budgetItems)
      .where(and(eq(budgetItems.id, id), eq(budgetItems.collaborationId, collaborationId)))
      .get();
    if (!before) return { ok: false as const, conflict: null };
    if (before.version !== expectedVersion) return { ok: false as const, conflict: before };
    tx.delete(budgetItems).where(eq(budgetItems.id, id)).run();
    recordAudit(tx, { userId, action: "delete", entityType: "budget_item", entityId: id, before });
    return { ok: true as const };
  });
}

// --- The computed years ----------------------------------------------------------------------

/** A party's share row (the date of its population figure, carried forward or an example) with its name and payment route. */
interface AccountRow extends ShareRow {
  name: string;
  payment: PaymentRoute;
}

export interface YearAccount {
  year: number;
  /** The agreement version whose money terms apply to the year (its percentage, rate, population rule, principals). */
  version: AgreementVersion;
  /** The first budget year of the agreement (the first version's base year). */
  firstYear: number;
  budget: ChainYear;
  budgetSource: BudgetSource;
  /** Where the total comes from and how it was rounded, in Swedish. */
  budgetExplained: string;
  /** The budget year's row, when one is recorded (decision, outcome, notes). */
  record: BudgetYearRow | null;
  /** The population date the rule asks for, and the rule in words. */
  populationDate: string;
  populationRule: string;
  shares: YearShares;
  rows: AccountRow[];
  invoice: InvoiceBasis;
  balance: BalanceYear;
  /** Municipalities whose figure for the population date is missing (an earlier one, or none, is used). */
  missingPopulation: string[];
  /** Some figure used is an example, not SCB's. */
  illustrativePopulation: boolean;
  /** Parties that do not pay this year (left, or not yet joined). */
  excluded: string[];
  items: BudgetItemRow[];
}

type PartyRow = ReturnType<typeof partiesOf>[number];

interface Context {
  collaborationId: number;
  /** The versions whose money terms apply, by base year (`versionChain`). */
  versions: AgreementVersion[];
  parties: PartyRow[];
  figures: Map<number, { asOf: string; population: number; illustrative: boolean }[]>;
  years: BudgetYearRow[];
  items: BudgetItemRow[];
}

function loadContext(
  collaborationId: number,
  version: AgreementVersion,
  assumeExit?: { partyId: number; exitDate: string },
): Context {
  const parties = partiesOf(collaborationId).map((p) =>
    assumeExit && p.id === assumeExit.partyId ? { ...p, exitDate: assumeExit.exitDate } : p,
  );
  return {
    collaborationId,
    versions: moneyVersions(version),
    parties,
    figures: populationFiguresOf(parties.map((p) => p.organisationId)),
    years: budgetYearsOf(collaborationId),
    items: budgetItemsOf(collaborationId),
  };
}

/**
 * The versions whose money applies to the years: the adopted versions of the agreement before
 * `version` (in the order they were adopted), then `version` itself from its base year.
 */
function moneyVersions(version: AgreementVersion): AgreementVersion[] {
  const adopted = versionsOf(version.agreementId)
    .filter((v) => v.adoptedOn !== null && v.id !== version.id)
    .sort((a, b) => a.adoptedOn!.localeCompare(b.adoptedOn!) || a.id - b.id);
  return versionChain(adopted, version);
}

/** The first budget year of the agreement's money as `version` sees it (the earliest base year). */
export function firstBudgetYear(version: AgreementVersion): number {
  return moneyVersions(version)[0].baseYear;
}

function sharesOf(ctx: Context, chainYear: ChainYear) {
  const year = chainYear.year;
  const version = versionOfYear(ctx.versions, year);
  const rule = populationRuleOf(version);
  const date = populationReferenceDate(rule, year);
  const active = ctx.parties.filter((p) => isPartyInYear(p, year));
  const bases = new Map<number, PopulationBasis | null>(
    active.map((p) => [
      p.organisationId,
      p.kind === "region" ? null : populationBasis(ctx.figures.get(p.organisationId) ?? [], date),
    ]),
  );
  const shares = yearShares({
    year,
    total: chainYear.total,
    regionBasisPoints: version.regionShareBasisPoints,
    regionDecidedAmount: decidedRegionAmount(version, chainYear),
    parties: active.map((p) => ({
      key: String(p.organisationId),
      name: p.name,
      kind: p.kind,
      population: bases.get(p.organisationId)?.population ?? null,
    })),
  });
  return { shares, bases, active, date, rule, version };
}

function itemsOf(ctx: Context, year: number): BudgetItem[] {
  return ctx.items
    .filter((i) => i.year === year)
    .map((i) => ({
      kind: i.kind,
      label: i.label,
      amount: i.amount,
      rule: i.rule,
      partyKey: i.organisationId === null ? null : String(i.organisationId),
    }));
}

function accountsOf(ctx: Context, fromYear: number, untilYear: number): YearAccount[] {
  const chain = budgetChainAcross(
    ctx.versions.map((v) => ({ baseYear: v.baseYear, baseBudget: v.baseBudget, indexBasisPoints: v.indexBasisPoints })),
    ctx.years.flatMap((r) => (r.totalByDecision === null ? [] : [{ year: r.year, total: r.totalByDecision }])),
    untilYear,
  );
  const recordOf = (year: number) => ctx.years.find((r) => r.year === year) ?? null;
  const oneOff = (year: number) =>
    ctx.items.filter((i) => i.year === year && i.kind === "engångskostnad").reduce((s, i) => s + i.amount, 0);
  const balance = balanceChain(
    chain.map((c) => ({
      year: c.year,
      total: c.total,
      oneOffCosts: oneOff(c.year),
      outcome: recordOf(c.year)?.outcome ?? null,
    })),
  );
  const principals = new Map(ctx.versions.map((v) => [v.id, principalsOf(v.id)]));
  const accounts: YearAccount[] = [];
  let previous: { year: number; shares: YearShares } | null = null;
  for (const [i, chainYear] of chain.entries()) {
    const { shares, bases, active, date, rule, version } = sharesOf(ctx, chainYear);
    const previousDeficit =
      previous && (balance[i - 1].deficit ?? 0) > 0
        ? { year: previous.year, amount: balance[i - 1].deficit!, shares: previous.shares }
        : null;
    previous = { year: chainYear.year, shares };
    if (chainYear.year < fromYear) continue;
    const municipalities = active.filter((p) => p.kind !== "region");
    accounts.push({
      year: chainYear.year,
      version,
      firstYear: ctx.versions[0].baseYear,
      budget: chainYear,
      budgetSource: chainYear.source,
      budgetExplained: describeBudgetSource(chainYear, version.indexBasisPoints),
      record: recordOf(chainYear.year),
      populationDate: date,
      populationRule: describePopulationRule(rule),
      shares,
      rows: shares.rows.map((r) => {
        const basis = bases.get(Number(r.key)) ?? null;
        return {
          organisationId: Number(r.key),
          name: r.name,
          kind: r.kind,
          population: basis?.population ?? null,
          populationAsOf: basis?.asOf ?? null,
          populationCarriedForward: basis?.carriedForward ?? false,
          populationIllustrative: basis?.illustrative ?? false,
          share: r.share,
          payment: paymentRoute({ key: r.key, kind: r.kind }, principals.get(version.id)!),
        };
      }),
      invoice: invoiceBasis(shares, itemsOf(ctx, chainYear.year), previousDeficit),
      balance: balance[i],
      missingPopulation: municipalities
        .filter((p) => {
          const b = bases.get(p.organisationId);
          return !b || b.carriedForward;
        })
        .map((p) => p.name),
      illustrativePopulation: municipalities.some((p) => bases.get(p.organisationId)?.illustrative),
      excluded: ctx.parties.filter((p) => !isPartyInYear(p, chainYear.year)).map((p) => p.name),
      items: ctx.items.filter((it) => it.year === chainYear.year),
    });
  }
  return accounts;
}

/** One year's account (a year before the agreement's base year is shown as the base year). */
export function yearAccount(
  collaborationId: number,
  version: AgreementVersion,
  year: number,
  assumeExit?: { partyId: number; exitDate: string },
): YearAccount {
  const ctx = loadContext(collaborationId, version, assumeExit);
  const y = Math.max(year, ctx.versions[0].baseYear);
  return accountsOf(ctx, y, y)[0];
}

/** Every year from the base year to `untilYear`: the budget page and the balance. */
export function yearAccounts(collaborationId: number, version: AgreementVersion, untilYear: number): YearAccount[] {
  const ctx = loadContext(collaborationId, version);
  const first = ctx.versions[0].baseYear;
  return accountsOf(ctx, first, Math.max(untilYear, first));
}

/** Several years with a party assumed to leave at a date (the what-if), computed in one pass. */
export function yearAccountsAssuming(
  collaborationId: number,
  version: AgreementVersion,
  fromYear: number,
  untilYear: number,
  assumeExit?: { partyId: number; exitDate: string },
): YearAccount[] {
  return accountsOf(loadContext(collaborationId, version, assumeExit), fromYear, untilYear);
}

export interface CostTable {
  year: number;
  total: number;
  totalSource: BudgetSource;
  totalExplained: string;
  regionAmount: number;
  municipalTotal: number;
  noParties: boolean;
  rows: {
    organisationId: number;
    name: string;
    kind: string;
    population: number | null;
    populationAsOf: string | null;
    amount: number;
  }[];
  missingPopulation: string[];
  /** Some population figure used is an example, not SCB's: say so wherever the figures are shown. */
  illustrativePopulation: boolean;
  excluded: string[];
}

/** The year's share per party (the budget split only; see `partyCostInYear` for what a party pays in all). */
export function costTable(collaborationId: number, version: AgreementVersion, year: number): CostTable {
  const a = yearAccount(collaborationId, version, year);
  return {
    year: a.year,
    total: a.budget.total,
    totalSource: a.budgetSource,
    totalExplained: a.budgetExplained,
    regionAmount: a.shares.regionAmount,
    municipalTotal: a.shares.municipalTotal,
    noParties: a.shares.noParties,
    rows: a.rows.map((r) => ({
      organisationId: r.organisationId,
      name: r.name,
      kind: r.kind,
      population: r.population,
      populationAsOf: r.populationAsOf,
      amount: r.share,
    })),
    missingPopulation: a.missingPopulation,
    illustrativePopulation: a.illustrativePopulation,
    excluded: a.excluded,
  };
}

export interface PartyCost {
  year: number;
  organisationId: number;
  name: string;
  /** A party of the year (false: not a party, or a former party billed only last year's deficit). */
  partyOfYear: boolean;
  /** Its share of the year's budget (0 when not a party that year). */
  share: number;
  /** What it pays in all: the share, minus joint funds, plus one-off costs and last year's deficit. */
  net: number;
  lines: InvoiceBasis["parties"][number]["lines"];
  budgetSource: BudgetSource;
  budgetExplained: string;
  /** The population figure used is an example, or carried forward from an earlier date. */
  populationIllustrative: boolean;
  populationCarriedForward: boolean;
  /** The budget year's figures are examples. */
  budgetIllustrative: boolean;
  payment: PaymentRoute | null;
}

/**
 * What party X pays in year Y, by the collaboration's agreement version in force: its share
 * of the budget and the net it is invoiced (or carries itself, as a principal). Null when the
 * collaboration has no agreement, or the organisation is neither a party that year nor owes a
 * part of last year's deficit.
 */
export function partyCostInYear(collaborationId: number, organisationId: number, year: number): PartyCost | null {
  const agreement = agreementOf(collaborationId);
  const version = agreement ? currentVersion(agreement.id, todayInStockholm()) : undefined;
  if (!version) return null;
  const a = yearAccount(collaborationId, version, year);
  const invoice = a.invoice.parties.find((p) => p.key === String(organisationId));
  if (!invoice) return null;
  const row = a.rows.find((r) => r.organisationId === organisationId) ?? null;
  return {
    year: a.year,
    organisationId,
    name: invoice.name,
    partyOfYear: invoice.partyOfYear,
    share: row?.share ?? 0,
    net: invoice.net,
    lines: invoice.lines,
    budgetSource: a.budgetSource,
    budgetExplained: a.budgetExplained,
    populationIllustrative: row?.populationIllustrative ?? false,
    populationCarriedForward: row?.populationCarriedForward ?? false,
    budgetIllustrative: a.record?.illustrative ?? false,
    payment: row?.payment ?? null,
  };
}

/** Amounts per party as recorded in a document (e.g. the 2023 proposal), to compare with the model. */
export function recordedFor(collaborationId: number, year: number) {
  return db()
    .select({
      organisationId: recordedAllocations.organisationId,
      amount: recordedAllocations.amount,
      source: recordedAllocations.source,
    })
    .from(recordedAllocations)
    .where(and(eq(recordedAllocations.collaborationId, collaborationId), eq(recordedAllocations.year, year)))
    .all();
}
