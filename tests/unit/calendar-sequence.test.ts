import { describe, expect, it } from "vitest";
import { afterChange, afterTelling, sequenceShown, type CalendarCounters } from "~/domain/calendar-sequence";
import { seededRandom } from "../support/random";

describe("the calendar SEQUENCE counters", () => {
  it("a change not told raises only the meeting's own SEQUENCE", () => {
    expect(afterChange({ calendarSequence: 4, toldSequence: 2 })).toEqual({ calendarSequence: 5, toldSequence: 2 });
  });

  it("a telling goes above everything so far, for everyone", () => {
    expect(afterTelling({ calendarSequence: 4, toldSequence: 2 })).toEqual({ calendarSequence: 5, toldSequence: 5 });
    expect(afterTelling({ calendarSequence: 0, toldSequence: 0 })).toEqual({ calendarSequence: 1, toldSequence: 1 });
    // Told twice with nothing between (a seat ended, then given back): still one above.
    expect(afterTelling(afterTelling({ calendarSequence: 3, toldSequence: 3 }))).toEqual({
      calendarSequence: 5,
      toldSequence: 5,
    });
  });

  it("shows the told SEQUENCE to who sees the meeting as noticed, the meeting's own to the rest", () => {
    const c = { calendarSequence: 7, toldSequence: 5 };
    expect(sequenceShown(c, true)).toBe(5);
    expect(sequenceShown(c, false)).toBe(7);
  });
});

/**
 * The class: a meeting's life as any mix of edits, tellings (every message), the minutes begun,
 * and views of it (feeds, the calendar file) by the secretary, who sees it as it stands, and by
 * a member, who sees it as noticed until the minutes are begun. Every walk must give each
 * viewer a SEQUENCE that never goes back, and every message one above everything anyone was
 * shown before it.
 */
describe("any walk of changes, messages and views", () => {
  it("never shows a viewer a lower SEQUENCE, and every message is above all shown before", () => {
    const random = seededRandom(5545);
    for (let walk = 0; walk < 500; walk++) {
      let counters: CalendarCounters = { calendarSequence: 0, toldSequence: 0 };
      let noticed = false;
      let minutesBegun = false;
      const highest = { secretary: -1, member: -1 };
      const faults: string[] = [];
      const steps: string[] = [];
      /** `above`: for a message, the highest anyone was shown before it. */
      const show = (viewer: keyof typeof highest, sequence: number, above?: number) => {
        if (sequence < highest[viewer]) faults.push(`${viewer} shown ${sequence} after ${highest[viewer]}`);
        if (above !== undefined && sequence <= above)
          faults.push(`message to ${viewer} at ${sequence}, not above ${above}`);
        highest[viewer] = Math.max(highest[viewer], sequence);
      };
      const memberSees = () => sequenceShown(counters, noticed && !minutesBegun);
      for (let step = 0; step < 40; step++) {
        const pick = random();
        if (pick < 0.3) {
          steps.push("edit");
          counters = afterChange(counters);
        } else if (pick < 0.55) {
          steps.push("tell");
          const above = Math.max(highest.secretary, highest.member);
          counters = afterTelling(counters);
          noticed = true;
          // The message is built as the called were told it (`asNoticedBy(null, …)`).
          show("member", memberSees(), above);
          show("secretary", memberSees(), above);
        } else if (pick < 0.6) {
          steps.push("minutes");
          minutesBegun = true;
        } else if (pick < 0.8) {
          steps.push("member views");
          show("member", memberSees());
        } else {
          steps.push("secretary views");
          show("secretary", sequenceShown(counters, false));
        }
        expect(counters.toldSequence).toBeLessThanOrEqual(counters.calendarSequence);
      }
      expect({ walk, steps, faults }).toEqual({ walk, steps, faults: [] });
    }
  });
});
