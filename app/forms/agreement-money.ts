/**
 * Schemas of the agreement's money forms: budget years, joint funds and one-off costs
 * (/avtal/budget), and population figures (/avtal/folkmangd). The numbers' rules are the
 * domain's (cost-allocation, invoice-basis, population).
 */
import { z } from "zod";
import { ALLOCATION_RULES } from "~/domain/cost-allocation";
import { BUDGET_ITEM_KINDS } from "~/domain/invoice-basis";
import { parseSeenVersions, populationError, type SeenVersions } from "~/domain/population";
import {
  formVersion,
  id,
  isoDate,
  MAX_LONG_TEXT,
  oneOf,
  optionalId,
  optionalIsoDate,
  optionalText,
  optionalWholeNumber,
  requiredText,
  wholeNumber,
} from "./fields";

const KRONOR = "Ange beloppet i hela kronor, till exempel 6 100 000.";
const year = () => wholeNumber("Ange året med fyra siffror, till exempel 2026.", { min: 2000, max: 2100 });

/** Which of the budget page's forms was sent. */
export const budgetIntentSchema = z.object({ intent: oneOf(["year", "item", "remove-item"]) });

/** A budget year: the total decided (empty: indexed from the year before) and the outcome. */
export const budgetYearSchema = z.object({
  intent: z.literal("year"),
  year: year(),
  /** The row's version, empty when the year has no row yet. */
  version: optionalWholeNumber("Formuläret saknar versionsnummer. Ladda om sidan.", { min: 1 }),
  totalByDecision: optionalWholeNumber(KRONOR, { max: 10_000_000_000 }),
  decidedOn: optionalIsoDate(),
  decisionRef: optionalText(300),
  outcome: optionalWholeNumber("Ange utfallet i hela kronor.", { max: 10_000_000_000 }),
  note: optionalText(2000),
});

/** A joint fund or a one-off cost of a year, shared by a rule. */
export const budgetItemSchema = z
  .object({
    intent: z.literal("item"),
    year: year(),
    kind: oneOf(BUDGET_ITEM_KINDS, "Välj gemensamma medel eller engångskostnad."),
    label: requiredText("Ange vad det gäller, till exempel ”Statliga medel psykisk hälsa 2023”."),
    amount: wholeNumber(KRONOR, { min: 1, max: 10_000_000_000 }),
    rule: oneOf(ALLOCATION_RULES, "Välj hur beloppet fördelas."),
    organisationId: optionalId("Välj part."),
    note: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.rule === "part" && v.organisationId === null)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["organisationId"],
        message: "Välj vilken part som bär beloppet.",
      });
    if (v.rule !== "part" && v.organisationId !== null)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["organisationId"],
        message: "En part anges bara när hela beloppet ska bäras av en part.",
      });
  });

export const removeBudgetItemSchema = z.object({
  intent: z.literal("remove-item"),
  id: id(),
  version: formVersion(),
});

/** A population typed by a person ("6 959"); empty is null. The messages are the domain's. */
function populationField() {
  return z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .superRefine((v, ctx) => {
      const problem = v ? populationError(v) : null;
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    })
    .transform((v) => (v ? Number(v.replace(/[\s\u00a0\u202f]/g, "")) : null));
}

const RELOAD = "Formuläret saknar versionsnummer. Ladda om sidan och försök igen.";

/** The versions of the figures the page was read at ("12:3 13:0", `seenVersionsText`). */
function seenVersions() {
  return z
    .string()
    .optional()
    .transform((v, ctx): SeenVersions => {
      const seen = parseSeenVersions(v ?? "");
      if (seen) return seen;
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: RELOAD });
      return z.NEVER;
    });
}

/** Figures typed per municipality for one date. */
export const populationFormSchema = z.object({
  intent: z.literal("form"),
  asOf: isoDate(RELOAD),
  seen: seenVersions(),
  figures: z
    .array(
      z.object({
        organisationId: id(),
        population: populationField(),
      }),
    )
    .optional()
    .transform((v) => v ?? []),
});

/** SCB's table pasted as it comes. */
export const populationPasteSchema = z.object({
  intent: z.literal("paste"),
  asOf: isoDate(RELOAD),
  seen: seenVersions(),
  text: requiredText("Klistra in tabellen från SCB.", MAX_LONG_TEXT),
});

/** Which of the population page's forms was sent. */
export const populationIntentSchema = z.object({ intent: oneOf(["form", "paste"]) });
