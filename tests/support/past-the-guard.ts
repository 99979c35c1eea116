/**
 * Texts with personal identity numbers as a database from before the guard holds them: planted
 * past the guard (its triggers off on this connection for the planting, on again after, even
 * if the planting fails), for the tests of finding and redacting them.
 */
import type { Db } from "../../db/connection";
import { installPersonalNumberGuard, removePersonalNumberGuard } from "../../db/personal-number-guard";
import { auditLog } from "../../db/schema";

/** Runs `plant` in one transaction with the guard off on `db`'s connection. */
export function pastTheGuard<T>(db: Db, plant: () => T): T {
  removePersonalNumberGuard(db.$client);
  try {
    return db.$client.transaction(plant)();
  } finally {
    installPersonalNumberGuard(db.$client);
  }
}

/** The coordinator's audit entry of a matter update with these values (inside `pastTheGuard`). */
export function plantedAuditEntry(
  db: Db,
  entityId: string,
  values: { before?: Record<string, string>; after: Record<string, string> },
) {
  return db
    .insert(auditLog)
    .values({
      userId: "demo-samordnare",
      action: "update",
      entityType: "matter",
      entityId,
      ...(values.before ? { before: JSON.stringify(values.before) } : {}),
      after: JSON.stringify(values.after),
    })
    .returning()
    .get();
}
