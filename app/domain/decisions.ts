/**
 * Decisions in the register: their kinds and statuses (defined once; the schema imports
 * them), whether a decision is still a draft, and who may read it. Pure.
 */
import { can, type Actor } from "./policy";

export const DECISION_KINDS = ["beslut", "uppdrag", "rekommendation"] as const;

export const DECISION_STATUSES = ["gäller", "verkställt", "upphävt"] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/**
 * Whether the decision is part of approved minutes. A decision from minutes is "utkast"
 * (a draft) until the minutes are approved, or until its § is approved immediately
 * (omedelbar justering). A decision entered by hand for history is "justerat".
 */
export const DECISION_APPROVALS = ["utkast", "justerat"] as const;
type DecisionApproval = (typeof DECISION_APPROVALS)[number];

/** A body's § numbers run per calendar year: a decision belongs to the year of its decision date. */
export function decisionYear(decidedOn: string): number {
  return Number(decidedOn.slice(0, 4));
}

/**
 * Why a decision's status (gäller, verkställt, upphävt) cannot be set, or null when it can: a
 * draft is not yet a decision anyone may act on. It becomes one when the minutes are approved
 * (or its § is approved immediately); until then it can be neither carried out nor revoked.
 */
export function decisionStatusRefusal(d: { approval: DecisionApproval }): string | null {
  return d.approval === "justerat"
    ? null
    : "Beslutet är ett utkast tills protokollet är justerat. Dess status kan ändras efter justeringen.";
}

/** The facts about a decision that decide who may read it. */
export interface DecisionVisibilityFacts {
  bodyId: number;
  /** The body keeps public records and the item is not confidential. */
  isPublic: boolean;
  approval: DecisionApproval;
}

/** Approved and public: a public record anyone may read. */
export function isPublicDecision(d: Pick<DecisionVisibilityFacts, "isPublic" | "approval">): boolean {
  return d.isPublic && d.approval === "justerat";
}

/**
 * Who may read a decision (its page, its row in the register and its CSV, a search hit, a
 * timeline entry): the body's members and secretary always, drafts included (marked
 * "utkast"); everyone else only an approved public decision.
 */
export function canReadDecision(actor: Actor | null, d: DecisionVisibilityFacts): boolean {
  return can(actor, "read:meeting", { bodyId: d.bodyId, publicRecords: true, published: isPublicDecision(d) });
}

/**
 * The same rule as a scope for a query: everything (the coordinator), or the approved
 * public decisions plus every decision of the bodies the actor sits in.
 */
export type DecisionScope = { everything: true } | { everything: false; bodyIds: number[] };

export function decisionScope(actor: Actor | null): DecisionScope {
  if (actor?.role === "admin") return { everything: true };
  return { everything: false, bodyIds: actor ? [...actor.bodyRoles.keys()] : [] };
}
