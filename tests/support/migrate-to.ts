/**
 * Migration tests: a database migrated only up to a given migration, so a test can put in
 * data the old way and check that the next migrations keep it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { openDatabase, type Db } from "../../db/connection";

const FOLDER = fileURLToPath(new URL("../../db/migrations", import.meta.url));

interface Journal {
  entries: { tag: string }[];
}

/** Applies the committed migrations up to and including `lastTag`. */
export function migrateUpTo(db: Db, lastTag: string): void {
  const journal = JSON.parse(fs.readFileSync(path.join(FOLDER, "meta/_journal.json"), "utf8")) as Journal;
  const end = journal.entries.findIndex((e) => e.tag === lastTag);
  if (end < 0) throw new Error(`No migration ${lastTag}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-migrations-"));
  fs.mkdirSync(path.join(dir, "meta"));
  const entries = journal.entries.slice(0, end + 1);
  fs.writeFileSync(path.join(dir, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(FOLDER, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  try {
    migrate(db, { migrationsFolder: dir });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function freshUnmigrated(): Db {
  return openDatabase(":memory:");
}
