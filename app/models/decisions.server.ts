import { and, desc, eq, like, or, type SQL } from "drizzle-orm";
import { bodies, decisions, matters, meetings } from "../../db/schema";
import { can, type Actor } from "~/domain/policy";
import { db, write } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

export interface DecisionFilter {
  bodyId?: number;
  year?: number;
  kind?: string;
  status?: string;
  matterId?: number;
  text?: string;
}

/** The register's filters from the query string (the page and its CSV export read the same). */
export function decisionFilterFromUrl(url: URL): DecisionFilter {
  const n = (k: string) => Number(url.searchParams.get(k)) || undefined;
  const s = (k: string) => url.searchParams.get(k)?.trim() || undefined;
  return { bodyId: n("organ"), year: n("ar"), kind: s("typ"), status: s("status"), matterId: n("arende"), text: s("q")?.slice(0, 200) };
}

const columns = {
  id: decisions.id,
  bodyId: decisions.bodyId,
  bodyName: bodies.name,
  publicRecords: bodies.publicRecords,
  meetingId: decisions.meetingId,
  paragraph: decisions.paragraph,
  year: decisions.year,
  decidedOn: decisions.decidedOn,
  matterId: decisions.matterId,
  registryNumber: matters.registryNumber,
  title: decisions.title,
  text: decisions.text,
  kind: decisions.kind,
  status: decisions.status,
  isPublic: decisions.isPublic,
};

/** A decision is readable by the body's members and administrators, and by everyone when public. */
export function canReadDecision(actor: Actor | null, d: { bodyId: number; isPublic: boolean }): boolean {
  return can(actor, "read:meeting", { bodyId: d.bodyId, publicRecords: true, published: d.isPublic });
}

export function listDecisions(actor: Actor | null, filter: DecisionFilter) {
  const where: SQL[] = [];
  if (filter.bodyId) where.push(eq(decisions.bodyId, filter.bodyId));
  if (filter.year) where.push(eq(decisions.year, filter.year));
  if (filter.kind) where.push(eq(decisions.kind, filter.kind as "beslut"));
  if (filter.status) where.push(eq(decisions.status, filter.status as "gäller"));
  if (filter.matterId) where.push(eq(decisions.matterId, filter.matterId));
  if (filter.text) {
    const pattern = `%${filter.text.replace(/[%_]/g, "")}%`;
    where.push(or(like(decisions.title, pattern), like(decisions.text, pattern))!);
  }
  return db()
    .select(columns)
    .from(decisions)
    .innerJoin(bodies, eq(decisions.bodyId, bodies.id))
    .leftJoin(matters, eq(decisions.matterId, matters.id))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(decisions.decidedOn), desc(decisions.paragraph))
    .all()
    .filter((d) => canReadDecision(actor, d));
}

export function getDecision(id: number) {
  return db()
    .select({ ...columns, meetingDate: meetings.date })
    .from(decisions)
    .innerJoin(bodies, eq(decisions.bodyId, bodies.id))
    .leftJoin(matters, eq(decisions.matterId, matters.id))
    .leftJoin(meetings, eq(decisions.meetingId, meetings.id))
    .where(eq(decisions.id, id))
    .get();
}

export function createDecision(
  userId: string,
  value: { bodyId: number; meetingId: number | null; paragraph: number | null; decidedOn: string; matterId: number | null; title: string; text: string; kind: "beslut" | "uppdrag" | "rekommendation"; isPublic: boolean },
) {
  return write((tx) => {
    const row = tx
      .insert(decisions)
      .values({ ...value, year: Number(value.decidedOn.slice(0, 4)), createdBy: userId })
      .returning()
      .get();
    recordAudit(tx, { userId, action: "create", entityType: "decision", entityId: row.id, after: row });
    return row;
  });
}

export function paragraphTaken(bodyId: number, year: number, paragraph: number): boolean {
  return db().select({ id: decisions.id }).from(decisions).where(and(eq(decisions.bodyId, bodyId), eq(decisions.year, year), eq(decisions.paragraph, paragraph))).get() !== undefined;
}

export function setDecisionStatus(userId: string, id: number, status: "gäller" | "verkställt" | "upphävt") {
  write((tx) => {
    const before = tx.select().from(decisions).where(eq(decisions.id, id)).get();
    if (!before) throw new Response("Beslutet finns inte.", { status: 404 });
    tx.update(decisions).set({ status }).where(eq(decisions.id, id)).run();
    recordAudit(tx, { userId, action: "update", entityType: "decision", entityId: id, before: { status: before.status }, after: { status } });
  });
}
