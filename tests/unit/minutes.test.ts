import { describe, expect, it } from "vitest";
import { AGENDA_ITEM_KINDS, STANDARD_ITEMS } from "~/domain/meetings";
import { immediateApprovalProblem, isRegisterDecision, registerChoiceApplies } from "~/domain/minutes";

describe("register membership by item type", () => {
  it("never puts a procedural § in the register", () => {
    expect(isRegisterDecision({ kind: "formalia", recordAsDecision: false })).toBe(false);
    expect(isRegisterDecision({ kind: "formalia", recordAsDecision: true })).toBe(false);
  });

  it("makes every standard item procedural", () => {
    for (const item of STANDARD_ITEMS)
      expect(isRegisterDecision({ kind: item.kind, recordAsDecision: true })).toBe(false);
  });

  it.each(["information", "diskussion", "återrapportering"] as const)(
    "records %s only when the secretary says so",
    (kind) => {
      expect(registerChoiceApplies(kind)).toBe(true);
      expect(isRegisterDecision({ kind, recordAsDecision: false })).toBe(false);
      expect(isRegisterDecision({ kind, recordAsDecision: true })).toBe(true);
    },
  );

  it.each(["beslut", "rekommendation till parterna"] as const)("always records %s", (kind) => {
    expect(registerChoiceApplies(kind)).toBe(false);
    expect(isRegisterDecision({ kind, recordAsDecision: false })).toBe(true);
  });

  it("has a rule for every kind", () => {
    for (const kind of AGENDA_ITEM_KINDS)
      expect(typeof isRegisterDecision({ kind, recordAsDecision: false })).toBe("boolean");
  });
});

describe("immediate approval of a §", () => {
  it("is refused before the meeting's day", () => {
    expect(immediateApprovalProblem({ decisionText: "Beslut.", meetingDate: "2027-02-12", today: "2027-02-11" })).toBe(
      "Paragrafen kan inte justeras före mötesdagen (2027-02-12).",
    );
  });
  it("is refused without a decision text", () => {
    expect(immediateApprovalProblem({ decisionText: "  ", meetingDate: "2027-02-12", today: "2027-02-12" })).toMatch(
      /Skriv beslutet/,
    );
  });
  it("is allowed on and after the day with a text", () => {
    expect(immediateApprovalProblem({ decisionText: "Beslut.", meetingDate: "2027-02-12", today: "2027-02-12" })).toBe(
      null,
    );
    expect(immediateApprovalProblem({ decisionText: "Beslut.", meetingDate: "2028-02-29", today: "2028-03-01" })).toBe(
      null,
    );
  });
});
