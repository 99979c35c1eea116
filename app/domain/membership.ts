/**
 * Rules for a person's seat in a body (membership). Pure and unit-tested on its own; the
 * form's checks are in app/forms/people.ts.
 */
import { addDays } from "./calendar-dates";
import type { BodyRole } from "./policy";

export const MEMBERSHIP_ROLES = [
  "ordförande",
  "vice ordförande",
  "ledamot",
  "ersättare",
  "sekreterare",
  "adjungerad",
] as const satisfies readonly BodyRole[];

/** A validated seat, as the models store it (parsed by app/forms/people.ts). */
export interface ValidMembership {
  personId: number;
  organisationId: number | null;
  role: BodyRole;
  startDate: string;
  endDate: string | null;
  note: string;
}

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Current on `today`: started and not yet ended (the end date is the last day in office). */
export function isCurrentMembership(m: { startDate: string; endDate: string | null }, today: string): boolean {
  return m.startDate <= today && (m.endDate === null || m.endDate >= today);
}

/**
 * Seats split by tenure on `today`: current (start and end dates inclusive), upcoming (not yet
 * started) and former (ended). Every seat whose end is not before its start is in exactly one.
 */
export function byTenure<T extends { startDate: string; endDate: string | null }>(rows: readonly T[], today: string) {
  return {
    current: rows.filter((r) => isCurrentMembership(r, today)),
    upcoming: rows.filter((r) => r.startDate > today),
    former: rows.filter((r) => r.endDate !== null && r.endDate < today),
  };
}

/** Chair first, then vice chair, members, deputies, secretary, co-opted. */
export function roleOrder(role: BodyRole): number {
  return MEMBERSHIP_ROLES.indexOf(role);
}

/** A person's roles in one body as one phrase, in role order ("ledamot och sekreterare"). */
export function rolesInBody(roles: Iterable<BodyRole>): string {
  const sorted = [...new Set(roles)].sort((a, b) => roleOrder(a) - roleOrder(b));
  return sorted.length > 1 ? `${sorted.slice(0, -1).join(", ")} och ${sorted.at(-1)}` : (sorted[0] ?? "");
}

interface DatedSeat {
  bodyId: number;
  startDate: string;
  /** The last day in office, or null. */
  endDate: string | null;
}

/**
 * One of the person's seats in `bodyId` covers `date` (start and end inclusive): the person
 * is expected at the body's meeting that day, as the notice's recipients are chosen. A member
 * whose seat ends on 31 December is not expected at a January meeting, a member whose seat
 * begins on 1 January is.
 */
export function seatCoversDay(seats: readonly DatedSeat[], bodyId: number, date: string): boolean {
  return seats.some((s) => s.bodyId === bodyId && isCurrentMembership(s, date));
}

/**
 * The roles that are a seat at the table (a vote or a deputy's place): a person holds at most
 * one of them in a body at a time. The secretary and a co-opted person may also be a member.
 */
const TABLE_ROLES: ReadonlySet<BodyRole> = new Set(["ordförande", "vice ordförande", "ledamot", "ersättare"]);

/** Two seats share at least one day (end dates inclusive, null = until further notice). */
function overlaps(a: { startDate: string; endDate: string | null }, b: { startDate: string; endDate: string | null }) {
  return (a.endDate === null || b.startDate <= a.endDate) && (b.endDate === null || a.startDate <= b.endDate);
}

/**
 * Why a person's seat cannot be saved beside their other seats in the same body, or null:
 * the same role twice on one day, or two seats at the table (chair, vice chair, member,
 * deputy) on one day. At the change of term the coordinator ends the outgoing seat on
 * 31 December before registering a new one from 1 January; a member who goes on in the same
 * role keeps the seat. Swedish, for the form's start date field.
 */
export function seatOverlapProblem(
  seat: { role: BodyRole; startDate: string; endDate: string | null },
  others: readonly { role: BodyRole; startDate: string; endDate: string | null }[],
): string | null {
  const clash = others.find(
    (o) => (o.role === seat.role || (TABLE_ROLES.has(o.role) && TABLE_ROLES.has(seat.role))) && overlaps(o, seat),
  );
  if (!clash) return null;
  const term = `${clash.startDate} – ${clash.endDate ?? "tills vidare"}`;
  const last = clash.endDate === null && clash.startDate < seat.startDate ? addDays(seat.startDate, -1) : null;
  return (
    `Personen är redan ${clash.role} i organet ${term}, och uppdragen överlappar. ` +
    (last
      ? `Avsluta det uppdraget med sista dag ${last} först, eller behåll det om personen fortsätter i samma roll.`
      : "Ändra datumen så att uppdragen inte överlappar.")
  );
}

/**
 * The last day of the term the coordinator ends a body's seats on by default: the last day of
 * `today`'s year (the political term changes on 1 January).
 */
export function defaultTermEnd(today: string): string {
  return `${today.slice(0, 4)}-12-31`;
}

/**
 * Why `lastDay` cannot end a term, or null: it is not a calendar date, or it is before
 * `today` (a term is ended ahead of or on its last day, not rewritten afterwards). Swedish,
 * for the form's date field.
 */
export function termEndProblem(lastDay: string, today: string): string | null {
  if (!isIsoDate(lastDay)) return "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-31.";
  if (lastDay < today) return `Sista dagen kan inte vara före i dag (${today}).`;
  return null;
}

/**
 * Which of a body's seats ending the term on `lastDay` (the last day in office) cuts, and which
 * begin after it. Cut: begun on or before `lastDay` and running past it (no end date, or a
 * later one); ending them sets their end date to `lastDay`, so a seat begun that very day gets
 * one day. Begin after: the coming term's seats, left untouched. A seat that ends on or before
 * `lastDay` is in neither: the term's end does not change it. ISO dates compare as text.
 */
export function termEndCut<T extends { startDate: string; endDate: string | null }>(
  seats: readonly T[],
  lastDay: string,
): { cut: T[]; startsAfter: T[] } {
  return {
    cut: seats.filter((s) => s.startDate <= lastDay && (s.endDate === null || s.endDate > lastDay)),
    startsAfter: seats.filter((s) => s.startDate > lastDay),
  };
}
