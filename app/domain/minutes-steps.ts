/**
 * Which steps the state of the minutes allows, with the Swedish reason when it does not. While
 * the minutes are a draft the secretary saves them, records each §, sends them for signing and
 * the signers sign; once approved (justerat) they are the record, and the only steps left are a
 * correction (one waiting at a time) and the anslag (posting). Pure: the caller passes the
 * minutes row, or nothing when the minutes are not started.
 */
import { immediatelyApprovedRefusal, isSigned, MINUTES_LOCKED_MESSAGE } from "./meetings";
import { PARAGRAPH_LOCKED_MESSAGE } from "./minutes-paragraph";

export type MinutesStep = "save" | "record-paragraph" | "send-for-signing" | "sign" | "correct" | "post";

/**
 * Why a step is refused. `state` tells the caller which answer fits: no minutes to act on
 * (400/404), approved minutes that no longer change (409), or a draft that is not yet the record.
 */
export interface MinutesStepRefusal {
  state: "not-started" | "approved" | "draft";
  message: string;
}

const NOT_STARTED = "Protokollet är inte påbörjat.";

/** What each step says when the approved minutes refuse it. */
const APPROVED_REFUSAL: Record<Exclude<MinutesStep, "correct" | "post">, string> = {
  save: MINUTES_LOCKED_MESSAGE,
  "record-paragraph": PARAGRAPH_LOCKED_MESSAGE,
  "send-for-signing": "Protokollet är redan justerat.",
  sign: "Protokollet är redan justerat.",
};

/** What a step of approved minutes says while they are not approved (or not started). */
const DRAFT_REFUSAL: Record<"correct" | "post", string> = {
  correct: "Rättelser görs bara i justerade protokoll; ändra utkastet direkt.",
  post: "Protokollet anslås först när det är justerat.",
};

/** Whether the minutes are in a state that allows `step`: null when they are, else why not. */
export function minutesStepRefusal(
  step: MinutesStep,
  minutes: { status: string } | null | undefined,
): MinutesStepRefusal | null {
  const approved = isSigned(minutes);
  if (step === "correct" || step === "post")
    return approved ? null : { state: minutes ? "draft" : "not-started", message: DRAFT_REFUSAL[step] };
  if (!minutes) return { state: "not-started", message: NOT_STARTED };
  return approved ? { state: "approved", message: APPROVED_REFUSAL[step] } : null;
}

/**
 * Why a correction of the minutes cannot be made now, or null: only approved minutes are
 * corrected, and one correction at a time, so the signers approve each one on its own; the
 * next waits until the pending one is approved.
 */
export function correctionProblem(
  minutes: { status: string } | null | undefined,
  pendingCorrection: object | null | undefined,
): string | null {
  const refused = minutesStepRefusal("correct", minutes);
  if (refused) return refused.message;
  return pendingCorrection ? "En rättelse väntar redan på justering. Den måste justeras innan nästa görs." : null;
}

/**
 * Whether one § can be recorded (proposals, votes, bordläggning): the minutes are a draft and
 * the § was not approved at the meeting (omedelbar justering); an approved § is the record
 * and in the register, as the whole approved minutes are.
 */
export function paragraphStepRefusal(
  minutes: { status: string } | null | undefined,
  decision: { approvedImmediately: boolean } | null | undefined,
): MinutesStepRefusal | null {
  const refused = minutesStepRefusal("record-paragraph", minutes);
  if (refused) return refused;
  const immediate = immediatelyApprovedRefusal(decision);
  return immediate ? { state: "approved", message: immediate } : null;
}
