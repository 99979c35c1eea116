import { describe, expect, it } from "vitest";
import { calledChanges, type CallingSeat, type NoticedMeeting } from "~/domain/seat-notices";

const today = "2026-11-24";
const board = 1;
const other = 2;
const january: NoticedMeeting = { id: 10, bodyId: board, date: "2027-01-14", noticed: true };
const december: NoticedMeeting = { id: 11, bodyId: board, date: "2026-12-10", noticed: true };
const seat = (over: Partial<CallingSeat> = {}): CallingSeat => ({
  bodyId: board,
  role: "ledamot",
  startDate: "2023-01-01",
  endDate: null,
  ...over,
});
const ids = (r: { called: NoticedMeeting[]; uncalled: NoticedMeeting[] }) => ({
  called: r.called.map((m) => m.id),
  uncalled: r.uncalled.map((m) => m.id),
});

describe("calledChanges", () => {
  it("a seat ended the day before the meeting: uncalled from it, still called to the earlier one", () => {
    const r = calledChanges([seat()], [seat({ endDate: "2027-01-13" })], [january, december], today);
    expect(ids(r)).toEqual({ called: [], uncalled: [10] });
  });

  it("a seat ended on the meeting day: still called (the end date is the last day in office)", () => {
    const r = calledChanges([seat()], [seat({ endDate: "2027-01-14" })], [january], today);
    expect(ids(r)).toEqual({ called: [], uncalled: [] });
  });

  it("a seat added for the new term: called to its meetings, not to the old term's", () => {
    const r = calledChanges([], [seat({ startDate: "2027-01-01" })], [january, december], today);
    expect(ids(r)).toEqual({ called: [10], uncalled: [] });
  });

  it("a start moved earlier calls; moved later uncalls", () => {
    const from = seat({ startDate: "2027-01-01" });
    expect(ids(calledChanges([from], [seat({ startDate: "2026-12-01" })], [january, december], today))).toEqual({
      called: [11],
      uncalled: [],
    });
    expect(ids(calledChanges([from], [seat({ startDate: "2027-02-01" })], [january], today))).toEqual({
      called: [],
      uncalled: [10],
    });
  });

  it("an end moved later calls to the meetings it now covers", () => {
    const r = calledChanges([seat({ endDate: "2026-12-31" })], [seat({ endDate: null })], [january], today);
    expect(ids(r)).toEqual({ called: [10], uncalled: [] });
  });

  it("a seat in another body leaves this body's meetings alone", () => {
    const r = calledChanges(
      [seat(), seat({ bodyId: other })],
      [seat(), seat({ bodyId: other, endDate: "2026-12-31" })],
      [january],
      today,
    );
    expect(ids(r)).toEqual({ called: [], uncalled: [] });
  });

  it("a second seat in the body that still covers the day keeps the person called", () => {
    const r = calledChanges(
      [seat({ endDate: "2026-12-31" }), seat({ role: "adjungerad" })],
      [seat({ endDate: "2026-12-31" }), seat({ role: "adjungerad", endDate: "2026-12-31" })],
      [january],
      today,
    );
    expect(ids(r)).toEqual({ called: [], uncalled: [10] });
    expect(ids(calledChanges([seat(), seat({ role: "adjungerad" })], [seat()], [january], today))).toEqual({
      called: [],
      uncalled: [],
    });
  });

  it("a role that is not called (the secretary) neither calls nor keeps called", () => {
    const r = calledChanges([seat()], [seat({ role: "sekreterare" })], [january], today);
    expect(ids(r)).toEqual({ called: [], uncalled: [10] });
    expect(ids(calledChanges([], [seat({ role: "sekreterare" })], [january], today))).toEqual({
      called: [],
      uncalled: [],
    });
  });

  it("past meetings are ignored; a meeting today is not past", () => {
    const past: NoticedMeeting = { id: 12, bodyId: board, date: "2026-11-23", noticed: true };
    const todays: NoticedMeeting = { id: 13, bodyId: board, date: today, noticed: true };
    const r = calledChanges([seat()], [seat({ endDate: "2026-11-01" })], [past, todays], today);
    expect(ids(r)).toEqual({ called: [], uncalled: [13] });
  });

  it("a meeting held before the day told (moved into the past, not published) is past too", () => {
    const heldEarlier: NoticedMeeting = { ...january, dateAsItStands: "2026-11-20" };
    expect(ids(calledChanges([seat()], [seat({ endDate: "2026-12-31" })], [heldEarlier], today))).toEqual({
      called: [],
      uncalled: [],
    });
    expect(ids(calledChanges([], [seat()], [heldEarlier], today))).toEqual({ called: [], uncalled: [] });
    // Moved later and not published: the day told is the one that counts, and it is to come.
    const movedLater: NoticedMeeting = { ...january, dateAsItStands: "2027-02-01" };
    expect(ids(calledChanges([], [seat()], [movedLater], today))).toEqual({ called: [10], uncalled: [] });
  });

  it("meetings without a published notice are ignored (nobody was summoned yet)", () => {
    const planned: NoticedMeeting = { ...january, noticed: false };
    expect(ids(calledChanges([seat()], [seat({ endDate: "2026-12-31" })], [planned], today))).toEqual({
      called: [],
      uncalled: [],
    });
    expect(ids(calledChanges([], [seat()], [planned], today))).toEqual({ called: [], uncalled: [] });
  });
});
