import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { auditLog, decisions, meetings, recommendationParties, recommendations } from "../../db/schema";
import { createDecision, decisionsForExport } from "~/models/decisions.server";
import { pageOfMatters, pageOfMatterTimeline, registryNumberTaken } from "~/models/matters.server";
import { loadActor } from "~/models/users.server";
import {
  answersAsOf,
  answersOf,
  closeRecommendation,
  correctRecommendation,
  costsFor,
  createDraft,
  decideRecommendation,
  decisionOptions,
  getPartyAnswer,
  getRecommendation,
  historyOf,
  lettersOf,
  recordAnswer,
  recordFollowUp,
  sendDueReminders,
  sendRecommendation,
  trailOf,
  updateDraft,
  versionsOf,
  withdrawRecommendation,
  type DraftValues,
} from "~/models/recommendations.server";
import { costTable } from "~/models/agreement-money.server";
import { getVersion } from "~/models/agreements.server";
import { summarise, type ValidAnswer } from "~/domain/recommendations";
import { allOf } from "../support/batches";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
beforeEach(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
});

describe("the seeded history", () => {
  it("has the 2022 direction decision with answers as they really went", () => {
    const rec = db.select().from(recommendations).where(eq(recommendations.answerDeadline, "2022-09-30")).get()!;
    const answers = answersOf([rec.id]);
    expect(answers).toHaveLength(9);
    // By 2023-01-01 all nine had approved.
    expect(answers.every((a) => a.status === "antagen")).toBe(true);
    // By 2022-10-07: one had declined, two had not decided.
    const asOf = (date: string) =>
      answers.map((a) => {
        const known = historyOf(a.id).filter(
          (h) => h.decisionDate && h.decisionDate <= date && h.status !== "behandlas",
        );
        return known.at(-1)?.status ?? "väntar";
      });
    const oct = asOf("2022-10-07");
    expect(oct.filter((s) => s === "avslagen")).toHaveLength(1);
    expect(oct.filter((s) => s === "väntar")).toHaveLength(2);
    expect(asOf("2023-01-01").every((s) => s === "antagen")).toBe(true);
  });

  it("shows the matter's timeline across bodies in date order", async () => {
    const [matter] = (await pageOfMatters(world.collaborationId, { page: 1, size: 50 })).items;
    const coordinator = loadActor({ id: "demo-samordnare", role: "admin", personId: null }, "2026-11-23");
    const events = (await pageOfMatterTimeline(coordinator, matter.id, { page: 1, size: 1000 })).items;
    expect(events[0].date).toBe("2021-11-29");
    expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort());
    expect(events.some((e) => e.kind === "svar" && e.text.includes("avslagen"))).toBe(true);
    expect(events.some((e) => e.bodyName === "Barnarenan")).toBe(true);
  });

  it("keeps registry numbers unique within the collaboration", () => {
    expect(registryNumberTaken(world.collaborationId, "SVOM 2021/07")).toBe(true);
    expect(registryNumberTaken(world.collaborationId, "SVOM 2026/01")).toBe(false);
  });

  it("lists public decisions to the public", async () => {
    expect((await allOf(decisionsForExport(null, { year: 2022 }))).length).toBeGreaterThan(3);
    expect((await allOf(decisionsForExport(null, { text: "inriktningsbeslut" }))).map((d) => d.decidedOn)).toContain(
      "2022-06-03",
    );
  });
});

function draftValues(overrides: Partial<DraftValues> = {}): DraftValues {
  return {
    title: "Verksamhetsplan 2027",
    summary: "Planen beskriver prioriteringarna.",
    ask: "Att godkänna verksamhetsplanen 2027.",
    answerDeadline: "2027-01-31",
    costYear: null,
    isPublic: true,
    matterId: null,
    agreementVersionId: null,
    organisationIds: Object.entries(world.organisationIds)
      .filter(([k]) => k !== "Region Jämtland Härjedalen")
      .map(([, id]) => id),
    partyDeadlines: new Map(),
    ...overrides,
  };
}

function svomDecision(date = "2026-11-20") {
  return createDecision("demo-samordnare", {
    bodyId: world.bodyIds.svom,
    meetingId: null,
    paragraph: 12,
    decidedOn: date,
    matterId: null,
    title: "Rekommendation om verksamhetsplan 2027",
    text: "SVOM rekommenderar parterna att godkänna verksamhetsplanen.",
    kind: "rekommendation",
    isPublic: true,
  });
}

const adopted: ValidAnswer = {
  status: "antagen",
  decisionDate: "2026-11-20",
  decidingBody: "Kommunfullmäktige",
  paragraph: 48,
  registryNumber: "KS 2026/112",
  changes: "",
  note: "",
};

function ok<T>(result: { ok: true; row: T } | { ok: false }): T {
  if (!result.ok) throw new Error(`step refused: ${JSON.stringify(result)}`);
  return result.row;
}

describe("the lifecycle", () => {
  it("drafts, decides with an approved §, sends to all nine, corrects with a reason and closes", () => {
    const draft = createDraft("demo-samordnare", world.collaborationId, draftValues());
    expect(draft.status).toBe("utkast");
    expect(answersOf([draft.id])).toHaveLength(9);
    // A draft cannot be sent before it is decided.
    expect(sendRecommendation("demo-samordnare", draft.id, 1, "2026-11-23")).toMatchObject({ reason: "refused" });
    const edited = ok(
      updateDraft(
        "demo-samordnare",
        draft.id,
        1,
        draftValues({ partyDeadlines: new Map([[world.organisationIds.Krokom, "2027-02-28"]]) }),
      ),
    );
    expect(getPartyAnswer(draft.id, world.organisationIds.Krokom)!.deadline).toBe("2027-02-28");
    const decision = svomDecision();
    const decided = ok(decideRecommendation("demo-samordnare", draft.id, edited.version, decision.id, null));
    expect(decided).toMatchObject({ status: "beslutad", decisionId: decision.id });
    const sent = ok(sendRecommendation("demo-samordnare", draft.id, decided.version, "2026-11-23"));
    expect(sent.status).toBe("skickad");
    expect(sent.sentAt).not.toBeNull();
    expect(versionsOf(draft.id).map((v) => v.versionNo)).toEqual([1]);
    expect(lettersOf(draft.id).filter((l) => l.kind === "rekommendation")).toHaveLength(9);
    // Editing is over once sent: a change is a correction.
    expect(updateDraft("demo-samordnare", draft.id, sent.version, draftValues())).toMatchObject({
      reason: "refused",
    });
    const corrected = ok(
      correctRecommendation(
        "demo-samordnare",
        draft.id,
        sent.version,
        { ...sent, answerDeadline: "2027-02-15" },
        "Sista svarsdag förlängd efter önskemål från kommunerna",
        "2026-11-24",
      ),
    );
    expect(corrected.answerDeadline).toBe("2027-02-15");
    const versions = versionsOf(draft.id);
    expect(versions.map((v) => [v.versionNo, v.answerDeadline, v.reason])).toEqual([
      [2, "2027-02-15", "Sista svarsdag förlängd efter önskemål från kommunerna"],
      [1, "2027-01-31", ""],
    ]);
    expect(versions[0].by).toEqual({ name: "Sara Samordnare", role: "Regional samordnare (RSS)" });
    expect(lettersOf(draft.id).filter((l) => l.kind === "rättelse" && l.versionNo === 2)).toHaveLength(9);
    const followed = ok(
      recordFollowUp("demo-samordnare", draft.id, corrected.version, "2027-02-20", "Två parter har inte svarat."),
    );
    expect(followed).toMatchObject({ status: "uppföljd", followedUpOn: "2027-02-20" });
    expect(ok(closeRecommendation("demo-samordnare", draft.id, followed.version)).status).toBe("avslutad");
    // The trail names people, never e-mail addresses.
    const trail = trailOf(draft.id);
    expect(trail.map((t) => t.action)).toEqual(["create", "edit", "decide", "send", "correct", "followUp", "close"]);
    expect(trail.find((t) => t.action === "correct")!.reason).toMatch(/förlängd/);
    expect(JSON.stringify(trail)).not.toContain("@");
  });

  it("refuses a stale version and shows the other person's values", () => {
    const draft = createDraft("demo-samordnare", world.collaborationId, draftValues());
    ok(updateDraft("demo-samordnare", draft.id, 1, draftValues({ title: "Verksamhetsplan 2027 (rev)" })));
    const stale = updateDraft("demo-samordnare", draft.id, 1, draftValues({ title: "Annan rubrik" }));
    expect(stale).toMatchObject({ ok: false, reason: "conflict", current: { title: "Verksamhetsplan 2027 (rev)" } });
  });

  it("links only an approved decision of the collaboration", () => {
    const draft = createDraft("demo-samordnare", world.collaborationId, draftValues());
    // A decision numbered in minutes that are not yet approved may not be linked.
    const meeting = db.select().from(meetings).where(eq(meetings.bodyId, world.bodyIds.svom)).get()!;
    const unapproved = db
      .insert(decisions)
      .values({
        bodyId: world.bodyIds.svom,
        meetingId: meeting.id,
        paragraph: 99,
        year: 2026,
        decidedOn: meeting.date,
        title: "Utkast till protokoll",
        text: "…",
      })
      .returning()
      .get();
    expect(
      decisionOptions(world.collaborationId, { search: "", chosen: unapproved.id }).options.map((d) => d.id),
    ).not.toContain(unapproved.id);
    expect(decideRecommendation("demo-samordnare", draft.id, 1, unapproved.id, null)).toMatchObject({
      ok: false,
      reason: "refused",
    });
    const repealed = svomDecision();
    db.update(decisions).set({ status: "upphävt" }).where(eq(decisions.id, repealed.id)).run();
    expect(decideRecommendation("demo-samordnare", draft.id, 1, repealed.id, null)).toMatchObject({
      ok: false,
      reason: "refused",
    });
    expect(getRecommendation(draft.id)!.status).toBe("utkast");
  });

  it("withdraws with a reason and keeps the answers", () => {
    const draft = createDraft("demo-samordnare", world.collaborationId, draftValues());
    const decided = ok(decideRecommendation("demo-samordnare", draft.id, 1, svomDecision().id, null));
    const sent = ok(sendRecommendation("demo-samordnare", draft.id, decided.version, "2026-11-23"));
    const row = getPartyAnswer(draft.id, world.organisationIds.Berg)!;
    expect(recordAnswer("demo-samordnare", row.id, 1, adopted, "rättat", null).ok).toBe(true);
    const withdrawn = ok(
      withdrawRecommendation("demo-samordnare", draft.id, sent.version, "Ersätts av ny plan", "2026-11-25"),
    );
    expect(withdrawn).toMatchObject({ status: "återkallad", withdrawalReason: "Ersätts av ny plan" });
    expect(getPartyAnswer(draft.id, world.organisationIds.Berg)!.status).toBe("antagen");
    expect(historyOf(row.id)).toHaveLength(1);
    expect(lettersOf(draft.id).filter((l) => l.kind === "återkallelse")).toHaveLength(9);
    // Nothing more can happen to it.
    expect(closeRecommendation("demo-samordnare", draft.id, withdrawn.version)).toMatchObject({ reason: "refused" });
  });

  it("refuses a withdrawal without a reason in the database itself", () => {
    const draft = createDraft("demo-samordnare", world.collaborationId, draftValues());
    expect(() =>
      db
        .update(recommendations)
        .set({ status: "återkallad", withdrawnAt: "2026-11-23T10:00:00Z", withdrawalReason: " " })
        .where(eq(recommendations.id, draft.id))
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .update(recommendationParties)
        .set({ status: "antagen med ändringar" })
        .where(eq(recommendationParties.recommendationId, draft.id))
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.update(recommendations).set({ status: "skickad" }).where(eq(recommendations.id, draft.id)).run(),
    ).toThrow(/CHECK/);
  });
});

describe("answers", () => {
  function sentRecommendation(deadline = "2027-01-31") {
    const draft = createDraft("demo-samordnare", world.collaborationId, draftValues({ answerDeadline: deadline }));
    const decided = ok(decideRecommendation("demo-samordnare", draft.id, 1, svomDecision().id, null));
    return ok(sendRecommendation("demo-samordnare", draft.id, decided.version, "2026-11-23"));
  }

  it("starts every asked party at 'väntar', keeps the history of a changed answer, and refuses a stale save", () => {
    const rec = sentRecommendation();
    expect(answersOf([rec.id]).every((a) => a.status === "väntar")).toBe(true);
    const row = getPartyAnswer(rec.id, world.organisationIds.Östersund)!;
    const tabled = { ...adopted, status: "bordlagd" as const, decisionDate: "2026-12-10", paragraph: null };
    expect(recordAnswer("demo-ifochef", row.id, 1, tabled, "rapporterat", null).ok).toBe(true);
    expect(recordAnswer("demo-ifochef", row.id, 2, adopted, "rapporterat", null).ok).toBe(true);
    expect(recordAnswer("demo-samordnare", row.id, 3, adopted, "bekräftat", null).ok).toBe(true);
    const history = historyOf(row.id);
    expect(history.map((h) => [h.event, h.status])).toEqual([
      ["rapporterat", "bordlagd"],
      ["rapporterat", "antagen"],
      ["bekräftat", "antagen"],
    ]);
    expect(history[0].by).toEqual({ name: "Ingrid IFO-chef Östersund", role: "IFO-chef, Östersund" });
    expect(getPartyAnswer(rec.id, world.organisationIds.Östersund)).toMatchObject({
      decidingBody: "Kommunfullmäktige",
      paragraph: 48,
      registryNumber: "KS 2026/112",
    });
    expect(recordAnswer("demo-ifochef", row.id, 3, { ...adopted, status: "avslagen" }, "rapporterat", null).ok).toBe(
      false,
    );
    expect(db.select().from(auditLog).where(eq(auditLog.entityType, "party_answer")).all()).toHaveLength(3);
  });

  it("counts 'antagen med ändringar' apart until the coordinator has reviewed it", () => {
    const rec = sentRecommendation();
    const row = getPartyAnswer(rec.id, world.organisationIds.Krokom)!;
    const withChanges = { ...adopted, status: "antagen med ändringar" as const, changes: "Avtalstid två år" };
    expect(recordAnswer("demo-ifochef", row.id, 1, withChanges, "rapporterat", null).ok).toBe(true);
    let s = summarise(answersOf([rec.id]), rec.answerDeadline, "2026-11-30", rec);
    expect(s).toMatchObject({ adopted: 0, adoptedWithChanges: 1, needsReview: 1 });
    expect(recordAnswer("demo-samordnare", row.id, 2, withChanges, "bekräftat", null).ok).toBe(true);
    s = summarise(answersOf([rec.id]), rec.answerDeadline, "2026-11-30", rec);
    expect(s).toMatchObject({ adopted: 0, adoptedWithChanges: 1, needsReview: 0 });
  });

  it("reminds silent parties before the deadline once, and every undecided party after it", () => {
    const rec = sentRecommendation("2026-12-10");
    const berg = getPartyAnswer(rec.id, world.organisationIds.Berg)!;
    expect(recordAnswer("demo-samordnare", berg.id, 1, adopted, "rättat", null).ok).toBe(true);
    expect(sendDueReminders("demo-samordnare", rec.id, "2026-11-25")).toEqual([]);
    expect(sendDueReminders("demo-samordnare", rec.id, "2026-11-26")).toHaveLength(8);
    expect(sendDueReminders("demo-samordnare", rec.id, "2026-11-27")).toEqual([]);
    const after = sendDueReminders("demo-samordnare", rec.id, "2026-12-11");
    expect(after).toHaveLength(8);
    expect(after.every((r) => r.kind === "påminnelse efter")).toBe(true);
    expect(lettersOf(rec.id).filter((l) => l.kind.startsWith("påminnelse"))).toHaveLength(16);
  });
});

describe("the seeded history after the migration", () => {
  it("matches the sources on 2022-10-07: six adopted, one declined, two not decided", () => {
    const rec = db.select().from(recommendations).where(eq(recommendations.answerDeadline, "2022-09-30")).get()!;
    expect(rec.status).toBe("avslutad");
    const asOf = answersAsOf([rec.id], "2022-10-07");
    const s = summarise(asOf, rec.answerDeadline, "2022-10-07", rec);
    expect(s).toMatchObject({ asked: 9, adopted: 6, declined: 1, notAnswered: 2, overdue: 2 });
    const notDecided = asOf.filter((a) => a.status === "väntar").map((a) => a.organisation);
    expect(notDecided).toContain("Region Jämtland Härjedalen");
    expect(versionsOf(rec.id).map((v) => v.versionNo)).toEqual([1]);
  });

  it("names each party's cost for 2023, the agreement's first year, from the cost split", () => {
    const rec = db.select().from(recommendations).where(eq(recommendations.answerDeadline, "2023-03-31")).get()!;
    expect(rec.costYear).toBe(2023);
    const costs = costsFor(rec)!;
    expect(costs.year).toBe(2023);
    const table = costTable(world.collaborationId, getVersion(rec.agreementVersionId!)!, 2023);
    const krokom = table.rows.find((r) => r.organisationId === world.organisationIds.Krokom)!;
    expect(costs.amounts.get(world.organisationIds.Krokom)).toBe(krokom.amount);
    expect([...costs.amounts.values()].reduce((a, b) => a + b, 0)).toBe(table.total);
  });

  it("records the deciding body, § and date of every seeded answer", () => {
    const rec = db.select().from(recommendations).where(eq(recommendations.answerDeadline, "2022-09-30")).get()!;
    const strömsund = answersOf([rec.id]).find((a) => a.organisationId === world.organisationIds.Strömsund)!;
    expect(strömsund).toMatchObject({ decidingBody: "Kommunfullmäktige", paragraph: 97, decisionDate: "2022-10-24" });
  });
});

describe("the draft form's check", () => {
  it("refuses a party, matter or agreement version from outside the collaboration, and suggests the cost year", async () => {
    const { checkDraft, draftOptions } = await import("~/models/recommendation-draft.server");
    const options = draftOptions(world.collaborationId, "2026-11-23", { search: "" });
    const base = {
      title: "Avtal",
      ask: "Godkänna avtalet",
      summary: "",
      answerDeadline: "2022-12-31",
      costYear: null,
      isPublic: true,
      matterId: null,
      agreementVersionId: options.agreementVersions[0].id,
      parties: options.parties.map((p) => ({ organisationId: p.id, asked: true, deadline: null })),
    };
    const ok = checkDraft(base, options);
    expect(ok).toMatchObject({ ok: true, value: { costYear: 2023 } });
    expect(
      checkDraft(
        { ...base, parties: [...base.parties, { organisationId: 9999, asked: true, deadline: null }] },
        options,
      ),
    ).toMatchObject({ ok: false, fieldErrors: { parties: [expect.stringContaining("inte part")] } });
    expect(checkDraft({ ...base, matterId: 9999 }, options)).toMatchObject({
      ok: false,
      fieldErrors: { matterId: [expect.any(String)] },
    });
    expect(checkDraft({ ...base, agreementVersionId: 9999 }, options)).toMatchObject({
      ok: false,
      fieldErrors: { agreementVersionId: [expect.any(String)] },
    });
    // A party's own deadline equal to the common one is not stored as its own.
    const own = checkDraft(
      {
        ...base,
        parties: base.parties.map((p, i) => ({
          ...p,
          deadline: i === 0 ? "2023-01-31" : i === 1 ? "2022-12-31" : null,
        })),
      },
      options,
    );
    expect(own.ok && [...own.value.partyDeadlines.values()]).toEqual(["2023-01-31"]);
  });
});
