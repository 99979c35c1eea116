/**
 * The notice of meeting (kallelse): frozen, published versions of the agenda. Version 1 is
 * the notice; later versions publish changes. Every write is one immediate transaction with
 * its audit entry.
 */
import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { agendaVersions, meetings, minutes, people, users } from "../../db/schema";
import {
  asPublished,
  describeNoticeChange,
  noticeChanges,
  noticeHistory,
  parseNoticeContent,
  publishRefusal,
  type ItemSnapshot,
  type MeetingSnapshot,
  type NoticeShown,
  type NoticeSnapshot,
} from "~/domain/meetings";
import { sequenceShown } from "~/domain/calendar-sequence";
import { can, type Actor } from "~/domain/policy";
import { db, preparedQuery, write } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { raiseToldSequence } from "./calendar.server";
import { agendaOf, type AgendaItem } from "./meeting-agenda.server";
import { queueNoticeMail } from "./meeting-mail.server";

export function snapshotOf(items: AgendaItem[]): ItemSnapshot[] {
  return items.map((i) => ({
    id: i.id,
    title: i.title,
    kind: i.kind,
    presenter: i.presenter,
    proposedDecision: i.proposedDecision,
    description: i.description,
    fileNames: i.files.map((f) => f.originalName),
    confidential: i.confidential,
    confidentialReason: i.confidentialReason,
    minutesEstimate: i.minutesEstimate,
  }));
}

/** The notice as it would be published now: the meeting's time and place, and its agenda. */
function noticeSnapshotOf(meeting: MeetingSnapshot, items: AgendaItem[]): NoticeSnapshot {
  const { date, startTime, endTime, place, videoUrl } = meeting;
  return { meeting: { date, startTime, endTime, place, videoUrl }, items: snapshotOf(items) };
}

/**
 * The fingerprint of a notice as it would be published (the publish form carries it, see
 * `NoticeShown`): the snapshot itself is what is published and compared, so its hash changes
 * with every change to what goes out, by whatever path, and with nothing else.
 */
function noticeFingerprint(snapshot: NoticeSnapshot): string {
  return createHash("sha256").update(JSON.stringify(snapshot)).digest("base64url");
}

const versionsOfMeeting = preparedQuery((d) =>
  d
    .select({
      id: agendaVersions.id,
      versionNo: agendaVersions.versionNo,
      content: agendaVersions.content,
      publishedAt: agendaVersions.publishedAt,
      // Histories name people, not their sign-in addresses (issue 15).
      publishedBy: sql<string | null>`coalesce(${people.name}, ${users.email})`,
    })
    .from(agendaVersions)
    .leftJoin(users, eq(agendaVersions.publishedBy, users.id))
    .leftJoin(people, eq(users.personId, people.id))
    .where(eq(agendaVersions.meetingId, sql.placeholder("meetingId")))
    .orderBy(asc(agendaVersions.versionNo))
    .prepare(),
);

export function agendaVersionsOf(meetingId: number) {
  return versionsOfMeeting()
    .all({ meetingId })
    .map((v) => {
      const snapshot = parseNoticeContent(v.content);
      return { ...v, snapshot, items: snapshot.items };
    });
}

/** One meeting's page asks whether it is published: one prepared statement. */
const publishedMeeting = preparedQuery((d) =>
  d
    .select({ published: sql<number>`1` })
    .from(meetings)
    .where(
      and(
        eq(meetings.id, sql.placeholder("meetingId")),
        sql`(exists (select 1 from ${agendaVersions} where ${agendaVersions.meetingId} = ${meetings.id})
          or exists (select 1 from ${minutes} where ${minutes.meetingId} = ${meetings.id} and ${minutes.status} = 'justerat'))`,
      ),
    )
    .prepare(),
);

/**
 * Meetings that are published: their agenda has been published (a notice exists) or their
 * minutes are approved. A public-records body's published meetings are public, historic ones
 * included (their notices were never in the portal).
 */
export function publishedMeetingIds(meetingIds: number[]): Set<number> {
  if (meetingIds.length === 0) return new Set();
  if (meetingIds.length === 1) {
    const [meetingId] = meetingIds;
    return publishedMeeting().get({ meetingId }) ? new Set([meetingId]) : new Set();
  }
  const noticed = db()
    .selectDistinct({ id: agendaVersions.meetingId })
    .from(agendaVersions)
    .where(inArray(agendaVersions.meetingId, meetingIds))
    .all();
  const approved = db()
    .select({ id: minutes.meetingId })
    .from(minutes)
    .where(and(inArray(minutes.meetingId, meetingIds), eq(minutes.status, "justerat")))
    .all();
  return new Set([...noticed, ...approved].map((r) => r.id));
}

/**
 * Publishes the agenda as it is now: version 1 is the notice, later versions are updates.
 * `shown`: the meeting's version and the notice's fingerprint on the page the secretary
 * published from. Refused, writing and sending nothing, when the meeting or the notice changed
 * since (`publishRefusal`) or nothing changed since the last published version (a second
 * press, a forged post).
 */
export function publishNotice(
  userId: string,
  meetingId: number,
  shown?: NoticeShown,
): { ok: true; version: typeof agendaVersions.$inferSelect } | { ok: false; refusal: string } {
  return write((tx) => {
    const items = agendaOf(meetingId);
    const before = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!before) throw new Response("Mötet finns inte.", { status: 404 });
    const snapshot = noticeSnapshotOf(before, items);
    const latest = tx
      .select({ versionNo: agendaVersions.versionNo, content: agendaVersions.content })
      .from(agendaVersions)
      .where(eq(agendaVersions.meetingId, meetingId))
      .orderBy(desc(agendaVersions.versionNo))
      .limit(1)
      .get();
    const unpublished = latest ? noticeChanges(parseNoticeContent(latest.content), snapshot).length : null;
    const now = { version: before.version, notice: noticeFingerprint(snapshot) };
    const refusal = publishRefusal(shown, now, unpublished);
    if (refusal) return { ok: false as const, refusal };
    const version = tx
      .insert(agendaVersions)
      .values({
        meetingId,
        versionNo: (latest?.versionNo ?? 0) + 1,
        content: JSON.stringify(snapshot),
        publishedBy: userId,
      })
      .returning()
      .get();
    if (before.status === "planerat")
      tx.update(meetings).set({ status: "kallelse skickad" }).where(eq(meetings.id, meetingId)).run();
    // Told to everyone called: the notice's .ics and every feed go above all shown before.
    raiseToldSequence(tx, meetingId);
    recordAudit(tx, {
      userId,
      action: "publish",
      entityType: "agenda",
      entityId: meetingId,
      after: { versionNo: version.versionNo },
    });
    queueNoticeMail(tx, meetingId, version.versionNo);
    return { ok: true as const, version };
  });
}

/**
 * The notice as a viewer sees it. The secretary sees the meeting as it is now and, apart,
 * what is not yet published; everyone else sees the last published version (time, place and
 * agenda) until minutes are begun, and the history of published changes.
 */
export function noticeViewFor<M extends MeetingSnapshot & { id: number }>(
  meeting: M,
  items: AgendaItem[],
  { canManage, minutesBegun }: { canManage: boolean; minutesBegun: boolean },
) {
  const versions = agendaVersionsOf(meeting.id);
  const latest = versions.at(-1) ?? null;
  const publishedOnly = !canManage && !minutesBegun && latest !== null;
  return {
    notice: versions[0] ? { versionNo: 1, publishedAt: versions[0].publishedAt } : null,
    latest: latest ? { versionNo: latest.versionNo, publishedAt: latest.publishedAt } : null,
    meeting: publishedOnly && latest.snapshot.meeting ? { ...meeting, ...latest.snapshot.meeting } : meeting,
    items: publishedOnly ? asPublished(items, latest.snapshot.items) : items,
    history: noticeHistory(versions),
    /** The notice as it would be published now, as the publish form carries it (the secretary's only). */
    noticeShown: canManage ? noticeFingerprint(noticeSnapshotOf(meeting, items)) : null,
    /** Changes not yet published (null when no notice is published, or for anyone but the secretary). */
    unpublished:
      canManage && latest
        ? noticeChanges(latest.snapshot, noticeSnapshotOf(meeting, items)).map(describeNoticeChange)
        : null,
  };
}

/** A meeting's counters: the agenda's lock (`version`) and the calendar's SEQUENCE. */
interface MeetingCounters {
  version: number;
  calendarSequence: number;
}

/**
 * Meetings as their members were told (issue 10, items 3 and 7): for everyone but the
 * body's secretary, a meeting with a published notice and no minutes begun shows the date,
 * times, place and video link of the last published version, never a change not yet
 * published, and counters (`version`, `calendarSequence`) that only what was told moves. The one rule every surface that lists meetings passes its rows through (lists,
 * the start page, calendar files and feeds); the meeting's own pages use `noticeViewFor`,
 * which applies the same rule. One query for all rows.
 */
export function asNoticedBy<R extends { id: number; bodyId: number } & Partial<MeetingSnapshot & MeetingCounters>>(
  actor: Actor | null,
  rows: R[],
): R[] {
  const ids = rows.filter((r) => !can(actor, "manage:meeting", { bodyId: r.bodyId })).map((r) => r.id);
  if (ids.length === 0) return rows;
  const latest = db()
    .select({
      meetingId: agendaVersions.meetingId,
      versionNo: agendaVersions.versionNo,
      content: agendaVersions.content,
      toldSequence: meetings.toldSequence,
    })
    .from(agendaVersions)
    .innerJoin(meetings, eq(meetings.id, agendaVersions.meetingId))
    .where(
      and(
        inArray(agendaVersions.meetingId, ids),
        sql`${agendaVersions.versionNo} = (select max(v.version_no) from ${agendaVersions} v where v.meeting_id = ${agendaVersions.meetingId})`,
        sql`not exists (select 1 from ${minutes} where ${minutes.meetingId} = ${agendaVersions.meetingId})`,
      ),
    )
    .all();
  const published = new Map(latest.map((v) => [v.meetingId, v]));
  return rows.map((r) => {
    const notice = published.get(r.id);
    if (!notice) return r;
    const told = parseNoticeContent(notice.content).meeting;
    const overlay: Partial<MeetingSnapshot & MeetingCounters> = {};
    if (told)
      for (const key of ["date", "startTime", "endTime", "place", "videoUrl"] as const)
        if (key in r) overlay[key] = told[key];
    // The counters that every change raises would tell that a change is waiting: the told ones
    // move only with a published notice, and the calendar's SEQUENCE with what was told
    // (app/domain/calendar-sequence.ts: never above the meeting's own, so it does not go back
    // when the minutes begin and the row is shown as is).
    if (typeof r.version === "number") overlay.version = Math.min(notice.versionNo, r.version);
    if (typeof r.calendarSequence === "number")
      overlay.calendarSequence = sequenceShown(
        { calendarSequence: r.calendarSequence, toldSequence: notice.toldSequence },
        true,
      );
    return { ...r, ...overlay };
  });
}
