/**
 * The one place that opens the SQLite database. Every process (server, scripts, tests)
 * gets its connection here so the pragmas are always the same.
 * See docs/decisions/004-sqlite-settings.md.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { installPersonalNumberGuard, removePersonalNumberGuard } from "./personal-number-guard";
import { shareStatements } from "./shared-statements";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * db/migrations, found from this module (db/, in scripts and tests) or from the server's build
 * (build/index.js, which bundles it) up to the folder that holds db/.
 */
function findMigrationsFolder(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    for (const candidate of [path.join(dir, "migrations"), path.join(dir, "db", "migrations")])
      if (fs.existsSync(path.join(candidate, "meta", "_journal.json"))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error("db/migrations not found");
}

const DEFAULT_DATABASE_PATH = "data/portal.db";

export function databasePath(): string {
  return process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
}

export function openDatabase(file: string = databasePath()): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets readers proceed during a write; FULL syncs the WAL on every commit, so an
  // acknowledged write (an approved minute, a decision) survives a power cut.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  installPersonalNumberGuard(sqlite);
  const db = drizzle(sqlite, { schema }) as Db;
  // One statement per SQL text instead of one per query built (db/shared-statements.ts).
  shareStatements((db as unknown as { session: Parameters<typeof shareStatements>[0] }).session, sqlite);
  return db;
}

/**
 * Applies the committed migrations the database lacks and returns how many there were. Called
 * by the server before it listens, by scripts and by tests, never on import. With none to
 * apply it only counts (the reference check after a migration reads every table).
 */
export function migrateDatabase(db: Db): number {
  const migrationsFolder = findMigrationsFolder();
  const pending = readMigrationFiles({ migrationsFolder }).length - appliedMigrations(db);
  if (pending <= 0) return 0;
  // The guard's triggers follow the schema: off while tables are rebuilt, then made anew.
  removePersonalNumberGuard(db.$client);
  try {
    withTableRebuilds(db, () => migrate(db, { migrationsFolder }));
  } finally {
    installPersonalNumberGuard(db.$client);
  }
  return pending;
}

/** How many migrations drizzle has recorded as applied (none in a new database). */
function appliedMigrations(db: Db): number {
  const sqlite = db.$client;
  const table = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  return table ? (sqlite.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n : 0;
}

/**
 * drizzle-kit changes a SQLite table by rebuilding it (create `__new_t`, copy, drop `t`, rename).
 * The migrator runs everything in one transaction, where `PRAGMA foreign_keys` is a no-op, so
 * it is switched off here, before: with it on, dropping `t` would delete (ON DELETE CASCADE)
 * or refuse for every row that refers to `t`. A migration that rebuilds drops the triggers
 * naming a rebuilt table first and makes them anew last (see 0020). The references are
 * checked at the end of such a migration (a failure rolls it back) and again here.
 */
function withTableRebuilds(db: Db, fn: () => void): void {
  const sqlite = db.$client;
  const foreignKeys = sqlite.pragma("foreign_keys", { simple: true });
  sqlite.pragma("foreign_keys = OFF");
  try {
    fn();
    const broken = sqlite.pragma("foreign_key_check") as unknown[];
    if (broken.length)
      throw new Error(`Migration left ${broken.length} broken references: ${JSON.stringify(broken[0])}`);
  } finally {
    sqlite.pragma(`foreign_keys = ${foreignKeys ? "ON" : "OFF"}`);
  }
}

/**
 * Runs `fn` in an IMMEDIATE transaction: the write lock is taken at BEGIN, so two writers
 * never deadlock on a lock upgrade and busy_timeout applies. better-sqlite3 is synchronous,
 * so `fn` must be too.
 */
export function writeTransaction<T>(db: Db, fn: (tx: Db) => T): T {
  return db.$client.transaction(() => fn(db)).immediate();
}
