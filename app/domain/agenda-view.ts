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
