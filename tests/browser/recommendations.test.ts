/**
 * A recommendation from SVOM to its answer in nine councils (issue 16, "Done when"): the
 * coordinator drafts it, links the approved SVOM §, sends it; Krokom's reader sees Krokom's
 * ask and cost for the named year first; Krokom's representative reports the council's
 * decision with § and registry number; the coordinator corrects it and every party sees the
 * new version with the reason; the follow-up report prints on A4 with all nine parties.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodies, decisions } from "../../db/schema";
import { todayInStockholm } from "~/domain/format";
import { makePdf } from "../fixtures/pdf";
import {
  accountForDemoPerson,
  expectAccessible,
  inDays,
  startApp,
  waitForText,
  type TestApp,
} from "../support/browser";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
  // Krokom's representative: the IFO chief of Krokom, who sits in the steering group.
  accountForDemoPerson(app, { id: "test-krokom", email: "ifochef.krokom@demo.example", person: "IFO-chef Krokom" });
});
afterAll(async () => {
  await app?.stop();
});

const title = "Godkännande av reviderat samarbetsavtal";
const costYear = String(Number(todayInStockholm().slice(0, 4)) + 1);
let recUrl = "";

describe("a recommendation from SVOM to its answer in nine councils", () => {
  it("lets the coordinator draft it; nobody else sees the draft", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto("/rekommendationer/ny");
    await expectAccessible(page);
    await page.getByLabel("Rubrik").fill(title);
    await page.getByLabel("Vad varje part ska besluta").fill("Att godkänna det reviderade samarbetsavtalet.");
    await page.getByLabel("Vad föreslås och varför").fill("Avtalet förlängs och kostnaden fördelas **som förut**.");
    await page.getByLabel("Avtalsversion som rekommendationen gäller").selectOption({ index: 1 });
    await page.getByLabel("Kostnadsår").fill(costYear);
    // A wrong date is refused at the field and everything typed stays.
    await page.getByLabel(/^Sista svarsdag/).fill("2027-02-30");
    await page.getByRole("button", { name: "Spara utkastet" }).click();
    await waitForText(page.locator("#f-answerDeadline-error"), "ÅÅÅÅ-MM-DD");
    expect(await page.getByLabel("Rubrik").inputValue()).toBe(title);
    await page.getByLabel(/^Sista svarsdag/).fill(inDays(30));
    await page.getByRole("button", { name: "Spara utkastet" }).click();
    await page.waitForURL(/rekommendationer\/\d+$/);
    recUrl = new URL(page.url()).pathname;
    await waitForText(page.locator("main"), "Bara samordnaren ser rekommendationen");
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();

    for (const account of [undefined, "demo-politiker"] as const) {
      const { page: other } = await app.page(account);
      expect((await other.goto(recUrl))?.status()).toBe(404);
      await other.context().close();
    }
  });

  it("links the approved SVOM § with its extract and supporting documents, then sends it to all nine", async () => {
    const svom = app.db.select().from(bodies).where(eq(bodies.slug, "svom")).get()!;
    const decision = app.db
      .select()
      .from(decisions)
      .where(and(eq(decisions.bodyId, svom.id), eq(decisions.title, "Rekommendation om samarbetsavtal")))
      .get()!;
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(recUrl);
    await page.getByRole("link", { name: "Skicka till parterna" }).waitFor({ state: "detached" });
    await page.getByRole("link", { name: "Koppla beslut och underlag" }).click();
    await page.waitForURL(/beslut$/);
    await expectAccessible(page);
    await page.getByLabel("Beslut (justerad paragraf)").selectOption(String(decision.id));
    await page.getByLabel("Protokollsutdrag").setInputFiles({
      name: "utdrag-svom.pdf",
      mimeType: "application/pdf",
      buffer: makePdf(["Protokollsutdrag SVOM, rekommendation om samarbetsavtal"]),
    });
    await page.getByLabel("Beslutsunderlag").setInputFiles({
      name: "underlag.pdf",
      mimeType: "application/pdf",
      buffer: makePdf(["Beslutsunderlag: reviderat samarbetsavtal"]),
    });
    await page.getByRole("button", { name: "Koppla beslutet" }).click();
    await page.waitForURL(/rekommendationer\/\d+$/);
    await waitForText(page.locator("#beslut-underlag ~ ul"), "utdrag-svom.pdf");
    await waitForText(page.locator("#beslut-underlag ~ ul"), "Rekommendation om samarbetsavtal");
    await page.getByRole("link", { name: "Skicka till parterna" }).click();
    await page.waitForURL(/skicka$/);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Skicka till parterna" }).click();
    await page.waitForURL(/rekommendationer\/\d+$/);
    await waitForText(page.locator("main"), "Skickad till parterna");
    await page.locator("#parterna ~ div tbody tr").nth(8).waitFor();
    expect(await page.locator("#parterna ~ div tbody tr").count()).toBe(9);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows Krokom's reader Krokom's ask and Krokom's cost for the named year first", async () => {
    const { page, errors } = await app.page("demo-politiker");
    await page.goto(recUrl);
    const own = page.locator("section.card").first();
    await waitForText(own.locator("h2"), "Vad Krokoms kommun ska besluta");
    const costLine = `Krokoms kommuns kostnad ${costYear} enligt avtalets kostnadsfördelning`;
    await waitForText(own, costLine);
    const amount = (
      await own.locator("dt", { hasText: costLine }).locator("xpath=following-sibling::dd[1]").innerText()
    ).trim();
    expect(amount).toMatch(/^\d[\d\s]*kr$/);
    // Her own section comes before the common text, and her party is first in the table.
    const headings = await page.locator("main h2").allInnerTexts();
    expect(headings.indexOf("Vad Krokoms kommun ska besluta")).toBeLessThan(
      headings.indexOf("Vad föreslås och varför"),
    );
    await waitForText(page.locator("#parterna ~ div tbody tr").first(), "Krokoms kommun");
    await expectAccessible(page);
    // The same amount as the agreement's cost split for that year.
    await page.goto(`/avtal/kostnader?ar=${costYear}`);
    await waitForText(page.locator("tbody tr", { hasText: "Krokoms kommun" }), amount);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("lets Krokom's representative report the council's decision with § and registry number", async () => {
    const { page, errors } = await app.page("test-krokom");
    await page.goto(recUrl);
    await page.getByRole("link", { name: "Rapportera Krokoms kommuns beslut" }).click();
    await page.waitForURL(/svar\/\d+$/);
    await expectAccessible(page);
    await page.getByLabel("Status").selectOption("antagen");
    await page.getByLabel("Datum").fill(todayInStockholm());
    await page.getByLabel("Beslutande organ").selectOption("Kommunfullmäktige");
    await page.getByLabel("Paragraf (§)").fill("48");
    await page.getByLabel("Diarienummer").fill("KS 2026/112");
    await page.getByLabel("Protokollsutdrag").setInputFiles({
      name: "kf-48.pdf",
      mimeType: "application/pdf",
      buffer: makePdf(["Protokollsutdrag KF § 48"]),
    });
    await page.getByRole("button", { name: "Rapportera svaret" }).click();
    await page.waitForURL(/rekommendationer\/\d+$/);
    const row = page.locator("#parterna ~ div tbody tr", { hasText: "Krokoms kommun" });
    await waitForText(row, `Kommunfullmäktige ${todayInStockholm()} § 48, dnr KS 2026/112`);
    await waitForText(row, "Protokollsutdrag");
    // Not for another party.
    expect((await page.goto(`${recUrl}/svar/${app.world.organisationIds.Berg}`))?.status()).toBe(403);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("lets the coordinator correct it; every party sees the new version with the reason", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(recUrl);
    await page.getByRole("link", { name: "Rätta (ny version)" }).click();
    await page.waitForURL(/ratta$/);
    await expectAccessible(page);
    await page.getByLabel(/^Sista svarsdag/).fill(inDays(45));
    await page.getByRole("button", { name: "Skicka rättelsen" }).click();
    await waitForText(page.locator("#f-reason-error"), "Skriv varför");
    expect(await page.getByLabel(/^Sista svarsdag/).inputValue()).toBe(inDays(45));
    await page.getByLabel("Skäl till rättelsen").fill("Sista svarsdag förlängd efter önskemål från kommunerna");
    await page.getByRole("button", { name: "Skicka rättelsen" }).click();
    await page.waitForURL(/rekommendationer\/\d+$/);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();

    for (const account of [undefined, "demo-politiker", "test-krokom", "demo-ifochef"] as const) {
      const { page: reader } = await app.page(account);
      await reader.goto(recUrl);
      await waitForText(reader.locator("main"), "(version 2):");
      await waitForText(reader.locator("main"), "Sista svarsdag förlängd efter önskemål från kommunerna");
      await reader.getByText("Läs version 1").waitFor();
      await reader.context().close();
    }
    const { page: krokom } = await app.page("demo-politiker");
    await krokom.goto(recUrl);
    await waitForText(krokom.locator("section.card").first(), inDays(45));
    await krokom.context().close();
  });

  it("prints the follow-up report for SVOM on A4 with all nine parties and what remains", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(recUrl);
    await page.getByRole("link", { name: /^Uppföljningsrapport för Sociala vård- och omsorgsgruppen/ }).click();
    await page.waitForURL(/uppfoljning$/);
    await page.getByLabel("Läget den").fill(todayInStockholm());
    await page.getByRole("button", { name: "Visa" }).click();
    await page.waitForURL(/per=/);
    const rows = page.locator(".report-table tbody tr");
    await rows.nth(8).waitFor();
    expect(await rows.count()).toBe(9);
    await waitForText(rows.filter({ hasText: "Krokoms kommun" }), "Antagen");
    await waitForText(page.locator("#rapport-summering"), "1 av 9 har antagit");
    await waitForText(page.locator("main"), "Bergs kommun: Har inte svarat ännu");
    await expectAccessible(page);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".main-nav").isVisible()).toBe(false);
    expect(await page.locator(".report-table").isVisible()).toBe(true);
    expect(await page.locator("#samordnaren").isVisible()).toBe(false);
    const pdf = await page.pdf({ format: "A4", printBackground: false });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    await page.emulateMedia({ media: "screen" });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
