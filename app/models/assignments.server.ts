import { asc, eq } from "drizzle-orm";
import { assignments, bodies, decisions, organisations, people } from "../../db/schema";
import type { AssignmentStatus } from "~/domain/recommendations";
import { db, write } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

export function listAssignments(collaborationId: number) {
  const rows = db()
    .select({ a: assignments, decisionTitle: decisions.title, decisionDate: decisions.decidedOn })
    .from(assignments)
    .leftJoin(decisions, eq(assignments.decisionId, decisions.id))
    .where(eq(assignments.collaborationId, collaborationId))
    .orderBy(asc(assignments.dueDate))
    .all();
  const names = {
    person: new Map(db().select({ id: people.id, name: people.name }).from(people).all().map((p) => [p.id, p.name])),
    body: new Map(db().select({ id: bodies.id, name: bodies.name }).from(bodies).all().map((p) => [p.id, p.name])),
    party: new Map(db().select({ id: organisations.id, name: organisations.name }).from(organisations).all().map((p) => [p.id, p.name])),
  };
  return rows.map((r) => ({ ...r.a, decisionTitle: r.decisionTitle, decisionDate: r.decisionDate, assigneeName: names[r.a.assigneeType].get(r.a.assigneeId) ?? "–" }));
}

export function getAssignment(id: number) {
  return db().select().from(assignments).where(eq(assignments.id, id)).get();
}

export function createAssignment(
  userId: string,
  collaborationId: number,
  value: { decisionId: number | null; title: string; description: string; assigneeType: "person" | "body" | "party"; assigneeId: number; dueDate: string | null },
) {
  return write((tx) => {
    const row = tx.insert(assignments).values({ ...value, collaborationId, createdBy: userId }).returning().get();
    recordAudit(tx, { userId, action: "create", entityType: "assignment", entityId: row.id, after: row });
    return row;
  });
}

export function setAssignmentStatus(userId: string, id: number, expectedVersion: number, status: AssignmentStatus) {
  return write((tx) => {
    const before = tx.select().from(assignments).where(eq(assignments.id, id)).get();
    if (!before) throw new Response("Uppdraget finns inte.", { status: 404 });
    if (before.version !== expectedVersion) return false;
    const after = tx.update(assignments).set({ status, version: before.version + 1 }).where(eq(assignments.id, id)).returning().get();
    recordAudit(tx, { userId, action: "update", entityType: "assignment", entityId: id, before, after });
    return true;
  });
}

/** Is the actor the assignee (as the person, a member of the body, or from the party)? */
export function isAssignee(a: { assigneeType: string; assigneeId: number }, actor: { personId: number | null; organisationId: number | null; bodyRoles: ReadonlyMap<number, unknown> }): boolean {
  if (a.assigneeType === "person") return actor.personId === a.assigneeId;
  if (a.assigneeType === "body") return actor.bodyRoles.has(a.assigneeId);
  return actor.organisationId === a.assigneeId;
}

