/**
 * Memberships: add, edit and end a person's seat in a body. Every write is one immediate
 * transaction with its audit entry; edits carry the version they read (optimistic locking).
 */
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { bodies, memberships, organisations, people } from "../../db/schema";
import { MEMBERSHIP_ROLES, type ValidMembership } from "~/domain/membership";
import type { PageRequest } from "~/domain/pagination";
import { insertAudited } from "./audit.server";
import { clearExample } from "./example-facts.server";
import { queueSeatWriteMail } from "./meeting-mail.server";
import { db, write, type Db } from "~/utils/db.server";
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

/** Adds a seat; whoever it calls to a meeting already noticed is sent the notice (queueSeatWriteMail). */
export function addMembership(userId: string, bodyId: number, value: ValidMembership) {
  return write((tx) => {
    const row = insertAudited(tx, memberships, { bodyId, ...value }, { userId, entityType: "membership" });
    queueSeatWriteMail(tx, null, row);
    return row;
  });
}

export type UpdateResult =
  { ok: true; row: typeof memberships.$inferSelect } | { ok: false; conflict: typeof memberships.$inferSelect };

/**
 * Saves a seat inside `tx` if nobody else saved since `expectedVersion` (an "update" audit
 * entry with before and after); otherwise returns what they saved. The one write of an edited
 * or ended seat: the single edit and the end of a term both go through it. Whoever the change
 * calls to, or no longer calls to, a meeting already noticed is told in the same transaction.
 */
function saveMembership(
  tx: Db,
  userId: string,
  id: number,
  expectedVersion: number,
  value: ValidMembership | ((before: typeof memberships.$inferSelect) => Partial<ValidMembership>),
): UpdateResult {
  const saved = saveVersioned(tx, memberships, id, expectedVersion, value, {
    userId,
    entityType: "membership",
    missing: "Uppdraget finns inte",
  });
  // An example seat of the demo history (example_facts) becomes a fact when the coordinator
  // records who sat or from when; ending a seat alone confirms neither.
  if (saved.ok && (saved.before.personId !== saved.row.personId || saved.before.startDate !== saved.row.startDate))
    clearExample(tx, "membership", id, ["term"]);
  // Whoever the change calls to, or no longer calls to, a meeting already noticed is told.
  if (saved.ok) queueSeatWriteMail(tx, saved.before, saved.row);
  return saved.ok ? { ok: true as const, row: saved.row } : saved;
}

/** Saves only if nobody else saved since `expectedVersion`; otherwise returns what they saved. */
export function updateMembership(
  userId: string,
  id: number,
  expectedVersion: number,
  value: ValidMembership,
): UpdateResult {
  return write((tx) => saveMembership(tx, userId, id, expectedVersion, value));
}

export type EndTermResult =
  | { ok: true; rows: (typeof memberships.$inferSelect)[] }
  | { ok: false; conflicts: (typeof memberships.$inferSelect)[] };

/**
 * Ends each seat on `lastDay` (its last day in office) in one transaction, each as the single
 * edit ends a seat (`saveMembership`: versioned, audited). All or nothing: if anyone changed one
 * of the seats since the version the coordinator saw, or it is no longer in `bodyId`, nothing
 * is written and every such seat comes back as it is now.
 */
export function endMemberships(
  userId: string,
  bodyId: number,
  seats: readonly { id: number; version: number }[],
  lastDay: string,
): EndTermResult {
  return write((tx) => {
    const rows: (typeof memberships.$inferSelect)[] = [];
    const conflicts: (typeof memberships.$inferSelect)[] = [];
    for (const seat of seats) {
      const current = tx.select().from(memberships).where(eq(memberships.id, seat.id)).get();
      if (!current || current.bodyId !== bodyId) throw new Response("Uppdraget finns inte", { status: 404 });
      const saved = saveMembership(tx, userId, seat.id, seat.version, () => ({ endDate: lastDay }));
      if (saved.ok) rows.push(saved.row);
      else conflicts.push(saved.conflict);
    }
    return conflicts.length ? { ok: false as const, conflicts } : { ok: true as const, rows };
  });
}

/** The seats' order on the page that ends a term: chair first (role order), then by name, then id. */
const termSeatOrder = [
  sql`case ${memberships.role} ${sql.join(
    MEMBERSHIP_ROLES.map((role, i) => sql`when ${role} then ${i}`),
    sql` `,
  )} else ${MEMBERSHIP_ROLES.length} end`,
  sql`(select ${people.name} from ${people} where ${people.id} = ${memberships.personId})`,
  asc(memberships.id),
];

/**
 * A body's seats not ended before `today` that ending the term on `lastDay` cuts (`cut`) or
 * leaves to the coming term (`startsAfter`): `termEndCut` (app/domain/membership.ts) as SQL.
 */
function termSeatsWhere(bodyId: number, today: string, lastDay: string, part: "cut" | "startsAfter"): SQL {
  const open = and(eq(memberships.bodyId, bodyId), notEndedBy(today));
  return part === "cut"
    ? and(open, lte(memberships.startDate, lastDay), or(isNull(memberships.endDate), gt(memberships.endDate, lastDay)))!
    : and(open, gt(memberships.startDate, lastDay))!;
}

/** A seat as the page that ends a term shows it, with the version the form names. */
function termSeatsQuery(where: SQL) {
  return db()
    .select({
      membershipId: memberships.id,
      version: memberships.version,
      role: memberships.role,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
      personName: people.name,
      organisationName: organisations.name,
    })
    .from(memberships)
    .innerJoin(people, eq(memberships.personId, people.id))
    .leftJoin(organisations, eq(memberships.organisationId, organisations.id))
    .where(where);
}

/**
 * One page of the seats ending the term on `lastDay` cuts (`part: "cut"`, what the
 * coordinator chooses among) or of those that begin after it (`"startsAfter"`), chair first,
 * then by name: a body's seats, but a list like every other, so it comes in pages.
 */
export function pageOfTermSeats(
  bodyId: number,
  today: string,
  lastDay: string,
  part: "cut" | "startsAfter",
  request: PageRequest,
) {
  const where = termSeatsWhere(bodyId, today, lastDay, part);
  return paginateQuery(request, { table: memberships, id: memberships.id, where, order: termSeatOrder }, (page) =>
    termSeatsQuery(page).orderBy(...termSeatOrder),
  );
}

/** The body's seats not ended before `today` among `ids`, as they are now (what a posted list names). */
export function openSeatsAmong(bodyId: number, today: string, ids: number[]) {
  if (ids.length === 0) return [];
  return termSeatsQuery(and(eq(memberships.bodyId, bodyId), notEndedBy(today), inArray(memberships.id, ids))!).all();
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
