/**
 * Absence and substitutes for a meeting: a called member reports förhinder, the body's
 * deputies are told by e-mail, and a deputy confirms that they serve (tjänstgör) for the
 * member. Both answers pre-fill the attendance of the minutes (until the minutes are
 * approved), in the same transaction, with their audit entry. Rules: app/domain/meeting-absence.ts.
 */
import { and, eq } from "drizzle-orm";
import { attendance, meetingResponses, minutes, people } from "../../db/schema";
import { prefilledAttendance, substituteProblem, type MeetingAnswer } from "~/domain/meeting-absence";
import { db, write, type Db } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { calledTo, queueAbsenceMail } from "./meeting-mail.server";

export function responsesOf(meetingId: number, conn: Db = db()) {
  return conn
    .select({
      personId: meetingResponses.personId,
      answer: meetingResponses.answer,
      forPersonId: meetingResponses.forPersonId,
      name: people.name,
      createdAt: meetingResponses.createdAt,
    })
    .from(meetingResponses)
    .innerJoin(people, eq(people.id, meetingResponses.personId))
    .where(eq(meetingResponses.meetingId, meetingId))
    .all();
}

/** Writes the answers into the attendance list, unless the minutes are approved (then they are the record). */
function prefill(
  tx: Db,
  meetingId: number,
  answers: { personId: number; answer: MeetingAnswer; forPersonId: number | null }[],
) {
  const record = tx.select({ status: minutes.status }).from(minutes).where(eq(minutes.meetingId, meetingId)).get();
  if (record?.status === "justerat") return;
  for (const row of prefilledAttendance(answers)) {
    tx.insert(attendance)
      .values({ meetingId, ...row })
      .onConflictDoUpdate({
        target: [attendance.meetingId, attendance.personId],
        set: { status: row.status, substituteForPersonId: row.substituteForPersonId },
      })
      .run();
  }
}

type Outcome = { ok: true } | { ok: false; message: string };

/** A called person reports förhinder; the deputies are told (once per member and meeting). */
export function reportAbsence(
  userId: string,
  meeting: { id: number; bodyId: number; date: string },
  personId: number,
): Outcome {
  return write((tx) => {
    if (!calledTo(meeting).some((p) => p.personId === personId))
      return { ok: false as const, message: "Du är inte kallad till det här mötet." };
    const before = tx
      .select()
      .from(meetingResponses)
      .where(and(eq(meetingResponses.meetingId, meeting.id), eq(meetingResponses.personId, personId)))
      .get();
    if (before?.answer === "förhinder") return { ok: true as const };
    const after = tx
      .insert(meetingResponses)
      .values({ meetingId: meeting.id, personId, answer: "förhinder", createdBy: userId })
      .onConflictDoUpdate({
        target: [meetingResponses.meetingId, meetingResponses.personId],
        set: { answer: "förhinder", forPersonId: null, createdBy: userId, createdAt: new Date().toISOString() },
      })
      .returning()
      .get();
    prefill(tx, meeting.id, [after]);
    recordAudit(tx, { userId, action: "report", entityType: "meeting_response", entityId: after.id, before, after });
    queueAbsenceMail(tx, meeting.id, personId);
    return { ok: true as const };
  });
}

/** A deputy confirms that they serve for a member who reported förhinder. */
export function confirmServing(
  userId: string,
  meeting: { id: number; bodyId: number; date: string },
  deputyId: number,
  forPersonId: number,
): Outcome {
  return write((tx) => {
    const problem = substituteProblem(calledTo(meeting), responsesOf(meeting.id, tx), deputyId, forPersonId);
    if (problem) return { ok: false as const, message: problem };
    const before = tx
      .select()
      .from(meetingResponses)
      .where(and(eq(meetingResponses.meetingId, meeting.id), eq(meetingResponses.personId, deputyId)))
      .get();
    const after = tx
      .insert(meetingResponses)
      .values({ meetingId: meeting.id, personId: deputyId, answer: "tjänstgör", forPersonId, createdBy: userId })
      .onConflictDoUpdate({
        target: [meetingResponses.meetingId, meetingResponses.personId],
        set: { answer: "tjänstgör", forPersonId, createdBy: userId, createdAt: new Date().toISOString() },
      })
      .returning()
      .get();
    prefill(tx, meeting.id, [after]);
    recordAudit(tx, { userId, action: "serve", entityType: "meeting_response", entityId: after.id, before, after });
    return { ok: true as const };
  });
}
