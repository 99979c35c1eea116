/**
 * Lists are paginated (a house rule): a list that grows with the data comes to a page a page
 * at a time, whatever its size. Each growing list is seeded past a page (50 rows) and read
 * through its route's own loader, as the coordinator (who may read everything): the page
 * holds 50, the total counts them all, and the last page holds the rest, each row once.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { meetings } from "../../db/schema";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { eq } from "drizzle-orm";
import { createSession } from "~/auth/sessions.server";
import { todayInStockholm } from "~/domain/format";
import * as bodyPage from "~/routes/organ.$bodyId._index";
import { demoDatabase } from "../support/test-db";

const PAGE_SIZE = 50;
/** More than a page of each growing list: two pages, the second one partly full. */
const SEEDED = 73;

let db: Db;
let world: DemoWorld;
let cookie = "";

const request = (path: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });

beforeAll(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
  cookie = (await createSession("demo-samordnare")).split(";")[0];
  db.$client.transaction(() => {
    // The reference group's past: a meeting a month from 2010 on, two on some days.
    for (let i = 0; i < SEEDED; i++)
      db.insert(meetings)
        .values({
          bodyId: world.bodyIds.referensgrupp,
          date: `${2010 + Math.floor(i / 12)}-${String(1 + (i % 12)).padStart(2, "0")}-${i % 5 === 0 ? "10" : "20"}`,
          startTime: i % 2 ? "09:00" : "13:00",
          endTime: i % 2 ? "11:00" : "15:00",
          place: `Sidtestlokal ${i}`,
        })
        .run();
  })();
});

describe("a body's page", () => {
  const bodyId = () => world.bodyIds.referensgrupp;
  const load = (search = "") =>
    bodyPage.loader({
      request: request(`/organ/${bodyId()}${search}`),
      params: { bodyId: String(bodyId()) },
      context: {},
    });

  it("lists its past meetings a page at a time, latest first, every one once", async () => {
    const today = todayInStockholm();
    const recorded = db
      .select({ date: meetings.date })
      .from(meetings)
      .where(eq(meetings.bodyId, bodyId()))
      .all()
      .filter((m) => m.date < today).length;
    const first = await load();
    expect(first.past.page.size).toBe(PAGE_SIZE);
    expect(first.past.items).toHaveLength(PAGE_SIZE);
    const total = first.past.page.total;
    expect(total).toBeGreaterThanOrEqual(SEEDED);
    expect(total).toBe(recorded);
    expect(first.past.page.pageCount).toBe(Math.ceil(total / PAGE_SIZE));
    const pages = [first.past.items];
    for (let n = 2; n <= first.past.page.pageCount; n++) pages.push((await load(`?sida=${n}`)).past.items);
    const rows = pages.flat();
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((m) => m.id)).size).toBe(total);
    expect(rows.every((m) => m.bodyId === bodyId())).toBe(true);
    // Latest first; the same day by time, then by id, so a row is on exactly one page.
    const keys = rows.map((m) => `${m.date} ${m.startTime}`);
    expect(keys).toEqual([...keys].sort().reverse());
  });

  it("shows the last page for a page past the end, and page 1 for a bad page number", async () => {
    const first = await load();
    const past = await load("?sida=999");
    expect(past.past.page.page).toBe(first.past.page.pageCount);
    expect((await load("?sida=x")).past.items.map((m) => m.id)).toEqual(first.past.items.map((m) => m.id));
  });
});
