/**
 * Schemas of the agreement's forms: budget years, joint funds and one-off costs, population
 * figures, a party's notice and status, and agreement versions (the terms are validated by the
 * domain's `validateVersion`, so there is one set of rules).
 */
import { z } from "zod";
import { PRINCIPAL_SIDES } from "~/domain/agreement-principals";
import { PARTY_STATUSES } from "~/domain/agreement-terms";
import { validateVersion, type VersionInput } from "~/domain/agreement-version";
import { ALLOCATION_RULES } from "~/domain/cost-allocation";
import { BUDGET_ITEM_KINDS } from "~/domain/invoice-basis";
import { personalNumbersIn, personalDataMessage } from "~/domain/personal-number";
import { populationError } from "~/domain/population";
import {
  checkbox,
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

/** Figures typed per municipality for one date. */
export const populationFormSchema = z.object({
  intent: z.literal("form"),
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
  text: requiredText("Klistra in tabellen från SCB.", MAX_LONG_TEXT),
});

/** Which of the population page's forms was sent. */
export const populationIntentSchema = z.object({ intent: oneOf(["form", "paste"]) });

/** Which of the party page's forms was sent. */
export const partyIntentSchema = z.object({ intent: oneOf(["notice", "status"]) });

/** A written notice of termination received from a party. */
export const noticeSchema = z.object({
  intent: z.literal("notice"),
  version: formVersion(),
  receivedOn: isoDate(),
  note: optionalText(2000),
});

export const partyStatusSchema = z.object({
  intent: z.literal("status"),
  version: formVersion(),
  status: oneOf(PARTY_STATUSES, "Välj en status i listan."),
  withdrawalNote: optionalText(2000),
  branchClinic: optionalText(300),
});

/** What the version form starts from: the terms as text and the principals. */
export interface VersionDefaults extends VersionInput {
  regionPrincipalId: string;
  municipalPrincipalId: string;
  municipalPrincipalInvoices: boolean;
}

const VERSION_TEXT_FIELDS = [
  "label",
  "adoptedOn",
  "text",
  "changeSummary",
  "firstTermStart",
  "firstTermEnd",
  "noticeMonths",
  "noticeForm",
  "renewalMonths",
  "withdrawalRules",
  "baseYear",
  "baseBudget",
  "indexPercent",
  "regionPercent",
  "municipalPercent",
  "regionBaseAmount",
  "populationMonthDay",
  "populationYearOffset",
  "staffing",
] as const satisfies readonly (keyof VersionInput)[];

const rawText = (max: number) =>
  z
    .string()
    .max(max, `Högst ${max.toLocaleString("sv-SE")} tecken.`)
    .optional()
    .transform((v) => v ?? "");

/**
 * An agreement version: the terms as typed, checked by the domain's rules, and the principals
 * (huvudmän) it names. The parsed value carries the terms ready to store.
 */
export const versionSchema = z
  .object({
    ...Object.fromEntries(VERSION_TEXT_FIELDS.map((f) => [f, rawText(f === "text" ? 200_000 : 5000)])),
    version: optionalWholeNumber("Formuläret saknar versionsnummer. Ladda om sidan.", { min: 1 }),
    regionPrincipalId: optionalId("Välj huvudman."),
    municipalPrincipalId: optionalId("Välj huvudman."),
    municipalPrincipalInvoices: checkbox(),
  } as Record<(typeof VERSION_TEXT_FIELDS)[number], ReturnType<typeof rawText>> & {
    version: ReturnType<typeof optionalWholeNumber>;
    regionPrincipalId: ReturnType<typeof optionalId>;
    municipalPrincipalId: ReturnType<typeof optionalId>;
    municipalPrincipalInvoices: ReturnType<typeof checkbox>;
  })
  .superRefine((v, ctx) => {
    const result = validateVersion(v as unknown as VersionInput);
    if (!result.ok)
      for (const [field, message] of Object.entries(result.errors))
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: message! });
    for (const field of VERSION_TEXT_FIELDS) {
      const hits = personalNumbersIn(v[field]);
      if (hits.length) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: personalDataMessage(hits) });
    }
    if (v.regionPrincipalId !== null && v.regionPrincipalId === v.municipalPrincipalId)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["municipalPrincipalId"],
        message: "Samma organisation kan inte vara huvudman för båda sidor.",
      });
  })
  .transform((v) => {
    const result = validateVersion(v as unknown as VersionInput);
    // Refined above: a rejected version never reaches the action.
    if (!result.ok) return z.NEVER;
    const principals = [
      ...(v.regionPrincipalId !== null
        ? [{ side: PRINCIPAL_SIDES[0], organisationId: v.regionPrincipalId, invoicesOthers: false }]
        : []),
      ...(v.municipalPrincipalId !== null
        ? [
            {
              side: PRINCIPAL_SIDES[1],
              organisationId: v.municipalPrincipalId,
              invoicesOthers: v.municipalPrincipalInvoices,
            },
          ]
        : []),
    ];
    return { terms: result.value, principals, version: v.version };
  });
