/**
 * Organisations (regions, municipalities) and their participation in collaborations (parties).
 * The coordinator's writes are audited in the same transaction and version-checked.
 */
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { bodies, collaborations, memberships, organisations, parties, people } from "../../db/schema";
import type { OrganisationKind, PartyRole } from "~/domain/collaboration";
import { byTenure } from "~/domain/membership";
import type { PageRequest } from "~/domain/pagination";
import type { Actor } from "~/domain/policy";
import { readScopeOf } from "~/domain/read-scope";
import { db, write } from "~/utils/db.server";
import { insertAudited } from "./audit.server";
import { notEndedBy, pageOfFormerSeats, seatsWhere } from "./memberships.server";
import { seatsReadableBy } from "./read-scope.server";
import { memberSinceRefusal } from "./agreements.server";
import { lockVersion, saveVersioned } from "./versioned.server";

export type Organisation = typeof organisations.$inferSelect;
type Party = typeof parties.$inferSelect;

export interface OrganisationValues {
  name: string;
  kind: OrganisationKind;
  municipalityCode: string | null;
}

export interface PartyValues {
  role: PartyRole;
  registrarEmail: string;
  memberSince: string | null;
  branchClinic: string;
}

export function listOrganisations() {
  return db().select().from(organisations).orderBy(asc(organisations.name)).all();
}

/** A party's standing in its collaboration, as the lists of parties show it. */
const partyTerms = {
  role: parties.role,
  status: parties.status,
  memberSince: parties.memberSince,
  branchClinic: parties.branchClinic,
};

/** Parties of a collaboration: region first, then municipalities alphabetically (Swedish order). */
export function listParties(collaborationId: number) {
  const rows = db()
    .select({
      partyId: parties.id,
      organisationId: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      municipalityCode: organisations.municipalityCode,
      ...partyTerms,
      registrarEmail: parties.registrarEmail,
      exitDate: parties.exitDate,
      version: parties.version,
    })
    .from(parties)
    .innerJoin(organisations, eq(parties.organisationId, organisations.id))
    .where(eq(parties.collaborationId, collaborationId))
    .all();
  const collator = new Intl.Collator("sv-SE");
  return rows.sort(
    (a, b) => (a.kind === "region" ? 0 : 1) - (b.kind === "region" ? 0 : 1) || collator.compare(a.name, b.name),
  );
}

function nameTaken(name: string, exceptId?: number): boolean {
  const row = db()
    .select({ id: organisations.id })
    .from(organisations)
    .where(exceptId ? and(eq(organisations.name, name), ne(organisations.id, exceptId)) : eq(organisations.name, name))
    .get();
  return row !== undefined;
}

function municipalityCodeTaken(code: string, exceptId?: number): boolean {
  const row = db()
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      exceptId
        ? and(eq(organisations.municipalityCode, code), ne(organisations.id, exceptId))
        : eq(organisations.municipalityCode, code),
    )
    .get();
  return row !== undefined;
}

/**
 * What another organisation already holds of these values (its name, its municipality code),
 * as messages per field; empty when none. `exceptId` is the organisation being edited.
 */
export function organisationClashes(value: OrganisationValues, exceptId?: number): Record<string, string[]> {
  const clashes: Record<string, string[]> = {};
  if (nameTaken(value.name, exceptId)) clashes.name = ["Det finns redan en organisation med det namnet."];
  if (value.municipalityCode && municipalityCodeTaken(value.municipalityCode, exceptId))
    clashes.municipalityCode = [`Koden ${value.municipalityCode} hör redan till en annan organisation.`];
  return clashes;
}

export function createOrganisation(userId: string, value: OrganisationValues): Organisation {
  return write((tx) => insertAudited(tx, organisations, value, { userId, entityType: "organisation" }));
}

export function updateOrganisation(userId: string, id: number, expectedVersion: number, value: OrganisationValues) {
  return write((tx) =>
    saveVersioned(tx, organisations, id, expectedVersion, value, {
      userId,
      entityType: "organisation",
      missing: "Organisationen finns inte",
    }),
  );
}

export function partyOf(collaborationId: number, organisationId: number): Party | undefined {
  return db()
    .select()
    .from(parties)
    .where(and(eq(parties.collaborationId, collaborationId), eq(parties.organisationId, organisationId)))
    .get();
}

/**
 * The organisation joins the collaboration as a party (invited until it has decided). A member
 * from a day is refused (`refused`, nothing written) when the day does not fit the agreement
 * (memberSinceRefusal: not before it began, not in a year already billed).
 */
export function addParty(
  userId: string,
  collaborationId: number,
  organisationId: number,
  value: PartyValues & { status: Party["status"] },
  today: string,
): { ok: true; row: Party } | { ok: false; refused: string } {
  return write((tx) => {
    const invited = { collaborationId, status: "inbjuden" as const, memberSince: null, exitDate: null };
    const refused = memberSinceRefusal(invited, value, today);
    if (refused) return { ok: false as const, refused };
    const row = insertAudited(
      tx,
      parties,
      { collaborationId, organisationId, ...value },
      { userId, entityType: "party" },
    );
    return { ok: true as const, row };
  });
}

/**
 * Role, registrar, the day the membership began, description and contact person of a party (the
 * route checks the contact person belongs to the party); its status and notices are the agreement
 * pages' business. The day is held to the same rule as on the status
 * form (memberSinceRefusal), so this door does not move a member out of, or into, billed years.
 */
export function updateParty(
  userId: string,
  id: number,
  expectedVersion: number,
  value: PartyValues & { contactPersonId?: number | null },
  today: string,
) {
  return write((tx) => {
    const locked = lockVersion(tx, parties, id, expectedVersion, "Parten finns inte");
    if (!locked.ok) return locked;
    const refused = memberSinceRefusal(
      locked.before,
      { status: locked.before.status, memberSince: value.memberSince },
      today,
    );
    if (refused) return { ok: false as const, refused };
    return saveVersioned(tx, parties, id, expectedVersion, value, {
      userId,
      entityType: "party",
      missing: "Parten finns inte",
    });
  });
}

/**
 * The party's representative as a column of a query on parties: its contact person, only while
 * that person belongs to the party's organisation (as the actor's `represents` and
 * representsParty hold it); a contact person since moved to another organisation is null, so
 * reminders and letters do not go to someone who no longer speaks for the party.
 */
export const partyRepresentative = sql<number | null>`(SELECT representative.id FROM people AS representative
  WHERE representative.id = "parties"."contact_person_id" AND representative.organisation_id = "parties"."organisation_id")`;

/** The party's contact person (its representative): the coordinator's edit page only, not the public lists. */
export function contactPersonOf(partyId: number): number | null {
  return db().select({ id: parties.contactPersonId }).from(parties).where(eq(parties.id, partyId)).get()?.id ?? null;
}

export function getOrganisation(id: number) {
  return db().select().from(organisations).where(eq(organisations.id, id)).get();
}

/**
 * Who represents the organisation in which body today, among the seats the actor may read
 * (read:body-members). Read whole: one or two seats in each body the organisation sits in,
 * bounded by the bodies, not by the years. Former representatives: pageOfFormerRepresentatives.
 */
export function representativesOf(actor: Actor | null, organisationId: number, today: string) {
  const where = and(
    eq(memberships.organisationId, organisationId),
    notEndedBy(today),
    seatsReadableBy(readScopeOf(actor)),
  )!;
  return byTenure(seatsWhere(where, bodies.name, people.name), today).current;
}

/** One page of the organisation's former representatives the actor may read, the latest to leave first. */
export function pageOfFormerRepresentatives(
  actor: Actor | null,
  organisationId: number,
  today: string,
  request: PageRequest,
) {
  return pageOfFormerSeats(
    and(eq(memberships.organisationId, organisationId), seatsReadableBy(readScopeOf(actor))),
    today,
    request,
  );
}

export function partiesOfOrganisation(organisationId: number) {
  return db()
    .select({
      collaborationId: collaborations.id,
      collaborationSlug: collaborations.slug,
      collaborationName: collaborations.name,
      ...partyTerms,
      exitDate: parties.exitDate,
    })
    .from(parties)
    .innerJoin(collaborations, eq(parties.collaborationId, collaborations.id))
    .where(eq(parties.organisationId, organisationId))
    .all();
}
