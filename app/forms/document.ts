/** Schemas of the document forms: a new document (/dokument/nytt) and the document page's forms (/dokument/:id). */
import { z } from "zod";
import { DOCUMENT_KINDS, DOCUMENT_VISIBILITIES } from "~/domain/documents";
import { formVersion, id, isoDate, oneOf, optionalText, requiredText, withoutPersonalNumbers } from "./fields";

/** Longest Markdown text of one document version. */
const MAX_DOCUMENT_TEXT = 500_000;

/** What describes a document: title, kind, owning body, date and who may see it. */
const describing = {
  title: requiredText("Ange dokumentets titel.", 200),
  kind: oneOf(DOCUMENT_KINDS, "Välj dokumenttyp."),
  bodyId: id("Välj ett organ som du sitter i."),
  date: isoDate(),
  visibility: oneOf(DOCUMENT_VISIBILITIES, "Välj vem som får se dokumentet."),
  bodyIds: z
    .array(id("Välj organ i listan."))
    .optional()
    .transform((v) => v ?? []),
};

/** "Bara valda organ" needs at least one body; other visibilities keep no body list. */
function bodiesWhenChosen<T extends { visibility: string; bodyIds: number[] }>(value: T, ctx: z.RefinementCtx) {
  if (value.visibility === "bodies" && value.bodyIds.length === 0)
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["bodyIds"],
      message: "Välj minst ett organ som får se dokumentet.",
    });
}

function keepChosenBodies<T extends { visibility: string; bodyIds: number[] }>(value: T): T {
  return value.visibility === "bodies" ? value : { ...value, bodyIds: [] };
}

/** The text of a version (Markdown; the file, if any, is checked by readVersionContent). */
const versionText = {
  markdown: withoutPersonalNumbers(
    z
      .string()
      .max(MAX_DOCUMENT_TEXT, `Texten är för lång (högst ${MAX_DOCUMENT_TEXT.toLocaleString("sv-SE")} tecken).`)
      .optional()
      .transform((v) => v ?? ""),
  ),
  comment: optionalText(300),
};

/** A new document: its description and its first version; "preview" shows the text without saving. */
export const newDocumentSchema = z
  .object({ intent: oneOf(["save", "preview"]), ...describing, ...versionText })
  .superRefine(bodiesWhenChosen)
  .transform(keepChosenBodies);

/** The document page: a new version (or its preview), the description, and links (told apart by intent). */
export const documentPageSchema = z
  .discriminatedUnion("intent", [
    z.object({ intent: z.literal("save"), version: formVersion(), ...versionText }),
    z.object({ intent: z.literal("preview"), version: formVersion(), ...versionText }),
    z.object({ intent: z.literal("meta"), version: formVersion(), ...describing }),
    z.object({ intent: z.literal("link"), target: linkTarget() }),
    z.object({ intent: z.literal("unlink"), target: linkTarget() }),
  ])
  .superRefine((value, ctx) => {
    if (value.intent === "meta") bodiesWhenChosen(value, ctx);
  })
  .transform((value) => (value.intent === "meta" ? keepChosenBodies(value) : value));

/** "meeting:12": what a document is linked to. */
function linkTarget() {
  const message = "Välj vad dokumentet ska kopplas till.";
  return z
    .string({ required_error: message })
    .regex(/^(meeting|matter|decision|agreement):[1-9]\d{0,9}$/, message)
    .transform((v) => {
      const [type, key] = v.split(":");
      return { type: type as "meeting" | "matter" | "decision" | "agreement", id: Number(key) };
    });
}
