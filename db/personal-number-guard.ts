/**
 * The personal-number guard at the write boundary (issue 11, class 4): whatever path a write
 * takes (a form, a file's name, an import, a seed, a job), SQLite itself refuses a row whose
 * text contains a personal identity number. Every connection gets TEMP triggers, generated from
 * the schema, on every text column of every table, so a column added tomorrow is guarded
 * without anyone remembering to. The check is `personalNumbersIn` (decoded and rendered
 * readings: entities, full-width digits, Markdown emphasis). An UPDATE checks only the columns
 * it changes, so a row stored before the guard can still be edited (and redacted).
 *
 * Forms check the same rule at the field first, for a message next to the field; this is the
 * boundary that nothing passes.
 */
import type Database from "better-sqlite3";
import { personalNumbersIn } from "../app/domain/personal-number";

/** The prefix of the error SQLite raises; `db.server.ts` turns it into a Swedish 400. */
export const PERSONAL_NUMBER_REFUSED = "personnummer-vakt";

/**
 * Text columns that hold only values we generate (hashes, random tokens, ids, encoded
 * attachments), never anything a person writes. Random hex or base64 may contain ten digits
 * that pass the date and Luhn checks; guarding them would refuse writes by chance.
 */
const NOT_PERSON_TEXT: Record<string, readonly string[]> = {
  sessions: ["id", "user_id"],
  users: ["id", "password_hash", "calendar_token"],
  files: ["storage_name", "sha256"],
  mail_outbox: ["attachments", "headers", "message_id"],
  job_leases: ["owner"],
  rate_limits: ["key"],
};

/**
 * SQLite's and the migrator's own tables, and the search entries, which triggers build from
 * guarded tables (guarding the copy would refuse edits of a row stored before the guard).
 */
const SKIP_TABLE = /^(sqlite_|__drizzle|search_entries$)/;

/** Every guarded (table, text columns) pair of the schema as it stands. */
export function guardedColumns(sqlite: Database.Database): { table: string; columns: string[] }[] {
  const tables = sqlite.prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'table'").all() as {
    name: string;
    sql: string | null;
  }[];
  // A virtual table (the search index) and its shadow tables hold only what is built from
  // guarded tables.
  const virtual = tables.filter((t) => /^CREATE VIRTUAL/i.test(t.sql ?? "")).map((t) => t.name);
  const out: { table: string; columns: string[] }[] = [];
  for (const { name } of tables) {
    if (SKIP_TABLE.test(name) || virtual.some((v) => name === v || name.startsWith(`${v}_`))) continue;
    const skip = NOT_PERSON_TEXT[name] ?? [];
    const columns = (sqlite.prepare(`PRAGMA main.table_info("${name}")`).all() as { name: string; type: string }[])
      .filter((c) => /TEXT|CHAR|CLOB/i.test(c.type) && !skip.includes(c.name))
      .map((c) => c.name);
    if (columns.length) out.push({ table: name, columns });
  }
  return out;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Installs (or re-installs, after a migration) the guard's function and triggers. */
export function installPersonalNumberGuard(sqlite: Database.Database): void {
  sqlite.function("personal_number_in", { deterministic: true }, (value: unknown) =>
    typeof value === "string" && personalNumbersIn(value).length > 0 ? 1 : 0,
  );
  removePersonalNumberGuard(sqlite);
  for (const { table, columns } of guardedColumns(sqlite)) {
    const raise = `SELECT RAISE(ABORT, '${PERSONAL_NUMBER_REFUSED}:${table}');`;
    const onInsert = columns.map((c) => `personal_number_in(NEW.${quote(c)})`).join(" OR ");
    const onUpdate = columns
      .map((c) => `(NEW.${quote(c)} IS NOT OLD.${quote(c)} AND personal_number_in(NEW.${quote(c)}))`)
      .join(" OR ");
    sqlite.exec(
      `CREATE TEMP TRIGGER ${quote(`pn_guard_${table}_insert`)} BEFORE INSERT ON main.${quote(table)} ` +
        `WHEN ${onInsert} BEGIN ${raise} END;` +
        `CREATE TEMP TRIGGER ${quote(`pn_guard_${table}_update`)} BEFORE UPDATE ON main.${quote(table)} ` +
        `WHEN ${onUpdate} BEGIN ${raise} END;`,
    );
  }
}

export function removePersonalNumberGuard(sqlite: Database.Database): void {
  const triggers = sqlite
    .prepare("SELECT name FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'pn_guard_%'")
    .all() as { name: string }[];
  for (const { name } of triggers) sqlite.exec(`DROP TRIGGER temp.${quote(name)}`);
}
