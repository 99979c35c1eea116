/**
 * Meeting fixtures for integration tests, written through the real model functions into the
 * database that `demoDatabase` (tests/support/test-db.ts) installed: a meeting the demo
 * secretary creates, an agenda item with nothing but its title, and approved minutes.
 */
import { minutes } from "../../db/schema";
import type { Db } from "../../db/connection";
import type { ValidAgendaItem, ValidMeeting } from "~/domain/meetings";
import { createMeeting } from "~/models/meetings.server";

/** An agenda item for decision (beslut) with only its title filled in. */
export function decisionItem(title: string): ValidAgendaItem {
  return {
    title,
    kind: "beslut",
    presenter: "",
    minutesEstimate: null,
    description: "",
    proposedDecision: "",
    confidential: false,
    confidentialReason: "",
    matterId: null,
  };
}

type MeetingDetails = Partial<Omit<ValidMeeting, "bodyId" | "date">> & { isPublic?: boolean };

/**
 * A meeting of `bodyId` on `date`, created by the demo secretary (demo-samordnare) with its
 * standard items: 09:00–12:00 in Östersund, not public, unless `details` say otherwise.
 */
export function secretaryMeeting(bodyId: number, date: string, details: MeetingDetails = {}) {
  const { isPublic = false, ...time } = details;
  return createMeeting(
    "demo-samordnare",
    { bodyId, date, startTime: "09:00", endTime: "12:00", place: "Östersund", videoUrl: "", ...time },
    isPublic,
  );
}

/** Approved minutes (justerat) for a meeting, whether it had minutes or not: its agenda is locked. */
export function approveMinutes(db: Db, meetingId: number) {
  db.insert(minutes)
    .values({ meetingId, status: "justerat", approvedAt: "2026-11-20T10:00:00.000Z" })
    .onConflictDoUpdate({ target: minutes.meetingId, set: { status: "justerat" } })
    .run();
}
