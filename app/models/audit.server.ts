/**
 * The audit log: every change is recorded in the same transaction as the change itself.
 * The table is append-only (database triggers refuse UPDATE and DELETE).
 */
import { and, desc, eq, gte, like, lte, type SQL } from "drizzle-orm";
import { auditLog, users } from "../../db/schema";
import { db, type Db } from "~/utils/db.server";

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

export interface AuditFilter {
  entityType?: string;
  userId?: string;
  from?: string;
  to?: string;
  text?: string;
}

export function listAudit(filter: AuditFilter, limit = 200) {
  const where: SQL[] = [];
  if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType));
  if (filter.userId) where.push(eq(auditLog.userId, filter.userId));
  if (filter.from) where.push(gte(auditLog.at, filter.from));
  if (filter.to) where.push(lte(auditLog.at, `${filter.to}T23:59:59.999Z`));
  if (filter.text) where.push(like(auditLog.after, `%${filter.text.replace(/[%_]/g, "")}%`));
  return db()
    .select({ id: auditLog.id, at: auditLog.at, userId: auditLog.userId, userEmail: users.email, action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .leftJoin(users, eq(auditLog.userId, users.id))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}

export function auditEntityTypes(): string[] {
  return db()
    .selectDistinct({ t: auditLog.entityType })
    .from(auditLog)
    .all()
    .map((r) => r.t)
    .sort();
}
