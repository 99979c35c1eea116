/** Schemas of the assignment forms (/uppdrag): create, and set the status (told apart by intent). */
import { z } from "zod";
import { ASSIGNMENT_STATUSES } from "~/domain/recommendations";
import { formVersion, id, MAX_LONG_TEXT, oneOf, optionalIsoDate, optionalText, requiredText } from "./fields";

/** "body:3", "party:5", "person:12": who has the assignment. */
const assignee = z
  .string({ required_error: "Välj vem som har uppdraget." })
  .regex(/^(person|body|party):[1-9]\d{0,9}$/, "Välj vem som har uppdraget.")
  .transform((v) => {
    const [type, key] = v.split(":");
    return { type: type as "person" | "body" | "party", id: Number(key) };
  });

export const assignmentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    title: requiredText("Ange vad uppdraget gäller."),
    description: optionalText(MAX_LONG_TEXT),
    assignee,
    dueDate: optionalIsoDate(),
  }),
  z.object({
    intent: z.literal("status"),
    id: id("Uppdraget finns inte."),
    version: formVersion(),
    status: oneOf(ASSIGNMENT_STATUSES, "Välj status i listan."),
  }),
]);
