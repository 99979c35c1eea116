/**
 * WAL checkpoints off the event loop (app/utils/checkpoints.server.ts): while the checkpointer
 * runs, a commit on the server's connection never checkpoints by itself (that copy and fsync
 * held the event loop), the worker checkpoints what was committed, and once it stops the
 * connection checkpoints by itself again.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../db/connection";
import { startCheckpoints } from "~/utils/checkpoints.server";

let dir: string;
let file: Db;
let before: Db | undefined;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-checkpoints-"));
  file = openDatabase(path.join(dir, "portal.db"));
  file.$client.exec("CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
  before = globalThis.__portalDb;
  globalThis.__portalDb = file;
});

afterAll(() => {
  globalThis.__portalDb = before;
  file.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Commits of about 100 pages each, 1 500 pages in all (SQLite checkpoints by itself at 1 000). */
function write1500Pages() {
  const insert = file.$client.prepare("INSERT INTO filler (text) VALUES (?)");
  const commit = file.$client.transaction(() => {
    for (let i = 0; i < 100; i++) insert.run("x".repeat(3_900));
  });
  for (let i = 0; i < 15; i++) commit();
}

describe("the checkpointer", () => {
  it("leaves the commits to the WAL and checkpoints them in its worker", async () => {
    const checkpoints = startCheckpoints(60_000)!;
    try {
      expect(file.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
      await checkpoints.now(); // start from an empty WAL
      write1500Pages();
      const result = await checkpoints.now();
      // Every page is still in the WAL (no commit copied it to the file), and now copied.
      expect(result.log).toBeGreaterThan(1_400);
      expect(result).toEqual({ busy: 0, log: result.log, checkpointed: result.log });
      expect(file.$client.prepare("SELECT count(*) AS n FROM filler").get()).toEqual({ n: 1_500 });
    } finally {
      await checkpoints.stop();
    }
    expect(file.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(1_000);
    await expect(checkpoints.now()).rejects.toThrow(/stopped/);
  });

  it("is not started for a database in memory", () => {
    const memory = openDatabase(":memory:");
    globalThis.__portalDb = memory;
    try {
      expect(startCheckpoints()).toBeNull();
    } finally {
      globalThis.__portalDb = file;
      memory.$client.close();
    }
  });
});
