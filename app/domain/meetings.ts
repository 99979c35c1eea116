/**
 * Rules for meetings, agendas and minutes. Pure: dates are ISO strings, `today` is passed in.
 */
import type { FieldErrors } from "./membership";
import type { Resource } from "./policy";

export const AGENDA_ITEM_KINDS = [
  /** Procedural items (opening, adjusters, agenda, closing): a § but never a register decision. */
  "formalia",
  "information",
  "beslut",
  "diskussion",
  "rekommendation till parterna",
  "återrapportering",
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

// --- Meeting ------------------------------------------------------------------------------

export interface ValidMeeting {
  bodyId: number;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  videoUrl: string;
}

/**
 * What is wrong with a meeting's time and place once each field has its form (the form schema
 * checks dates and TT:MM times): it must end after it starts, and be somewhere (a place, a
 * video link or both).
 */
export function meetingTimeAndPlaceProblems(input: {
  startTime: string;
  endTime: string;
  place: string;
  videoUrl: string;
}): FieldErrors<"endTime" | "place"> {
  const errors: FieldErrors<"endTime" | "place"> = {};
  if (input.endTime <= input.startTime) errors.endTime = "Mötet kan inte sluta innan det börjar.";
  if (!input.place.trim() && !input.videoUrl.trim()) errors.place = "Ange en plats, en videolänk eller båda.";
  return errors;
}

// --- Proposals ----------------------------------------------------------------------------

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last day members may propose items: `days` before the meeting (inclusive). */
export function proposalDeadline(meetingDate: string, days: number): string {
  return addDays(meetingDate, -days);
}

export function canProposeOn(today: string, meetingDate: string, days: number): boolean {
  return today <= proposalDeadline(meetingDate, days);
}

/**
 * Signed minutes (justerat) are the record: the agenda they minute no longer changes, and the
 * meeting's public records are published.
 */
export function isSigned(minutes: { status: string } | null | undefined): boolean {
  return minutes?.status === "justerat";
}

/** How many of the agenda's files the viewer may open: a confidential item's only with `read:confidential`. */
export function openFileCount(
  items: readonly { confidential: boolean; files: readonly unknown[] }[],
  canReadConfidential: boolean,
): number {
  return items.reduce((n, i) => n + (i.confidential && !canReadConfidential ? 0 : i.files.length), 0);
}

/**
 * Why the agenda cannot change (409), or null while it can: approved minutes lock the agenda
 * they minute (items are not added, edited, moved or removed, and no proposal is taken in).
 * Every page that offers such a change asks this, in its loader (to offer it) and its action.
 */
export function agendaChangeRefusal(minutes: { status: string } | null | undefined): string | null {
  return isSigned(minutes) ? "Protokollet är justerat; dagordningen kan inte ändras." : null;
}

/** The sender (avsändare) of a notice: the body's secretary on the day, to whom förhinder is reported. */
export function secretaryName(members: readonly { role: string; name: string }[]): string | null {
  return members.find((m) => m.role === "sekreterare")?.name ?? null;
}

// --- Agenda -------------------------------------------------------------------------------

export const STANDARD_ITEMS = [
  { key: "opening", title: "Mötets öppnande", kind: "formalia" as const },
  { key: "adjusters", title: "Val av justerare", kind: "formalia" as const },
  { key: "agenda", title: "Godkännande av dagordningen", kind: "formalia" as const },
  { key: "closing", title: "Mötets avslutande", kind: "formalia" as const },
];

export interface ValidAgendaItem {
  title: string;
  kind: AgendaItemKind;
  presenter: string;
  minutesEstimate: number | null;
  description: string;
  proposedDecision: string;
  confidential: boolean;
  confidentialReason: string;
  matterId: number | null;
}

/**
 * Why an item cannot be removed from the agenda, or null: the body's standard items (opening,
 * justerare, the agenda, closing) belong to every meeting; the secretary edits or moves them.
 */
export function itemRemovalRefusal(
  item: { standard: string | null },
  decision?: { paragraph: number | null } | null,
): string | null {
  if (item.standard) return "Standardpunkterna kan inte tas bort.";
  // The minutes have given it a § (and the register a row): a removed § would leave a gap.
  if (decision)
    return `Punkten har § ${decision.paragraph ?? "?"} i protokollet och kan inte tas bort. Skriv i paragrafen att punkten utgick.`;
  return null;
}

/** What a § approved at the meeting (omedelbar justering) answers every change: it is the record. */
export const IMMEDIATELY_APPROVED_MESSAGE =
  "Paragrafen justerades omedelbart och kan inte ändras. Den rättas först när protokollet är justerat.";

/**
 * Why an item cannot be edited although the agenda can change, or null: its § was approved
 * at the meeting, so its title, kind and confidentiality are in the register as approved.
 */
export function immediatelyApprovedRefusal(
  decision: { approvedImmediately: boolean } | null | undefined,
): string | null {
  return decision?.approvedImmediately ? IMMEDIATELY_APPROVED_MESSAGE : null;
}

/** Position for a new item: before the closing item, if there is one. */
export function positionForNewItem(items: { position: number; standard: string | null }[]): {
  position: number;
  shiftFrom: number | null;
} {
  const closing = items.find((i) => i.standard === "closing");
  if (closing) return { position: closing.position, shiftFrom: closing.position };
  const max = items.reduce((m, i) => Math.max(m, i.position), 0);
  return { position: max + 1, shiftFrom: null };
}

/** New order after moving one item up or down; returns ids in order. */
export function moveItem(orderedIds: number[], id: number, direction: "up" | "down"): number[] {
  const i = orderedIds.indexOf(id);
  if (i < 0) return orderedIds;
  const j = direction === "up" ? i - 1 : i + 1;
  if (j < 0 || j >= orderedIds.length) return orderedIds;
  const next = [...orderedIds];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

/** What a published agenda records of each item. */
export interface ItemSnapshot {
  id: number;
  title: string;
  kind: string;
  presenter: string;
  proposedDecision: string;
  description: string;
  fileNames: string[];
  /**
   * Confidentiality and time as published. Absent in versions published before they were
   * recorded (then the item's current values stand). A confidential item made open in a draft
   * stays closed until that change is published: its texts were withheld in the notice.
   */
  confidential?: boolean;
  confidentialReason?: string;
  minutesEstimate?: number | null;
}

export type AgendaChange =
  | { type: "added"; title: string }
  | { type: "removed"; title: string }
  | { type: "changed"; title: string; fields: string[] }
  | { type: "moved"; title: string; from: number; to: number };

const FIELD_LABELS: Record<string, string> = {
  title: "rubrik",
  kind: "typ",
  presenter: "föredragande",
  proposedDecision: "förslag till beslut",
  description: "beskrivning",
  fileNames: "handlingar",
  confidential: "sekretess",
  minutesEstimate: "beräknad tid",
};

/** Changes since the notice: items added, removed, changed (which fields) or moved. */
export function agendaChanges(published: ItemSnapshot[], current: ItemSnapshot[]): AgendaChange[] {
  const changes: AgendaChange[] = [];
  const before = new Map(published.map((item, index) => [item.id, { item, index }]));
  const after = new Map(current.map((item, index) => [item.id, { item, index }]));
  for (const [id, { item }] of before) if (!after.has(id)) changes.push({ type: "removed", title: item.title });
  // Positions are compared among the items present in both versions, so one insertion
  // does not mark every later item as moved.
  const keptBefore = published.filter((i) => after.has(i.id)).map((i) => i.id);
  const keptAfter = current.filter((i) => before.has(i.id)).map((i) => i.id);
  for (const [id, { item }] of after) {
    const old = before.get(id);
    if (!old) {
      changes.push({ type: "added", title: item.title });
      continue;
    }
    // A field a version published before it was recorded does not hold is no change.
    const fields = (Object.keys(FIELD_LABELS) as (keyof ItemSnapshot)[]).filter(
      (f) => old.item[f] !== undefined && JSON.stringify(old.item[f]) !== JSON.stringify(item[f]),
    );
    if (fields.length) changes.push({ type: "changed", title: item.title, fields: fields.map((f) => FIELD_LABELS[f]) });
    const from = keptBefore.indexOf(id);
    const to = keptAfter.indexOf(id);
    if (from !== to) changes.push({ type: "moved", title: item.title, from: from + 1, to: to + 1 });
  }
  return changes;
}

export function describeChange(change: AgendaChange): string {
  switch (change.type) {
    case "added":
      return `Ny punkt: ${change.title}`;
    case "removed":
      return `Struken punkt: ${change.title}`;
    case "changed":
      return `Ändrad punkt: ${change.title} (${change.fields.join(", ")})`;
    case "moved":
      return `Flyttad punkt: ${change.title} (från plats ${change.from} till ${change.to})`;
  }
}

// --- Notice versions ----------------------------------------------------------------------

/** When and where a published notice said the meeting is. */
export interface MeetingSnapshot {
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  videoUrl: string;
}

/** What one published version of the notice (kallelse) said. */
export interface NoticeSnapshot {
  /** Null for versions published before the time and place were recorded with the agenda. */
  meeting: MeetingSnapshot | null;
  items: ItemSnapshot[];
}

/** A stored version's content: the agenda alone (the first format) or the time, place and agenda. */
export function parseNoticeContent(content: string): NoticeSnapshot {
  const parsed = JSON.parse(content) as ItemSnapshot[] | NoticeSnapshot;
  return Array.isArray(parsed) ? { meeting: null, items: parsed } : parsed;
}

export type NoticeChange =
  | AgendaChange
  | { type: "time"; from: string; to: string }
  | { type: "place"; from: string; to: string }
  | { type: "video"; from: string; to: string };

function timeOf(m: MeetingSnapshot) {
  return `${m.date} ${m.startTime}–${m.endTime}`;
}

/** What changed from one version of the notice to another: the time, the place, the video link and the items. */
export function noticeChanges(before: NoticeSnapshot, after: NoticeSnapshot): NoticeChange[] {
  const changes: NoticeChange[] = [];
  if (before.meeting && after.meeting) {
    const [from, to] = [timeOf(before.meeting), timeOf(after.meeting)];
    if (from !== to) changes.push({ type: "time", from, to });
    if (before.meeting.place.trim() !== after.meeting.place.trim())
      changes.push({ type: "place", from: before.meeting.place.trim(), to: after.meeting.place.trim() });
    if (before.meeting.videoUrl.trim() !== after.meeting.videoUrl.trim())
      changes.push({ type: "video", from: before.meeting.videoUrl.trim(), to: after.meeting.videoUrl.trim() });
  }
  return [...changes, ...agendaChanges(before.items, after.items)];
}

export function describeNoticeChange(change: NoticeChange): string {
  switch (change.type) {
    case "time":
      return `Ny tid: ${change.to} (var ${change.from})`;
    case "place":
      return change.to
        ? `Ny plats: ${change.to} (var ${change.from || "ingen plats"})`
        : `Platsen är struken (var ${change.from})`;
    case "video":
      return change.to ? `Ny videolänk: ${change.to}` : "Videolänken är struken";
    default:
      return describeChange(change);
  }
}

/** Each later version of the notice with what it changed from the version before it. */
export function noticeHistory<V extends { versionNo: number; publishedAt: string; snapshot: NoticeSnapshot }>(
  versions: V[],
): { versionNo: number; publishedAt: string; changes: string[] }[] {
  const ordered = [...versions].sort((a, b) => a.versionNo - b.versionNo);
  return ordered.slice(1).map((v, i) => ({
    versionNo: v.versionNo,
    publishedAt: v.publishedAt,
    changes: noticeChanges(ordered[i].snapshot, v.snapshot).map(describeNoticeChange),
  }));
}

/**
 * The agenda as the published notice has it, for those who see only what is published: the
 * published items in the published order with the published texts; an item added since is
 * left out, and of each item's documents only those the notice listed.
 */
export function asPublished<
  T extends {
    id: number;
    title: string;
    kind: string;
    presenter: string;
    proposedDecision: string;
    description: string;
    files: { originalName: string }[];
    confidential: boolean;
    confidentialReason: string;
    minutesEstimate: number | null;
  },
>(current: T[], published: ItemSnapshot[]): T[] {
  const byId = new Map(current.map((i) => [i.id, i]));
  return published.flatMap((p) => {
    const item = byId.get(p.id);
    if (!item) return [];
    return [
      {
        ...item,
        title: p.title,
        kind: p.kind as T["kind"],
        presenter: p.presenter,
        proposedDecision: p.proposedDecision,
        description: p.description,
        files: item.files.filter((f) => p.fileNames.includes(f.originalName)),
        ...confidentialityAsPublished(item, p),
        minutesEstimate: p.minutesEstimate === undefined ? item.minutesEstimate : p.minutesEstimate,
      },
    ];
  });
}

/**
 * An item's confidentiality as shown with its published texts: closed if the published version
 * or the item as it stands is confidential. Opening an item is a change the secretary publishes
 * (its texts were withheld when the notice went out); closing one takes effect at once.
 */
export function confidentialityAsPublished(
  item: { confidential: boolean; confidentialReason?: string },
  published: Pick<ItemSnapshot, "confidential" | "confidentialReason">,
): { confidential: boolean; confidentialReason: string } {
  const reason = item.confidentialReason ?? "";
  if (item.confidential || !published.confidential)
    return { confidential: item.confidential, confidentialReason: reason };
  return { confidential: true, confidentialReason: published.confidentialReason ?? reason };
}

// --- Minutes ------------------------------------------------------------------------------

/**
 * § numbers for items without one, continuing the body's series for the year
 * (decisions are numbered § 1, § 2, … per body and calendar year).
 */
export function assignParagraphs(
  itemIdsInOrder: number[],
  alreadyNumbered: Map<number, number>,
  lastUsedThisYear: number,
): Map<number, number> {
  const result = new Map(alreadyNumbered);
  let next = lastUsedThisYear;
  for (const id of itemIdsInOrder) {
    if (result.has(id)) continue;
    next += 1;
    result.set(id, next);
  }
  return result;
}

/**
 * What the secretary's page showed of the notice to publish: the meeting's `version` (its lock,
 * raised by every change of the meeting or its agenda through the app) and `notice`, the
 * fingerprint of the notice as it would be published (`noticeFingerprint`). The fingerprint
 * is the check that sees every change to what goes out, whatever wrote it: the notice is a
 * snapshot compared as such (`noticeChanges`), and not every write that changes it is an
 * agenda write that raises the version (the redaction of personal identity numbers rewrites
 * titles, document names and places in place, in every table).
 */
export interface NoticeShown {
  version: number;
  notice: string;
}

/**
 * Why the secretary's press of "Publicera" must not publish, or null. `shown`: the notice as
 * the page the secretary published from showed it; changed since (`now`), what would go out
 * to everyone is not what they reviewed (a colleague's move or new item, a redacted title).
 * `unpublished`: how many changes the meeting has since the last published notice (null: none
 * published yet); none, and a second press or a forged post would send everyone the same
 * notice again.
 */
export function publishRefusal(
  shown: NoticeShown | undefined,
  now: NoticeShown,
  unpublished: number | null,
): string | null {
  if (shown !== undefined && (shown.version !== now.version || shown.notice !== now.notice))
    return "Mötet eller dagordningen har ändrats sedan sidan visades. Se över ändringarna och publicera igen.";
  if (unpublished === 0) return "Kallelsen är redan publicerad: inget har ändrats sedan den senaste versionen.";
  return null;
}

/**
 * Whether telling a notice of a meeting is news to anyone: its day as now told, or a day an
 * earlier notice told (a move), is today or later. A meeting held before today (published for
 * the record afterwards, or never marked held) is told to nobody: a summons with förhinder
 * links and a calendar event for a day gone by is news of nothing. A move from a coming day
 * into the past is still told: calendars hold the coming day.
 */
export function noticeIsNews(days: readonly string[], today: string): boolean {
  return days.some((day) => day >= today);
}

/** How far a meeting's record has come, for what its date may still do. */
export type RecordStage = "inget" | "påbörjat" | "justerat";

/**
 * Why a meeting cannot move from `currentDate` to `newDate`, or null. Before the minutes it
 * moves freely. Once they are begun its items are numbered in the body's § series of the
 * meeting's year and its decisions dated by it: it moves within that year only (the decisions
 * follow). Once the minutes or any § are approved (justerat) the date is part of the signed
 * record and does not change at all (a correction of the minutes is the way).
 */
export function meetingMoveRefusal(currentDate: string, newDate: string, stage: RecordStage): string | null {
  if (newDate === currentDate || stage === "inget") return null;
  if (stage === "justerat")
    return `Protokollet eller en paragraf är justerad med datumet ${currentDate}. Mötets datum kan inte längre ändras.`;
  const year = currentDate.slice(0, 4);
  if (newDate.slice(0, 4) === year) return null;
  return (
    `Protokollet är påbörjat och paragraferna är numrerade i ${year} års serie. ` +
    `Mötet kan bara flyttas till ett annat datum under ${year}.`
  );
}

/** Who must sign: the chair and every adjuster (justerare), each person once. */
export function requiredSigners(chairPersonIds: number[], adjusterPersonIds: number[]): number[] {
  return [...new Set([...chairPersonIds.slice(0, 1), ...adjusterPersonIds])];
}

export function signatureRole(
  personId: number | null,
  chairPersonIds: number[],
  adjusterPersonIds: number[],
): "ordförande" | "justerare" | null {
  if (personId === null) return null;
  if (chairPersonIds.slice(0, 1).includes(personId)) return "ordförande";
  if (adjusterPersonIds.includes(personId)) return "justerare";
  return null;
}

export function isFullySigned(required: number[], signed: number[]): boolean {
  return required.length > 0 && required.every((p) => signed.includes(p));
}

export const MINUTES_LOCKED_MESSAGE =
  "Protokollet är justerat och kan inte ändras. Gör en rättelse med ett skäl i stället; den sparas som en ny version.";

/**
 * The policy's facts about a meeting, for read:meeting and every action on it: its body, whether
 * the body keeps public records, whether its notice or minutes are published, its day as the
 * viewer was told it (`meetingToldTo`), which decides who is called to it, and its id (whose
 * open minutes the viewer signs).
 */
export function meetingResource(
  meeting: { id: number; bodyId: number; publicRecords: boolean; date: string },
  published: boolean,
): Resource {
  return {
    bodyId: meeting.bodyId,
    publicRecords: meeting.publicRecords,
    published,
    meetingDate: meeting.date,
    meetingId: meeting.id,
  };
}
