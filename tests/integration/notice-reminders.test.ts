/**
 * The scheduled reminder of the agreement's last day for notice goes to the coordinators and to
 * the representative of every party that still has the choice to make (remindOfNoticeDeadline):
 * a member that has not given notice. Not a party that has given notice (before or after its
 * exit date), has left, is only invited or has taken a direction decision, or joins after the
 * term the notice is about. The job is run for a party of every status.
 */
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { agreements, mailOutbox, parties, people, users } from "../../db/schema";
import { earliestExit, type PartyStatus } from "~/domain/agreement-terms";
import { addDays } from "~/domain/calendar-dates";
import { currentVersion, termsOf } from "~/models/agreements.server";
import { queueReminders } from "~/models/reminders.server";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
/** The day the 30-day reminder is due, and the term end its notice is about. */
let day: string;
let termEnd: string;

beforeAll(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
  const agreement = db.select().from(agreements).all()[0];
  const terms = termsOf(currentVersion(agreement.id, "2026-11-23")!);
  const exit = earliestExit(terms, "2026-11-23");
  day = addDays(exit.noticeDeadline, -30);
  termEnd = earliestExit(terms, day).termEnd;
  expect(earliestExit(terms, day).noticeDeadline).toBe(exit.noticeDeadline);
});

interface Case {
  status: PartyStatus;
  memberSince: string | null;
  noticeReceivedOn: string | null;
  exitDate: string | null;
  reminded: boolean;
}

/** One party per case, each with a representative of its own. */
function cases(): Record<string, Case> {
  return {
    Berg: { status: "medlem", memberSince: "2023-01-01", noticeReceivedOn: null, exitDate: null, reminded: true },
    // Gave notice; still a party until its exit date.
    Bräcke: {
      status: "uppsagd",
      memberSince: "2023-01-01",
      noticeReceivedOn: addDays(day, -10),
      exitDate: addDays(day, 31),
      reminded: false,
    },
    // Gave notice, exit date today.
    Ragunda: {
      status: "uppsagd",
      memberSince: "2023-01-01",
      noticeReceivedOn: addDays(day, -400),
      exitDate: day,
      reminded: false,
    },
    // Stored as "uppsagd" past its exit date: has left.
    Härjedalen: {
      status: "uppsagd",
      memberSince: "2023-01-01",
      noticeReceivedOn: addDays(day, -400),
      exitDate: addDays(day, -1),
      reminded: false,
    },
    Krokom: {
      status: "utträtt",
      memberSince: "2023-01-01",
      noticeReceivedOn: "2024-11-01",
      exitDate: "2025-12-31",
      reminded: false,
    },
    Strömsund: { status: "inbjuden", memberSince: null, noticeReceivedOn: null, exitDate: null, reminded: false },
    Åre: {
      status: "inriktningsbeslut fattat",
      memberSince: addDays(day, 30),
      noticeReceivedOn: null,
      exitDate: null,
      reminded: false,
    },
    // Joins the day after the term the notice is about ends: not its term to leave.
    Östersund: {
      status: "medlem",
      memberSince: addDays(termEnd, 1),
      noticeReceivedOn: null,
      exitDate: null,
      reminded: false,
    },
    // Joins on the term's last day: bound by it, reminded.
    region: {
      status: "medlem",
      memberSince: termEnd,
      noticeReceivedOn: null,
      exitDate: null,
      reminded: true,
    },
  };
}

/** Gives every party its case and a representative; returns the representative per party. */
function arrange(all: Record<string, Case>): Map<string, number> {
  const contacts = new Map<string, number>();
  for (const [name, c] of Object.entries(all)) {
    const organisationId = world.organisationIds[name];
    expect(organisationId, name).toBeDefined();
    const person = db
      .insert(people)
      // One of the party's own people: a contact person of another organisation represents no one.
      .values({
        name: `Företrädare ${name}`,
        email: `foretradare.${organisationId}.${contacts.size}@demo.example`,
        organisationId,
      })
      .returning()
      .get();
    const updated = db
      .update(parties)
      .set({
        status: c.status,
        memberSince: c.memberSince,
        noticeReceivedOn: c.noticeReceivedOn,
        exitDate: c.exitDate,
        contactPersonId: person.id,
      })
      .where(eq(parties.organisationId, organisationId))
      .returning()
      .all();
    expect(updated, name).toHaveLength(1);
    contacts.set(name, person.id);
  }
  return contacts;
}

const noticeMailTo = () =>
  db
    .select({ personId: mailOutbox.personId })
    .from(mailOutbox)
    .where(eq(mailOutbox.kind, "agreement-notice-deadline"))
    .all()
    .map((r) => r.personId!)
    .sort((a, b) => a - b);

const coordinators = () =>
  db
    .select({ personId: users.personId })
    .from(users)
    .where(eq(users.role, "admin"))
    .all()
    .flatMap((u) => (u.personId === null ? [] : [u.personId]));

beforeEach(() => {
  db.delete(mailOutbox).run();
});

describe("the notice-deadline reminder job", () => {
  it("mails the coordinators and the representatives of parties that can still give notice, no others", () => {
    const all = cases();
    expect(Object.keys(all)).toHaveLength(db.select().from(parties).all().length);
    const contacts = arrange(all);
    queueReminders(day, "https://portal.example");
    const reminded = Object.entries(all)
      .filter(([, c]) => c.reminded)
      .map(([name]) => contacts.get(name)!);
    expect(coordinators()).not.toEqual([]);
    expect(noticeMailTo()).toEqual([...new Set([...coordinators(), ...reminded])].sort((a, b) => a - b));
  });

  it("sends nothing when no party has the choice left (every party has given notice)", () => {
    const all = Object.fromEntries(
      Object.keys(cases()).map((name) => [
        name,
        {
          status: "uppsagd",
          memberSince: "2023-01-01",
          noticeReceivedOn: addDays(day, -10),
          exitDate: termEnd,
          reminded: false,
        } satisfies Case,
      ]),
    );
    arrange(all);
    // Another step of the same deadline, so nothing is held back as already sent.
    queueReminders(addDays(day, 23), "https://portal.example");
    expect(noticeMailTo()).toEqual([]);
  });
});
