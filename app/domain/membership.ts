/**
 * Rules for a person's seat in a body (membership). Pure; used by the form action
 * and unit-tested on its own.
 */
import type { BodyRole } from "./policy";

export const MEMBERSHIP_ROLES: readonly BodyRole[] = [
  "ordförande",
  "vice ordförande",
  "ledamot",
  "ersättare",
  "sekreterare",
  "adjungerad",
];

export interface MembershipInput {
  personId: string;
  organisationId: string;
  role: string;
  startDate: string;
  endDate: string;
  note: string;
}

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

export function validateMembership(
  input: MembershipInput,
): { ok: true; value: ValidMembership } | { ok: false; errors: FieldErrors<keyof MembershipInput> } {
  const errors: FieldErrors<keyof MembershipInput> = {};
  const personId = Number(input.personId);
  if (!input.personId || !Number.isInteger(personId) || personId <= 0) errors.personId = "Välj en person.";
  const organisationId = input.organisationId ? Number(input.organisationId) : null;
  if (organisationId !== null && (!Number.isInteger(organisationId) || organisationId <= 0))
    errors.organisationId = "Välj en organisation i listan.";
  if (!MEMBERSHIP_ROLES.includes(input.role as BodyRole)) errors.role = "Välj en roll i listan.";
  if (!input.startDate) errors.startDate = "Ange när uppdraget börjar (ÅÅÅÅ-MM-DD).";
  else if (!isIsoDate(input.startDate)) errors.startDate = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-01-01.";
  if (input.endDate && !isIsoDate(input.endDate))
    errors.endDate = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-31.";
  else if (input.endDate && isIsoDate(input.startDate) && input.endDate < input.startDate)
    errors.endDate = "Slutdatum kan inte vara före startdatum.";
  if (input.note.length > 1000) errors.note = "Anteckningen får ha högst 1 000 tecken.";
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      personId,
      organisationId,
      role: input.role as BodyRole,
      startDate: input.startDate,
      endDate: input.endDate || null,
      note: input.note.trim(),
    },
  };
}

/** Current on `today`: started and not yet ended (the end date is the last day in office). */
export function isCurrentMembership(m: { startDate: string; endDate: string | null }, today: string): boolean {
  return m.startDate <= today && (m.endDate === null || m.endDate >= today);
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
