import { beforeEach, describe, expect, it } from "vitest";
import { agreements, agreementVersions, collaborations, parties } from "../../db/schema";
import type { DemoWorld } from "../../db/demo-world";
import type { Db } from "../../db/connection";
import {
  addBudgetItem,
  costTable,
  partyCostInYear,
  removeBudgetItem,
  saveBudgetYear,
  yearAccount,
  yearAccounts,
} from "~/models/agreement-money.server";
import { agreementOf, currentVersion, principalsOf } from "~/models/agreements.server";
import { demoDatabase } from "../support/test-db";

let world: DemoWorld;
let db: Db;
beforeEach(async () => {
  ({ world, db } = await demoDatabase("2026-11-23"));
});

const version = () => currentVersion(agreementOf(world.collaborationId)!.id, "2026-11-23")!;
const none = { decidedOn: null, decisionRef: "", note: "" };

describe("the agreement's principals", () => {
  it("names the region and Östersund, and Östersund invoices the other municipalities", () => {
    const principals = principalsOf(version().id);
    expect(principals.map((p) => [p.name, p.side, p.invoicesOthers])).toEqual([
      ["Region Jämtland Härjedalen", "region", false],
      ["Östersunds kommun", "kommunerna", true],
    ]);
    const krokom = partyCostInYear(world.collaborationId, world.organisationIds.Krokom, 2026)!;
    expect(krokom.payment?.text).toBe("Faktureras av Östersunds kommun.");
    expect(partyCostInYear(world.collaborationId, world.organisationIds.region, 2026)!.payment?.role).toBe("huvudman");
  });
});

describe("what a party pays in a year", () => {
  it("gives Krokom's share and net for 2026, flagged as computed on example populations", () => {
    const krokom = partyCostInYear(world.collaborationId, world.organisationIds.Krokom, 2026)!;
    const table = costTable(world.collaborationId, version(), 2026);
    expect(krokom.share).toBe(table.rows.find((r) => r.name === "Krokoms kommun")!.amount);
    expect(krokom.net).toBe(krokom.share); // no funds, one-off costs or deficit in 2026
    expect(krokom.partyOfYear).toBe(true);
    expect(krokom.populationIllustrative).toBe(true);
    expect(krokom.budgetSource).toBe("uppräkning");
  });

  it("reduces 2023 by the 4 000 000 kr of joint funds, to the krona", () => {
    const a = yearAccount(world.collaborationId, version(), 2023);
    expect(a.invoice.totals).toEqual({
      budget: 5_720_000,
      jointFunds: 4_000_000,
      oneOffCosts: 0,
      deficit: 0,
      net: 1_720_000,
    });
    const region = partyCostInYear(world.collaborationId, world.organisationIds.region, 2023)!;
    expect(region.share).toBe(2_675_000);
    expect(region.net).toBe(2_675_000 - 1_870_000);
    expect(a.invoice.parties.reduce((s, p) => s + p.net, 0)).toBe(1_720_000);
  });

  it("adds a one-off cost for one party and removes it again, audited and version-checked", () => {
    const row = addBudgetItem("demo-samordnare", world.collaborationId, {
      year: 2026,
      kind: "engångskostnad",
      label: "Videokonferensutrustning",
      amount: 30_000,
      rule: "part",
      organisationId: world.organisationIds["Östersund"],
      note: "",
    });
    const ost = partyCostInYear(world.collaborationId, world.organisationIds["Östersund"], 2026)!;
    expect(ost.net - ost.share).toBe(30_000);
    expect(removeBudgetItem("demo-samordnare", world.collaborationId, row.id, row.version + 1).ok).toBe(false);
    expect(removeBudgetItem("demo-samordnare", world.collaborationId, row.id, row.version).ok).toBe(true);
    expect(partyCostInYear(world.collaborationId, world.organisationIds["Östersund"], 2026)!.net).toBe(ost.share);
  });

  it("answers null for an organisation that is not a party", () => {
    expect(partyCostInYear(world.collaborationId, 999_999, 2026)).toBeNull();
  });
});

describe("the running balance", () => {
  it("carries the example surpluses 2023–2025 over", () => {
    const years = yearAccounts(world.collaborationId, version(), 2026);
    expect(years.map((y) => [y.year, y.balance.carriedIn, y.balance.result])).toEqual([
      [2023, 0, 70_000],
      [2024, 70_000, 61_600], // 5 891 600 + 70 000 − 5 900 000
      [2025, 61_600, 129_948], // 6 068 348 + 61 600 − 6 000 000
      [2026, 129_948, null],
    ]);
    expect(years[0].record?.illustrative).toBe(true);
  });

  it("splits a deficit by the model and bills it with the next year's basis", () => {
    saveBudgetYear("demo-samordnare", world.collaborationId, 2025, 1, {
      ...none,
      totalByDecision: null,
      outcome: 6_500_000,
    });
    const y2025 = yearAccount(world.collaborationId, version(), 2025);
    expect(y2025.balance.deficit).toBe(370_052); // 6 500 000 − (6 068 348 + 61 600)
    const y2026 = yearAccount(world.collaborationId, version(), 2026);
    expect(y2026.invoice.totals.deficit).toBe(370_052);
    const deficitLines = y2026.invoice.parties.flatMap((p) => p.lines.filter((l) => l.kind === "underskott"));
    expect(deficitLines.reduce((s, l) => s + l.amount, 0)).toBe(370_052);
    // The region's part: 370 052 × 46,75 % = 172 999,31 → 172 999 kr.
    expect(y2026.invoice.parties.find((p) => p.name === "Region Jämtland Härjedalen")!.lines[1].amount).toBe(172_999);
    expect(y2026.balance.carriedIn).toBe(0);
  });
});

describe("an agreement that is not yet in force", () => {
  it("has no party paying yet, and computes without an error", () => {
    const collab = db.insert(collaborations).values({ slug: "ny", name: "Ny samverkan" }).returning().get();
    const agreement = db
      .insert(agreements)
      .values({ collaborationId: collab.id, title: "Nytt avtal" })
      .returning()
      .get();
    db.insert(agreementVersions)
      .values({
        agreementId: agreement.id,
        label: "Förslag",
        firstTermStart: "2027-01-01",
        firstTermEnd: "2027-12-31",
        noticeMonths: 12,
        renewalMonths: 12,
        baseYear: 2027,
        baseBudget: 1_000_000,
        regionShareBasisPoints: 5000,
      })
      .run();
    db.insert(parties)
      .values({ collaborationId: collab.id, organisationId: world.organisationIds.Berg, status: "inbjuden" })
      .run();
    const v = currentVersion(agreement.id, "2026-11-23")!;
    const a = yearAccount(collab.id, v, 2026);
    expect(a.year).toBe(2027);
    expect(a.shares.noParties).toBe(true);
    expect(a.invoice.parties).toEqual([]);
    expect(costTable(collab.id, v, 2026).rows).toEqual([]);
    expect(partyCostInYear(collab.id, world.organisationIds.Berg, 2027)).toBeNull();
  });
});
