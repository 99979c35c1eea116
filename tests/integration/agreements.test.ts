import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { exitDateForNotice } from "~/domain/agreement-terms";
import { agreementStatus, costTable, currentVersion, agreementOf, getParty, partiesOf, recordNotice, termsOf, savePopulations, populationsFor } from "~/models/agreements.server";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
beforeEach(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
});

function version() {
  return currentVersion(agreementOf(world.collaborationId)!.id)!;
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
    expect(t.split.municipalTotal).toBe(3_045_000);
    expect(t.rows.slice(1).reduce((s, r) => s + r.amount, 0)).toBe(3_045_000);
    expect(t.rows).toHaveLength(9);
  });

  it("indexes later years and still adds up", () => {
    const t = costTable(world.collaborationId, version(), 2026);
    expect(t.total).toBe(6_250_398);
    expect(t.totalSource).toBe("uppräkning");
    expect(t.rows.reduce((s, r) => s + r.amount, 0)).toBe(6_250_398);
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
    savePopulations("demo-samordnare", 2030, [{ organisationId: world.organisationIds.Berg, population: 7000 }]);
    savePopulations("demo-samordnare", 2030, [{ organisationId: world.organisationIds.Berg, population: 7001 }]);
    expect(populationsFor(2030)).toEqual([expect.objectContaining({ population: 7001 })]);
  });
});

describe("approval of a version", () => {
  it("shows every party's answer to the recommendation that adopted the version", async () => {
    const { approvalsOfVersion } = await import("~/models/agreement-approvals.server");
    const approvals = approvalsOfVersion(version().id);
    expect(approvals).toHaveLength(1);
    expect(approvals[0].answers).toHaveLength(9);
    expect(approvals[0].answers.every((a) => a.status === "antagen")).toBe(true);
  });
});
