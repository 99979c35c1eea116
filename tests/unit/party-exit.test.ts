import { describe, expect, it } from "vitest";
import type { AgreementTerms } from "~/domain/agreement-terms";
import { paymentRoute, staffingSide, staffText, type Principal } from "~/domain/agreement-principals";
import { exitScenario, shareChanges, type SplitYear } from "~/domain/party-exit";

const miniMaria: AgreementTerms = {
  firstTermStart: "2023-01-01",
  firstTermEnd: "2023-12-31",
  noticeMonths: 12,
  renewalMonths: 12,
};

describe("a principal's exit", () => {
  it("ends the collaboration at the exit date and says winding up is negotiated separately", () => {
    const s = exitScenario(
      miniMaria,
      { name: "Region Jämtland Härjedalen", isPrincipal: true, staff: "2,0 sjuksköterska" },
      "2026-11-23",
    );
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.endsCollaboration).toBe(true);
    expect(s.exitDate).toBe("2027-12-31");
    expect(s.firstAffectedYear).toBe(2028);
    expect(s.consequences[0]).toContain("samverkan upphör den 2027-12-31");
    expect(s.consequences.join(" ")).toContain("förhandlas i särskild ordning");
    expect(s.assumptions).toEqual([]);
  });
});

describe("a municipality's exit", () => {
  it("recomputes the others from the first budget year after the exit and states the assumptions", () => {
    const s = exitScenario(miniMaria, { name: "Bergs kommun", isPrincipal: false, staff: "" }, "2027-01-01");
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.endsCollaboration).toBe(false);
    // A day after the 2026-12-31 deadline: the exit moves a whole term.
    expect(s.exitDate).toBe("2028-12-31");
    expect(s.firstAffectedYear).toBe(2029);
    expect(s.assumptions.join(" ")).toContain("totala budgeten är densamma");
  });
  it("works for a chosen future notice date and warns when the deadline is nyårsafton", () => {
    const s = exitScenario(miniMaria, { name: "Åre kommun", isPrincipal: false, staff: "" }, "2030-06-15");
    expect(s).toMatchObject({ ok: true, exitDate: "2031-12-31", noticeDeadline: "2030-12-31" });
    if (s.ok) expect(s.deadlineWarning).toContain("nyårsafton");
  });
  it("refuses a notice before the agreement began", () => {
    expect(exitScenario(miniMaria, { name: "Berg", isPrincipal: false, staff: "" }, "2022-12-31")).toMatchObject({
      ok: false,
    });
  });
});

describe("principals and invoicing", () => {
  const principals: Principal[] = [
    { key: "region", name: "Region Jämtland Härjedalen", side: "region", invoicesOthers: false },
    { key: "ostersund", name: "Östersunds kommun", side: "kommunerna", invoicesOthers: true },
  ];
  it("lets the region carry its own costs and Östersund invoice the other municipalities", () => {
    expect(paymentRoute({ key: "region", kind: "region" }, principals)).toMatchObject({
      role: "huvudman",
      invoicedBy: null,
    });
    expect(paymentRoute({ key: "ostersund", kind: "kommun" }, principals).text).toContain("fakturerar");
    expect(paymentRoute({ key: "krokom", kind: "kommun" }, principals)).toEqual({
      role: "part",
      invoicedBy: "Östersunds kommun",
      text: "Faktureras av Östersunds kommun.",
    });
  });
  it("says so when no principal invoices", () => {
    expect(paymentRoute({ key: "krokom", kind: "kommun" }, []).invoicedBy).toBeNull();
  });
  it("knows which side pays which staff", () => {
    expect(staffingSide("Regionen")).toBe("region");
    expect(staffingSide("Kommunerna")).toBe("kommunerna");
    expect(staffingSide("Staten")).toBeNull();
    const staffing = [
      { principal: "Kommunerna", profession: "Socionom", fte: 3 },
      { principal: "Kommunerna", profession: "Enhetschef", fte: 0.2 },
      { principal: "Regionen", profession: "Sjuksköterska", fte: 2 },
    ];
    expect(staffText(staffing, "kommunerna")).toBe("3,0 socionom, 0,2 enhetschef");
    expect(staffText(staffing, "region")).toBe("2,0 sjuksköterska");
  });
});

describe("shareChanges: what each party pays without and with an exit", () => {
  const year = (
    y: number,
    total: number,
    rows: [number, string, number][],
    extra: Partial<SplitYear> = {},
  ): SplitYear => ({
    year: y,
    budget: { total },
    budgetExplained: `Budget ${y}`,
    populationDate: `${y - 1}-11-01`,
    illustrativePopulation: false,
    missingPopulation: [],
    rows: rows.map(([organisationId, name, share]) => ({ organisationId, name, share })),
    ...extra,
  });

  it("gives the leaving party its whole share back and the others what they pay more", () => {
    const before = [
      year(2028, 900, [
        [1, "Region", 450],
        [2, "Berg", 300],
        [3, "Bräcke", 150],
      ]),
    ];
    const after = [
      year(2028, 900, [
        [1, "Region", 540],
        [3, "Bräcke", 360],
      ]),
    ];
    expect(shareChanges(before, after)).toEqual([
      {
        year: 2028,
        total: 900,
        explained: "Budget 2028",
        flags: [],
        rows: [
          { name: "Region", before: 450, after: 540, change: 90 },
          { name: "Berg", before: 300, after: null, change: -300 },
          { name: "Bräcke", before: 150, after: 360, change: 210 },
        ],
      },
    ]);
  });

  it("shows the total, explanation and caveats of the split with the exit", () => {
    const before = [year(2029, 1000, [[1, "Region", 1000]])];
    const after = [
      year(2029, 800, [[1, "Region", 800]], {
        budgetExplained: "Indexerad",
        illustrativePopulation: true,
        missingPopulation: ["Berg"],
      }),
    ];
    const [result] = shareChanges(before, after);
    expect(result.total).toBe(800);
    expect(result.explained).toBe("Indexerad");
    expect(result.flags).toEqual([
      "folkmängderna är exempel, inte SCB:s",
      "folkmängd per 2028-11-01 saknas och är framskriven",
    ]);
  });

  it("compares year by year and refuses splits of different years", () => {
    const before = [year(2028, 10, [[1, "Region", 10]]), year(2029, 20, [[1, "Region", 20]])];
    const after = [year(2028, 10, [[1, "Region", 10]]), year(2029, 20, [[1, "Region", 5]])];
    expect(shareChanges(before, after).map((y) => y.rows[0].change)).toEqual([0, -15]);
    expect(() => shareChanges(before, [after[1]])).toThrow(/2028/);
    expect(() => shareChanges(before, after.slice(0, 1))).toThrow(/2029/);
  });
});
