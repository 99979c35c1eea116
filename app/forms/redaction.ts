/** Schema of the coordinator's redaction of stored personal identity numbers. */
import { z } from "zod";

export const redactSchema = z.object({ intent: z.literal("redact") });
