import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { auditLog, recommendations } from "../../db/schema";
import { listDecisions } from "~/models/decisions.server";
import { matterTimeline, listMatters, registryNumberTaken } from "~/models/matters.server";
import { answersOf, createRecommendation, getPartyAnswer, historyOf, recordAnswer } from "~/models/recommendations.server";
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
        const known = historyOf(a.id).filter((h) => h.decisionDate && h.decisionDate <= date && h.status !== "behandlas");
        return known.at(-1)?.status ?? "väntar";
      });
    const oct = asOf("2022-10-07");
    expect(oct.filter((s) => s === "avslagen")).toHaveLength(1);
    expect(oct.filter((s) => s === "väntar")).toHaveLength(2);
    expect(asOf("2023-01-01").every((s) => s === "antagen")).toBe(true);
  });

  it("shows the matter's timeline across bodies in date order", () => {
    const [matter] = listMatters(world.collaborationId);
    const events = matterTimeline(matter.id);
    expect(events[0].date).toBe("2021-11-29");
    expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort());
    expect(events.some((e) => e.kind === "svar" && e.text.includes("avslagen"))).toBe(true);
    expect(events.some((e) => e.bodyName === "Barnarenan")).toBe(true);
  });

  it("keeps registry numbers unique within the collaboration", () => {
    expect(registryNumberTaken(world.collaborationId, "SVOM 2021/07")).toBe(true);
    expect(registryNumberTaken(world.collaborationId, "SVOM 2026/01")).toBe(false);
  });

  it("lists public decisions to the public", () => {
    expect(listDecisions(null, { year: 2022 }).length).toBeGreaterThan(3);
    expect(listDecisions(null, { text: "inriktningsbeslut" }).map((d) => d.decidedOn)).toContain("2022-06-03");
  });
});

describe("answers", () => {
  it("starts every asked party at 'väntar', keeps the history of a changed answer, and refuses a stale save", () => {
    const rec = createRecommendation("demo-samordnare", world.collaborationId, {
      title: "Verksamhetsplan 2027",
      summary: "",
      ask: "Godkänna planen",
      answerDeadline: "2027-01-31",
      isPublic: true,
      decisionId: null,
      matterId: null,
      organisationIds: [world.organisationIds.Östersund, world.organisationIds.Berg],
    });
    expect(answersOf([rec.id]).map((a) => a.status)).toEqual(["väntar", "väntar"]);
    const row = getPartyAnswer(rec.id, world.organisationIds.Östersund)!;
    const first = recordAnswer("demo-ifochef", row.id, 1, { status: "behandlas", decisionDate: "2026-12-10", decidingBody: "Socialnämnden", reference: "", note: "" }, "rapporterat", null);
    expect(first.ok).toBe(true);
    const second = recordAnswer("demo-ifochef", row.id, 2, { status: "antagen", decisionDate: "2026-11-20", decidingBody: "Socialnämnden", reference: "SN § 12", note: "" }, "rapporterat", null);
    expect(second.ok).toBe(true);
    const confirmed = recordAnswer("demo-samordnare", row.id, 3, { status: "antagen", decisionDate: "2026-11-20", decidingBody: "Socialnämnden", reference: "SN § 12", note: "" }, "bekräftat", null);
    expect(confirmed.ok).toBe(true);
    expect(historyOf(row.id).map((h) => [h.event, h.status])).toEqual([
      ["rapporterat", "behandlas"],
      ["rapporterat", "antagen"],
      ["bekräftat", "antagen"],
    ]);
    expect(recordAnswer("demo-ifochef", row.id, 3, { status: "avslagen", decisionDate: "2026-11-20", decidingBody: "x", reference: "", note: "" }, "rapporterat", null).ok).toBe(false);
    expect(db.select().from(auditLog).where(eq(auditLog.entityType, "party_answer")).all()).toHaveLength(3);
    expect(getPartyAnswer(rec.id, world.organisationIds.Åre)).toBeUndefined();
  });
});
