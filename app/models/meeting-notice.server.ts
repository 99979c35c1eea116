/**
 * The notice of meeting (kallelse): frozen, published versions of the agenda. Version 1 is
 * the notice; later versions publish changes. Every write is one immediate transaction with
 * its audit entry.
 */
import { and, asc, eq, inArray, max, sql } from "drizzle-orm";
import { agendaVersions, meetings, minutes, users } from "../../db/schema";
import type { ItemSnapshot } from "~/domain/meetings";
import { db, write } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
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
  }));
}

export function agendaVersionsOf(meetingId: number) {
  return db()
    .select({
      id: agendaVersions.id,
      versionNo: agendaVersions.versionNo,
      content: agendaVersions.content,
      publishedAt: agendaVersions.publishedAt,
      publishedBy: users.email,
    })
    .from(agendaVersions)
    .leftJoin(users, eq(agendaVersions.publishedBy, users.id))
    .where(eq(agendaVersions.meetingId, meetingId))
    .orderBy(asc(agendaVersions.versionNo))
    .all()
    .map((v) => ({ ...v, items: JSON.parse(v.content) as ItemSnapshot[] }));
}

/**
 * Meetings that are published: their agenda has been published (a notice exists) or their
 * minutes are approved. A public-records body's published meetings are public, historic ones
 * included (their notices were never in the portal).
 */
export function publishedMeetingIds(meetingIds: number[]): Set<number> {
  if (meetingIds.length === 0) return new Set();
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

/** Publishes the agenda as it is now: version 1 is the notice, later versions are updates. */
export function publishNotice(userId: string, meetingId: number) {
  return write((tx) => {
    const items = agendaOf(meetingId);
    const last =
      tx
        .select({ n: max(agendaVersions.versionNo) })
        .from(agendaVersions)
        .where(eq(agendaVersions.meetingId, meetingId))
        .get()?.n ?? 0;
    const version = tx
      .insert(agendaVersions)
      .values({ meetingId, versionNo: last + 1, content: JSON.stringify(snapshotOf(items)), publishedBy: userId })
      .returning()
      .get();
    const before = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (before?.status === "planerat")
      tx.update(meetings).set({ status: "kallelse skickad" }).where(eq(meetings.id, meetingId)).run();
    tx.update(meetings)
      .set({ calendarSequence: sql`${meetings.calendarSequence} + 1` })
      .where(eq(meetings.id, meetingId))
      .run();
    recordAudit(tx, {
      userId,
      action: "publish",
      entityType: "agenda",
      entityId: meetingId,
      after: { versionNo: version.versionNo },
    });
    queueNoticeMail(tx, meetingId, version.versionNo);
    return version;
  });
}
