import type { AgendaItemView } from "~/domain/agenda-view";
import { isSigned } from "~/domain/meetings";
import type { Actor } from "~/domain/policy";
import { agendaAsSeen, meetingSightOf } from "~/domain/read-scope";
import { renderMarkdown } from "~/utils/markdown.server";
import { agendaOf, type AgendaItem } from "./meeting-agenda.server";
import { minutesOf } from "./meeting-minutes.server";
import { agendaVersionsOf } from "./meeting-notice.server";

/**
 * A meeting's agenda as the actor may see it (app/domain/read-scope.ts `agendaAsSeen`): the
 * one source of agenda items for every page, export and search hit that shows them. `items`
 * narrows it further (the notice's published version for those who see only that).
 */
export function visibleAgendaOf(
  actor: Actor | null,
  meeting: { id: number; bodyId: number },
  items: AgendaItem[] = agendaOf(meeting.id),
): AgendaItem[] {
  const sight = meetingSightOf(actor, meeting.bodyId);
  if (sight.drafts && sight.confidential) return items;
  const published = agendaVersionsOf(meeting.id).at(-1)?.items ?? null;
  return agendaAsSeen(items, sight, published, isSigned(minutesOf(meeting.id)));
}

/** Agenda items shaped for the page: Markdown rendered and sanitized, confidential documents withheld. */
export function itemViews(items: AgendaItem[], canReadConfidential: boolean): AgendaItemView[] {
  return items.map((i) => ({
    id: i.id,
    position: i.position,
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
