import { describe, expect, it } from "vitest";
import { budgetChain } from "~/domain/budget-cycle";
import { invoiceBasis, yearShares, type BudgetItem, type YearParty } from "~/domain/invoice-basis";

// Illustrative populations on 1 November 2022 (the sources do not give them).
const MUNICIPALITIES: YearParty[] = [
  ["Berg", 6959],
  ["Bräcke", 6117],
  ["Härjedalen", 9960],
  ["Krokom", 15362],
  ["Ragunda", 5102],
  ["Strömsund", 11313],
  ["Åre", 12180],
  ["Östersund", 64560],
].map(([name, population]) => ({
  key: String(name),
  name: String(name),
  kind: "kommun",
  population: Number(population),
}));
const REGION: YearParty = { key: "Region", name: "Region Jämtland Härjedalen", kind: "region", population: null };
const ALL = [REGION, ...MUNICIPALITIES];

const sum = (xs: { share?: number; net?: number; amount?: number }[], f: "share" | "net" | "amount") =>
  xs.reduce((s, x) => s + (x[f] ?? 0), 0);

describe("a year's shares", () => {
  it("keeps the decided 2023 amounts: region 2 675 000 kr, municipalities 3 045 000 kr by population", () => {
    const y = yearShares({
      year: 2023,
      total: 5_720_000,
      regionBasisPoints: 4675,
      regionDecidedAmount: 2_675_000,
      parties: ALL,
    });
    expect(y.regionAmount).toBe(2_675_000);
    expect(y.municipalTotal).toBe(3_045_000);
    expect(y.rows.find((r) => r.key === "Krokom")?.share).toBe(355_577);
    expect(y.rows.find((r) => r.key === "Östersund")?.share).toBe(1_494_342);
    expect(sum(y.rows, "share")).toBe(5_720_000);
  });

  it("applies 46.75 % exactly to a decided total, and moves no krona compared with the same total indexed", () => {
    const indexed = budgetChain({ baseYear: 2023, baseBudget: 5_720_000, indexBasisPoints: 300 }, [], 2026).at(-1)!;
    const decided = budgetChain(
      { baseYear: 2023, baseBudget: 5_720_000, indexBasisPoints: 300 },
      [{ year: 2026, total: indexed.total }],
      2026,
    ).at(-1)!;
    const split = (total: number) =>
      yearShares({ year: 2026, total, regionBasisPoints: 4675, regionDecidedAmount: null, parties: ALL });
    const a = split(indexed.total);
    const b = split(decided.total);
    expect(decided.source).toBe("beslut");
    expect(a.rows).toEqual(b.rows);
    // 6 250 398 × 46,75 % = 2 922 061,065 → 2 922 061
    expect(b.regionAmount).toBe(2_922_061);
    expect(b.municipalTotal).toBe(6_250_398 - 2_922_061);
    // 2024: 5 891 600 × 46,75 % = 2 754 323 exactly, whether indexed or decided.
    expect(split(5_891_600).regionAmount).toBe(2_754_323);
  });

  it("has nothing to split, and no error, when no party is active yet", () => {
    const y = yearShares({
      year: 2027,
      total: 1_000_000,
      regionBasisPoints: 4675,
      regionDecidedAmount: null,
      parties: [],
    });
    expect(y.noParties).toBe(true);
    expect(y.rows).toEqual([]);
    const basis = invoiceBasis(
      y,
      [{ kind: "engångskostnad", label: "Möbler", amount: 10, rule: "modell", partyKey: null }],
      null,
    );
    expect(basis.parties).toEqual([]);
    expect(basis.totals.net).toBe(0);
  });

  it("shares equally while no municipality has a population figure, and says so", () => {
    const y = yearShares({
      year: 2027,
      total: 800,
      regionBasisPoints: 0,
      regionDecidedAmount: null,
      parties: MUNICIPALITIES.map((m) => ({ ...m, population: null })),
    });
    expect(y.equalWeights).toBe(true);
    expect(y.rows.every((r) => r.share === 100)).toBe(true);
  });
});

describe("the invoice basis per party", () => {
  const y2023 = yearShares({
    year: 2023,
    total: 5_720_000,
    regionBasisPoints: 4675,
    regionDecidedAmount: 2_675_000,
    parties: ALL,
  });
  const grant: BudgetItem = {
    kind: "gemensamma medel",
    label: "Länsgemensamma medel psykisk hälsa 2023",
    amount: 4_000_000,
    rule: "modell",
    partyKey: null,
  };
  const furniture: BudgetItem = {
    kind: "engångskostnad",
    label: "Inventarier vid start",
    amount: 150_001,
    rule: "modell",
    partyKey: null,
  };

  it("reduces the shares by the 4 000 000 kr state grant and adds one-off costs, to the krona", () => {
    const basis = invoiceBasis(y2023, [grant, furniture], null);
    const region = basis.parties.find((p) => p.key === "Region")!;
    // The grant by the model: 46,75 % of 4 000 000 = 1 870 000 kr to the region.
    expect(region.lines.map((l) => l.amount)).toEqual([2_675_000, -1_870_000, 70_125]);
    expect(region.net).toBe(2_675_000 - 1_870_000 + 70_125);
    const krokom = basis.parties.find((p) => p.key === "Krokom")!;
    expect(krokom.lines[1].amount).toBe(-248_729);
    expect(basis.totals).toEqual({
      budget: 5_720_000,
      jointFunds: 4_000_000,
      oneOffCosts: 150_001,
      deficit: 0,
      net: 1_870_001,
    });
    expect(sum(basis.parties, "net")).toBe(basis.totals.net);
    for (const kind of ["gemensamma medel", "engångskostnad"] as const)
      expect(
        basis.parties.flatMap((p) => p.lines.filter((l) => l.kind === kind)).reduce((s, l) => s + l.amount, 0),
      ).toBe(kind === "gemensamma medel" ? -4_000_000 : 150_001);
  });

  it("gives an item decided for one party to that party only", () => {
    const basis = invoiceBasis(y2023, [{ ...furniture, rule: "part", partyKey: "Östersund", amount: 20_000 }], null);
    expect(basis.parties.filter((p) => p.lines.length > 1).map((p) => p.key)).toEqual(["Östersund"]);
    expect(basis.warnings).toEqual([]);
  });

  it("warns, and uses the model, when an item names a party that is not a party that year", () => {
    const basis = invoiceBasis(y2023, [{ ...furniture, rule: "part", partyKey: "Sundsvall" }], null);
    expect(basis.warnings[0]).toContain("Inventarier vid start");
    expect(sum(basis.parties, "net")).toBe(5_720_000 + 150_001);
  });

  it("splits last year's deficit by last year's model, also to a party that has since left", () => {
    const y2024 = yearShares({
      year: 2024,
      total: 5_891_600,
      regionBasisPoints: 4675,
      regionDecidedAmount: null,
      parties: ALL,
    });
    const without = ALL.filter((p) => p.key !== "Berg");
    const y2025 = yearShares({
      year: 2025,
      total: 6_068_348,
      regionBasisPoints: 4675,
      regionDecidedAmount: null,
      parties: without,
    });
    const basis = invoiceBasis(y2025, [], { year: 2024, amount: 38_400, shares: y2024 });
    const berg = basis.parties.find((p) => p.key === "Berg")!;
    expect(berg.partyOfYear).toBe(false);
    expect(berg.lines).toHaveLength(1);
    expect(berg.lines[0].kind).toBe("underskott");
    // 38 400 × 46,75 % = 17 952 kr for the region.
    expect(basis.parties.find((p) => p.key === "Region")!.lines[1].amount).toBe(17_952);
    expect(basis.totals.net).toBe(6_068_348 + 38_400);
    expect(sum(basis.parties, "net")).toBe(6_068_348 + 38_400);
    expect(
      sum(
        basis.parties.flatMap((p) => p.lines.filter((l) => l.kind === "underskott")),
        "amount",
      ),
    ).toBe(38_400);
  });
});
