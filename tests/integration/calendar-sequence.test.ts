/**
 * A calendar program keeps the highest SEQUENCE it has seen for an event's UID and ignores a
 * message with a lower one, or the same one (RFC 5545 §3.8.7.4, RFC 5546 §2.1.4): a withdrawal
 * at the SEQUENCE of the notice, or a notice sent again at the SEQUENCE of the withdrawal,
 * leaves the calendar as it was. This walks one meeting through the changes a term brings
 * (notice, move, a seat ended, the seat given back, a move past the seat's end, a move back,
 * an unpublished change, the seat given to another person) and, after each, collects every
 * calendar entry each person holds of the meeting: the .ics of every message queued to them,
 * their own feed, the body's feed with their key and the meeting's calendar file. For each
 * person no entry is lower than one before it, and every message is strictly higher than
 * everything they were shown before it.
 */
import { eq, gt } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { bodies, bodyCollaborations, mailOutbox, memberships, people, users } from "../../db/schema";
import { createSession } from "~/auth/sessions.server";
import { addDays } from "~/domain/calendar-dates";
import { todayInStockholm } from "~/domain/format";
import type { ValidMembership } from "~/domain/membership";
import { calendarTokenOf } from "~/models/calendar.server";
import { publishNotice } from "~/models/meeting-notice.server";
import { getMeeting, updateMeeting } from "~/models/meetings.server";
import { getMembership, updateMembership } from "~/models/memberships.server";
import * as ownFeed from "~/routes/kalender.$token[.ics]";
import * as bodyFeed from "~/routes/kalender.organ.$bodyId[.ics]";
import * as meetingCalendar from "~/routes/moten.$meetingId.kalender[.ics]";
import { decisionItem, secretaryMeeting } from "../support/meetings";
import { addAgendaItem } from "~/models/meeting-agenda.server";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
let bodyId: number;
let meetingId: number;
let samSeat: number;
const today = todayInStockholm();
const SECRETARY = "demo-samordnare";
const NAMES = ["Mia Stannar", "Sam Skiftar", "Hugo Efterträdare"] as const;
type Name = (typeof NAMES)[number] | "samordnaren";
const person: Record<string, number> = {};
const userId: Record<Name, string> = { samordnaren: SECRETARY } as Record<Name, string>;
const cookie: Partial<Record<Name, string>> = {};

/** One calendar entry a person holds of the meeting: where it came from, at which step. */
interface Seen {
  step: string;
  source: "mail" | "own feed" | "body feed" | "meeting file";
  sequence: number;
  status: string;
}
const seen = new Map<Name, Seen[]>();
let lastMailId = 0;

beforeAll(async () => {
  ({ db, world } = await demoDatabase());
  bodyId = db
    .insert(bodies)
    .values({
      slug: "sekvens",
      name: "Sekvensgruppen",
      shortName: "Sekvens",
      kind: "Styrgrupp",
      proposalDeadlineDays: 10,
    })
    .returning()
    .get().id;
  db.insert(bodyCollaborations).values({ bodyId, collaborationId: world.collaborationId }).run();
  for (const name of NAMES) {
    const p = db
      .insert(people)
      .values({ name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@sekvens.example` })
      .returning()
      .get();
    person[name] = p.id;
    userId[name] = `sekvens-${p.id}`;
    db.insert(users)
      .values({
        id: userId[name],
        email: `konto.${p.id}@sekvens.example`,
        passwordHash: "x",
        role: "member",
        personId: p.id,
      })
      .run();
  }
  for (const name of ["Mia Stannar", "Sam Skiftar"])
    db.insert(memberships).values({ bodyId, personId: person[name], role: "ledamot", startDate: "2023-01-01" }).run();
  samSeat = db.select().from(memberships).where(eq(memberships.personId, person["Sam Skiftar"])).get()!.id;
  for (const name of [...NAMES, "samordnaren"] as Name[])
    cookie[name] = (await createSession(userId[name])).split(";")[0];
  const meeting = secretaryMeeting(bodyId, addDays(today, 20));
  meetingId = meeting.id;
  addAgendaItem(SECRETARY, meetingId, decisionItem("Verksamhetsplan"), null);
});

const UID = () => `UID:meeting-${meetingId}@`;

/** The meeting's event in a calendar text, unfolded: its SEQUENCE and STATUS, or null when absent. */
function eventIn(ics: string): { sequence: number; status: string } | null {
  const unfolded = ics.replace(/\r\n /g, "");
  const event = unfolded.split("BEGIN:VEVENT").find((e) => e.includes(UID()));
  if (!event) return null;
  return { sequence: Number(/\r\nSEQUENCE:(\d+)\r\n/.exec(event)![1]), status: /\r\nSTATUS:(\w+)\r\n/.exec(event)![1] };
}

async function text(response: unknown): Promise<string | null> {
  return response instanceof Response && response.ok ? response.text() : null;
}

async function call(loader: unknown, url: string, params: Record<string, string>, who?: Name) {
  const request = new Request(`http://localhost${url}`, who ? { headers: { Cookie: cookie[who]! } } : {});
  try {
    return await (loader as (a: object) => Promise<unknown>)({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function note(name: Name, entry: Seen) {
  seen.set(name, [...(seen.get(name) ?? []), entry]);
}

/** After a step: the messages queued since the last, then every feed and file each person can fetch. */
async function look(step: string) {
  const rows = db.select().from(mailOutbox).where(gt(mailOutbox.id, lastMailId)).orderBy(mailOutbox.id).all();
  for (const row of rows) {
    lastMailId = Math.max(lastMailId, row.id);
    const name = NAMES.find((n) => person[n] === row.personId);
    if (!name) continue;
    for (const a of JSON.parse(row.attachments) as { content: string }[]) {
      const event = eventIn(a.content);
      if (event) note(name, { step, source: "mail", ...event });
    }
  }
  for (const name of [...NAMES, "samordnaren"] as Name[]) {
    const token = calendarTokenOf(userId[name]);
    const texts: [Seen["source"], string | null][] = [
      ["own feed", await text(await call(ownFeed.loader, `/kalender/${token}.ics`, { token }))],
      [
        "body feed",
        await text(
          await call(bodyFeed.loader, `/kalender/organ/${bodyId}.ics?nyckel=${token}`, { bodyId: String(bodyId) }),
        ),
      ],
      [
        "meeting file",
        await text(
          await call(
            meetingCalendar.loader,
            `/moten/${meetingId}/kalender.ics`,
            { meetingId: String(meetingId) },
            name,
          ),
        ),
      ],
    ];
    for (const [source, ics] of texts) {
      const event = ics === null ? null : eventIn(ics);
      if (event) note(name, { step, source, ...event });
    }
  }
}

function move(days: number) {
  const { version, bodyId: _b, ...value } = getMeeting(meetingId)!;
  expect(updateMeeting(SECRETARY, meetingId, version, { ...value, date: addDays(today, days) }).ok).toBe(true);
}

function saveSeat(change: Partial<ValidMembership>) {
  const seat = getMembership(samSeat)!;
  const { personId, organisationId, role, startDate, endDate, note } = seat;
  const value = { personId, organisationId, role, startDate, endDate, note, ...change };
  expect(updateMembership(SECRETARY, samSeat, seat.version, value).ok).toBe(true);
}

const mailsTo = (name: Name, step: string) =>
  (seen.get(name) ?? []).filter((s) => s.step === step && s.source === "mail").map((s) => s.status);

describe("a meeting's calendar SEQUENCE, for each person across every message and feed", () => {
  it("never goes back, and every message is above everything the person was shown before it", async () => {
    await look("before the notice");
    publishNotice(SECRETARY, meetingId);
    await look("notice");
    move(22);
    publishNotice(SECRETARY, meetingId);
    await look("move");
    saveSeat({ endDate: addDays(today, 5) });
    await look("seat ended");
    saveSeat({ endDate: null });
    await look("seat given back");
    // His seat now ends after the meeting day (nothing changes for him), then the meeting moves past it.
    saveSeat({ endDate: addDays(today, 25) });
    await look("seat ends after the meeting");
    move(30);
    publishNotice(SECRETARY, meetingId);
    await look("moved past the seat's end");
    move(22);
    publishNotice(SECRETARY, meetingId);
    await look("moved back");
    // A change the secretary has not published: only the secretary's own surfaces show it.
    move(23);
    await look("unpublished move");
    saveSeat({ personId: person["Hugo Efterträdare"] });
    await look("seat given to another person");

    // The walk did reach everyone with what each step should tell them.
    expect(mailsTo("Sam Skiftar", "seat ended")).toEqual(["CANCELLED"]);
    expect(mailsTo("Sam Skiftar", "seat given back")).toEqual(["CONFIRMED"]);
    expect(mailsTo("Sam Skiftar", "seat ends after the meeting")).toEqual([]);
    expect(mailsTo("Sam Skiftar", "moved past the seat's end")).toEqual(["CANCELLED"]);
    expect(mailsTo("Sam Skiftar", "moved back")).toEqual(["CONFIRMED"]);
    expect(mailsTo("Sam Skiftar", "seat given to another person")).toEqual(["CANCELLED"]);
    expect(mailsTo("Hugo Efterträdare", "seat given to another person")).toEqual(["CONFIRMED"]);
    expect(mailsTo("Mia Stannar", "moved back")).toEqual(["CONFIRMED"]);
    expect((seen.get("samordnaren") ?? []).length).toBeGreaterThan(0);

    const faults: string[] = [];
    for (const [name, list] of seen) {
      let highest = -1;
      let highestBeforeStep = -1;
      let step = "";
      for (const s of list) {
        if (s.step !== step) {
          highestBeforeStep = highest;
          step = s.step;
        }
        const what = `${name}: ${s.source} at "${s.step}" (${s.status}) has SEQUENCE ${s.sequence}`;
        if (s.sequence < highest) faults.push(`${what}, below ${highest} shown before`);
        if (s.source === "mail" && s.sequence <= highestBeforeStep)
          faults.push(`${what}, not above ${highestBeforeStep} shown before the step`);
        highest = Math.max(highest, s.sequence);
      }
    }
    expect(faults).toEqual([]);
  });
});
