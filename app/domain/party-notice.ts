/**
 * A party's notice (uppsägning) and status as the agreement's party page records and shows
 * them: what recording a notice changes, what going back to member clears, the party's
 * timeline in words, and when the agreement ends because every party has given notice. Pure.
 */
import { agreementEndDate, PARTY_STATUS_LABEL, partyStatusOn, type PartyStatus } from "./agreement-terms";
import { parseIsoDate } from "./calendar-dates";

/** A written notice as recorded: received on, the exit date the terms give, a note, the letter if uploaded. */
export interface RecordedNotice {
  receivedOn: string;
  exitDate: string;
  note: string;
  fileId: number | null;
}

/**
 * What recording a notice changes on the party: its status becomes "uppsagd" with the dates
 * and the note; a notice recorded without a letter keeps the letter already on file.
 */
export function partyNoticeChanges(before: { noticeFileId: number | null }, notice: RecordedNotice) {
  return {
    status: "uppsagd" as const,
    noticeReceivedOn: notice.receivedOn,
    exitDate: notice.exitDate,
    withdrawalNote: notice.note,
    noticeFileId: notice.fileId ?? before.noticeFileId,
  };
}

/** The statuses a party has before it joins: it is in no year's cost split (`isPartyInYear`). */
const BEFORE_MEMBERSHIP: readonly PartyStatus[] = ["inbjuden", "inriktningsbeslut fattat"];

/** Invited, or has taken a direction decision: not (yet) a member, with nothing to give notice of. */
export function isBeforeMembership(status: PartyStatus): boolean {
  return BEFORE_MEMBERSHIP.includes(status);
}

/**
 * Why a written notice with `exitDate` cannot be recorded for the party, or null when it can.
 * Only a member has an agreement to give notice of: recording one makes the party "uppsagd",
 * which the cost split counts in every year up to its exit (from its join day, or from the
 * agreement's start without one), so an invited party would be billed for years it never took
 * part in. A member whose membership begins after the exit it would get is not one either.
 */
export function noticeError(
  party: { status: PartyStatus; memberSince: string | null },
  exitDate: string,
): string | null {
  if (BEFORE_MEMBERSHIP.includes(party.status))
    return "Parten är inte medlem och har inget avtal att säga upp. Går parten inte med, anteckna det under Ändra status.";
  if (party.memberSince !== null && exitDate < party.memberSince)
    return `Uppsägningen skulle ge utträde ${exitDate}, före medlemskapets början ${party.memberSince}. Ska parten inte bli medlem, ändra dess status under Ändra status.`;
  return null;
}

/**
 * Whether the party has been a member on `today`: it has a membership status and joined on or
 * before today, or has no join date and so counts in every year since the agreement's start.
 * Such a party is in past years' cost splits and invoice bases, which were already billed.
 */
function hasBeenMember(party: { status: PartyStatus; memberSince: string | null }, today: string): boolean {
  if (BEFORE_MEMBERSHIP.includes(party.status)) return false;
  return party.memberSince === null || party.memberSince <= today;
}

/**
 * Why the status form cannot set `status` on the party on `today`, or null when it can (an
 * unchanged status always can). Having given notice and having left are facts with dates that
 * take the party out of the cost split (`isPartyInYear` reads the exit date): they come from
 * recording the written notice, so a party is never shown as gone while it is still billed, or
 * as having given notice without a last day as a party. A party that has been a member cannot
 * go back to a status before membership: that would take it out of every past year's cost
 * split and invoice basis, rewriting what was already invoiced; it leaves by notice instead.
 */
export function statusChangeError(
  party: { status: PartyStatus; memberSince: string | null; exitDate: string | null },
  status: PartyStatus,
  today: string,
): string | null {
  if (status === party.status) return null;
  if (BEFORE_MEMBERSHIP.includes(status) && hasBeenMember(party, today))
    return `Parten har varit medlem ${party.memberSince ? `sedan ${party.memberSince}` : "sedan avtalets start"} och ingår i tidigare års kostnadsfördelning och fakturaunderlag, så den kan inte sättas tillbaka till en status före medlemskapet. Ska parten lämna samverkan registreras den skriftliga uppsägningen i formuläret nedan.`;
  if ((status === "uppsagd" || status === "utträtt") && party.exitDate === null)
    return "Registrera den skriftliga uppsägningen i formuläret nedan: sista dagen som part följer av avtalets villkor och tar parten ur kostnadsfördelningen.";
  if (status === "utträtt" && party.exitDate !== null && party.exitDate >= today)
    return `Parten är part till och med ${party.exitDate} enligt uppsägningen och visas som utträdd från dagen efter.`;
  // A notice may be withdrawn while it runs; once the party has left, making it a member again
  // would clear its exit and bill it for the years after it left.
  if (status === "medlem" && party.exitDate !== null && party.exitDate < today)
    return `Parten lämnade samverkan ${party.exitDate}. Ska den bli part igen läggs den till som ny part med ett nytt inträdesdatum.`;
  return null;
}

/** The year of an ISO date, or null for a date that does not exist. */
function yearOf(date: string): number | null {
  return parseIsoDate(date)?.y ?? null;
}

/**
 * Why the status form cannot save `memberSince` (medlem från och med, the day the membership
 * begins) with `status`, or null when it can. The cost split counts a party in every year from
 * the year its membership begins (`isPartyInYear`), so:
 * - a party becoming a member needs the date: without one it would be counted in every year
 *   since the agreement began (the meaning of no date on a member that has been one since then);
 * - the date is a day of the agreement: not before it began, not after the party's last day;
 * - a date is not moved across a year before this one: those years' cost splits and invoice
 *   bases are already billed (the same rule as `statusChangeError`). A party that joined in
 *   an earlier year and was never recorded is corrected with the other parties, not here.
 * A status before membership has no date (it is cleared, `partyStatusChanges`).
 */
export function memberSinceError(
  party: { status: PartyStatus; memberSince: string | null; exitDate: string | null },
  change: { status: PartyStatus; memberSince: string | null },
  agreementStart: string,
  today: string,
): string | null {
  const typed = change.memberSince;
  if (BEFORE_MEMBERSHIP.includes(change.status))
    return typed === null || typed === party.memberSince
      ? null
      : "Lämna datumet tomt: parten är inte medlem. Datumet anges när partens status blir Medlem.";
  const joining = BEFORE_MEMBERSHIP.includes(party.status);
  if (typed === null)
    return joining || party.memberSince !== null
      ? "Ange datumet då medlemskapet börjar, till exempel 2026-12-31. Parten ingår i kostnadsfördelningen från och med det året."
      : null;
  const typedYear = yearOf(typed);
  if (typedYear === null) return "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-31.";
  if (typed < agreementStart) return `Medlemskapet kan inte börja före avtalets början (${agreementStart}).`;
  // Back to member withdraws a running notice, so only a status that keeps the exit date is bound by it.
  const exitDate = change.status === "medlem" ? null : party.exitDate;
  if (exitDate !== null && typed > exitDate)
    return `Medlemskapet kan inte börja efter partens sista dag som part (${exitDate}).`;
  const thisYear = yearOf(today)!;
  // No date on a member means since the agreement began; a party before membership is in no year.
  const storedYear = joining ? null : yearOf(party.memberSince ?? agreementStart);
  if (storedYear === typedYear) return null;
  if (storedYear === null || storedYear >= thisYear)
    return typedYear < thisYear
      ? `Medlemskapet kan börja tidigast ${thisYear}-01-01: åren före ${thisYear} är redan fördelade och fakturerade, och ett inträde ${typed} skulle ändra dem.`
      : null;
  return `Parten har varit medlem ${party.memberSince ? `sedan ${party.memberSince}` : "sedan avtalets början"} och ingår i tidigare års kostnadsfördelning och fakturaunderlag. Datumet kan bara ändras inom samma år, annars ändras redan fakturerade år.`;
}

/**
 * What a status edit changes: back to member, the notice and its exit date no longer apply; a
 * status before membership has no day the membership began.
 */
export function partyStatusChanges<V extends { status: PartyStatus; memberSince: string | null }>(values: V) {
  if (BEFORE_MEMBERSHIP.includes(values.status)) return { ...values, memberSince: null };
  return values.status === "medlem" ? { ...values, noticeReceivedOn: null, exitDate: null } : values;
}

interface TimelineParty {
  status: PartyStatus;
  directionDecisionOn: string | null;
  memberSince: string | null;
  noticeReceivedOn: string | null;
  noticeFileId: number | null;
  exitDate: string | null;
}

/** The party's history on the party page, oldest first: decision, membership, notice, exit. */
export function partyTimeline(party: TimelineParty, onDate: string): { date: string; text: string }[] {
  const left = partyStatusOn(party, onDate) === "utträtt";
  const events = [
    party.directionDecisionOn ? { date: party.directionDecisionOn, text: "Inriktningsbeslut fattat" } : null,
    party.memberSince
      ? { date: party.memberSince, text: party.memberSince > onDate ? "Blir medlem i samverkan" : "Medlem i samverkan" }
      : null,
    party.noticeReceivedOn
      ? {
          date: party.noticeReceivedOn,
          text: `Skriftlig uppsägning mottagen${party.noticeFileId ? " (brevet finns som fil)" : ""}`,
        }
      : null,
    party.exitDate ? { date: party.exitDate, text: left ? "Utträdd" : "Sista dag som part" } : null,
  ].filter((e): e is { date: string; text: string } => e !== null);
  return events.sort((a, b) => a.date.localeCompare(b.date));
}

/** A party's status as a page shows it: the text and how it reads (colour, never alone). */
export interface PartyStanding {
  text: string;
  tone: "ok" | "warn" | "bad" | "neutral";
}

/**
 * A party's status on `onDate` (the Stockholm day the page is viewed), the one text every page
 * and badge shows: a member whose membership begins on a coming day is not a member yet
 * ("Medlem från 2027-01-01"), and a party past its exit date has left (partyStatusOn).
 */
export function partyStanding(
  party: { status: PartyStatus; memberSince: string | null; exitDate: string | null },
  onDate: string,
): PartyStanding {
  const status = partyStatusOn(party, onDate);
  const label = PARTY_STATUS_LABEL[status];
  if (status === "medlem")
    return party.memberSince !== null && party.memberSince > onDate
      ? { text: `Medlem från ${party.memberSince}`, tone: "neutral" }
      : { text: label, tone: "ok" };
  if (status === "uppsagd")
    return { text: party.exitDate ? `${label} – utträde den ${party.exitDate}` : label, tone: "warn" };
  if (status === "utträtt") return { text: party.exitDate ? `${label} ${party.exitDate}` : label, tone: "bad" };
  return { text: label, tone: "neutral" };
}

/**
 * When every party has given notice (or left), the agreement ends with the last exit; null
 * while any party stays. `parties` carry the status shown on the day (partyStatusOn).
 */
export function agreementEndsOn(parties: readonly { status: PartyStatus; exitDate: string | null }[]): string | null {
  return agreementEndDate(parties.map((p) => (p.status === "uppsagd" || p.status === "utträtt" ? p.exitDate : null)));
}

/** What deciding whether a party is reminded of the notice deadline reads of it. */
export interface NoticeReminderParty {
  status: PartyStatus;
  memberSince: string | null;
  noticeReceivedOn: string | null;
  exitDate: string | null;
}

/**
 * Whether a party is reminded, on `today`, of the last day to give notice to leave at the end
 * of the term ending `termEnd`: only a member bound by the agreement for that term that has not
 * given notice still has the choice to make. Not a party that has given notice ("uppsagd", also
 * past its exit date, when it is shown as left), has left, or is only invited or has taken a
 * direction decision (it is not bound, so it has nothing to give notice of), and not a member
 * that joins after the term ends (the term is not its to leave).
 */
export function remindOfNoticeDeadline(party: NoticeReminderParty, termEnd: string, today: string): boolean {
  if (partyStatusOn(party, today) !== "medlem") return false;
  // A recorded notice sets "uppsagd"; its dates on a member row still mean notice was given.
  if (party.noticeReceivedOn !== null || party.exitDate !== null) return false;
  return party.memberSince === null || party.memberSince <= termEnd;
}
