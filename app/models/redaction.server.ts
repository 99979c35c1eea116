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
import { db, memoUntilChange, write } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

export interface StoredPersonalNumber {
  table: string;
  column: string;
  rowId: number;
  /** The numbers found, masked (19121212-****). */
  masked: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rows read at a time (a document's text may hold two million characters). */
const SCAN_ROWS = 20;
/** The event loop turns after this much of the scan's work (ms). */
const SCAN_SLICE_MS = 10;

/**
 * Every stored text that holds a personal identity number, in table, column and row order (a
 * place is on exactly one page). The test is the guard itself (JavaScript, so neither SQL nor
 * the read workers can run it): every guarded text is read and tested here, a few rows at a
 * time, and the event loop turns every 10 ms of it. Done at once, in SQL through the guard's
 * function, one pass at 100× a year's data held the loop for 7.8–8.6 s, twice per page (count
 * and page). Remembered until the database changes.
 */
const storedPersonalNumbers = memoUntilChange(
  "redaction:scan",
  async (): Promise<StoredPersonalNumber[]> => {
    const sqlite = db().$client;
    const found: StoredPersonalNumber[] = [];
    let since = performance.now();
    for (const { table, columns } of guardedColumns(sqlite)) {
      const rows = sqlite
        .prepare(
          `SELECT rowid, ${columns.map(quote).join(", ")} FROM ${quote(table)} WHERE rowid > ? ORDER BY rowid LIMIT ?`,
        )
        .raw();
      const ofColumn: StoredPersonalNumber[][] = columns.map(() => []);
      for (let after = Number.MIN_SAFE_INTEGER; ;) {
        const batch = rows.all(after, SCAN_ROWS) as [number, ...unknown[]][];
        for (const [rowId, ...values] of batch)
          values.forEach((value, i) => {
            const hits = typeof value === "string" ? personalNumbersIn(value) : [];
            if (hits.length)
              ofColumn[i].push({
                table,
                column: columns[i],
                rowId,
                masked: [...new Set(hits.map((h) => maskPersonalNumber(h.match)))],
              });
          });
        if (batch.length < SCAN_ROWS) break;
        after = batch[batch.length - 1][0];
        if (performance.now() - since > SCAN_SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          since = performance.now();
        }
      }
      // Column order within the table, as the page lists them.
      const order = columns.map((column, i) => [column, i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [, i] of order) found.push(...ofColumn[i]);
    }
    return found.sort((a, b) => (a.table < b.table ? -1 : a.table > b.table ? 1 : 0));
  },
  () => "all",
);

/** One page of the stored texts that hold a personal identity number, with their total. */
export async function pageOfStoredPersonalNumbers(request: PageRequest): Promise<Paged<StoredPersonalNumber>> {
  const found = await storedPersonalNumbers();
  const page = pageOf(request, found.length);
  return { page, items: found.slice(page.offset, page.offset + page.size) };
}

/**
 * Masks every stored personal identity number; returns how many texts were redacted. The
 * places come from the scan above; each text is read and tested again inside the transaction,
 * so only what still holds a number is changed (the guard lets no new one in meanwhile).
 */
export async function redactStoredPersonalNumbers(userId: string): Promise<number> {
  const places = await storedPersonalNumbers();
  return write((tx) => {
    const now = new Date().toISOString();
    const redactedPlaces: string[] = [];
    for (const { table, column, rowId } of places) {
      const row = tx.$client
        .prepare(`SELECT ${quote(column)} AS value FROM ${quote(table)} WHERE rowid = ?`)
        .get(rowId) as { value: unknown } | undefined;
      if (typeof row?.value !== "string" || !personalNumbersIn(row.value).length) continue;
      const redacted = redactPersonalNumbers(row.value);
      if (table === "audit_log")
        tx.$client
          .prepare(`UPDATE audit_log SET ${quote(column)} = ?, redacted_at = ?, redacted_by = ? WHERE rowid = ?`)
          .run(redacted, now, userId, rowId);
      else tx.$client.prepare(`UPDATE ${quote(table)} SET ${quote(column)} = ? WHERE rowid = ?`).run(redacted, rowId);
      redactedPlaces.push(`${table}.${column} #${rowId}`);
    }
    if (!redactedPlaces.length) return 0;
    recordAudit(tx, {
      userId,
      action: "redact",
      entityType: "personnummer",
      after: { texts: redactedPlaces.length, places: redactedPlaces },
    });
    return redactedPlaces.length;
  });
}
