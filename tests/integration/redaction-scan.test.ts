/**
 * Where stored text holds a personal identity number (/admin/personnummer) is found by reading
 * every guarded text and testing it with the guard, a few rows at a time with the event loop
 * turning between slices (done at once, at 100× a year's data, it held the loop for over 7 s),
 * and redaction masks exactly the places that still hold one.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, matters } from "../../db/schema";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { createSession } from "~/auth/sessions.server";
import { personalNumbersIn } from "~/domain/personal-number";
import * as personalNumbersPage from "~/routes/admin.personnummer";
import { pastTheGuard, plantedAuditEntry } from "../support/past-the-guard";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
let coordinator = "";
const planted: string[] = [];
/** Texts full of digits that are not personal identity numbers: the guard works through each. */
const FILLER = Array.from(
  { length: 60 },
  (_, i) => `Kostnad 2026-0${1 + (i % 9)}-1${i % 10}: ${i * 1234} kr, tel 063-${i}4 56.`,
).join(" ");

beforeAll(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
  coordinator = (await createSession("demo-samordnare")).split(";")[0];
  db.$client.transaction(() => {
    for (let i = 0; i < 3_000; i++)
      db.insert(auditLog)
        .values({
          userId: "demo-samordnare",
          action: "update",
          entityType: "matter",
          entityId: String(i),
          after: JSON.stringify({ note: FILLER }),
        })
        .run();
  })();
  // Stored before the guard existed: planted past it, as an old database holds them.
  pastTheGuard(db, () => {
    for (const i of [5, 1_500, 2_999]) {
      const entry = plantedAuditEntry(db, `p${i}`, { after: { note: `Klient 19121212-1212 (${i})` } });
      planted.push(`audit_log.after.${entry.id}`);
    }
    const matter = db.select().from(matters).where(eq(matters.collaborationId, world.collaborationId)).get()!;
    db.update(matters).set({ description: "Gäller klient 19121212-1212." }).where(eq(matters.id, matter.id)).run();
    planted.push(`matters.description.${matter.id}`);
  });
});

const request = (method = "GET", body?: string) =>
  new Request("http://localhost/admin/personnummer", {
    method,
    headers: {
      Cookie: coordinator,
      ...(body ? { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" } : {}),
    },
    body,
  });
const load = () => personalNumbersPage.loader({ request: request(), params: {}, context: {} });

describe("stored personal identity numbers, found a slice at a time", () => {
  it("finds exactly the planted ones, masked, with the event loop turning while it reads", async () => {
    let turns = 0;
    let scanning = true;
    const tick = () => {
      turns++;
      if (scanning) setImmediate(tick);
    };
    setImmediate(tick);
    const { page, found } = await load();
    scanning = false;
    expect(page.total).toBe(planted.length);
    expect(found.map((f) => `${f.table}.${f.column}.${f.rowId}`)).toEqual(planted);
    expect(found.every((f) => f.masked.join() === "19121212-****")).toBe(true);
    // 3 000 texts of digits: read at once the loop would not turn until the answer.
    expect(turns).toBeGreaterThan(2);
  });

  it("masks exactly the places that hold one, and then finds none", async () => {
    const response = await personalNumbersPage.action({
      request: request("POST", "intent=redact"),
      params: {},
      context: {},
    });
    expect((response as Response).status).toBe(302);
    const record = db.select().from(auditLog).where(eq(auditLog.action, "redact")).get()!;
    expect(JSON.parse(record.after!).texts).toBe(planted.length);
    const stillThere = db.$client
      .prepare("SELECT after FROM audit_log UNION ALL SELECT description FROM matters")
      .all() as { after: string | null }[];
    expect(stillThere.filter((r) => r.after && personalNumbersIn(r.after).length)).toEqual([]);
    expect((await load()).page.total).toBe(0);
  });
});
