import { asc, eq } from "drizzle-orm";
import { bodies, collaborations, parties } from "../../db/schema";
import type { Actor } from "~/domain/policy";
import { db } from "~/utils/db.server";
import { agreementStatus, costTable, defaultCollaborationId } from "./agreements.server";
import { upcomingMeetings } from "./meetings.server";

/** What the start page shows the viewer: their bodies (with role) and what comes next. */
export function startPageFor(actor: Actor | null, today: string) {
  const allBodies = db()
    .select({ id: bodies.id, name: bodies.name, kind: bodies.kind, collaborationName: collaborations.name })
    .from(bodies)
    .innerJoin(collaborations, eq(bodies.collaborationId, collaborations.id))
    .orderBy(asc(bodies.id))
    .all();
  const myBodies = actor
    ? allBodies.filter((b) => actor.bodyRoles.has(b.id)).map((b) => ({ ...b, role: actor.bodyRoles.get(b.id)! }))
    : [];
  // Admins and readers follow the whole collaboration; members follow their own bodies.
  const followed = actor && actor.role !== "member" ? allBodies.map((b) => b.id) : myBodies.map((b) => b.id);
  const partyCount = db().select({ id: parties.id }).from(parties).all().length;
  return {
    agreement: agreementSummary(actor, today),
    myBodies,
    nextMeetings: upcomingMeetings(followed, today, 6),
    bodyCount: allBodies.length,
    partyCount,
  };
}

/** The agreement on the start page: the next notice deadline, the term, and the viewer's organisation's cost. */
function agreementSummary(actor: Actor | null, today: string) {
  const collaborationId = defaultCollaborationId();
  if (!collaborationId) return null;
  const s = agreementStatus(collaborationId, today);
  if (!s) return null;
  const year = Number(today.slice(0, 4));
  const myRow = actor?.organisationId ? costTable(collaborationId, s.version, year).rows.find((r) => r.organisationId === actor.organisationId) : undefined;
  return {
    term: s.status.currentTerm,
    nextExit: s.status.nextPossibleExit,
    year,
    myOrganisation: myRow ? { name: myRow.name, amount: myRow.amount } : null,
  };
}
