import { asc, eq } from "drizzle-orm";
import { bodies, collaborations, memberships, organisations, people } from "../../db/schema";
import { isCurrentMembership, roleOrder } from "~/domain/membership";
import { db } from "~/utils/db.server";

export function listCollaborations() {
  return db().select().from(collaborations).orderBy(asc(collaborations.id)).all();
}

export function listBodies() {
  return db()
    .select({
      id: bodies.id,
      name: bodies.name,
      shortName: bodies.shortName,
      kind: bodies.kind,
      description: bodies.description,
      publicRecords: bodies.publicRecords,
      collaborationId: bodies.collaborationId,
      collaborationName: collaborations.name,
    })
    .from(bodies)
    .innerJoin(collaborations, eq(bodies.collaborationId, collaborations.id))
    .orderBy(asc(bodies.collaborationId), asc(bodies.id))
    .all();
}

export function getBody(id: number) {
  return db()
    .select({
      id: bodies.id,
      name: bodies.name,
      shortName: bodies.shortName,
      kind: bodies.kind,
      description: bodies.description,
      publicRecords: bodies.publicRecords,
      proposalDeadlineDays: bodies.proposalDeadlineDays,
      slug: bodies.slug,
      collaborationId: bodies.collaborationId,
      collaborationName: collaborations.name,
    })
    .from(bodies)
    .innerJoin(collaborations, eq(bodies.collaborationId, collaborations.id))
    .where(eq(bodies.id, id))
    .get();
}

export type BodyMember = ReturnType<typeof membersOfBody>["current"][number];

/** Members of a body split into current and former on `today`, chair first. */
export function membersOfBody(bodyId: number, today: string) {
  const rows = db()
    .select({
      membershipId: memberships.id,
      role: memberships.role,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
      note: memberships.note,
      personId: people.id,
      personName: people.name,
      personTitle: people.title,
      organisationId: organisations.id,
      organisationName: organisations.name,
    })
    .from(memberships)
    .innerJoin(people, eq(memberships.personId, people.id))
    .leftJoin(organisations, eq(memberships.organisationId, organisations.id))
    .where(eq(memberships.bodyId, bodyId))
    .all();
  const collator = new Intl.Collator("sv-SE");
  const byRoleThenName = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    roleOrder(a.role) - roleOrder(b.role) || collator.compare(a.personName, b.personName);
  return {
    current: rows.filter((r) => isCurrentMembership(r, today)).sort(byRoleThenName),
    upcoming: rows.filter((r) => r.startDate > today).sort(byRoleThenName),
    former: rows
      .filter((r) => r.endDate !== null && r.endDate < today)
      .sort((a, b) => (b.endDate ?? "").localeCompare(a.endDate ?? "")),
  };
}
