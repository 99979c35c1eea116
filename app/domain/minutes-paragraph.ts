/**
 * What one § records besides its decision text, as rules: proposals (yrkanden) need a member
 * and a text, which positions are worth a row, what a votering reads like in the minutes,
 * and what bordläggning or återremiss does to the § and to the copy on the next agenda. Pure.
 */
import {
  CARRIED_OVER_TEXT,
  countVotes,
  describeVoteCount,
  isCarriedOver,
  type DECISION_PROCEDURES,
  type ItemOutcome,
  type Vote,
} from "./minutes";

/** The § cannot change once the minutes are approved: a correction is the way. */
export const PARAGRAPH_LOCKED_MESSAGE = "Protokollet är justerat. Gör en rättelse i stället.";

/** A proposal row of the form: both empty is an unused row. */
export interface SubmittedMotion {
  personId: number | null;
  text: string;
}

/** A proposal names who made it and what it says; a row with one of them is incomplete. */
export function motionProblems(motions: readonly SubmittedMotion[]): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  motions.forEach((m, index) => {
    if (m.text && m.personId === null) problems[`motions[${index}].personId`] = ["Välj vem som yrkade."];
    if (!m.text && m.personId !== null) problems[`motions[${index}].text`] = ["Skriv yrkandet."];
  });
  return problems;
}

/** The proposals to record: the complete rows, in the order given. */
export function motionsToRecord(motions: readonly SubmittedMotion[]): { personId: number; text: string }[] {
  return motions.flatMap((m) => (m.personId !== null && m.text ? [{ personId: m.personId, text: m.text }] : []));
}

export interface RecordedPosition {
  personId: number;
  vote: Vote | null;
  /** Jäv: did not take part. */
  disqualified: boolean;
  reservation: boolean;
  /** Kept only with a reservation. */
  reservationReason: string;
  /** Protokollsanteckning. */
  note: string;
}

/** A member's position as the form sends it: a reason typed without a reservation is dropped. */
export function positionOf(p: {
  personId: number;
  vote?: Vote;
  disqualified: boolean;
  reservation: boolean;
  reservationReason: string;
  note: string;
}): RecordedPosition {
  return {
    personId: p.personId,
    vote: p.vote ?? null,
    disqualified: p.disqualified,
    reservation: p.reservation,
    reservationReason: p.reservation ? p.reservationReason : "",
    note: p.note,
  };
}

/** A position says something (a vote, jäv, a reservation or a note); a silent one gets no row. */
export function isWorthRecording(p: RecordedPosition): boolean {
  return p.vote !== null || p.disqualified || p.reservation || p.note !== "";
}

/**
 * How a votering reads in the minutes: the count and each member who voted or had jäv, or
 * null for a decision by acclamation.
 */
export function voteRecordOf(
  procedure: (typeof DECISION_PROCEDURES)[number],
  positions: readonly (Pick<RecordedPosition, "vote" | "disqualified"> & { name: string })[],
): { summary: string; rows: { name: string; vote: string }[] } | null {
  if (procedure !== "votering") return null;
  return {
    summary: describeVoteCount(countVotes(positions)),
    rows: positions
      .filter((p) => p.vote !== null || p.disqualified)
      .map((p) => ({ name: p.name, vote: p.disqualified ? "jäv, deltog inte" : p.vote! })),
  };
}

/**
 * The § text after its outcome is recorded: a carried-over item (bordlagd, återremitterad)
 * says so, unless the secretary wrote a text of their own; otherwise the text stays.
 */
export function decisionTextAfter(outcome: ItemOutcome, text: string): string {
  if (!isCarriedOver(outcome)) return text;
  const carriedTexts: string[] = Object.values(CARRIED_OVER_TEXT);
  return !text.trim() || carriedTexts.includes(text)
    ? CARRIED_OVER_TEXT[outcome as Exclude<ItemOutcome, "beslut">]
    : text;
}

/** The description of the copy on the next meeting's agenda: where it came from, then the original's. */
export function carriedItemDescription(p: {
  outcome: Exclude<ItemOutcome, "beslut">;
  meetingDate: string;
  paragraph: number | null;
  description: string;
}): string {
  const how = p.outcome === "bordlagd" ? "Bordlagd" : "Återremitterad";
  return `${how} ${p.meetingDate}, § ${p.paragraph ?? "?"}.${p.description ? `\n\n${p.description}` : ""}`;
}

/** The success message after a § is saved, saying where a carried-over item went. */
export function paragraphSavedMessage(saved: { carriedTo: { date: string } | null; noNextMeeting: boolean }): string {
  const carried = saved.carriedTo
    ? ` Punkten står på dagordningen för mötet ${saved.carriedTo.date}.`
    : saved.noNextMeeting
      ? " Det finns inget senare möte vars dagordning kan ändras; lägg punkten på nästa mötes dagordning när mötet är skapat."
      : "";
  return `Paragrafen är sparad.${carried}`;
}
