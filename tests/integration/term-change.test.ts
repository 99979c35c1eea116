/**
 * The change of political term, end to end (1 January: the outgoing members' seats end on
 * 31 December, the incoming members' begin). The coordinator ends and registers seats on the
 * membership pages; a meeting before the change and one after it are noticed in advance; the
 * outgoing and the incoming member each open what the portal gives them, through the routes'
 * own loaders and actions. The boundary is 30 days from today, so the test holds on any day.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { bodies, bodyCollaborations, collaborations, mailOutbox, memberships, people, users } from "../../db/schema";
import { createSession } from "~/auth/sessions.server";
import { addDays } from "~/domain/calendar-dates";
import { todayInStockholm } from "~/domain/format";
import { meetingResource } from "~/domain/meetings";
import { can } from "~/domain/policy";
import { calendarTokenOf } from "~/models/calendar.server";
import { calledTo } from "~/models/meeting-attendance.server";
import { publishNotice } from "~/models/meeting-notice.server";
import { addAgendaItem, agendaOf } from "~/models/meeting-agenda.server";
import { markHeld, participantsOf, saveMinutes, sendForSigning, startMinutes } from "~/models/meeting-minutes.server";
import { mayStillOpen } from "~/models/mail-about.server";
import { loadActor } from "~/models/users.server";
import { getMeeting, updateMeeting } from "~/models/meetings.server";
import * as startPage from "~/routes/_index";
import * as meetingPage from "~/routes/moten.$meetingId._index";
import * as meetingsPage from "~/routes/moten._index";
import * as absencePage from "~/routes/moten.$meetingId.forhinder";
import * as proposePage from "~/routes/moten.$meetingId.forslag";
import * as minutesPage from "~/routes/moten.$meetingId.protokoll";
import * as feed from "~/routes/kalender.$token[.ics]";
import * as newSeat from "~/routes/organ.$bodyId.ledamoter.ny";
import * as editSeat from "~/routes/organ.$bodyId.ledamoter.$membershipId";
import { decisionItem, secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;

let db: Db;
let world: DemoWorld;
let bodyId: number;
const today = todayInStockholm();
/** The new term's first day, and the outgoing term's last. */
const newTerm = addDays(today, 30);
const lastDay = addDays(newTerm, -1);
const person: Record<string, number> = {};
const cookie: Record<string, string> = {};
let before: { id: number };
let after: { id: number };

async function account(name: string) {
  const p = db
    .insert(people)
    .values({ name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@term.example` })
    .returning()
    .get();
  person[name] = p.id;
  db.insert(users)
    .values({
      id: `term-${p.id}`,
      email: `konto.${p.id}@term.example`,
      passwordHash: "x",
      role: "member",
      personId: p.id,
    })
    .run();
  cookie[name] = (await createSession(`term-${p.id}`)).split(";")[0];
}

/** Calls a route's loader or action as `who` (a name, or the coordinator); a thrown Response is returned. */
async function call(handler: unknown, who: string, path: string, params: Record<string, string>, form?: object) {
  const headers: Record<string, string> = {
    Cookie: who === "samordnare" ? cookie.samordnare : cookie[who],
  };
  const init: RequestInit = form
    ? {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
        body: new URLSearchParams(form as Record<string, string>),
      }
    : { headers };
  try {
    return await (handler as Handler)({ request: new Request(`http://localhost${path}`, init), params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** A rejected form is `data(reply, { status })`. */
type Rejected = { data: { error?: Record<string, string[]> }; init: { status: number } | null };
const status = (result: unknown) =>
  result instanceof Response ? result.status : ((result as Partial<Rejected>).init?.status ?? 200);
const errorsOf = (result: unknown) => (result as Rejected).data.error ?? {};

/** The person's calendar feed, as their calendar program fetches it. */
async function feedOf(name: string): Promise<string> {
  const token = calendarTokenOf(`term-${person[name]}`);
  const request = new Request(`http://localhost/kalender/${token}.ics`);
  return ((await feed.loader({ request, params: { token }, context: {} })) as Response).text();
}

function seatRows(name: string) {
  return db.select().from(memberships).where(eq(memberships.personId, person[name])).all();
}

beforeAll(async () => {
  ({ db, world } = await demoDatabase());
  bodyId = db
    .insert(bodies)
    .values({
      slug: "skiftet",
      name: "Skiftesgruppen",
      shortName: "Skiftet",
      kind: "Styrgrupp",
      proposalDeadlineDays: 10,
    })
    .returning()
    .get().id;
  db.insert(bodyCollaborations).values({ bodyId, collaborationId: world.collaborationId }).run();
  for (const name of ["Olga Ordförande", "Otto Utgående", "Ivar Omvald", "Ines Inkommande", "Erik Ersättare"])
    await account(name);
  cookie.samordnare = (await createSession("demo-samordnare")).split(";")[0];
  const seat = (name: string, role: (typeof memberships.$inferInsert)["role"]) =>
    db.insert(memberships).values({ bodyId, personId: person[name], role, startDate: "2023-01-01" }).run();
  seat("Olga Ordförande", "ordförande");
  seat("Otto Utgående", "ledamot");
  seat("Ivar Omvald", "ledamot");
  seat("Erik Ersättare", "ersättare");
  // A meeting before the change and the new term's first meeting, both noticed now.
  before = secretaryMeeting(bodyId, addDays(newTerm, -20));
  after = secretaryMeeting(bodyId, addDays(newTerm, 15));
});

describe("the coordinator ends the outgoing seats and registers the incoming ones", () => {
  it("in one sitting: ends a seat on the last day, adds one from the first, refuses overlaps", async () => {
    const otto = seatRows("Otto Utgående")[0];
    const ended = await call(
      editSeat.action,
      "samordnare",
      `/organ/${bodyId}/ledamoter/${otto.id}`,
      { bodyId: String(bodyId), membershipId: String(otto.id) },
      { intent: "end", version: String(otto.version), lastDay },
    );
    expect(status(ended)).toBe(302);
    expect(seatRows("Otto Utgående")[0].endDate).toBe(lastDay);

    const add = (name: string, role: string, startDate: string, endDate = "") =>
      call(
        newSeat.action,
        "samordnare",
        `/organ/${bodyId}/ledamoter/ny`,
        { bodyId: String(bodyId) },
        { personId: String(person[name]), organisationId: "", role, startDate, endDate, note: "" },
      );
    expect(status(await add("Ines Inkommande", "ledamot", newTerm))).toBe(302);
    expect(status(await add("Erik Ersättare", "ersättare", newTerm, lastDay))).toBe(400);

    // A re-elected member whose seat runs on: a second seat from the new term would list and
    // call her twice. The form says what to do instead.
    const twice = await add("Ivar Omvald", "ledamot", newTerm);
    expect(status(twice)).toBe(400);
    expect(errorsOf(twice).startDate?.[0]).toContain(`sista dag ${lastDay}`);
    // Nor a member and a deputy of the same body on the same day.
    expect(status(await add("Ines Inkommande", "ersättare", addDays(newTerm, 100)))).toBe(400);
    expect(seatRows("Ivar Omvald")).toHaveLength(1);
    // A gap between two terms is allowed (a member who returns later).
    expect(status(await add("Otto Utgående", "ledamot", addDays(newTerm, 400)))).toBe(302);

    // Changing a seat so that it overlaps another of the person's is refused too.
    const returning = seatRows("Otto Utgående").find((s) => s.startDate > newTerm)!;
    const moved = await call(
      editSeat.action,
      "samordnare",
      `/organ/${bodyId}/ledamoter/${returning.id}`,
      { bodyId: String(bodyId), membershipId: String(returning.id) },
      {
        intent: "save",
        version: String(returning.version),
        personId: String(person["Otto Utgående"]),
        organisationId: "",
        role: "ledamot",
        startDate: "2025-06-01",
        endDate: "",
        note: "",
      },
    );
    expect(errorsOf(moved).startDate?.[0]).toContain("överlappar");
    db.delete(memberships).where(eq(memberships.id, returning.id)).run();
  });
});

describe("a meeting noticed before the change calls the members of its day", () => {
  it("the notice: the January meeting's to the incoming, not the outgoing; December's the other way", () => {
    db.delete(mailOutbox).run();
    publishNotice("demo-samordnare", before.id);
    publishNotice("demo-samordnare", after.id);
    const noticed = (meetingId: number) =>
      db
        .select({ personId: mailOutbox.personId, subject: mailOutbox.subject })
        .from(mailOutbox)
        .where(eq(mailOutbox.eventKey, `notice:${meetingId}:v1`))
        .all()
        .map((r) => r.personId);
    expect(noticed(after.id)).toContain(person["Ines Inkommande"]);
    expect(noticed(after.id)).toContain(person["Ivar Omvald"]);
    expect(noticed(after.id)).toContain(person["Erik Ersättare"]);
    expect(noticed(after.id)).not.toContain(person["Otto Utgående"]);
    expect(noticed(before.id)).toContain(person["Otto Utgående"]);
    expect(noticed(before.id)).not.toContain(person["Ines Inkommande"]);
  });

  it("the secretary's list of who comes and the minutes' attendance follow the meeting's day", async () => {
    const coming = (await call(absencePage.loader, "samordnare", `/moten/${after.id}/forhinder`, {
      meetingId: String(after.id),
    })) as { coming: { personId: number; role: string }[] };
    const ids = coming.coming.map((p) => p.personId);
    expect(ids).toContain(person["Ines Inkommande"]);
    expect(ids).not.toContain(person["Otto Utgående"]);
    expect(coming.coming.find((p) => p.personId === person["Erik Ersättare"])?.role).toBe("ersättare");
    const present = participantsOf(after.id).map((p) => p.personId);
    expect(present).toContain(person["Ines Inkommande"]);
    expect(present).not.toContain(person["Otto Utgående"]);
    expect(participantsOf(before.id).map((p) => p.personId)).toContain(person["Otto Utgående"]);
  });
});

describe("a meeting moved across the change of term", () => {
  it("tells the members of the first notice who are no longer called, and summons the new ones", () => {
    const moved = secretaryMeeting(bodyId, addDays(newTerm, -3));
    db.delete(mailOutbox).run();
    publishNotice("demo-samordnare", moved.id);
    const firstIcs = (
      JSON.parse(
        db.select().from(mailOutbox).where(eq(mailOutbox.personId, person["Otto Utgående"])).get()!.attachments,
      ) as { content: string }[]
    )[0].content;
    const m = getMeeting(moved.id)!;
    updateMeeting("demo-samordnare", moved.id, m.version, {
      date: addDays(newTerm, 3),
      startTime: m.startTime,
      endTime: m.endTime,
      place: m.place,
      videoUrl: m.videoUrl,
    });
    db.delete(mailOutbox).run();
    publishNotice("demo-samordnare", moved.id);
    const to = (name: string) => db.select().from(mailOutbox).where(eq(mailOutbox.personId, person[name])).all();
    // Summoned to the old day, he would otherwise still expect the meeting then.
    const his = to("Otto Utgående");
    expect(his).toHaveLength(1);
    expect(his[0].textBody).toContain(addDays(newTerm, 3));
    expect(his[0].textBody).toContain("inte kallad");
    // The event his first notice put in his calendar is taken out of it: the same UID, cancelled,
    // at a SEQUENCE above the one he was sent.
    const [sent] = JSON.parse(his[0].attachments) as { content: string }[];
    const seq = (ics: string) => Number(/SEQUENCE:(\d+)/.exec(ics)?.[1]);
    expect(sent.content).toContain("STATUS:CANCELLED");
    expect(sent.content).toContain(`UID:meeting-${moved.id}@`);
    expect(seq(sent.content)).toBeGreaterThan(seq(firstIcs));
    expect(to("Ines Inkommande").map((r) => r.kind)).toEqual(["notice-change"]);
    expect(to("Ivar Omvald").map((r) => r.kind)).toEqual(["notice-change"]);
  });
});

describe("the outgoing member in December", () => {
  it("still opens the body's meetings, is offered förhinder only for the meeting he is called to", async () => {
    const page = (meetingId: number) =>
      call(meetingPage.loader, "Otto Utgående", `/moten/${meetingId}`, { meetingId: String(meetingId) }) as Promise<{
        isCalled: boolean;
      }>;
    expect((await page(before.id)).isCalled).toBe(true);
    // He sits in the body until his last day, but is not called to the new term's meeting.
    expect((await page(after.id)).isCalled).toBe(false);
  });

  it("his start page says until when he sits in the body", async () => {
    const start = (await call(startPage.loader, "Otto Utgående", "/", {})) as {
      myBodies: { id: number; until: string | null }[];
    };
    expect(start.myBodies.find((b) => b.id === bodyId)?.until).toBe(lastDay);
    const ivar = (await call(startPage.loader, "Ivar Omvald", "/", {})) as typeof start;
    expect(ivar.myBodies.find((b) => b.id === bodyId)?.until).toBeNull();
  });

  it("his calendar feed carries the December meeting, not the January one", async () => {
    const ics = await feedOf("Otto Utgående");
    expect(ics).toContain(`/moten/${before.id}`);
    expect(ics).not.toContain(`/moten/${after.id}`);
  });

  it("from the new term's first day, the body's non-public meetings are closed to him", () => {
    const user = { id: `term-${person["Otto Utgående"]}`, role: "member" as const, personId: person["Otto Utgående"] };
    const body = { id: before.id, bodyId, publicRecords: false, date: addDays(newTerm, -20) };
    expect(can(loadActor(user, lastDay), "read:meeting", meetingResource(body, true))).toBe(true);
    expect(can(loadActor(user, newTerm), "read:meeting", meetingResource(body, true))).toBe(false);
    expect(can(loadActor(user, newTerm), "read:confidential", meetingResource(body, true))).toBe(false);
  });
});

describe("the incoming member before her seat begins", () => {
  it("opens the January meeting and finds förhinder on its page; the December one stays closed", async () => {
    const page = (await call(meetingPage.loader, "Ines Inkommande", `/moten/${after.id}`, {
      meetingId: String(after.id),
    })) as { isCalled: boolean; canPropose: boolean };
    expect(page.isCalled).toBe(true);
    expect(
      status(
        await call(meetingPage.loader, "Ines Inkommande", `/moten/${before.id}`, { meetingId: String(before.id) }),
      ),
    ).toBe(404);
    expect(calledTo({ bodyId, date: addDays(newTerm, 15) }).map((p) => p.personId)).toContain(
      person["Ines Inkommande"],
    );
  });

  it("her start page names the seat that begins later, and the January meeting", async () => {
    const start = (await call(startPage.loader, "Ines Inkommande", "/", {})) as {
      myBodies: unknown[];
      comingSeats: { bodyId: number; role: string; startDate: string }[];
      nextMeetings: { id: number }[];
    };
    expect(start.myBodies).toEqual([]);
    expect(start.comingSeats).toEqual([expect.objectContaining({ bodyId, role: "ledamot", startDate: newTerm })]);
    expect(start.nextMeetings.map((m) => m.id)).toContain(after.id);
  });

  it("may propose an item to the meeting she is called to, before the deadline that falls before her term", async () => {
    const page = (await call(meetingPage.loader, "Ines Inkommande", `/moten/${after.id}`, {
      meetingId: String(after.id),
    })) as { canPropose: boolean };
    expect(page.canPropose).toBe(true);
    expect(
      status(
        await call(proposePage.loader, "Ines Inkommande", `/moten/${after.id}/forslag`, {
          meetingId: String(after.id),
        }),
      ),
    ).toBe(200);
  });

  it("her calendar feed carries the January meeting, not the December one", async () => {
    const ics = await feedOf("Ines Inkommande");
    expect(ics).toContain(`/moten/${after.id}`);
    expect(ics).not.toContain(`/moten/${before.id}`);
  });
});

describe("a member whose seat has ended signs the minutes of a meeting she attended", () => {
  it("opens the draft minutes and signs them; nothing else of the body opens", async () => {
    // The December meeting's minutes are signed in January, after the adjuster's seat ended.
    await account("Signe Slutat");
    db.insert(memberships)
      .values({
        bodyId,
        personId: person["Signe Slutat"],
        role: "ledamot",
        startDate: "2023-01-01",
        endDate: addDays(today, -2),
      })
      .run();
    db.insert(memberships)
      .values({ bodyId, personId: world.personIds["Sara Samordnare"], role: "sekreterare", startDate: "2023-01-01" })
      .run();
    const held = secretaryMeeting(bodyId, addDays(today, -5));
    const other = secretaryMeeting(bodyId, addDays(today, -4));
    addAgendaItem("demo-samordnare", held.id, decisionItem("Verksamhetsplan"), null);
    startMinutes("demo-samordnare", held.id);
    markHeld("demo-samordnare", held.id);
    const present = (personId: number, adjuster = false) => ({
      personId,
      status: "närvarande" as const,
      substituteForPersonId: null,
      adjuster,
    });
    saveMinutes("demo-samordnare", held.id, 1, {
      actingChairPersonId: null,
      secretaryPersonId: null,
      adjustmentPlace: "",
      adjustmentDate: null,
      attendance: [present(person["Olga Ordförande"]), present(person["Signe Slutat"], true)],
      items: agendaOf(held.id).map((i) => ({
        id: i.id,
        minutesNote: `Anteckning ${i.id}`,
        decisionText: "Verksamhetsplanen fastställs.",
        recordAsDecision: false,
        approvedImmediately: false,
      })),
    });
    // The secretary sends the minutes for signing: her message is queued, and kept when sent.
    db.delete(mailOutbox).run();
    expect(sendForSigning("demo-samordnare", held.id, today)).toMatchObject({ ok: true });
    const hers = db.select().from(mailOutbox).where(eq(mailOutbox.personId, person["Signe Slutat"])).all();
    expect(hers.map((r) => r.kind)).toEqual(["minutes-for-signing"]);
    expect(mayStillOpen(hers[0], person["Signe Slutat"], today)).toBe(true);
    const page = (await call(minutesPage.loader, "Signe Slutat", `/moten/${held.id}/protokoll`, {
      meetingId: String(held.id),
    })) as { canSign: boolean; myRole: string; items: { minutesNote: string }[] };
    expect(status(page)).toBe(200);
    expect(page.myRole).toBe("justerare");
    expect(page.canSign).toBe(true);
    // She reads the draft she signs.
    expect(page.items.some((i) => i.minutesNote.startsWith("Anteckning"))).toBe(true);
    const signed = await call(
      minutesPage.action,
      "Signe Slutat",
      `/moten/${held.id}/protokoll`,
      { meetingId: String(held.id) },
      { intent: "sign" },
    );
    expect(status(signed)).toBe(302);
    // The right comes from the minutes she signs, not from a seat: another meeting stays closed.
    expect(
      status(await call(meetingPage.loader, "Signe Slutat", `/moten/${other.id}`, { meetingId: String(other.id) })),
    ).toBe(404);
  });
});

describe("a member-to-be whose only seat is in another collaboration's body", () => {
  it("finds that collaboration's meetings on /moten without naming it", async () => {
    // A second collaboration, listed after the demo's, with a body of its own.
    const collaboration = db
      .insert(collaborations)
      .values({ slug: "zz-annan-samverkan", name: "Annan samverkan" })
      .returning()
      .get();
    const other = db
      .insert(bodies)
      .values({ slug: "zz-annan-styrgrupp", name: "Annan styrgrupp", shortName: "Annan", kind: "Styrgrupp" })
      .returning()
      .get();
    db.insert(bodyCollaborations).values({ bodyId: other.id, collaborationId: collaboration.id }).run();
    await account("Gun Gäst");
    db.insert(memberships)
      .values({ bodyId: other.id, personId: person["Gun Gäst"], role: "ledamot", startDate: newTerm })
      .run();
    const first = secretaryMeeting(other.id, addDays(newTerm, 10));
    const list = (await call(meetingsPage.loader, "Gun Gäst", "/moten", {})) as { upcoming: { id: number }[] };
    expect(list.upcoming.map((m) => m.id)).toContain(first.id);
  });
});
