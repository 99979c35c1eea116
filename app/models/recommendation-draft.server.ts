/**
 * What the draft form of a recommendation offers (the parties that can be asked, the matters
 * and agreement versions of the collaboration) and the check of a submitted draft against
 * them: a party, matter or version from another collaboration is refused at its field (the
 * matter is checked in the database, since the form offers only a page of them).
 */
import { partiesToAsk, suggestedCostYear } from "~/domain/recommendations";
import { agreementOf, partiesOf, versionsOf } from "./agreements.server";
import type { ChoiceRequest } from "./choices.server";
import { isMatterOf, matterChoices } from "./matters.server";
import type { DraftValues, Recommendation } from "./recommendations.server";
import { answersOf } from "./recommendations.server";

/** The search beside the draft's matter field (choose by searching). */
export const DRAFT_MATTER_SEARCH = "sok-arende";

/** `matters` offers at most a page (the chosen one, then the latest or a search's matches). */
export function draftOptions(collaborationId: number, today: string, matters: Omit<ChoiceRequest, "param">) {
  const parties = partiesOf(collaborationId);
  const askable = partiesToAsk(parties, today);
  const agreement = agreementOf(collaborationId);
  return {
    parties: parties
      .filter((p) => askable.includes(p.organisationId))
      .map((p) => ({ id: p.organisationId, name: p.name })),
    collaborationId,
    matters: matterChoices([collaborationId], { ...matters, param: DRAFT_MATTER_SEARCH }),
    agreementVersions: agreement
      ? versionsOf(agreement.id).map((v) => ({ id: v.id, label: v.label, termStart: v.firstTermStart }))
      : [],
  };
}

type DraftOptions = ReturnType<typeof draftOptions>;

/** The form's defaults for a stored draft: every askable party, checked when asked. */
export function draftDefaults(rec: Recommendation, options: DraftOptions) {
  const asked = new Map(answersOf([rec.id]).map((a) => [a.organisationId, a.deadline ?? ""]));
  return {
    title: rec.title,
    ask: rec.ask,
    summary: rec.summary,
    answerDeadline: rec.answerDeadline,
    costYear: rec.costYear === null ? "" : String(rec.costYear),
    isPublic: rec.isPublic,
    matterId: rec.matterId === null ? "" : String(rec.matterId),
    agreementVersionId: rec.agreementVersionId === null ? "" : String(rec.agreementVersionId),
    parties: options.parties.map((p) => ({
      organisationId: p.id,
      name: p.name,
      asked: asked.has(p.id),
      deadline: asked.get(p.id) ?? "",
    })),
  };
}

export interface SubmittedDraft {
  title: string;
  ask: string;
  summary: string;
  answerDeadline: string;
  costYear: number | null;
  isPublic: boolean;
  matterId: number | null;
  agreementVersionId: number | null;
  parties: { organisationId: number; asked: boolean; deadline: string | null }[];
}

/**
 * The draft to store, or the messages per field. A linked agreement version without a cost
 * year gets the suggested one (its first year if still ahead, else the year after the deadline).
 */
export function checkDraft(
  value: SubmittedDraft,
  options: DraftOptions,
): { ok: true; value: DraftValues } | { ok: false; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  const askable = new Set(options.parties.map((p) => p.id));
  const asked = value.parties.filter((p) => p.asked);
  if (asked.some((p) => !askable.has(p.organisationId)))
    fieldErrors.parties = ["En vald part är inte part i samverkan."];
  if (value.matterId !== null && !isMatterOf([options.collaborationId], value.matterId))
    fieldErrors.matterId = ["Välj ett ärende i listan."];
  const version = options.agreementVersions.find((v) => v.id === value.agreementVersionId);
  if (value.agreementVersionId !== null && !version)
    fieldErrors.agreementVersionId = ["Välj en avtalsversion i listan."];
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  const { parties, ...rest } = value;
  return {
    ok: true,
    value: {
      ...rest,
      costYear: value.costYear ?? (version ? suggestedCostYear(value.answerDeadline, version.termStart) : null),
      organisationIds: asked.map((p) => p.organisationId),
      partyDeadlines: new Map(
        parties
          .filter((p) => p.asked && p.deadline && p.deadline !== value.answerDeadline)
          .map((p) => [p.organisationId, p.deadline!]),
      ),
    },
  };
}
