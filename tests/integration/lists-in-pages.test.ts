/**
 * Lists are paginated (a house rule): a list that grows with the data comes to a page a page
 * at a time, whatever its size. Each growing list is seeded past a page (50 rows) and read
 * through its route's own loader, as the coordinator (who may read everything): the page
 * holds 50, the total counts them all, and the last page holds the rest, each row once.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { installPersonalNumberGuard, removePersonalNumberGuard } from "../../db/personal-number-guard";
import {
  auditLog,
  bodies,
  documents,
  documentVersions,
  mailOutbox,
  meetings,
  memberships,
  people,
} from "../../db/schema";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { and, eq, isNotNull, lt } from "drizzle-orm";
import { createSession } from "~/auth/sessions.server";
import { todayInStockholm } from "~/domain/format";
import { createDocument } from "~/models/documents.server";
import * as bodyPage from "~/routes/organ.$bodyId._index";
import * as documentPage from "~/routes/dokument.$documentId._index";
import * as outboxPage from "~/routes/admin.e-post._index";
import * as personalNumbersPage from "~/routes/admin.personnummer";
import * as partyPage from "~/routes/parter.$organisationId";
import { demoDatabase } from "../support/test-db";

const PAGE_SIZE = 50;
/** More than a page of each growing list: two pages, the second one partly full. */
const SEEDED = 73;

let db: Db;
let world: DemoWorld;
let cookie = "";
let routineId = 0;
let regionId = 0;
/** Former seats seeded in a body without public records (hidden from the public). */
const HIDDEN_SEATS = 20;

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
  // Seats that ended long ago: 73 in SVOM (public records) and 20 in the reference group (not
  // public), every one representing the region, a term of a year each from 1950 on.
  regionId = world.organisationIds["Region Jämtland Härjedalen"];
  db.$client.transaction(() => {
    const person = db.insert(people).values({ name: "Sidtest Förtroendevald" }).returning().get();
    const seat = (bodyId: number, i: number) =>
      db
        .insert(memberships)
        .values({
          bodyId,
          personId: person.id,
          organisationId: regionId,
          role: "ledamot",
          startDate: `${1950 + Math.floor(i / 2)}-01-01`,
          // Two seats end on each day: the id breaks the tie.
          endDate: `${1950 + Math.floor(i / 2)}-12-31`,
        })
        .run();
    for (let i = 0; i < SEEDED; i++) seat(world.bodyIds.svom, i);
    for (let i = 0; i < HIDDEN_SEATS; i++) seat(world.bodyIds.referensgrupp, i);
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

/** Former seats as the database holds them (ended before today), optionally of one body or only public bodies'. */
function formerSeats(where: { bodyId?: number; organisationId?: number; publicOnly?: boolean }) {
  return db
    .select({ id: memberships.id, endDate: memberships.endDate, publicRecords: bodies.publicRecords })
    .from(memberships)
    .innerJoin(bodies, eq(memberships.bodyId, bodies.id))
    .where(
      and(
        isNotNull(memberships.endDate),
        lt(memberships.endDate, todayInStockholm()),
        where.bodyId ? eq(memberships.bodyId, where.bodyId) : undefined,
        where.organisationId ? eq(memberships.organisationId, where.organisationId) : undefined,
        where.publicOnly ? eq(bodies.publicRecords, true) : undefined,
      ),
    )
    .all();
}

/** Latest ended first, then by id (newest first): the order of every list of former seats. */
const byEndThenId = (rows: { id: number; endDate: string | null }[]) =>
  [...rows].sort((a, b) => (b.endDate ?? "").localeCompare(a.endDate ?? "") || b.id - a.id).map((r) => r.id);

describe("a body's former members", () => {
  const bodyId = () => world.bodyIds.svom;
  const load = (search = "") =>
    bodyPage.loader({
      request: request(`/organ/${bodyId()}${search}`),
      params: { bodyId: String(bodyId()) },
      context: {},
    });

  it("come a page at a time, the latest to leave first, every one once, by their own page parameter", async () => {
    const expected = byEndThenId(formerSeats({ bodyId: bodyId() }));
    expect(expected.length).toBeGreaterThan(SEEDED);
    const first = (await load()).members!.former;
    expect(first.page).toMatchObject({ size: PAGE_SIZE, total: expected.length });
    expect(first.items).toHaveLength(PAGE_SIZE);
    const pages = [first.items];
    for (let n = 2; n <= first.page.pageCount; n++)
      pages.push((await load(`?ledamotssida=${n}`)).members!.former.items);
    expect(pages.flat().map((m) => m.membershipId)).toEqual(expected);
    // The past meetings' page ("sida") is another list's: it leaves the former members alone.
    const other = await load("?sida=2&ledamotssida=2");
    expect(other.members!.former.items.map((m) => m.membershipId)).toEqual(pages[1].map((m) => m.membershipId));
    expect(other.past.page.page).toBe((await load("?sida=2")).past.page.page);
    expect((await load("?sida=2")).members!.former.page.page).toBe(1);
  });

  it("shows the last page for a page past the end, and page 1 for a bad page number", async () => {
    const first = (await load()).members!.former;
    expect((await load("?ledamotssida=999")).members!.former.page.page).toBe(first.page.pageCount);
    expect((await load("?ledamotssida=x")).members!.former.items.map((m) => m.membershipId)).toEqual(
      first.items.map((m) => m.membershipId),
    );
  });
});

describe("an organisation's former representatives (/parter/:id)", () => {
  const load = (search = "", signedIn = true) =>
    partyPage.loader({
      request: signedIn
        ? request(`/parter/${regionId}${search}`)
        : new Request(`http://localhost/parter/${regionId}${search}`),
      params: { organisationId: String(regionId) },
      context: {},
    });

  it("come a page at a time, the latest to leave first, every one once", async () => {
    const expected = byEndThenId(formerSeats({ organisationId: regionId }));
    expect(expected.length).toBeGreaterThanOrEqual(SEEDED + HIDDEN_SEATS);
    const first = (await load()).former;
    expect(first.page).toMatchObject({ size: PAGE_SIZE, total: expected.length });
    const pages = [first.items];
    for (let n = 2; n <= first.page.pageCount; n++) pages.push((await load(`?sida=${n}`)).former.items);
    expect(pages.flat().map((r) => r.membershipId)).toEqual(expected);
    expect((await load("?sida=999")).former.page.page).toBe(first.page.pageCount);
    expect((await load("?sida=0")).former.items.map((r) => r.membershipId)).toEqual(
      first.items.map((r) => r.membershipId),
    );
  });

  it("counts and fills pages with only the seats the public may read (bodies with public records)", async () => {
    const expected = byEndThenId(formerSeats({ organisationId: regionId, publicOnly: true }));
    expect(expected.length).toBeGreaterThanOrEqual(SEEDED);
    const first = (await load("", false)).former;
    expect(first.page.total).toBe(expected.length);
    expect(first.items).toHaveLength(PAGE_SIZE);
    const pages = [first.items];
    for (let n = 2; n <= first.page.pageCount; n++) pages.push((await load(`?sida=${n}`, false)).former.items);
    expect(pages.flat().map((r) => r.membershipId)).toEqual(expected);
    expect(pages.flat().every((r) => r.publicRecords)).toBe(true);
    // Today's representatives follow the same rule.
    expect((await load("", false)).current.every((r) => r.publicRecords)).toBe(true);
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
