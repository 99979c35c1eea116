/** Rules for a person record. People are members of bodies, never clients. */
import type { FieldErrors } from "./membership";

export interface PersonInput {
  name: string;
  title: string;
  email: string;
  organisationId: string;
}

export function validatePerson(
  input: PersonInput,
):
  | { ok: true; value: { name: string; title: string; email: string | null; organisationId: number | null } }
  | { ok: false; errors: FieldErrors<keyof PersonInput> } {
  const errors: FieldErrors<keyof PersonInput> = {};
  const name = input.name.trim();
  if (!name) errors.name = "Ange personens namn.";
  else if (name.length > 120) errors.name = "Namnet får ha högst 120 tecken.";
  if (input.title.length > 160) errors.title = "Titeln får ha högst 160 tecken.";
  const email = input.email.trim().toLowerCase();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    errors.email = "Ange en giltig e-postadress, till exempel namn@kommun.se.";
  const organisationId = input.organisationId ? Number(input.organisationId) : null;
  if (organisationId !== null && (!Number.isInteger(organisationId) || organisationId <= 0))
    errors.organisationId = "Välj en organisation i listan.";
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { name, title: input.title.trim(), email: email || null, organisationId } };
}
