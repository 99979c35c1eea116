/**
 * Class 8 of issue 11: limits that cannot be dodged. The write limit keys on the validated
 * session or the client address (a made-up cookie per request is the same client), and the
 * counters live in the database, so every process on it shares them.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "../../db/connection";
import { sessionToken } from "../support/browser";
import { demoDatabase } from "../support/test-db";
import { writeClientKey, writeWait } from "~/auth/limits.server";
import { sessionIdOf } from "~/auth/sessions.server";
import { env } from "~/utils/env.server";

describe("write limit", () => {
  it("keys a made-up cookie on the address, and a real session on its stored id", async () => {
    const { db } = await demoDatabase();
    const token = sessionToken(db, "demo-samordnare");
    expect(await writeClientKey(`session=${token}`, "10.1.0.1")).toBe(`session:${sessionIdOf(token)}`);
    expect(await writeClientKey(`session=${crypto.randomBytes(20).toString("hex")}`, "10.1.0.1")).toBe(
      "address:10.1.0.1",
    );
    expect(await writeClientKey("session=%zz", "10.1.0.1")).toBe("address:10.1.0.1");
  });

  it("cannot be dodged with a fresh fake cookie per request", async () => {
    await demoDatabase();
    const limit = env().WRITE_LIMIT_PER_MINUTE;
    const waits: number[] = [];
    for (let i = 0; i <= limit; i++)
      waits.push(await writeWait(`session=${crypto.randomBytes(20).toString("hex")}`, "10.1.0.2"));
    expect(waits.slice(0, limit).every((w) => w === 0)).toBe(true);
    expect(waits[limit]).toBeGreaterThan(0);
    expect(waits[limit]).toBeLessThanOrEqual(60);
    // Another client is not affected.
    expect(await writeWait(null, "10.1.0.3")).toBe(0);
  }, 60_000);

  it("is shared by every process on the database (two connections to one file)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "limits-"));
    const file = path.join(dir, "portal.db");
    const first = openDatabase(file);
    migrateDatabase(first);
    const second = openDatabase(file);
    const limit = env().WRITE_LIMIT_PER_MINUTE;
    globalThis.__portalDb = first;
    for (let i = 0; i < limit; i++) expect(await writeWait(null, "10.1.0.4")).toBe(0);
    globalThis.__portalDb = second;
    expect(await writeWait(null, "10.1.0.4")).toBeGreaterThan(0);
    first.$client.close();
    second.$client.close();
  }, 60_000);
});
