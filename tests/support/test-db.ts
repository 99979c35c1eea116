/**
 * Hermetic databases for tests: every test file gets its own freshly migrated in-memory
 * database, installed as the app's connection, so model functions and route actions run
 * against it. Nothing is shared between files.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase, writeTransaction, type Db } from "../../db/connection";
import { buildDemoAgreement } from "../../db/demo-agreement";
import { buildExampleCollaboration, type ExampleCollaboration } from "../../db/demo-collaboration";
import { buildDemoDecisions } from "../../db/demo-decisions";
import { buildDemoDocuments } from "../../db/demo-documents";
import { buildDemoWorld, type DemoWorld } from "../../db/demo-world";

// A precomputed scrypt hash of the demo password keeps tests fast (hashing is slow by design).
let demoHash: string | undefined;
async function demoPasswordHash(): Promise<string> {
  if (!demoHash) {
    const { hashPassword } = await import("../../app/auth/password.server");
    const { DEMO_PASSWORD } = await import("../../db/demo-world");
    demoHash = await hashPassword(DEMO_PASSWORD);
  }
  return demoHash;
}

function freshDatabase(): Db {
  const db = openDatabase(":memory:");
  migrateDatabase(db);
  globalThis.__portalDb = db;
  return db;
}

/** A fresh database with the demo world built "today" (and the second demo collaboration when asked). */
export async function demoDatabase(
  today = "2026-11-23",
  options: { exampleCollaboration?: boolean } = {},
): Promise<{ db: Db; world: DemoWorld; example: ExampleCollaboration | null }> {
  const db = freshDatabase();
  const hash = await demoPasswordHash();
  const world = writeTransaction(db, (tx) => {
    const built = buildDemoWorld(tx, hash, today);
    buildDemoAgreement(tx, built, today);
    buildDemoDocuments(tx, built);
    buildDemoDecisions(tx, built, today);
    return built;
  });
  const example = options.exampleCollaboration
    ? writeTransaction(db, (tx) => buildExampleCollaboration(tx, world, hash, today))
    : null;
  return { db, world, example };
}

/**
 * The demo database in memory (installed as the app's connection) and a copy of it in a
 * database file in a folder of its own, for what opens the file itself (the read workers).
 * `remove` closes the file's connection and deletes the folder.
 */
export async function demoDatabaseWithFile(today = "2026-11-23", options: { exampleCollaboration?: boolean } = {}) {
  const { db: memory, world } = await demoDatabase(today, options);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-file-db-"));
  const target = path.join(dir, "portal.db");
  await memory.$client.backup(target);
  const file = openDatabase(target);
  const remove = () => {
    file.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { memory, file, world, remove };
}

/** Runs `fn` with `db` as the app's connection, and puts the one before back. */
export async function withConnection<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const before = globalThis.__portalDb;
  globalThis.__portalDb = db;
  try {
    return await fn();
  } finally {
    globalThis.__portalDb = before;
  }
}
