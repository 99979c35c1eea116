import { asc, eq } from "drizzle-orm";
import { bodies, collaborations, memberships, organisations, parties, people } from "../../db/schema";
import { db } from "~/utils/db.server";

export function listOrganisations() {
  return db().select().from(organisations).orderBy(asc(organisations.name)).all();
}

/** Parties per collaboration: region first, then municipalities alphabetically (Swedish order). */
export function listParties() {
  const rows = db()
    .select({
      partyId: parties.id,
      organisationId: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      memberSince: parties.memberSince,
      branchClinic: parties.branchClinic,
      status: parties.status,
      exitDate: parties.exitDate,
      collaborationId: collaborations.id,
      collaborationName: collaborations.name,
    })
    .from(parties)
    .innerJoin(organisations, eq(parties.organisationId, organisations.id))
    .innerJoin(collaborations, eq(parties.collaborationId, collaborations.id))
    .all();
  const collator = new Intl.Collator("sv-SE");
  return rows.sort(
    (a, b) =>
      a.collaborationId - b.collaborationId ||
      (a.kind === "region" ? 0 : 1) - (b.kind === "region" ? 0 : 1) ||
      collator.compare(a.name, b.name),
  );
}

export function getOrganisation(id: number) {
  return db().select().from(organisations).where(eq(organisations.id, id)).get();
}

/** Who represents the organisation in which body; current (on `today`) and former. */
export function representativesOf(organisationId: number, today: string) {
  const rows = db()
    .select({
      membershipId: memberships.id,
      role: memberships.role,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
      personName: people.name,
      personTitle: people.title,
      bodyId: bodies.id,
      bodyName: bodies.name,
      publicRecords: bodies.publicRecords,
    })
    .from(memberships)
    .innerJoin(people, eq(memberships.personId, people.id))
    .innerJoin(bodies, eq(memberships.bodyId, bodies.id))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(bodies.name), asc(people.name))
    .all();
  return {
    current: rows.filter((r) => r.startDate <= today && (r.endDate === null || r.endDate >= today)),
    former: rows.filter((r) => r.endDate !== null && r.endDate < today),
  };
}

export function partiesOfOrganisation(organisationId: number) {
  return db()
    .select({
      collaborationId: collaborations.id,
      collaborationName: collaborations.name,
      memberSince: parties.memberSince,
      branchClinic: parties.branchClinic,
    })
    .from(parties)
    .innerJoin(collaborations, eq(parties.collaborationId, collaborations.id))
    .where(eq(parties.organisationId, organisationId))
    .all();
}
