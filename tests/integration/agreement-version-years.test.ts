/**
 * A new agreement version changes the money from its base year, never the years before it:
 * every surface that shows what a party pays (the cost page and its CSV, the invoice basis and
 * its CSV, the budget page, the party page, the IFO chief's start page) shows the same figures
 * for 2023–2026 after a version for 2027 is adopted as before, and 2027 follows the new terms.
 * Before the fix the newest adopted version was applied to every year: asking for 2023–2026
 * answered with 2027, and the years before it could no longer be read or recorded.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { DemoWorld } from "../../db/demo-world";
import { createSession } from "~/auth/sessions.server";
import { todayInStockholm } from "~/domain/format";
import { agreementOf, addVersion, currentVersion, partiesOf, principalsOf } from "~/models/agreements.server";
import * as startPage from "~/routes/_index";
import * as budgetPage from "~/routes/avtal.budget";
import * as invoicePage from "~/routes/avtal.fakturaunderlag._index";
import * as invoiceCsv from "~/routes/avtal.fakturaunderlag[.csv]";
import * as costPage from "~/routes/avtal.kostnader._index";
import * as costCsv from "~/routes/avtal.kostnader[.csv]";
import * as partyPage from "~/routes/avtal.parter.$partyId";
import { parseCsv } from "../support/csv";
import { demoDatabase } from "../support/test-db";

let world: DemoWorld;
const cookie: Record<string, string> = {};
type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;

async function load(
  handler: unknown,
  who: "samordnare" | "ifochef",
  path: string,
  params: Record<string, string> = {},
) {
  const request = new Request(`http://localhost${path}`, { headers: { Cookie: cookie[who] } });
  return (handler as Handler)({ request, params, context: {} });
}

const YEARS = [2023, 2024, 2025, 2026];
const thisYear = Number(todayInStockholm().slice(0, 4));

/** Every figure every surface shows for a year, keyed by surface and party. */
async function figuresOf(year: number): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const q = `?ar=${year}&samverkan=mini-maria-jh`;
  const cost = (await load(costPage.loader, "samordnare", `/avtal/kostnader${q}`)) as Awaited<
    ReturnType<typeof costPage.loader>
  >;
  out["kostnader: år"] = cost.year;
  out["kostnader: budget"] = cost.total;
  out["kostnader: regionens procent"] = cost.regionPercent;
  for (const r of cost.rows) out[`kostnader: ${r.name}`] = r.share;
  const [costHead, ...costRows] = parseCsv(
    await ((await load(costCsv.loader, "samordnare", `/avtal/kostnader.csv${q}`)) as Response).text(),
  );
  for (const r of costRows.filter((r) => r.length > 1))
    out[`kostnader.csv: ${r[costHead.indexOf("Part")]}`] = Number(r[costHead.indexOf("Belopp (kr)")]);
  const invoice = (await load(invoicePage.loader, "samordnare", `/avtal/fakturaunderlag${q}`)) as Awaited<
    ReturnType<typeof invoicePage.loader>
  >;
  out["fakturaunderlag: år"] = invoice.year;
  out["fakturaunderlag: regionens procent"] = invoice.regionPercent;
  for (const p of invoice.parties) out[`fakturaunderlag: ${p.name}`] = p.net;
  const [invHead, ...invRows] = parseCsv(
    await ((await load(invoiceCsv.loader, "samordnare", `/avtal/fakturaunderlag.csv${q}`)) as Response).text(),
  );
  for (const r of invRows.filter((r) => r.length > 1))
    out[`fakturaunderlag.csv: ${r[invHead.indexOf("Part")]}`] = Number(r[invHead.indexOf("Att betala (kr)")]);
  const budget = (await load(budgetPage.loader, "samordnare", `/avtal/budget${q}`)) as Awaited<
    ReturnType<typeof budgetPage.loader>
  >;
  const budgetYear = budget.years.find((y) => y.year === year);
  out["budget: total"] = budgetYear?.total ?? "saknas";
  out["budget: överskott"] = budgetYear?.balance.surplusCarriedOver ?? "saknas";
  if (year === thisYear) {
    for (const party of partiesOf(world.collaborationId)) {
      const page = (await load(partyPage.loader, "samordnare", `/avtal/parter/${party.id}`, {
        partyId: String(party.id),
      })) as Awaited<ReturnType<typeof partyPage.loader>>;
      out[`partsidan ${page.year}: ${party.name}`] = page.cost?.net ?? "saknas";
    }
    const start = (await load(startPage.loader, "ifochef", "/")) as {
      collaborations: { agreement: { year: number; myOrganisation: { name: string; net: number } | null } | null }[];
    };
    const mine = start.collaborations.find((c) => c.agreement?.myOrganisation)?.agreement;
    out[`startsidan ${mine?.year}: ${mine?.myOrganisation?.name}`] = mine?.myOrganisation?.net ?? "saknas";
  }
  return out;
}

beforeAll(async () => {
  ({ world } = await demoDatabase("2026-11-23"));
  cookie.samordnare = (await createSession("demo-samordnare")).split(";")[0];
  cookie.ifochef = (await createSession("demo-ifochef")).split(";")[0];
});

describe("a new agreement version for a later year", () => {
  it("leaves every earlier year's figures alone on every surface, and 2027 follows the new terms", async () => {
    const before: Record<number, Record<string, number | string>> = {};
    for (const year of YEARS) before[year] = await figuresOf(year);
    // The surfaces agree with each other for each party (the page, the CSV and the invoice basis).
    for (const year of YEARS) {
      const f = before[year];
      for (const key of Object.keys(f).filter((k) => k.startsWith("kostnader: ") && k.endsWith("kommun")))
        expect(f[key.replace("kostnader: ", "kostnader.csv: ")], `${year} ${key}`).toBe(f[key]);
      for (const key of Object.keys(f).filter((k) => k.startsWith("fakturaunderlag: ") && k.endsWith("kommun")))
        expect(f[key.replace("fakturaunderlag: ", "fakturaunderlag.csv: ")], `${year} ${key}`).toBe(f[key]);
    }

    // The parties adopt a version from 2027: a new budget, half each, 2 % indexation.
    const agreement = agreementOf(world.collaborationId)!;
    const v1 = currentVersion(agreement.id, "2026-11-23")!;
    const {
      id: _id,
      agreementId: _agreementId,
      createdAt: _createdAt,
      createdBy: _createdBy,
      version: _version,
      ...terms
    } = v1;
    addVersion(
      "demo-samordnare",
      agreement.id,
      {
        ...terms,
        label: "Samarbetsavtal från 2027",
        adoptedOn: "2026-10-15",
        baseYear: 2027,
        baseBudget: 7_000_000,
        regionShareBasisPoints: 5000,
        regionBaseAmount: null,
        indexBasisPoints: 200,
      },
      principalsOf(v1.id).map((p) => ({
        side: p.side,
        organisationId: p.organisationId,
        invoicesOthers: p.invoicesOthers,
      })),
    );
    expect(currentVersion(agreement.id, "2026-11-23")!.baseYear).toBe(2027);

    for (const year of YEARS) expect(await figuresOf(year), String(year)).toEqual(before[year]);

    const next = (await load(
      costPage.loader,
      "samordnare",
      "/avtal/kostnader?ar=2027&samverkan=mini-maria-jh",
    )) as Awaited<ReturnType<typeof costPage.loader>>;
    expect([next.year, next.total, next.regionAmount, next.regionPercent]).toEqual([
      2027,
      7_000_000,
      3_500_000,
      "50\u00a0%",
    ]);
    expect(next.rows.reduce((s, r) => s + r.share, 0)).toBe(7_000_000);
    // The balance runs on across the versions: 2026's surplus is carried into 2027.
    const budget = (await load(
      budgetPage.loader,
      "samordnare",
      "/avtal/budget?ar=2027&samverkan=mini-maria-jh",
    )) as Awaited<ReturnType<typeof budgetPage.loader>>;
    const y2026 = budget.years.find((y) => y.year === 2026)!;
    const y2027 = budget.years.find((y) => y.year === 2027)!;
    expect(budget.baseYear).toBe(2023);
    expect(y2027.balance.carriedIn).toBe(y2026.balance.surplusCarriedOver);
  });
});
