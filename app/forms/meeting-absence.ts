/** Schemas of the absence page: a member reports förhinder, a deputy confirms that they serve, either withdraws. */
import { z } from "zod";
import { id } from "./fields";

export const reportAbsenceSchema = z.object({ intent: z.literal("forhinder") });

export const confirmServingSchema = z.object({
  intent: z.literal("tjanstgor"),
  forPersonId: id("Välj vem du tjänstgör för."),
});

export const withdrawAnswerSchema = z.object({ intent: z.literal("aterkalla") });

export const meetingAnswerSchema = z.discriminatedUnion("intent", [
  reportAbsenceSchema,
  confirmServingSchema,
  withdrawAnswerSchema,
]);
