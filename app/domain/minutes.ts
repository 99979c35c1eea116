/**
 * Rules for minutes (protokoll): which § is a decision in the register and when a decision
 * leaves the draft. Pure.
 */
import type { AgendaItemKind } from "./meetings";

/**
 * Whether an item's § is a decision in the register.
 * - "formalia" (opening, election of adjusters, approval of the agenda, closing) gets a §
 *   in the minutes but never a register entry;
 * - information, discussion and report-back items are decisions ("lägga informationen till
 *   handlingarna") only when the secretary says so;
 * - decision and recommendation items always are.
 */
export function isRegisterDecision(item: { kind: AgendaItemKind; recordAsDecision: boolean }): boolean {
  switch (item.kind) {
    case "formalia":
      return false;
    case "information":
    case "diskussion":
    case "återrapportering":
      return item.recordAsDecision;
    case "beslut":
    case "rekommendation till parterna":
      return true;
  }
}

/** Whether the secretary chooses if an item of this kind is a register decision. */
export function registerChoiceApplies(kind: AgendaItemKind): boolean {
  return kind === "information" || kind === "diskussion" || kind === "återrapportering";
}

/** The decision text suggested when an information item is recorded as a decision. */
export const NOTED_DECISION_TEXT = "Informationen läggs till handlingarna.";

/**
 * Why a § cannot be approved immediately (omedelbar justering), or null: not before the
 * meeting's day, and only with a decision text to approve.
 */
export function immediateApprovalProblem(p: {
  decisionText: string;
  meetingDate: string;
  today: string;
}): string | null {
  if (p.today < p.meetingDate) return `Paragrafen kan inte justeras före mötesdagen (${p.meetingDate}).`;
  if (!p.decisionText.trim()) return "Skriv beslutet innan paragrafen justeras omedelbart.";
  return null;
}
