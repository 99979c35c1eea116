/** Schemas of the mail forms: the administrator's "send again", a person's choices, unsubscribe. */
import { z } from "zod";
import { CHOOSABLE_MAIL_KINDS, MAIL_DELIVERIES, type MailDelivery, type MailKind } from "~/domain/mail";
import { oneOf } from "./fields";

export const retryMailSchema = z.object({ intent: z.literal("retry") });

/** One choice per kind that can be turned off: at once, in the daily digest, or not at all. */
// Keyed by every choosable kind (the kinds that are always sent have no field).
const preferenceFields = Object.fromEntries(
  CHOOSABLE_MAIL_KINDS.map((kind) => [kind, oneOf(MAIL_DELIVERIES, "Välj hur du vill få den här sortens e-post.")]),
) as unknown as Record<MailKind, z.ZodType<MailDelivery>>;

export const mailPreferencesSchema = z.object(preferenceFields);

/**
 * The one-click unsubscribe (RFC 8058): a mail program posts `List-Unsubscribe=One-Click`;
 * the page's own button posts the same. The kind is in the link (`?typ=`).
 */
export const unsubscribeSchema = z.object({
  "List-Unsubscribe": z.literal("One-Click", {
    errorMap: () => ({ message: "Länken för att avsluta e-post är ofullständig." }),
  }),
});
