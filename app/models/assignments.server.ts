import { and, asc, eq, inArray, isNotNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { assignments, bodies, decisions, organisations, people, users } from "../../db/schema";
import type { PageRequest } from "~/domain/pagination";
import type { Actor } from "~/domain/policy";
import { readScopeOf } from "~/domain/read-scope";
import type { AssignmentView } from "~/domain/assignments";
import { OPEN_ASSIGNMENT_STATUSES, type AssignmentStatus } from "~/domain/recommendations";
import { db, write } from "~/utils/db.server";
import { insertAudited } from "./audit.server";
import { partiesOf } from "./agreements.server";
import { listBodies } from "./bodies.server";
import { paginateQuery } from "./paging.server";
import { getPerson, personChoices } from "./people.server";
import { choiceSearchFrom, chosenId } from "~/domain/choices";
import { decisionsReadableBy } from "./read-scope.server";
import { saveVersioned } from "./versioned.server";

/** The SQL form of isAssignee (app/domain/assignments.ts): the person, a member of the body, or the party's representative. */
function assignedTo(actor: Actor): SQL | undefined {
  const bodyIds = [...actor.bodyRoles.keys()];
  return (
    or(
      actor.personId !== null
        ? and(eq(assignments.assigneeType, "person"), eq(assignments.assigneeId, actor.personId))
        : undefined,
      bodyIds.length ? and(eq(assignments.assigneeType, "body"), inArray(assignments.assigneeId, bodyIds)) : undefined,
      ...(actor.represents ?? []).map((p) =>
        and(
          eq(assignments.assigneeType, "party"),
          eq(assignments.assigneeId, p.organisationId),
          eq(assignments.collaborationId, p.collaborationId),
        ),
      ),
    ) ?? sql`0`
  );
}

/** The SQL form of isAssignmentOverdue (app/domain/recommendations.ts). */
function overdue(today: string): SQL {
  return and(
    isNotNull(assignments.dueDate),
    lt(assignments.dueDate, today),
    inArray(assignments.status, [...OPEN_ASSIGNMENT_STATUSES]),
  )!;
}

/** The assignee's name, whichever kind of assignee it is, for the rows of one page only. */
export const assigneeName = sql<string | null>`CASE ${assignments.assigneeType}
  WHEN 'person' THEN (SELECT ${people.name} FROM ${people} WHERE ${people.id} = ${assignments.assigneeId})
  WHEN 'body' THEN (SELECT ${bodies.name} FROM ${bodies} WHERE ${bodies.id} = ${assignments.assigneeId})
  ELSE (SELECT ${organisations.name} FROM ${organisations} WHERE ${organisations.id} = ${assignments.assigneeId}) END`;

const listColumns = {
  id: assignments.id,
  collaborationId: assignments.collaborationId,
  title: assignments.title,
  description: assignments.description,
  assigneeType: assignments.assigneeType,
  assigneeId: assignments.assigneeId,
  assigneeName,
  dueDate: assignments.dueDate,
  status: assignments.status,
  version: assignments.version,
  createdBy: assignments.createdBy,
  // The decision the assignment comes from, only when the viewer may open it (joined on that).
  decisionId: decisions.id,
  decisionTitle: decisions.title,
};

/** Earliest due date first, undated last; the id keeps the order stable across pages. */
const BY_DUE_DATE = [sql`${assignments.dueDate} IS NULL`, asc(assignments.dueDate), asc(assignments.id)];

/** One page of the assignments in a view, by due date. */
export async function pageOfAssignments(
  actor: Actor,
  collaborationId: number,
  view: AssignmentView,
  today: string,
  request: PageRequest,
) {
  const where = and(
    eq(assignments.collaborationId, collaborationId),
    view === "mina" ? assignedTo(actor) : undefined,
    view === "skapade" ? eq(assignments.createdBy, actor.userId) : undefined,
    view === "forsenade" ? overdue(today) : undefined,
  );
  const order = BY_DUE_DATE;
  const paged = await paginateQuery(request, { table: assignments, id: assignments.id, where, order }, (page) =>
    db()
      .select(listColumns)
      .from(assignments)
      .leftJoin(decisions, and(eq(assignments.decisionId, decisions.id), decisionsReadableBy(readScopeOf(actor))))
      .where(page)
      .orderBy(...order),
  );
  return { ...paged, items: paged.items.map((a) => ({ ...a, assigneeName: a.assigneeName ?? "–" })) };
}

/** The overdue assignments of a collaboration, most overdue first (the coordinator's start page). */
export function overdueAssignments(collaborationId: number, today: string, limit = 20) {
  return db()
    .select({ id: assignments.id, title: assignments.title, dueDate: assignments.dueDate, assigneeName })
    .from(assignments)
    .where(and(eq(assignments.collaborationId, collaborationId), overdue(today)))
    .orderBy(asc(assignments.dueDate), asc(assignments.id))
    .limit(limit)
    .all()
    .map((a) => ({ ...a, assigneeName: a.assigneeName ?? "–" }));
}

export function getAssignment(id: number) {
  return db().select().from(assignments).where(eq(assignments.id, id)).get();
}

/** One assignment as its page shows it: the assignee's and the creator's names beside the row. */
export function getAssignmentWithNames(id: number) {
  const row = db()
    .select({ assignment: assignments, assigneeName, createdByName: creator.name })
    .from(assignments)
    .leftJoin(users, eq(assignments.createdBy, users.id))
    .leftJoin(creator, eq(users.personId, creator.id))
    .where(eq(assignments.id, id))
    .get();
  return row && { ...row.assignment, assigneeName: row.assigneeName ?? "–", createdByName: row.createdByName };
}

const creator = alias(people, "creator");

/** The search beside the assignee field, for a person (choose by searching). */
const PERSON_SEARCH = "sok-person";

/**
 * Who the assignee field offers in a collaboration: its bodies and parties, and the people a
 * search in the address found, and the one chosen (in the address, or `current`, "person:12").
 */
export function assignmentOptions(collaborationId: number, params: URLSearchParams, current?: string) {
  return {
    people: personChoices({
      param: PERSON_SEARCH,
      search: choiceSearchFrom(params, PERSON_SEARCH),
      chosen: chosenId(params.get("assignee") ?? current, "person"),
    }),
    bodies: listBodies(collaborationId).map((b) => ({ id: b.id, name: b.name })),
    parties: partiesOf(collaborationId).map((p) => ({ id: p.organisationId, name: p.name })),
  };
}

/**
 * The person option of an assignee value a rejected form sent back ("person:12"), so the field
 * can offer what the user chose even when the reloaded page's options do not hold it (someone
 * else has since given the assignment to another person). Null for anything but a known person.
 */
export function typedPersonOption(value: unknown): { id: number; label: string } | null {
  const id = chosenId(typeof value === "string" ? value : null, "person");
  if (id === null) return null;
  const found = personChoices({ param: PERSON_SEARCH, search: "", chosen: id, limit: 1 }).options;
  return found.find((o) => o.id === id) ?? null;
}

type Assignee = { type: "person" | "body" | "party"; id: number };

/**
 * The options a page offered are never trusted: the assignee exists and belongs to the
 * collaboration (a person anywhere; a body that serves it; one of its parties).
 */
export function isAssigneeOf(collaborationId: number, assignee: Assignee): boolean {
  const { type, id } = assignee;
  if (type === "person") return getPerson(id) !== undefined;
  if (type === "body") return listBodies(collaborationId).some((b) => b.id === id);
  return partiesOf(collaborationId).some((p) => p.organisationId === id);
}

/**
 * The assignments a decision gave, one page, that the actor may know of (their collaboration's,
 * or their own): a decision of SVOM serves several collaborations, whose assignments are each
 * their own participants' business. Earliest due date first, as on /uppdrag.
 */
export async function pageOfDecisionAssignments(actor: Actor, decisionId: number, request: PageRequest) {
  const where = and(
    eq(assignments.decisionId, decisionId),
    actor.role === "admin"
      ? undefined
      : or(
          actor.collaborationIds.size ? inArray(assignments.collaborationId, [...actor.collaborationIds]) : undefined,
          assignedTo(actor),
        ),
  );
  const order = BY_DUE_DATE;
  const paged = await paginateQuery(request, { table: assignments, id: assignments.id, where, order }, (page) =>
    db()
      .select({
        id: assignments.id,
        title: assignments.title,
        assigneeName,
        dueDate: assignments.dueDate,
        status: assignments.status,
      })
      .from(assignments)
      .where(page)
      .orderBy(...order),
  );
  return { ...paged, items: paged.items.map((a) => ({ ...a, assigneeName: a.assigneeName ?? "–" })) };
}

/** Saves what an assignment is (the coordinator's edit), if nobody saved since `expectedVersion`. */
export function updateAssignment(
  userId: string,
  id: number,
  expectedVersion: number,
  value: { title: string; description: string; assignee: Assignee; dueDate: string | null },
) {
  return write((tx) =>
    saveVersioned(
      tx,
      assignments,
      id,
      expectedVersion,
      {
        title: value.title,
        description: value.description,
        assigneeType: value.assignee.type,
        assigneeId: value.assignee.id,
        dueDate: value.dueDate,
      },
      { userId, entityType: "assignment", missing: "Uppdraget finns inte." },
    ),
  );
}

export function createAssignment(
  userId: string,
  collaborationId: number,
  value: {
    decisionId: number | null;
    title: string;
    description: string;
    assigneeType: "person" | "body" | "party";
    assigneeId: number;
    dueDate: string | null;
  },
) {
  return write((tx) =>
    insertAudited(
      tx,
      assignments,
      { ...value, collaborationId, createdBy: userId },
      { userId, entityType: "assignment" },
    ),
  );
}

export function setAssignmentStatus(userId: string, id: number, expectedVersion: number, status: AssignmentStatus) {
  return write((tx) =>
    saveVersioned(
      tx,
      assignments,
      id,
      expectedVersion,
      { status },
      {
        userId,
        entityType: "assignment",
        missing: "Uppdraget finns inte.",
      },
    ),
  );
}
