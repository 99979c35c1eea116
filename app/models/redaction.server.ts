/**
 * Redaction of personal identity numbers stored before the guard existed (issue 11, class 4).
 * The coordinator sees where stored text holds one (masked, never the number) and redacts them
 * all in one audited transaction: the number is masked in place (`redactPersonalNumbers`), in
 * every table the guard covers, the audit log's before/after values included. A redacted audit
 * entry is stamped with who redacted it and when (the only change the log accepts), and the
 * redaction itself is a new audit entry that names the places, never the numbers.
 */
import { guardedColumns } from "../../db/personal-number-guard";
import { maskPersonalNumber, personalNumbersIn, redactPersonalNumbers } from "~/domain/personal-number";
import { db, write, type Db } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

export interface StoredPersonalNumber {
  table: string;
  column: string;
  rowId: number;
  /** The numbers found, masked (19121212-****). */
  masked: string[];
}

function findIn(tx: Db): StoredPersonalNumber[] {
  const found: StoredPersonalNumber[] = [];
  for (const { table, columns } of guardedColumns(tx.$client))
    for (const column of columns) {
      const rows = tx.$client
        .prepare(`SELECT rowid AS rowId, "${column}" AS value FROM "${table}" WHERE personal_number_in("${column}")`)
        .all() as { rowId: number; value: string }[];
      for (const { rowId, value } of rows)
        found.push({
          table,
          column,
          rowId,
          masked: [...new Set(personalNumbersIn(value).map((h) => maskPersonalNumber(h.match)))],
        });
    }
  return found;
}

/** Every stored text that holds a personal identity number. */
export function storedPersonalNumbers(): StoredPersonalNumber[] {
  return findIn(db());
}

/** Masks every stored personal identity number; returns how many texts were redacted. */
export function redactStoredPersonalNumbers(userId: string): number {
  return write((tx) => {
    const found = findIn(tx);
    if (!found.length) return 0;
    const now = new Date().toISOString();
    for (const { table, column, rowId } of found) {
      const { value } = tx.$client
        .prepare(`SELECT "${column}" AS value FROM "${table}" WHERE rowid = ?`)
        .get(rowId) as {
        value: string;
      };
      const redacted = redactPersonalNumbers(value);
      if (table === "audit_log")
        tx.$client
          .prepare(`UPDATE audit_log SET "${column}" = ?, redacted_at = ?, redacted_by = ? WHERE rowid = ?`)
          .run(redacted, now, userId, rowId);
      else tx.$client.prepare(`UPDATE "${table}" SET "${column}" = ? WHERE rowid = ?`).run(redacted, rowId);
    }
    recordAudit(tx, {
      userId,
      action: "redact",
      entityType: "personnummer",
      after: { texts: found.length, places: found.map((f) => `${f.table}.${f.column} #${f.rowId}`) },
    });
    return found.length;
  });
}
