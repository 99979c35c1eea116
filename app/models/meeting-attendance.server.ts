/** Who is called to a meeting and who attended it (närvaro). */
import { eq } from "drizzle-orm";
import { attendance, memberships, people } from "../../db/schema";
import { isCalled } from "~/domain/meeting-absence";
import { isCurrentMembership } from "~/domain/membership";
import { db, type Db } from "~/utils/db.server";

/** Members of the body on the meeting day (the people expected at the meeting). */
export function membersOnDate(bodyId: number, date: string, conn: Db = db()) {
  return conn
    .select({
      personId: people.id,
      name: people.name,
      role: memberships.role,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
    })
    .from(memberships)
    .innerJoin(people, eq(memberships.personId, people.id))
    .where(eq(memberships.bodyId, bodyId))
    .all()
    .filter((m) => isCurrentMembership(m, date));
}

/** Everyone called to the meeting: members, deputies and co-opted (not the secretary, who sends it). */
export function calledTo(meeting: { bodyId: number; date: string }) {
  const seen = new Set<number>();
  return membersOnDate(meeting.bodyId, meeting.date).filter((m) => {
    if (!isCalled(m.role) || seen.has(m.personId)) return false;
    seen.add(m.personId);
    return true;
  });
}

export function attendanceOf(meetingId: number) {
  return db()
    .select({
      id: attendance.id,
      personId: attendance.personId,
      status: attendance.status,
      substituteForPersonId: attendance.substituteForPersonId,
      adjuster: attendance.adjuster,
      name: people.name,
    })
    .from(attendance)
    .innerJoin(people, eq(attendance.personId, people.id))
    .where(eq(attendance.meetingId, meetingId))
    .all();
}
