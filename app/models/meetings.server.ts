/**
 * Meetings, agendas, proposals, notices, attendance and minutes. Every write is one
 * immediate transaction with its audit entry.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, max, sql } from "drizzle-orm";
import {
  agendaItemFiles,
  agendaItems,
  agendaVersions,
  attendance,
  bodies,
  decisions,
  files,
  itemProposals,
  meetings,
  memberships,
  minutes,
  minutesRevisions,
  minutesSignatures,
  people,
  proposalFiles,
  users,
} from "../../db/schema";
import {
  assignParagraphs,
  isFullySigned,
  moveItem,
  positionForNewItem,
  requiredSigners,
  STANDARD_ITEMS,
  type ItemSnapshot,
  type ValidAgendaItem,
  type ValidMeeting,
} from "~/domain/meetings";
import { isCurrentMembership } from "~/domain/membership";
import { db, write, type Db } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import type { stageFiles } from "./files.server";

type Staged = ReturnType<typeof stageFiles>;

const meetingColumns = {
  id: meetings.id,
  date: meetings.date,
  startTime: meetings.startTime,
  endTime: meetings.endTime,
  place: meetings.place,
  videoUrl: meetings.videoUrl,
  status: meetings.status,
  isPublic: meetings.isPublic,
  version: meetings.version,
  calendarSequence: meetings.calendarSequence,
  bodyId: bodies.id,
  bodyName: bodies.name,
  bodyShortName: bodies.shortName,
  publicRecords: bodies.publicRecords,
  proposalDeadlineDays: bodies.proposalDeadlineDays,
};

export function getMeeting(id: number) {
  return db().select(meetingColumns).from(meetings).innerJoin(bodies, eq(meetings.bodyId, bodies.id)).where(eq(meetings.id, id)).get();
}

/** The next meetings (from `today`) of the given bodies. */
export function upcomingMeetings(bodyIds: number[], today: string, limit = 5) {
  if (bodyIds.length === 0) return [];
  return db()
    .select(meetingColumns)
    .from(meetings)
    .innerJoin(bodies, eq(meetings.bodyId, bodies.id))
    .where(and(inArray(meetings.bodyId, bodyIds), gte(meetings.date, today)))
    .orderBy(asc(meetings.date), asc(meetings.startTime))
    .limit(limit)
    .all();
}

export function meetingsOfBody(bodyId: number, today: string) {
  return listMeetings({ bodyIds: [bodyId], today });
}

export function listMeetings({ bodyIds, today }: { bodyIds: number[] | null; today: string }) {
  const scope = bodyIds ? inArray(meetings.bodyId, bodyIds.length ? bodyIds : [-1]) : undefined;
  const upcoming = db()
    .select(meetingColumns)
    .from(meetings)
    .innerJoin(bodies, eq(meetings.bodyId, bodies.id))
    .where(and(scope, gte(meetings.date, today)))
    .orderBy(asc(meetings.date), asc(meetings.startTime))
    .all();
  const past = db()
    .select(meetingColumns)
    .from(meetings)
    .innerJoin(bodies, eq(meetings.bodyId, bodies.id))
    .where(and(scope, lt(meetings.date, today)))
    .orderBy(desc(meetings.date))
    .all();
  return { upcoming, past };
}

/** Meetings whose agenda has been published (a notice exists). */
export function publishedMeetingIds(meetingIds: number[]): Set<number> {
  if (meetingIds.length === 0) return new Set();
  return new Set(
    db()
      .selectDistinct({ id: agendaVersions.meetingId })
      .from(agendaVersions)
      .where(inArray(agendaVersions.meetingId, meetingIds))
      .all()
      .map((r) => r.id),
  );
}

export function createMeeting(userId: string, value: ValidMeeting, isPublic: boolean) {
  return write((tx) => {
    const meeting = tx.insert(meetings).values({ ...value, isPublic }).returning().get();
    STANDARD_ITEMS.forEach((item, index) => {
      tx.insert(agendaItems).values({ meetingId: meeting.id, position: index + 1, title: item.title, kind: item.kind, standard: item.key }).run();
    });
    recordAudit(tx, { userId, action: "create", entityType: "meeting", entityId: meeting.id, after: meeting });
    return meeting;
  });
}

export function updateMeeting(userId: string, id: number, expectedVersion: number, value: Omit<ValidMeeting, "bodyId">) {
  return write((tx) => {
    const before = tx.select().from(meetings).where(eq(meetings.id, id)).get();
    if (!before) throw new Response("Mötet finns inte.", { status: 404 });
    if (before.version !== expectedVersion) return { ok: false as const, conflict: before };
    const row = tx
      .update(meetings)
      .set({ ...value, version: before.version + 1, calendarSequence: before.calendarSequence + 1 })
      .where(eq(meetings.id, id))
      .returning()
      .get();
    recordAudit(tx, { userId, action: "update", entityType: "meeting", entityId: id, before, after: row });
    return { ok: true as const, row };
  });
}

// --- Agenda ---------------------------------------------------------------------------------

export function agendaOf(meetingId: number) {
  const items = db().select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position)).all();
  const links = items.length
    ? db()
        .select({ itemId: agendaItemFiles.agendaItemId, file: files })
        .from(agendaItemFiles)
        .innerJoin(files, eq(agendaItemFiles.fileId, files.id))
        .where(inArray(agendaItemFiles.agendaItemId, items.map((i) => i.id)))
        .all()
    : [];
  const paragraphs = paragraphsOf(meetingId);
  return items.map((item) => ({
    ...item,
    files: links.filter((l) => l.itemId === item.id).map((l) => l.file),
    paragraph: paragraphs.get(item.id) ?? null,
  }));
}

export type AgendaItem = ReturnType<typeof agendaOf>[number];

export function getAgendaItem(id: number) {
  return db().select().from(agendaItems).where(eq(agendaItems.id, id)).get();
}

function bumpMeeting(tx: Db, meetingId: number) {
  tx.update(meetings)
    .set({ version: sql`${meetings.version} + 1`, calendarSequence: sql`${meetings.calendarSequence} + 1` })
    .where(eq(meetings.id, meetingId))
    .run();
}

function insertItem(tx: Db, meetingId: number, value: ValidAgendaItem) {
  const existing = tx.select({ position: agendaItems.position, standard: agendaItems.standard }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).all();
  const { position, shiftFrom } = positionForNewItem(existing);
  if (shiftFrom !== null)
    tx.update(agendaItems)
      .set({ position: sql`${agendaItems.position} + 1` })
      .where(and(eq(agendaItems.meetingId, meetingId), gte(agendaItems.position, shiftFrom)))
      .run();
  return tx.insert(agendaItems).values({ meetingId, position, ...value }).returning().get();
}

export function addAgendaItem(userId: string, meetingId: number, value: ValidAgendaItem, staged: Staged | null) {
  return write((tx) => {
    const item = insertItem(tx, meetingId, value);
    for (const f of staged?.insert(tx, userId) ?? []) tx.insert(agendaItemFiles).values({ agendaItemId: item.id, fileId: f.id }).run();
    bumpMeeting(tx, meetingId);
    recordAudit(tx, { userId, action: "create", entityType: "agenda_item", entityId: item.id, after: item });
    return item;
  });
}

export function updateAgendaItem(userId: string, itemId: number, expectedVersion: number, value: ValidAgendaItem, staged: Staged | null) {
  return write((tx) => {
    const before = tx.select().from(agendaItems).where(eq(agendaItems.id, itemId)).get();
    if (!before) throw new Response("Punkten finns inte.", { status: 404 });
    if (before.version !== expectedVersion) return { ok: false as const, conflict: before };
    const row = tx
      .update(agendaItems)
      .set({ ...value, version: before.version + 1 })
      .where(eq(agendaItems.id, itemId))
      .returning()
      .get();
    for (const f of staged?.insert(tx, userId) ?? []) tx.insert(agendaItemFiles).values({ agendaItemId: itemId, fileId: f.id }).run();
    bumpMeeting(tx, before.meetingId);
    recordAudit(tx, { userId, action: "update", entityType: "agenda_item", entityId: itemId, before, after: row });
    return { ok: true as const, row };
  });
}

export function moveAgendaItem(userId: string, meetingId: number, itemId: number, direction: "up" | "down") {
  write((tx) => {
    const items = tx.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position)).all();
    const before = items.map((i) => i.id);
    const after = moveItem(before, itemId, direction);
    after.forEach((id, index) => tx.update(agendaItems).set({ position: index + 1 }).where(eq(agendaItems.id, id)).run());
    bumpMeeting(tx, meetingId);
    recordAudit(tx, { userId, action: "update", entityType: "agenda_order", entityId: meetingId, before, after });
  });
}

export function removeAgendaItem(userId: string, itemId: number) {
  write((tx) => {
    const before = tx.select().from(agendaItems).where(eq(agendaItems.id, itemId)).get();
    if (!before) return;
    tx.delete(agendaItemFiles).where(eq(agendaItemFiles.agendaItemId, itemId)).run();
    tx.update(itemProposals).set({ agendaItemId: null }).where(eq(itemProposals.agendaItemId, itemId)).run();
    tx.delete(agendaItems).where(eq(agendaItems.id, itemId)).run();
    bumpMeeting(tx, before.meetingId);
    recordAudit(tx, { userId, action: "delete", entityType: "agenda_item", entityId: itemId, before });
  });
}

// --- Notice (published agenda versions) -------------------------------------------------------

export function snapshotOf(items: AgendaItem[]): ItemSnapshot[] {
  return items.map((i) => ({
    id: i.id,
    title: i.title,
    kind: i.kind,
    presenter: i.presenter,
    proposedDecision: i.proposedDecision,
    description: i.description,
    fileNames: i.files.map((f) => f.originalName),
  }));
}

export function agendaVersionsOf(meetingId: number) {
  return db()
    .select({ id: agendaVersions.id, versionNo: agendaVersions.versionNo, content: agendaVersions.content, publishedAt: agendaVersions.publishedAt, publishedBy: users.email })
    .from(agendaVersions)
    .leftJoin(users, eq(agendaVersions.publishedBy, users.id))
    .where(eq(agendaVersions.meetingId, meetingId))
    .orderBy(asc(agendaVersions.versionNo))
    .all()
    .map((v) => ({ ...v, items: JSON.parse(v.content) as ItemSnapshot[] }));
}

/** Publishes the agenda as it is now: version 1 is the notice, later versions are updates. */
export function publishAgenda(userId: string, meetingId: number) {
  return write((tx) => {
    const items = agendaOf(meetingId);
    const last = tx.select({ n: max(agendaVersions.versionNo) }).from(agendaVersions).where(eq(agendaVersions.meetingId, meetingId)).get()?.n ?? 0;
    const version = tx
      .insert(agendaVersions)
      .values({ meetingId, versionNo: last + 1, content: JSON.stringify(snapshotOf(items)), publishedBy: userId })
      .returning()
      .get();
    const before = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (before?.status === "planerat") tx.update(meetings).set({ status: "kallelse skickad" }).where(eq(meetings.id, meetingId)).run();
    tx.update(meetings).set({ calendarSequence: sql`${meetings.calendarSequence} + 1` }).where(eq(meetings.id, meetingId)).run();
    recordAudit(tx, { userId, action: "publish", entityType: "agenda", entityId: meetingId, after: { versionNo: version.versionNo } });
    return version;
  });
}

// --- Proposals --------------------------------------------------------------------------------

export function createProposal(
  userId: string,
  meetingId: number,
  value: { title: string; kind: ValidAgendaItem["kind"]; description: string; proposedDecision: string },
  staged: Staged | null,
) {
  return write((tx) => {
    const row = tx.insert(itemProposals).values({ meetingId, proposedBy: userId, ...value }).returning().get();
    for (const f of staged?.insert(tx, userId) ?? []) tx.insert(proposalFiles).values({ proposalId: row.id, fileId: f.id }).run();
    recordAudit(tx, { userId, action: "create", entityType: "item_proposal", entityId: row.id, after: row });
    return row;
  });
}

export function proposalsOf(meetingId: number) {
  const rows = db()
    .select({ proposal: itemProposals, proposerEmail: users.email, proposerName: people.name })
    .from(itemProposals)
    .innerJoin(users, eq(itemProposals.proposedBy, users.id))
    .leftJoin(people, eq(users.personId, people.id))
    .where(eq(itemProposals.meetingId, meetingId))
    .orderBy(asc(itemProposals.id))
    .all();
  const links = rows.length
    ? db()
        .select({ proposalId: proposalFiles.proposalId, file: files })
        .from(proposalFiles)
        .innerJoin(files, eq(proposalFiles.fileId, files.id))
        .where(inArray(proposalFiles.proposalId, rows.map((r) => r.proposal.id)))
        .all()
    : [];
  return rows.map((r) => ({
    ...r.proposal,
    proposer: r.proposerName ?? r.proposerEmail,
    files: links.filter((l) => l.proposalId === r.proposal.id).map((l) => l.file),
  }));
}

export function getProposal(id: number) {
  return db().select().from(itemProposals).where(eq(itemProposals.id, id)).get();
}

/** Accepts a proposal: it becomes an agenda item (before the closing item) with its documents. */
export function acceptProposal(userId: string, proposalId: number) {
  return write((tx) => {
    const before = tx.select().from(itemProposals).where(eq(itemProposals.id, proposalId)).get();
    if (!before || before.status !== "inkommet") return null;
    const item = insertItem(tx, before.meetingId, {
      title: before.title,
      kind: before.kind,
      presenter: "",
      minutesEstimate: null,
      description: before.description,
      proposedDecision: before.proposedDecision,
      confidential: false,
      confidentialReason: "",
      matterId: null,
    });
    const fileIds = tx.select({ id: proposalFiles.fileId }).from(proposalFiles).where(eq(proposalFiles.proposalId, proposalId)).all();
    for (const f of fileIds) tx.insert(agendaItemFiles).values({ agendaItemId: item.id, fileId: f.id }).run();
    const after = tx
      .update(itemProposals)
      .set({ status: "accepterat", decidedBy: userId, decidedAt: new Date().toISOString(), agendaItemId: item.id })
      .where(eq(itemProposals.id, proposalId))
      .returning()
      .get();
    bumpMeeting(tx, before.meetingId);
    recordAudit(tx, { userId, action: "update", entityType: "item_proposal", entityId: proposalId, before, after });
    return item;
  });
}

export function declineProposal(userId: string, proposalId: number, reason: string) {
  return write((tx) => {
    const before = tx.select().from(itemProposals).where(eq(itemProposals.id, proposalId)).get();
    if (!before || before.status !== "inkommet") return null;
    const after = tx
      .update(itemProposals)
      .set({ status: "avslaget", declineReason: reason, decidedBy: userId, decidedAt: new Date().toISOString() })
      .where(eq(itemProposals.id, proposalId))
      .returning()
      .get();
    recordAudit(tx, { userId, action: "update", entityType: "item_proposal", entityId: proposalId, before, after });
    return after;
  });
}

// --- Attendance and minutes ----------------------------------------------------------------------

/** Members of the body on the meeting day (the people expected at the meeting). */
export function membersOnDate(bodyId: number, date: string) {
  return db()
    .select({ personId: people.id, name: people.name, role: memberships.role, startDate: memberships.startDate, endDate: memberships.endDate })
    .from(memberships)
    .innerJoin(people, eq(memberships.personId, people.id))
    .where(eq(memberships.bodyId, bodyId))
    .all()
    .filter((m) => isCurrentMembership(m, date));
}

export function attendanceOf(meetingId: number) {
  return db()
    .select({ id: attendance.id, personId: attendance.personId, status: attendance.status, substituteForPersonId: attendance.substituteForPersonId, adjuster: attendance.adjuster, name: people.name })
    .from(attendance)
    .innerJoin(people, eq(attendance.personId, people.id))
    .where(eq(attendance.meetingId, meetingId))
    .all();
}

export interface AttendanceRow {
  personId: number;
  status: "närvarande" | "frånvarande" | "ersättare tjänstgör";
  substituteForPersonId: number | null;
  adjuster: boolean;
}

export function minutesOf(meetingId: number) {
  return db().select().from(minutes).where(eq(minutes.meetingId, meetingId)).get();
}

function paragraphsOf(meetingId: number): Map<number, number> {
  const rows = db()
    .select({ itemId: decisions.agendaItemId, paragraph: decisions.paragraph })
    .from(decisions)
    .where(and(eq(decisions.meetingId, meetingId), isNotNull(decisions.agendaItemId)))
    .all();
  return new Map(rows.filter((r) => r.itemId !== null && r.paragraph !== null).map((r) => [r.itemId!, r.paragraph!]));
}

/** Numbers every item not yet numbered (§ per body and year) and creates its decision row. */
function numberItems(tx: Db, userId: string, meetingId: number) {
  const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
  const year = Number(meeting.date.slice(0, 4));
  const items = tx.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position)).all();
  const existing = paragraphsOf(meetingId);
  const last = tx.select({ n: max(decisions.paragraph) }).from(decisions).where(and(eq(decisions.bodyId, meeting.bodyId), eq(decisions.year, year))).get()?.n ?? 0;
  const numbered = assignParagraphs(items.map((i) => i.id), existing, last);
  for (const item of items) {
    if (existing.has(item.id)) continue;
    tx.insert(decisions)
      .values({
        bodyId: meeting.bodyId,
        meetingId,
        agendaItemId: item.id,
        paragraph: numbered.get(item.id)!,
        year,
        decidedOn: meeting.date,
        matterId: item.matterId,
        title: item.title,
        text: item.decisionText,
        kind: item.kind === "rekommendation till parterna" ? "rekommendation" : "beslut",
        isPublic: meeting.isPublic && !item.confidential,
        createdBy: userId,
      })
      .run();
  }
}

/** Starts the minutes: a draft, the meeting marked held, every item numbered. */
export function startMinutes(userId: string, meetingId: number) {
  write((tx) => {
    if (tx.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get()) return;
    tx.insert(minutes).values({ meetingId }).run();
    tx.update(meetings).set({ status: "genomfört" }).where(eq(meetings.id, meetingId)).run();
    numberItems(tx, userId, meetingId);
    recordAudit(tx, { userId, action: "create", entityType: "minutes", entityId: meetingId, after: { status: "utkast" } });
  });
}

export interface MinutesInput {
  attendance: AttendanceRow[];
  items: { id: number; minutesNote: string; decisionText: string }[];
}

/** Saves the draft minutes if nobody saved since `expectedVersion`. */
export function saveMinutes(userId: string, meetingId: number, expectedVersion: number, input: MinutesInput) {
  return write((tx) => {
    const current = tx.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get();
    if (!current) throw new Response("Protokollet är inte påbörjat.", { status: 400 });
    if (current.status === "justerat") return { ok: false as const, locked: true as const };
    if (current.version !== expectedVersion) return { ok: false as const, locked: false as const, conflict: current.version };
    const beforeItems = tx.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).all();
    const beforeAttendance = tx.select().from(attendance).where(eq(attendance.meetingId, meetingId)).all();
    tx.delete(attendance).where(eq(attendance.meetingId, meetingId)).run();
    for (const row of input.attendance) tx.insert(attendance).values({ meetingId, ...row }).run();
    for (const item of input.items) {
      tx.update(agendaItems)
        .set({ minutesNote: item.minutesNote, decisionText: item.decisionText })
        .where(and(eq(agendaItems.id, item.id), eq(agendaItems.meetingId, meetingId)))
        .run();
      tx.update(decisions).set({ text: item.decisionText }).where(and(eq(decisions.agendaItemId, item.id), eq(decisions.meetingId, meetingId))).run();
    }
    numberItems(tx, userId, meetingId);
    tx.update(minutes).set({ version: current.version + 1 }).where(eq(minutes.meetingId, meetingId)).run();
    recordAudit(tx, {
      userId,
      action: "update",
      entityType: "minutes",
      entityId: meetingId,
      before: { attendance: beforeAttendance, items: beforeItems.map((i) => ({ id: i.id, minutesNote: i.minutesNote, decisionText: i.decisionText })) },
      after: input,
    });
    return { ok: true as const };
  });
}

export function signaturesOf(meetingId: number) {
  return db()
    .select({ personId: minutesSignatures.personId, role: minutesSignatures.role, signedAt: minutesSignatures.signedAt, name: people.name })
    .from(minutesSignatures)
    .innerJoin(people, eq(minutesSignatures.personId, people.id))
    .where(eq(minutesSignatures.meetingId, meetingId))
    .orderBy(asc(minutesSignatures.id))
    .all();
}

/** The body's chair on the meeting day (person ids; the first one signs). */
export function chairsOn(bodyId: number, date: string): number[] {
  return membersOnDate(bodyId, date)
    .filter((m) => m.role === "ordförande")
    .map((m) => m.personId);
}

/** Records one signature; when the chair and every adjuster have signed, the minutes are approved and locked. */
export function signMinutes(userId: string, meetingId: number, personId: number, role: "ordförande" | "justerare") {
  return write((tx) => {
    const current = tx.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get();
    if (!current || current.status === "justerat") return { approved: current?.status === "justerat" };
    const already = tx.select().from(minutesSignatures).where(and(eq(minutesSignatures.meetingId, meetingId), eq(minutesSignatures.personId, personId))).get();
    if (!already) tx.insert(minutesSignatures).values({ meetingId, personId, role, signedBy: userId }).run();
    recordAudit(tx, { userId, action: "sign", entityType: "minutes", entityId: meetingId, after: { personId, role } });
    const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
    const adjusters = tx.select().from(attendance).where(and(eq(attendance.meetingId, meetingId), eq(attendance.adjuster, true))).all().map((a) => a.personId);
    const required = requiredSigners(chairsOn(meeting.bodyId, meeting.date), adjusters);
    const signed = tx.select().from(minutesSignatures).where(eq(minutesSignatures.meetingId, meetingId)).all().map((s) => s.personId);
    if (!isFullySigned(required, signed)) return { approved: false };
    const approvedAt = new Date().toISOString();
    tx.update(minutes).set({ status: "justerat", approvedAt, version: current.version + 1 }).where(eq(minutes.meetingId, meetingId)).run();
    tx.update(meetings).set({ status: "protokoll justerat" }).where(eq(meetings.id, meetingId)).run();
    recordAudit(tx, { userId, action: "approve", entityType: "minutes", entityId: meetingId, before: { status: "utkast" }, after: { status: "justerat", approvedAt } });
    return { approved: true };
  });
}

/** A correction of approved minutes: a recorded revision with a reason; nothing is overwritten silently. */
export function correctMinutes(userId: string, meetingId: number, itemId: number, decisionText: string, minutesNote: string, reason: string) {
  return write((tx) => {
    const item = tx.select().from(agendaItems).where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId))).get();
    if (!item) throw new Response("Punkten finns inte.", { status: 404 });
    const before = { decisionText: item.decisionText, minutesNote: item.minutesNote };
    const after = { decisionText, minutesNote };
    tx.update(agendaItems).set(after).where(eq(agendaItems.id, itemId)).run();
    tx.update(decisions).set({ text: decisionText }).where(and(eq(decisions.agendaItemId, itemId), eq(decisions.meetingId, meetingId))).run();
    const revision = tx
      .insert(minutesRevisions)
      .values({ meetingId, agendaItemId: itemId, reason, before: JSON.stringify(before), after: JSON.stringify(after), createdBy: userId })
      .returning()
      .get();
    recordAudit(tx, { userId, action: "correct", entityType: "minutes", entityId: meetingId, before, after: { ...after, reason } });
    return revision;
  });
}

export function revisionsOf(meetingId: number) {
  return db()
    .select({ id: minutesRevisions.id, agendaItemId: minutesRevisions.agendaItemId, reason: minutesRevisions.reason, before: minutesRevisions.before, after: minutesRevisions.after, createdAt: minutesRevisions.createdAt, by: users.email })
    .from(minutesRevisions)
    .innerJoin(users, eq(minutesRevisions.createdBy, users.id))
    .where(eq(minutesRevisions.meetingId, meetingId))
    .orderBy(asc(minutesRevisions.id))
    .all();
}

// --- Files of a meeting ----------------------------------------------------------------------------

/** Where a file is attached within meetings: the meeting and whether the item is confidential. */
export function meetingContextsOfFile(fileId: number) {
  const viaItems = db()
    .select({ meetingId: agendaItems.meetingId, confidential: agendaItems.confidential, proposalBy: sql<string | null>`null` })
    .from(agendaItemFiles)
    .innerJoin(agendaItems, eq(agendaItemFiles.agendaItemId, agendaItems.id))
    .where(eq(agendaItemFiles.fileId, fileId))
    .all();
  const viaProposals = db()
    .select({ meetingId: itemProposals.meetingId, confidential: sql<boolean>`1`, proposalBy: itemProposals.proposedBy })
    .from(proposalFiles)
    .innerJoin(itemProposals, eq(proposalFiles.proposalId, itemProposals.id))
    .where(eq(proposalFiles.fileId, fileId))
    .all();
  return [...viaItems, ...viaProposals];
}
