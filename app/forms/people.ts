/** Schemas of the people forms: a person (/personer) and a person's seat in a body (/organ/:id/ledamoter). */
import { z } from "zod";
import { MEMBERSHIP_ROLES } from "~/domain/membership";
import {
  checkbox,
  formVersion,
  id,
  isoDate,
  oneOf,
  optionalId,
  optionalIsoDate,
  optionalText,
  requiredText,
  withoutPersonalNumbers,
} from "./fields";

export const personSchema = z.object({
  name: requiredText("Ange personens namn.", 120),
  title: optionalText(160),
  email: withoutPersonalNumbers(
    z
      .string()
      .trim()
      .toLowerCase()
      .max(254, "Ange en giltig e-postadress, till exempel namn@kommun.se.")
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "Ange en giltig e-postadress, till exempel namn@kommun.se."),
  )
    .optional()
    .transform((v) => v ?? null),
  organisationId: optionalId("Välj en organisation i listan."),
});

const membershipFields = {
  personId: id("Välj en person."),
  organisationId: optionalId("Välj en organisation i listan."),
  role: oneOf(MEMBERSHIP_ROLES, "Välj en roll i listan."),
  startDate: isoDate(),
  endDate: optionalIsoDate(),
  note: optionalText(1000),
};

const END_BEFORE_START = "Slutdatum kan inte vara före startdatum.";

/** A seat ends on or after the day it starts (the end date is the last day in office). */
function endsAfterStart(value: { startDate: string; endDate: string | null }, ctx: z.RefinementCtx) {
  if (value.endDate !== null && value.endDate < value.startDate)
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["endDate"], message: END_BEFORE_START });
}

/** Add a seat. */
export const newMembershipSchema = z.object(membershipFields).superRefine(endsAfterStart);

/** Change a seat, or end it on a given last day (told apart by intent). */
export const editMembershipSchema = z
  .discriminatedUnion("intent", [
    z.object({ intent: z.literal("save"), version: formVersion(), ...membershipFields }),
    z.object({ intent: z.literal("end"), version: formVersion(), lastDay: isoDate() }),
  ])
  .superRefine((value, ctx) => {
    if (value.intent === "save") endsAfterStart(value, ctx);
  });

/** One seat of the list the term's end cuts: ended if checked, at the version shown. */
const termSeatRow = z.object({
  membershipId: id("Uppdraget saknas i formuläret. Ladda om sidan."),
  version: formVersion(),
  end: checkbox(),
});

/**
 * End a body's term (/organ/:id/mandatperiod): the last day in office, and the seats it cuts
 * as listed for `listedFor` (the day the list was drawn for; it differs from `lastDay` when
 * the date was changed without JavaScript, and the list must then be drawn again).
 */
export const endTermSchema = z.object({
  lastDay: isoDate(),
  /** The page of the list shown (`?sida=`): the action compares the list with that page now. */
  page: z.number().int().min(1).max(1_000_000).default(1),
  listedFor: isoDate("Formuläret saknar datum för listan. Ladda om sidan."),
  seats: z
    .array(termSeatRow)
    .default([])
    .refine((rows) => rows.some((r) => r.end), "Välj minst ett uppdrag att avsluta."),
});
