import crypto from "node:crypto";
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { bodies, meetings, users } from "../../db/schema";
import type { CalendarMeeting } from "~/domain/ics";
import type { Actor } from "~/domain/policy";
import { db, write, type Db } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { asNoticedBy } from "./meeting-notice.server";

/**
 * Meetings as calendar events (`origin` makes the links absolute), with the time and place the `actor` was told (`asNoticedBy`:
 * the published notice's, for everyone but the body's secretary). `null` is what a member or
 * the public sees, which is what mail carries.
 */
export function calendarMeetings(
  where: { meetingId?: number; bodyIds?: number[]; from?: string },
  origin: string,
  actor: Actor | null,
): (CalendarMeeting & { bodyId: number })[] {
  const rows = db()
    .select({ m: meetings, bodyName: bodies.name })
    .from(meetings)
    .innerJoin(bodies, eq(meetings.bodyId, bodies.id))
    .where(
      and(
        where.meetingId !== undefined ? eq(meetings.id, where.meetingId) : undefined,
        where.bodyIds ? inArray(meetings.bodyId, where.bodyIds.length ? where.bodyIds : [-1]) : undefined,
        where.from ? gte(meetings.date, where.from) : undefined,
      ),
    )
    .all();
  return asNoticedBy(
    actor,
    rows.map(({ m, bodyName }) => ({ ...m, bodyName })),
  ).map((m) => ({
    id: m.id,
    bodyId: m.bodyId,
    bodyName: m.bodyName,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    place: m.place,
    videoUrl: m.videoUrl,
    status: m.status,
    sequence: m.calendarSequence,
    url: `${origin}/moten/${m.id}`,
    updatedAt: m.createdAt,
  }));
}

/**
 * Inside the transaction of a change told about meeting `meetingId` (a notice published, a seat
 * change's notice or withdrawal), before its messages are built: the meeting's SEQUENCE rises
 * above everything anyone was shown (`afterTelling`), so each message, a withdrawal included,
 * replaces what the recipient's calendar holds, and every feed carries it from now on.
 *
 * One UPDATE that reads and writes the counters in the same statement: a select first and an
 * update after would write a value computed from what another writer may have changed in
 * between (lowering or repeating the SEQUENCE), whoever the caller and whatever its
 * transaction. SQLite evaluates every SET expression from the row as it was, so both counters
 * get the same value, `afterTelling` in SQL. Returns the new SEQUENCE (undefined: no meeting).
 */
export function raiseToldSequence(tx: Db, meetingId: number): number | undefined {
  const next = sql<number>`max(${meetings.calendarSequence}, ${meetings.toldSequence}) + 1`;
  return tx
    .update(meetings)
    .set({ calendarSequence: next, toldSequence: next })
    .where(eq(meetings.id, meetingId))
    .returning({ toldSequence: meetings.toldSequence })
    .get()?.toldSequence;
}

/** The secret in a person's calendar feed URL (calendar programs cannot sign in). */
export function calendarTokenOf(userId: string): string {
  const user = db().select().from(users).where(eq(users.id, userId)).get();
  if (user?.calendarToken) return user.calendarToken;
  return rotateCalendarToken(userId);
}

/** A new secret for the feed: the old address stops working at once. */
export function rotateCalendarToken(userId: string): string {
  const token = crypto.randomBytes(24).toString("base64url");
  write((tx) => {
    const before = tx.select({ token: users.calendarToken }).from(users).where(eq(users.id, userId)).get();
    tx.update(users).set({ calendarToken: token }).where(eq(users.id, userId)).run();
    // The secret itself never goes into the log.
    recordAudit(tx, {
      userId,
      action: before?.token ? "rotate" : "create",
      entityType: "calendar_token",
      entityId: userId,
    });
  });
  return token;
}

/** Removes the feed address: calendar programs that use it get 404 from now on. */
export function revokeCalendarToken(userId: string): void {
  write((tx) => {
    tx.update(users).set({ calendarToken: null }).where(eq(users.id, userId)).run();
    recordAudit(tx, { userId, action: "delete", entityType: "calendar_token", entityId: userId });
  });
}

export function userByCalendarToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return undefined;
  return db().select().from(users).where(eq(users.calendarToken, token)).get();
}

export function icsResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${filename}"`,
      "Cache-Control": "private, max-age=300",
    },
  });
}
