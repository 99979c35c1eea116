/**
 * Memberships: add, edit and end a person's seat in a body. Every write is one immediate
 * transaction with its audit entry; edits carry the version they read (optimistic locking).
 */
import { and, eq } from "drizzle-orm";
import { memberships } from "../../db/schema";
import type { ValidMembership } from "~/domain/membership";
import { recordAudit } from "./audit.server";
import { db, write } from "~/utils/db.server";

export function getMembership(id: number) {
  return db().select().from(memberships).where(eq(memberships.id, id)).get();
}

export function addMembership(userId: string, bodyId: number, value: ValidMembership) {
  return write((tx) => {
    const row = tx
      .insert(memberships)
      .values({ bodyId, ...value })
      .returning()
      .get();
    recordAudit(tx, { userId, action: "create", entityType: "membership", entityId: row.id, after: row });
    return row;
  });
}

export type UpdateResult =
  { ok: true; row: typeof memberships.$inferSelect } | { ok: false; conflict: typeof memberships.$inferSelect };

/** Saves only if nobody else saved since `expectedVersion`; otherwise returns what they saved. */
export function updateMembership(
  userId: string,
  id: number,
  expectedVersion: number,
  value: ValidMembership,
): UpdateResult {
  return write((tx) => {
    const before = tx.select().from(memberships).where(eq(memberships.id, id)).get();
    if (!before) throw new Response("Uppdraget finns inte", { status: 404 });
    if (before.version !== expectedVersion) return { ok: false, conflict: before };
    const row = tx
      .update(memberships)
      .set({ ...value, version: before.version + 1 })
      .where(and(eq(memberships.id, id), eq(memberships.version, expectedVersion)))
      .returning()
      .get();
    recordAudit(tx, { userId, action: "update", entityType: "membership", entityId: id, before, after: row });
    return { ok: true, row };
  });
}
