/**
 * Memberships: add, edit and end a person's seat in a body. Every write is one immediate
 * transaction with its audit entry; edits carry the version they read (optimistic locking).
 */
import { and, desc, eq, gte, isNotNull, isNull, lt, or, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { bodies, memberships, organisations, people } from "../../db/schema";
import type { ValidMembership } from "~/domain/membership";
import type { PageRequest } from "~/domain/pagination";
import { insertAudited } from "./audit.server";
import { clearExample } from "./example-facts.server";
import { db, write } from "~/utils/db.server";
import { paginateQuery } from "./paging.server";
import { saveVersioned } from "./versioned.server";

/**
 * Seats with their person, body and represented organisation: the one query behind a body's
 * member list and an organisation's representatives (they differ in the condition and order).
 */
function seatsQuery(condition: SQL) {
  return db()
    .select({
      membershipId: memberships.id,
      role: memberships.role,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
      personId: people.id,
      personName: people.name,
      personTitle: people.title,
      organisationId: organisations.id,
      organisationName: organisations.name,
      bodyId: bodies.id,
      bodyName: bodies.name,
      publicRecords: bodies.publicRecords,
    })
    .from(memberships)
    .innerJoin(people, eq(memberships.personId, people.id))
    .innerJoin(bodies, eq(memberships.bodyId, bodies.id))
    .leftJoin(organisations, eq(memberships.organisationId, organisations.id))
    .where(condition);
}

/** The seats that match `condition`, in `order`. */
export function seatsWhere(condition: SQL, ...order: AnySQLiteColumn[]) {
  return seatsQuery(condition)
    .orderBy(...order)
    .all();
}

/** Seats not ended before `today`: current and upcoming ones (a body's seats, not its history). */
export const notEndedBy = (today: string) => or(isNull(memberships.endDate), gte(memberships.endDate, today))!;

/**
 * One page of the seats matching `condition` that ended before `today`, the latest ended
 * first (ties by id): a body's or an organisation's former seats grow with every term.
 */
export function pageOfFormerSeats(condition: SQL | undefined, today: string, request: PageRequest) {
  const where = and(condition, isNotNull(memberships.endDate), lt(memberships.endDate, today));
  const order = [desc(memberships.endDate), desc(memberships.id)];
  return paginateQuery(request, { table: memberships, id: memberships.id, where, order }, (page) =>
    seatsQuery(page).orderBy(...order),
  );
}

export function getMembership(id: number) {
  return db().select().from(memberships).where(eq(memberships.id, id)).get();
}

export function addMembership(userId: string, bodyId: number, value: ValidMembership) {
  return write((tx) => insertAudited(tx, memberships, { bodyId, ...value }, { userId, entityType: "membership" }));
}

export type UpdateResult =
  { ok: true; row: typeof memberships.$inferSelect } | { ok: false; conflict: typeof memberships.$inferSelect };

/** Saves only if nobody else saved since `expectedVersion`; otherwise returns what they saved. */
export function updateMembership(
  userId: string,
  id: number,
  expectedVersion: number,
  value: ValidMembership,
): UpdateResult {
  return write((tx) => {
    const saved = saveVersioned(tx, memberships, id, expectedVersion, value, {
      userId,
      entityType: "membership",
      missing: "Uppdraget finns inte",
    });
    // An example seat of the demo history (example_facts) becomes a fact when the coordinator
    // records who sat or from when; ending a seat alone confirms neither.
    if (saved.ok && (saved.before.personId !== saved.row.personId || saved.before.startDate !== saved.row.startDate))
      clearExample(tx, "membership", id, ["term"]);
    return saved.ok ? { ok: true as const, row: saved.row } : saved;
  });
}

/**
 * A person's seats, every body and term (a handful over the years), with their dates: what
 * the seat rules of app/domain/membership.ts ask (`seatCoversDay`, `seatOverlapProblem`).
 */
export function seatsOfPerson(personId: number) {
  return db()
    .select({
      membershipId: memberships.id,
      bodyId: memberships.bodyId,
      role: memberships.role,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
    })
    .from(memberships)
    .where(eq(memberships.personId, personId))
    .all();
}
