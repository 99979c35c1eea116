/** Schema of the form that enters an older decision into the register by hand (/beslut/ny). */
import { z } from "zod";
import { DECISION_KINDS, DECISION_STATUSES } from "~/domain/decisions";
import { checkbox, id, isoDate, MAX_LONG_TEXT, optionalId, optionalWholeNumber, oneOf, requiredText } from "./fields";

export const newDecisionSchema = z.object({
  bodyId: id("Välj organ."),
  decidedOn: isoDate(),
  paragraph: optionalWholeNumber("Paragrafen är ett heltal, till exempel 12.", { min: 1, max: 100_000 }),
  title: requiredText("Ange en rubrik."),
  text: requiredText("Skriv beslutet.", MAX_LONG_TEXT),
  kind: oneOf(DECISION_KINDS, "Välj typ."),
  matterId: optionalId("Välj ett ärende i listan."),
  isPublic: checkbox(),
});

/**
 * The coordinator sets a decision's status (gäller, verkställt, upphävt). `was` is the status
 * the page showed: the save is refused as a conflict when someone else changed it since.
 */
export const decisionStatusSchema = z.object({
  status: oneOf(DECISION_STATUSES, "Välj status i listan."),
  was: oneOf(DECISION_STATUSES, "Ladda om sidan och försök igen."),
});
