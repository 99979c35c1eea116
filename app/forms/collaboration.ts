/**
 * Schemas of the coordinator's forms for the structure of the collaborations: collaborations,
 * organisations, parties, bodies (with their standard agenda items) and key-figure definitions.
 */
import { z } from "zod";
import { isMunicipalityCode, isSlug, ORGANISATION_KINDS, PARTY_ROLES } from "~/domain/collaboration";
import { KEY_FIGURE_UNITS } from "~/domain/key-figures";
import { AGENDA_ITEM_KINDS } from "~/domain/meetings";
import {
  checkbox,
  formVersion,
  id,
  oneOf,
  optionalId,
  optionalIsoDate,
  optionalText,
  requiredText,
  wholeNumber,
  withoutPersonalNumbers,
} from "./fields";

const SLUG_MESSAGE = "Använd små bokstäver a–z, siffror och bindestreck, 2–60 tecken (till exempel mini-maria-jh).";

function slug() {
  return requiredText("Ange ett kortnamn för adressen.", 60)
    .transform((v) => v.toLowerCase())
    .refine(isSlug, SLUG_MESSAGE);
}

export const collaborationSchema = z.object({
  name: withoutPersonalNumbers(requiredText("Ange samverkans namn.", 200)),
  slug: slug(),
  description: withoutPersonalNumbers(optionalText(4000)),
  isExample: checkbox(),
});

export const editCollaborationSchema = collaborationSchema.extend({ version: formVersion() });

export const organisationSchema = z.object({
  name: withoutPersonalNumbers(requiredText("Ange organisationens namn.", 200)),
  kind: oneOf(ORGANISATION_KINDS, "Välj typ av organisation."),
  municipalityCode: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine(
      (v) => v === null || isMunicipalityCode(v),
      "Kommunkoden har fyra siffror (2380 för Östersund), länskoden två (23 för Jämtland).",
    ),
});

export const editOrganisationSchema = organisationSchema.extend({ version: formVersion() });

const EMAIL_MESSAGE = "Ange en giltig e-postadress, till exempel registrator@kommun.se.";

const partyFields = {
  role: oneOf(PARTY_ROLES, "Välj om parten är huvudman eller part."),
  registrarEmail: optionalText(254)
    .transform((v) => v.toLowerCase())
    .refine((v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), EMAIL_MESSAGE),
  memberSince: optionalIsoDate(),
  branchClinic: withoutPersonalNumbers(optionalText(200)),
};

export const addPartySchema = z.object({ organisationId: id("Välj en organisation."), ...partyFields });

export const editPartySchema = z.object({
  ...partyFields,
  // The party's representative: reports its answers to recommendations, is reminded.
  contactPersonId: optionalId("Välj kontaktperson i listan."),
  version: formVersion(),
});

export const bodySchema = z.object({
  name: withoutPersonalNumbers(requiredText("Ange organets namn.", 200)),
  shortName: withoutPersonalNumbers(requiredText("Ange ett kort namn, till exempel en förkortning.", 60)),
  slug: slug(),
  kind: withoutPersonalNumbers(requiredText("Ange vad det är för organ (till exempel Styrgrupp).", 80)),
  description: withoutPersonalNumbers(optionalText(2000)),
  collaborationIds: z
    .array(id("Välj samverkan i listan."), { required_error: "Välj minst en samverkan som organet arbetar för." })
    .min(1, "Välj minst en samverkan som organet arbetar för."),
  publicRecords: checkbox(),
  appealable: checkbox(),
  proposalDeadlineDays: wholeNumber("Ange antal dagar, ett heltal mellan 0 och 365.", { min: 0, max: 365 }),
});

export const editBodySchema = bodySchema.extend({ version: formVersion() });

/** The standard agenda items of a body: add one, remove one, move one (intent tells which). */
export const standardItemSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add-item"),
    title: withoutPersonalNumbers(requiredText("Ange punktens rubrik.", 200)),
    kind: oneOf(AGENDA_ITEM_KINDS, "Välj typ av punkt."),
  }),
  z.object({ intent: z.literal("remove-item"), itemId: id() }),
  z.object({ intent: z.literal("move-up"), itemId: id() }),
  z.object({ intent: z.literal("move-down"), itemId: id() }),
]);

const definitionFields = {
  label: withoutPersonalNumbers(requiredText("Ange nyckeltalets namn.", 120)),
  unit: oneOf(KEY_FIGURE_UNITS, "Välj enhet."),
  sumGroup: withoutPersonalNumbers(optionalText(60)),
  chart: checkbox(),
  position: wholeNumber("Ange ordningen som ett heltal mellan 1 och 1000.", { min: 1, max: 1000 }),
};

export const keyFigureDefinitionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), ...definitionFields }),
  z.object({ intent: z.literal("update"), definitionId: id(), version: formVersion(), ...definitionFields }),
  z.object({ intent: z.literal("delete"), definitionId: id() }),
]);
