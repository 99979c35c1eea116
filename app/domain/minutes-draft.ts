/**
 * The secretary's draft of the minutes, as submitted: which attendance rows are recorded and
 * what is wrong with the draft, at the field that says it (a deputy who serves for nobody,
 * an acting chair or secretary who cannot be one, a justerare who cannot be elected, a §
 * approved immediately before the meeting's day or without a decision text). Pure.
 */
import {
  immediateApprovalProblem,
  signerProblems,
  type AttendanceStatus,
  type Participant,
  type SignerChoice,
} from "./minutes";

/** One person's attendance as recorded in the minutes. */
export interface AttendanceRow {
  personId: number;
  status: AttendanceStatus;
  substituteForPersonId: number | null;
  adjuster: boolean;
}

/** The draft as the form sends it (rows in the order of the form's fields). */
export interface SubmittedDraft {
  actingChairPersonId: number | null;
  secretaryPersonId: number | null;
  attendance: { personId: number; status?: AttendanceStatus; substituteFor: number | null; adjuster: boolean }[];
  items: { id: number; decisionText: string; approvedImmediately: boolean }[];
}

export interface DraftCheck {
  /** The attendance to record: members of the body on the day with a chosen status. */
  attendance: AttendanceRow[];
  /** Swedish messages by the form's field names (`attendance[2].adjuster`); empty when the draft can be saved. */
  fieldErrors: Record<string, string[]>;
}

/**
 * Checks a submitted draft against the body's members on the meeting day (`participants`),
 * the §§ already approved immediately (their text no longer changes, so they are not checked
 * again), the meeting's day and today.
 */
export function checkDraft(
  draft: SubmittedDraft,
  context: {
    participants: readonly Participant[];
    immediatelyApproved: ReadonlySet<number>;
    meetingDate: string;
    today: string;
  },
): DraftCheck {
  const known = new Set(context.participants.map((p) => p.personId));
  const fieldErrors: Record<string, string[]> = {};
  const attendance: AttendanceRow[] = [];
  draft.attendance.forEach((row, index) => {
    // A row without a status records nothing; a person who is not a member on the day is ignored.
    if (!known.has(row.personId) || !row.status) return;
    const serves = row.status === "ersättare tjänstgör";
    if (serves && !row.substituteFor)
      fieldErrors[`attendance[${index}].substituteFor`] = ["Ange vem ersättaren tjänstgör för."];
    attendance.push({
      personId: row.personId,
      status: row.status,
      substituteForPersonId: serves ? row.substituteFor : null,
      adjuster: row.adjuster,
    });
  });

  // Signers as typed: checked against who was present as typed, at the field that names them.
  const typed: Participant[] = context.participants.map((p) => ({
    ...p,
    status: attendance.find((r) => r.personId === p.personId)?.status ?? null,
  }));
  const choice: SignerChoice = {
    actingChairPersonId: draft.actingChairPersonId,
    secretaryPersonId: draft.secretaryPersonId,
    adjusterPersonIds: [],
  };
  // A placeholder justerare, so the chair's and the secretary's problems are read alone.
  const base = signerProblems({ ...choice, adjusterPersonIds: [-1] }, typed);
  // An empty choice is allowed in a draft: the approval asks for it.
  if (draft.actingChairPersonId !== null && base.actingChairPersonId)
    fieldErrors.actingChairPersonId = [base.actingChairPersonId];
  if (draft.secretaryPersonId !== null && base.secretaryPersonId)
    fieldErrors.secretaryPersonId = [base.secretaryPersonId];
  draft.attendance.forEach((row, index) => {
    if (!row.adjuster) return;
    const problem = signerProblems({ ...choice, adjusterPersonIds: [row.personId] }, typed).adjusters;
    if (problem) fieldErrors[`attendance[${index}].adjuster`] = [problem];
  });

  draft.items.forEach((item, index) => {
    if (!item.approvedImmediately || context.immediatelyApproved.has(item.id)) return;
    const problem = immediateApprovalProblem({
      decisionText: item.decisionText,
      meetingDate: context.meetingDate,
      today: context.today,
    });
    if (problem) fieldErrors[`items[${index}].approvedImmediately`] = [problem];
  });
  return { attendance, fieldErrors };
}
