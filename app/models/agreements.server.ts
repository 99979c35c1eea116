/**
 * The collaboration agreement: versions and terms, party status and notices, population
 * figures, budget years, and the cost split computed from them with the pure engines.
 */
import { and, asc, desc, eq, lte } from "drizzle-orm";
import {
  agreements,
  agreementVersions,
  budgetYears,
  collaborations,
  organisations,
  parties,
  populations,
  recordedAllocations,
} from "../../db/schema";
import { exitOptions, type AgreementTerms } from "~/domain/agreement-terms";
import { indexedBudget, splitCosts, type Split } from "~/domain/cost-allocation";
import { db, write } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

export type AgreementVersion = typeof agreementVersions.$inferSelect;
export type PartyRow = Awaited<ReturnType<typeof partiesOf>>[number];

export function defaultCollaborationId(): number | null {
  return db().select({ id: collaborations.id }).from(collaborations).orderBy(asc(collaborations.id)).get()?.id ?? null;
}

export function agreementOf(collaborationId: number) {
  return db().select().from(agreements).where(eq(agreements.collaborationId, collaborationId)).orderBy(asc(agreements.id)).get();
}

export function versionsOf(agreementId: number) {
  return db().select().from(agreementVersions).where(eq(agreementVersions.agreementId, agreementId)).orderBy(asc(agreementVersions.id)).all();
}

export function getVersion(id: number) {
  return db().select().from(agreementVersions).where(eq(agreementVersions.id, id)).get();
}

/** The version in force: the latest adopted one (or the latest draft when none is adopted). */
export function currentVersion(agreementId: number): AgreementVersion | undefined {
  const all = versionsOf(agreementId);
  return [...all].reverse().find((v) => v.adoptedOn !== null) ?? all.at(-1);
}

export function termsOf(v: AgreementVersion): AgreementTerms {
  return { firstTermStart: v.firstTermStart, firstTermEnd: v.firstTermEnd, noticeMonths: v.noticeMonths, renewalMonths: v.renewalMonths };
}

export type VersionValues = Omit<typeof agreementVersions.$inferInsert, "id" | "agreementId" | "createdAt" | "createdBy" | "version">;

export function addVersion(userId: string, agreementId: number, values: VersionValues) {
  return write((tx) => {
    const row = tx.insert(agreementVersions).values({ ...values, agreementId, createdBy: userId }).returning().get();
    recordAudit(tx, { userId, action: "create", entityType: "agreement_version", entityId: row.id, after: row });
    return row;
  });
}

export function updateVersion(userId: string, id: number, expectedVersion: number, values: VersionValues) {
  return write((tx) => {
    const before = tx.select().from(agreementVersions).where(eq(agreementVersions.id, id)).get();
    if (!before) throw new Response("Avtalsversionen finns inte.", { status: 404 });
    if (before.version !== expectedVersion) return { ok: false as const, conflict: before };
    const row = tx
      .update(agreementVersions)
      .set({ ...values, version: before.version + 1 })
      .where(eq(agreementVersions.id, id))
      .returning()
      .get();
    recordAudit(tx, { userId, action: "update", entityType: "agreement_version", entityId: id, before, after: row });
    return { ok: true as const, row };
  });
}

// --- Parties ---------------------------------------------------------------------------------

export function partiesOf(collaborationId: number) {
  const collator = new Intl.Collator("sv-SE");
  return db()
    .select({ party: parties, name: organisations.name, kind: organisations.kind })
    .from(parties)
    .innerJoin(organisations, eq(parties.organisationId, organisations.id))
    .where(eq(parties.collaborationId, collaborationId))
    .all()
    .map((r) => ({ ...r.party, name: r.name, kind: r.kind }))
    .sort((a, b) => (a.kind === "region" ? 0 : 1) - (b.kind === "region" ? 0 : 1) || collator.compare(a.name, b.name));
}

export function getParty(id: number) {
  const row = db()
    .select({ party: parties, name: organisations.name, kind: organisations.kind })
    .from(parties)
    .innerJoin(organisations, eq(parties.organisationId, organisations.id))
    .where(eq(parties.id, id))
    .get();
  return row ? { ...row.party, name: row.name, kind: row.kind } : undefined;
}

/** A party is paying and answering in `year` if it has joined and not left before the year starts. */
export function activeInYear(p: { status: string; memberSince: string | null; exitDate: string | null }, year: number): boolean {
  if (p.status === "inbjuden" || p.status === "inriktningsbeslut fattat") return false;
  if (p.memberSince && p.memberSince > `${year}-12-31`) return false;
  if (p.exitDate && p.exitDate < `${year}-01-01`) return false;
  return true;
}

/** Records a written notice: the exit date follows from the terms; the status becomes "uppsagd". */
export function recordNotice(userId: string, partyId: number, expectedVersion: number, receivedOn: string, exitDate: string, note: string, noticeFileId: number | null) {
  return write((tx) => {
    const before = tx.select().from(parties).where(eq(parties.id, partyId)).get();
    if (!before) throw new Response("Parten finns inte.", { status: 404 });
    if (before.version !== expectedVersion) return { ok: false as const, conflict: before };
    const after = tx
      .update(parties)
      .set({ status: "uppsagd", noticeReceivedOn: receivedOn, exitDate, withdrawalNote: note, noticeFileId: noticeFileId ?? before.noticeFileId, version: before.version + 1 })
      .where(eq(parties.id, partyId))
      .returning()
      .get();
    recordAudit(tx, { userId, action: "update", entityType: "party_notice", entityId: partyId, before, after });
    return { ok: true as const, row: after };
  });
}

export function updatePartyStatus(userId: string, partyId: number, expectedVersion: number, values: { status: (typeof parties.$inferSelect)["status"]; withdrawalNote: string; branchClinic: string }) {
  return write((tx) => {
    const before = tx.select().from(parties).where(eq(parties.id, partyId)).get();
    if (!before) throw new Response("Parten finns inte.", { status: 404 });
    if (before.version !== expectedVersion) return { ok: false as const, conflict: before };
    const clearNotice = values.status === "medlem" ? { noticeReceivedOn: null, exitDate: null } : {};
    const after = tx
      .update(parties)
      .set({ ...values, ...clearNotice, version: before.version + 1 })
      .where(eq(parties.id, partyId))
      .returning()
      .get();
    recordAudit(tx, { userId, action: "update", entityType: "party", entityId: partyId, before, after });
    return { ok: true as const, row: after };
  });
}

// --- Population and budget -------------------------------------------------------------------------

export function populationsFor(year: number) {
  return db().select().from(populations).where(eq(populations.year, year)).all();
}

/** The population used for `year`: that year's figure, else the latest earlier one (flagged). */
export function populationBasis(organisationId: number, year: number): { population: number; year: number } | null {
  const row = db()
    .select()
    .from(populations)
    .where(and(eq(populations.organisationId, organisationId), lte(populations.year, year)))
    .orderBy(desc(populations.year))
    .get();
  return row ? { population: row.population, year: row.year } : null;
}

export function savePopulations(userId: string, year: number, figures: { organisationId: number; population: number }[]) {
  write((tx) => {
    const before = tx.select().from(populations).where(eq(populations.year, year)).all();
    for (const f of figures) {
      tx.insert(populations)
        .values({ organisationId: f.organisationId, year, population: f.population })
        .onConflictDoUpdate({ target: [populations.organisationId, populations.year], set: { population: f.population } })
        .run();
    }
    recordAudit(tx, { userId, action: "update", entityType: "population", entityId: year, before, after: figures });
  });
}

export function budgetYearOf(collaborationId: number, year: number) {
  return db().select().from(budgetYears).where(and(eq(budgetYears.collaborationId, collaborationId), eq(budgetYears.year, year))).get();
}

export function saveBudgetYear(userId: string, collaborationId: number, year: number, values: { totalByDecision: number | null; outcome: number | null; note: string }) {
  write((tx) => {
    const before = tx.select().from(budgetYears).where(and(eq(budgetYears.collaborationId, collaborationId), eq(budgetYears.year, year))).get();
    tx.insert(budgetYears)
      .values({ collaborationId, year, ...values })
      .onConflictDoUpdate({ target: [budgetYears.collaborationId, budgetYears.year], set: values })
      .run();
    recordAudit(tx, { userId, action: before ? "update" : "create", entityType: "budget_year", entityId: `${collaborationId}:${year}`, before, after: values });
  });
}

export function recordedFor(collaborationId: number, year: number) {
  return db()
    .select({ organisationId: recordedAllocations.organisationId, amount: recordedAllocations.amount, source: recordedAllocations.source })
    .from(recordedAllocations)
    .where(and(eq(recordedAllocations.collaborationId, collaborationId), eq(recordedAllocations.year, year)))
    .all();
}

export interface CostTable {
  year: number;
  total: number;
  totalSource: "beslut" | "uppräkning";
  split: Split;
  rows: { organisationId: number; name: string; kind: string; population: number | null; populationYear: number | null; amount: number }[];
  missingPopulation: string[];
  excluded: string[];
}

/**
 * The cost table for a year. `assumeExit` lets "what if" treat a party as having left at a date.
 */
export function costTable(collaborationId: number, version: AgreementVersion, year: number, assumeExit?: { partyId: number; exitDate: string }): CostTable {
  const budget = budgetYearOf(collaborationId, year);
  const total = budget?.totalByDecision ?? indexedBudget(version.baseYear, version.baseBudget, version.indexBasisPoints, Math.max(year, version.baseYear));
  const all = partiesOf(collaborationId).map((p) => (assumeExit && p.id === assumeExit.partyId ? { ...p, exitDate: assumeExit.exitDate } : p));
  const active = all.filter((p) => activeInYear(p, year));
  const excluded = all.filter((p) => !activeInYear(p, year)).map((p) => p.name);
  const region = active.find((p) => p.kind === "region") ?? null;
  const missingPopulation: string[] = [];
  const municipalities = active
    .filter((p) => p.kind !== "region")
    .map((p) => {
      const basis = populationBasis(p.organisationId, year);
      if (!basis || basis.year !== year) missingPopulation.push(p.name);
      return { party: p, basis };
    });
  // The region's amount: as decided for the base year, indexed like the total in later years
  // (unless a year's total is set by decision, when the agreed percentage applies).
  let regionAmount: number | null = null;
  if (region && version.regionBaseAmount !== null) {
    if (year === version.baseYear) regionAmount = version.regionBaseAmount;
    else if (budget?.totalByDecision == null) regionAmount = indexedBudget(version.baseYear, version.regionBaseAmount, version.indexBasisPoints, Math.max(year, version.baseYear));
  }
  const split = splitCosts({
    total,
    regionAmount,
    regionBasisPoints: version.regionShareBasisPoints,
    regionKey: region ? String(region.organisationId) : null,
    // Without any population figure the model cannot weigh; equal shares keep the page usable
    // while the missing figures are flagged.
    municipalities: municipalities.map((m) => ({
      key: String(m.party.organisationId),
      population: municipalities.some((x) => (x.basis?.population ?? 0) > 0) ? (m.basis?.population ?? 0) : 1,
    })),
  });
  const rows = [
    ...(region && split.region ? [{ organisationId: region.organisationId, name: region.name, kind: region.kind, population: null, populationYear: null, amount: split.region.amount }] : []),
    ...municipalities.map((m, i) => ({
      organisationId: m.party.organisationId,
      name: m.party.name,
      kind: m.party.kind,
      population: m.basis?.population ?? null,
      populationYear: m.basis?.year ?? null,
      amount: split.municipalities[i].amount,
    })),
  ];
  return { year, total, totalSource: budget?.totalByDecision != null ? "beslut" : "uppräkning", split, rows, missingPopulation, excluded };
}

/** The agreement status shown on the agreement page and the start page. */
export function agreementStatus(collaborationId: number, today: string) {
  const agreement = agreementOf(collaborationId);
  if (!agreement) return null;
  const version = currentVersion(agreement.id);
  if (!version) return null;
  return { agreement, version, status: exitOptions(termsOf(version), today) };
}
