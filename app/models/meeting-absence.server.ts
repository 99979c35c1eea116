/**
 * Absence and substitutes for a meeting: a called member reports förhinder, the body's
 * deputies are told by e-mail, and a deputy confirms that they serve (tjänstgör) for the
 * member. Both answers pre-fill the attendance of the minutes (until the minutes are
 * approved), in the same transaction, with their audit entry. Rules: app/domain/meeting-absence.ts.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { attendance, meetingResponses, minutes, people } from "../../db/schema";
import { prefilledAttendance, substituteProblem, type MeetingAnswer } from "~/domain/meeting-absence";
import { isSigned } from "~/domain/meetings";
import { db, write, type Db } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { calledTo } from "./meeting-attendance.server";
import { queueAbsenceMail, queueAbsenceWithdrawnMail } from "./meeting-mail.server";

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

/**
 * An answer changed the attendance of draft minutes: their version goes up, so a save from a
 * page read before the answer is refused as a conflict (409) instead of deleting it unseen.
 */
function draftMinutesChanged(tx: Db, meetingId: number) {
  tx.update(minutes)
    .set({ version: sql`${minutes.version} + 1` })
    .where(eq(minutes.meetingId, meetingId))
    .run();
}

/** Writes the answers into the attendance list, unless the minutes are approved (then they are the record). */
function prefill(
  tx: Db,
  meetingId: number,
  answers: { personId: number; answer: MeetingAnswer; forPersonId: number | null }[],
) {
  const record = tx.select({ status: minutes.status }).from(minutes).where(eq(minutes.meetingId, meetingId)).get();
  if (isSigned(record)) return;
  for (const row of prefilledAttendance(answers)) {
    tx.insert(attendance)
      .values({ meetingId, ...row })
      .onConflictDoUpdate({
        target: [attendance.meetingId, attendance.personId],
        set: { status: row.status, substituteForPersonId: row.substituteForPersonId },
      })
      .run();
  }
  if (record) draftMinutesChanged(tx, meetingId);
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
    queueAbsenceMail(tx, meeting.id, personId, after.id);
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

/**
 * A called person withdraws their answer before the meeting day is over. The attendance rows
 * the answer pre-filled go (unless the secretary changed them, or the minutes are approved).
 * A member who withdraws a förhinder takes the seat back: a deputy serving for them no longer
 * serves, and is told by e-mail, in the same transaction.
 */
export function withdrawAnswer(userId: string, meeting: { id: number }, personId: number): Outcome {
  return write((tx) => {
    const mine = tx
      .select()
      .from(meetingResponses)
      .where(and(eq(meetingResponses.meetingId, meeting.id), eq(meetingResponses.personId, personId)))
      .get();
    if (!mine) return { ok: false as const, message: "Du har inget besked att återkalla." };
    const replacedBy =
      mine.answer === "förhinder"
        ? tx
            .select()
            .from(meetingResponses)
            .where(and(eq(meetingResponses.meetingId, meeting.id), eq(meetingResponses.forPersonId, personId)))
            .all()
        : [];
    const withdrawn = [mine, ...replacedBy];
    const record = tx.select({ status: minutes.status }).from(minutes).where(eq(minutes.meetingId, meeting.id)).get();
    if (!isSigned(record)) {
      for (const row of prefilledAttendance(withdrawn)) {
        const current = tx
          .select()
          .from(attendance)
          .where(and(eq(attendance.meetingId, meeting.id), eq(attendance.personId, row.personId)))
          .get();
        if (current?.status === row.status && current.substituteForPersonId === row.substituteForPersonId)
          tx.delete(attendance)
            .where(and(eq(attendance.meetingId, meeting.id), eq(attendance.personId, row.personId)))
            .run();
      }
      if (record) draftMinutesChanged(tx, meeting.id);
    }
    tx.delete(meetingResponses)
      .where(
        inArray(
          meetingResponses.id,
          withdrawn.map((r) => r.id),
        ),
      )
      .run();
    for (const row of withdrawn)
      recordAudit(tx, {
        userId,
        action: "withdraw",
        entityType: "meeting_response",
        entityId: row.id,
        before: row,
      });
    if (replacedBy.length)
      queueAbsenceWithdrawnMail(
        tx,
        meeting.id,
        { personId, answerId: mine.id },
        replacedBy.map((r) => r.personId),
      );
    return { ok: true as const };
  });
}
