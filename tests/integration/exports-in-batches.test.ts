/**
 * An export of a list that grows for years (the decision register's CSV) is read and written a
 * batch at a time (`rowsInBatches`, `csvStreamResponse`): complete, in the register's order,
 * each row once, with the viewer's access applied, and the event loop turns between batches
 * (read at once, ten years of decisions held it for 600–930 ms).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { decisions } from "../../db/schema";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { createSession } from "~/auth/sessions.server";
import { decisionsForExport } from "~/models/decisions.server";
import * as registerCsv from "~/routes/beslut[.csv]";
import { demoDatabase } from "../support/test-db";
import { parseCsv } from "../support/csv";

/** Public approved decisions of SVOM, and decisions of the steering group that only its members see. */
const PUBLIC = 1_234;
const INTERNAL = 321;
const BATCH = 500;

let db: Db;
let world: DemoWorld;
let coordinator = "";

beforeAll(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
  coordinator = (await createSession("demo-samordnare")).split(";")[0];
  db.$client.transaction(() => {
    const add = (i: number, bodyId: number, isPublic: boolean) =>
      db
        .insert(decisions)
        .values({
          bodyId,
          // From 1990 on: before the demo's own history, two or three on a day, § numbers per year.
          year: 1990 + Math.floor(i / 100),
          paragraph: 1 + (i % 100),
          decidedOn: `${1990 + Math.floor(i / 100)}-${String(1 + (Math.floor(i / 3) % 12)).padStart(2, "0")}-15`,
          title: `Exportbeslut ${isPublic ? "offentligt" : "internt"} ${i}`,
          text: `Beslutstext ${i}; med "citat" och radbrytning\ni texten.`,
          isPublic,
          approval: "justerat",
          approvedAt: "2000-01-01 00:00:00",
        })
        .run();
    for (let i = 0; i < PUBLIC; i++) add(i, world.bodyIds.svom, true);
    for (let i = 0; i < INTERNAL; i++) add(i, world.bodyIds.styrgrupp, false);
  })();
});

async function exportAs(cookie: string | null) {
  const response = await registerCsv.loader({
    request: new Request("http://localhost/beslut.csv", { headers: cookie ? { Cookie: cookie } : {} }),
    params: {},
    context: {},
  });
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  const [header, ...rows] = parseCsv(await response.text());
  return { header, rows };
}

describe("the decision register's CSV, a batch at a time", () => {
  it("holds every decision the viewer may see, once, in the register's order", async () => {
    const { header, rows } = await exportAs(coordinator);
    expect(header[0]).toBe("Datum");
    const titles = rows.map((r) => r[3]);
    expect(titles.filter((t) => t.startsWith("Exportbeslut offentligt"))).toHaveLength(PUBLIC);
    expect(titles.filter((t) => t.startsWith("Exportbeslut internt"))).toHaveLength(INTERNAL);
    expect(new Set(rows.map((r) => r[8])).size).toBe(rows.length); // each link (decision) once
    // Newest first, then by § (highest first): across the batch boundaries too.
    const keys = rows.map((r) => [r[0], Number(r[2] || 0)] as const);
    for (let i = 1; i < keys.length; i++) {
      const [date, paragraph] = keys[i];
      const [previousDate, previousParagraph] = keys[i - 1];
      expect(date < previousDate || (date === previousDate && paragraph <= previousParagraph)).toBe(true);
    }
    // A text with a quote and a line break comes back whole.
    expect(rows.find((r) => r[3] === "Exportbeslut offentligt 7")?.[4]).toBe(
      'Beslutstext 7; med "citat" och radbrytning\ni texten.',
    );
  });

  it("shows the public only the public register", async () => {
    const { rows } = await exportAs(null);
    const titles = rows.map((r) => r[3]);
    expect(titles.filter((t) => t.startsWith("Exportbeslut offentligt"))).toHaveLength(PUBLIC);
    expect(titles.some((t) => t.startsWith("Exportbeslut internt"))).toBe(false);
  });

  it("reads batches of at most 500 and lets the event loop turn between them", async () => {
    const batches = decisionsForExport(null, {});
    const sizes: number[] = [];
    let turnedBetween = 0;
    for (;;) {
      let turned = false;
      setImmediate(() => (turned = true));
      const next = await batches.next();
      if (next.done) break;
      if (turned) turnedBetween++;
      sizes.push(next.value.length);
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(BATCH);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(PUBLIC);
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    // Before every batch, whatever else was waiting ran (here: a callback queued just before).
    expect(turnedBetween).toBe(sizes.length);
  });
});
