/**
 * Who a seat write calls to, or uncalls from, a meeting already noticed. The notice goes to
 * everyone whose seat covers the meeting day (`calledTo`); when the coordinator ends, adds or
 * moves a seat after the notice was published, the called set changes and the person must be
 * told: the notice to the newly called, a cancellation to the no longer called. Pure: the
 * models pass the person's seats before and after the write and the meetings that could change.
 */
import { isCalled } from "./meeting-absence";
import { isCurrentMembership } from "./membership";

export interface CallingSeat {
  bodyId: number;
  role: string;
  startDate: string;
  /** The last day in office, or null. */
  endDate: string | null;
}

export interface NoticedMeeting {
  id: number;
  bodyId: number;
  /** The day the called members were told. */
  date: string;
  /**
   * The day as it stands, when the secretary has moved the meeting since the notice and not
   * published it (a meeting held earlier than noticed, its day recorded). Omitted: `date`.
   */
  dateAsItStands?: string;
  /** A notice of it is published (only then was anyone summoned). */
  noticed: boolean;
}

/** Called to a meeting of `bodyId` on `date` by one of `seats` (a role that is called, covering the day). */
function calledBy(seats: readonly CallingSeat[], bodyId: number, date: string): boolean {
  return seats.some((s) => s.bodyId === bodyId && isCalled(s.role) && isCurrentMembership(s, date));
}

/**
 * The noticed meetings from `today` on to which a person's calledness differs between their
 * seats `before` and `after` a write: `called` newly, `uncalled` no longer. Meetings without a
 * published notice are left alone (nobody was summoned to those yet), and so are past ones: a
 * meeting whose told day or whose day as it stands is before today has been held (a meeting
 * never marked held stays "planerat" or "kallelse skickad" for ever), and a summons or a
 * withdrawal about it would be news of nothing.
 */
export function calledChanges<M extends NoticedMeeting>(
  before: readonly CallingSeat[],
  after: readonly CallingSeat[],
  meetings: readonly M[],
  today: string,
): { called: M[]; uncalled: M[] } {
  const called: M[] = [];
  const uncalled: M[] = [];
  for (const m of meetings) {
    if (!m.noticed || m.date < today || (m.dateAsItStands ?? m.date) < today) continue;
    const was = calledBy(before, m.bodyId, m.date);
    const is = calledBy(after, m.bodyId, m.date);
    if (is && !was) called.push(m);
    if (was && !is) uncalled.push(m);
  }
  return { called, uncalled };
}
