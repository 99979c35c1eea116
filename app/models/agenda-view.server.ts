import type { AgendaItemView } from "~/domain/agenda-view";
import { asPublished, isSigned, type ItemSnapshot } from "~/domain/meetings";
import { can, type Actor } from "~/domain/policy";
import { agendaAsSeen, meetingSightOf } from "~/domain/read-scope";
import { renderMarkdown } from "~/utils/markdown.server";
import { agendaOf, type AgendaItem } from "./meeting-agenda.server";
import { minutesOf } from "./meeting-minutes.server";
import { agendaVersionsOf } from "./meeting-notice.server";

/**
 * A meeting's agenda as the actor may see it: the one source of agenda items for every page,
 * export and search hit that shows them. Two steps, as on the meeting's page:
 * - told (`noticeViewFor`, meeting-notice.server.ts): everyone but the body's secretary is
 *   shown the last published version of the agenda until minutes are begun, never a change
 *   not yet published (an item added since is not on it);
 * - seen (app/domain/read-scope.ts `agendaAsSeen`): outside the body the published version
 *   until the minutes are approved, and a confidential item without its texts.
 * `told` is the first step's result when the caller has it already (the page, the notice).
 */
export function visibleAgendaOf(
  actor: Actor | null,
  meeting: { id: number; bodyId: number; date?: string },
  told?: AgendaItem[],
): AgendaItem[] {
  // The day as told decides who is called to the meeting by a seat not yet begun.
  const sight = meetingSightOf(actor, meeting.bodyId, meeting.date, meeting.id);
  const record = minutesOf(meeting.id);
  const secretary = can(actor, "manage:meeting", { bodyId: meeting.bodyId });
  // The last published version, read only when a step needs it.
  let latest: ItemSnapshot[] | null | undefined;
  const published = () => (latest ??= agendaVersionsOf(meeting.id).at(-1)?.items ?? null);
  let items = told ?? agendaOf(meeting.id);
  if (!told && !secretary && !record && published()) items = asPublished(items, published()!);
  if (sight.drafts && sight.confidential) return items;
  return agendaAsSeen(items, sight, published(), isSigned(record));
}

/**
 * Agenda items shaped for the page: Markdown rendered and sanitized, confidential documents
 * withheld. No stored position: the list's order is the number, and the position stored now
 * would tell of an item added or moved since the notice.
 */
export function itemViews(items: AgendaItem[], canReadConfidential: boolean): AgendaItemView[] {
  return items.map((i) => ({
    id: i.id,
    title: i.title,
    kind: i.kind,
    presenter: i.presenter,
    minutesEstimate: i.minutesEstimate,
    descriptionHtml: renderMarkdown(i.description),
    proposedDecision: i.proposedDecision,
    confidential: i.confidential,
    confidentialReason: i.confidentialReason,
    standard: i.standard,
    files:
      i.confidential && !canReadConfidential
        ? null
        : i.files.map((f) => ({ id: f.id, originalName: f.originalName, size: f.size })),
    paragraph: i.paragraph,
  }));
}
