/** Schemas of the absence page: a member reports förhinder, a deputy confirms that they serve. */
import { z } from "zod";
import { id } from "./fields";

export const reportAbsenceSchema = z.object({ intent: z.literal("forhinder") });

export const confirmServingSchema = z.object({
  intent: z.literal("tjanstgor"),
  forPersonId: id("Välj vem du tjänstgör för."),
});

export const meetingAnswerSchema = z.discriminatedUnion("intent", [reportAbsenceSchema, confirmServingSchema]);
