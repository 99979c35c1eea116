/**
 * An independent check: the figures computed a second way, by hand from the sources, and
 * compared with what the portal says each party pays, to the krona.
 *
 * The sources (seed 002): budget 2023 5 720 000 kr, the region 46,75 % (2 675 000 kr in 2023),
 * the municipalities 53,25 % by population on 1 November the year before, costs indexed 3 % a
 * year; SVOM sets aside 4 000 000 kr of joint funds for 2023. The populations are the demo's
 * examples (the 2022 figure plus a fixed yearly change). The hand calculation below uses none
 * of the portal's code: decimal strings for the percentages, plain integer arithmetic, and a
 * largest-remainder split that sorts remainders as exact fractions.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { DemoWorld } from "../../db/demo-world";
import { partyCostInYear, saveBudgetYear } from "~/models/agreement-money.server";
import { getParty, partiesOf, recordNotice } from "~/models/agreements.server";
import { demoDatabase } from "../support/test-db";

const POPULATION_2022: Record<string, number> = {
  Berg: 6959,
  Bräcke: 6117,
  Härjedalen: 9960,
  Krokom: 15362,
  Ragunda: 5102,
  Strömsund: 11313,
  Åre: 12180,
  Östersund: 64560,
};
const YEARLY_CHANGE: Record<string, number> = {
  Berg: -40,
  Bräcke: -35,
  Härjedalen: -60,
  Krokom: 90,
  Ragunda: -30,
  Strömsund: -70,
  Åre: 110,
  Östersund: 350,
};

/**
 * Population on 1 November of the year before `year`. The demo (built on 2026-11-23) has
 * figures up to 1 November 2026; a later year carries the latest figure forward (flagged).
 */
function populationFor(name: string, year: number) {
  return POPULATION_2022[name] + YEARLY_CHANGE[name] * (Math.min(year, 2027) - 2023);
}

/** `amount × percent` for a percent written "46,75", rounded to the nearest krona, half up. */
function percentOf(amount: number, percent: string): number {
  const [whole, decimals = ""] = percent.split(",");
  const hundredths = Number(whole) * 100 + Number(decimals.padEnd(2, "0"));
  const times = amount * hundredths; // exact: at most ~10^13
  return Math.floor(times / 10_000) + (times % 10_000 >= 5_000 ? 1 : 0);
}

/** Budget of `year`, indexed 3 % a year from the last decided year, rounded each year (half up). */
function budgetOf(year: number, decided: Record<number, number>): number {
  let budget = 5_720_000;
  for (let y = 2024; y <= year; y++) budget = decided[y] ?? budget + percentOf(budget, "3");
  return budget;
}

/** Largest remainder, written out: floors, then one krona each to the largest exact remainders. */
function split(total: number, weights: Record<string, number>): Record<string, number> {
  const names = Object.keys(weights);
  const sum = names.reduce((s, n) => s + weights[n], 0);
  const out: Record<string, number> = {};
  for (const n of names) out[n] = Math.floor((total * weights[n]) / sum);
  const remainder = (n: string) => total * weights[n] - out[n] * sum;
  const order = [...names].sort((a, b) => remainder(b) - remainder(a) || names.indexOf(a) - names.indexOf(b));
  let left = total - names.reduce((s, n) => s + out[n], 0);
  for (const n of order) if (left-- > 0) out[n] += 1;
  return out;
}

/** What each party pays in `year`: region first, then the municipalities. */
function byHand(year: number, decided: Record<number, number> = {}, without: string[] = []) {
  const total = budgetOf(year, decided);
  const region = year === 2023 ? 2_675_000 : percentOf(total, "46,75");
  const municipalities = Object.keys(POPULATION_2022).filter((n) => !without.includes(n));
  const shares = split(total - region, Object.fromEntries(municipalities.map((n) => [n, populationFor(n, year)])));
  const result: Record<string, number> = { region, ...shares };
  if (year === 2023) {
    // The 4 000 000 kr of joint funds reduce the shares by the same model: 46,75 % the region.
    const grantRegion = percentOf(4_000_000, "46,75");
    const grant = split(
      4_000_000 - grantRegion,
      Object.fromEntries(municipalities.map((n) => [n, populationFor(n, year)])),
    );
    result.region -= grantRegion;
    for (const n of municipalities) result[n] -= grant[n];
  }
  return result;
}

let world: DemoWorld;
beforeEach(async () => {
  ({ world } = await demoDatabase("2026-11-23"));
});

function portal(year: number, names: string[]) {
  return Object.fromEntries(
    names.map((n) => [n, partyCostInYear(world.collaborationId, world.organisationIds[n], year)?.net ?? null]),
  );
}
const ALL = ["region", ...Object.keys(POPULATION_2022)];

describe("the portal's figures against a calculation by hand", () => {
  it.each([2023, 2024, 2025, 2026, 2027, 2028])("agree to the krona for %i", (year) => {
    expect(portal(year, ALL)).toEqual(byHand(year));
  });

  it("flags a population carried forward from an earlier date", () => {
    expect(partyCostInYear(world.collaborationId, world.organisationIds.Krokom, 2027)?.populationCarriedForward).toBe(
      false,
    );
    expect(partyCostInYear(world.collaborationId, world.organisationIds.Krokom, 2028)?.populationCarriedForward).toBe(
      true,
    );
  });

  it("agrees after the 2025 budget is decided: 2026 and later are indexed from it", () => {
    saveBudgetYear("demo-samordnare", world.collaborationId, 2025, 1, {
      totalByDecision: 6_100_000,
      decidedOn: "2024-11-29",
      decisionRef: "SVOM",
      outcome: null,
      note: "",
    });
    const decided = { 2025: 6_100_000 };
    expect(budgetOf(2026, decided)).toBe(6_283_000);
    for (const year of [2025, 2026, 2027]) expect(portal(year, ALL), String(year)).toEqual(byHand(year, decided));
  });

  it("agrees when a municipality leaves: the others share from the first year after its exit", () => {
    const berg = partiesOf(world.collaborationId).find((p) => p.organisationId === world.organisationIds.Berg)!;
    recordNotice("demo-samordnare", berg.id, berg.version, "2026-11-23", "2027-12-31", "", null);
    expect(getParty(berg.id)?.exitDate).toBe("2027-12-31");
    expect(portal(2027, ALL)).toEqual(byHand(2027));
    const after = portal(2028, ALL);
    expect(after.Berg).toBeNull();
    const { Berg: _gone, ...others } = after;
    expect(others).toEqual(byHand(2028, {}, ["Berg"]));
  });
});
