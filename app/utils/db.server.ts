/**
 * The application's single database connection, kept across dev rebuilds.
 * Data access lives in app/models/*.server.ts; routes never build queries themselves.
 */
import { openDatabase, writeTransaction, type Db } from "../../db/connection";
import { env } from "./env.server";

declare global {
  // eslint-disable-next-line no-var
  var __portalDb: Db | undefined;
}

export function db(): Db {
  globalThis.__portalDb ??= openDatabase(env().DATABASE_PATH);
  return globalThis.__portalDb;
}

/** Every write goes through here: one IMMEDIATE transaction, all or nothing. */
export function write<T>(fn: (tx: Db) => T): T {
  return writeTransaction(db(), fn);
}

export type { Db };
