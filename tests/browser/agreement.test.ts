import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreements, agreementVersions, collaborations, parties } from "../../db/schema";
import { exitDateForNotice } from "~/domain/agreement-terms";
import { todayInStockholm } from "~/domain/format";
import { expectAccessible, startApp, waitForText, type TestApp } from "../support/browser";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const today = todayInStockholm();
const terms = { firstTermStart: "2023-01-01", firstTermEnd: "2023-12-31", noticeMonths: 12, renewalMonths: 12 };
const expectedExit = exitDateForNotice(terms, today);

describe("the agreement", () => {
  it("shows the public the current term, the notice deadline and the earliest exit", async () => {
    const { page, errors } = await app.page();
    await page.goto("/avtal");
    const year = today.slice(0, 4);
    await waitForText(page.locator("#avtalstid ~ dl"), `${year}-01-01 – ${year}-12-31`);
    if (!expectedExit.ok) throw new Error("fixture");
    await waitForText(page.locator("#avtalstid ~ dl"), expectedExit.exitDate);
    await waitForText(page.locator("#avtalstid ~ dl"), expectedExit.noticeDeadline);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("reproduces the 2023 split to the krona and highlights the recorded figures that differ", async () => {
    const { page } = await app.page();
    await page.goto("/avtal/kostnader?ar=2023");
    await waitForText(page.locator("tbody tr").first(), "2\u00a0675\u00a0000\u00a0kr");
    await waitForText(page.locator(".total-row"), "5\u00a0720\u00a0000\u00a0kr");
    await waitForText(page.locator(".total-row"), "−22\u00a0570\u00a0kr");
    expect(await page.locator("tr.differs").count()).toBeGreaterThan(0);
    // The region is named from the data, not as "Regionen".
    await waitForText(page.locator("main"), "Region Jämtland Härjedalen betalar 2\u00a0675\u00a0000\u00a0kr");
    await expectAccessible(page);
    const csv = await page.request.get("/avtal/kostnader.csv?ar=2023");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text.startsWith("\uFEFFÅr;Part;")).toBe(true);
    expect(text).toContain("2023;Region Jämtland Härjedalen;;;;2675000;5720000;");
    expect(text).toContain("exempel, inte SCB");
    await page.context().close();
  });

  it("compares two versions term by term and line by line", async () => {
    const { page } = await app.page();
    await page.goto("/avtal");
    await page.getByRole("link", { name: "Jämför versioner" }).click();
    await waitForText(page.locator(".diff"), "Avtalet har godkänts av samtliga nio parter");
    await expectAccessible(page);
    await page.goto("/avtal");
    await page.getByRole("link", { name: "Samarbetsavtal, antaget av samtliga parter" }).first().click();
    await waitForText(page.locator("caption", { hasText: "Godkännande per part" }), "Godkännande per part");
    expect(
      await page
        .locator("table", { has: page.locator("caption", { hasText: "Godkännande per part" }) })
        .locator("tbody tr")
        .count(),
    ).toBe(9);
    await expectAccessible(page);
    await page.context().close();
  });

  it("lets the coordinator record a notice: exit date, status and the following years' split change", async () => {
    if (!expectedExit.ok) throw new Error("fixture");
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto("/avtal");
    await page.getByRole("link", { name: "Bergs kommun" }).click();
    await expectAccessible(page);
    // A notice dated before the agreement began is refused, with the date kept.
    await page.getByLabel("Uppsägningen mottagen").fill("2022-06-01");
    await page.getByRole("button", { name: "Registrera uppsägning" }).click();
    await waitForText(page.locator("#f-receivedOn-error"), "före avtalets början");
    expect(await page.getByLabel("Uppsägningen mottagen").inputValue()).toBe("2022-06-01");
    await page.getByLabel("Uppsägningen mottagen").fill(today);
    await page.getByRole("button", { name: "Registrera uppsägning" }).click();
    await waitForText(page.locator(".badge"), `Har sagt upp avtalet – utträde den ${expectedExit.exitDate}`);
    await expectAccessible(page);

    const nextYear = Number(expectedExit.exitDate.slice(0, 4)) + 1;
    await page.goto(`/avtal/kostnader?ar=${nextYear}`);
    await waitForText(page.locator(".notice"), "Bergs kommun");
    expect(await page.locator("tbody").innerText()).not.toContain("Bergs kommun");
    await page.goto("/parter");
    await waitForText(page.locator("tbody"), `Har sagt upp avtalet – utträde den ${expectedExit.exitDate}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("refuses negative populations and percentages that do not make 100, keeping the input", async () => {
    const { page } = await app.page("demo-samordnare");
    await page.goto("/avtal/folkmangd?ar=2031");
    await page.getByLabel("Bergs kommun").fill("-40");
    await page.getByLabel("Bräcke kommun").fill("6 100");
    await page.getByRole("button", { name: "Spara folkmängd" }).click();
    await waitForText(page.locator(`.field-error`), "Folkmängden kan inte vara negativ.");
    expect(await page.getByLabel("Bräcke kommun").inputValue()).toBe("6 100");
    await expectAccessible(page);

    // SCB's table pasted as it comes: headings, the county row and codes.
    await page
      .getByLabel("Tabellen från SCB")
      .fill(
        [
          "Folkmängden den 1 november efter region, ålder och kön. År 2002 - 2030",
          '"region"\t"ålder"\t"kön"\t"2030"',
          '"23 Jämtlands län"\t"totalt ålder"\t"totalt"\t131 000',
          '"2326 Berg"\t"totalt ålder"\t"totalt"\t6 500',
          '"2305 Bräcke"\t"totalt ålder"\t"totalt"\t5 900',
        ].join("\n"),
      );
    await page.getByRole("button", { name: "Läs in" }).click();
    await waitForText(page.locator("[role=status]"), "sparad för 2 kommuner");
    await waitForText(page.locator("table"), "6\u00a0500");
    await expectAccessible(page);

    await page.goto("/avtal/versioner/ny");
    await page.getByLabel("Kommunernas andel (%)").fill("50");
    await page.getByLabel("Första avtalsperiod till och med").fill("2022-12-31");
    await page.getByRole("button", { name: "Spara versionen" }).click();
    await waitForText(page.locator("#f-municipalPercent-error"), "100 %");
    await waitForText(page.locator("#f-firstTermEnd-error"), "kan inte sluta innan den börjar");
    expect(await page.getByLabel("Kommunernas andel (%)").inputValue()).toBe("50");
    await expectAccessible(page);
    await page.context().close();
  });

  it("shows a party's representative what the organisation pays this year, and the what-if", async () => {
    const { page } = await app.page("demo-ifochef");
    await page.goto("/");
    await waitForText(page.locator("[id^='avtalet-'] ~ p"), "Östersunds kommun betalar");
    await page.goto("/avtal/tank-om");
    await page.getByLabel("Part", { exact: true }).selectOption({ label: "Åre kommun" });
    await page.getByRole("button", { name: "Räkna" }).click();
    await waitForText(page.locator(".notice"), "Om Åre kommun lämnar in en skriftlig uppsägning idag");
    await expectAccessible(page);
    await page.context().close();
  });
});

/** Largest remainder computed a second way (exact fractions compared by cross-multiplication). */
function byPopulation(total: number, populations: Record<string, number>): Record<string, number> {
  const names = Object.keys(populations);
  const sum = names.reduce((s, n) => s + populations[n], 0);
  const base = Object.fromEntries(names.map((n) => [n, Math.floor((total * populations[n]) / sum)]));
  const rest = (n: string) => total * populations[n] - base[n] * sum;
  let left = total - names.reduce((s, n) => s + base[n], 0);
  for (const n of [...names].sort((a, b) => rest(b) - rest(a) || names.indexOf(a) - names.indexOf(b))) {
    if (left-- <= 0) break;
    base[n] += 1;
  }
  return base;
}

describe("the agreement's money", () => {
  it("lets the coordinator record the 2025 budget as decided, and 2026 is 2025 indexed", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto("/avtal/budget?ar=2025");
    await expectAccessible(page);
    const row2026 = page.locator("tbody tr", { has: page.locator("th", { hasText: "2026" }) });
    await waitForText(row2026, "Uppräknad med 3\u00a0% från 2025");
    // A total that is not kronor is refused at the field, with what was typed kept.
    await page.getByLabel("Budget 2025 enligt beslut (kr)").fill("6,1 miljoner");
    await page.getByRole("button", { name: "Spara 2025" }).click();
    await waitForText(page.locator("#budget-totalByDecision-error"), "hela kronor");
    expect(await page.getByLabel("Budget 2025 enligt beslut (kr)").inputValue()).toBe("6,1 miljoner");
    await page.getByLabel("Budget 2025 enligt beslut (kr)").fill("6 100 000");
    await page.getByLabel("Beslutsdatum").fill("2024-11-29");
    await page.getByLabel("Beslut", { exact: true }).fill("SVOM 2024-11-29 § 45");
    await page.getByRole("button", { name: "Spara 2025" }).click();
    const row2025 = page.locator("tbody tr", { has: page.locator("th", { hasText: "2025" }) });
    await waitForText(row2025, "Beslutad");
    await waitForText(row2025, "6\u00a0100\u00a0000\u00a0kr");
    // 6 100 000 × 1,03 = 6 283 000
    await waitForText(row2026, "6\u00a0283\u00a0000\u00a0kr");
    await waitForText(
      row2026,
      "Uppräknad med 3\u00a0% från 2025: 6\u00a0100\u00a0000\u00a0kr × 1,03 = 6\u00a0283\u00a0000\u00a0kr",
    );
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("prints the invoice basis for Krokom 2026 on A4, with the figure computed by hand", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(`/avtal/fakturaunderlag?ar=2026&part=${app.world.organisationIds.Krokom}`);
    await waitForText(page.locator("h1"), "Fakturaunderlag 2026 – Krokoms kommun");
    // By hand: 2026 = 6 100 000 × 1,03 = 6 283 000 (after the previous test); the region 46,75 %
    // = 2 937 302,5 → 2 937 303; the municipalities 3 345 697 by the (example) population on
    // 2025-11-01, which the demo sets to the 2022 figure plus three years' change.
    const municipalTotal = 6_283_000 - 2_937_303;
    const shares = byPopulation(municipalTotal, {
      Berg: 6959 - 120,
      Bräcke: 6117 - 105,
      Härjedalen: 9960 - 180,
      Krokom: 15362 + 270,
      Ragunda: 5102 - 90,
      Strömsund: 11313 - 210,
      Åre: 12180 + 330,
      Östersund: 64560 + 1050,
    });
    const krokom = shares.Krokom.toString().replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
    await waitForText(page.locator(".total-row"), `${krokom}\u00a0kr`);
    await waitForText(page.locator(".invoice-basis"), "Faktureras av Östersunds kommun.");
    await waitForText(page.locator(".invoice-basis"), "Folkmängden är ett exempel");
    await expectAccessible(page);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".invoice-basis").isVisible()).toBe(true);
    expect(await page.locator("form").first().isVisible()).toBe(false);
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
    const csv = await page.request.get(`/avtal/fakturaunderlag.csv?ar=2026&part=${app.world.organisationIds.Krokom}`);
    const text = await csv.text();
    expect(text).toContain(
      `2026;Krokoms kommun;Faktureras av Östersunds kommun.;${shares.Krokom};0;0;0;${shares.Krokom};15632;2025-11-01;`,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("says that the collaboration ends if the region, a principal, gives notice on a chosen date", async () => {
    const { page, errors } = await app.page("demo-politiker");
    await page.goto("/avtal/tank-om");
    await page.getByLabel("Part", { exact: true }).selectOption({ label: "Region Jämtland Härjedalen" });
    await page.getByLabel("Uppsägningen kommer in").fill("2030-06-15");
    await page.getByRole("button", { name: "Räkna" }).click();
    await waitForText(page.locator("#samverkan-upphor"), "Samverkan upphör den 2031-12-31");
    await waitForText(page.locator(".card"), "förhandlas i särskild ordning");
    // The deadline for leaving at the end of 2031 is nyårsafton 2030.
    await waitForText(page.locator("[role=note]"), "2030-12-31 är nyårsafton");
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows an agreement that is not yet in force, with its coming first term and no error", async () => {
    const next = Number(today.slice(0, 4)) + 1;
    const collab = app.db
      .insert(collaborations)
      .values({ slug: "kommande", name: "Kommande samverkan" })
      .returning()
      .get();
    const agreement = app.db
      .insert(agreements)
      .values({ collaborationId: collab.id, title: "Kommande avtal" })
      .returning()
      .get();
    app.db
      .insert(agreementVersions)
      .values({
        agreementId: agreement.id,
        label: "Förslag",
        firstTermStart: `${next}-01-01`,
        firstTermEnd: `${next}-12-31`,
        noticeMonths: 12,
        renewalMonths: 12,
        baseYear: next,
        baseBudget: 1_000_000,
        regionShareBasisPoints: 5000,
      })
      .run();
    app.db
      .insert(parties)
      .values({ collaborationId: collab.id, organisationId: app.world.organisationIds.Berg, status: "inbjuden" })
      .run();
    const { page, errors } = await app.page("demo-samordnare");
    for (const path of ["/avtal", "/avtal/budget", "/avtal/kostnader", "/avtal/fakturaunderlag"]) {
      const response = await page.goto(`${path}?samverkan=kommande`);
      expect(response?.status(), path).toBe(200);
    }
    await page.goto("/avtal?samverkan=kommande");
    await waitForText(page.locator("[role=status]"), `Den första avtalsperioden är ${next}-01-01 – ${next}-12-31`);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
