/**
 * Redaction of personal identity numbers stored before the guard existed (issue 11, class 4).
 * The coordinator sees where stored text holds one (masked, never the number) and redacts them
 * all in one audited transaction: the number is masked in place (`redactPersonalNumbers`), in
 * every table the guard covers, the audit log's before/after values included. A redacted audit
 * entry is stamped with who redacted it and when (the only change the log accepts), and the
 * redaction itself is a new audit entry that names the places, never the numbers.
 */
import { guardedColumns } from "../../db/personal-number-guard";
import { pageOf, type PageRequest, type Paged } from "~/domain/pagination";
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

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * One page of the stored texts that hold a personal identity number, in table, column and
 * row order (a place is on exactly one page), with their total. Every guarded text column is
 * one arm of a UNION ALL, so the count and the page are found in SQL and only the page's texts
 * are read. Not through paginateQuery: the list spans every guarded table, and its test
 * (`personal_number_in`, the guard's function) is registered on this connection only, not in
 * the read workers.
 */
export function pageOfStoredPersonalNumbers(request: PageRequest): Paged<StoredPersonalNumber> {
  const sqlite = db().$client;
  const places = guardedColumns(sqlite).flatMap(({ table, columns }) =>
    columns.map(
      (column) =>
        `SELECT ${literal(table)} AS "table", ${literal(column)} AS "column", ` +
        `rowid AS rowId, ${quote(column)} AS value FROM ${quote(table)} WHERE personal_number_in(${quote(column)})`,
    ),
  );
  if (!places.length) return { page: pageOf(request, 0), items: [] };
  const found = places.join(" UNION ALL ");
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM (${found})`).get() as { n: number }).n;
  const page = pageOf(request, total);
  if (total === 0) return { page, items: [] };
  const rows = sqlite
    .prepare(`SELECT * FROM (${found}) ORDER BY "table", "column", rowId LIMIT ? OFFSET ?`)
    .all(page.size, page.offset) as { table: string; column: string; rowId: number; value: string }[];
  return {
    page,
    items: rows.map(({ value, ...place }) => ({
      ...place,
      masked: [...new Set(personalNumbersIn(value).map((h) => maskPersonalNumber(h.match)))],
    })),
  };
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
