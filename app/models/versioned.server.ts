/**
 * Optimistic locking, the one way: a row two people can edit carries a `version`; a save names
 * the version it was read at and is refused, with the row as it is now, when someone else saved
 * in between. The refusal is a `{ ok: false }` result, so `write` rolls the transaction back.
 */
import { eq } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

export type Versioned<T> = { ok: true; row: T } | { ok: false; conflict: T };

type VersionedTable = SQLiteTable & { id: SQLiteColumn; version: SQLiteColumn };
type RowOf<T extends VersionedTable> = T["$inferSelect"] & { id: number; version: number };

/**
 * The row at the version the user read (`before`), or what someone else saved since
 * (`conflict`). A row that is gone answers 404 with `missing`.
 */
export function lockVersion<T extends VersionedTable>(
  tx: Db,
  table: T,
  id: number,
  expectedVersion: number,
  missing: string,
): { ok: true; before: RowOf<T> } | { ok: false; conflict: RowOf<T> } {
  const row = tx
    .select()
    .from(table as SQLiteTable)
    .where(eq(table.id, id))
    .get() as RowOf<T> | undefined;
  if (!row) throw new Response(missing, { status: 404 });
  return row.version === expectedVersion ? { ok: true, before: row } : { ok: false, conflict: row };
}

/**
 * Saves `changes` (or what `changes` makes of the row as it was) with the next version and an
 * "update" audit entry (before and after), if nobody saved since `expectedVersion`. A saved
 * result carries the row as it was too, for what follows from the change.
 */
export function saveVersioned<T extends VersionedTable>(
  tx: Db,
  table: T,
  id: number,
  expectedVersion: number,
  changes: Partial<T["$inferInsert"]> | ((before: RowOf<T>) => Partial<T["$inferInsert"]>),
  audit: { userId: string; entityType: string; missing: string },
): { ok: true; row: RowOf<T>; before: RowOf<T> } | { ok: false; conflict: RowOf<T> } {
  const locked = lockVersion(tx, table, id, expectedVersion, audit.missing);
  if (!locked.ok) return locked;
  const { before } = locked;
  const values = typeof changes === "function" ? changes(before) : changes;
  const row = tx
    .update(table as SQLiteTable)
    .set({ ...values, version: before.version + 1 } as never)
    .where(eq(table.id, id))
    .returning()
    .get() as RowOf<T>;
  recordAudit(tx, {
    userId: audit.userId,
    action: "update",
    entityType: audit.entityType,
    entityId: id,
    before,
    after: row,
  });
  return { ok: true, row, before };
}
