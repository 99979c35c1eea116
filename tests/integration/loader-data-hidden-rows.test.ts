/**
 * Class 3, derived information: Remix sends a loader's whole return value to the browser, so
 * what a page does not show is still read in its source. This test hunts the rows a viewer may
 * not open by their ids: the hidden rows are stored with ids (and § numbers) no other row has,
 * every meeting route's loader is called as each kind of viewer, and its serialized data must
 * hold none of the ids the viewer may not open. A hunt found every decision id of a meeting on
 * its page, its notice, its minutes and extracts (`meetingExampleMarks`): draft decisions
 * before justering, the decision of an item added since the notice (and so that item's id),
 * and a confidential §'s non-public decision; the § numbers of draft minutes on the
 * published agenda outside the body; and on approved minutes a correction not yet approved
 * and a confidential §'s corrected texts. The meeting lists put a meeting among the coming or the
 * past ones, and in order, by the day the secretary last saved, not the day the viewer was
 * told: a move not yet published showed by the list a meeting was in.
 *
 * Meetings of SVOM (public records), as the public, a reader, a member of another body, a SVOM
 * member who is not its secretary, and the coordinator:
 * - DRAFT: held, notice published with one item, an item added after the notice, minutes begun
 *   (draft decisions for both items);
 * - APPROVED: minutes approved, an open § and a confidential § whose decision is not public;
 * - NOTICED: coming, notice published, an item added after it (only the secretary's).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { agendaItems, decisions, memberships, minutes, minutesRevisions, users } from "../../db/schema";
import { createSession } from "~/auth/sessions.server";
import { addDays } from "~/domain/calendar-dates";
import { todayInStockholm } from "~/domain/format";
import { can } from "~/domain/policy";
import { createAssignment } from "~/models/assignments.server";
import { reportAbsence } from "~/models/meeting-absence.server";
import { publishNotice } from "~/models/meeting-notice.server";
import { getMeeting, pageOfPastMeetings, updateMeeting, upcomingMeetings } from "~/models/meetings.server";
import { loadActor } from "~/models/users.server";
import * as absencePage from "~/routes/moten.$meetingId.forhinder";
import * as meetingCalendar from "~/routes/moten.$meetingId.kalender[.ics]";
import * as meetingPage from "~/routes/moten.$meetingId._index";
import * as noticePage from "~/routes/moten.$meetingId.kallelse";
import * as minutesPage from "~/routes/moten.$meetingId.protokoll";
import * as paragraphPage from "~/routes/moten.$meetingId.paragrafer.$itemId";
import * as proposalPage from "~/routes/moten.$meetingId.forslag";
import * as extractPage from "~/routes/moten.$meetingId.utdrag.$itemId";
import * as meetingsList from "~/routes/moten._index";
import * as bodyPage from "~/routes/organ.$bodyId._index";
import * as startPage from "~/routes/_index";
import * as assignmentsPage from "~/routes/uppdrag";
import * as partyPage from "~/routes/parter.$organisationId";
import { secretaryMeeting } from "../support/meetings";
import { seatedTestUser } from "../support/browser";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
const today = todayInStockholm();

const VIEWERS = [
  "anonymous",
  "test-lasare",
  "demo-ifochef",
  "test-svom-ledamot",
  "test-svom-ersattare",
  "demo-samordnare",
] as const;
/** A text of draft minutes (their place of approval). */
const DRAFT_MINUTES = "Kanariejusteringsplats";
/** The coordinator's note on a seat. */
const SEAT_NOTE = "Kanarieanteckning om platsen";
/** The name of a member who reported förhinder. */
const ABSENT = "Kanariefranvarande Ledamot";
type Viewer = (typeof VIEWERS)[number];
const cookies = new Map<Viewer, string>();
const actorOf = (viewer: Viewer) =>
  viewer === "anonymous" ? null : loadActor(db.select().from(users).where(eq(users.id, viewer)).get()!, today);

/** A hidden row's id (or § number, or a text of it), and who may open it. */
interface Canary {
  name: string;
  value: number | string;
  readable: (viewer: Viewer) => boolean;
}
const canaries: Canary[] = [];
const meetingIds: Record<"draft" | "approved" | "noticed" | "moved", number> = {
  draft: 0,
  approved: 0,
  noticed: 0,
  moved: 0,
};
const itemIdsOf = new Map<number, number[]>();
/** MOVED's counters when its notice was published (every change raises them). */
let toldCounters = { version: 0, calendarSequence: 0 };

const svomDrafts = (viewer: Viewer) =>
  can(actorOf(viewer), "read:meeting", { bodyId: world.bodyIds.svom, publicRecords: true, published: false });
const secretaryOnly = (viewer: Viewer) => can(actorOf(viewer), "manage:meeting", { bodyId: world.bodyIds.svom });

function item(meetingId: number, value: Partial<typeof agendaItems.$inferInsert>) {
  return db
    .insert(agendaItems)
    .values({ meetingId, position: 50, title: "Punkt", kind: "beslut", ...value })
    .returning()
    .get();
}

function decision(meetingId: number, date: string, value: Partial<typeof decisions.$inferInsert>) {
  return db
    .insert(decisions)
    .values({
      bodyId: world.bodyIds.svom,
      meetingId,
      year: Number(date.slice(0, 4)),
      decidedOn: date,
      title: "Beslut",
      text: "Beslutstext.",
      ...value,
    })
    .returning()
    .get();
}

beforeAll(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
  const SVOM = world.bodyIds.svom;
  seatedTestUser(db, { id: "test-lasare", role: "reader", name: "Läsare utan plats" }, []);
  seatedTestUser(db, { id: "test-svom-ledamot", role: "member", name: "Ledamot i SVOM" }, [[SVOM, "ledamot"]]);

  // DRAFT: noticed with one item, an item added since; minutes begun with a draft decision of each.
  const heldOn = addDays(today, -3);
  const draft = secretaryMeeting(SVOM, heldOn, { isPublic: true });
  meetingIds.draft = draft.id;
  const told = item(draft.id, { title: "Verksamhetsplan 2027" });
  publishNotice("demo-samordnare", draft.id);
  const added = item(draft.id, { id: 990_001, position: 51, title: "Tillagd efter kallelsen" });
  canaries.push({ name: "item added since the notice", value: added.id, readable: svomDrafts });
  db.insert(minutes).values({ meetingId: draft.id, status: "utkast", adjustmentPlace: DRAFT_MINUTES }).run();
  canaries.push({ name: "draft minutes", value: DRAFT_MINUTES, readable: svomDrafts });
  for (const [id, paragraph, itemId] of [
    [880_001, 77_701, told.id],
    [880_002, 77_702, added.id],
  ] as const) {
    decision(draft.id, heldOn, { id, paragraph, agendaItemId: itemId, isPublic: true, approval: "utkast" });
    canaries.push({ name: `draft decision ${id}`, value: id, readable: svomDrafts });
    canaries.push({ name: `draft § ${paragraph}`, value: paragraph, readable: svomDrafts });
  }

  // APPROVED: an open § and a confidential § whose decision is not public.
  const approvedOn = addDays(today, -10);
  const approved = secretaryMeeting(SVOM, approvedOn, { isPublic: true });
  meetingIds.approved = approved.id;
  const open = item(approved.id, { title: "Budget 2027" });
  const secret = item(approved.id, {
    position: 51,
    title: "Ärende enligt OSL",
    confidential: true,
    confidentialReason: "26 kap. 1 § OSL",
  });
  publishNotice("demo-samordnare", approved.id);
  db.insert(minutes)
    .values({ meetingId: approved.id, status: "justerat", approvedAt: `${approvedOn}T12:00:00.000Z` })
    .run();
  const approval = { approval: "justerat" as const, approvedAt: `${approvedOn}T12:00:00.000Z` };
  decision(approved.id, approvedOn, { id: 880_011, paragraph: 5, agendaItemId: open.id, isPublic: true, ...approval });
  decision(approved.id, approvedOn, { id: 880_012, paragraph: 6, agendaItemId: secret.id, ...approval });
  // A correction of the confidential § in force, and one of the open § waiting for justering.
  const revision = (itemId: number, text: string, pending: boolean) =>
    db
      .insert(minutesRevisions)
      .values({
        meetingId: approved.id,
        agendaItemId: itemId,
        reason: "Skrivfel",
        before: JSON.stringify({ decisionText: `${text} före`, minutesNote: "" }),
        after: JSON.stringify({ decisionText: `${text} efter`, minutesNote: "" }),
        pending,
        approvedAt: pending ? null : `${approvedOn}T13:00:00.000Z`,
        createdBy: "demo-samordnare",
      })
      .run();
  revision(secret.id, "Kanariekonfidentiellrattelse", false);
  revision(open.id, "Kanarierattelseutkast", true);
  canaries.push({
    name: "a confidential §'s correction",
    value: "Kanariekonfidentiellrattelse",
    readable: (viewer) => can(actorOf(viewer), "read:confidential", { bodyId: SVOM }),
  });
  canaries.push({ name: "a correction not yet approved", value: "Kanarierattelseutkast", readable: svomDrafts });
  canaries.push({
    name: "a confidential §'s decision",
    value: 880_012,
    readable: (viewer) => can(actorOf(viewer), "read:confidential", { bodyId: SVOM }),
  });

  // Assignments of the collaboration given by a draft decision and by a confidential §'s decision.
  for (const [decisionId, title] of [
    [880_001, "Uppdrag ur ett utkast"],
    [880_012, "Uppdrag ur en sekretessparagraf"],
  ] as const)
    createAssignment("demo-samordnare", world.collaborationId, {
      decisionId,
      title,
      description: "",
      assigneeType: "body",
      assigneeId: world.bodyIds.styrgrupp,
      dueDate: null,
    });

  // NOTICED: coming, an item added since the notice: the secretary's until it is published.
  const noticed = secretaryMeeting(SVOM, addDays(today, 20), { isPublic: true });
  meetingIds.noticed = noticed.id;
  const called = item(noticed.id, { title: "Kallad punkt" });
  publishNotice("demo-samordnare", noticed.id);
  const unpublished = item(noticed.id, { id: 995_001, position: 51, title: "Ej publicerad punkt" });
  canaries.push({ name: "item not yet published", value: unpublished.id, readable: secretaryOnly });
  // The called item's place in the agenda as the secretary has moved it since (an item put before it).
  db.update(agendaItems).set({ position: 77_750 }).where(eq(agendaItems.id, called.id)).run();
  // No page needs a stored position (the list's order is the number): no one gets it.
  canaries.push({ name: "an item's place changed since the notice", value: 77_750, readable: () => false });

  // A member reports förhinder for NOTICED: a deputy who may serve for them and the secretary see it.
  const absent = seatedTestUser(db, { id: "test-franvarande", role: "member", name: ABSENT }, [[SVOM, "ledamot"]]);
  seatedTestUser(db, { id: "test-svom-ersattare", role: "member", name: "Ersättare i SVOM" }, [[SVOM, "ersättare"]]);
  // The coordinator's note on the seat (read on the seat's edit page only), the seat on Berg's behalf.
  db.update(memberships)
    .set({ note: SEAT_NOTE, organisationId: world.organisationIds.Berg })
    .where(eq(memberships.personId, absent.personId))
    .run();
  const reported = reportAbsence(
    "test-franvarande",
    { id: noticed.id, bodyId: SVOM, date: noticed.date },
    absent.personId,
  );
  expect(reported.ok).toBe(true);

  // MOVED: noticed for a coming day, then moved by the secretary to a past day, not published.
  const moved = secretaryMeeting(SVOM, addDays(today, 30), { isPublic: true });
  meetingIds.moved = moved.id;
  item(moved.id, { title: "Flyttad punkt" });
  publishNotice("demo-samordnare", moved.id);
  const noticedAs = getMeeting(moved.id)!;
  toldCounters = { version: noticedAs.version, calendarSequence: noticedAs.calendarSequence };
  const saved = updateMeeting("demo-samordnare", moved.id, moved.version, {
    date: addDays(today, -5),
    startTime: "09:00",
    endTime: "12:00",
    place: "Östersund",
    videoUrl: "",
  });
  expect(saved.ok).toBe(true);

  for (const id of Object.values(meetingIds))
    itemIdsOf.set(
      id,
      db
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, id))
        .all()
        .map((r) => r.id),
    );
  for (const viewer of VIEWERS)
    if (viewer !== "anonymous") cookies.set(viewer, (await createSession(viewer)).split(";")[0]);
  // The member is not SVOM's secretary; the IFO chief sits elsewhere.
  expect(secretaryOnly("test-svom-ledamot")).toBe(false);
  expect(svomDrafts("test-svom-ledamot")).toBe(true);
  expect(svomDrafts("demo-ifochef")).toBe(false);
});

function args(viewer: Viewer, path: string, params: Record<string, string>) {
  const cookie = cookies.get(viewer);
  return {
    request: new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} }),
    params,
    context: {},
  };
}

type Loader = (a: ReturnType<typeof args>) => Promise<unknown>;

/** The loader's data as the browser receives it, or null when the loader refuses (403, 404, a redirect). */
async function loaderData(loader: Loader, viewer: Viewer, path: string, params: Record<string, string> = {}) {
  try {
    const data = await loader(args(viewer, path, params));
    if (data instanceof Response) return data.status === 200 ? await data.text() : null;
    return JSON.stringify(data);
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status < 500) return null;
    throw thrown;
  }
}

/** Does the text hold the canary (a number: not as part of a longer one)? */
const holds = (text: string, c: Canary) =>
  typeof c.value === "string" ? text.includes(c.value) : new RegExp(`(?<![0-9])${c.value}(?![0-9])`).test(text);

/** The canaries a text holds that the viewer may not open. */
const leaksIn = (text: string, viewer: Viewer) =>
  canaries.filter((c) => !c.readable(viewer) && holds(text, c)).map((c) => c.name);

describe("loader data holds no row the viewer may not open", () => {
  it("on every meeting route, as every viewer", async () => {
    const pages: [string, Loader, string][] = [
      ["", meetingPage.loader as Loader, ""],
      ["/kallelse", noticePage.loader as Loader, ""],
      ["/protokoll", minutesPage.loader as Loader, ""],
      ["/forslag", proposalPage.loader as Loader, ""],
      ["/forhinder", absencePage.loader as Loader, ""],
      ["/utdrag", extractPage.loader as Loader, "item"],
      ["/paragrafer", paragraphPage.loader as Loader, "item"],
    ];
    const leaks: string[] = [];
    let answered = 0;
    for (const [name, meetingId] of Object.entries(meetingIds))
      for (const viewer of VIEWERS)
        for (const [suffix, loader, per] of pages)
          for (const itemId of per === "item" ? itemIdsOf.get(meetingId)! : [null]) {
            const path = `/moten/${meetingId}${suffix}${itemId === null ? "" : `/${itemId}`}`;
            const params: Record<string, string> = { meetingId: String(meetingId) };
            if (itemId !== null) params.itemId = String(itemId);
            const text = await loaderData(loader, viewer, path, params);
            if (text === null) continue;
            answered++;
            for (const leak of leaksIn(text, viewer)) leaks.push(`${viewer} ${name} ${path}: ${leak}`);
          }
    expect(leaks).toEqual([]);
    // The hunt reached the pages: the public reads every published SVOM meeting's page.
    expect(answered).toBeGreaterThan(VIEWERS.length * Object.keys(meetingIds).length);
  });

  it("on the assignments list: the decision an assignment comes from, only for those who may open it", async () => {
    const leaks: string[] = [];
    const listed: Viewer[] = [];
    for (const viewer of VIEWERS) {
      const text = await loaderData(assignmentsPage.loader as Loader, viewer, "/uppdrag");
      if (text === null) continue;
      if (text.includes("Uppdrag ur ett utkast")) listed.push(viewer);
      for (const leak of leaksIn(text, viewer)) leaks.push(`${viewer} /uppdrag: ${leak}`);
    }
    expect(leaks).toEqual([]);
    // The assignments themselves are the collaboration's: everyone who takes part lists them.
    expect(listed).toEqual(["demo-ifochef", "test-svom-ledamot", "test-svom-ersattare", "demo-samordnare"]);
  });

  it("names who reported förhinder only to a deputy who may serve for them and to the secretary", async () => {
    const seenBy: string[] = [];
    for (const viewer of VIEWERS) {
      const text = await loaderData(absencePage.loader as Loader, viewer, `/moten/${meetingIds.noticed}/forhinder`, {
        meetingId: String(meetingIds.noticed),
      });
      if (text?.includes(ABSENT)) seenBy.push(viewer);
    }
    expect(seenBy).toEqual(["test-svom-ersattare", "demo-samordnare"]);
  });

  it("gives a seat's note to no one on the body's page and the party's page", async () => {
    const SVOM = world.bodyIds.svom;
    const Berg = world.organisationIds.Berg;
    for (const viewer of VIEWERS) {
      const body = (await loaderData(bodyPage.loader as Loader, viewer, `/organ/${SVOM}`, { bodyId: String(SVOM) }))!;
      const party = (await loaderData(partyPage.loader as Loader, viewer, `/parter/${Berg}`, {
        organisationId: String(Berg),
      }))!;
      // The pages list the seat (the hunt reaches it), but not the note.
      expect({ viewer, listed: body.includes(ABSENT) && party.includes(ABSENT) }).toEqual({ viewer, listed: true });
      expect({ viewer, note: body.includes(SEAT_NOTE) || party.includes(SEAT_NOTE) }).toEqual({ viewer, note: false });
    }
  });

  it("and every canary reaches someone who may open it (the hunt finds what it looks for)", async () => {
    const seen = new Set<string>();
    for (const meetingId of Object.values(meetingIds))
      for (const viewer of ["test-svom-ledamot", "demo-samordnare"] as const) {
        const text = [
          await loaderData(meetingPage.loader as Loader, viewer, `/moten/${meetingId}`, {
            meetingId: String(meetingId),
          }),
          await loaderData(minutesPage.loader as Loader, viewer, `/moten/${meetingId}/protokoll`, {
            meetingId: String(meetingId),
          }),
        ].join("\n");
        for (const c of canaries) if (c.readable(viewer) && holds(text, c)) seen.add(c.name);
      }
    const someoneMayRead = canaries.filter((c) => VIEWERS.some((viewer) => c.readable(viewer)));
    expect([...seen].sort()).toEqual(someoneMayRead.map((c) => c.name).sort());
  });

  it("shows outside the body no § number of minutes not yet approved, and the approved minutes' § numbers", async () => {
    const page = JSON.parse(
      (await loaderData(meetingPage.loader as Loader, "anonymous", `/moten/${meetingIds.draft}`, {
        meetingId: String(meetingIds.draft),
      }))!,
    ) as { items: { title: string; paragraph: number | null }[] };
    expect(page.items.map((i) => i.title)).toContain("Verksamhetsplan 2027");
    expect(page.items.every((i) => i.paragraph === null)).toBe(true);
    // Approved minutes are the public record: a confidential § keeps its number (Swedish practice).
    const approved = JSON.parse(
      (await loaderData(meetingPage.loader as Loader, "anonymous", `/moten/${meetingIds.approved}`, {
        meetingId: String(meetingIds.approved),
      }))!,
    ) as { items: { title: string; paragraph: number | null }[] };
    expect(approved.items.filter((i) => i.paragraph !== null).map((i) => [i.title, i.paragraph])).toEqual([
      ["Budget 2027", 5],
      ["Ärende enligt OSL", 6],
    ]);
  });
});

describe("a meeting's counters tell no change not yet published", () => {
  it("are the notice's on the meeting page and in its calendar file, for all but the secretary", async () => {
    const id = meetingIds.moved;
    const actual = getMeeting(id)!;
    expect(actual.calendarSequence).toBeGreaterThan(toldCounters.calendarSequence);
    for (const viewer of VIEWERS) {
      const page = JSON.parse(
        (await loaderData(meetingPage.loader as Loader, viewer, `/moten/${id}`, { meetingId: String(id) }))!,
      ) as { meeting: { version: number; calendarSequence: number } };
      const expected = secretaryOnly(viewer)
        ? { version: actual.version, calendarSequence: actual.calendarSequence }
        : toldCounters;
      expect({ viewer, ...page.meeting }).toMatchObject({ viewer, ...expected });
      const ics = (await loaderData(meetingCalendar.loader as Loader, viewer, `/moten/${id}/kalender.ics`, {
        meetingId: String(id),
      }))!;
      expect({ viewer, sequence: /SEQUENCE:(\d+)/.exec(ics)?.[1] }).toEqual({
        viewer,
        sequence: String(expected.calendarSequence),
      });
    }
  });
});

describe("meeting lists tell coming and past by the day the viewer was told", () => {
  it("keeps a meeting moved into the past, not yet published, among the coming ones for all but the secretary", async () => {
    const SVOM = world.bodyIds.svom;
    for (const viewer of VIEWERS) {
      const actor = actorOf(viewer);
      const coming = upcomingMeetings(actor, [SVOM], today).map((m) => m.id);
      const past = (await pageOfPastMeetings(actor, [SVOM], today, { page: 1, size: 500 })).items.map((m) => m.id);
      const expected = secretaryOnly(viewer) ? "past" : "coming";
      expect({ viewer, list: coming.includes(meetingIds.moved) ? "coming" : "past" }).toEqual({
        viewer,
        list: expected,
      });
      expect(past.includes(meetingIds.moved)).toBe(expected === "past");
    }
  });

  it("on the meetings list, a body's page and the start page", async () => {
    const SVOM = world.bodyIds.svom;
    for (const viewer of ["anonymous", "test-svom-ledamot"] as const) {
      const list = JSON.parse((await loaderData(meetingsList.loader as Loader, viewer, "/moten?organ=" + SVOM))!) as {
        upcoming: { id: number }[];
      };
      expect(list.upcoming.map((m) => m.id)).toContain(meetingIds.moved);
      const body = JSON.parse(
        (await loaderData(bodyPage.loader as Loader, viewer, `/organ/${SVOM}`, { bodyId: String(SVOM) }))!,
      ) as { upcoming: { id: number; date: string }[]; past: { total: number; items: { id: number }[] } };
      expect(body.upcoming.find((m) => m.id === meetingIds.moved)?.date).toBe(addDays(today, 30));
      expect(body.past.items.map((m) => m.id)).not.toContain(meetingIds.moved);
    }
    const start = JSON.parse((await loaderData(startPage.loader as Loader, "test-svom-ledamot", "/"))!) as {
      nextMeetings: { id: number; date: string }[];
    };
    expect(start.nextMeetings.every((m) => m.date >= today)).toBe(true);
  });
});
