/**
 * The collaboration agreement: versions and their terms, the principals a version names,
 * parties and their notices. The money (budget years, split, invoice basis, balance) is in
 * agreement-money.server.ts; population figures in agreement-population.server.ts.
 */
import { asc, desc, eq, sql } from "drizzle-orm";
import { agreementPrincipals, agreements, agreementVersions, organisations, parties } from "../../db/schema";
import type { Principal, PrincipalSide } from "~/domain/agreement-principals";
import { versionInForce } from "~/domain/agreement-version";
import { exitOptions, type AgreementTerms, type PartyStatus } from "~/domain/agreement-terms";
import {
  memberSinceError,
  noticeError,
  partyNoticeChanges,
  partyStatusChanges,
  statusChangeError,
} from "~/domain/party-notice";
import { db, preparedQuery, write, type Db } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { lockVersion, saveVersioned } from "./versioned.server";

export type AgreementVersion = typeof agreementVersions.$inferSelect;

// The agreement pages' reads: prepared once per connection (db.server.ts, preparedQuery).
const agreementOfCollaboration = preparedQuery((d) =>
  d
    .select()
    .from(agreements)
    .where(eq(agreements.collaborationId, sql.placeholder("collaborationId")))
    .orderBy(asc(agreements.id))
    .prepare(),
);

export function agreementOf(collaborationId: number) {
  return agreementOfCollaboration().get({ collaborationId });
}

export function agreementById(id: number) {
  return db().select().from(agreements).where(eq(agreements.id, id)).get();
}

const versionsOfAgreement = preparedQuery((d) =>
  d
    .select()
    .from(agreementVersions)
    .where(eq(agreementVersions.agreementId, sql.placeholder("agreementId")))
    .orderBy(asc(agreementVersions.id))
    .prepare(),
);

export function versionsOf(agreementId: number) {
  return versionsOfAgreement().all({ agreementId });
}

export function getVersion(id: number) {
  return db().select().from(agreementVersions).where(eq(agreementVersions.id, id)).get();
}

/** The version in force on `today` (`versionInForce`: adopted last on or before the day). */
export function currentVersion(agreementId: number, today: string): AgreementVersion | undefined {
  return versionInForce(versionsOf(agreementId), today);
}

export function termsOf(v: AgreementVersion): AgreementTerms {
  return {
    firstTermStart: v.firstTermStart,
    firstTermEnd: v.firstTermEnd,
    noticeMonths: v.noticeMonths,
    renewalMonths: v.renewalMonths,
  };
}

export type VersionValues = Omit<
  typeof agreementVersions.$inferInsert,
  "id" | "agreementId" | "createdAt" | "createdBy" | "version"
>;

/** Adds a version with its principals; audited as one change. */
export function addVersion(userId: string, agreementId: number, values: VersionValues, principals: PrincipalValues[]) {
  return write((tx) => {
    const row = tx
      .insert(agreementVersions)
      .values({ ...values, agreementId, createdBy: userId })
      .returning()
      .get();
    replacePrincipals(tx, row.id, principals);
    recordAudit(tx, {
      userId,
      action: "create",
      entityType: "agreement_version",
      entityId: row.id,
      after: { ...row, principals },
    });
    return row;
  });
}

/**
 * A collaboration's first agreement with its first version and principals, in one
 * transaction with its audit entries. A collaboration has one agreement: creating a second
 * is refused (its changes are new versions).
 */
export function createAgreement(
  userId: string,
  collaborationId: number,
  title: string,
  values: VersionValues,
  principals: PrincipalValues[],
) {
  return write((tx) => {
    if (tx.select().from(agreements).where(eq(agreements.collaborationId, collaborationId)).get())
      throw new Response("Samverkan har redan ett samarbetsavtal.", { status: 409 });
    const agreement = tx.insert(agreements).values({ collaborationId, title }).returning().get();
    const version = tx
      .insert(agreementVersions)
      .values({ ...values, agreementId: agreement.id, createdBy: userId })
      .returning()
      .get();
    replacePrincipals(tx, version.id, principals);
    recordAudit(tx, { userId, action: "create", entityType: "agreement", entityId: agreement.id, after: agreement });
    recordAudit(tx, {
      userId,
      action: "create",
      entityType: "agreement_version",
      entityId: version.id,
      after: { ...version, principals },
    });
    return { agreement, version };
  });
}

/** Updates a version and its principals if nobody saved it since `expectedVersion`; audited. */
export function updateVersion(
  userId: string,
  id: number,
  expectedVersion: number,
  values: VersionValues,
  principals: PrincipalValues[],
) {
  return write((tx) => {
    const locked = lockVersion(tx, agreementVersions, id, expectedVersion, "Avtalsversionen finns inte.");
    if (!locked.ok) return locked;
    const { before } = locked;
    const principalsBefore = tx
      .select()
      .from(agreementPrincipals)
      .where(eq(agreementPrincipals.agreementVersionId, id))
      .all();
    const row = tx
      .update(agreementVersions)
      .set({ ...values, version: before.version + 1 })
      .where(eq(agreementVersions.id, id))
      .returning()
      .get();
    replacePrincipals(tx, id, principals);
    recordAudit(tx, {
      userId,
      action: "update",
      entityType: "agreement_version",
      entityId: id,
      before: { ...before, principals: principalsBefore },
      after: { ...row, principals },
    });
    return { ok: true as const, row };
  });
}

// --- Principals (huvudmän) -------------------------------------------------------------------

/** The principals a version names, with the organisations' names. */
const principalsOfVersion = preparedQuery((d) =>
  d
    .select({ p: agreementPrincipals, name: organisations.name })
    .from(agreementPrincipals)
    .innerJoin(organisations, eq(agreementPrincipals.organisationId, organisations.id))
    .where(eq(agreementPrincipals.agreementVersionId, sql.placeholder("versionId")))
    .orderBy(desc(agreementPrincipals.side)) // the region first
    .prepare(),
);

export function principalsOf(versionId: number): (Principal & { organisationId: number })[] {
  return principalsOfVersion()
    .all({ versionId })
    .map(({ p, name }) => ({
      key: String(p.organisationId),
      organisationId: p.organisationId,
      name,
      side: p.side,
      invoicesOthers: p.invoicesOthers,
    }));
}

export interface PrincipalValues {
  side: PrincipalSide;
  organisationId: number;
  invoicesOthers: boolean;
}

/** Replaces a version's principals (inside the caller's transaction, which audits the version). */
function replacePrincipals(tx: Db, versionId: number, values: PrincipalValues[]) {
  tx.delete(agreementPrincipals).where(eq(agreementPrincipals.agreementVersionId, versionId)).run();
  for (const v of values)
    tx.insert(agreementPrincipals)
      .values({ agreementVersionId: versionId, ...v })
      .run();
}

// --- Parties ---------------------------------------------------------------------------------

/** Built once: constructing an Intl.Collator costs about a millisecond. */
const collator = new Intl.Collator("sv-SE");

const partiesOfCollaboration = preparedQuery((d) =>
  d
    .select({ party: parties, name: organisations.name, kind: organisations.kind })
    .from(parties)
    .innerJoin(organisations, eq(parties.organisationId, organisations.id))
    .where(eq(parties.collaborationId, sql.placeholder("collaborationId")))
    .prepare(),
);

export function partiesOf(collaborationId: number) {
  return partiesOfCollaboration()
    .all({ collaborationId })
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

/**
 * Records a written notice: the exit date follows from the terms; the status becomes "uppsagd".
 * Asked of the row in the transaction (noticeError): a party that is not a member is refused
 * (`refused`), as it would otherwise be billed up to its exit.
 */
export function recordNotice(
  userId: string,
  partyId: number,
  expectedVersion: number,
  receivedOn: string,
  exitDate: string,
  note: string,
  noticeFileId: number | null,
) {
  return write((tx) => {
    const locked = lockVersion(tx, parties, partyId, expectedVersion, "Parten finns inte.");
    if (!locked.ok) return locked;
    const refused = noticeError(locked.before, exitDate);
    if (refused) return { ok: false as const, refused };
    return saveVersioned(
      tx,
      parties,
      partyId,
      expectedVersion,
      (before) => partyNoticeChanges(before, { receivedOn, exitDate, note, fileId: noticeFileId }),
      { userId, entityType: "party_notice", missing: "Parten finns inte." },
    );
  });
}

/**
 * Saves the party page's status form. The rules (statusChangeError, memberSinceError) are asked
 * here, of the row as it is in the transaction and of the agreement in force on `today`, so no
 * caller can write a status or a join date that rewrites billed years or counts a party before
 * it joined: a refusal (`refused`, the Swedish message, and the field it belongs to) writes nothing.
 */
export function updatePartyStatus(
  userId: string,
  partyId: number,
  expectedVersion: number,
  values: {
    status: (typeof parties.$inferSelect)["status"];
    memberSince: string | null;
    withdrawalNote: string;
    branchClinic: string;
  },
  today: string,
) {
  return write((tx) => {
    const locked = lockVersion(tx, parties, partyId, expectedVersion, "Parten finns inte.");
    if (!locked.ok) return locked;
    const refused = statusChangeError(locked.before, values.status, today);
    if (refused) return { ok: false as const, refused, field: "status" as const };
    const late = memberSinceRefusal(locked.before, values, today);
    if (late) return { ok: false as const, refused: late, field: "memberSince" as const };
    return saveVersioned(tx, parties, partyId, expectedVersion, partyStatusChanges(values), {
      userId,
      entityType: "party",
      missing: "Parten finns inte.",
    });
  });
}

/**
 * Why a party's membership cannot begin on `change.memberSince` (memberSinceError against the
 * agreement in force on `today` of the party's collaboration), or null. Asked by every write of
 * the day: the status form, and the collaboration's party forms. A collaboration without an
 * agreement has no cost split yet, so any day will do there.
 */
export function memberSinceRefusal(
  party: { collaborationId: number; status: PartyStatus; memberSince: string | null; exitDate: string | null },
  change: { status: PartyStatus; memberSince: string | null },
  today: string,
): string | null {
  const agreement = agreementOf(party.collaborationId);
  const version = agreement ? currentVersion(agreement.id, today) : undefined;
  return version ? memberSinceError(party, change, version.firstTermStart, today) : null;
}

/** The agreement status shown on the agreement page and the start page. */
export function agreementStatus(collaborationId: number, today: string) {
  const agreement = agreementOf(collaborationId);
  if (!agreement) return null;
  const version = currentVersion(agreement.id, today);
  if (!version) return null;
  return { agreement, version, status: exitOptions(termsOf(version), today) };
}
