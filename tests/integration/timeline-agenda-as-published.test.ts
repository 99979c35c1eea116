/**
 * A matter's timeline (/arenden/:id) shows each agenda item as the viewer sees it on the
 * meeting's own page (/moten/:id), which it links to: whoever is shown the last published
 * version of the agenda there (everyone but the body's secretary until minutes are begun, and
 * everyone outside the body until the minutes are approved) sees the title as published, and
 * no item added since. An audit found the timeline showing such a viewer the agenda item's
 * current title: a secretary's unpublished draft.
 *
 * The meeting page's loader is the rule here: for every viewer and every stage of a meeting,
 * the timeline's agenda events are exactly the meeting page's items of the matter, with the
 * meeting page's titles.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { agendaItems, meetings, users } from "../../db/schema";
import { createSession } from "~/auth/sessions.server";
import { todayInStockholm } from "~/domain/format";
import { addDocumentLink, linkOptions } from "~/models/document-links.server";
import { createDocument } from "~/models/documents.server";
import { createMatter } from "~/models/matters.server";
import { addAgendaItem, updateAgendaItem } from "~/models/meeting-agenda.server";
import { startMinutes } from "~/models/meeting-minutes.server";
import { publishNotice } from "~/models/meeting-notice.server";
import { search } from "~/models/search.server";
import { updateMeeting } from "~/models/meetings.server";
import { loadActor } from "~/models/users.server";
import * as matterPage from "~/routes/arenden.$matterId";
import * as documentPage from "~/routes/dokument.$documentId._index";
import * as meetingPage from "~/routes/moten.$meetingId._index";
import { approveMinutes, decisionItem, secretaryMeeting } from "../support/meetings";
import { seatedTestUser } from "../support/browser";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
let matterId = 0;
/** The three stages of a meeting, each with the same history: published, then an item edited and one added. */
const meetingIds = { notice: 0, minutesBegun: 0, minutesApproved: 0 };
const cookies = new Map<string, string>();

const PUBLISHED = "Budget 2027 (som kallad)";
const DRAFT = "Budget 2027 UTKASTRUBRIK ej publicerad";
const ADDED = "Tillagd punkt UTKASTPUNKT ej publicerad";

/** A user who sits in SVOM with `role` (a fresh person, so nothing else of the demo changes). */
function seatedUser(id: string, role: "sekreterare" | "ledamot") {
  seatedTestUser(db, { id, role: "member", name: `Tidslinjetest ${role}` }, [[world.bodyIds.svom, role]]);
}

/** A SVOM meeting (public records) whose agenda was published, then changed without publishing. */
function meetingWithUnpublishedChanges(date: string) {
  const meeting = secretaryMeeting(world.bodyIds.svom, date);
  const item = addAgendaItem("demo-samordnare", meeting.id, { ...decisionItem(PUBLISHED), matterId }, null);
  addAgendaItem("demo-samordnare", meeting.id, { ...decisionItem("Oförändrad punkt"), matterId }, null);
  publishNotice("demo-samordnare", meeting.id);
  const saved = db.select().from(agendaItems).where(eq(agendaItems.id, item.id)).get()!;
  const edit = updateAgendaItem("demo-samordnare", item.id, saved.version, { ...decisionItem(DRAFT), matterId }, null);
  expect(edit.ok).toBe(true);
  addAgendaItem("demo-samordnare", meeting.id, { ...decisionItem(ADDED), matterId }, null);
  return meeting.id;
}

beforeAll(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
  matterId = createMatter("demo-samordnare", world.collaborationId, {
    registryNumber: "TIDSLINJE 2026/1",
    title: "Tidslinjeärende",
    description: "",
  }).id;
  seatedUser("test-sekreterare", "sekreterare");
  seatedUser("test-ledamot", "ledamot");
  meetingIds.notice = meetingWithUnpublishedChanges("2026-12-10");
  // The meeting is moved a day without publishing: the notice still says the 10th.
  const noticed = db.select().from(meetings).where(eq(meetings.id, meetingIds.notice)).get()!;
  const moved = updateMeeting("demo-samordnare", noticed.id, noticed.version, {
    date: "2026-12-09",
    startTime: noticed.startTime,
    endTime: noticed.endTime,
    place: noticed.place,
    videoUrl: noticed.videoUrl,
  });
  expect(moved.ok).toBe(true);
  meetingIds.minutesBegun = meetingWithUnpublishedChanges("2026-12-11");
  startMinutes("demo-samordnare", meetingIds.minutesBegun);
  meetingIds.minutesApproved = meetingWithUnpublishedChanges("2026-12-12");
  approveMinutes(db, meetingIds.minutesApproved);
  for (const id of VIEWERS) cookies.set(id, (await createSession(id)).split(";")[0]);
  // The outsider sits in another body, not in SVOM; the member is not SVOM's secretary.
  expect(actorOf("demo-ifochef").bodyRoles.has(world.bodyIds.svom)).toBe(false);
  expect(actorOf("test-ledamot").bodyRoles.get(world.bodyIds.svom)?.has("sekreterare")).toBe(false);
});

/** Outside SVOM (an IFO chief), a SVOM member, SVOM's secretary, the coordinator (admin). */
const actorOf = (id: string) => loadActor(db.select().from(users).where(eq(users.id, id)).get()!, todayInStockholm());
const VIEWERS = ["demo-ifochef", "test-ledamot", "test-sekreterare", "demo-samordnare"] as const;

async function timelineOf(viewer: string) {
  const load = (search: string) =>
    matterPage.loader({
      request: new Request(`http://localhost/arenden/${matterId}${search}`, {
        headers: { Cookie: cookies.get(viewer)! },
      }),
      params: { matterId: String(matterId) },
      context: {},
    });
  const first = await load("");
  const events = [...first.events];
  for (let n = 2; n <= first.timelinePage.pageCount; n++) events.push(...(await load(`?sida=${n}`)).events);
  return { total: first.timelinePage.total, all: events, events: events.filter((e) => e.kind === "dagordning") };
}

/** The matter's items as the meeting's page shows them to the viewer, as the timeline would show them. */
async function meetingPageOf(viewer: string, meetingId: number) {
  const data = await meetingPage.loader({
    request: new Request(`http://localhost/moten/${meetingId}`, { headers: { Cookie: cookies.get(viewer)! } }),
    params: { meetingId: String(meetingId) },
    context: {},
  });
  const ofMatter = new Set(
    db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(eq(agendaItems.matterId, matterId))
      .all()
      .map((i) => i.id),
  );
  return data.items
    .filter((i) => ofMatter.has(i.id))
    .map((i) => ({
      date: data.meeting.date,
      href: `/moten/${meetingId}#punkt-${i.id}`,
      text: `På dagordningen: ${i.title}`,
    }));
}

const byHref = (a: { href: string | null }, b: { href: string | null }) => (a.href! < b.href! ? -1 : 1);

describe("agenda items on a matter's timeline", () => {
  it.each(VIEWERS)("are what the meeting page shows %s, at every stage of a meeting", async (viewer) => {
    const { events, total, all } = await timelineOf(viewer);
    const expected = [
      ...(await meetingPageOf(viewer, meetingIds.notice)),
      ...(await meetingPageOf(viewer, meetingIds.minutesBegun)),
      ...(await meetingPageOf(viewer, meetingIds.minutesApproved)),
    ].sort(byHref);
    expect(events.map((e) => ({ date: e.date, href: e.href, text: e.text })).sort(byHref)).toEqual(expected);
    // The total counts exactly what the pages show (the minutes' decisions among them).
    expect(total).toBe(all.length);
  });

  it("show the published title, and no item added since, to a viewer outside the body until the minutes are approved", async () => {
    // On the day the notice names, not the day the secretary has moved the meeting to.
    const noticeDays = (await timelineOf("demo-ifochef")).events
      .filter((e) => e.href!.startsWith(`/moten/${meetingIds.notice}#`))
      .map((e) => e.date);
    expect(new Set(noticeDays)).toEqual(new Set(["2026-12-10"]));
    const texts = (await timelineOf("demo-ifochef")).events.map((e) => e.text);
    const atMeeting = async (meetingId: number) =>
      (await timelineOf("demo-ifochef")).events
        .filter((e) => e.href!.startsWith(`/moten/${meetingId}#`))
        .map((e) => e.text)
        .sort();
    expect(await atMeeting(meetingIds.notice)).toEqual([
      `På dagordningen: ${PUBLISHED}`,
      "På dagordningen: Oförändrad punkt",
    ]);
    expect(await atMeeting(meetingIds.minutesBegun)).toEqual([
      `På dagordningen: ${PUBLISHED}`,
      "På dagordningen: Oförändrad punkt",
    ]);
    // Approved minutes are the public record: the items as they stand.
    expect(await atMeeting(meetingIds.minutesApproved)).toEqual(
      [`På dagordningen: ${ADDED}`, `På dagordningen: ${DRAFT}`, "På dagordningen: Oförändrad punkt"].sort(),
    );
    expect(texts.filter((t) => t.includes("ej publicerad"))).toHaveLength(2);
  });

  it("show a body member the notice until minutes are begun, and the secretary the agenda as it stands", async () => {
    const member = (await timelineOf("test-ledamot")).events;
    const at = (events: typeof member, meetingId: number) =>
      events.filter((e) => e.href!.startsWith(`/moten/${meetingId}#`)).map((e) => e.text);
    expect(at(member, meetingIds.notice)).not.toContain(`På dagordningen: ${DRAFT}`);
    expect(at(member, meetingIds.notice)).toContain(`På dagordningen: ${PUBLISHED}`);
    expect(at(member, meetingIds.minutesBegun)).toContain(`På dagordningen: ${ADDED}`);
    const secretary = (await timelineOf("test-sekreterare")).events;
    expect(at(secretary, meetingIds.notice)).toContain(`På dagordningen: ${DRAFT}`);
    expect(at(secretary, meetingIds.notice)).toContain(`På dagordningen: ${ADDED}`);
  });
});

describe("agenda items in search, for a viewer outside the body", () => {
  // The last published version is stored as { meeting, items } since the notice records the
  // time and place: search read only the first format's list, so an item exactly as published
  // was never found outside the body before the minutes were approved.
  it("finds an item exactly as published, and not one changed or added since", async () => {
    const outsider = loadActor(db.select().from(users).where(eq(users.id, "demo-ifochef")).get()!, todayInStockholm());
    const hits = async (q: string) =>
      (await search(outsider, q, { kind: "agenda_item" }, { page: 1, size: 50 })).items.map((i) => i.href);
    const unchanged = db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingIds.notice))
      .all()
      .map((i) => `/moten/${meetingIds.notice}#punkt-${i.id}`);
    const found = await hits("Oförändrad punkt");
    expect(found.filter((h) => unchanged.includes(h))).toHaveLength(1);
    // Approved minutes are the public record: only that meeting's changed and added items are found.
    const approved = (h: string) => h.startsWith(`/moten/${meetingIds.minutesApproved}#`);
    for (const q of ["UTKASTRUBRIK", "UTKASTPUNKT"]) {
      const drafts = await hits(q);
      expect(drafts, q).toHaveLength(1);
      expect(drafts.every(approved), q).toBe(true);
    }
  });
});

describe("a public document's link to a meeting", () => {
  it("names the meeting by the day its notice names, for all but the secretary", async () => {
    const doc = createDocument(
      "demo-samordnare",
      world.collaborationId,
      {
        title: "Underlag till budgeten",
        kind: "rapport",
        bodyId: null,
        date: "2026-11-01",
        visibility: "public",
        bodyIds: [],
      },
      { markdown: "Underlag.", searchText: "Underlag.", comment: "" },
      null,
    );
    addDocumentLink("demo-samordnare", doc.id, "meeting", meetingIds.notice);
    const linkOf = async (viewer: string) => {
      const data = await documentPage.loader({
        request: new Request(`http://localhost/dokument/${doc.id}`, { headers: { Cookie: cookies.get(viewer)! } }),
        params: { documentId: String(doc.id) },
        context: {},
      });
      return data.links.find((l) => l.type === "meeting" && l.id === meetingIds.notice)?.label;
    };
    expect(await linkOf("demo-ifochef")).toMatch(/2026-12-10$/);
    expect(await linkOf("test-ledamot")).toMatch(/2026-12-10$/);
    expect(await linkOf("test-sekreterare")).toMatch(/2026-12-09$/);
  });

  it("is offered for linking by the day its notice names, in the label and its search, for all but the secretary", () => {
    const offered = (viewer: string, search: string) =>
      linkOptions(actorOf(viewer), search).meeting.options.find((o) => o.id === meetingIds.notice)?.label;
    expect(offered("test-ledamot", "")).toMatch(/2026-12-10$/);
    expect(offered("test-ledamot", "2026-12-10")).toMatch(/2026-12-10$/);
    // The unpublished day finds nothing for the member: the search matches what the option shows.
    expect(offered("test-ledamot", "2026-12-09")).toBeUndefined();
    expect(offered("test-sekreterare", "")).toMatch(/2026-12-09$/);
    expect(offered("test-sekreterare", "2026-12-09")).toMatch(/2026-12-09$/);
  });
});
