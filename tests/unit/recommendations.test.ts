import { describe, expect, it } from "vitest";
import {
  isAnswerOverdue,
  isAssignmentOverdue,
  partiesToAsk,
  summarise,
  validateAnswer,
  validateRecommendation,
} from "~/domain/recommendations";
import { todayInStockholm } from "~/domain/format";

const answer = { status: "antagen", decisionDate: "2022-09-20", decidingBody: "Kommunfullmäktige", reference: "KF § 88", note: "" };

describe("party answers", () => {
  it("accepts an adoption with date and deciding body", () => {
    expect(validateAnswer(answer, "2022-10-07")).toMatchObject({ ok: true, value: { status: "antagen", decisionDate: "2022-09-20" } });
  });
  it("refuses a decision dated in the future, pointing to 'behandlas'", () => {
    const r = validateAnswer({ ...answer, decisionDate: "2022-10-08" }, "2022-10-07");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.decisionDate).toMatch(/framtiden.*Behandlas/);
  });
  it("allows 'behandlas' on a future date, but requires the date", () => {
    expect(validateAnswer({ ...answer, status: "behandlas", decisionDate: "2022-11-15", decidingBody: "" }, "2022-10-07").ok).toBe(true);
    expect(validateAnswer({ ...answer, status: "behandlas", decisionDate: "" }, "2022-10-07").ok).toBe(false);
  });
  it("requires the deciding body for a final answer and refuses unknown statuses", () => {
    expect(validateAnswer({ ...answer, decidingBody: " " }, "2022-10-07")).toMatchObject({ ok: false, errors: { decidingBody: expect.any(String) } });
    expect(validateAnswer({ ...answer, status: "kanske" }, "2022-10-07")).toMatchObject({ ok: false, errors: { status: expect.any(String) } });
  });
});

describe("overdue by date in Stockholm", () => {
  it("is not overdue on the deadline day, overdue the day after, never once answered", () => {
    expect(isAnswerOverdue("väntar", "2022-09-30", "2022-09-30")).toBe(false);
    expect(isAnswerOverdue("väntar", "2022-09-30", "2022-10-01")).toBe(true);
    expect(isAnswerOverdue("behandlas", "2022-09-30", "2022-10-07")).toBe(true);
    expect(isAnswerOverdue("avslagen", "2022-09-30", "2022-10-07")).toBe(false);
  });
  it("turns a day at midnight Stockholm time, not UTC", () => {
    // 23:30 UTC on 30 September is already 1 October in Stockholm.
    const today = todayInStockholm(new Date("2022-09-30T23:30:00Z"));
    expect(today).toBe("2022-10-01");
    expect(isAnswerOverdue("väntar", "2022-09-30", today)).toBe(true);
    expect(isAnswerOverdue("väntar", "2022-09-30", todayInStockholm(new Date("2022-09-30T21:30:00Z")))).toBe(false);
  });
  it("summarises answers like the SVOM follow-up on 2022-10-07", () => {
    const answers = [
      ...Array.from({ length: 6 }, () => ({ status: "antagen" as const })),
      { status: "avslagen" as const },
      { status: "behandlas" as const },
      { status: "väntar" as const },
    ];
    expect(summarise(answers, "2022-09-30", "2022-10-07")).toEqual({ answered: 7, adopted: 6, declined: 1, pending: 2, overdue: 2 });
  });
});

describe("who is asked", () => {
  it("asks every party except those that have left", () => {
    const parties = [
      { organisationId: 1, status: "medlem", exitDate: null },
      { organisationId: 2, status: "uppsagd", exitDate: "2027-12-31" },
      { organisationId: 3, status: "utträtt", exitDate: "2025-12-31" },
      { organisationId: 4, status: "uppsagd", exitDate: "2026-06-30" },
    ];
    expect(partiesToAsk(parties, "2026-11-23")).toEqual([1, 2]);
  });
  it("refuses a recommendation to a party that is not in the collaboration", () => {
    const input = { title: "Avtal", summary: "", ask: "Godkänna avtalet", answerDeadline: "2023-04-30", isPublic: true, organisationIds: ["1", "99"] };
    expect(validateRecommendation(input, [1, 2])).toMatchObject({ ok: false, errors: { organisationIds: expect.stringContaining("inte part") } });
    expect(validateRecommendation({ ...input, organisationIds: ["1"] }, [1, 2]).ok).toBe(true);
  });
});

describe("assignments", () => {
  it("is overdue after its due date until it is done", () => {
    expect(isAssignmentOverdue({ status: "pågår", dueDate: "2022-10-07" }, "2022-10-08")).toBe(true);
    expect(isAssignmentOverdue({ status: "klar", dueDate: "2022-10-07" }, "2022-10-08")).toBe(false);
    expect(isAssignmentOverdue({ status: "ej påbörjad", dueDate: null }, "2030-01-01")).toBe(false);
    expect(isAssignmentOverdue({ status: "pågår", dueDate: "2022-10-07" }, "2022-10-07")).toBe(false);
  });
});
