/** Rules for library documents. Pure. */
import { parseIsoDate } from "./calendar-dates";
import type { FieldErrors } from "./membership";

export const DOCUMENT_KINDS = [
  "avtal",
  "protokoll",
  "kallelse",
  "beslutsunderlag",
  "verksamhetsberättelse",
  "verksamhetsplan",
  "uppföljningsplan",
  "rutin",
  "rapport",
  "övrigt",
] as const;
type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const VISIBILITY_LABEL = {
  public: "Alla (offentlig)",
  members: "Alla inloggade i samverkan",
  bodies: "Bara valda organ",
} as const;
type Visibility = keyof typeof VISIBILITY_LABEL;

export interface DocumentInput {
  title: string;
  kind: string;
  bodyId: string;
  date: string;
  visibility: string;
  bodyIds: string[];
}

export interface ValidDocument {
  title: string;
  kind: DocumentKind;
  bodyId: number | null;
  date: string;
  visibility: Visibility;
  bodyIds: number[];
}

export function validateDocument(
  input: DocumentInput,
): { ok: true; value: ValidDocument } | { ok: false; errors: FieldErrors<keyof DocumentInput> } {
  const errors: FieldErrors<keyof DocumentInput> = {};
  const title = input.title.trim();
  if (!title) errors.title = "Ange dokumentets titel.";
  else if (title.length > 200) errors.title = "Titeln får ha högst 200 tecken.";
  if (!DOCUMENT_KINDS.includes(input.kind as DocumentKind)) errors.kind = "Välj dokumenttyp.";
  if (!parseIsoDate(input.date)) errors.date = "Skriv datumet som ÅÅÅÅ-MM-DD.";
  if (!(input.visibility in VISIBILITY_LABEL)) errors.visibility = "Välj vem som får se dokumentet.";
  const bodyIds = input.bodyIds.map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (input.visibility === "bodies" && bodyIds.length === 0)
    errors.bodyIds = "Välj minst ett organ som får se dokumentet.";
  const bodyId = input.bodyId ? Number(input.bodyId) : null;
  if (bodyId !== null && (!Number.isInteger(bodyId) || bodyId <= 0)) errors.bodyId = "Välj organ i listan.";
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title,
      kind: input.kind as DocumentKind,
      bodyId,
      date: input.date,
      visibility: input.visibility as Visibility,
      bodyIds: input.visibility === "bodies" ? bodyIds : [],
    },
  };
}
