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
import { installPersonalNumberGuard, removePersonalNumberGuard } from "./personal-number-guard";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

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
  return drizzle(sqlite, { schema }) as Db;
}

/** Applies committed migrations. Called by scripts and tests, never on import. */
export function migrateDatabase(db: Db): void {
  // The guard's triggers follow the schema: off while tables are rebuilt, then made anew.
  removePersonalNumberGuard(db.$client);
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  installPersonalNumberGuard(db.$client);
}

/**
 * Runs `fn` in an IMMEDIATE transaction: the write lock is taken at BEGIN, so two writers
 * never deadlock on a lock upgrade and busy_timeout applies. better-sqlite3 is synchronous,
 * so `fn` must be too.
 */
export function writeTransaction<T>(db: Db, fn: (tx: Db) => T): T {
  return db.$client.transaction(() => fn(db)).immediate();
}
