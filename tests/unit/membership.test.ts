import { describe, expect, it } from "vitest";
import {
  byTenure,
  defaultTermEnd,
  isCurrentMembership,
  isIsoDate,
  rolesInBody,
  seatCoversDay,
  seatOverlapProblem,
  termEndCut,
  termEndProblem,
} from "~/domain/membership";

describe("isIsoDate", () => {
  it.each([
    ["2026-12-31", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2100-02-29", false],
    ["2000-02-29", true],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["26-01-01", false],
    ["2026-1-1", false],
    ["", false],
  ])("%s → %s", (value, expected) => expect(isIsoDate(value)).toBe(expected));
});

describe("isCurrentMembership", () => {
  it("counts the last day in office as current", () => {
    expect(isCurrentMembership({ startDate: "2026-01-01", endDate: "2026-06-30" }, "2026-06-30")).toBe(true);
    expect(isCurrentMembership({ startDate: "2026-01-01", endDate: "2026-06-30" }, "2026-07-01")).toBe(false);
  });
  it("is not current before it starts", () => {
    expect(isCurrentMembership({ startDate: "2027-01-01", endDate: null }, "2026-12-31")).toBe(false);
  });
});

describe("rolesInBody", () => {
  it("names every seat in one body, in role order", () => {
    expect(rolesInBody(["sekreterare", "ledamot"])).toBe("ledamot och sekreterare");
    expect(rolesInBody(new Set(["adjungerad", "ordförande", "ersättare"] as const))).toBe(
      "ordförande, ersättare och adjungerad",
    );
    expect(rolesInBody(["ledamot"])).toBe("ledamot");
  });
});

describe("byTenure", () => {
  const days = ["2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25"];
  const seats = days.flatMap((startDate) => [
    { startDate, endDate: null as string | null },
    ...days.filter((end) => end >= startDate).map((endDate) => ({ startDate, endDate: endDate as string | null })),
  ]);

  it("puts every seat in exactly one group, whatever the day", () => {
    for (const today of days) {
      const { current, upcoming, former } = byTenure(seats, today);
      expect(current.length + upcoming.length + former.length, today).toBe(seats.length);
      expect(new Set([...current, ...upcoming, ...former]).size, today).toBe(seats.length);
    }
  });

  it("counts the first and the last day as in office", () => {
    const { current, upcoming, former } = byTenure(
      [
        { startDate: "2026-11-23", endDate: "2026-11-30" },
        { startDate: "2026-01-01", endDate: "2026-11-23" },
        { startDate: "2026-11-24", endDate: null },
        { startDate: "2026-01-01", endDate: "2026-11-22" },
      ],
      "2026-11-23",
    );
    expect(current.map((s) => s.startDate)).toEqual(["2026-11-23", "2026-01-01"]);
    expect(upcoming).toEqual([{ startDate: "2026-11-24", endDate: null }]);
    expect(former).toEqual([{ startDate: "2026-01-01", endDate: "2026-11-22" }]);
  });
});

describe("seatCoversDay (who is expected at a meeting)", () => {
  const outgoing = { bodyId: 1, startDate: "2023-01-01", endDate: "2026-12-31" };
  const incoming = { bodyId: 1, startDate: "2027-01-01", endDate: null };
  it("covers the seat's first and last day, not the day after it ends or before it begins", () => {
    expect(seatCoversDay([outgoing], 1, "2026-12-31")).toBe(true);
    expect(seatCoversDay([outgoing], 1, "2027-01-01")).toBe(false);
    expect(seatCoversDay([incoming], 1, "2027-01-01")).toBe(true);
    expect(seatCoversDay([incoming], 1, "2026-12-31")).toBe(false);
  });
  it("asks only the meeting's body", () => {
    expect(seatCoversDay([incoming], 2, "2027-01-15")).toBe(false);
    expect(seatCoversDay([], 1, "2027-01-15")).toBe(false);
  });
});

describe("seatOverlapProblem (registering a new term's seats)", () => {
  const seat = (
    role: "ledamot" | "ersättare" | "sekreterare" | "ordförande",
    startDate: string,
    endDate: string | null,
  ) => ({
    role,
    startDate,
    endDate,
  });
  it("refuses the same role twice on one day, and says which last day ends the old seat", () => {
    const problem = seatOverlapProblem(seat("ledamot", "2027-01-01", null), [seat("ledamot", "2023-01-01", null)]);
    expect(problem).toContain("sista dag 2026-12-31");
    expect(problem).toContain("2023-01-01 – tills vidare");
  });
  it("refuses two seats at the table on one day (member and deputy, chair and member)", () => {
    expect(
      seatOverlapProblem(seat("ersättare", "2027-01-01", null), [seat("ledamot", "2027-01-01", null)]),
    ).not.toBeNull();
    expect(
      seatOverlapProblem(seat("ordförande", "2026-06-01", "2026-12-31"), [seat("ledamot", "2023-01-01", "2026-12-31")]),
    ).toContain("Ändra datumen");
  });
  it("accepts the next term beside an ended seat, a gap, and a member who is also the secretary", () => {
    expect(
      seatOverlapProblem(seat("ledamot", "2027-01-01", null), [seat("ledamot", "2023-01-01", "2026-12-31")]),
    ).toBeNull();
    expect(
      seatOverlapProblem(seat("ersättare", "2027-01-01", null), [seat("ledamot", "2023-01-01", "2026-12-31")]),
    ).toBeNull();
    expect(
      seatOverlapProblem(seat("ledamot", "2028-01-01", null), [seat("ledamot", "2023-01-01", "2026-12-31")]),
    ).toBeNull();
    expect(
      seatOverlapProblem(seat("sekreterare", "2023-01-01", null), [seat("ledamot", "2023-01-01", null)]),
    ).toBeNull();
  });
  it("counts the last day in office as a day of the seat", () => {
    expect(
      seatOverlapProblem(seat("ledamot", "2026-12-31", null), [seat("ledamot", "2023-01-01", "2026-12-31")]),
    ).not.toBeNull();
  });
});

describe("termEndCut (ending a body's term on one day)", () => {
  const seat = (id: number, startDate: string, endDate: string | null) => ({ id, startDate, endDate });
  const ids = (rows: readonly { id: number }[]) => rows.map((r) => r.id);

  it("cuts a seat without an end date and one that ends after the day", () => {
    const { cut, startsAfter } = termEndCut(
      [seat(1, "2023-01-01", null), seat(2, "2023-01-01", "2027-06-30"), seat(3, "2023-01-01", "2027-01-01")],
      "2026-12-31",
    );
    expect(ids(cut)).toEqual([1, 2, 3]);
    expect(startsAfter).toEqual([]);
  });

  it("leaves a seat that already ends before the day, or exactly on it", () => {
    const { cut, startsAfter } = termEndCut(
      [seat(1, "2023-01-01", "2026-06-30"), seat(2, "2023-01-01", "2026-12-31"), seat(3, "2023-01-01", "2026-12-30")],
      "2026-12-31",
    );
    expect(cut).toEqual([]);
    expect(startsAfter).toEqual([]);
  });

  it("puts the coming term's seats (starting the day after or later) apart, whatever their end", () => {
    const { cut, startsAfter } = termEndCut(
      [seat(1, "2027-01-01", null), seat(2, "2027-03-01", "2030-12-31"), seat(3, "2027-01-01", "2027-01-01")],
      "2026-12-31",
    );
    expect(cut).toEqual([]);
    expect(ids(startsAfter)).toEqual([1, 2, 3]);
  });

  it("cuts a seat that starts exactly on the day (it gets one day in office)", () => {
    const { cut, startsAfter } = termEndCut(
      [seat(1, "2026-12-31", null), seat(2, "2026-12-31", "2027-12-31")],
      "2026-12-31",
    );
    expect(ids(cut)).toEqual([1, 2]);
    expect(startsAfter).toEqual([]);
  });

  it("never cuts a seat of one day: before, on or after the day it is ended, begun later or untouched", () => {
    const before = seat(1, "2026-12-30", "2026-12-30");
    const on = seat(2, "2026-12-31", "2026-12-31");
    const after = seat(3, "2027-01-01", "2027-01-01");
    const { cut, startsAfter } = termEndCut([before, on, after], "2026-12-31");
    expect(cut).toEqual([]);
    expect(ids(startsAfter)).toEqual([3]);
  });

  it("handles a leap day: 2028-02-29 cuts what runs into March and leaves what begins on 1 March", () => {
    const { cut, startsAfter } = termEndCut(
      [
        seat(1, "2024-01-01", "2028-03-01"),
        seat(2, "2028-02-29", null),
        seat(3, "2028-03-01", null),
        seat(4, "2024-01-01", "2028-02-29"),
        seat(5, "2028-02-28", "2028-02-29"),
      ],
      "2028-02-29",
    );
    expect(ids(cut)).toEqual([1, 2]);
    expect(ids(startsAfter)).toEqual([3]);
  });

  it("at the change of year: the outgoing term is cut on 31 December, the incoming one starts after", () => {
    const seats = [
      seat(1, "2023-01-01", null), // outgoing, no end recorded
      seat(2, "2023-01-01", "2026-12-31"), // outgoing, end already recorded
      seat(3, "2027-01-01", null), // incoming
      seat(4, "2019-01-01", "2022-12-31"), // an earlier term
    ];
    const { cut, startsAfter } = termEndCut(seats, "2026-12-31");
    expect(ids(cut)).toEqual([1]);
    expect(ids(startsAfter)).toEqual([3]);
  });

  it("keeps every field of the rows it is given, and the given order", () => {
    const rows = [
      { id: 9, startDate: "2025-01-01", endDate: null, personName: "Ö" },
      { id: 4, startDate: "2024-01-01", endDate: null, personName: "A" },
    ];
    expect(termEndCut(rows, "2026-12-31").cut).toEqual(rows);
  });
});

describe("defaultTermEnd and termEndProblem", () => {
  it("defaults to the last day of today's year", () => {
    expect(defaultTermEnd("2026-11-24")).toBe("2026-12-31");
    expect(defaultTermEnd("2026-12-31")).toBe("2026-12-31");
    expect(defaultTermEnd("2028-01-01")).toBe("2028-12-31");
  });
  it.each([
    ["2026-12-31", null],
    ["2026-11-24", null],
    ["2028-02-29", null],
  ])("accepts %s on 2026-11-24", (day, expected) => expect(termEndProblem(day, "2026-11-24")).toBe(expected));
  it("refuses a day before today, naming today", () => {
    expect(termEndProblem("2026-11-23", "2026-11-24")).toBe("Sista dagen kan inte vara före i dag (2026-11-24).");
  });
  it.each(["2027-02-29", "2026-13-01", "31/12/2026", ""])("refuses %j as not a date", (day) => {
    expect(termEndProblem(day, "2026-11-24")).toMatch(/ÅÅÅÅ-MM-DD/);
  });
});
