/**
 * Lists are paginated (a house rule): a list that grows with the data comes to a page a page
 * at a time, whatever its size. Each growing list is seeded past a page (50 rows) and read
 * through its route's own loader, as the coordinator (who may read everything): the page
 * holds 50, the total counts them all, and the last page holds the rest, each row once.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { installPersonalNumberGuard, removePersonalNumberGuard } from "../../db/personal-number-guard";
import { auditLog, documents, documentVersions, mailOutbox, meetings } from "../../db/schema";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { eq } from "drizzle-orm";
import { createSession } from "~/auth/sessions.server";
import { todayInStockholm } from "~/domain/format";
import { createDocument } from "~/models/documents.server";
import * as bodyPage from "~/routes/organ.$bodyId._index";
import * as documentPage from "~/routes/dokument.$documentId._index";
import * as outboxPage from "~/routes/admin.e-post._index";
import * as personalNumbersPage from "~/routes/admin.personnummer";
import { demoDatabase } from "../support/test-db";

const PAGE_SIZE = 50;
/** More than a page of each growing list: two pages, the second one partly full. */
const SEEDED = 73;

let db: Db;
let world: DemoWorld;
let cookie = "";
let routineId = 0;

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
  // A routine revised every month for six years.
  routineId = createDocument(
    "demo-samordnare",
    world.collaborationId,
    { title: "Sidtestrutin", kind: "rutin", bodyId: null, date: "2020-01-01", visibility: "members", bodyIds: [] },
    { markdown: "Version 1", searchText: "Version 1", comment: "" },
    null,
  ).id;
  db.$client.transaction(() => {
    for (let n = 2; n <= SEEDED; n++)
      db.insert(documentVersions)
        .values({ documentId: routineId, versionNo: n, markdown: `Version ${n}`, comment: `Ändring ${n}` })
        .run();
  })();
  // Mail that failed, a message a week for over a year (the coordinator's outbox).
  db.$client.transaction(() => {
    for (let i = 0; i < SEEDED; i++)
      db.insert(mailOutbox)
        .values({
          eventKey: `sidtest:${i}`,
          kind: "notice",
          toAddress: `sidtest${i}@example.org`,
          subject: `Sidtestmeddelande ${i}`,
          textBody: "Prov",
          htmlBody: "<p>Prov</p>",
          messageId: `<sidtest-${i}@demo.example>`,
          status: "misslyckat",
          nextAttemptAt: "2026-01-01T00:00:00Z",
        })
        .run();
  })();
  // Personal identity numbers stored before the guard existed (planted past the guard, as an
  // old database holds them): one in each of 73 audit entries.
  removePersonalNumberGuard(db.$client);
  db.$client.transaction(() => {
    for (let i = 0; i < SEEDED; i++)
      db.insert(auditLog)
        .values({
          userId: "demo-samordnare",
          action: "update",
          entityType: "matter",
          entityId: String(i),
          after: JSON.stringify({ description: `Klient 19121212-1212 (${i})` }),
        })
        .run();
  })();
  installPersonalNumberGuard(db.$client);
  const newest = db.select().from(documentVersions).where(eq(documentVersions.versionNo, SEEDED)).all();
  db.update(documents)
    .set({ currentVersionId: newest.find((v) => v.documentId === routineId)!.id })
    .where(eq(documents.id, routineId))
    .run();
});

/**
 * Every array in a loader's data, by path, with its length: a list that grows with the data
 * and is not paged shows up as one longer than a page once the data is seeded past a page.
 */
function arraysIn(value: unknown, path = "data", out: { path: string; length: number }[] = []) {
  if (Array.isArray(value)) {
    out.push({ path, length: value.length });
    value.forEach((v, i) => arraysIn(v, `${path}[${i}]`, out));
  } else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) arraysIn(v, `${path}.${k}`, out);
  return out;
}
/**
 * A form's choices (the options of a <select>) count too: a choice field offers a page of its
 * objects at most (choicesOf in app/models/choices.server.ts) and a search for the rest, plus
 * the chosen one.
 */
const longerThanAPage = (data: unknown) => arraysIn(data).filter((a) => a.length > PAGE_SIZE);

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

describe("a document's page", () => {
  const load = (search = "") =>
    documentPage.loader({
      request: request(`/dokument/${routineId}${search}`),
      params: { documentId: String(routineId) },
      context: {},
    });

  it("lists its versions a page at a time, newest first, and shows the current one whatever the page", async () => {
    const first = await load();
    expect(first.versionPage).toMatchObject({ size: PAGE_SIZE, total: SEEDED, pageCount: 2 });
    expect(first.versions.map((v) => v.versionNo)).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => SEEDED - i));
    const second = await load("?sida=2");
    expect(second.versions.map((v) => v.versionNo)).toEqual(
      Array.from({ length: SEEDED - PAGE_SIZE }, (_, i) => SEEDED - PAGE_SIZE - i),
    );
    expect(second.current?.versionNo).toBe(SEEDED);
    expect(second.current?.markdown).toBe(`Version ${SEEDED}`);
  });
});

describe("the outbox (/admin/e-post)", () => {
  const load = (search = "") =>
    outboxPage.loader({ request: request(`/admin/e-post${search}`), params: {}, context: {} });

  it("lists the mail a page at a time, newest first, with the status filter kept and every row once", async () => {
    const failed = db.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.status, "misslyckat")).all();
    expect(failed.length).toBeGreaterThanOrEqual(SEEDED);
    const first = await load("?status=misslyckat");
    expect(first.page).toMatchObject({
      size: PAGE_SIZE,
      total: failed.length,
      pageCount: Math.ceil(failed.length / PAGE_SIZE),
    });
    expect(first.rows).toHaveLength(PAGE_SIZE);
    const rows = [first.rows];
    for (let n = 2; n <= first.page.pageCount; n++) rows.push((await load(`?status=misslyckat&sida=${n}`)).rows);
    const ids = rows.flat().map((r) => r.id);
    expect(ids).toEqual(failed.map((r) => r.id).sort((a, b) => b - a));
    expect(rows.flat().every((r) => r.status === "misslyckat")).toBe(true);
    // Unfiltered, the total counts every message.
    const all = await load();
    expect(all.page.total).toBe(db.select({ id: mailOutbox.id }).from(mailOutbox).all().length);
  });

  it("shows the last page for a page past the end, and page 1 for a bad page number", async () => {
    const first = await load("?status=misslyckat");
    const past = await load("?status=misslyckat&sida=999");
    expect(past.page.page).toBe(first.page.pageCount);
    expect(past.rows.length).toBeGreaterThan(0);
    expect((await load("?status=misslyckat&sida=-2")).rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
  });
});

describe("personal identity numbers in stored text (/admin/personnummer)", () => {
  const load = (search = "") =>
    personalNumbersPage.loader({ request: request(`/admin/personnummer${search}`), params: {}, context: {} });

  it("lists every text that holds one, a page at a time, with the total, each once and masked", async () => {
    const first = await load();
    expect(first.page).toMatchObject({ size: PAGE_SIZE, total: SEEDED, pageCount: 2 });
    expect(first.found).toHaveLength(PAGE_SIZE);
    const second = await load("?sida=2");
    expect(second.found).toHaveLength(SEEDED - PAGE_SIZE);
    const places = [...first.found, ...second.found].map(
      (f) => `${f.table}.${f.column}.${String(f.rowId).padStart(9, "0")}`,
    );
    expect(new Set(places).size).toBe(SEEDED);
    // Table, column, then row: a stable order, so a text is on exactly one page.
    expect(places).toEqual([...places].sort());
    expect([...first.found, ...second.found].every((f) => f.masked.join() === "19121212-****")).toBe(true);
    expect(JSON.stringify([first, second])).not.toContain("19121212-1212");
  });

  it("shows the last page for a page past the end, and page 1 for a bad page number", async () => {
    const past = await load("?sida=999");
    expect(past.page.page).toBe(2);
    expect(past.found).toHaveLength(SEEDED - PAGE_SIZE);
    expect((await load("?sida=1.5")).page.page).toBe(1);
  });
});

describe("no growing list is sent whole", () => {
  // The pages whose growing lists were seeded past a page above: every array their loaders
  // answer is at most a page long (a list added to one of them unpaged fails here).
  it.each([
    [
      "a body's page",
      () =>
        bodyPage.loader({
          request: request(`/organ/${world.bodyIds.referensgrupp}`),
          params: { bodyId: String(world.bodyIds.referensgrupp) },
          context: {},
        }),
    ],
    [
      "a document's page",
      () =>
        documentPage.loader({
          request: request(`/dokument/${routineId}`),
          params: { documentId: String(routineId) },
          context: {},
        }),
    ],
    ["the outbox", () => outboxPage.loader({ request: request("/admin/e-post"), params: {}, context: {} })],
    [
      "personal identity numbers in stored text",
      () => personalNumbersPage.loader({ request: request("/admin/personnummer"), params: {}, context: {} }),
    ],
  ])("%s", async (_, load) => {
    expect(longerThanAPage(await load())).toEqual([]);
  });

  it("finds a list longer than a page (the check can fail)", () => {
    expect(longerThanAPage({ a: { b: Array.from({ length: PAGE_SIZE + 1 }, () => ({ c: [] })) } })).toEqual([
      { path: "data.a.b", length: PAGE_SIZE + 1 },
    ]);
  });
});
