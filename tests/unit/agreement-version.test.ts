import { describe, expect, it } from "vitest";
import {
  describeTerms,
  parseStaffing,
  staffingToText,
  termDifferences,
  textDifferences,
  validateVersion,
  approvalState,
  versionInForce,
  type VersionInput,
} from "~/domain/agreement-version";

const input: VersionInput = {
  label: "Samarbetsavtal 2023",
  adoptedOn: "2023-03-31",
  text: "# Avtal",
  firstTermStart: "2023-01-01",
  firstTermEnd: "2023-12-31",
  noticeMonths: "12",
  noticeForm: "skriftligen",
  renewalMonths: "12",
  withdrawalRules: "Förhandlas i särskild ordning.",
  baseYear: "2023",
  baseBudget: "5 720 000",
  indexPercent: "3",
  regionPercent: "46,75",
  municipalPercent: "53,25",
  regionBaseAmount: "2 675 000",
  populationMonthDay: "11-01",
  populationYearOffset: "-1",
  changeSummary: "",
  staffing: "Kommunerna;Socionom;3,0\nRegionen;Sjuksköterska;2",
};

describe("agreement version form", () => {
  it("turns a valid form into exact terms", () => {
    const r = validateVersion(input);
    expect(r).toMatchObject({
      ok: true,
      value: {
        baseBudget: 5_720_000,
        indexBasisPoints: 300,
        regionShareBasisPoints: 4675,
        regionBaseAmount: 2_675_000,
        noticeMonths: 12,
      },
    });
  });
  it("refuses a term end before its start and percentages that do not make 100, keeping Swedish messages per field", () => {
    const r = validateVersion({ ...input, firstTermEnd: "2022-12-31", municipalPercent: "50" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.firstTermEnd).toBe("Avtalsperioden kan inte sluta innan den börjar.");
      expect(r.errors.municipalPercent).toMatch(/100 %/);
    }
  });
  it("refuses a region amount above the budget and bad staffing lines", () => {
    const r = validateVersion({ ...input, regionBaseAmount: "9 000 000", staffing: "Regionen;Läkare" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(["regionBaseAmount", "staffing"]);
  });
  it("round-trips staffing between text and JSON", () => {
    const parsed = parseStaffing("Regionen;Läkare;0,2");
    expect(parsed).toEqual({ ok: true, lines: [{ principal: "Regionen", profession: "Läkare", fte: 0.2 }] });
    if (parsed.ok) expect(staffingToText(JSON.stringify(parsed.lines))).toBe("Regionen;Läkare;0,2");
  });
});

describe("comparing versions", () => {
  it("lists only the terms that changed", () => {
    const a = validateVersion(input);
    const b = validateVersion({ ...input, noticeMonths: "6", indexPercent: "2,5" });
    if (!a.ok || !b.ok) throw new Error("invalid fixture");
    expect(termDifferences(a.value, b.value)).toEqual([
      { term: "Uppsägningstid", before: "12 månader, skriftligen", after: "6 månader, skriftligen" },
      { term: "Årlig uppräkning", before: "3\u00a0%", after: "2,5\u00a0%" },
    ]);
    expect(termDifferences(a.value, a.value)).toEqual([]);
  });
  it("shows added and removed lines of the text", () => {
    const changes = textDifferences("a\nb\nc\n", "a\nB\nc\n");
    expect(changes.filter((c) => c.kind !== "same")).toEqual([
      { kind: "removed", text: "b\n" },
      { kind: "added", text: "B\n" },
    ]);
  });
});

describe("the population date rule of a version", () => {
  it("is part of the terms and refuses days that do not exist every year", () => {
    const r = validateVersion({ ...input, populationMonthDay: "02-29" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.populationMonthDay).toMatch(/MM-DD/);
    const y = validateVersion({ ...input, populationYearOffset: "1" });
    expect(y.ok).toBe(false);
    if (!y.ok) expect(y.errors.populationYearOffset).toBeDefined();
    const ok = validateVersion({ ...input, populationMonthDay: "12-31", populationYearOffset: "0" });
    expect(ok.ok).toBe(true);
    if (ok.ok)
      expect(describeTerms(ok.value).find(([t]) => t === "Kommunernas andel")?.[1]).toContain("31 december budgetåret");
  });
});

describe("approval of an amendment by every party", () => {
  const names = ["Region", "Berg", "Krokom"];
  it("is complete only when every party has approved, dated by the last approval", () => {
    const s = approvalState(names, [
      { organisation: "Region", status: "antagen", decisionDate: "2023-03-01" },
      { organisation: "Berg", status: "antagen", decisionDate: "2023-03-31" },
      { organisation: "Krokom", status: "antagen", decisionDate: "2023-02-15" },
    ]);
    expect(s).toMatchObject({ allApproved: true, missing: [], approvedOn: "2023-03-31" });
  });
  it("shows per party who has not approved; approval with changes is a counter-offer", () => {
    const s = approvalState(names, [
      { organisation: "Region", status: "antagen", decisionDate: "2023-03-01" },
      { organisation: "Berg", status: "antagen med ändringar", decisionDate: "2023-03-31" },
    ]);
    expect(s.allApproved).toBe(false);
    expect(s.missing).toEqual(["Berg", "Krokom"]);
    expect(s.parties.map((p) => p.status)).toEqual(["godkänt", "godkänt med ändringar", "väntar"]);
    expect(s.approvedOn).toBeNull();
  });
  it("takes the best answer when a party was asked twice, and is never complete without parties", () => {
    const s = approvalState(
      ["Berg"],
      [
        { organisation: "Berg", status: "avslagen", decisionDate: "2023-01-01" },
        { organisation: "Berg", status: "antagen", decisionDate: "2023-05-01" },
      ],
    );
    expect(s).toMatchObject({ allApproved: true, approvedOn: "2023-05-01" });
    expect(approvalState([], []).allApproved).toBe(false);
  });
});

describe("versionInForce", () => {
  const draft = { id: 1, adoptedOn: null };
  const adopted2023 = { id: 2, adoptedOn: "2023-03-31" };
  const adopted2025 = { id: 3, adoptedOn: "2025-05-01" };
  const enteredLater2024 = { id: 4, adoptedOn: "2024-05-01" };
  const coming = { id: 5, adoptedOn: "2026-12-01" };

  it("is the version adopted last on or before the day, whatever order they were entered in", () => {
    const all = [draft, adopted2023, adopted2025, enteredLater2024, coming];
    expect(versionInForce(all, "2026-11-25")?.id).toBe(3);
    expect(versionInForce(all, "2024-06-01")?.id).toBe(4);
    expect(versionInForce(all, "2023-03-31")?.id).toBe(2);
    expect(versionInForce(all, "2026-12-01")?.id).toBe(5);
  });

  it("of two adopted the same day, the later entered; before any adoption, the latest draft", () => {
    expect(versionInForce([adopted2023, { id: 9, adoptedOn: "2023-03-31" }], "2024-01-01")?.id).toBe(9);
    expect(versionInForce([draft, { id: 7, adoptedOn: null }, coming], "2026-11-25")?.id).toBe(7);
    expect(versionInForce([], "2026-11-25")).toBeUndefined();
  });
});
