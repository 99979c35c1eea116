/**
 * `raiseToldSequence` raises a meeting's calendar SEQUENCE for a change told to people
 * (app/domain/calendar-sequence.ts, `afterTelling`). It must read and write the counters in
 * one statement: read first and written after, a writer that raises the meeting in between
 * (another process, a caller outside an immediate transaction) is overwritten with a value
 * computed from the counters as they were, so two tellings end one step up, or below what
 * a calendar was already sent.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import { meetings } from "../../db/schema";
import { addDays } from "~/domain/calendar-dates";
import { afterTelling, type CalendarCounters } from "~/domain/calendar-sequence";
import { todayInStockholm } from "~/domain/format";
import { raiseToldSequence } from "~/models/calendar.server";
import { secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";

let db: Db;
let meetingId: number;

beforeAll(async () => {
  let world;
  ({ db, world } = await demoDatabase());
  meetingId = secretaryMeeting(world.bodyIds.styrgrupp, addDays(todayInStockholm(), 30)).id;
});

const countersOf = (id: number): CalendarCounters =>
  db
    .select({ calendarSequence: meetings.calendarSequence, toldSequence: meetings.toldSequence })
    .from(meetings)
    .where(eq(meetings.id, id))
    .get()!;

const setCounters = (c: CalendarCounters) => db.update(meetings).set(c).where(eq(meetings.id, meetingId)).run();

/**
 * `db` as a caller's connection on which another writer raises the meeting just before this
 * caller's first write: whatever the function read before that write is stale by then.
 */
function withWriterBeforeFirstUpdate(other: () => void): Db {
  let done = false;
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "update" && !done) {
        done = true;
        other();
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("raiseToldSequence", () => {
  it("raises both counters as afterTelling says, from any state, and returns the new SEQUENCE", () => {
    const states: CalendarCounters[] = [
      { calendarSequence: 0, toldSequence: 0 },
      { calendarSequence: 4, toldSequence: 2 },
      { calendarSequence: 7, toldSequence: 7 },
      // Never written by the portal, but a raise must still go above both.
      { calendarSequence: 3, toldSequence: 6 },
    ];
    for (const state of states) {
      setCounters(state);
      const returned = raiseToldSequence(db, meetingId);
      expect(countersOf(meetingId)).toEqual(afterTelling(state));
      expect(returned).toBe(afterTelling(state).toldSequence);
    }
  });

  it("a writer raising the meeting between the call and its write is neither overwritten nor repeated", () => {
    setCounters({ calendarSequence: 5, toldSequence: 5 });
    const other = () => raiseToldSequence(db, meetingId);
    raiseToldSequence(withWriterBeforeFirstUpdate(other), meetingId);
    // Two tellings: two steps up, each above the one before (6, then 7), not 6 twice.
    expect(countersOf(meetingId)).toEqual({ calendarSequence: 7, toldSequence: 7 });
  });

  it("a secretary's edit landing in between is not lost: the telling goes above it", () => {
    setCounters({ calendarSequence: 5, toldSequence: 5 });
    const edit = () => db.update(meetings).set({ calendarSequence: 9 }).where(eq(meetings.id, meetingId)).run();
    raiseToldSequence(withWriterBeforeFirstUpdate(edit), meetingId);
    expect(countersOf(meetingId)).toEqual({ calendarSequence: 10, toldSequence: 10 });
  });

  it("a meeting that does not exist is left alone", () => {
    expect(raiseToldSequence(db, 987_654)).toBeUndefined();
  });
});
