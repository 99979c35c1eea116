/**
 * The SEQUENCE of a meeting's calendar event (RFC 5545 §3.8.7.4, RFC 5546 §2.1.4). A calendar
 * program keeps the highest SEQUENCE it has seen for a UID and ignores a message with a lower
 * one, and may ignore one with the same: a withdrawal (STATUS:CANCELLED) at the SEQUENCE of the
 * notice, or a notice sent again at the SEQUENCE of the withdrawal, leaves the calendar as it
 * was. So, for each person, across every message and feed about a meeting: nothing shown is
 * below anything shown before, and every message is above everything shown before it.
 *
 * Two counters on the meeting make that hold:
 * - `calendarSequence` rises with every change (the secretary's edits, and every telling): the
 *   SEQUENCE of the meeting as it stands, which only the body's secretary is shown before the
 *   minutes, and everyone after they are begun.
 * - `toldSequence` is `calendarSequence` as of the last telling (a published notice, a seat
 *   change's notice or withdrawal): the SEQUENCE everyone else is shown while the notice stands,
 *   so it tells no change not yet published.
 * A telling raises both above everything so far, so its message is above every feed anyone was
 * shown, the secretary's included; `toldSequence` never passes `calendarSequence`, so the step
 * from the told meeting to the meeting as it stands (the minutes begun) never goes back.
 */

export interface CalendarCounters {
  calendarSequence: number;
  toldSequence: number;
}

/** A change not told to anyone yet (the secretary's edit of the meeting or its agenda). */
export function afterChange(c: CalendarCounters): CalendarCounters {
  return { calendarSequence: c.calendarSequence + 1, toldSequence: c.toldSequence };
}

/**
 * A change told (a notice or a changed notice published, a seat change's notice or withdrawal):
 * one SEQUENCE above everything anyone was shown, for everyone. A transaction that tells several
 * people about the meeting raises it once; all its messages carry the new value.
 */
export function afterTelling(c: CalendarCounters): CalendarCounters {
  const next = Math.max(c.calendarSequence, c.toldSequence) + 1;
  return { calendarSequence: next, toldSequence: next };
}

/**
 * The SEQUENCE a viewer is shown: the told one while they see the meeting as noticed
 * (`asNoticedBy`: everyone but the secretary, a notice published, no minutes begun), else the
 * meeting's own.
 */
export function sequenceShown(c: CalendarCounters, asNoticed: boolean): number {
  return asNoticed ? c.toldSequence : c.calendarSequence;
}
