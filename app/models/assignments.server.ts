import { and, asc, eq, inArray, isNotNull, lt, or, sql, type SQL } from "drizzle-orm";
import { assignments, bodies, decisions, organisations, people } from "../../db/schema";
import type { PageRequest } from "~/domain/pagination";
import type { Actor } from "~/domain/policy";
import { readScopeOf } from "~/domain/read-scope";
import type { AssignmentView } from "~/domain/assignments";
import { OPEN_ASSIGNMENT_STATUSES, type AssignmentStatus } from "~/domain/recommendations";
import { db, write } from "~/utils/db.server";
import { insertAudited } from "./audit.server";
import { paginateQuery } from "./paging.server";
import { decisionsReadableBy } from "./read-scope.server";
import { saveVersioned } from "./versioned.server";

/** The SQL form of isAssignee (app/domain/assignments.ts): the person, a member of the body, or someone from the party. */
function assignedTo(actor: Actor): SQL | undefined {
  const bodyIds = [...actor.bodyRoles.keys()];
  return (
    or(
      actor.personId !== null
        ? and(eq(assignments.assigneeType, "person"), eq(assignments.assigneeId, actor.personId))
        : undefined,
      bodyIds.length ? and(eq(assignments.assigneeType, "body"), inArray(assignments.assigneeId, bodyIds)) : undefined,
      actor.organisationId !== null
        ? and(eq(assignments.assigneeType, "party"), eq(assignments.assigneeId, actor.organisationId))
        : undefined,
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

// The assignee's name, whichever kind of assignee it is, for the rows of one page only.
const assigneeName = sql<string | null>`CASE ${assignments.assigneeType}
  WHEN 'person' THEN (SELECT ${people.name} FROM ${people} WHERE ${people.id} = ${assignments.assigneeId})
  WHEN 'body' THEN (SELECT ${bodies.name} FROM ${bodies} WHERE ${bodies.id} = ${assignments.assigneeId})
  ELSE (SELECT ${organisations.name} FROM ${organisations} WHERE ${organisations.id} = ${assignments.assigneeId}) END`;

const listColumns = {
  id: assignments.id,
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

/** One page of the assignments in a view; earliest due date first, undated last. */
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
  const order = [sql`${assignments.dueDate} IS NULL`, asc(assignments.dueDate), asc(assignments.id)];
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
