/** Schemas of the minutes page (/moten/:id/protokoll): one per intent, told apart by `intent`. */
import { z } from "zod";
import { ATTENDANCE_STATUSES, DECISION_PROCEDURES, ITEM_OUTCOMES, VOTES } from "~/domain/minutes";
import {
  checkbox,
  formVersion,
  id,
  isoDate,
  MAX_LONG_TEXT,
  oneOf,
  optionalId,
  optionalIsoDate,
  optionalText,
  requiredText,
  withoutPersonalNumbers,
} from "./fields";

const attendanceRow = z.object({
  personId: id(),
  status: oneOf(ATTENDANCE_STATUSES, "Välj närvaro i listan.").optional(),
  substituteFor: optionalId("Välj vem ersättaren tjänstgör för."),
  adjuster: checkbox(),
});

const itemRow = z.object({
  id: id(),
  minutesNote: withoutPersonalNumbers(optionalText(MAX_LONG_TEXT)),
  decisionText: withoutPersonalNumbers(optionalText(MAX_LONG_TEXT)),
  recordAsDecision: checkbox(),
  approvedImmediately: checkbox(),
});

export const saveMinutesSchema = z.object({
  intent: z.literal("save"),
  version: formVersion(),
  actingChairPersonId: optionalId("Välj mötets ordförande i listan."),
  secretaryPersonId: optionalId("Välj sekreterare i listan."),
  adjustmentPlace: withoutPersonalNumbers(optionalText(200)),
  adjustmentDate: optionalIsoDate(),
  attendance: z.array(attendanceRow).default([]),
  items: z.array(itemRow).default([]),
});

export const correctMinutesSchema = z.object({
  intent: z.literal("correct"),
  itemId: id("Välj paragraf i listan."),
  decisionText: withoutPersonalNumbers(requiredText("Skriv det rättade beslutet.", MAX_LONG_TEXT)),
  minutesNote: withoutPersonalNumbers(optionalText(MAX_LONG_TEXT)),
  reason: withoutPersonalNumbers(requiredText("Ange skälet till rättelsen. Det sparas med den nya versionen.", 2000)),
});

export const recordSignatureSchema = z.object({
  intent: z.enum(["record-signature", "record-correction-signature"]),
  personId: id("Välj vem som har justerat på papper."),
});

export const postMinutesSchema = z.object({
  intent: z.literal("post"),
  postedOn: isoDate(),
  keptAt: withoutPersonalNumbers(requiredText("Ange var protokollet förvaras.", 200)),
});

export const minutesActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start") }),
  z.object({ intent: z.literal("mark-held") }),
  z.object({ intent: z.literal("send-for-signing") }),
  z.object({ intent: z.literal("sign") }),
  z.object({ intent: z.literal("sign-correction") }),
  saveMinutesSchema,
  correctMinutesSchema,
  z.object({ intent: z.literal("record-signature"), personId: recordSignatureSchema.shape.personId }),
  z.object({ intent: z.literal("record-correction-signature"), personId: recordSignatureSchema.shape.personId }),
  postMinutesSchema,
]);

/** What one § records besides its text (/moten/:id/paragrafer/:itemId). */
export const paragraphSchema = z.object({
  procedure: oneOf(DECISION_PROCEDURES, "Välj hur beslutet fattades."),
  outcome: oneOf(ITEM_OUTCOMES, "Välj utfall."),
  dispatchTo: withoutPersonalNumbers(optionalText(500)),
  motions: z
    .array(
      z.object({
        personId: optionalId("Välj vem som yrkade."),
        text: withoutPersonalNumbers(optionalText(2000)),
      }),
    )
    .default([]),
  positions: z
    .array(
      z.object({
        personId: id(),
        vote: oneOf(VOTES, "Välj ja, nej eller avstår.").optional(),
        disqualified: checkbox(),
        reservation: checkbox(),
        reservationReason: withoutPersonalNumbers(optionalText(2000)),
        note: withoutPersonalNumbers(optionalText(2000)),
      }),
    )
    .default([]),
});
