/**
 * Rules for recommendations to the parties (rekommendationsbeslut) and their answers, and for
 * assignments. Pure; `today` is a date in Europe/Stockholm passed in by the caller.
 *
 * A recommendation is drafted, decided (linked to the approved § that decided it), sent to the
 * parties, followed up and closed. A sent recommendation is corrected by a new version with a
 * reason (earlier versions kept) or withdrawn with a reason (answers kept).
 */
import { addDays, daysBetween } from "./calendar-dates";
import { dateInStockholm, formatKronor } from "./format";

// --- Lifecycle ------------------------------------------------------------------------------------

export const RECOMMENDATION_STATUSES = ["utkast", "beslutad", "skickad", "uppföljd", "avslutad", "återkallad"] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export const RECOMMENDATION_STATUS_LABEL: Record<RecommendationStatus, string> = {
  utkast: "Utkast",
  beslutad: "Beslutad, inte skickad",
  skickad: "Skickad till parterna",
  uppföljd: "Uppföljd",
  avslutad: "Avslutad",
  återkallad: "Återkallad",
};

/** What the coordinator can do to a recommendation. */
export const RECOMMENDATION_STEPS = ["edit", "decide", "send", "correct", "withdraw", "followUp", "close"] as const;
export type RecommendationStep = (typeof RECOMMENDATION_STEPS)[number];

/**
 * The lifecycle as a table: from a status, which step leads where. A step that is not in a
 * status's row is not allowed there. Editing stops when the text has gone to the parties;
 * from then on a change is a correction (a new version the parties see, with its reason).
 */
const TRANSITIONS: Record<RecommendationStatus, Partial<Record<RecommendationStep, RecommendationStatus>>> = {
  utkast: { edit: "utkast", decide: "beslutad" },
  beslutad: { edit: "beslutad", decide: "beslutad", send: "skickad", withdraw: "återkallad" },
  skickad: { correct: "skickad", withdraw: "återkallad", followUp: "uppföljd", close: "avslutad" },
  uppföljd: { correct: "uppföljd", withdraw: "återkallad", followUp: "uppföljd", close: "avslutad" },
  avslutad: {},
  återkallad: {},
};

/** The status after `step`, or null when the step is not allowed in `status`. */
export function nextStatus(status: RecommendationStatus, step: RecommendationStep): RecommendationStatus | null {
  return TRANSITIONS[status][step] ?? null;
}

export function allowedSteps(status: RecommendationStatus): RecommendationStep[] {
  return RECOMMENDATION_STEPS.filter((s) => nextStatus(status, s) !== null);
}

/** Why a step is refused, in Swedish, for the page that was asked to do it. */
export function stepRefusal(status: RecommendationStatus, step: RecommendationStep): string | null {
  if (nextStatus(status, step) !== null) return null;
  const is = RECOMMENDATION_STATUS_LABEL[status].toLowerCase();
  switch (step) {
    case "edit":
      return `Rekommendationen är ${is} och kan inte redigeras. Efter utskicket ändras den genom en rättelse.`;
    case "decide":
      return `Rekommendationen är ${is}; beslutet kan bara kopplas innan den skickas.`;
    case "send":
      return status === "utkast"
        ? "Koppla först rekommendationen till den justerade paragraf som beslutade den."
        : `Rekommendationen är ${is} och kan inte skickas.`;
    case "correct":
      return `Rekommendationen är ${is}. Bara en skickad rekommendation rättas; ett utkast redigeras.`;
    default:
      return `Rekommendationen är ${is}; det går inte att göra det nu.`;
  }
}

/** Files that go with a recommendation: the extract of the deciding minutes, and supporting documents. */
export const RECOMMENDATION_FILE_ROLES = ["utdrag", "underlag"] as const;

/** What goes to a party's registrar: the recommendation, a correction, the withdrawal, reminders. */
export const RECOMMENDATION_LETTER_KINDS = [
  "rekommendation",
  "rättelse",
  "återkallelse",
  "påminnelse före",
  "påminnelse efter",
] as const;
export type RecommendationLetterKind = (typeof RECOMMENDATION_LETTER_KINDS)[number];

/** Whether parties see it: drafts and decided-but-unsent texts are the coordinator's alone. */
export function isSent(status: RecommendationStatus): boolean {
  return status === "skickad" || status === "uppföljd" || status === "avslutad" || status === "återkallad";
}

/**
 * The facts the policy's "read:recommendation" needs: parties and the public read it once it
 * is sent (a withdrawn one stays readable, with its reason); a public one is readable by anyone.
 */
export function recommendationResource(rec: { status: RecommendationStatus; isPublic: boolean }) {
  return { published: isSent(rec.status), publicRecords: rec.isPublic };
}

/** A party reports its answer while the recommendation is out; the coordinator may also correct after closing. */
export function acceptsAnswers(status: RecommendationStatus, byCoordinator: boolean): boolean {
  return isAsking(status) || (byCoordinator && status === "avslutad");
}

/** A decision may be linked when its minutes are approved (or it was entered into the register) and it still applies. */
export function linkableDecision(d: { approved: boolean; status: string }): boolean {
  return d.approved && d.status !== "upphävt";
}

// --- Versions ---------------------------------------------------------------------------------------

/** The parts of a recommendation that the parties receive; a change after sending is a new version. */
export interface RecommendationText {
  title: string;
  ask: string;
  summary: string;
  answerDeadline: string;
  costYear: number | null;
}

const TEXT_FIELD_LABEL: Record<keyof RecommendationText, string> = {
  title: "rubrik",
  ask: "vad parterna ska besluta",
  summary: "vad som föreslås och varför",
  answerDeadline: "sista svarsdag",
  costYear: "kostnadsår",
};

export function changedFields(before: RecommendationText, after: RecommendationText): (keyof RecommendationText)[] {
  return (Object.keys(TEXT_FIELD_LABEL) as (keyof RecommendationText)[]).filter((k) => before[k] !== after[k]);
}

/** The number of the next version: one more than the highest kept (versions are never removed). */
export function nextVersionNo(versions: { versionNo: number }[]): number {
  return versions.reduce((max, v) => Math.max(max, v.versionNo), 0) + 1;
}

/**
 * A correction must change something and say why. Field messages in Swedish; an empty result
 * means the correction may be saved.
 */
export function correctionProblems(
  before: RecommendationText,
  after: RecommendationText,
  reason: string,
): Partial<Record<keyof RecommendationText | "reason" | "", string>> {
  const problems: Partial<Record<keyof RecommendationText | "reason" | "", string>> = {};
  if (!reason.trim()) problems.reason = "Skriv varför rekommendationen rättas; alla parter ser skälet.";
  if (changedFields(before, after).length === 0)
    problems[""] = "Inget är ändrat. Ändra texten eller datumet som ska rättas.";
  return problems;
}

/** The version shown to the parties: the newest; earlier ones are kept and listed with their reasons. */
export function currentVersion<V extends { versionNo: number }>(versions: V[]): V | undefined {
  return versions.reduce<V | undefined>((cur, v) => (!cur || v.versionNo > cur.versionNo ? v : cur), undefined);
}

/** The year whose cost the recommendation names: the agreement's first year if it is still ahead, else the year after the deadline. */
export function suggestedCostYear(answerDeadline: string, termStart: string | null): number {
  const deadlineYear = Number(answerDeadline.slice(0, 4));
  if (termStart && Number(termStart.slice(0, 4)) >= deadlineYear) return Number(termStart.slice(0, 4));
  return deadlineYear + 1;
}

// --- Answers ------------------------------------------------------------------------------------------

export const ANSWER_STATUSES = [
  "väntar",
  "behandlas",
  "bordlagd",
  "återremitterad",
  "antagen",
  "antagen med ändringar",
  "avslagen",
] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export const ANSWER_LABEL: Record<AnswerStatus, string> = {
  väntar: "Väntar",
  behandlas: "Behandlas",
  bordlagd: "Bordlagd",
  återremitterad: "Återremitterad",
  antagen: "Antagen",
  "antagen med ändringar": "Antagen med ändringar",
  avslagen: "Avslagen",
};

/** On the party's own agenda but not decided: treated, tabled (bordlagd) or referred back (återremitterad). */
const IN_PROGRESS_STATUSES: readonly AnswerStatus[] = ["behandlas", "bordlagd", "återremitterad"];
const FINAL_STATUSES: readonly AnswerStatus[] = ["antagen", "antagen med ändringar", "avslagen"];

/** Who reported or changed an answer: the party itself, or the coordinator confirming or correcting it. */
export const ANSWER_EVENTS = ["rapporterat", "bekräftat", "rättat"] as const;
export type AnswerEvent = (typeof ANSWER_EVENTS)[number];

export function isAnswered(status: AnswerStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export function isInProgress(status: AnswerStatus): boolean {
  return IN_PROGRESS_STATUSES.includes(status);
}

/**
 * Whether an answer with this status carries an extract of minutes: "väntar" has no decision,
 * so setting an answer back to it takes the earlier extract away too (it is public beside the
 * answer on the recommendation page), and an upload with it is refused.
 */
export function carriesExtract(status: AnswerStatus): boolean {
  return status !== "väntar";
}

/** A party's own deadline when it has one, else the recommendation's. */
export function effectiveDeadline(partyDeadline: string | null | undefined, commonDeadline: string): string {
  return partyDeadline || commonDeadline;
}

/**
 * The statuses in which a sent recommendation asks the parties for an answer today: neither
 * closed nor withdrawn. The queries of "now" (the start page's pending answers, the reminders)
 * filter on these; `asksForAnswers` is the same rule for any day, and a unit test holds them
 * together.
 */
export const ASKING_STATUSES = ["skickad", "uppföljd"] as const satisfies readonly RecommendationStatus[];

export function isAsking(status: RecommendationStatus): boolean {
  return (ASKING_STATUSES as readonly string[]).includes(status);
}

/** The facts of a recommendation that say until when it asks the parties for an answer. */
export interface AskingFacts {
  status: string;
  withdrawnAt: string | null;
  closedAt: string | null;
}

/**
 * The day (in Stockholm) the recommendation stopped asking the parties for an answer, null
 * while it asks: the day it was withdrawn (the withdrawal letter tells every party it need not
 * decide) or closed (the follow-up is over: nobody is chased or late any more). A closed or
 * withdrawn one without its day recorded has never asked, as far as the portal can tell.
 */
export function askingEndedOn(rec: AskingFacts): string | null {
  const ended = rec.withdrawnAt ?? rec.closedAt;
  if (ended) return dateInStockholm(ended);
  return rec.status === "avslutad" || rec.status === "återkallad" ? "0000-01-01" : null;
}

/**
 * Whether the recommendation asks the parties for an answer on `day`: not from the day it was
 * withdrawn or closed (askingEndedOn). No party is then late or "has not answered" it, on any
 * surface; the rules below ask this, so every caller passes the recommendation's facts.
 */
export function asksForAnswers(rec: AskingFacts, day: string): boolean {
  const ended = askingEndedOn(rec);
  return ended === null || ended > day;
}

/**
 * The record of a closed recommendation: a party that had not decided by the day its follow-up
 * was closed did not answer ("Svarade inte"). Not chased and not late, but not forgotten either.
 * A withdrawn recommendation asked nobody to decide, so nobody "did not answer" it.
 */
export function didNotAnswer(status: AnswerStatus, rec: AskingFacts, day: string): boolean {
  return !asksForAnswers(rec, day) && rec.withdrawnAt === null && !isAnswered(status);
}

/**
 * Overdue: asked (neither withdrawn nor closed), no final answer and the deadline day has
 * passed (the deadline day itself is in time).
 */
export function isAnswerOverdue(status: AnswerStatus, deadline: string, today: string, rec: AskingFacts): boolean {
  return asksForAnswers(rec, today) && !isAnswered(status) && today > deadline;
}

/**
 * Has not answered, for the follow-up: nothing heard ("väntar"), or on its own agenda but past
 * the deadline. A party whose council has the matter on its agenda in time is not chased, nor
 * any party once the recommendation is withdrawn or closed.
 */
export function hasNotAnswered(status: AnswerStatus, deadline: string, today: string, rec: AskingFacts): boolean {
  if (!asksForAnswers(rec, today)) return false;
  if (status === "väntar") return true;
  return isInProgress(status) && isAnswerOverdue(status, deadline, today, rec);
}

/**
 * "Antagen med ändringar" is for an agreement a counter-offer, not an approval: it is counted
 * apart and flagged until the coordinator has reviewed (confirmed) it.
 */
export function needsReview(answer: { status: AnswerStatus; confirmedAt: string | null }): boolean {
  return answer.status === "antagen med ändringar" && answer.confirmedAt === null;
}

export interface AnswerSummary {
  asked: number;
  adopted: number;
  /** "Antagen med ändringar": not counted as adopted. */
  adoptedWithChanges: number;
  declined: number;
  inProgress: number;
  waiting: number;
  /** Waiting, or in progress past the deadline, while the recommendation asks. */
  notAnswered: number;
  overdue: number;
  /** Closed without the party's decision (didNotAnswer): the record, not a chase. */
  didNotAnswer: number;
  needsReview: number;
}

export function summarise(
  answers: { status: AnswerStatus; deadline?: string | null; confirmedAt?: string | null }[],
  deadline: string,
  today: string,
  rec: AskingFacts,
): AnswerSummary {
  const due = (a: { deadline?: string | null }) => effectiveDeadline(a.deadline, deadline);
  const count = (p: (a: (typeof answers)[number]) => boolean) => answers.filter(p).length;
  return {
    asked: answers.length,
    adopted: count((a) => a.status === "antagen"),
    adoptedWithChanges: count((a) => a.status === "antagen med ändringar"),
    declined: count((a) => a.status === "avslagen"),
    inProgress: count((a) => isInProgress(a.status)),
    waiting: count((a) => a.status === "väntar"),
    notAnswered: count((a) => hasNotAnswered(a.status, due(a), today, rec)),
    overdue: count((a) => isAnswerOverdue(a.status, due(a), today, rec)),
    didNotAnswer: count((a) => didNotAnswer(a.status, rec, today)),
    needsReview: count((a) => needsReview({ status: a.status, confirmedAt: a.confirmedAt ?? null })),
  };
}

/**
 * The summary as one Swedish sentence for the reading page and the follow-up report. Once the
 * follow-up is closed, the parties without a decision "svarade inte" (those that had it on
 * their agenda among them): what is recorded, not who is chased.
 */
export function summarySentence(s: AnswerSummary): string {
  const parts = [
    `${s.adopted} av ${s.asked} har antagit`,
    ...(s.adoptedWithChanges ? [`${s.adoptedWithChanges} har antagit med ändringar (räknas inte som antagit)`] : []),
    ...(s.declined ? [`${s.declined} har avslagit`] : []),
    ...(s.didNotAnswer
      ? [`${s.didNotAnswer} svarade inte`]
      : [...(s.inProgress ? [`${s.inProgress} behandlar ärendet`] : []), `${s.notAnswered} har inte svarat`]),
  ];
  const last = parts.pop()!;
  return `${parts.join(", ")} och ${last}${s.overdue ? `; ${s.overdue} efter sista svarsdag` : ""}.`;
}

/** The bodies that usually decide, by kind of party; "Annat organ" lets a party name its own. */
const DECIDING_BODIES = {
  kommun: ["Kommunfullmäktige", "Kommunstyrelsen", "Socialnämnden"],
  region: ["Regionfullmäktige", "Regionstyrelsen", "Hälso- och sjukvårdsnämnden"],
} as const;
export const OTHER_DECIDING_BODY = "annat";

export function decidingBodiesFor(kind: string): readonly string[] {
  return kind === "region" ? DECIDING_BODIES.region : DECIDING_BODIES.kommun;
}

/** The choice in the form for a stored body name: one of the list, or "annat" with the name. */
export function decidingBodyChoice(kind: string, stored: string): { choice: string; other: string } {
  if (!stored) return { choice: "", other: "" };
  return decidingBodiesFor(kind).includes(stored)
    ? { choice: stored, other: "" }
    : { choice: OTHER_DECIDING_BODY, other: stored };
}

export interface AnswerValue {
  status: AnswerStatus;
  decisionDate: string | null;
  /** The chosen body, or OTHER_DECIDING_BODY with the name in decidingBodyOther. */
  decidingBody: string;
  decidingBodyOther: string;
  paragraph: number | null;
  registryNumber: string;
  changes: string;
  note: string;
}

export interface ValidAnswer {
  status: AnswerStatus;
  decisionDate: string | null;
  decidingBody: string;
  paragraph: number | null;
  registryNumber: string;
  changes: string;
  note: string;
}

/**
 * The rules of a party's answer beyond the form's shapes. A decision needs its date (not in the
 * future) and the body that decided; a status in progress needs the date of the party's own
 * meeting; "antagen med ändringar" needs the changes described. No date may lie before
 * `recommendedOn`, the day SVOM decided the recommendation: a party cannot decide on it, or put
 * it on its agenda, before it exists. (Not the day it was sent: a coordinator who records an old
 * recommendation sends it in the portal long after the parties decided.) Returns the answer to
 * store, or the Swedish messages per field.
 */
export function checkAnswer(
  value: AnswerValue,
  partyKind: string,
  today: string,
  recommendedOn: string | null = null,
): { ok: true; value: ValidAnswer } | { ok: false; errors: Partial<Record<keyof AnswerValue, string>> } {
  const errors: Partial<Record<keyof AnswerValue, string>> = {};
  const { status, decisionDate } = value;
  const body =
    value.decidingBody === OTHER_DECIDING_BODY
      ? value.decidingBodyOther.trim()
      : decidingBodiesFor(partyKind).includes(value.decidingBody)
        ? value.decidingBody
        : "";
  if (value.decidingBody && value.decidingBody !== OTHER_DECIDING_BODY && !body)
    errors.decidingBody = "Välj ett organ i listan.";
  if (value.decidingBody === OTHER_DECIDING_BODY && !body)
    errors.decidingBodyOther = "Skriv vad organet heter, till exempel Välfärdsnämnden.";
  if (isAnswered(status)) {
    if (!decisionDate) errors.decisionDate = "Ange datum för beslutet.";
    else if (decisionDate > today)
      errors.decisionDate =
        "Beslutsdatumet kan inte ligga i framtiden. Välj ”Behandlas” om ärendet ska upp på ett kommande sammanträde.";
    if (!value.decidingBody)
      errors.decidingBody = "Ange vilket organ som beslutade, till exempel kommunfullmäktige eller socialnämnden.";
    if (status === "antagen med ändringar" && !value.changes.trim())
      errors.changes = "Beskriv ändringarna; samordnaren granskar dem innan svaret räknas.";
  } else if (isInProgress(status)) {
    if (!decisionDate)
      errors.decisionDate =
        status === "behandlas"
          ? "Ange när ärendet är på er egen dagordning."
          : "Ange datum för sammanträdet där ärendet bordlades eller återremitterades.";
  } else if (decisionDate || value.paragraph !== null || value.registryNumber.trim() || value.decidingBody) {
    errors.status = "”Väntar” har inget beslut. Välj den status beslutet har.";
  }
  if (decisionDate && recommendedOn && decisionDate < recommendedOn && !errors.decisionDate && !errors.status)
    errors.decisionDate = `Datumet kan inte ligga före ${recommendedOn}, då rekommendationen beslutades. Kontrollera datumet i protokollet.`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      status,
      decisionDate,
      decidingBody: body,
      paragraph: value.paragraph,
      registryNumber: value.registryNumber.trim(),
      changes: status === "antagen med ändringar" ? value.changes.trim() : "",
      note: value.note.trim(),
    },
  };
}

/**
 * The steps of a party's answer history (oldest first) that still stand as facts of its
 * process, for the matter's timeline: a step the party or the coordinator recorded is replaced
 * by the next one when that restates its stage (the same status: the coordinator's
 * confirmation, or the stage reported again with its date or § put right) or corrects it
 * ("rättat"); and setting the answer back to "väntar" voids every step before it (nothing was
 * decided). A new stage (on the agenda, then adopted; declined, then adopted by a new
 * decision) keeps the earlier one. So the last standing step is the answer as it stands, the
 * one the recommendation page shows. `answerStepStandsSql` in matters.server.ts is the same
 * rule in SQL; tests/integration/answer-history-as-standing.test.ts holds them together.
 */
export function standingAnswerSteps<T extends { event: AnswerEvent; status: AnswerStatus }>(history: T[]): T[] {
  const lastReset = history.map((s) => s.status).lastIndexOf("väntar");
  return history.filter((step, i) => {
    if (i < lastReset) return false;
    const next = history[i + 1];
    return next === undefined || (next.event !== "rättat" && next.status !== step.status);
  });
}

/** "Kommunfullmäktige 2023-03-28 § 48, dnr KS 2023/112": how an answer is cited. */
export function citeAnswer(a: {
  decidingBody: string;
  decisionDate: string | null;
  paragraph: number | null;
  registryNumber: string;
}): string {
  return [
    [a.decidingBody, a.decisionDate, a.paragraph !== null ? `§ ${a.paragraph}` : ""].filter(Boolean).join(" "),
    a.registryNumber ? `dnr ${a.registryNumber}` : "",
  ]
    .filter(Boolean)
    .join(", ");
}

// --- Who is asked, and what each party is asked ---------------------------------------------------

export interface PartyForAsking {
  organisationId: number;
  status: string;
  exitDate: string | null;
}

/** By default every party of the collaboration is asked, except those that have left by `onDate`. */
export function partiesToAsk(parties: PartyForAsking[], onDate: string): number[] {
  return parties
    .filter((p) => p.status !== "utträtt" && p.status !== "inbjuden" && (p.exitDate === null || p.exitDate >= onDate))
    .map((p) => p.organisationId);
}

export interface PartyAsk {
  organisationId: number;
  name: string;
  /** The common text every party is asked to decide. */
  ask: string;
  /** The party's own lines: its cost for the named year, its deadline. */
  lines: { label: string; value: string }[];
  deadline: string;
}

/**
 * What the recommendation asks of one party: the common text plus the party's own lines.
 * `cost` is the party's share for `costYear` from the agreement's cost split (null when the
 * recommendation names no year or the party has no share).
 */
export function partyAsk(
  rec: { ask: string; answerDeadline: string; costYear: number | null },
  party: { organisationId: number; name: string; deadline: string | null },
  cost: number | null,
): PartyAsk {
  const deadline = effectiveDeadline(party.deadline, rec.answerDeadline);
  const lines: PartyAsk["lines"] = [];
  if (rec.costYear !== null && cost !== null)
    lines.push({
      label: `${party.name}s kostnad ${rec.costYear} enligt avtalets kostnadsfördelning`,
      value: formatKronor(cost),
    });
  lines.push({ label: `Sista dag för ${party.name} att meddela sitt beslut`, value: deadline });
  return { organisationId: party.organisationId, name: party.name, ask: rec.ask, lines, deadline };
}

/** Built once: `localeCompare(x, "sv")` builds a collator on every comparison. */
const swedishOrder = new Intl.Collator("sv");

/** The viewer's own party first, then the region, then the municipalities in Swedish order. */
export function ownPartyFirst<T extends { organisationId: number; kind: string; organisation: string }>(
  rows: T[],
  ownOrganisationId: number | null,
): T[] {
  return [...rows].sort(
    (a, b) =>
      (a.organisationId === ownOrganisationId ? 0 : 1) - (b.organisationId === ownOrganisationId ? 0 : 1) ||
      (a.kind === "region" ? 0 : 1) - (b.kind === "region" ? 0 : 1) ||
      swedishOrder.compare(a.organisation, b.organisation),
  );
}

// --- Reminders --------------------------------------------------------------------------------------

/** A reminder goes this many days before the deadline to parties not heard from. */
const REMINDER_DAYS_BEFORE = 14;
/** After the deadline, a reminder is repeated at most this often. */
const REMINDER_REPEAT_DAYS = 14;

export type ReminderKind = "påminnelse före" | "påminnelse efter";

/**
 * Which reminder, if any, is due for a party today, given the letters it has had. Before the
 * deadline: once, in the last REMINDER_DAYS_BEFORE days, to a party still "väntar" (one that
 * has it on its agenda is not chased). After the deadline: to every party without a decision,
 * repeated every REMINDER_REPEAT_DAYS days.
 */
export function reminderDue(
  answer: { status: AnswerStatus; deadline: string },
  letters: { kind: RecommendationLetterKind; sentOn: string }[],
  today: string,
): ReminderKind | null {
  if (isAnswered(answer.status)) return null;
  if (today > answer.deadline) {
    const last = letters
      .filter((s) => s.kind === "påminnelse efter")
      .map((s) => s.sentOn)
      .sort()
      .at(-1);
    return !last || daysBetween(last, today) >= REMINDER_REPEAT_DAYS ? "påminnelse efter" : null;
  }
  if (answer.status !== "väntar") return null;
  if (today < addDays(answer.deadline, -REMINDER_DAYS_BEFORE)) return null;
  return letters.some((s) => s.kind === "påminnelse före") ? null : "påminnelse före";
}

// --- Follow-up ------------------------------------------------------------------------------------

/** What remains for a party in the follow-up report, in words ("" when nothing does). */
export function remainsFor(
  a: { status: AnswerStatus; confirmedAt: string | null; deadline: string },
  today: string,
  rec: AskingFacts,
): string {
  if (needsReview(a)) return "Ändringarna granskas av samordnaren";
  if (!asksForAnswers(rec, today)) return "";
  if (a.status === "väntar")
    return today > a.deadline ? "Har inte svarat, sista svarsdag har passerat" : "Har inte svarat ännu";
  if (isInProgress(a.status))
    return today > a.deadline
      ? `${ANSWER_LABEL[a.status]}; sista svarsdag har passerat`
      : `${ANSWER_LABEL[a.status]}; beslut väntas`;
  return "";
}

// --- Assignments ------------------------------------------------------------------------------------

export const ASSIGNMENT_STATUSES = ["ej påbörjad", "pågår", "klar", "återrapporterad"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** Statuses of work not yet done: an assignment past its due date in one of these is overdue. */
export const OPEN_ASSIGNMENT_STATUSES = ["ej påbörjad", "pågår"] as const satisfies readonly AssignmentStatus[];

export function isAssignmentOverdue(a: { status: AssignmentStatus; dueDate: string | null }, today: string): boolean {
  return a.dueDate !== null && today > a.dueDate && (OPEN_ASSIGNMENT_STATUSES as readonly string[]).includes(a.status);
}
