import { and, asc, desc, eq, gte, inArray, lt } from "drizzle-orm";
import { bodies, meetings } from "../../db/schema";
import { db } from "~/utils/db.server";

const meetingColumns = {
  id: meetings.id,
  date: meetings.date,
  startTime: meetings.startTime,
  endTime: meetings.endTime,
  place: meetings.place,
  status: meetings.status,
  bodyId: bodies.id,
  bodyName: bodies.name,
  bodyShortName: bodies.shortName,
};

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
  const upcoming = db()
    .select(meetingColumns)
    .from(meetings)
    .innerJoin(bodies, eq(meetings.bodyId, bodies.id))
    .where(and(eq(meetings.bodyId, bodyId), gte(meetings.date, today)))
    .orderBy(asc(meetings.date))
    .all();
  const past = db()
    .select(meetingColumns)
    .from(meetings)
    .innerJoin(bodies, eq(meetings.bodyId, bodies.id))
    .where(and(eq(meetings.bodyId, bodyId), lt(meetings.date, today)))
    .orderBy(desc(meetings.date))
    .all();
  return { upcoming, past };
}
