/**
 * Schemas of the agreement's forms: a party's notice and status, and agreement versions (the
 * terms are validated by the domain's `validateVersion`, so there is one set of rules). The
 * money forms (budget, population) are in agreement-money.ts.
 */
import { z } from "zod";
import { PRINCIPAL_SIDES } from "~/domain/agreement-principals";
import { PARTY_STATUSES } from "~/domain/agreement-terms";
import { validateVersion, type VersionInput } from "~/domain/agreement-version";
import { personalNumbersIn, personalDataMessage } from "~/domain/personal-number";
import {
  checkbox,
  formVersion,
  isoDate,
  oneOf,
  optionalId,
  optionalIsoDate,
  optionalText,
  optionalWholeNumber,
} from "./fields";

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
  /** The day the membership begins; required and checked against the agreement by `memberSinceError`. */
  memberSince: optionalIsoDate(),
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
