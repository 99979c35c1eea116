/**
 * Building blocks for form schemas (zod), with the Swedish messages users see at the field.
 * One schema per form lives in app/forms/; the route's action parses with it
 * (`parseForm` in app/utils/forms.server.ts) and the browser validates with the same schema
 * through conform (`useSchemaForm` in app/components/forms.tsx).
 *
 * conform hands the schema strings (empty inputs arrive as undefined), so every builder
 * starts from a string and says in Swedish what is wrong.
 */
import { z } from "zod";
import { parseIsoDate } from "~/domain/calendar-dates";
import { personalDataMessage, personalNumbersIn } from "~/domain/personal-number";

/**
 * Swedish messages for what no builder words itself: a value of the wrong kind (a field sent
 * twice arrives as a list), a choice or intent no form offers, a field the form lacks. Passed
 * to conform's parseWithZod on the server (parseForm) and in the browser (useSchemaForm), so a
 * hand-made request gets a message a person can read, never zod's English.
 */
export const swedishErrors: z.ZodErrorMap = (issue, ctx) => {
  // A contextual map outranks the schema's own words (required_error, invalid_type_error):
  // when a builder has worded the message, keep it; only zod's English is replaced.
  if (ctx.defaultError !== z.defaultErrorMap(issue, ctx).message) return { message: ctx.defaultError };
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return {
        message:
          issue.received === "undefined"
            ? "Fältet saknas. Ladda om sidan och försök igen."
            : "Värdet har fel form. Ladda om sidan och försök igen.",
      };
    case z.ZodIssueCode.invalid_enum_value:
    case z.ZodIssueCode.invalid_literal:
      return { message: "Välj ett av alternativen." };
    case z.ZodIssueCode.invalid_union_discriminator:
    case z.ZodIssueCode.invalid_union:
      return { message: "Okänd åtgärd. Ladda om sidan och försök igen." };
    case z.ZodIssueCode.too_big:
      return { message: "Värdet är för stort eller för långt." };
    case z.ZodIssueCode.too_small:
      return { message: "Värdet är för litet eller för kort." };
    default:
      return { message: ctx.defaultError === "Required" ? "Fältet saknas." : "Värdet kan inte tas emot." };
  }
};

/** Longest free text we store in one field (a long minutes note or agreement text fits). */
export const MAX_LONG_TEXT = 100_000;
/** Titles, names and other one-line texts. @public */
export const MAX_LINE = 300;

/**
 * A required one-line or multi-line text, trimmed. Every text builder carries the
 * personal-number guard, so a new text field gets the message at the field without asking
 * (the database refuses it anyway: db/personal-number-guard.ts).
 */
export function requiredText(message: string, max = MAX_LINE) {
  return withoutPersonalNumbers(
    z
      .string({ required_error: message, invalid_type_error: message })
      .trim()
      .min(1, message)
      .max(max, `Högst ${max.toLocaleString("sv-SE")} tecken.`)
      .refine(withoutControlCharacters, CONTROL_MESSAGE),
  );
}

/** An optional text, trimmed; empty becomes "". */
export function optionalText(max = MAX_LINE) {
  return withoutPersonalNumbers(
    z
      .string({ invalid_type_error: "Skriv en text." })
      .trim()
      .max(max, `Högst ${max.toLocaleString("sv-SE")} tecken.`)
      .refine(withoutControlCharacters, CONTROL_MESSAGE)
      .optional()
      .transform((v) => v ?? ""),
  );
}

const CONTROL_MESSAGE = "Texten innehåller styrtecken som inte kan sparas. Skriv om texten utan dem.";

/**
 * Control characters (NUL, BEL, ESC, backspace, DEL and the C1 range) are nothing a person
 * types; line breaks and tabs are. A text with them is refused at the field, so they never
 * reach a page, a CSV, an ICS file or an e-mail header.
 */
function withoutControlCharacters(value: string): boolean {
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(value);
}

const DATE_MESSAGE = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-31.";

/** A required calendar date as ISO text ("2026-12-31"); impossible dates (2026-02-30) are refused. */
export function isoDate(message = DATE_MESSAGE) {
  return z
    .string({ required_error: message, invalid_type_error: message })
    .trim()
    .refine((v) => parseIsoDate(v) !== null, message);
}

/** An optional date: empty becomes null. */
export function optionalIsoDate(message = DATE_MESSAGE) {
  return z
    .string()
    .trim()
    .refine((v) => parseIsoDate(v) !== null, message)
    .optional()
    .transform((v) => v ?? null);
}

/** A time of day, "09:30". @public */
export function timeOfDay(message = "Skriv tiden som TT:MM, till exempel 09:30.") {
  return z
    .string({ required_error: message })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, message);
}

/**
 * A whole number within bounds, written by a person: spaces as thousands separators are
 * accepted ("5 720 000"); anything else (1e20, 12.5, 400 digits) is refused, never coerced.
 */
export function wholeNumber(message: string, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}) {
  return z
    .string({ required_error: message, invalid_type_error: message })
    .trim()
    .transform((v) => v.replace(/[\s\u00a0\u202f]/g, ""))
    .refine((v) => /^-?\d{1,16}$/.test(v), message)
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n) && n >= min && n <= max, message);
}

/** An optional whole number: empty becomes null. */
export function optionalWholeNumber(message: string, bounds: { min?: number; max?: number } = {}) {
  return wholeNumber(message, bounds)
    .optional()
    .transform((v) => v ?? null);
}

/** The id of a row picked in a <select> or carried in a hidden field. */
export function id(message = "Välj ett värde i listan.") {
  return wholeNumber(message, { min: 1 });
}

/** An optional id: the empty option becomes null. */
export function optionalId(message = "Välj ett värde i listan.") {
  return optionalWholeNumber(message, { min: 1 });
}

/** One of a fixed list of values. Anything else (including `__proto__`) gets the message. */
export function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  message = "Välj ett av alternativen.",
) {
  return z.enum(values, { errorMap: () => ({ message }) });
}

/** A checkbox: present ("on" or any value) is true, absent is false. */
export function checkbox() {
  return z
    .string()
    .optional()
    .transform((v) => v !== undefined);
}

/** The optimistic-lock version the form was rendered with (a hidden field). */
export function formVersion() {
  return wholeNumber("Formuläret saknar versionsnummer. Ladda om sidan och försök igen.", { min: 1 });
}

/**
 * The personal-number guard on a text field: a text with a personal identity number
 * (personnummer) is refused at the field, because client data never enters the portal.
 */
export function withoutPersonalNumbers<Schema extends z.ZodType<string, z.ZodTypeDef, unknown>>(schema: Schema) {
  return schema.superRefine((value, ctx) => {
    const hits = personalNumbersIn(value);
    if (hits.length) ctx.addIssue({ code: z.ZodIssueCode.custom, message: personalDataMessage(hits) });
  });
}
