/**
 * Every way a meeting's notice is told goes through one function (`tellNotice` in
 * app/models/meeting-mail.server.ts): the notice and a changed notice when the secretary
 * publishes (`queueNoticeMail`, with a withdrawal to those a move leaves uncalled), and a
 * seat write that calls or uncalls someone (`queueSeatWriteMail`: the notice to the newly
 * called, a withdrawal to the no longer called). For each caller's case: who is told, what
 * about, the .ics (the meeting's UID, CONFIRMED or CANCELLED, at the SEQUENCE the meeting was
 * last told at), no link in a withdrawal, nobody told about a meeting already held, and nobody
 * outside those who may open what the message is about.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { bodies, bodyCollaborations, mailOutbox, meetings, memberships, people, users } from "../../db/schema";
import { addDays } from "~/domain/calendar-dates";
import { todayInStockholm } from "~/domain/format";
import { parseMailAbout } from "~/domain/mail";
import type { ValidMembership } from "~/domain/membership";
import { getMeeting, updateMeeting } from "~/models/meetings.server";
import { publishNotice } from "~/models/meeting-notice.server";
import { addMembership, getMembership, updateMembership } from "~/models/memberships.server";
import { expectBackfillReproducesAbout } from "../support/mail-about-backfill";
import { secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
let bodyId: number;
const today = todayInStockholm();
const newTerm = addDays(today, 30);
const lastDay = addDays(newTerm, -1);
const person: Record<string, number> = {};
let meetingId: number;

function account(name: string) {
  const p = db
    .insert(people)
    .values({ name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@tell.example` })
    .returning()
    .get();
  person[name] = p.id;
  db.insert(users)
    .values({
      id: `tell-${p.id}`,
      email: `konto.${p.id}@tell.example`,
      passwordHash: "x",
      role: "member",
      personId: p.id,
    })
    .run();
}

const seat = (name: string, startDate: string, endDate: string | null = null, body = bodyId) =>
  db.insert(memberships).values({ bodyId: body, personId: person[name], role: "ledamot", startDate, endDate }).run();

const nameOf = (personId: number | null) => Object.keys(person).find((n) => person[n] === personId);

/** What the outbox holds: per person, the kind, the event key's prefix, the about and the .ics facts. */
function told() {
  return db
    .select()
    .from(mailOutbox)
    .orderBy(mailOutbox.id)
    .all()
    .map((r) => {
      const ics = (JSON.parse(r.attachments) as { content: string }[])[0]?.content ?? "";
      return {
        to: nameOf(r.personId),
        key: r.eventKey.split(":")[0],
        kind: r.kind,
        about: r.about ? parseMailAbout(r.about)?.type : null,
        status: /STATUS:(\w+)/.exec(ics)?.[1],
        uid: /UID:(\S+)/.exec(ics)?.[1],
        sequence: Number(/SEQUENCE:(\d+)/.exec(ics)?.[1]),
        links: r.textBody.includes("/moten/"),
      };
    });
}

const toldSequence = (id: number) =>
  db.select({ s: meetings.toldSequence }).from(meetings).where(eq(meetings.id, id)).get()!.s;

function asValid(row: typeof memberships.$inferSelect, change: Partial<ValidMembership>): ValidMembership {
  const { personId, organisationId, role, startDate, endDate, note } = row;
  return { personId, organisationId, role, startDate, endDate, note, ...change };
}

beforeAll(async () => {
  ({ db, world } = await demoDatabase());
  bodyId = db
    .insert(bodies)
    .values({ slug: "tell", name: "Kallelsegruppen", shortName: "Kall", kind: "Styrgrupp", proposalDeadlineDays: 10 })
    .returning()
    .get().id;
  db.insert(bodyCollaborations).values({ bodyId, collaborationId: world.collaborationId }).run();
  for (const name of ["Anna Avgår", "Bo Blir", "Cilla Ny", "Dan Sen", "Xena Annanstans"]) account(name);
  seat("Anna Avgår", "2023-01-01", lastDay);
  seat("Bo Blir", "2023-01-01");
  seat("Cilla Ny", newTerm);
  // A member of another body: never told about this body's meeting.
  seat("Xena Annanstans", "2023-01-01", null, world.bodyIds.svom);
  meetingId = secretaryMeeting(bodyId, addDays(newTerm, -10)).id;
});
beforeEach(() => {
  db.delete(mailOutbox).run();
});
// Each key above (notice, notice-uncalled, notice-seat, notice-unseat): migration 0036 derives
// from it the `about` the code gave the row.
afterEach(() => {
  expectBackfillReproducesAbout(db);
});

const UID = () => expect.stringMatching(new RegExp(`^meeting-${meetingId}@`));

describe("one way to tell a notice, for every caller", () => {
  it("a notice published: the called on the meeting day get it, with the event at the told SEQUENCE", () => {
    publishNotice("demo-samordnare", meetingId);
    const sequence = toldSequence(meetingId);
    expect(told()).toEqual(
      ["Anna Avgår", "Bo Blir"].map((to) => ({
        to,
        key: "notice",
        kind: "notice",
        about: "notice",
        status: "CONFIRMED",
        uid: UID(),
        sequence,
        links: true,
      })),
    );
  });

  it("a changed notice moving the meeting into the new term: a withdrawal to the uncalled first, then the changed notice", () => {
    const m = getMeeting(meetingId)!;
    const { startTime, endTime, place, videoUrl } = m;
    expect(
      updateMeeting("demo-samordnare", meetingId, m.version, {
        date: addDays(newTerm, 5),
        startTime,
        endTime,
        place,
        videoUrl,
      }).ok,
    ).toBe(true);
    publishNotice("demo-samordnare", meetingId);
    const sequence = toldSequence(meetingId);
    expect(told()).toEqual([
      {
        to: "Anna Avgår",
        key: "notice-uncalled",
        kind: "notice-change",
        about: "uncalled",
        status: "CANCELLED",
        uid: UID(),
        sequence,
        links: false,
      },
      ...["Bo Blir", "Cilla Ny"].map((to) => ({
        to,
        key: "notice",
        kind: "notice-change",
        about: "notice",
        status: "CONFIRMED",
        uid: UID(),
        sequence,
        links: true,
      })),
    ]);
  });

  it("a seat added after the notice: the newly called get the notice, one SEQUENCE up", () => {
    const before = toldSequence(meetingId);
    addMembership("demo-samordnare", bodyId, {
      personId: person["Dan Sen"],
      organisationId: null,
      role: "ledamot",
      startDate: today,
      endDate: null,
      note: "",
    });
    expect(toldSequence(meetingId)).toBe(before + 1);
    expect(told()).toEqual([
      {
        to: "Dan Sen",
        key: "notice-seat",
        kind: "notice-change",
        about: "notice",
        status: "CONFIRMED",
        uid: UID(),
        sequence: before + 1,
        links: true,
      },
    ]);
  });

  it("a seat ended before the meeting: the withdrawal, the event cancelled, no link, the last day said", () => {
    const bo = db.select().from(memberships).where(eq(memberships.personId, person["Bo Blir"])).get()!;
    expect(updateMembership("demo-samordnare", bo.id, bo.version, asValid(bo, { endDate: lastDay })).ok).toBe(true);
    const sequence = toldSequence(meetingId);
    expect(told()).toEqual([
      {
        to: "Bo Blir",
        key: "notice-unseat",
        kind: "notice-change",
        about: "uncalled",
        status: "CANCELLED",
        uid: UID(),
        sequence,
        links: false,
      },
    ]);
    expect(db.select().from(mailOutbox).get()!.textBody).toContain(lastDay);
    expect(getMembership(bo.id)!.endDate).toBe(lastDay);
  });

  it("a seat write tells nobody about a meeting already held", () => {
    const held = secretaryMeeting(bodyId, addDays(today, 3));
    publishNotice("demo-samordnare", held.id);
    // Held three days ago (the day recorded as it was), never marked held.
    db.update(meetings)
      .set({ date: addDays(today, -3) })
      .where(eq(meetings.id, held.id))
      .run();
    db.delete(mailOutbox).run();
    const sequence = toldSequence(held.id);
    addMembership("demo-samordnare", bodyId, {
      personId: person["Xena Annanstans"],
      organisationId: null,
      role: "ledamot",
      startDate: addDays(today, -30),
      endDate: null,
      note: "",
    });
    expect(told().filter((t) => t.uid?.startsWith(`meeting-${held.id}@`))).toEqual([]);
    expect(toldSequence(held.id)).toBe(sequence);
  });
  it("a notice published for a meeting already held tells nobody; a move from a coming day into the past still does", async () => {
    const held = secretaryMeeting(bodyId, addDays(today, -2));
    const published = publishNotice("demo-samordnare", held.id);
    expect(published.ok).toBe(true);
    expect(told()).toEqual([]);

    // Noticed for a coming day, then recorded as held earlier: the called hold the coming day.
    const moved = secretaryMeeting(bodyId, addDays(today, 5));
    publishNotice("demo-samordnare", moved.id);
    db.delete(mailOutbox).run();
    const m = getMeeting(moved.id)!;
    const { startTime, endTime, place, videoUrl } = m;
    expect(
      updateMeeting("demo-samordnare", moved.id, m.version, {
        date: addDays(today, -1),
        startTime,
        endTime,
        place,
        videoUrl,
      }).ok,
    ).toBe(true);
    publishNotice("demo-samordnare", moved.id);
    // Called on the new day: the changed notice; Dan, whose seat begins today, is not called the
    // day before: his event is cancelled.
    expect(told().map((t) => [t.to, t.key, t.status])).toEqual([
      ["Dan Sen", "notice-uncalled", "CANCELLED"],
      ["Anna Avgår", "notice", "CONFIRMED"],
      ["Bo Blir", "notice", "CONFIRMED"],
      ["Xena Annanstans", "notice", "CONFIRMED"],
    ]);
  });
});
