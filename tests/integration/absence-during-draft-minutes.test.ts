/**
 * A förhinder (or its withdrawal) pre-fills the attendance of minutes already begun
 * (app/models/meeting-absence.server.ts). The secretary's draft is saved under optimistic
 * locking, so an answer that changes the draft must move its version: a save from a page read
 * before the answer is refused as a conflict, never deleting the answer unseen.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { DemoWorld } from "../../db/demo-world";
import { reportAbsence, withdrawAnswer } from "~/models/meeting-absence.server";
import { attendanceOf, calledTo } from "~/models/meeting-attendance.server";
import { minutesOf, saveMinutes, startMinutes, type MinutesInput } from "~/models/meeting-minutes.server";
import { secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";

const SECRETARY = "demo-samordnare";
let world: DemoWorld;

beforeAll(async () => {
  ({ world } = await demoDatabase("2026-11-23"));
});

/** The secretary's draft as the page showed it: nobody's attendance recorded yet. */
const pageAsRead: MinutesInput = {
  actingChairPersonId: null,
  secretaryPersonId: null,
  adjustmentPlace: "",
  adjustmentDate: null,
  attendance: [],
  items: [],
};

function meetingWithDraftMinutes(date: string) {
  const meeting = secretaryMeeting(world.bodyIds.styrgrupp, date);
  startMinutes(SECRETARY, meeting.id);
  const member = calledTo(meeting).find((p) => p.role === "ledamot")!;
  return { meeting, member, readVersion: minutesOf(meeting.id)!.version };
}

describe("an answer given while the minutes are a draft", () => {
  it("refuses the secretary's save from a page read before a förhinder, and keeps the förhinder", () => {
    const { meeting, member, readVersion } = meetingWithDraftMinutes("2026-12-02");
    expect(reportAbsence(SECRETARY, meeting, member.personId)).toEqual({ ok: true });
    const saved = saveMinutes(SECRETARY, meeting.id, readVersion, pageAsRead);
    expect(saved).toMatchObject({ ok: false, locked: false });
    expect(attendanceOf(meeting.id).find((a) => a.personId === member.personId)?.status).toBe("frånvarande");
  });

  it("refuses it after a withdrawn förhinder too", () => {
    const { meeting, member } = meetingWithDraftMinutes("2026-12-03");
    reportAbsence(SECRETARY, meeting, member.personId);
    const readVersion = minutesOf(meeting.id)!.version;
    expect(withdrawAnswer(SECRETARY, meeting, member.personId)).toEqual({ ok: true });
    expect(saveMinutes(SECRETARY, meeting.id, readVersion, pageAsRead)).toMatchObject({ ok: false, locked: false });
  });

  it("lets a save from a page read after the answer through", () => {
    const { meeting, member } = meetingWithDraftMinutes("2026-12-04");
    reportAbsence(SECRETARY, meeting, member.personId);
    const saved = saveMinutes(SECRETARY, meeting.id, minutesOf(meeting.id)!.version, {
      ...pageAsRead,
      attendance: [{ personId: member.personId, status: "frånvarande", substituteForPersonId: null, adjuster: false }],
    });
    expect(saved).toEqual({ ok: true });
  });
});
