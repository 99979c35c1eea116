/**
 * Bodies (organ): which collaborations each serves, their members, their standard agenda
 * items, and the coordinator's writes (audited, version-checked).
 */
import { and, asc, eq, gt } from "drizzle-orm";
import type { PageRequest } from "~/domain/pagination";
import { bodies, bodyCollaborations, bodyStandardItems, collaborations, memberships } from "../../db/schema";
import { STANDARD_ITEMS } from "~/domain/meetings";
import { byTenure, roleOrder } from "~/domain/membership";
import { db, memoUntilChange, preparedQuery, write, type Db } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { notEndedBy, pageOfFormerSeats, seatsWhere } from "./memberships.server";
import { type Versioned } from "./versioned.server";

type Body = typeof bodies.$inferSelect;
type StandardItem = typeof bodyStandardItems.$inferSelect;

export interface BodyValues {
  slug: string;
  name: string;
  shortName: string;
  kind: string;
  description: string;
  publicRecords: boolean;
  /** Its decisions can be appealed (laglighetsprövning); the minutes then give the last day. */
  appealable: boolean;
  proposalDeadlineDays: number;
}

export interface CollaborationRef {
  id: number;
  slug: string;
  name: string;
}

/** Which collaborations each body serves (a body such as SVOM serves several). */
// Read by every page that lists bodies; remembered until the data changes.
const collaborationsByBody = memoUntilChange("collaborationsByBody", readCollaborationsByBody, () => "");

function readCollaborationsByBody(): ReadonlyMap<number, readonly CollaborationRef[]> {
  const rows = db()
    .select({
      bodyId: bodyCollaborations.bodyId,
      id: collaborations.id,
      slug: collaborations.slug,
      name: collaborations.name,
    })
    .from(bodyCollaborations)
    .innerJoin(collaborations, eq(bodyCollaborations.collaborationId, collaborations.id))
    .orderBy(asc(collaborations.id))
    .all();
  const byBody = new Map<number, CollaborationRef[]>();
  for (const { bodyId, ...c } of rows) byBody.set(bodyId, [...(byBody.get(bodyId) ?? []), c]);
  return byBody;
}

/**
 * Bodies with the collaborations they serve; with `collaborationId`, only the bodies serving
 * that collaboration (a shared body such as SVOM appears under each of its collaborations).
 */
const allBodies = preparedQuery((d) =>
  d
    .select({
      id: bodies.id,
      slug: bodies.slug,
      name: bodies.name,
      shortName: bodies.shortName,
      kind: bodies.kind,
      description: bodies.description,
      publicRecords: bodies.publicRecords,
      appealable: bodies.appealable,
      proposalDeadlineDays: bodies.proposalDeadlineDays,
    })
    .from(bodies)
    .orderBy(asc(bodies.id))
    .prepare(),
);

export function listBodies(collaborationId?: number) {
  const served = collaborationsByBody();
  const all = allBodies()
    .all()
    .map((b) => ({ ...b, collaborations: served.get(b.id) ?? [] }));
  return collaborationId === undefined
    ? all
    : all.filter((b) => b.collaborations.some((c) => c.id === collaborationId));
}

export function getBody(id: number) {
  const body = db().select().from(bodies).where(eq(bodies.id, id)).get();
  return body ? { ...body, collaborations: collaborationsByBody().get(id) ?? [] } : undefined;
}

export type BodyMember = ReturnType<typeof membersOfBody>["current"][number];

/**
 * A body's current and upcoming members on `today`, chair first. Read whole: they are the
 * body's seats now and in the next term (a board of a dozen or two), bounded by the body's
 * size, not by its years. Its former members grow every term: pageOfFormerMembers.
 */
export function membersOfBody(bodyId: number, today: string) {
  const { current, upcoming } = byTenure(seatsWhere(and(eq(memberships.bodyId, bodyId), notEndedBy(today))!), today);
  const collator = new Intl.Collator("sv-SE");
  const byRoleThenName = (a: (typeof current)[number], b: (typeof current)[number]) =>
    roleOrder(a.role) - roleOrder(b.role) || collator.compare(a.personName, b.personName);
  return { current: current.sort(byRoleThenName), upcoming: upcoming.sort(byRoleThenName) };
}

/** One page of a body's former members, the latest to leave first. */
export function pageOfFormerMembers(bodyId: number, today: string, request: PageRequest) {
  return pageOfFormerSeats(eq(memberships.bodyId, bodyId), today, request);
}

export function bodySlugTaken(slug: string, exceptId?: number): boolean {
  const row = db().select({ id: bodies.id }).from(bodies).where(eq(bodies.slug, slug)).get();
  return row !== undefined && row.id !== exceptId;
}

/** The kinds already in use, to suggest when a body is created ("Styrgrupp", "Politisk ledningsgrupp" …). */
export function bodyKindsInUse(): string[] {
  return db()
    .selectDistinct({ kind: bodies.kind })
    .from(bodies)
    .orderBy(asc(bodies.kind))
    .all()
    .map((r) => r.kind);
}

function setServed(tx: Db, bodyId: number, collaborationIds: readonly number[]) {
  tx.delete(bodyCollaborations).where(eq(bodyCollaborations.bodyId, bodyId)).run();
  for (const collaborationId of new Set(collaborationIds))
    tx.insert(bodyCollaborations).values({ bodyId, collaborationId }).run();
}

function servedIds(tx: Db, bodyId: number): number[] {
  return tx
    .select({ id: bodyCollaborations.collaborationId })
    .from(bodyCollaborations)
    .where(eq(bodyCollaborations.bodyId, bodyId))
    .orderBy(asc(bodyCollaborations.collaborationId))
    .all()
    .map((r) => r.id);
}

/** A new body serving the given collaborations (at least one), with the usual standard items. */
export function createBody(userId: string, value: BodyValues, collaborationIds: readonly number[]): Body {
  if (collaborationIds.length === 0) throw new Error("A body serves at least one collaboration");
  return write((tx) => {
    const row = tx.insert(bodies).values(value).returning().get();
    setServed(tx, row.id, collaborationIds);
    STANDARD_ITEMS.forEach((item, i) =>
      tx
        .insert(bodyStandardItems)
        .values({ bodyId: row.id, position: i + 1, key: item.key, title: item.title, kind: item.kind })
        .run(),
    );
    recordAudit(tx, {
      userId,
      action: "create",
      entityType: "body",
      entityId: row.id,
      after: { ...row, collaborationIds: servedIds(tx, row.id) },
    });
    return row;
  });
}

export function updateBody(
  userId: string,
  id: number,
  expectedVersion: number,
  value: BodyValues,
  collaborationIds: readonly number[],
): Versioned<Body & { collaborationIds: number[] }> {
  if (collaborationIds.length === 0) throw new Error("A body serves at least one collaboration");
  return write((tx) => {
    const row = tx.select().from(bodies).where(eq(bodies.id, id)).get();
    if (!row) throw new Response("Organet finns inte", { status: 404 });
    const before = { ...row, collaborationIds: servedIds(tx, id) };
    if (row.version !== expectedVersion) return { ok: false, conflict: before };
    const updated = tx
      .update(bodies)
      .set({ ...value, version: row.version + 1 })
      .where(eq(bodies.id, id))
      .returning()
      .get();
    setServed(tx, id, collaborationIds);
    const after = { ...updated, collaborationIds: servedIds(tx, id) };
    recordAudit(tx, { userId, action: "update", entityType: "body", entityId: id, before, after });
    return { ok: true, row: after };
  });
}

// --- Standard agenda items ------------------------------------------------------------------

/** The standard items a new meeting of the body starts with, in order. */
export function standardItemsOf(bodyId: number, tx: Db = db()): StandardItem[] {
  return tx
    .select()
    .from(bodyStandardItems)
    .where(eq(bodyStandardItems.bodyId, bodyId))
    .orderBy(asc(bodyStandardItems.position))
    .all();
}

/**
 * Adds a standard item before the closing one (or last when there is none). Its key is
 * derived from the id, so it never collides with the well-known keys.
 */
export function addStandardItem(
  userId: string,
  bodyId: number,
  value: { title: string; kind: StandardItem["kind"] },
): StandardItem {
  return write((tx) => {
    const items = standardItemsOf(bodyId, tx);
    const closing = items.find((i) => i.key === "closing");
    const position = closing ? closing.position : (items.at(-1)?.position ?? 0) + 1;
    if (closing)
      for (const item of [...items].reverse().filter((i) => i.position >= position))
        tx.update(bodyStandardItems)
          .set({ position: item.position + 1 })
          .where(eq(bodyStandardItems.id, item.id))
          .run();
    const inserted = tx
      .insert(bodyStandardItems)
      .values({ bodyId, position, key: `tmp-${Date.now()}`, ...value })
      .returning()
      .get();
    const row = tx
      .update(bodyStandardItems)
      .set({ key: `egen-${inserted.id}` })
      .where(eq(bodyStandardItems.id, inserted.id))
      .returning()
      .get();
    recordAudit(tx, { userId, action: "create", entityType: "body_standard_item", entityId: row.id, after: row });
    return row;
  });
}

export function removeStandardItem(userId: string, bodyId: number, itemId: number): void {
  write((tx) => {
    const before = tx
      .select()
      .from(bodyStandardItems)
      .where(and(eq(bodyStandardItems.id, itemId), eq(bodyStandardItems.bodyId, bodyId)))
      .get();
    if (!before) return;
    tx.delete(bodyStandardItems).where(eq(bodyStandardItems.id, itemId)).run();
    const later = tx
      .select()
      .from(bodyStandardItems)
      .where(and(eq(bodyStandardItems.bodyId, bodyId), gt(bodyStandardItems.position, before.position)))
      .orderBy(asc(bodyStandardItems.position))
      .all();
    for (const item of later)
      tx.update(bodyStandardItems)
        .set({ position: item.position - 1 })
        .where(eq(bodyStandardItems.id, item.id))
        .run();
    recordAudit(tx, { userId, action: "delete", entityType: "body_standard_item", entityId: itemId, before });
  });
}

/** Swaps the item with its neighbour above or below. */
export function moveStandardItem(userId: string, bodyId: number, itemId: number, direction: "up" | "down"): void {
  write((tx) => {
    const items = standardItemsOf(bodyId, tx);
    const i = items.findIndex((item) => item.id === itemId);
    const j = direction === "up" ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= items.length) return;
    const [a, b] = [items[i], items[j]];
    // Positions are not unique, so a plain swap is safe.
    tx.update(bodyStandardItems).set({ position: b.position }).where(eq(bodyStandardItems.id, a.id)).run();
    tx.update(bodyStandardItems).set({ position: a.position }).where(eq(bodyStandardItems.id, b.id)).run();
    recordAudit(tx, {
      userId,
      action: "update",
      entityType: "body_standard_item",
      entityId: itemId,
      before: { position: a.position },
      after: { position: b.position },
    });
  });
}
