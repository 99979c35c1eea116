import type { AgendaItemView } from "~/domain/agenda-view";
import { renderMarkdown } from "~/utils/markdown.server";
import type { AgendaItem } from "./meeting-agenda.server";

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
