/**
 * Rules for minutes (protokoll): which § is a decision in the register and when a decision
 * leaves the draft. Pure.
 */
import { addDays, nonWorkingDayName } from "./calendar-dates";
import { agendaChangeRefusal, type AgendaItemKind } from "./meetings";
import type { BodyRole } from "./policy";

/**
 * Whether an item's § is a decision in the register.
 * - "formalia" (opening, election of adjusters, approval of the agenda, closing) gets a §
 *   in the minutes but never a register entry;
 * - information, discussion and report-back items are decisions ("lägga informationen till
 *   handlingarna") only when the secretary says so;
 * - decision and recommendation items always are.
 */
export function isRegisterDecision(item: {
  kind: AgendaItemKind;
  recordAsDecision: boolean;
  /** An item carried to a later meeting (bordlagd, återremitterad) is not decided here. */
  outcome?: ItemOutcome;
}): boolean {
  if (item.outcome !== undefined && item.outcome !== "beslut") return false;
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

/**
 * The decision row a § gets when the minutes number it: a recommendation item's decision is
 * a recommendation, every other a beslut; it may be public when the meeting is, unless the
 * item is confidential.
 */
export function decisionOfItem(
  item: { kind: AgendaItemKind; confidential: boolean },
  meeting: { isPublic: boolean },
): { kind: "rekommendation" | "beslut"; isPublic: boolean } {
  return {
    kind: item.kind === "rekommendation till parterna" ? "rekommendation" : "beslut",
    isPublic: meeting.isPublic && !item.confidential,
  };
}

/**
 * The register row's copy of an item while its § is a draft: title, matter, kind, whether it
 * may be public and whether it is a register decision. Written when the minutes number the
 * item and again whenever the item changes before approval, so the register, the minutes and
 * the extract say the same (a confidential item is never a public decision).
 */
export function draftDecisionOf(
  item: {
    title: string;
    matterId: number | null;
    kind: AgendaItemKind;
    confidential: boolean;
    recordAsDecision: boolean;
    outcome?: ItemOutcome;
  },
  meeting: { isPublic: boolean },
): {
  title: string;
  matterId: number | null;
  kind: "rekommendation" | "beslut";
  isPublic: boolean;
  inRegister: boolean;
} {
  return {
    title: item.title,
    matterId: item.matterId,
    ...decisionOfItem(item, meeting),
    inRegister: isRegisterDecision(item),
  };
}

/** Whether one § is approved, and how: at the meeting (omedelbar justering) or with the minutes. */
export interface ParagraphApproval {
  approved: boolean;
  /** Approved at the meeting, before the minutes (its decision row says so). */
  immediately: boolean;
  approvedAt: string | null;
}

/**
 * One §'s approval, as the register has it: a § approved at the meeting is approved from then
 * on, though its minutes are a draft; any other § when the minutes are. The extract asks this,
 * so it never calls a decision the register lists as approved a draft.
 */
export function paragraphApproval(
  minutes: { status: string; approvedAt: string | null } | null | undefined,
  decision: { approvedImmediately: boolean; approvedAt: string | null } | null | undefined,
): ParagraphApproval {
  if (decision?.approvedImmediately) return { approved: true, immediately: true, approvedAt: decision.approvedAt };
  if (minutes?.status === "justerat") return { approved: true, immediately: false, approvedAt: minutes.approvedAt };
  return { approved: false, immediately: false, approvedAt: null };
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

// --- Who signs (justering) ------------------------------------------------------------------

export const SIGNER_ROLES = ["sekreterare", "ordförande", "justerare"] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];

export const ATTENDANCE_STATUSES = ["närvarande", "frånvarande", "ersättare tjänstgör"] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** A member of the body on the meeting day, and whether (and how) they attended. */
export interface Participant {
  personId: number;
  name: string;
  role: BodyRole;
  status: AttendanceStatus | null;
}

/** Present at the meeting: attended in person or served as a deputy. */
export function isPresent(p: Pick<Participant, "status">): boolean {
  return p.status === "närvarande" || p.status === "ersättare tjänstgör";
}

/** Who may take part in the decisions (and so lead the meeting or approve the minutes). */
function takesPart(p: Participant): boolean {
  return isPresent(p) && p.role !== "sekreterare" && p.role !== "adjungerad";
}

/**
 * The chair of the meeting (mötesordförande) when the secretary has not named one: the
 * body's chair if present, otherwise the vice chair if present, otherwise nobody (the
 * meeting elects one and the secretary records who).
 */
export function defaultActingChair(participants: Participant[]): number | null {
  for (const role of ["ordförande", "vice ordförande"] as const) {
    const p = participants.find((x) => x.role === role && isPresent(x));
    if (p) return p.personId;
  }
  return null;
}

/** The body's secretary on the meeting day (the first, if several). */
export function defaultSecretary(participants: Participant[]): number | null {
  return participants.find((p) => p.role === "sekreterare")?.personId ?? null;
}

export interface SignerChoice {
  actingChairPersonId: number | null;
  secretaryPersonId: number | null;
  adjusterPersonIds: number[];
}

/**
 * What is wrong with the recorded signers, per field, in Swedish: the acting chair and the
 * justerare take part in the meeting (present, not the secretary, not co-opted), the
 * justerare are elected from the members present and are not the chair; at least one.
 */
export function signerProblems(
  choice: SignerChoice,
  participants: Participant[],
): Partial<Record<"actingChairPersonId" | "secretaryPersonId" | "adjusters", string>> {
  const problems: Partial<Record<"actingChairPersonId" | "secretaryPersonId" | "adjusters", string>> = {};
  const byId = new Map(participants.map((p) => [p.personId, p]));
  const chair = choice.actingChairPersonId === null ? undefined : byId.get(choice.actingChairPersonId);
  if (!chair) problems.actingChairPersonId = "Ange vem som var mötets ordförande.";
  else if (!takesPart(chair))
    problems.actingChairPersonId = `${chair.name} kan inte vara mötets ordförande: bara en närvarande ledamot kan leda mötet.`;
  const secretary = choice.secretaryPersonId === null ? undefined : byId.get(choice.secretaryPersonId);
  if (!secretary) problems.secretaryPersonId = "Ange protokollets sekreterare.";
  else if (choice.secretaryPersonId === choice.actingChairPersonId)
    problems.secretaryPersonId = "Sekreteraren kan inte också vara mötets ordförande.";
  if (choice.adjusterPersonIds.length === 0) problems.adjusters = "Välj minst en justerare bland de närvarande.";
  for (const id of choice.adjusterPersonIds) {
    const p = byId.get(id);
    if (!p) problems.adjusters = "Justerare väljs bland organets ledamöter.";
    else if (id === choice.secretaryPersonId)
      problems.adjusters = `Sekreteraren (${p.name}) kan inte justera protokollet.`;
    else if (id === choice.actingChairPersonId)
      problems.adjusters = `${p.name} är mötets ordförande och justerar redan; välj en annan justerare.`;
    else if (!isPresent(p)) problems.adjusters = `${p.name} var inte närvarande och kan inte väljas till justerare.`;
    else if (!takesPart(p)) problems.adjusters = `${p.name} deltar inte i besluten och kan inte väljas till justerare.`;
    if (problems.adjusters) break;
  }
  return problems;
}

/** Who signs the minutes, each once: the secretary, the acting chair, then the justerare. */
export function requiredSignersOf(choice: SignerChoice): { personId: number; role: SignerRole }[] {
  const out: { personId: number; role: SignerRole }[] = [];
  const add = (personId: number | null, role: SignerRole) => {
    if (personId !== null && !out.some((s) => s.personId === personId)) out.push({ personId, role });
  };
  add(choice.secretaryPersonId, "sekreterare");
  add(choice.actingChairPersonId, "ordförande");
  for (const id of choice.adjusterPersonIds) add(id, "justerare");
  return out;
}

/** The role in which a person signs, or null when they are not a signer. */
export function signerRoleOf(personId: number | null, choice: SignerChoice): SignerRole | null {
  if (personId === null) return null;
  return requiredSignersOf(choice).find((s) => s.personId === personId)?.role ?? null;
}

/** Every required signer has signed. */
export function allSigned(required: { personId: number }[], signedPersonIds: number[]): boolean {
  return required.length > 0 && required.every((s) => signedPersonIds.includes(s.personId));
}

// --- When the minutes can be approved ----------------------------------------------------------

export const ITEM_OUTCOMES = ["beslut", "bordlagd", "återremitterad"] as const;
export type ItemOutcome = (typeof ITEM_OUTCOMES)[number];

/** The decision text the minutes record for an item carried to a later meeting. */
export const CARRIED_OVER_TEXT: Record<Exclude<ItemOutcome, "beslut">, string> = {
  bordlagd: "Ärendet bordläggs till nästa sammanträde.",
  återremitterad: "Ärendet återremitteras för vidare beredning.",
};

/** Whether the § must carry a decision text before the minutes are approved. */
function needsDecisionText(item: { kind: AgendaItemKind; recordAsDecision: boolean; outcome?: ItemOutcome }): boolean {
  return isRegisterDecision(item);
}

/**
 * Why the minutes cannot be approved yet, or an empty list: not before the meeting's day,
 * not before the secretary has marked the meeting held, not with a decision § without a
 * decision text, not without valid signers.
 */
export function approvalProblems(p: {
  today: string;
  meetingDate: string;
  held: boolean;
  items: {
    paragraph: number | null;
    title: string;
    kind: AgendaItemKind;
    recordAsDecision: boolean;
    outcome?: ItemOutcome;
    decisionText: string;
  }[];
  signers: ReturnType<typeof signerProblems>;
}): string[] {
  const problems: string[] = [];
  if (p.today < p.meetingDate) problems.push(`Protokollet kan inte justeras före mötesdagen ${p.meetingDate}.`);
  else if (!p.held) problems.push("Sekreteraren har inte markerat mötet som genomfört.");
  for (const item of p.items)
    if (needsDecisionText(item) && !item.decisionText.trim())
      problems.push(`§ ${item.paragraph ?? "?"} ${item.title} saknar beslutstext.`);
  const signerMessages = Object.values(p.signers);
  problems.push(...signerMessages);
  return problems;
}

/** The meeting has been held: the secretary marked it so, or its minutes are approved. */
export function isHeld(status: string): boolean {
  return status === "genomfört" || status === "protokoll justerat";
}

/**
 * The signers who have not signed a round yet (the minutes, or a correction), in the order
 * they sign.
 */
export function unsignedOf<S extends { personId: number }>(
  required: readonly S[],
  signed: readonly { personId: number }[],
): S[] {
  return required.filter((s) => !signed.some((x) => x.personId === s.personId));
}

/**
 * Whether a person can sign a round now: the round is open (draft minutes, or a correction
 * waiting), they are one of its signers, the policy lets them sign, and they have not signed it.
 */
export function maySign(p: {
  open: boolean;
  role: SignerRole | null;
  permitted: boolean;
  personId: number | null;
  signed: readonly { personId: number }[];
}): boolean {
  return p.open && p.role !== null && p.permitted && !p.signed.some((s) => s.personId === p.personId);
}

/** Why the secretary cannot mark the meeting held yet, or null. */
export function markHeldProblem(p: { today: string; meetingDate: string }): string | null {
  return p.today < p.meetingDate ? `Mötet kan markeras som genomfört först på mötesdagen ${p.meetingDate}.` : null;
}

// --- Votes (votering) -----------------------------------------------------------------------

export const DECISION_PROCEDURES = ["acklamation", "votering"] as const;
export const VOTES = ["ja", "nej", "avstår"] as const;
export type Vote = (typeof VOTES)[number];

export interface Position {
  personId: number;
  vote: Vote | null;
  /** Jäv: the member did not take part in the item; never counted. */
  disqualified: boolean;
}

export interface VoteCount {
  ja: number;
  nej: number;
  avstår: number;
  /** Members who did not take part because of jäv. */
  disqualified: number;
  result: "bifall" | "avslag" | "lika";
}

/** Counts a votering: ja, nej and avstår among those who took part; jäv is not counted. */
export function countVotes(positions: readonly Pick<Position, "vote" | "disqualified">[]): VoteCount {
  const count = { ja: 0, nej: 0, avstår: 0, disqualified: 0 };
  for (const p of positions) {
    if (p.disqualified) count.disqualified += 1;
    else if (p.vote) count[p.vote] += 1;
  }
  const result = count.ja > count.nej ? "bifall" : count.nej > count.ja ? "avslag" : "lika";
  return { ...count, result };
}

/** How a vote reads in the minutes: "Votering: 5 ja, 2 nej, 1 avstår (1 jävig deltog inte). Bifall." */
export function describeVoteCount(c: VoteCount): string {
  const jav = c.disqualified ? ` (${c.disqualified} jävig${c.disqualified > 1 ? "a" : ""} deltog inte)` : "";
  const result = { bifall: "Förslaget bifölls.", avslag: "Förslaget avslogs.", lika: "Lika röstetal." }[c.result];
  return `Votering: ${c.ja} ja, ${c.nej} nej, ${c.avstår} avstår${jav}. ${result}`;
}

/**
 * What is wrong with the positions recorded for an item, per person: a member who was not
 * present neither votes nor reserves; a member with jäv does not vote or reserve; a vote
 * only in a votering.
 */
export function positionProblems(
  procedure: (typeof DECISION_PROCEDURES)[number],
  positions: (Position & { reservation: boolean })[],
  participants: Participant[],
): string[] {
  const problems: string[] = [];
  for (const pos of positions) {
    const p = participants.find((x) => x.personId === pos.personId);
    const name = p?.name ?? String(pos.personId);
    const acts = pos.vote !== null || pos.reservation || pos.disqualified;
    if (acts && (!p || !takesPart(p))) problems.push(`${name} deltog inte i beslutet.`);
    else if (pos.disqualified && (pos.vote !== null || pos.reservation))
      problems.push(`${name} är jävig och kan inte rösta eller reservera sig.`);
    else if (pos.vote !== null && procedure !== "votering")
      problems.push(`${name} har en röst, men beslutet fattades med acklamation. Välj votering.`);
  }
  if (procedure === "votering" && !positions.some((p) => p.vote !== null && !p.disqualified))
    problems.push("Ange hur de närvarande röstade i voteringen.");
  return problems;
}

// --- Carried over (bordläggning, återremiss) ---------------------------------------------------

/** A meeting of the body, as the choice of where a carried-over item goes needs it. */
export interface CarryOverCandidate {
  id: number;
  date: string;
  startTime: string;
  /** The meeting's minutes, if started: approved minutes lock its agenda (`agendaChangeRefusal`). */
  minutes: { status: string } | null;
}

/**
 * Where an item bordlagd or återremitterad at `from` is carried: the body's first meeting
 * after it (by date, then start time, then id, the order every meeting list uses; a later
 * meeting the same day counts, an earlier one does not) whose agenda can still change. A
 * meeting with approved minutes is skipped: its agenda is locked. Null when there is none,
 * and the secretary is told to add the item when a meeting is created.
 */
export function carryOverTarget<M extends CarryOverCandidate>(
  from: Pick<CarryOverCandidate, "id" | "date" | "startTime">,
  meetings: readonly M[],
): M | null {
  const order = (a: Pick<CarryOverCandidate, "id" | "date" | "startTime">, b: typeof a) =>
    a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime) || a.id - b.id;
  return (
    [...meetings]
      .filter((m) => m.id !== from.id && order(m, from) > 0 && agendaChangeRefusal(m.minutes) === null)
      .sort(order)[0] ?? null
  );
}

export function isCarriedOver(outcome: ItemOutcome): boolean {
  return outcome !== "beslut";
}

// --- Publication (anslag) -------------------------------------------------------------------

/**
 * The last day to appeal (laglighetsprövning): three weeks from the day the approved minutes
 * were posted; a deadline on a Saturday, Sunday or public holiday moves to the next working
 * day (lag om beräkning av lagstadgad tid).
 */
export function lastAppealDay(postedOn: string): string {
  let day = addDays(postedOn, 21);
  while (nonWorkingDayName(day)) day = addDays(day, 1);
  return day;
}

/**
 * What the minutes say about appeal, from the body's own data: the last day to appeal for a
 * body whose decisions can be appealed; otherwise that they cannot, naming the body, and, when
 * the meeting recommended something to the parties, that each party's own decision is the one
 * that takes effect (and is appealed where that party decides).
 */
export function appealStatement(p: {
  appealable: boolean;
  postedOn: string | null;
  bodyName: string;
  recommendsToParties: boolean;
}): string {
  if (!p.appealable)
    return p.recommendsToParties
      ? `Beslut av ${p.bodyName} kan inte överklagas. Rekommendationerna till parterna gäller först när varje part har fattat sitt eget beslut, och det beslutet överklagas hos parten.`
      : `Beslut av ${p.bodyName} kan inte överklagas genom laglighetsprövning.`;
  if (!p.postedOn) return "Sista dag att överklaga räknas från den dag protokollet anslås.";
  return `Sista dag att överklaga: ${lastAppealDay(p.postedOn)}.`;
}
