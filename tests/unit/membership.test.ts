import { describe, expect, it } from "vitest";
import { isCurrentMembership, isIsoDate, rolesInBody } from "~/domain/membership";

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
