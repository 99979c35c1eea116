/** Schemas of the matter forms (/arenden). */
import { z } from "zod";
import { MATTER_STATUSES } from "~/domain/matters";
import { formVersion, MAX_LONG_TEXT, oneOf, optionalText, requiredText } from "./fields";

export const newMatterSchema = z.object({
  registryNumber: requiredText("Ange diarienummer.", 60),
  title: requiredText("Ange ärendets rubrik."),
  description: optionalText(MAX_LONG_TEXT),
});

/** Close or reopen a matter. */
export const matterStatusSchema = z.object({
  version: formVersion(),
  status: oneOf(MATTER_STATUSES, "Välj status."),
});
