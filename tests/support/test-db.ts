/**
 * Hermetic databases for tests: every test file gets its own freshly migrated in-memory
 * database, installed as the app's connection, so model functions and route actions run
 * against it. Nothing is shared between files.
 */
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
