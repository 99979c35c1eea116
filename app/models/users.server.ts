import { and, eq, sql } from "drizzle-orm";
import { memberships, parties, people, users } from "../../db/schema";
import { isCurrentMembership } from "~/domain/membership";
import {
  bodyRolesOf,
  roleChangeRefusal,
  type Actor,
  type PartyRef,
  type SeatAhead,
  type UserRole,
} from "~/domain/policy";
import { recordAudit } from "./audit.server";
import { collaborationIdsOfBodies } from "./collaborations.server";
import { meetingsSignedBy } from "./meeting-minutes.server";
import { db, memoUntilChange, preparedQuery, write } from "~/utils/db.server";

export function findUserByEmail(email: string) {
  return db().select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export function getUserById(id: string) {
  return db().select().from(users).where(eq(users.id, id)).get();
}

/** The policy's view of a signed-in user: role, the bodies the person sits in today and their collaborations. */
export const loadActor: (user: { id: string; role: Actor["role"]; personId: number | null }, today: string) => Actor =
  // Every signed-in request builds it; seats change seldom, so it is remembered until the data changes.
  memoUntilChange("loadActor", readActor, (user, today) => `${user.id} ${user.role} ${user.personId} ${today}`);

function readActor(user: { id: string; role: Actor["role"]; personId: number | null }, today: string): Actor {
  let bodyRoles: Actor["bodyRoles"] = new Map();
  let organisationId: number | null = null;
  let seatsAhead: SeatAhead[] = [];
  let signsMinutesOf: number[] = [];
  let represents: PartyRef[] = [];
  if (user.personId !== null) {
    // A person holds a handful of seats over the years; which are current is the domain's rule.
    const all = db()
      .select({
        bodyId: memberships.bodyId,
        role: memberships.role,
        startDate: memberships.startDate,
        endDate: memberships.endDate,
      })
      .from(memberships)
      .where(eq(memberships.personId, user.personId))
      .all();
    const seats = all.filter((seat) => isCurrentMembership(seat, today));
    bodyRoles = bodyRolesOf(seats.map((seat) => [seat.bodyId, seat.role] as const));
    seatsAhead = all
      .filter((seat) => seat.startDate > today)
      .map(({ bodyId, startDate, endDate }) => ({ bodyId, startDate, endDate }));
    organisationId = db().select().from(people).where(eq(people.id, user.personId)).get()?.organisationId ?? null;
    // The minutes they sign, a meeting of a seat since ended included.
    signsMinutesOf = meetingsSignedBy(user.personId);
    // The parties whose contact person they are and to which they still belong: the representative
    // reports the party's answers and holds its assignments. A contact person who has moved to
    // another organisation speaks for the party no longer, though the party still names them.
    represents =
      organisationId === null
        ? []
        : db()
            .select({ collaborationId: parties.collaborationId, organisationId: parties.organisationId })
            .from(parties)
            .where(and(eq(parties.contactPersonId, user.personId), eq(parties.organisationId, organisationId)))
            .all();
  }
  const collaborationIds = collaborationIdsOfBodies([...bodyRoles.keys()]);
  return {
    userId: user.id,
    role: user.role,
    personId: user.personId,
    bodyRoles,
    organisationId,
    collaborationIds,
    seatsAhead,
    signsMinutesOf,
    represents,
  };
}

/**
 * The policy's view of a person as a recipient of mail: their account's actor, or, for a
 * person without an account, the actor of their seats (role member: the account they would be
 * invited to). Mail asks it whether the person may open the page a message is about.
 */
export function actorOfPerson(personId: number, today: string): Actor {
  const user = userOfPerson(personId);
  return loadActor(user ?? { id: "", role: "member", personId }, today);
}

export function setPasswordHash(userId: string, passwordHash: string) {
  write((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    // The hash itself never goes into the log.
    recordAudit(tx, { userId, action: "password", entityType: "user", entityId: userId });
  });
}

const personById = preparedQuery((d) =>
  d
    .select()
    .from(people)
    .where(eq(people.id, sql.placeholder("id")))
    .prepare(),
);

/** Asked by the root loader on every signed-in page: a prepared statement. */
export function personOfUser(personId: number | null) {
  if (personId === null) return undefined;
  return personById().get({ id: personId });
}

export function userOfPerson(personId: number) {
  return db().select().from(users).where(eq(users.personId, personId)).get();
}

/**
 * Sets an account's role if it is still the one the coordinator saw (`was`), and never takes
 * the role from the last administrator (`roleChangeRefusal`); counted in the write, so two
 * administrators demoting each other at once cannot leave none.
 */
export function setUserRole(
  byUserId: string,
  userId: string,
  was: UserRole,
  role: UserRole,
): { ok: true } | { ok: false; conflict: UserRole } | { ok: false; refusal: string } {
  return write((tx) => {
    const before = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!before) throw new Response("Kontot finns inte.", { status: 404 });
    if (before.role !== was) return { ok: false, conflict: before.role };
    const administrators = tx.select({ id: users.id }).from(users).where(eq(users.role, "admin")).all().length;
    const refusal = roleChangeRefusal(before.role, role, administrators);
    if (refusal !== null) return { ok: false, refusal };
    tx.update(users).set({ role }).where(eq(users.id, userId)).run();
    recordAudit(tx, {
      userId: byUserId,
      action: "update",
      entityType: "user",
      entityId: userId,
      before: { role: before.role },
      after: { role },
    });
    return { ok: true };
  });
}
