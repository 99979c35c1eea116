/** Schemas of the mail forms: the administrator's "send again". */
import { z } from "zod";

export const retryMailSchema = z.object({ intent: z.literal("retry") });
