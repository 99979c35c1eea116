/**
 * Schemas of the recommendation forms: the draft (new and edit), linking the deciding §,
 * sending, correcting, withdrawing, the follow-up steps, and a party's answer. Rules that need
 * more than the shape of a field (the lifecycle, an answer's date against today) are in
 * app/domain/recommendations.ts and come back as late errors.
 */
import { z } from "zod";
import { ANSWER_STATUSES } from "~/domain/recommendations";
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
} from "./fields";

const costYear = optionalWholeNumber("Skriv ett årtal, till exempel 2027.", { min: 2000, max: 2200 });

/** The text the parties receive; shared by the draft and the correction. */
const text = {
  title: requiredText("Ange vad rekommendationen gäller."),
  ask: requiredText("Skriv vad parterna ska besluta.", MAX_LONG_TEXT),
  summary: optionalText(MAX_LONG_TEXT),
  answerDeadline: isoDate("Skriv sista svarsdag som ÅÅÅÅ-MM-DD, till exempel 2027-03-31."),
  costYear,
};

/** One row per party that can be asked: whether it is asked, and its own deadline if it differs. */
const partyRow = z.object({
  organisationId: id("Parten saknas. Ladda om sidan."),
  asked: checkbox(),
  deadline: optionalIsoDate("Skriv partens sista svarsdag som ÅÅÅÅ-MM-DD, eller lämna tomt."),
});

export const draftSchema = z.object({
  ...text,
  isPublic: checkbox(),
  matterId: optionalId("Välj ett ärende i listan."),
  agreementVersionId: optionalId("Välj en avtalsversion i listan."),
  parties: z.array(partyRow).refine((rows) => rows.some((r) => r.asked), "Välj minst en part."),
  /** Only when editing: the version the form was rendered with. */
  version: formVersion().optional(),
});

/** Uploaded files are checked by `checkUploads` (type, size, personal numbers); the schema only names them. */
const upload = z.any().optional();

export const decideSchema = z.object({
  decisionId: id("Välj den justerade paragraf som beslutade rekommendationen."),
  extract: upload,
  documents: upload,
  version: formVersion(),
});

export const sendSchema = z.object({ version: formVersion() });

export const correctSchema = z.object({
  ...text,
  reason: requiredText("Skriv varför rekommendationen rättas; alla parter ser skälet.", 2000),
  version: formVersion(),
});

export const withdrawSchema = z.object({
  reason: requiredText("Skriv varför rekommendationen återkallas; alla parter ser skälet.", 2000),
  version: formVersion(),
});

/** The follow-up page: record a follow-up, send the reminders due, or close. */
export const followUpSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("followUp"),
    followedUpOn: isoDate("Skriv datum för uppföljningen som ÅÅÅÅ-MM-DD."),
    note: optionalText(2000),
    version: formVersion(),
  }),
  z.object({ intent: z.literal("remind") }),
  z.object({ intent: z.literal("close"), version: formVersion() }),
]);

export const answerSchema = z.object({
  intent: oneOf(["report", "confirm", "correct"] as const).default("report"),
  status: oneOf(ANSWER_STATUSES, "Välj status i listan."),
  decisionDate: optionalIsoDate(),
  decidingBody: optionalText(200),
  decidingBodyOther: optionalText(200),
  paragraph: optionalWholeNumber("Paragrafen är ett heltal, till exempel 48.", { min: 1, max: 100_000 }),
  registryNumber: optionalText(100),
  changes: optionalText(4000),
  note: optionalText(2000),
  extract: upload,
  version: formVersion(),
});
