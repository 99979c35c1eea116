/**
 * The agreement's term engine: which term a date falls in, how many automatic renewals have
 * happened, the last day to give notice for leaving at a term's end, and the exit date that
 * follows from a notice. Pure; `today` is always passed in.
 *
 * Conventions (see docs/decisions/005-agreement-terms.md):
 * - Terms are inclusive date ranges. Each renewal follows without a gap and is counted from
 *   the day after the first term's end, so month-end terms do not drift (31 Aug stays 31 Aug).
 * - A notice received on day D is in time for a term ending on T when D plus the notice period
 *   is on or before T ("at least 12 months before the end of the term"). For a term ending
 *   2027-12-31 with 12 months' notice, the last day is 2026-12-31.
 * - A party that gives notice leaves at the end of the first term whose deadline it met; its
 *   last day as a party is that term's end.
 */
import { addDays, addMonths, daysBetween, monthsBetween, nonWorkingDayName, parseIsoDate } from "./calendar-dates";

export interface AgreementTerms {
  firstTermStart: string;
  firstTermEnd: string;
  noticeMonths: number;
  renewalMonths: number;
}

export interface Term {
  start: string;
  end: string;
  /** 0 for the first term, 1 after the first automatic renewal, … */
  renewals: number;
}

/** The k-th term (0 = the first term). */
export function termNumber(terms: AgreementTerms, k: number): Term {
  if (k === 0) return { start: terms.firstTermStart, end: terms.firstTermEnd, renewals: 0 };
  const firstRenewalStart = addDays(terms.firstTermEnd, 1);
  return {
    start: addMonths(firstRenewalStart, (k - 1) * terms.renewalMonths),
    end: addDays(addMonths(firstRenewalStart, k * terms.renewalMonths), -1),
    renewals: k,
  };
}

/** The term `onDate` falls in; before the start, the first term. */
export function currentTerm(terms: AgreementTerms, onDate: string): Term {
  if (onDate <= terms.firstTermEnd) return termNumber(terms, 0);
  const firstRenewalStart = addDays(terms.firstTermEnd, 1);
  // An estimate from whole months, then corrected: month ends make the estimate off by one at most.
  let k = Math.floor(monthsBetween(firstRenewalStart, onDate) / terms.renewalMonths) + 1;
  k = Math.max(1, k);
  while (termNumber(terms, k).start > onDate) k -= 1;
  while (termNumber(terms, k).end < onDate) k += 1;
  return termNumber(terms, k);
}

/** A notice received on `receivedOn` is in time to leave at the end of a term ending `termEnd`. */
export function isTimelyNotice(receivedOn: string, termEnd: string, noticeMonths: number): boolean {
  return addMonths(receivedOn, noticeMonths) <= termEnd;
}

/** The last day a written notice may arrive to leave at the end of a term ending `termEnd`. */
export function noticeDeadlineForTermEnd(termEnd: string, noticeMonths: number): string {
  // Start a few days early and walk forward to the last timely day (month-end clamping can
  // make more than one day map to the same date).
  let day = addDays(addMonths(termEnd, -noticeMonths), -3);
  while (isTimelyNotice(addDays(day, 1), termEnd, noticeMonths)) day = addDays(day, 1);
  return day;
}

export interface ExitOption {
  /** The last day of membership. */
  termEnd: string;
  noticeDeadline: string;
  /** Calendar days from `onDate` to the deadline (0 on the deadline day itself). */
  daysLeft: number;
}

/** The earliest term end a party can still leave at if its notice arrives on `onDate`. */
export function earliestExit(terms: AgreementTerms, onDate: string): ExitOption {
  let term = currentTerm(terms, onDate);
  let deadline = noticeDeadlineForTermEnd(term.end, terms.noticeMonths);
  while (deadline < onDate) {
    term = termNumber(terms, term.renewals + 1);
    deadline = noticeDeadlineForTermEnd(term.end, terms.noticeMonths);
  }
  return { termEnd: term.end, noticeDeadline: deadline, daysLeft: daysBetween(onDate, deadline) };
}

export interface TermStatus {
  /** "kommande" before the first term starts (the coming first term is shown), else "gäller". */
  phase: AgreementPhase;
  currentTerm: Term;
  /** Notice to leave at the end of the current term: the deadline, and whether it has passed. */
  currentTermDeadline: string;
  currentTermDeadlinePassed: boolean;
  nextPossibleExit: ExitOption;
}

/** Everything the agreement page shows for a date. */
export function exitOptions(terms: AgreementTerms, onDate: string): TermStatus {
  const term = currentTerm(terms, onDate);
  const deadline = noticeDeadlineForTermEnd(term.end, terms.noticeMonths);
  return {
    phase: agreementPhase(terms, onDate),
    currentTerm: term,
    currentTermDeadline: deadline,
    currentTermDeadlinePassed: deadline < onDate,
    nextPossibleExit: earliestExit(terms, onDate),
  };
}

export type NoticeResult = { ok: true; exitDate: string; noticeDeadline: string } | { ok: false; error: string };

/** The exit date that follows from a written notice received on `receivedOn`. */
export function exitDateForNotice(terms: AgreementTerms, receivedOn: string): NoticeResult {
  if (!parseIsoDate(receivedOn)) return { ok: false, error: "Skriv datumet som ÅÅÅÅ-MM-DD." };
  if (receivedOn < terms.firstTermStart)
    return { ok: false, error: `Uppsägningen kan inte vara mottagen före avtalets början (${terms.firstTermStart}).` };
  const exit = earliestExit(terms, receivedOn);
  return { ok: true, exitDate: exit.termEnd, noticeDeadline: exit.noticeDeadline };
}

/**
 * A notice the coordinator records on `today` as received on `receivedOn`: its exit date, or
 * why it cannot be recorded. A notice not yet received is a what-if (/avtal/tank-om), not a record.
 */
export function noticeToRecord(terms: AgreementTerms, receivedOn: string, today: string): NoticeResult {
  if (parseIsoDate(receivedOn) && receivedOn > today)
    return {
      ok: false,
      error: "Uppsägningen kan inte vara mottagen i framtiden. Använd Tänk om för ett kommande datum.",
    };
  return exitDateForNotice(terms, receivedOn);
}

/** When every party has given notice, the agreement ends with the last party's exit. */
export function agreementEndDate(exitDates: (string | null)[]): string | null {
  if (exitDates.length === 0 || exitDates.some((d) => d === null)) return null;
  return [...(exitDates as string[])].sort().at(-1)!;
}

export interface TermsInput {
  firstTermStart: string;
  firstTermEnd: string;
  noticeMonths: string;
  renewalMonths: string;
}

/** Swedish field errors for terms typed in a form; empty when valid. */
export function validateTerms(input: TermsInput): Partial<Record<keyof TermsInput, string>> {
  const errors: Partial<Record<keyof TermsInput, string>> = {};
  if (!parseIsoDate(input.firstTermStart)) errors.firstTermStart = "Skriv datumet som ÅÅÅÅ-MM-DD.";
  if (!parseIsoDate(input.firstTermEnd)) errors.firstTermEnd = "Skriv datumet som ÅÅÅÅ-MM-DD.";
  else if (!errors.firstTermStart && input.firstTermEnd < input.firstTermStart)
    errors.firstTermEnd = "Avtalsperioden kan inte sluta innan den börjar.";
  const notice = Number(input.noticeMonths);
  if (!/^\d+$/.test(input.noticeMonths.trim()) || notice < 0 || notice > 120)
    errors.noticeMonths = "Ange uppsägningstiden i hela månader (0–120).";
  const renewal = Number(input.renewalMonths);
  if (!/^\d+$/.test(input.renewalMonths.trim()) || renewal < 1 || renewal > 120)
    errors.renewalMonths = "Ange förlängningen i hela månader (1–120).";
  return errors;
}

export type AgreementPhase = "kommande" | "gäller";

/** Before its first term starts an agreement is coming, not in force; afterwards it renews until ended. */
export function agreementPhase(terms: AgreementTerms, onDate: string): AgreementPhase {
  return onDate < terms.firstTermStart ? "kommande" : "gäller";
}

/**
 * A warning for a notice deadline on a day offices are closed (e.g. nyårsafton, 31 December):
 * the agreement's own time limit is not moved to the next working day (only statutory limits
 * are, lag 1930:173), so the written notice must have arrived by then. Null on a working day.
 */
export function deadlineWarning(deadline: string): string | null {
  const day = nonWorkingDayName(deadline);
  if (!day) return null;
  return `${deadline} är ${day}, då många kontor är stängda. Fristen flyttas inte: den skriftliga uppsägningen måste ha kommit in senast den dagen, så skicka den i god tid.`;
}

/** A party's status as stored: the ladder from invitation to exit. */
export const PARTY_STATUSES = ["inbjuden", "inriktningsbeslut fattat", "medlem", "uppsagd", "utträtt"] as const;
export type PartyStatus = (typeof PARTY_STATUSES)[number];

export const PARTY_STATUS_LABEL: Record<PartyStatus, string> = {
  inbjuden: "Inbjuden",
  "inriktningsbeslut fattat": "Inriktningsbeslut fattat",
  medlem: "Medlem",
  uppsagd: "Har sagt upp avtalet",
  utträtt: "Utträdd",
};

/**
 * The status to show on a date: a party that gave notice has left ("utträtt", shown as
 * Utträdd) once its exit date has passed, without anyone having to change it by hand.
 */
export function partyStatusOn(party: { status: PartyStatus; exitDate: string | null }, onDate: string): PartyStatus {
  if (party.status === "uppsagd" && party.exitDate !== null && party.exitDate < onDate) return "utträtt";
  return party.status;
}

/**
 * A party pays its share of a budget year (and is counted in the split) if it has joined by
 * the year's end and had not left before the year began: the split is per calendar year, so
 * a party that leaves on 31 December 2027 pays for 2027 and is out from 2028.
 */
export function isPartyInYear(
  party: { status: PartyStatus; memberSince: string | null; exitDate: string | null },
  year: number,
): boolean {
  if (party.status === "inbjuden" || party.status === "inriktningsbeslut fattat") return false;
  if (party.memberSince && party.memberSince > `${year}-12-31`) return false;
  if (party.exitDate && party.exitDate < `${year}-01-01`) return false;
  return true;
}
