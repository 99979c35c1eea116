import { beforeEach, describe, expect, it } from "vitest";
import type { DemoWorld } from "../../db/demo-world";
import { exitDateForNotice } from "~/domain/agreement-terms";
import { costTable, saveBudgetYear } from "~/models/agreement-money.server";
import { populationsOn, savePopulations } from "~/models/agreement-population.server";
import {
  agreementStatus,
  currentVersion,
  agreementOf,
  getParty,
  partiesOf,
  recordNotice,
  termsOf,
} from "~/models/agreements.server";
import { demoDatabase } from "../support/test-db";

let world: DemoWorld;
beforeEach(async () => {
  ({ world } = await demoDatabase("2026-11-23"));
});

function version() {
  return currentVersion(agreementOf(world.collaborationId)!.id, "2026-11-23")!;
}

describe("the agreement in the database", () => {
  it("shows the current term and the earliest exit for today", () => {
    const s = agreementStatus(world.collaborationId, "2026-11-23")!;
    expect(s.version.label).toBe("Samarbetsavtal, antaget av samtliga parter");
    expect(s.status.currentTerm).toEqual({ start: "2026-01-01", end: "2026-12-31", renewals: 3 });
    expect(s.status.nextPossibleExit).toEqual({ termEnd: "2027-12-31", noticeDeadline: "2026-12-31", daysLeft: 38 });
  });

  it("reproduces the 2023 region and municipal amounts and splits the municipal part to the krona", () => {
    const t = costTable(world.collaborationId, version(), 2023);
    expect(t.total).toBe(5_720_000);
    expect(t.rows[0]).toMatchObject({ name: "Region Jämtland Härjedalen", amount: 2_675_000 });
    expect(t.municipalTotal).toBe(3_045_000);
    expect(t.rows.slice(1).reduce((s, r) => s + r.amount, 0)).toBe(3_045_000);
    expect(t.rows).toHaveLength(9);
  });

  it("indexes later years and still adds up", () => {
    const t = costTable(world.collaborationId, version(), 2026);
    expect(t.total).toBe(6_250_398);
    expect(t.totalSource).toBe("uppräkning");
    expect(t.rows.reduce((s, r) => s + r.amount, 0)).toBe(6_250_398);
  });

  it("indexes 2026 from the 2025 budget decided, and recording the same total moves no krona", () => {
    const values = { decidedOn: null, decisionRef: "", outcome: null, note: "" };
    const before = costTable(world.collaborationId, version(), 2026);
    const first = saveBudgetYear("demo-samordnare", world.collaborationId, 2026, null, {
      ...values,
      totalByDecision: 6_250_398,
    });
    expect(first.ok).toBe(true);
    const same = costTable(world.collaborationId, version(), 2026);
    expect(same.totalSource).toBe("beslut");
    expect(same.rows).toEqual(before.rows);
    // A stale save (the form read no row) is refused and returns the other person's row.
    const stale = saveBudgetYear("demo-samordnare", world.collaborationId, 2026, null, {
      ...values,
      totalByDecision: 1,
    });
    expect(stale).toMatchObject({ ok: false, conflict: { totalByDecision: 6_250_398 } });
    saveBudgetYear("demo-samordnare", world.collaborationId, 2026, 1, { ...values, totalByDecision: null });
    // 2025 has an example row in the demo (version 1).
    saveBudgetYear("demo-samordnare", world.collaborationId, 2025, 1, { ...values, totalByDecision: 6_100_000 });
    const y2026 = costTable(world.collaborationId, version(), 2026);
    expect(y2026.total).toBe(6_283_000);
    expect(y2026.totalExplained).toContain("från 2025");
    expect(y2026.rows[0].amount).toBe(2_937_303); // 6 283 000 × 46,75 % = 2 937 302,5 → 2 937 303
  });

  it("takes a party out of the split from the year after its exit date when its notice is recorded", () => {
    const berg = partiesOf(world.collaborationId).find((p) => p.name === "Bergs kommun")!;
    const exit = exitDateForNotice(termsOf(version()), "2026-11-23");
    expect(exit).toMatchObject({ ok: true, exitDate: "2027-12-31" });
    const saved = recordNotice("demo-samordnare", berg.id, berg.version, "2026-11-23", "2027-12-31", "", null);
    expect(saved.ok).toBe(true);
    expect(getParty(berg.id)).toMatchObject({ status: "uppsagd", exitDate: "2027-12-31" });
    expect(costTable(world.collaborationId, version(), 2027).rows.map((r) => r.name)).toContain("Bergs kommun");
    const y2028 = costTable(world.collaborationId, version(), 2028);
    expect(y2028.rows.map((r) => r.name)).not.toContain("Bergs kommun");
    expect(y2028.excluded).toEqual(["Bergs kommun"]);
    expect(y2028.rows.reduce((s, r) => s + r.amount, 0)).toBe(y2028.total);
    // A stale second save is refused.
    expect(recordNotice("demo-samordnare", berg.id, berg.version, "2026-11-24", "2027-12-31", "", null).ok).toBe(false);
  });

  it("stores population figures per year and replaces them on a new save", () => {
    savePopulations(
      "demo-samordnare",
      "2029-11-01",
      [{ organisationId: world.organisationIds.Berg, population: 7000 }],
      "SCB",
      new Map([[world.organisationIds.Berg, 0]]),
      [world.organisationIds.Berg],
    );
    savePopulations(
      "demo-samordnare",
      "2029-11-01",
      [{ organisationId: world.organisationIds.Berg, population: 7001 }],
      "SCB",
      new Map([[world.organisationIds.Berg, 1]]),
      [world.organisationIds.Berg],
    );
    expect(populationsOn("2029-11-01")).toEqual([
      expect.objectContaining({ population: 7001, illustrative: false, source: "SCB", version: 2 }),
    ]);
  });
});

describe("approval of a version", () => {
  it("shows every party's answer to the recommendation that adopted the version", async () => {
    const { approvalsOfVersion } = await import("~/models/agreement-approvals.server");
    const approvals = approvalsOfVersion(version().id, null);
    expect(approvals).toHaveLength(1);
    expect(approvals[0].answers).toHaveLength(9);
    expect(approvals[0].answers.every((a) => a.status === "antagen")).toBe(true);
  });
});
