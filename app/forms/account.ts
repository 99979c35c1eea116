/**
 * Schemas of the account forms: sign-in (/logga-in), own account (/konto), a person's account
 * (/personer/:id/konto), a reset request (/glomt-losenord) and choosing a password (/losenord/:token).
 */
import { z } from "zod";
import { USER_ROLES } from "~/domain/policy";
import { oneOf, withoutPersonalNumbers } from "./fields";

export const USER_ROLE_LABEL: Record<(typeof USER_ROLES)[number], string> = {
  member: "Medlem (rättigheter efter organen personen sitter i)",
  reader: "Läsare (t.ex. politiker som läser)",
  admin: "Administratör (samordnare)",
};

/** An e-mail address as an account name: trimmed, lower-case, one @, no spaces. */
function email(required: string, invalid = "Ange en giltig e-postadress, till exempel namn@kommun.se.") {
  return withoutPersonalNumbers(
    z
      .string({ required_error: required, invalid_type_error: required })
      .trim()
      .toLowerCase()
      .max(254, invalid)
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, invalid),
  );
}

/** A password as typed: never trimmed (spaces count). */
function password(required: string) {
  return z.string({ required_error: required, invalid_type_error: required });
}

/**
 * A new password: at least 12 characters (length beats composition rules), at most 200, and
 * no personal identity number in it (the personal-number guard covers every text we keep).
 */
function newPassword(required = "Lösenordet måste ha minst 12 tecken.") {
  return withoutPersonalNumbers(
    password(required).min(12, "Lösenordet måste ha minst 12 tecken.").max(200, "Lösenordet får ha högst 200 tecken."),
  );
}

export const signInSchema = z.object({
  email: withoutPersonalNumbers(
    z
      .string({ required_error: "Ange din e-postadress." })
      .trim()
      .toLowerCase()
      .max(254, "Ange en giltig e-postadress, till exempel namn@kommun.se.")
      // Sign-in accepts any address with an @ (an account name is checked against the database).
      .regex(/^[^\s@]+@[^\s@]+$/, "Ange en giltig e-postadress, till exempel namn@kommun.se."),
  ),
  // Any password is checked against the stored hash; the request body limit bounds its length.
  password: password("Ange ditt lösenord."),
  redirectTo: z.string().optional(),
});

/** /konto: change the own password, or manage the personal calendar address (told apart by intent). */
export const ownAccountSchema = z
  .discriminatedUnion("intent", [
    z.object({
      intent: z.literal("password"),
      current: password("Ange ditt nuvarande lösenord."),
      next: newPassword(),
      confirm: password("Skriv samma nya lösenord två gånger."),
    }),
    z.object({ intent: z.literal("calendar") }),
    z.object({ intent: z.literal("calendar-rotate") }),
    z.object({ intent: z.literal("calendar-revoke") }),
  ])
  .superRefine((value, ctx) => {
    if (value.intent === "password" && value.next !== value.confirm)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["confirm"],
        message: "Lösenorden är inte lika. Skriv samma nya lösenord två gånger.",
      });
  });

/** /glomt-losenord: ask for a password reset link. */
export const passwordResetRequestSchema = z.object({ email: email("Ange din e-postadress.") });

/** /losenord/:token: choose a password with an invitation or reset link. */
export const choosePasswordSchema = z
  .object({ next: newPassword(), confirm: password("Skriv samma lösenord två gånger.") })
  .superRefine((value, ctx) => {
    if (value.next !== value.confirm)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["confirm"],
        message: "Lösenorden är inte lika. Skriv samma lösenord två gånger.",
      });
  });

/** /personer/:id/konto: create the person's account (an invitation goes out), or change the role of the one she has. */
export const personAccountSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    email: email("Ange en giltig e-postadress."),
    role: oneOf(USER_ROLES, "Välj roll."),
  }),
  z.object({
    intent: z.literal("role"),
    role: oneOf(USER_ROLES, "Välj roll."),
    /** The role the page showed: a role someone else changed since is a conflict. */
    was: oneOf(USER_ROLES, "Ladda om sidan och försök igen."),
  }),
]);
