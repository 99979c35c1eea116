/** Schema of the accessibility problem report (/tillganglighet). */
import { z } from "zod";
import { MAX_LINE, optionalText, requiredText } from "./fields";

const ACCESSIBILITY_REPORT_MAX = 5_000;

export const accessibilityReportSchema = z.object({
  page: optionalText(MAX_LINE),
  description: requiredText("Beskriv vad som inte fungerade.", ACCESSIBILITY_REPORT_MAX),
  contact: optionalText(MAX_LINE),
});
