/**
 * Assignments (uppdrag): who holds one, which list shows it, who may write on /uppdrag. Pure:
 * the caller passes the actor and the assignment's facts; `today` is a Stockholm date.
 */
import { can, representsParty, type Actor } from "./policy";

/** The lists of /uppdrag?visa=…: all, the viewer's own, those the viewer created, overdue ones. */
const ASSIGNMENT_VIEWS = ["alla", "mina", "skapade", "forsenade"] as const;
export type AssignmentView = (typeof ASSIGNMENT_VIEWS)[number];

/** The list a query asks for; anything else (or nothing) is "alla". */
export function assignmentViewFrom(requested: string | null): AssignmentView {
  return (ASSIGNMENT_VIEWS as readonly string[]).includes(requested ?? "") ? (requested as AssignmentView) : "alla";
}

/** The actor's side of "who holds it": their person, the bodies they sit in, the parties they represent. */
type AssigneeActor = Pick<Actor, "personId" | "organisationId" | "represents"> & {
  bodyRoles: ReadonlyMap<number, unknown>;
};

/** An assignment as "who holds it" asks: a party is an organisation in the assignment's collaboration. */
type Assigned = { assigneeType: string; assigneeId: number; collaborationId: number };

/**
 * Is the actor the assignee: the person, a member of the body, or the party's representative
 * (its contact person in the collaboration, `representsParty`), who answers for the party here
 * as in its answers to recommendations, and whom the reminders tell. Anyone else employed by
 * the party's organisation is not.
 */
export function isAssignee(a: Assigned, actor: AssigneeActor): boolean {
  if (a.assigneeType === "person") return actor.personId === a.assigneeId;
  if (a.assigneeType === "body") return actor.bodyRoles.has(a.assigneeId);
  if (a.assigneeType === "party")
    return representsParty(actor, { collaborationId: a.collaborationId, organisationId: a.assigneeId });
  return false;
}

/**
 * May the actor post to /uppdrag at all? The coordinator creates and updates; someone who may
 * hold an assignment changes its status. Everyone else is refused before the form is read.
 */
export function mayWriteAssignments(actor: Actor): boolean {
  return can(actor, "manage:decisions") || can(actor, "update:assignment", { assignee: true });
}

/** Only the coordinator creates assignments (from a decision or on /uppdrag). */
export function mayCreateAssignment(actor: Actor): boolean {
  return can(actor, "manage:decisions");
}

/**
 * The actor may know the assignment exists: it is in a collaboration they take part in (its
 * /uppdrag lists it), or they hold it. Any other one answers as a missing one (404), so
 * posting ids tells no one which assignments other collaborations have.
 */
export function seesAssignment(
  actor: Actor,
  a: { collaborationId: number; assigneeType: string; assigneeId: number },
): boolean {
  return can(actor, "read:assignments", { collaborationId: a.collaborationId }) || isAssignee(a, actor);
}

/** The assignee, or the coordinator, changes an assignment's status. */
export function mayUpdateAssignment(actor: Actor, a: Assigned): boolean {
  return can(actor, "update:assignment", { assignee: isAssignee(a, actor) });
}

/**
 * Whether the start page follows up the collaboration's overdue assignments for the actor:
 * the coordinator's, who creates them and chases them; an assignee finds their own on /uppdrag.
 */
export function followsUpOverdueAssignments(actor: Actor | null): boolean {
  return actor !== null && mayCreateAssignment(actor);
}

/**
 * The coordinator edits an assignment (what, who, by when) and creates it, from a decision or
 * on /uppdrag; the assignee only changes its status.
 */
export function mayEditAssignment(actor: Actor): boolean {
  return mayCreateAssignment(actor);
}

/** What the decision an assignment is to come from is, as far as the rule below asks. */
export interface DecisionOfAssignment {
  bodyId: number;
  /** A procedural § (formalia) is part of the minutes, not a decision one follows up. */
  inRegister: boolean;
  decidedOn: string;
}

/**
 * Why an assignment of a collaboration may not come from this decision, or null when it may:
 * the decision must be one of the register, of a body that serves the collaboration (SVOM
 * serves several; another collaboration's steering group does not). A decision the viewer
 * may not open is passed as missing by the caller and answers the same as one that is gone.
 */
export function decisionOfAssignmentRefusal(
  decision: DecisionOfAssignment | undefined,
  collaborationBodyIds: readonly number[],
): string | null {
  if (!decision || !decision.inRegister) return "Beslutet finns inte.";
  if (!collaborationBodyIds.includes(decision.bodyId))
    return "Beslutet är fattat av ett organ utanför den här samverkan. Välj samverkan i sidhuvudet först.";
  return null;
}

/**
 * Why a due date cannot stand, or null: an assignment given by a decision cannot be due before
 * the day the decision was made (a date typed a year wrong, 2025 for 2026, is the usual case).
 * Both are ISO dates, which compare as text.
 */
export function dueDateRefusal(dueDate: string | null, decidedOn: string | null): string | null {
  if (dueDate === null || decidedOn === null) return null;
  return dueDate < decidedOn ? `Klart senast kan inte vara före beslutsdagen ${decidedOn}.` : null;
}
