/** The shape of an agenda item as pages show it (Markdown already rendered and sanitized). */
interface AgendaFile {
  id: number;
  originalName: string;
  size: number;
}

export interface AgendaItemView {
  id: number;
  title: string;
  kind: string;
  presenter: string;
  minutesEstimate: number | null;
  descriptionHtml: string;
  proposedDecision: string;
  confidential: boolean;
  confidentialReason: string;
  standard: string | null;
  files: AgendaFile[] | null;
  paragraph: number | null;
}

/**
 * How an item is numbered for a viewer, the one rule for every surface that numbers items (the
 * meeting page, the notice and its PDF, the documents zip): its § once the minutes the viewer
 * is shown number it, else its place in the agenda they are shown ("5.", or "05." with
 * `width` 2 so folders sort in order). `paragraph` is what `visibleAgendaOf` left the viewer:
 * null for anyone shown the published agenda rather than the draft minutes.
 */
export function itemNumber(item: { paragraph: number | null }, index: number, width = 1): string {
  return item.paragraph ? `§ ${item.paragraph}` : `${String(index + 1).padStart(width, "0")}.`;
}

/** An item's heading with its number for the viewer (`itemNumber`), as the notice PDF and the zip name it. */
export function itemHeading(item: { paragraph: number | null; title: string }, index: number, width = 1): string {
  return `${itemNumber(item, index, width)} ${item.title}`;
}
