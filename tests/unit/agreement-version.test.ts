import { describe, expect, it } from "vitest";
import { parseStaffing, staffingToText, termDifferences, textDifferences, validateVersion, type VersionInput } from "~/domain/agreement-version";

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
  staffing: "Kommunerna;Socionom;3,0\nRegionen;Sjuksköterska;2",
};

describe("agreement version form", () => {
  it("turns a valid form into exact terms", () => {
    const r = validateVersion(input);
    expect(r).toMatchObject({ ok: true, value: { baseBudget: 5_720_000, indexBasisPoints: 300, regionShareBasisPoints: 4675, regionBaseAmount: 2_675_000, noticeMonths: 12 } });
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
