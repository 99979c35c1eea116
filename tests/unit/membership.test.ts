import { describe, expect, it } from "vitest";
import {
  isCurrentMembership,
  isIsoDate,
  rolesInBody,
  validateMembership,
  type MembershipInput,
} from "~/domain/membership";

const valid: MembershipInput = {
  personId: "3",
  organisationId: "2",
  role: "ledamot",
  startDate: "2026-01-01",
  endDate: "",
  note: "",
};

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

describe("validateMembership", () => {
  it("accepts a valid open-ended membership", () => {
    const r = validateMembership(valid);
    expect(r).toEqual({
      ok: true,
      value: { personId: 3, organisationId: 2, role: "ledamot", startDate: "2026-01-01", endDate: null, note: "" },
    });
  });

  it("refuses an end date before the start date", () => {
    const r = validateMembership({ ...valid, endDate: "2025-12-31" });
    expect(r).toEqual({ ok: false, errors: { endDate: "Slutdatum kan inte vara före startdatum." } });
  });

  it("accepts a one-day mandate (end equals start)", () => {
    expect(validateMembership({ ...valid, endDate: "2026-01-01" }).ok).toBe(true);
  });

  it("reports every bad field at once, in Swedish", () => {
    const r = validateMembership({
      personId: "",
      organisationId: "x",
      role: "kung",
      startDate: "2026-02-30",
      endDate: "i morgon",
      note: "a".repeat(1001),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.keys(r.errors).sort()).toEqual([
        "endDate",
        "note",
        "organisationId",
        "personId",
        "role",
        "startDate",
      ]);
      expect(r.errors.startDate).toMatch(/ÅÅÅÅ-MM-DD/);
    }
  });

  it("allows a membership without a represented party", () => {
    const r = validateMembership({ ...valid, organisationId: "" });
    expect(r.ok && r.value.organisationId).toBe(null);
  });
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
