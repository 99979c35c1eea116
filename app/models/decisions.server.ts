import { and, desc, eq, gte, inArray, isNull, like, lt, or, type SQL } from "drizzle-orm";
import { bodies, bodyCollaborations, decisions, matters, meetings } from "../../db/schema";
import { decisionYear, type DecisionStatus } from "~/domain/decisions";
import type { PageRequest } from "~/domain/pagination";
import type { Actor } from "~/domain/policy";
import { readScopeOf } from "~/domain/read-scope";
import { db, write } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { paginateQuery, rowsInBatches } from "./paging.server";
import { decisionsReadableBy } from "./read-scope.server";

export interface DecisionFilter {
  /** The collaboration the register shows (the request's, `?samverkan=`). */
  collaborationId?: number;
  bodyId?: number;
  year?: number;
  kind?: string;
  status?: string;
  matterId?: number;
  /** A matter's registry number, or its beginning ("2022/14" or "2022/"). */
  registryNumber?: string;
  text?: string;
}

/** The register's filters from the query string (the page and its CSV export read the same). */
export function decisionFilterFromUrl(url: URL): DecisionFilter {
  const n = (k: string) => Number(url.searchParams.get(k)) || undefined;
  const s = (k: string) => url.searchParams.get(k)?.trim() || undefined;
  return {
    bodyId: n("organ"),
    year: n("ar"),
    kind: s("typ"),
    status: s("status"),
    matterId: n("arende"),
    registryNumber: s("dnr")?.slice(0, 60),
    text: s("q")?.slice(0, 200),
  };
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
  approval: decisions.approval,
  approvedAt: decisions.approvedAt,
  inRegister: decisions.inRegister,
};

/**
 * The decisions the actor may see in the register, as SQL: register decisions (never a
 * procedural §) that `canReadDecision` (app/domain/decisions.ts) admits, i.e. approved and
 * public, or of a body the actor sits in (app/models/read-scope.server.ts).
 */
function registerScope(actor: Actor | null): SQL {
  return and(eq(decisions.inRegister, true), decisionsReadableBy(readScopeOf(actor)))!;
}

/** The filters and the viewer's access as one WHERE on decisions (no joins needed to count). */
function registerWhere(actor: Actor | null, filter: DecisionFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [registerScope(actor)];
  if (filter.collaborationId) where.push(decisionsOfCollaboration(filter.collaborationId));
  if (filter.bodyId) where.push(eq(decisions.bodyId, filter.bodyId));
  if (filter.year) where.push(eq(decisions.year, filter.year));
  if (filter.kind) where.push(eq(decisions.kind, filter.kind as "beslut"));
  if (filter.status) where.push(eq(decisions.status, filter.status as "gäller"));
  if (filter.matterId) where.push(eq(decisions.matterId, filter.matterId));
  if (filter.registryNumber) {
    // A range on the indexed column: "2022/1" finds 2022/1, 2022/14, 2022/1-3 …
    const prefix = filter.registryNumber;
    where.push(
      inArray(
        decisions.matterId,
        db()
          .select({ id: matters.id })
          .from(matters)
          .where(and(gte(matters.registryNumber, prefix), lt(matters.registryNumber, `${prefix}\uffff`))),
      ),
    );
  }
  if (filter.text) {
    const pattern = `%${filter.text.replace(/[%_]/g, "")}%`;
    where.push(or(like(decisions.title, pattern), like(decisions.text, pattern)));
  }
  return and(...where);
}

/**
 * A decision concerns the collaboration of its matter; one without a matter concerns every
 * collaboration its body serves (a shared body's § series is split by the matters it handled).
 */
function decisionsOfCollaboration(collaborationId: number): SQL | undefined {
  return or(
    inArray(
      decisions.matterId,
      db().select({ id: matters.id }).from(matters).where(eq(matters.collaborationId, collaborationId)),
    ),
    and(
      isNull(decisions.matterId),
      inArray(
        decisions.bodyId,
        db()
          .select({ id: bodyCollaborations.bodyId })
          .from(bodyCollaborations)
          .where(eq(bodyCollaborations.collaborationId, collaborationId)),
      ),
    ),
  );
}

// Newest first; within a day by § (highest last decided), then by id so the order is total.
const registerOrder = [desc(decisions.decidedOn), desc(decisions.paragraph), desc(decisions.id)];

/** A row of the register as the page and the CSV show it. */
const registerRow = {
  id: decisions.id,
  decidedOn: decisions.decidedOn,
  bodyName: bodies.name,
  paragraph: decisions.paragraph,
  title: decisions.title,
  kind: decisions.kind,
  registryNumber: matters.registryNumber,
  matterId: decisions.matterId,
  meetingId: decisions.meetingId,
  status: decisions.status,
  approval: decisions.approval,
};

/** One page of the register: only the columns the page shows (not the decision texts). */
export function pageOfDecisions(actor: Actor | null, filter: DecisionFilter, request: PageRequest) {
  const where = registerWhere(actor, filter);
  return paginateQuery(request, { table: decisions, id: decisions.id, where, order: registerOrder }, (page) =>
    db()
      .select(registerRow)
      .from(decisions)
      .innerJoin(bodies, eq(decisions.bodyId, bodies.id))
      .leftJoin(matters, eq(decisions.matterId, matters.id))
      .where(page)
      .orderBy(...registerOrder),
  );
}

/**
 * Every decision the register shows with these filters, texts included (the CSV export is
 * complete), in the register's order, a batch at a time (`rowsInBatches`).
 */
export function decisionsForExport(actor: Actor | null, filter: DecisionFilter) {
  const where = registerWhere(actor, filter);
  return rowsInBatches({ table: decisions, id: decisions.id, where, order: registerOrder }, (batch) =>
    db()
      .select({ ...registerRow, text: decisions.text })
      .from(decisions)
      .innerJoin(bodies, eq(decisions.bodyId, bodies.id))
      .leftJoin(matters, eq(decisions.matterId, matters.id))
      .where(batch)
      .orderBy(...registerOrder),
  );
}

export function getDecision(id: number) {
  return (
    db()
      // The matter's collaboration too: whether the viewer may open the matter is asked of it.
      .select({ ...columns, meetingDate: meetings.date, matterCollaborationId: matters.collaborationId })
      .from(decisions)
      .innerJoin(bodies, eq(decisions.bodyId, bodies.id))
      .leftJoin(matters, eq(decisions.matterId, matters.id))
      .leftJoin(meetings, eq(decisions.meetingId, meetings.id))
      .where(eq(decisions.id, id))
      .get()
  );
}

export function createDecision(
  userId: string,
  value: {
    bodyId: number;
    meetingId: number | null;
    paragraph: number | null;
    decidedOn: string;
    matterId: number | null;
    title: string;
    text: string;
    kind: "beslut" | "uppdrag" | "rekommendation";
    isPublic: boolean;
  },
) {
  return write((tx) => {
    const row = tx
      .insert(decisions)
      .values({
        ...value,
        year: decisionYear(value.decidedOn),
        // Entered by hand from a record that already exists: not a draft.
        approval: "justerat",
        approvedAt: new Date().toISOString(),
        createdBy: userId,
      })
      .returning()
      .get();
    recordAudit(tx, { userId, action: "create", entityType: "decision", entityId: row.id, after: row });
    return row;
  });
}

export function paragraphTaken(bodyId: number, year: number, paragraph: number): boolean {
  return (
    db()
      .select({ id: decisions.id })
      .from(decisions)
      .where(and(eq(decisions.bodyId, bodyId), eq(decisions.year, year), eq(decisions.paragraph, paragraph)))
      .get() !== undefined
  );
}

/**
 * Sets a decision's status if it is still the one the user saw (`was`). The status is the only
 * field this form writes, so comparing it is the optimistic lock: a change by someone else in
 * between answers with the status as it is now, and nothing is written.
 */
export function setDecisionStatus(
  userId: string,
  id: number,
  was: DecisionStatus,
  status: DecisionStatus,
): { ok: true } | { ok: false; conflict: DecisionStatus } {
  return write((tx) => {
    const before = tx.select().from(decisions).where(eq(decisions.id, id)).get();
    if (!before) throw new Response("Beslutet finns inte.", { status: 404 });
    if (before.status !== was) return { ok: false, conflict: before.status };
    tx.update(decisions).set({ status }).where(eq(decisions.id, id)).run();
    recordAudit(tx, {
      userId,
      action: "update",
      entityType: "decision",
      entityId: id,
      before: { status: before.status },
      after: { status },
    });
    return { ok: true };
  });
}
