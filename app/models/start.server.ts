import { asc, eq } from "drizzle-orm";
import { bodies, collaborations, parties } from "../../db/schema";
import type { Actor } from "~/domain/policy";
import { db } from "~/utils/db.server";
import { agreementStatus, costTable, defaultCollaborationId } from "./agreements.server";
import { listAssignments } from "./assignments.server";
import { upcomingMeetings } from "./meetings.server";
import { answersOf, listRecommendations } from "./recommendations.server";
import { isAnswerOverdue, isAnswered, isAssignmentOverdue } from "~/domain/recommendations";

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
    followUp: followUp(actor, today),
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

/** Overdue assignments for the coordinator; for a party's representative, what the organisation has not yet answered. */
function followUp(actor: Actor | null, today: string) {
  const collaborationId = defaultCollaborationId();
  if (!actor || !collaborationId) return { overdueAssignments: [], pendingAnswers: [] };
  const overdueAssignments =
    actor.role === "admin"
      ? listAssignments(collaborationId)
          .filter((a) => isAssignmentOverdue(a, today))
          .map((a) => ({ id: a.id, title: a.title, dueDate: a.dueDate, assigneeName: a.assigneeName }))
      : [];
  const recs = listRecommendations(collaborationId);
  const pendingAnswers = actor.organisationId
    ? answersOf(recs.map((r) => r.id))
        .filter((a) => a.organisationId === actor.organisationId && !isAnswered(a.status))
        .map((a) => {
          const rec = recs.find((r) => r.id === a.recommendationId)!;
          return { recommendationId: rec.id, title: rec.title, deadline: rec.answerDeadline, status: a.status, overdue: isAnswerOverdue(a.status, rec.answerDeadline, today) };
        })
    : [];
  return { overdueAssignments, pendingAnswers };
}
