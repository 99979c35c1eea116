/** Schemas of the meeting forms (/moten/nytt, /moten/:id, /moten/:id/redigera, items and proposals). */
import { z } from "zod";
import { AGENDA_ITEM_KINDS, meetingTimeAndPlaceProblems } from "~/domain/meetings";
import {
  checkbox,
  formVersion,
  id,
  isoDate,
  oneOf,
  optionalId,
  optionalText,
  optionalWholeNumber,
  requiredText,
  timeOfDay,
} from "./fields";

const meetingFields = {
  date: isoDate("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-02-12."),
  startTime: timeOfDay("Skriv starttiden som TT:MM, till exempel 09:00."),
  endTime: timeOfDay("Skriv sluttiden som TT:MM, till exempel 12:00."),
  place: optionalText(200),
  videoUrl: optionalText(500).refine(
    (v) => v === "" || /^https:\/\/[^\s<>"]+$/.test(v),
    "Videolänken måste börja med https://.",
  ),
};

function timeAndPlace(
  value: { startTime: string; endTime: string; place: string; videoUrl: string },
  ctx: z.RefinementCtx,
) {
  for (const [path, message] of Object.entries(meetingTimeAndPlaceProblems(value)))
    if (message) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
}

/** A new meeting: the body and its time and place. */
export const newMeetingSchema = z.object({ bodyId: id("Välj organ."), ...meetingFields }).superRefine(timeAndPlace);

/** Moving a meeting (time and place), with the version it was read at. */
export const editMeetingSchema = z.object({ version: formVersion(), ...meetingFields }).superRefine(timeAndPlace);

const itemFields = {
  title: requiredText("Ange en rubrik för punkten.", 200),
  kind: oneOf(AGENDA_ITEM_KINDS, "Välj typ av punkt."),
  presenter: optionalText(200),
  minutesEstimate: optionalWholeNumber("Ange tiden i hela minuter, mellan 1 och 480.", { min: 1, max: 480 }),
  description: optionalText(20_000),
  proposedDecision: optionalText(5_000),
  confidential: checkbox(),
  confidentialReason: optionalText(300),
  matterId: optionalId("Välj ärende i listan."),
};

function confidentialNeedsReason(value: { confidential: boolean; confidentialReason: string }, ctx: z.RefinementCtx) {
  if (value.confidential && !value.confidentialReason)
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["confidentialReason"],
      message: "Ange skälet till att punkten är sekretessmarkerad (t.ex. lagrum).",
    });
}

/** The reason is kept only for a confidential item. */
function withoutStrayReason<T extends { confidential: boolean; confidentialReason: string }>(value: T): T {
  return value.confidential ? value : { ...value, confidentialReason: "" };
}

/** A new agenda item (multipart: documents are attached under `files`). */
export const agendaItemSchema = z.object(itemFields).superRefine(confidentialNeedsReason).transform(withoutStrayReason);

const saveItem = z.object({ intent: z.literal("save"), version: formVersion(), ...itemFields });

/** Editing an item: save it (with its version) or remove it. */
export const editItemSchema = z
  .discriminatedUnion("intent", [saveItem, z.object({ intent: z.literal("remove") })])
  .superRefine((value, ctx) => {
    if (value.intent === "save") confidentialNeedsReason(value, ctx);
  });

/** The save half of `editItemSchema`, for the browser's validation of that form. */
export const saveItemSchema = saveItem.superRefine(confidentialNeedsReason);

/** A member's proposal for an item (multipart, with documents). */
export const proposalSchema = z.object({
  title: itemFields.title,
  kind: itemFields.kind,
  description: itemFields.description,
  proposedDecision: itemFields.proposedDecision,
});

export const declineProposalSchema = z.object({
  intent: z.literal("decline"),
  proposalId: id(),
  reason: requiredText("Skriv varför förslaget avslås; förslagsställaren ser skälet.", 2000),
});

/** The secretary's actions on the meeting page. */
export const meetingActionSchema = z.discriminatedUnion("intent", [
  // The meeting's version and the notice's fingerprint as the page showed them: what the
  // secretary reviewed is what goes out (NoticeShown in app/domain/meetings.ts).
  z.object({
    intent: z.literal("publish"),
    version: formVersion(),
    // A sha256 in base64url (noticeFingerprint): generated, never typed, so not free text.
    notice: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Ladda om sidan och försök igen."),
  }),
  z.object({ intent: z.literal("start-minutes") }),
  z.object({ intent: z.literal("move"), itemId: id(), direction: oneOf(["up", "down"] as const) }),
  z.object({ intent: z.literal("accept"), proposalId: id() }),
  declineProposalSchema,
]);
