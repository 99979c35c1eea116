/**
 * The audit log: every change is recorded in the same transaction as the change itself.
 * The table is append-only (database triggers refuse UPDATE and DELETE).
 */
import { and, desc, eq, gte, like, lte, sql, type SQL } from "drizzle-orm";
import { alias, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { auditLog, people, users } from "../../db/schema";
import type { PageRequest } from "~/domain/pagination";
import { db, type Db } from "~/utils/db.server";
import { paginateQuery } from "./paging.server";

export interface AuditEntry {
  userId: string | null;
  action: "create" | "update" | "delete" | "end" | "signin" | "signout" | "password" | string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export function recordAudit(tx: Db, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      userId: entry.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .run();
}

/** Inserts a row and records its "create" entry (the row as stored) in the same transaction. */
export function insertAudited<T extends SQLiteTable>(
  tx: Db,
  table: T,
  values: T["$inferInsert"],
  audit: { userId: string; entityType: string },
): T["$inferSelect"] {
  const row = tx
    .insert(table as SQLiteTable)
    .values(values as never)
    .returning()
    .get() as T["$inferSelect"];
  recordAudit(tx, {
    userId: audit.userId,
    action: "create",
    entityType: audit.entityType,
    entityId: row.id,
    after: row,
  });
  return row;
}

export interface AuditFilter {
  entityType?: string;
  userId?: string;
  from?: string;
  to?: string;
  text?: string;
}

const redactors = alias(users, "redactors");
const redactorPeople = alias(people, "redactor_people");

/** Who made an entry, by the person's name: the log reads "Sara Samordnare ändrade …", not an address. */
const author = { userId: auditLog.userId, userEmail: users.email, userName: people.name };

/** Who masked the personal identity numbers in an entry (redaction), and when. */
const redaction = {
  redactedAt: auditLog.redactedAt,
  redactedBy: auditLog.redactedBy,
  redactedByEmail: redactors.email,
  redactedByName: redactorPeople.name,
};

/** One page of the log, latest first (the id orders it: entries are only ever appended). */
export function pageOfAudit(filter: AuditFilter, request: PageRequest) {
  const conditions: SQL[] = [];
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.userId) conditions.push(eq(auditLog.userId, filter.userId));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lte(auditLog.at, `${filter.to}T23:59:59.999Z`));
  if (filter.text) conditions.push(like(auditLog.after, `%${filter.text.replace(/[%_]/g, "")}%`));
  const where = conditions.length ? and(...conditions) : undefined;
  const order = [desc(auditLog.id)];
  return paginateQuery(request, { table: auditLog, id: auditLog.id, where, order }, (page) =>
    db()
      .select({
        id: auditLog.id,
        at: auditLog.at,
        ...author,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
        ...redaction,
      })
      .from(auditLog)
      .leftJoin(users, eq(auditLog.userId, users.id))
      .leftJoin(redactors, eq(auditLog.redactedBy, redactors.id))
      .leftJoin(redactorPeople, eq(redactors.personId, redactorPeople.id))
      .leftJoin(people, eq(users.personId, people.id))
      .where(page)
      .orderBy(...order),
  );
}

/**
 * The kinds of entries in the log, for the filter. A loose index scan (one index seek per
 * kind) instead of DISTINCT over every row: the log grows by thousands of rows a year.
 */
export function auditEntityTypes(): string[] {
  return db()
    .all<{ t: string }>(
      sql`WITH RECURSIVE kinds(t) AS (
        SELECT min(entity_type) FROM audit_log
        UNION ALL
        SELECT (SELECT min(entity_type) FROM audit_log WHERE entity_type > kinds.t) FROM kinds WHERE kinds.t IS NOT NULL
      ) SELECT t FROM kinds WHERE t IS NOT NULL`,
    )
    .map((r) => r.t);
}
