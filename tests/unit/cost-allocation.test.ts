import { describe, expect, it } from "vitest";
import {
  allocateByRule,
  allocateLargestRemainder,
  compareWithRecorded,
  percentagesError,
  shareOf,
  splitCosts,
} from "~/domain/cost-allocation";

// Illustrative populations on 1 November 2022.
const POPULATION = [
  { key: "Berg", population: 6959 },
  { key: "Bräcke", population: 6117 },
  { key: "Härjedalen", population: 9960 },
  { key: "Krokom", population: 15362 },
  { key: "Ragunda", population: 5102 },
  { key: "Strömsund", population: 11313 },
  { key: "Åre", population: 12180 },
  { key: "Östersund", population: 64560 },
];

const RECORDED_2023 = [
  { key: "Berg", amount: 165_240 },
  { key: "Bräcke", amount: 140_070 },
  { key: "Härjedalen", amount: 234_465 },
  { key: "Krokom", amount: 356_365 },
  { key: "Ragunda", amount: 118_755 },
  { key: "Strömsund", amount: 261_870 },
  { key: "Åre", amount: 283_185 },
  { key: "Östersund", amount: 1_462_480 },
];

/** A small deterministic generator so property tests are repeatable. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

describe("largest remainder", () => {
  it("adds up exactly and gives leftover kronor to the largest fractions", () => {
    expect(
      allocateLargestRemainder(100, [
        { key: "a", weight: 1 },
        { key: "b", weight: 1 },
        { key: "c", weight: 1 },
      ]),
    ).toEqual([
      { key: "a", amount: 34 },
      { key: "b", amount: 33 },
      { key: "c", amount: 33 },
    ]);
    expect(
      allocateLargestRemainder(10, [
        { key: "a", weight: 2 },
        { key: "b", weight: 1 },
      ]),
    ).toEqual([
      { key: "a", amount: 7 },
      { key: "b", amount: 3 },
    ]);
  });
  it("gives everything to a single party", () => {
    expect(allocateLargestRemainder(5_720_000, [{ key: "only", weight: 3 }])).toEqual([
      { key: "only", amount: 5_720_000 },
    ]);
  });
  it("handles zero totals and zero weights", () => {
    expect(allocateLargestRemainder(0, [{ key: "a", weight: 0 }])).toEqual([{ key: "a", amount: 0 }]);
    expect(
      allocateLargestRemainder(10, [
        { key: "a", weight: 0 },
        { key: "b", weight: 5 },
      ]),
    ).toEqual([
      { key: "a", amount: 0 },
      { key: "b", amount: 10 },
    ]);
  });
  it("refuses impossible input", () => {
    expect(() => allocateLargestRemainder(10, [{ key: "a", weight: 0 }])).toThrow();
    expect(() => allocateLargestRemainder(-1, [{ key: "a", weight: 1 }])).toThrow();
    expect(() => allocateLargestRemainder(10.5, [{ key: "a", weight: 1 }])).toThrow();
    expect(() => allocateLargestRemainder(10, [{ key: "a", weight: -1 }])).toThrow();
  });
  it.each([1, 2, 9, 50])(
    "always sums to the krona and stays within one krona of the exact quota for %i parties",
    (n) => {
      const random = rng(n * 7919);
      for (let round = 0; round < 200; round++) {
        const total = Math.floor(random() * 50_000_000);
        const weights = Array.from({ length: n }, (_, i) => ({
          key: `p${i}`,
          weight: Math.floor(random() * 200_000) + (i === 0 ? 1 : 0),
        }));
        const result = allocateLargestRemainder(total, weights);
        expect(result.reduce((s, r) => s + r.amount, 0)).toBe(total);
        const sum = weights.reduce((s, w) => s + w.weight, 0);
        result.forEach((r, i) => {
          expect(Math.abs(r.amount - (total * weights[i].weight) / sum)).toBeLessThan(1);
          expect(Number.isInteger(r.amount)).toBe(true);
        });
      }
    },
  );
});

describe("the 2023 budget of Mini-Maria", () => {
  it("reproduces the agreement's region and municipal amounts and divides the municipal part exactly", () => {
    const split = splitCosts({
      total: 5_720_000,
      regionAmount: 2_675_000,
      regionBasisPoints: 4675,
      regionKey: "Region",
      municipalities: POPULATION,
    });
    expect(split.region).toEqual({ key: "Region", amount: 2_675_000 });
    expect(split.municipalTotal).toBe(3_045_000);
    expect(split.municipalities.reduce((s, m) => s + m.amount, 0)).toBe(3_045_000);
    expect((split.region?.amount ?? 0) + split.municipalTotal).toBe(5_720_000);
  });
  it("shows that the recorded municipal figures are 22 570 kr short", () => {
    const split = splitCosts({
      total: 5_720_000,
      regionAmount: 2_675_000,
      regionBasisPoints: 4675,
      regionKey: "Region",
      municipalities: POPULATION,
    });
    const comparison = compareWithRecorded(split.municipalities, RECORDED_2023);
    expect(comparison.recordedTotal).toBe(3_022_430);
    expect(comparison.modelTotal).toBe(3_045_000);
    expect(comparison.totalDifference).toBe(-22_570);
    expect(comparison.rows.find((r) => r.key === "Östersund")?.difference).toBe(
      1_462_480 - split.municipalities.find((m) => m.key === "Östersund")!.amount,
    );
  });
  it("computes 46.75 % of the total exactly, which is not what was decided", () => {
    expect(shareOf(5_720_000, 4675)).toBe(2_674_100);
    expect(shareOf(5_720_000, 5325)).toBe(3_045_900);
  });
  it("lets the municipalities share everything when the region is not a party", () => {
    const split = splitCosts({
      total: 1_000_001,
      regionBasisPoints: 4675,
      regionKey: null,
      municipalities: POPULATION.slice(0, 3),
    });
    expect(split.region).toBeNull();
    expect(split.municipalities.reduce((s, m) => s + m.amount, 0)).toBe(1_000_001);
  });
});

describe("edge cases of the split", () => {
  it("lets the region carry everything when no municipality is left", () => {
    const split = splitCosts({ total: 100, regionBasisPoints: 5300, regionKey: "Region", municipalities: [] });
    expect(split.region?.amount).toBe(100);
  });
  it("refuses negative or impossible region amounts and shares", () => {
    expect(() =>
      splitCosts({ total: 100, regionAmount: -5, regionBasisPoints: 0, regionKey: "R", municipalities: POPULATION }),
    ).toThrow();
    expect(() =>
      splitCosts({ total: 100, regionBasisPoints: -1, regionKey: "R", municipalities: POPULATION }),
    ).toThrow();
    expect(() =>
      splitCosts({ total: 100, regionBasisPoints: 46.5, regionKey: "R", municipalities: POPULATION }),
    ).toThrow();
    expect(() => splitCosts({ total: 100, regionBasisPoints: 0, regionKey: null, municipalities: [] })).toThrow();
  });
  it("reports recorded amounts for parties outside the model", () => {
    const c = compareWithRecorded(
      [{ key: "a", amount: 10 }],
      [
        { key: "a", amount: 10 },
        { key: "b", amount: 5 },
      ],
    );
    expect(c.rows).toEqual([
      { key: "a", model: 10, recorded: 10, difference: 0 },
      { key: "b", model: 0, recorded: 5, difference: 5 },
    ]);
    expect(c.totalDifference).toBe(5);
  });
});

describe("percentages", () => {
  it("requires the shares to make 100 %", () => {
    expect(percentagesError("46,75", "53,25")).toEqual({});
    expect(percentagesError("46,75", "50")).toEqual({
      municipalPercent: "Andelarna måste bli 100 % tillsammans (nu 96,75 %).",
    });
    expect(percentagesError("abc", "50").regionPercent).toBeDefined();
  });
});

describe("joint funds and one-off costs shared by rule", () => {
  const parties = { regionBasisPoints: 4675, regionKey: "Region", municipalities: POPULATION };
  const sum = (a: { amount: number }[]) => a.reduce((s, x) => s + x.amount, 0);

  it("shares 4 000 000 kr by the model: the region 46.75 %, the municipalities the rest by population", () => {
    const parts = allocateByRule(4_000_000, "modell", parties);
    expect(parts[0]).toEqual({ key: "Region", amount: 1_870_000 });
    expect(sum(parts)).toBe(4_000_000);
    expect(sum(parts.slice(1))).toBe(2_130_000);
    expect(parts).toHaveLength(9);
  });
  it("shares running costs half and half", () => {
    const parts = allocateByRule(100_001, "halvor", parties);
    expect(parts[0]).toEqual({ key: "Region", amount: 50_001 });
    expect(sum(parts)).toBe(100_001);
  });
  it("gives an amount to one named party", () => {
    const parts = allocateByRule(120_000, "part", parties, "Krokom");
    expect(parts.find((p) => p.key === "Krokom")?.amount).toBe(120_000);
    expect(sum(parts)).toBe(120_000);
    expect(() => allocateByRule(1, "part", parties, "Sundsvall")).toThrow();
    expect(() => allocateByRule(1, "part", parties)).toThrow();
  });
  it("lets the municipalities carry a model share alone when the region is not a party", () => {
    const parts = allocateByRule(999, "modell", { ...parties, regionKey: null });
    expect(parts).toHaveLength(8);
    expect(sum(parts)).toBe(999);
  });
  it("refuses to share with nobody", () => {
    expect(() => allocateByRule(1, "modell", { regionBasisPoints: 0, regionKey: null, municipalities: [] })).toThrow();
  });
  it.each([1, 7, 4_000_000, 12_345_679])("always adds up to the krona: %i kr", (amount) => {
    for (const rule of ["modell", "halvor"] as const) expect(sum(allocateByRule(amount, rule, parties))).toBe(amount);
  });
});
