/**
 * Rules for a person's seat in a body (membership). Pure and unit-tested on its own; the
 * form's checks are in app/forms/people.ts.
 */
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
