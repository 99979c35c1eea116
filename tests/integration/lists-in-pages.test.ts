/**
 * Lists are paginated (a house rule): a list that grows with the data comes to a page a page
 * at a time, whatever its size. Each growing list is seeded past a page (50 rows) and read
 * through its route's own loader, as the coordinator (who may read everything): the page
 * holds 50, the total counts them all, and the last page holds the rest, each row once. Where
 * access thins a list (a matter's timeline, an organisation's former representatives), a
 * viewer who may not read every row gets full pages of the rows they may read, and a total of
 * those only.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  agendaItems,
  agendaVersions,
  bodies,
  decisions,
  documents,
  documentVersions,
  mailOutbox,
  matters,
  meetings,
  memberships,
  people,
  users,
} from "../../db/schema";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { and, eq, isNotNull, lt } from "drizzle-orm";
import { createSession } from "~/auth/sessions.server";
import { todayInStockholm } from "~/domain/format";
import { canReadDecision } from "~/domain/decisions";
import { can, type Actor } from "~/domain/policy";
import { createDocument } from "~/models/documents.server";
import { publishedMeetingIds, snapshotOf } from "~/models/meeting-notice.server";
import { loadActor } from "~/models/users.server";
import * as matterPage from "~/routes/arenden.$matterId";
import * as bodyPage from "~/routes/organ.$bodyId._index";
import * as documentPage from "~/routes/dokument.$documentId._index";
import * as outboxPage from "~/routes/admin.e-post._index";
import * as personalNumbersPage from "~/routes/admin.personnummer";
import * as partyPage from "~/routes/parter.$organisationId";
import * as newDecisionPage from "~/routes/beslut.ny";
import * as newMembershipPage from "~/routes/organ.$bodyId.ledamoter.ny";
import * as assignmentsPage from "~/routes/uppdrag";
import * as newItemPage from "~/routes/moten.$meetingId.punkter.ny";
import * as endTermPage from "~/routes/organ.$bodyId.mandatperiod";
import * as newRecommendationPage from "~/routes/rekommendationer.ny";
import { pastTheGuard, plantedAuditEntry } from "../support/past-the-guard";
import { demoDatabase } from "../support/test-db";

const PAGE_SIZE = 50;
/** More than a page of each growing list: two pages, the second one partly full. */
const SEEDED = 73;

let db: Db;
let world: DemoWorld;
let cookie = "";
let routineId = 0;
let regionId = 0;
let matterId = 0;
/** The seeded matter's events: agenda items and decisions in two bodies, some hidden from outsiders. */
const TIMELINE_EVENTS = 40 + 33 + 5 + 20 + 10 + 5;
let coordinator: Actor;
/** A signed-in participant who sits in neither SVOM nor the reference group. */
let outsider: Actor;
let outsiderCookie = "";
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
  // Matters and people of six years: the forms that choose one offer a page of them at most.
  db.$client.transaction(() => {
    for (let i = 0; i < SEEDED; i++) {
      db.insert(matters)
        .values({ collaborationId: world.collaborationId, registryNumber: `SID ${i}`, title: `Sidtestärende ${i}` })
        .run();
      db.insert(people)
        .values({ name: `Sidtestperson ${i}` })
        .run();
    }
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
  // A matter handled for years in two bodies: SVOM (public records) took it up at two published
  // meetings (40 and 33 items) and has a meeting whose agenda is not out yet (5 items); the
  // reference group (not public) at one (20); SVOM decided it 10 times in public and has 5 drafts.
  // Many events share a day, decisions and items alike.
  matterId = db
    .insert(matters)
    .values({ collaborationId: world.collaborationId, registryNumber: "SIDTEST 2015/01", title: "Sidtestärende" })
    .returning()
    .get().id;
  db.$client.transaction(() => {
    const meeting = (bodyId: number, date: string, items: number, published: boolean) => {
      const m = db
        .insert(meetings)
        .values({ bodyId, date, startTime: "09:00", endTime: "11:00", place: "Sidtestsal" })
        .returning()
        .get();
      const agenda = [];
      for (let i = 0; i < items; i++)
        agenda.push(
          db
            .insert(agendaItems)
            .values({ meetingId: m.id, position: i + 1, title: `Sidtestpunkt ${i}`, matterId })
            .returning()
            .get(),
        );
      // The notice lists the items as they stand (the timeline shows outsiders the published version).
      const content = JSON.stringify(snapshotOf(agenda.map((i) => ({ ...i, files: [], paragraph: null }))));
      if (published) db.insert(agendaVersions).values({ meetingId: m.id, versionNo: 1, content }).run();
    };
    meeting(world.bodyIds.svom, "2015-03-10", 40, true);
    meeting(world.bodyIds.svom, "2015-09-10", 33, true);
    meeting(world.bodyIds.svom, "2016-01-10", 5, false);
    meeting(world.bodyIds.referensgrupp, "2015-06-10", 20, true);
    for (let i = 0; i < 15; i++)
      db.insert(decisions)
        .values({
          bodyId: world.bodyIds.svom,
          year: 2015,
          paragraph: i < 10 ? 100 + i : null,
          decidedOn: "2015-09-10",
          matterId,
          title: `Sidtestbeslut ${i}`,
          text: "Beslut i sidtestärendet.",
          ...(i < 10 ? { isPublic: true, approval: "justerat" as const, approvedAt: "2015-09-30T12:00:00Z" } : {}),
        })
        .run();
  })();
  const actorOf = (id: string) => loadActor(db.select().from(users).where(eq(users.id, id)).get()!, todayInStockholm());
  coordinator = actorOf("demo-samordnare");
  outsider = actorOf("demo-ifochef");
  outsiderCookie = (await createSession("demo-ifochef")).split(";")[0];
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
  pastTheGuard(db, () => {
    for (let i = 0; i < SEEDED; i++)
      plantedAuditEntry(db, String(i), { after: { description: `Klient 19121212-1212 (${i})` } });
  });
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

/** The seeded matter's timeline: what a viewer may open of it, by the policy (`can`), one row at a time. */
function timelineAsSeenBy(actor: Actor | null) {
  const items = db
    .select({
      id: agendaItems.id,
      meetingId: meetings.id,
      date: meetings.date,
      bodyId: meetings.bodyId,
      publicRecords: bodies.publicRecords,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(agendaItems.meetingId, meetings.id))
    .innerJoin(bodies, eq(meetings.bodyId, bodies.id))
    .where(eq(agendaItems.matterId, matterId))
    .all();
  const published = publishedMeetingIds([...new Set(items.map((i) => i.meetingId))]);
  const decided = db.select().from(decisions).where(eq(decisions.matterId, matterId)).all();
  return [
    ...items
      .filter((i) =>
        can(actor, "read:meeting", {
          bodyId: i.bodyId,
          publicRecords: i.publicRecords,
          published: published.has(i.meetingId),
        }),
      )
      .map((i) => ({ date: i.date, href: `/moten/${i.meetingId}#punkt-${i.id}` })),
    ...decided
      .filter((d) => d.inRegister && canReadDecision(actor, d))
      .map((d) => ({ date: d.decidedOn, href: `/beslut/${d.id}` })),
  ];
}

describe("a matter's timeline (/arenden/:id)", () => {
  const load = (search = "", as = cookie) =>
    matterPage.loader({
      request: new Request(`http://localhost/arenden/${matterId}${search}`, { headers: { Cookie: as } }),
      params: { matterId: String(matterId) },
      context: {},
    });
  const walk = async (as: string) => {
    const first = await load("", as);
    const pages = [first.events];
    for (let n = 2; n <= first.timelinePage.pageCount; n++) pages.push((await load(`?sida=${n}`, as)).events);
    return { first, pages, events: pages.flat() };
  };

  it("comes a page at a time in date order, every event once, with the true total", async () => {
    const expected = timelineAsSeenBy(coordinator);
    expect(expected.length).toBe(TIMELINE_EVENTS);
    const { first, pages, events } = await walk(cookie);
    expect(first.timelinePage).toMatchObject({
      size: PAGE_SIZE,
      total: TIMELINE_EVENTS,
      pageCount: Math.ceil(TIMELINE_EVENTS / PAGE_SIZE),
    });
    expect(pages.slice(0, -1).every((p) => p.length === PAGE_SIZE)).toBe(true);
    expect(events.map((e) => e.href).sort()).toEqual(expected.map((e) => e.href).sort());
    expect(new Set(events.map((e) => e.key)).size).toBe(events.length);
    const dates = events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    // Many events share a day: the order within it is fixed (kind, then key), the same on every visit.
    expect((await walk(cookie)).events.map((e) => e.key)).toEqual(events.map((e) => e.key));
  });

  it("gives a viewer who may not open some events full pages of those they may, and counts only those", async () => {
    const hidden = TIMELINE_EVENTS - timelineAsSeenBy(outsider).length;
    expect(hidden).toBeGreaterThan(0);
    const expected = timelineAsSeenBy(outsider);
    expect(expected.length).toBeGreaterThan(PAGE_SIZE);
    const { first, pages, events } = await walk(outsiderCookie);
    expect(first.timelinePage.total).toBe(expected.length);
    expect(first.events).toHaveLength(PAGE_SIZE);
    expect(pages.at(-1)).toHaveLength(expected.length - PAGE_SIZE * (pages.length - 1));
    expect(events.map((e) => e.href).sort()).toEqual(expected.map((e) => e.href).sort());
  });

  it("shows the last page for a page past the end, and page 1 for a bad page number", async () => {
    const first = await load();
    const past = await load("?sida=999");
    expect(past.timelinePage.page).toBe(first.timelinePage.pageCount);
    expect(past.events.length).toBeGreaterThan(0);
    expect((await load("?sida=abc")).events.map((e) => e.key)).toEqual(first.events.map((e) => e.key));
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
  it.each<readonly [string, () => Promise<unknown>]>([
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
    [
      "a body's page with many former members",
      () =>
        bodyPage.loader({
          request: request(`/organ/${world.bodyIds.svom}`),
          params: { bodyId: String(world.bodyIds.svom) },
          context: {},
        }),
    ],
    [
      "an organisation's page",
      () =>
        partyPage.loader({
          request: request(`/parter/${regionId}`),
          params: { organisationId: String(regionId) },
          context: {},
        }),
    ],
    [
      "a matter's page",
      () =>
        matterPage.loader({
          request: request(`/arenden/${matterId}`),
          params: { matterId: String(matterId) },
          context: {},
        }),
    ],
    ["the outbox", () => outboxPage.loader({ request: request("/admin/e-post"), params: {}, context: {} })],
    [
      "personal identity numbers in stored text",
      () => personalNumbersPage.loader({ request: request("/admin/personnummer"), params: {}, context: {} }),
    ],
    ...(
      [
        ["a new decision's form (matters)", newDecisionPage, "/beslut/ny", {}],
        ["a new recommendation's form (matters)", newRecommendationPage, "/rekommendationer/ny", {}],
        ["the assignments' page (people)", assignmentsPage, "/uppdrag", {}],
      ] as const
    ).map(
      ([name, route, path, params]) =>
        [
          name,
          () => (route.loader as (args: unknown) => Promise<unknown>)({ request: request(path), params, context: {} }),
        ] as const,
    ),
    [
      "a new seat's form (people)",
      () =>
        newMembershipPage.loader({
          request: request(`/organ/${world.bodyIds.styrgrupp}/ledamoter/ny`),
          params: { bodyId: String(world.bodyIds.styrgrupp) },
          context: {},
        }),
    ],
    [
      "the end of a term (the seats it cuts, and the coming term's)",
      () => {
        // A body with more open seats than a page, in this term and the next.
        const bodyId = world.bodyIds.samreko;
        db.$client.transaction(() => {
          for (let i = 0; i < SEEDED; i++) {
            const person = db
              .insert(people)
              .values({ name: `Mandattest ${i}` })
              .returning()
              .get();
            for (const startDate of ["2024-01-01", "2099-01-01"])
              db.insert(memberships).values({ bodyId, personId: person.id, role: "ersättare", startDate }).run();
          }
        })();
        return endTermPage.loader({
          request: request(`/organ/${bodyId}/mandatperiod?sista=2098-12-31`),
          params: { bodyId: String(bodyId) },
          context: {},
        });
      },
    ],
    [
      "a new agenda item's form (matters)",
      () => {
        const meetingId = db
          .select({ id: meetings.id })
          .from(meetings)
          .where(eq(meetings.bodyId, world.bodyIds.styrgrupp))
          .get()!.id;
        return newItemPage.loader({
          request: request(`/moten/${meetingId}/punkter/ny`),
          params: { meetingId: String(meetingId) },
          context: {},
        });
      },
    ],
  ])("%s", async (_, load) => {
    expect(longerThanAPage(await load())).toEqual([]);
  });

  it("seeds more matters and people than a page, so the forms above would fail if they sent them whole", () => {
    expect(db.select({ id: matters.id }).from(matters).all().length).toBeGreaterThan(PAGE_SIZE);
    expect(db.select({ id: people.id }).from(people).all().length).toBeGreaterThan(PAGE_SIZE);
  });

  it("finds a list longer than a page (the check can fail)", () => {
    expect(longerThanAPage({ a: { b: Array.from({ length: PAGE_SIZE + 1 }, () => ({ c: [] })) } })).toEqual([
      { path: "data.a.b", length: PAGE_SIZE + 1 },
    ]);
  });
});
