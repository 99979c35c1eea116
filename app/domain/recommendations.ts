/**
 * Rules for recommendations to the parties and their answers, and for assignments. Pure;
 * `today` is a date in Europe/Stockholm passed in by the caller.
 */
import { parseIsoDate } from "./calendar-dates";
import type { FieldErrors } from "./membership";

export const ANSWER_STATUSES = ["väntar", "behandlas", "antagen", "antagen med ändringar", "avslagen"] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export const FINAL_STATUSES: AnswerStatus[] = ["antagen", "antagen med ändringar", "avslagen"];

export const ANSWER_LABEL: Record<AnswerStatus, string> = {
  väntar: "Väntar",
  behandlas: "Behandlas",
  antagen: "Antagen",
  "antagen med ändringar": "Antagen med ändringar",
  avslagen: "Avslagen",
};

export function isAnswered(status: AnswerStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** Overdue: no final answer and the deadline day has passed (the deadline day itself is in time). */
export function isAnswerOverdue(status: AnswerStatus, deadline: string, today: string): boolean {
  return !isAnswered(status) && today > deadline;
}

export interface AnswerInput {
  status: string;
  decisionDate: string;
  decidingBody: string;
  reference: string;
  note: string;
}

export interface ValidAnswer {
  status: AnswerStatus;
  decisionDate: string | null;
  decidingBody: string;
  reference: string;
  note: string;
}

/**
 * A party's answer. A decision ("antagen", "avslagen", …) needs its date (not in the future)
 * and the body that decided; "behandlas" needs the date it is on the party's own agenda.
 */
export function validateAnswer(input: AnswerInput, today: string): { ok: true; value: ValidAnswer } | { ok: false; errors: FieldErrors<keyof AnswerInput> } {
  const errors: FieldErrors<keyof AnswerInput> = {};
  const status = input.status as AnswerStatus;
  if (!ANSWER_STATUSES.includes(status)) errors.status = "Välj status i listan.";
  const date = input.decisionDate.trim();
  if (date && !parseIsoDate(date)) errors.decisionDate = "Skriv datumet som ÅÅÅÅ-MM-DD.";
  else if (isAnswered(status)) {
    if (!date) errors.decisionDate = "Ange datum för beslutet.";
    else if (date > today) errors.decisionDate = "Beslutsdatumet kan inte ligga i framtiden. Välj ”Behandlas” om ärendet ska upp på ett kommande sammanträde.";
    if (!input.decidingBody.trim()) errors.decidingBody = "Ange vilket organ som beslutade, till exempel kommunfullmäktige eller socialnämnden.";
  } else if (status === "behandlas" && !date) errors.decisionDate = "Ange när ärendet är på er egen dagordning.";
  if (input.decidingBody.length > 200) errors.decidingBody = "Högst 200 tecken.";
  if (input.reference.length > 200) errors.reference = "Högst 200 tecken.";
  if (input.note.length > 2000) errors.note = "Högst 2 000 tecken.";
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: { status, decisionDate: date || null, decidingBody: input.decidingBody.trim(), reference: input.reference.trim(), note: input.note.trim() },
  };
}

export interface PartyForAsking {
  organisationId: number;
  status: string;
  exitDate: string | null;
}

/** By default every party of the collaboration is asked, except those that have left by `onDate`. */
export function partiesToAsk(parties: PartyForAsking[], onDate: string): number[] {
  return parties.filter((p) => p.status !== "utträtt" && p.status !== "inbjuden" && (p.exitDate === null || p.exitDate >= onDate)).map((p) => p.organisationId);
}

export interface AnswerSummary {
  answered: number;
  adopted: number;
  declined: number;
  pending: number;
  overdue: number;
}

export function summarise(answers: { status: AnswerStatus }[], deadline: string, today: string): AnswerSummary {
  return {
    answered: answers.filter((a) => isAnswered(a.status)).length,
    adopted: answers.filter((a) => a.status === "antagen" || a.status === "antagen med ändringar").length,
    declined: answers.filter((a) => a.status === "avslagen").length,
    pending: answers.filter((a) => !isAnswered(a.status)).length,
    overdue: answers.filter((a) => isAnswerOverdue(a.status, deadline, today)).length,
  };
}

// --- Assignments ------------------------------------------------------------------------------------

export const ASSIGNMENT_STATUSES = ["ej påbörjad", "pågår", "klar", "återrapporterad"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export function isAssignmentOverdue(a: { status: AssignmentStatus; dueDate: string | null }, today: string): boolean {
  return a.dueDate !== null && today > a.dueDate && (a.status === "ej påbörjad" || a.status === "pågår");
}

export interface RecommendationInput {
  title: string;
  summary: string;
  ask: string;
  answerDeadline: string;
  isPublic: boolean;
  organisationIds: string[];
}

export function validateRecommendation(input: RecommendationInput, askable: number[]): { ok: true; value: Omit<RecommendationInput, "organisationIds"> & { organisationIds: number[] } } | { ok: false; errors: FieldErrors<keyof RecommendationInput> } {
  const errors: FieldErrors<keyof RecommendationInput> = {};
  if (!input.title.trim()) errors.title = "Ange vad rekommendationen gäller.";
  if (!input.ask.trim()) errors.ask = "Skriv vad parterna ska besluta.";
  if (!parseIsoDate(input.answerDeadline)) errors.answerDeadline = "Skriv sista svarsdag som ÅÅÅÅ-MM-DD.";
  const ids = input.organisationIds.map(Number);
  if (ids.length === 0) errors.organisationIds = "Välj minst en part.";
  else if (ids.some((id) => !askable.includes(id))) errors.organisationIds = "En vald part är inte part i samverkan.";
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { title: input.title.trim(), summary: input.summary, ask: input.ask.trim(), answerDeadline: input.answerDeadline, isPublic: input.isPublic, organisationIds: ids } };
}
