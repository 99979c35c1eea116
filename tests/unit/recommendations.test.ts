import { describe, expect, it } from "vitest";
import {
  allowedSteps,
  askingEndedOn,
  ASKING_STATUSES,
  asksForAnswers,
  acceptsAnswers,
  ANSWER_STATUSES,
  changedFields,
  carriesExtract,
  checkAnswer,
  citeAnswer,
  correctionProblems,
  currentVersion,
  decidingBodyChoice,
  didNotAnswer,
  effectiveDeadline,
  hasNotAnswered,
  isAnswerOverdue,
  isAnswered,
  isAsking,
  isAssignmentOverdue,
  isInProgress,
  isSent,
  linkableDecision,
  needsReview,
  nextStatus,
  nextVersionNo,
  ownPartyFirst,
  partiesToAsk,
  partyAsk,
  RECOMMENDATION_STATUSES,
  RECOMMENDATION_STEPS,
  reminderDue,
  remainsFor,
  stepRefusal,
  suggestedCostYear,
  summarise,
  summarySentence,
  type AnswerStatus,
  type AnswerValue,
  type RecommendationText,
} from "~/domain/recommendations";
import { todayInStockholm } from "~/domain/format";

/** A recommendation out for answers: neither withdrawn nor closed. */
const ASKING = { status: "skickad", withdrawnAt: null, closedAt: null };

describe("the lifecycle: draft → decided → sent → followed up → closed", () => {
  it("walks the main path", () => {
    let s = nextStatus("utkast", "decide");
    expect(s).toBe("beslutad");
    s = nextStatus(s!, "send");
    expect(s).toBe("skickad");
    s = nextStatus(s!, "followUp");
    expect(s).toBe("uppföljd");
    expect(nextStatus(s!, "close")).toBe("avslutad");
  });

  it("lets a draft (and a decided text not yet sent) be edited, never a sent one", () => {
    expect(nextStatus("utkast", "edit")).toBe("utkast");
    expect(nextStatus("beslutad", "edit")).toBe("beslutad");
    for (const s of ["skickad", "uppföljd", "avslutad", "återkallad"] as const)
      expect(nextStatus(s, "edit")).toBeNull();
    expect(stepRefusal("skickad", "edit")).toMatch(/rättelse/);
  });

  it("sends only a decided recommendation, linked to its §", () => {
    expect(nextStatus("utkast", "send")).toBeNull();
    expect(stepRefusal("utkast", "send")).toMatch(/justerade paragraf/);
    expect(nextStatus("beslutad", "send")).toBe("skickad");
    expect(nextStatus("skickad", "send")).toBeNull();
  });

  it("corrects only what has been sent and is still open; the status stays", () => {
    expect(nextStatus("skickad", "correct")).toBe("skickad");
    expect(nextStatus("uppföljd", "correct")).toBe("uppföljd");
    expect(nextStatus("utkast", "correct")).toBeNull();
    expect(stepRefusal("utkast", "correct")).toMatch(/utkast redigeras/);
    expect(nextStatus("avslutad", "correct")).toBeNull();
    expect(nextStatus("återkallad", "correct")).toBeNull();
  });

  it("withdraws a decided or sent recommendation; a withdrawn or closed one allows nothing more", () => {
    expect(nextStatus("utkast", "withdraw")).toBeNull();
    expect(nextStatus("beslutad", "withdraw")).toBe("återkallad");
    expect(nextStatus("skickad", "withdraw")).toBe("återkallad");
    expect(nextStatus("uppföljd", "withdraw")).toBe("återkallad");
    expect(allowedSteps("återkallad")).toEqual([]);
    expect(allowedSteps("avslutad")).toEqual([]);
  });

  it("has a Swedish refusal for every step that is not allowed, and none for one that is", () => {
    for (const status of RECOMMENDATION_STATUSES)
      for (const step of RECOMMENDATION_STEPS) {
        const refusal = stepRefusal(status, step);
        if (nextStatus(status, step)) expect(refusal).toBeNull();
        else expect(refusal).toMatch(/[a-zåäö]/);
      }
  });

  it("shows the parties only what has been sent", () => {
    expect(isSent("utkast")).toBe(false);
    expect(isSent("beslutad")).toBe(false);
    expect(isSent("skickad")).toBe(true);
    expect(isSent("återkallad")).toBe(true);
  });

  it("takes answers while out; the coordinator may still correct after closing; nobody after withdrawal", () => {
    expect(acceptsAnswers("skickad", false)).toBe(true);
    expect(acceptsAnswers("uppföljd", false)).toBe(true);
    expect(acceptsAnswers("avslutad", false)).toBe(false);
    expect(acceptsAnswers("avslutad", true)).toBe(true);
    expect(acceptsAnswers("återkallad", true)).toBe(false);
    expect(acceptsAnswers("utkast", true)).toBe(false);
  });

  it("links only an approved decision that still applies", () => {
    expect(linkableDecision({ approved: true, status: "gäller" })).toBe(true);
    expect(linkableDecision({ approved: true, status: "verkställt" })).toBe(true);
    expect(linkableDecision({ approved: false, status: "gäller" })).toBe(false);
    expect(linkableDecision({ approved: true, status: "upphävt" })).toBe(false);
  });
});

describe("versions and corrections", () => {
  const v1: RecommendationText = {
    title: "Godkännande av samarbetsavtal",
    ask: "Att godkänna samarbetsavtalet.",
    summary: "",
    answerDeadline: "2023-03-31",
    costYear: 2023,
  };

  it("needs a reason and a change", () => {
    expect(correctionProblems(v1, { ...v1, answerDeadline: "2023-04-30" }, "Fel datum i utskicket")).toEqual({});
    expect(correctionProblems(v1, { ...v1, answerDeadline: "2023-04-30" }, "  ")).toHaveProperty("reason");
    expect(correctionProblems(v1, { ...v1 }, "Fel datum")).toHaveProperty([""]);
  });

  it("names what changed", () => {
    expect(changedFields(v1, { ...v1, ask: "Att godkänna avtalet.", costYear: 2024 })).toEqual(["ask", "costYear"]);
    expect(changedFields(v1, v1)).toEqual([]);
  });

  it("numbers versions after the highest kept and shows the newest", () => {
    expect(nextVersionNo([])).toBe(1);
    expect(nextVersionNo([{ versionNo: 1 }, { versionNo: 3 }, { versionNo: 2 }])).toBe(4);
    expect(currentVersion([{ versionNo: 1 }, { versionNo: 3 }, { versionNo: 2 }])).toEqual({ versionNo: 3 });
    expect(currentVersion([])).toBeUndefined();
  });

  it("suggests the agreement's first year when it is still ahead, else the year after the deadline", () => {
    expect(suggestedCostYear("2023-03-31", "2023-01-01")).toBe(2023);
    expect(suggestedCostYear("2022-12-31", "2023-01-01")).toBe(2023);
    expect(suggestedCostYear("2026-11-30", "2023-01-01")).toBe(2027);
    expect(suggestedCostYear("2026-11-30", null)).toBe(2027);
  });
});

describe("answer statuses", () => {
  it("knows bordlagd and återremitterad as in progress, not answered", () => {
    for (const s of ["behandlas", "bordlagd", "återremitterad"] as const) {
      expect(isInProgress(s)).toBe(true);
      expect(isAnswered(s)).toBe(false);
    }
    expect(isAnswered("antagen med ändringar")).toBe(true);
    expect(isInProgress("väntar")).toBe(false);
    expect(ANSWER_STATUSES).toHaveLength(7);
  });

  it("is overdue after the deadline day until a decision, at midnight Stockholm time", () => {
    expect(isAnswerOverdue("väntar", "2022-09-30", "2022-09-30", ASKING)).toBe(false);
    expect(isAnswerOverdue("väntar", "2022-09-30", "2022-10-01", ASKING)).toBe(true);
    expect(isAnswerOverdue("bordlagd", "2022-09-30", "2022-10-07", ASKING)).toBe(true);
    expect(isAnswerOverdue("avslagen", "2022-09-30", "2022-10-07", ASKING)).toBe(false);
    const today = todayInStockholm(new Date("2022-09-30T23:30:00Z"));
    expect(today).toBe("2022-10-01");
    expect(isAnswerOverdue("väntar", "2022-09-30", today, ASKING)).toBe(true);
    expect(isAnswerOverdue("väntar", "2022-09-30", todayInStockholm(new Date("2022-09-30T21:30:00Z")), ASKING)).toBe(
      false,
    );
  });

  it("does not chase a party whose council has it on the agenda in time, but does once it is late", () => {
    expect(hasNotAnswered("väntar", "2022-09-30", "2022-09-01", ASKING)).toBe(true);
    expect(hasNotAnswered("behandlas", "2022-09-30", "2022-09-01", ASKING)).toBe(false);
    expect(hasNotAnswered("bordlagd", "2022-09-30", "2022-09-30", ASKING)).toBe(false);
    expect(hasNotAnswered("återremitterad", "2022-09-30", "2022-10-01", ASKING)).toBe(true);
    expect(hasNotAnswered("antagen", "2022-09-30", "2022-12-01", ASKING)).toBe(false);
  });

  it("asks nothing of a withdrawn recommendation from the day it is withdrawn (Stockholm)", () => {
    // Withdrawn 2022-10-03 at 23:30 UTC: 2022-10-04 in Stockholm.
    const withdrawn = { status: "återkallad", withdrawnAt: "2022-10-03T23:30:00.000Z", closedAt: null };
    expect(asksForAnswers(ASKING, "2022-10-07")).toBe(true);
    expect(asksForAnswers(withdrawn, "2022-10-03")).toBe(true);
    expect(asksForAnswers(withdrawn, "2022-10-04")).toBe(false);
    expect(isAnswerOverdue("väntar", "2022-09-30", "2022-10-03", withdrawn)).toBe(true);
    expect(isAnswerOverdue("väntar", "2022-09-30", "2022-10-04", withdrawn)).toBe(false);
    expect(hasNotAnswered("väntar", "2022-09-30", "2022-10-04", withdrawn)).toBe(false);
    expect(hasNotAnswered("väntar", "2022-09-30", "2022-10-03", withdrawn)).toBe(true);
    const answers = [{ status: "väntar" as const }, { status: "antagen" as const }, { status: "bordlagd" as const }];
    expect(summarise(answers, "2022-09-30", "2022-10-07", withdrawn)).toMatchObject({
      adopted: 1,
      waiting: 1,
      inProgress: 1,
      notAnswered: 0,
      overdue: 0,
    });
    expect(summarise(answers, "2022-09-30", "2022-10-03", withdrawn)).toMatchObject({ notAnswered: 2, overdue: 2 });
    expect(remainsFor({ status: "väntar", confirmedAt: null, deadline: "2022-09-30" }, "2022-10-07", withdrawn)).toBe(
      "",
    );
    expect(
      remainsFor(
        { status: "antagen med ändringar", confirmedAt: null, deadline: "2022-09-30" },
        "2022-10-07",
        withdrawn,
      ),
    ).toMatch(/granskas/);
    expect(didNotAnswer("väntar", withdrawn, "2022-10-07")).toBe(false);
  });

  it("asks today in exactly the statuses the queries of now filter on (ASKING_STATUSES)", () => {
    const today = "2026-11-25";
    const stamped = { withdrawnAt: "2026-11-01T10:00:00.000Z", closedAt: "2026-11-01T10:00:00.000Z" };
    for (const status of RECOMMENDATION_STATUSES.filter(isSent)) {
      // Each status with the stamps its step sets: closing sets closedAt, withdrawing withdrawnAt.
      const rec = {
        status,
        withdrawnAt: status === "återkallad" ? stamped.withdrawnAt : null,
        closedAt: status === "avslutad" ? stamped.closedAt : null,
      };
      expect(asksForAnswers(rec, today), status).toBe(isAsking(status));
      expect(isAsking(status), status).toBe((ASKING_STATUSES as readonly string[]).includes(status));
    }
  });

  it("chases nobody once the follow-up is closed, and records who did not answer (Stockholm day)", () => {
    // Closed 2022-12-02 at 23:30 UTC: 2022-12-03 in Stockholm.
    const closed = { status: "avslutad", withdrawnAt: null, closedAt: "2022-12-02T23:30:00.000Z" };
    expect(askingEndedOn(closed)).toBe("2022-12-03");
    expect(askingEndedOn(ASKING)).toBeNull();
    expect(asksForAnswers(closed, "2022-12-02")).toBe(true);
    expect(asksForAnswers(closed, "2022-12-03")).toBe(false);
    // Closed with no day recorded: it asks nothing on any day.
    expect(asksForAnswers({ ...closed, closedAt: null }, "1990-01-01")).toBe(false);
    expect(isAnswerOverdue("väntar", "2022-09-30", "2022-12-02", closed)).toBe(true);
    expect(isAnswerOverdue("väntar", "2022-09-30", "2022-12-03", closed)).toBe(false);
    expect(hasNotAnswered("bordlagd", "2022-09-30", "2022-12-03", closed)).toBe(false);
    expect(didNotAnswer("väntar", closed, "2022-12-03")).toBe(true);
    expect(didNotAnswer("bordlagd", closed, "2022-12-03")).toBe(true);
    expect(didNotAnswer("avslagen", closed, "2022-12-03")).toBe(false);
    expect(didNotAnswer("väntar", closed, "2022-12-02")).toBe(false);
    const answers = [{ status: "väntar" as const }, { status: "antagen" as const }, { status: "bordlagd" as const }];
    const s = summarise(answers, "2022-09-30", "2022-12-07", closed);
    expect(s).toMatchObject({ adopted: 1, notAnswered: 0, overdue: 0, didNotAnswer: 2 });
    expect(summarySentence(s)).toBe("1 av 3 har antagit och 2 svarade inte.");
    expect(summarySentence(summarise(answers, "2022-09-30", "2022-12-02", closed))).toBe(
      "1 av 3 har antagit, 1 behandlar ärendet och 2 har inte svarat; 2 efter sista svarsdag.",
    );
    expect(remainsFor({ status: "väntar", confirmedAt: null, deadline: "2022-09-30" }, "2022-12-07", closed)).toBe("");
  });

  it("uses a party's own deadline when it has one", () => {
    expect(effectiveDeadline("2022-10-31", "2022-09-30")).toBe("2022-10-31");
    expect(effectiveDeadline(null, "2022-09-30")).toBe("2022-09-30");
    expect(effectiveDeadline("", "2022-09-30")).toBe("2022-09-30");
  });

  it("flags 'antagen med ändringar' for review until the coordinator confirms it", () => {
    expect(needsReview({ status: "antagen med ändringar", confirmedAt: null })).toBe(true);
    expect(needsReview({ status: "antagen med ändringar", confirmedAt: "2023-03-30T10:00:00Z" })).toBe(false);
    expect(needsReview({ status: "antagen", confirmedAt: null })).toBe(false);
  });
});

describe("counting answers", () => {
  const at = (status: AnswerStatus, extra: { deadline?: string; confirmedAt?: string | null } = {}) => ({
    status,
    confirmedAt: null,
    ...extra,
  });

  it("summarises like the SVOM follow-up on 2022-10-07", () => {
    const answers = [...Array.from({ length: 6 }, () => at("antagen")), at("avslagen"), at("behandlas"), at("väntar")];
    expect(summarise(answers, "2022-09-30", "2022-10-07", ASKING)).toEqual({
      asked: 9,
      adopted: 6,
      adoptedWithChanges: 0,
      declined: 1,
      inProgress: 1,
      waiting: 1,
      notAnswered: 2,
      overdue: 2,
      needsReview: 0,
      didNotAnswer: 0,
    });
  });

  it("does not count in-progress parties as not answered before the deadline", () => {
    const answers = [at("behandlas"), at("bordlagd"), at("återremitterad"), at("väntar")];
    const before = summarise(answers, "2022-09-30", "2022-09-15", ASKING);
    expect(before).toMatchObject({ inProgress: 3, waiting: 1, notAnswered: 1, overdue: 0 });
    const after = summarise(answers, "2022-09-30", "2022-10-01", ASKING);
    expect(after).toMatchObject({ inProgress: 3, notAnswered: 4, overdue: 4 });
  });

  it("counts 'antagen med ändringar' apart, never as adopted, and flags it until reviewed", () => {
    const answers = [
      at("antagen"),
      at("antagen med ändringar"),
      at("antagen med ändringar", { confirmedAt: "2023-04-02T08:00:00Z" }),
    ];
    const s = summarise(answers, "2023-03-31", "2023-04-03", ASKING);
    expect(s).toMatchObject({ adopted: 1, adoptedWithChanges: 2, needsReview: 1, notAnswered: 0, overdue: 0 });
    expect(summarySentence(s)).toBe(
      "1 av 3 har antagit, 2 har antagit med ändringar (räknas inte som antagit) och 0 har inte svarat.",
    );
  });

  it("counts each party against its own deadline", () => {
    const answers = [at("väntar", { deadline: "2022-10-31" }), at("väntar")];
    expect(summarise(answers, "2022-09-30", "2022-10-07", ASKING)).toMatchObject({ notAnswered: 2, overdue: 1 });
  });

  it("says the follow-up in one sentence", () => {
    const answers = [at("antagen"), at("avslagen"), at("bordlagd"), at("väntar")];
    expect(summarySentence(summarise(answers, "2022-09-30", "2022-10-07", ASKING))).toBe(
      "1 av 4 har antagit, 1 har avslagit, 1 behandlar ärendet och 2 har inte svarat; 2 efter sista svarsdag.",
    );
  });

  it("says what remains per party", () => {
    expect(remainsFor({ status: "väntar", confirmedAt: null, deadline: "2022-09-30" }, "2022-10-07", ASKING)).toMatch(
      /passerat/,
    );
    expect(remainsFor({ status: "väntar", confirmedAt: null, deadline: "2022-09-30" }, "2022-09-07", ASKING)).toBe(
      "Har inte svarat ännu",
    );
    expect(remainsFor({ status: "bordlagd", confirmedAt: null, deadline: "2022-09-30" }, "2022-09-07", ASKING)).toBe(
      "Bordlagd; beslut väntas",
    );
    expect(
      remainsFor({ status: "antagen med ändringar", confirmedAt: null, deadline: "2022-09-30" }, "2022-09-07", ASKING),
    ).toMatch(/granskas/);
    expect(remainsFor({ status: "antagen", confirmedAt: null, deadline: "2022-09-30" }, "2022-10-07", ASKING)).toBe("");
  });
});

describe("a party's answer", () => {
  const adopted: AnswerValue = {
    status: "antagen",
    decisionDate: "2023-03-28",
    decidingBody: "Kommunfullmäktige",
    decidingBodyOther: "",
    paragraph: 48,
    registryNumber: "KS 2023/112",
    changes: "",
    note: "",
  };

  it("records the deciding body, date, § and registry number", () => {
    expect(checkAnswer(adopted, "kommun", "2023-04-01")).toEqual({
      ok: true,
      value: {
        status: "antagen",
        decisionDate: "2023-03-28",
        decidingBody: "Kommunfullmäktige",
        paragraph: 48,
        registryNumber: "KS 2023/112",
        changes: "",
        note: "",
      },
    });
  });

  it("has an extract of minutes with every status but 'väntar'", () => {
    expect(ANSWER_STATUSES.filter((s) => !carriesExtract(s))).toEqual(["väntar"]);
  });

  it("refuses any date before SVOM decided the recommendation, naming that day", () => {
    for (const status of ["antagen", "behandlas", "bordlagd"] as const) {
      const r = checkAnswer({ ...adopted, status, decisionDate: "2023-02-09" }, "kommun", "2023-04-01", "2023-02-10");
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.decisionDate).toMatch(/före 2023-02-10/);
    }
    expect(checkAnswer(adopted, "kommun", "2023-04-01", "2023-03-28").ok).toBe(true);
  });

  it("refuses a decision dated in the future, pointing to 'behandlas'", () => {
    const r = checkAnswer(adopted, "kommun", "2023-03-27");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.decisionDate).toMatch(/framtiden.*Behandlas/);
  });

  it("requires date and body for a decision", () => {
    const r = checkAnswer({ ...adopted, decisionDate: null, decidingBody: "" }, "kommun", "2023-04-01");
    expect(r).toMatchObject({
      ok: false,
      errors: { decisionDate: expect.any(String), decidingBody: expect.any(String) },
    });
  });

  it("takes a body of the party's own kind, or a named other body", () => {
    expect(checkAnswer({ ...adopted, decidingBody: "Regionfullmäktige" }, "kommun", "2023-04-01")).toMatchObject({
      ok: false,
      errors: { decidingBody: expect.any(String) },
    });
    expect(checkAnswer({ ...adopted, decidingBody: "Hälso- och sjukvårdsnämnden" }, "region", "2023-04-01").ok).toBe(
      true,
    );
    expect(checkAnswer({ ...adopted, decidingBody: "annat" }, "kommun", "2023-04-01")).toMatchObject({
      ok: false,
      errors: { decidingBodyOther: expect.any(String) },
    });
    expect(
      checkAnswer(
        { ...adopted, decidingBody: "annat", decidingBodyOther: " Välfärdsnämnden " },
        "kommun",
        "2023-04-01",
      ),
    ).toMatchObject({ ok: true, value: { decidingBody: "Välfärdsnämnden" } });
  });

  it("needs the changes described for 'antagen med ändringar' and keeps them only for it", () => {
    expect(checkAnswer({ ...adopted, status: "antagen med ändringar" }, "kommun", "2023-04-01")).toMatchObject({
      ok: false,
      errors: { changes: expect.stringContaining("granskar") },
    });
    expect(
      checkAnswer({ ...adopted, status: "antagen med ändringar", changes: "Avtalstid två år" }, "kommun", "2023-04-01"),
    ).toMatchObject({ ok: true, value: { changes: "Avtalstid två år" } });
    expect(checkAnswer({ ...adopted, changes: "kvar från förut" }, "kommun", "2023-04-01")).toMatchObject({
      ok: true,
      value: { changes: "" },
    });
  });

  it("lets bordlagd and återremitterad carry a future meeting date, but needs the date", () => {
    for (const status of ["behandlas", "bordlagd", "återremitterad"] as const) {
      expect(
        checkAnswer({ ...adopted, status, decisionDate: "2023-05-15", paragraph: null }, "kommun", "2023-04-01").ok,
      ).toBe(true);
      expect(checkAnswer({ ...adopted, status, decisionDate: null }, "kommun", "2023-04-01")).toMatchObject({
        ok: false,
        errors: { decisionDate: expect.any(String) },
      });
    }
  });

  it("refuses 'väntar' with a decision's details", () => {
    expect(checkAnswer({ ...adopted, status: "väntar" }, "kommun", "2023-04-01")).toMatchObject({
      ok: false,
      errors: { status: expect.any(String) },
    });
    expect(
      checkAnswer(
        { ...adopted, status: "väntar", decisionDate: null, decidingBody: "", paragraph: null, registryNumber: "" },
        "kommun",
        "2023-04-01",
      ).ok,
    ).toBe(true);
  });

  it("puts a stored body back into the form's choice", () => {
    expect(decidingBodyChoice("kommun", "Kommunstyrelsen")).toEqual({ choice: "Kommunstyrelsen", other: "" });
    expect(decidingBodyChoice("kommun", "Välfärdsnämnden")).toEqual({ choice: "annat", other: "Välfärdsnämnden" });
    expect(decidingBodyChoice("region", "")).toEqual({ choice: "", other: "" });
  });

  it("cites the answer as a council would", () => {
    expect(citeAnswer({ ...adopted })).toBe("Kommunfullmäktige 2023-03-28 § 48, dnr KS 2023/112");
    expect(citeAnswer({ ...adopted, paragraph: null, registryNumber: "" })).toBe("Kommunfullmäktige 2023-03-28");
  });
});

describe("what each party is asked", () => {
  const rec = { ask: "Att godkänna samarbetsavtalet.", answerDeadline: "2023-03-31", costYear: 2023 };

  it("gives the common text plus the party's cost for the named year and its deadline", () => {
    const ask = partyAsk(rec, { organisationId: 5, name: "Krokoms kommun", deadline: null }, 356_365);
    expect(ask.ask).toBe(rec.ask);
    expect(ask.lines).toEqual([
      { label: "Krokoms kommuns kostnad 2023 enligt avtalets kostnadsfördelning", value: "356\u00a0365\u00a0kr" },
      { label: "Sista dag för Krokoms kommun att meddela sitt beslut", value: "2023-03-31" },
    ]);
  });

  it("leaves out the cost when no year is named or the party has no share, and uses the party's own deadline", () => {
    const ask = partyAsk({ ...rec, costYear: null }, { organisationId: 5, name: "Berg", deadline: "2023-04-30" }, 1);
    expect(ask.lines).toEqual([{ label: "Sista dag för Berg att meddela sitt beslut", value: "2023-04-30" }]);
    expect(ask.deadline).toBe("2023-04-30");
    expect(partyAsk(rec, { organisationId: 5, name: "Berg", deadline: null }, null).lines).toHaveLength(1);
  });

  it("puts the viewer's own party first, then the region, then municipalities in Swedish order", () => {
    const rows = [
      { organisationId: 1, kind: "kommun", organisation: "Östersunds kommun" },
      { organisationId: 2, kind: "kommun", organisation: "Åre kommun" },
      { organisationId: 3, kind: "region", organisation: "Region Jämtland Härjedalen" },
      { organisationId: 4, kind: "kommun", organisation: "Krokoms kommun" },
    ];
    expect(ownPartyFirst(rows, 4).map((r) => r.organisationId)).toEqual([4, 3, 2, 1]);
    expect(ownPartyFirst(rows, null).map((r) => r.organisation)).toEqual([
      "Region Jämtland Härjedalen",
      "Krokoms kommun",
      "Åre kommun",
      "Östersunds kommun",
    ]);
  });
});

describe("reminders before and after the deadline", () => {
  const waiting = { status: "väntar" as const, deadline: "2023-03-31" };

  it("reminds a silent party once in the last two weeks before the deadline", () => {
    expect(reminderDue(waiting, [], "2023-03-16")).toBeNull();
    expect(reminderDue(waiting, [], "2023-03-17")).toBe("påminnelse före");
    expect(reminderDue(waiting, [], "2023-03-31")).toBe("påminnelse före");
    expect(reminderDue(waiting, [{ kind: "påminnelse före", sentOn: "2023-03-20" }], "2023-03-25")).toBeNull();
  });

  it("does not remind a party that has it on its agenda before the deadline, nor one that has decided", () => {
    expect(reminderDue({ ...waiting, status: "behandlas" }, [], "2023-03-25")).toBeNull();
    expect(reminderDue({ ...waiting, status: "avslagen" }, [], "2023-04-25")).toBeNull();
  });

  it("reminds every undecided party after the deadline, at most every two weeks", () => {
    expect(reminderDue({ ...waiting, status: "bordlagd" }, [], "2023-04-01")).toBe("påminnelse efter");
    const sent = [
      { kind: "påminnelse före" as const, sentOn: "2023-03-20" },
      { kind: "påminnelse efter" as const, sentOn: "2023-04-01" },
    ];
    expect(reminderDue(waiting, sent, "2023-04-14")).toBeNull();
    expect(reminderDue(waiting, sent, "2023-04-15")).toBe("påminnelse efter");
  });

  it("counts days across a leap day and a month end", () => {
    const leap = { status: "väntar" as const, deadline: "2024-03-01" };
    // 14 days before 2024-03-01 is 2024-02-16 (29 days in February 2024).
    expect(reminderDue(leap, [], "2024-02-15")).toBeNull();
    expect(reminderDue(leap, [], "2024-02-16")).toBe("påminnelse före");
    expect(reminderDue(leap, [{ kind: "påminnelse efter", sentOn: "2024-02-20" }], "2024-03-05")).toBe(
      "påminnelse efter",
    );
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
});

describe("assignments", () => {
  it("is overdue after its due date until it is done", () => {
    expect(isAssignmentOverdue({ status: "pågår", dueDate: "2022-10-07" }, "2022-10-08")).toBe(true);
    expect(isAssignmentOverdue({ status: "klar", dueDate: "2022-10-07" }, "2022-10-08")).toBe(false);
    expect(isAssignmentOverdue({ status: "ej påbörjad", dueDate: null }, "2030-01-01")).toBe(false);
    expect(isAssignmentOverdue({ status: "pågår", dueDate: "2022-10-07" }, "2022-10-07")).toBe(false);
  });
});
