import { describe, expect, it } from "vitest";
import {
  balanceChain,
  budgetChain,
  budgetChainAcross,
  budgetForYear,
  decidedRegionAmount,
  describeBudgetSource,
  indexOneYear,
  versionChain,
  versionOfYear,
  type BudgetModel,
} from "~/domain/budget-cycle";

const miniMaria: BudgetModel = { baseYear: 2023, baseBudget: 5_720_000, indexBasisPoints: 300 };
const totals = (chain: { year: number; total: number }[]) => Object.fromEntries(chain.map((y) => [y.year, y.total]));

describe("one year's indexation", () => {
  it("multiplies exactly and rounds to whole kronor, half up", () => {
    expect(indexOneYear(5_720_000, 300)).toEqual({ total: 5_891_600, exact: "5\u00a0891\u00a0600" });
    expect(indexOneYear(6_068_348, 300)).toEqual({ total: 6_250_398, exact: "6\u00a0250\u00a0398,44" });
    expect(indexOneYear(6_250_398, 300)).toEqual({ total: 6_437_910, exact: "6\u00a0437\u00a0909,94" });
    expect(indexOneYear(50, 100).total).toBe(51); // 50,5 → 51
    expect(indexOneYear(150, 100).total).toBe(152); // 151,5 → 152
    expect(indexOneYear(49, 100).total).toBe(49); // 49,49 → 49
    expect(indexOneYear(1234, 0)).toEqual({ total: 1234, exact: "1\u00a0234" });
    expect(indexOneYear(0, 300).total).toBe(0);
  });
  it("refuses what is not whole kronor or a sane rate", () => {
    expect(() => indexOneYear(-1, 300)).toThrow();
    expect(() => indexOneYear(1.5, 300)).toThrow();
    expect(() => indexOneYear(100, -1)).toThrow();
    expect(() => indexOneYear(100, 2.5)).toThrow();
  });
  it("stays exact where floating point would not", () => {
    // 999 999 999 999 × 1,03 = 1 029 999 999 998,97 → 1 029 999 999 999 (a double multiplies it inexactly).
    expect(indexOneYear(999_999_999_999, 300)).toEqual({
      total: 1_029_999_999_999,
      exact: "1\u00a0029\u00a0999\u00a0999\u00a0998,97",
    });
  });
});

describe("the budget chain", () => {
  it("starts from the agreement's budget and indexes each year from the previous one", () => {
    const chain = budgetChain(miniMaria, [], 2027);
    expect(totals(chain)).toEqual({
      2023: 5_720_000,
      2024: 5_891_600,
      2025: 6_068_348,
      2026: 6_250_398,
      2027: 6_437_910,
    });
    expect(chain[0]).toMatchObject({ source: "avtal", indexedFrom: null });
    expect(chain[3]).toMatchObject({
      source: "uppräkning",
      indexedFrom: { year: 2025, total: 6_068_348 },
      exact: "6\u00a0250\u00a0398,44",
    });
  });

  it("indexes 2026 from the 2025 budget decided, not from 2023", () => {
    const chain = budgetChain(miniMaria, [{ year: 2025, total: 6_100_000 }], 2027);
    expect(totals(chain)).toEqual({
      2023: 5_720_000,
      2024: 5_891_600,
      2025: 6_100_000,
      2026: 6_283_000,
      2027: 6_471_490,
    });
    expect(chain[2].source).toBe("beslut");
    expect(chain[3]).toMatchObject({ source: "uppräkning", indexedFrom: { year: 2025, total: 6_100_000 } });
  });

  it("handles a decided year in the middle and a later decided year", () => {
    const chain = budgetChain(
      miniMaria,
      [
        { year: 2024, total: 5_900_000 },
        { year: 2027, total: 6_500_000 },
      ],
      2028,
    );
    expect(totals(chain)).toEqual({
      2023: 5_720_000,
      2024: 5_900_000,
      2025: 6_077_000,
      2026: 6_259_310,
      2027: 6_500_000,
      2028: 6_695_000,
    });
    expect(chain.map((y) => y.source)).toEqual(["avtal", "beslut", "uppräkning", "uppräkning", "beslut", "uppräkning"]);
  });

  it("lets a decision replace the base year's budget too", () => {
    expect(totals(budgetChain(miniMaria, [{ year: 2023, total: 5_000_000 }], 2024))).toEqual({
      2023: 5_000_000,
      2024: 5_150_000,
    });
  });

  it("rounds each year and indexes the rounded figure (not compounded from the first year)", () => {
    const chain = budgetChain({ baseYear: 2023, baseBudget: 50, indexBasisPoints: 100 }, [], 2025);
    // 50 × 1,01 = 50,5 → 51; 51 × 1,01 = 51,51 → 52. Compounded from 2023 it would be 50 × 1,0201 = 51,005 → 51.
    expect(totals(chain)).toEqual({ 2023: 50, 2024: 51, 2025: 52 });
  });

  it("ignores decisions before the base year and is empty before it", () => {
    expect(budgetChain(miniMaria, [{ year: 2020, total: 1 }], 2022)).toEqual([]);
    expect(budgetForYear(miniMaria, [], 2022)).toBeNull();
    expect(budgetForYear(miniMaria, [], 2026)?.total).toBe(6_250_398);
  });

  it("refuses decided totals that are not whole kronor", () => {
    expect(() => budgetChain(miniMaria, [{ year: 2025, total: 1.5 }], 2026)).toThrow();
    expect(() => budgetChain(miniMaria, [{ year: 2025, total: -1 }], 2026)).toThrow();
  });

  it("says where each figure comes from and how it was rounded", () => {
    const chain = budgetChain(miniMaria, [{ year: 2025, total: 6_100_000 }], 2026);
    expect(describeBudgetSource(chain[0], 300)).toBe("Budget enligt avtalet för basåret 2023.");
    expect(describeBudgetSource(chain[2], 300)).toBe("Fastställd genom beslut för 2025.");
    expect(describeBudgetSource(chain[3], 300)).toBe(
      "Uppräknad med 3\u00a0% från 2025: 6\u00a0100\u00a0000 kr × 1,03 = 6\u00a0283\u00a0000 kr, avrundat till hela kronor (en halv krona avrundas uppåt).",
    );
    const odd = budgetChain({ baseYear: 2023, baseBudget: 1000, indexBasisPoints: 250 }, [], 2024);
    expect(describeBudgetSource(odd[1], 250)).toContain("× 1,025 = 1\u00a0025 kr");
  });
});

describe("the running balance", () => {
  it("carries a surplus over and leaves a deficit for the parties", () => {
    const balance = balanceChain([
      { year: 2023, total: 5_720_000, oneOffCosts: 150_000, outcome: 5_600_000 },
      { year: 2024, total: 5_891_600, oneOffCosts: 0, outcome: 6_200_000 },
      { year: 2025, total: 6_068_348, oneOffCosts: 0, outcome: 6_000_000 },
    ]);
    expect(balance[0]).toMatchObject({
      carriedIn: 0,
      available: 5_870_000,
      result: 270_000,
      surplusCarriedOver: 270_000,
      deficit: 0,
    });
    // 5 891 600 + 270 000 − 6 200 000 = −38 400
    expect(balance[1]).toMatchObject({ carriedIn: 270_000, available: 6_161_600, result: -38_400, deficit: 38_400 });
    expect(balance[1].surplusCarriedOver).toBe(0);
    // A covered deficit carries nothing over.
    expect(balance[2]).toMatchObject({ carriedIn: 0, result: 68_348, surplusCarriedOver: 68_348 });
  });

  it("leaves later years unknown when an outcome is missing, never guessing", () => {
    const balance = balanceChain([
      { year: 2023, total: 100, oneOffCosts: 0, outcome: null },
      { year: 2024, total: 100, oneOffCosts: 0, outcome: 90 },
    ]);
    expect(balance[0]).toMatchObject({ carriedIn: 0, available: 100, result: null, deficit: null });
    expect(balance[1]).toMatchObject({ carriedIn: null, available: null, result: null });
  });

  it("sorts the years and refuses gaps", () => {
    expect(
      balanceChain([
        { year: 2024, total: 1, oneOffCosts: 0, outcome: 1 },
        { year: 2023, total: 1, oneOffCosts: 0, outcome: 1 },
      ]).map((y) => y.year),
    ).toEqual([2023, 2024]);
    expect(() =>
      balanceChain([
        { year: 2023, total: 1, oneOffCosts: 0, outcome: 1 },
        { year: 2025, total: 1, oneOffCosts: 0, outcome: 1 },
      ]),
    ).toThrow();
    expect(() => balanceChain([{ year: 2023, total: 1, oneOffCosts: 0, outcome: -1 }])).toThrow();
  });
});

describe("the region's decided amount", () => {
  const agreement = { baseYear: 2023, baseBudget: 5_720_000, regionBaseAmount: 2_675_000 };
  it("applies to the base year's agreed budget, also when it is recorded as decided", () => {
    expect(decidedRegionAmount(agreement, budgetChain(miniMaria, [], 2023)[0])).toBe(2_675_000);
    expect(decidedRegionAmount(agreement, budgetChain(miniMaria, [{ year: 2023, total: 5_720_000 }], 2023)[0])).toBe(
      2_675_000,
    );
  });
  it("gives way to the percentage in later years and when a decision changed the base year's total", () => {
    expect(decidedRegionAmount(agreement, budgetChain(miniMaria, [], 2024)[1])).toBeNull();
    expect(
      decidedRegionAmount(agreement, budgetChain(miniMaria, [{ year: 2023, total: 5_000_000 }], 2023)[0]),
    ).toBeNull();
    expect(
      decidedRegionAmount({ ...agreement, regionBaseAmount: null }, budgetChain(miniMaria, [], 2023)[0]),
    ).toBeNull();
  });
});

describe("the versions whose money applies to a year", () => {
  const v2023 = { id: 1, baseYear: 2023 };
  const v2023b = { id: 2, baseYear: 2023 };
  const v2027 = { id: 3, baseYear: 2027 };

  it("applies each version from its base year, the earlier one before it", () => {
    const chain = versionChain([v2023], v2027);
    expect(chain).toEqual([v2023, v2027]);
    expect([2023, 2026, 2027, 2030].map((y) => versionOfYear(chain, y).id)).toEqual([1, 1, 3, 3]);
    // Before the first base year, the first version (the pages show the base year then).
    expect(versionOfYear(chain, 2020).id).toBe(1);
  });

  it("lets the asked version win its own base year, and the later adopted of two with one base year", () => {
    expect(versionChain([v2023], v2023b)).toEqual([v2023b]);
    expect(versionChain([v2023, v2023b], v2027)).toEqual([v2023b, v2027]);
  });

  it("ignores versions with a later base year than the one asked about (a proposal compared with today's)", () => {
    expect(versionChain([v2023, v2027], v2023b)).toEqual([v2023b]);
  });

  it("chains the budget across versions: a new base budget in its base year, each year indexed by its version's rate", () => {
    const chain = budgetChainAcross(
      [
        { baseYear: 2027, baseBudget: 7_000_000, indexBasisPoints: 200 },
        { baseYear: 2023, baseBudget: 5_720_000, indexBasisPoints: 300 },
      ],
      [{ year: 2025, total: 6_000_000 }],
      2028,
    );
    expect(chain.map((c) => [c.year, c.total, c.source])).toEqual([
      [2023, 5_720_000, "avtal"],
      [2024, 5_891_600, "uppräkning"],
      [2025, 6_000_000, "beslut"],
      [2026, 6_180_000, "uppräkning"],
      [2027, 7_000_000, "avtal"],
      [2028, 7_140_000, "uppräkning"],
    ]);
    // One version is the plain chain.
    const one = { baseYear: 2023, baseBudget: 5_720_000, indexBasisPoints: 300 };
    expect(budgetChainAcross([one], [], 2026)).toEqual(budgetChain(one, [], 2026));
  });
});
