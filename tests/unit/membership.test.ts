import { describe, expect, it } from "vitest";
import {
  byTenure,
  isCurrentMembership,
  isIsoDate,
  rolesInBody,
  seatCoversDay,
  seatOverlapProblem,
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
