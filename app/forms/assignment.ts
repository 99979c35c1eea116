/**
 * Schemas of the assignment forms (/uppdrag and /uppdrag/:id): create (from a decision or
 * not), edit what it is, and set the status, told apart by intent.
 */
import { z } from "zod";
import { ASSIGNMENT_STATUSES } from "~/domain/recommendations";
import {
  formVersion,
  id,
  MAX_LONG_TEXT,
  oneOf,
  optionalId,
  optionalIsoDate,
  optionalText,
  requiredText,
} from "./fields";

/** "body:3", "party:5", "person:12": who has the assignment. */
const assignee = z
  .string({ required_error: "Välj vem som har uppdraget." })
  .regex(/^(person|body|party):[1-9]\d{0,9}$/, "Välj vem som har uppdraget.")
  .transform((v) => {
    const [type, key] = v.split(":");
    return { type: type as "person" | "body" | "party", id: Number(key) };
  });

/** What an assignment is: the fields of creating and of editing one. */
const what = {
  title: requiredText("Ange vad uppdraget gäller."),
  description: optionalText(MAX_LONG_TEXT),
  assignee,
  dueDate: optionalIsoDate(),
};

export const assignmentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    ...what,
    /** The decision that gives the assignment (carried from the decision's page). */
    decisionId: optionalId("Beslutet finns inte."),
  }),
  z.object({
    intent: z.literal("edit"),
    id: id("Uppdraget finns inte."),
    version: formVersion(),
    ...what,
  }),
  z.object({
    intent: z.literal("status"),
    id: id("Uppdraget finns inte."),
    version: formVersion(),
    status: oneOf(ASSIGNMENT_STATUSES, "Välj status i listan."),
  }),
]);
