import { followsUpOverdueAssignments } from "~/domain/assignments";
import { takesPartIn, type Actor } from "~/domain/policy";
import { costYearOn } from "~/domain/cost-report";
import { firstBudgetYear, partyCostInYear } from "./agreement-money.server";
import { agreementStatus } from "./agreements.server";
import { overdueAssignments as overdueOf } from "./assignments.server";
import { listBodies } from "./bodies.server";
import { listCollaborations, type Collaboration } from "./collaborations.server";
import { upcomingMeetings } from "./meetings.server";
import { pendingAnswersOf } from "./recommendations.server";
import { isAnswerOverdue } from "~/domain/recommendations";
import { byTenure, rolesInBody } from "~/domain/membership";
import { seatsOfPerson } from "./memberships.server";
import { memoUntilChange } from "~/utils/db.server";

// The start page's agreement figures run the whole money model (budget, population, split)
// for every viewer; they change only when the data does (issue 14: 12 ms of every start page).
const statusOf = memoUntilChange("start:agreementStatus", agreementStatus, (c, today) => `${c} ${today}`);
const costOf = memoUntilChange("start:partyCostInYear", partyCostInYear, (c, o, year) => `${c} ${o} ${year}`);

/**
 * What the start page shows the viewer, across every collaboration they take part in:
 * their bodies (with role), the next meetings, and per collaboration the agreement and
 * what is waiting for them.
 */
export function startPageFor(actor: Actor | null, today: string) {
  const allBodies = listBodies().map((b) => ({
    id: b.id,
    name: b.name,
    kind: b.kind,
    collaborationIds: b.collaborations.map((c) => c.id),
    collaborationNames: b.collaborations.map((c) => c.name).join(", "),
  }));
  // At the change of term a member sees when her seats end, and which begin later.
  const seats = byTenure(actor?.personId ? seatsOfPerson(actor.personId) : [], today);
  const lastDayIn = (bodyId: number) => {
    const ends = seats.current.filter((s) => s.bodyId === bodyId).map((s) => s.endDate);
    return ends.length && !ends.includes(null) ? ends.sort().at(-1)! : null;
  };
  const myBodies = actor
    ? allBodies
        .filter((b) => actor.bodyRoles.has(b.id))
        .map((b) => ({ ...b, role: rolesInBody(actor.bodyRoles.get(b.id)!), until: lastDayIn(b.id) }))
    : [];
  const comingSeats = seats.upcoming
    .sort((a, b) => a.startDate.localeCompare(b.startDate))
    .flatMap((s) => {
      const body = allBodies.find((b) => b.id === s.bodyId);
      return body ? [{ bodyId: body.id, bodyName: body.name, role: s.role, startDate: s.startDate }] : [];
    });
  // Admins and readers follow every body of the collaborations they take part in; members their
  // own bodies, and those of a seat not yet begun (the meetings it calls them to).
  const followed =
    actor && actor.role !== "member"
      ? allBodies.filter((b) => b.collaborationIds.some((id) => takesPartIn(actor, id))).map((b) => b.id)
      : [...myBodies.map((b) => b.id), ...(actor?.seatsAhead ?? []).map((s) => s.bodyId)];
  // Every collaboration the viewer takes part in, and any other where their organisation has
  // a recommendation to answer. Someone with neither still sees the first collaboration.
  const sections = listCollaborations().map((c) => ({
    id: c.id,
    slug: c.slug,
    name: c.name,
    takesPart: takesPartIn(actor, c.id),
    followUp: followUp(c, actor, today),
    agreement: agreementSummary(c, actor, today),
  }));
  const concerned = sections.filter((s) => s.takesPart || s.followUp.pendingAnswers.length > 0);
  return {
    myBodies,
    comingSeats,
    nextMeetings: upcomingMeetings(actor, followed, today, 6),
    collaborations: concerned.length ? concerned : sections.slice(0, 1),
  };
}

/** The agreement on the start page: the next notice deadline, the term, and the viewer's organisation's cost. */
function agreementSummary(collaboration: Collaboration, actor: Actor | null, today: string) {
  const s = statusOf(collaboration.id, today);
  if (!s) return null;
  // The year the agreement and party pages show: before the first budget year, that year.
  const year = costYearOn(today, firstBudgetYear(s.version));
  // The party's own figures for the year: its share of the budget and what it pays in all.
  const mine = actor?.organisationId ? costOf(collaboration.id, actor.organisationId, year) : null;
  return {
    term: s.status.currentTerm,
    phase: s.status.phase,
    nextExit: s.status.nextPossibleExit,
    year,
    myOrganisation: mine
      ? {
          name: mine.name,
          organisationId: mine.organisationId,
          share: mine.share,
          net: mine.net,
          example: mine.populationIllustrative || mine.budgetIllustrative,
          payment: mine.payment?.text ?? null,
        }
      : null,
  };
}

/** Overdue assignments for the coordinator; for a party's representative, what the organisation has not yet answered. */
function followUp(collaboration: Collaboration, actor: Actor | null, today: string) {
  if (!actor) return { overdueAssignments: [], pendingAnswers: [] };
  const overdueAssignments = followsUpOverdueAssignments(actor) ? overdueOf(collaboration.id, today) : [];
  const pendingAnswers = actor.organisationId
    ? pendingAnswersOf(collaboration.id, actor.organisationId).map((a) => ({
        ...a,
        overdue: isAnswerOverdue(a.status, a.deadline, today, a.asking),
      }))
    : [];
  return { overdueAssignments, pendingAnswers };
}
