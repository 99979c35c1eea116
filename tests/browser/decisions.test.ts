import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decisions, recommendationParties, recommendations } from "../../db/schema";
import { todayInStockholm } from "~/domain/format";
import { makePdf } from "../fixtures/pdf";
import { expectAccessible, inDays, startApp, waitForText, type TestApp } from "../support/browser";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("a recommendation from SVOM to nine councils", () => {
  let recUrl = "";
  const title = "Rekommendation om verksamhetsplan 2027";

  it("lets the coordinator record the SVOM decision and send it to the parties; every party shows 'väntar'", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto("/beslut/ny");
    await expectAccessible(page);
    await page.getByLabel("Organ").selectOption({ label: "Sociala vård- och omsorgsgruppen (SVOM)" });
    await page.getByLabel("Datum").fill(todayInStockholm());
    await page.getByLabel("Rubrik").fill(title);
    await page.locator("#f-text").fill("SVOM rekommenderar parterna att godkänna verksamhetsplanen 2027.");
    await page.getByLabel("Typ").selectOption("rekommendation");
    await page
      .getByLabel("Ärende", { exact: true })
      .selectOption({ label: "SVOM 2021/07 Länsgemensam Mini-Maria Jämtland Härjedalen" });
    await page.getByRole("button", { name: "Spara beslutet" }).click();
    await page.getByRole("link", { name: "Skicka som rekommendation till parterna" }).click();
    await page.waitForURL(/rekommendationer\/ny/);
    await page.getByLabel(/^Sista svarsdag/).fill(inDays(30));
    await page.getByLabel("Vad föreslås och varför").fill("Planen beskriver **prioriteringarna** för 2027.");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Spara utkastet" }).click();
    // Drafted from the decision: on to link it as the deciding §, already chosen.
    await page.waitForURL(/rekommendationer\/\d+\/beslut/);
    await page.getByRole("button", { name: "Koppla beslutet" }).click();
    await page.waitForURL(/rekommendationer\/\d+$/);
    await page.getByRole("link", { name: "Skicka till parterna" }).click();
    await page.waitForURL(/skicka$/);
    await page.getByRole("button", { name: "Skicka till parterna" }).click();
    await page.waitForURL(/rekommendationer\/\d+$/);
    recUrl = new URL(page.url()).pathname;
    await page.locator("tbody tr").nth(8).waitFor();
    expect(await page.locator("tbody tr").count()).toBe(9);
    expect((await page.locator("tbody .badge").allInnerTexts()).every((t) => t.startsWith("Väntar"))).toBe(true);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("lets an IFO chief report her municipality's adoption with an extract, refusing a future date first", async () => {
    const { page, errors } = await app.page("demo-ifochef");
    await page.goto(recUrl);
    await page.getByRole("link", { name: "Rapportera svar för Östersunds kommun" }).click();
    await page.waitForURL(/svar\/\d+$/);
    await expectAccessible(page);
    await page.getByLabel("Status").selectOption("antagen");
    await page.getByLabel("Datum").fill(inDays(3));
    await page.getByLabel("Beslutande organ").selectOption("Socialnämnden");
    await page.getByLabel("Paragraf (§)").fill("101");
    await page.getByRole("button", { name: "Rapportera svaret" }).click();
    await waitForText(page.locator("#f-decisionDate-error"), "framtiden");
    expect(await page.getByLabel("Paragraf (§)").inputValue()).toBe("101");
    await page.getByLabel("Datum").fill(todayInStockholm());
    await page.getByLabel("Protokollsutdrag").setInputFiles({
      name: "utdrag.pdf",
      mimeType: "application/pdf",
      buffer: makePdf(["Protokollsutdrag SN § 101"]),
    });
    await page.getByRole("button", { name: "Rapportera svaret" }).click();
    await page.waitForURL(/rekommendationer\/\d+$/);
    const row = page.locator("tbody tr", { hasText: "Östersunds kommun" });
    await waitForText(row, "Antagen");
    await waitForText(row, "Protokollsutdrag");
    // She cannot report for another municipality.
    const other = await page.goto(`${recUrl}/svar/${app.world.organisationIds.Berg}`);
    expect(other?.status()).toBe(403);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows the change in the matrix and on the politicians' public page, and marks overdue parties after the deadline", async () => {
    const { page } = await app.page();
    await page.goto("/rekommendationer");
    const row = page.locator("tbody tr", { hasText: title });
    await waitForText(row, "Antagen");
    await expectAccessible(page);
    // Move the deadline into the past: everyone without an answer is overdue.
    const recId = Number(recUrl.split("/").pop());
    app.db
      .update(recommendations)
      .set({ answerDeadline: inDays(-1) })
      .where(eq(recommendations.id, recId))
      .run();
    await page.reload();
    await waitForText(page.locator("tbody tr", { hasText: title }), "Väntar – försenat");
    await waitForText(page.locator("main"), "Bergs kommun (försenat)");
    await page.goto(recUrl);
    await waitForText(page.locator("#parterna-summering"), "1 av 9 har antagit");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".main-nav").isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
    await expectAccessible(page);
    await page.context().close();
  });

  it("shows every step in the matter's timeline and refuses a duplicate registry number", async () => {
    const { page } = await app.page("demo-samordnare");
    await page.goto("/arenden");
    await page.getByRole("link", { name: "Länsgemensam Mini-Maria Jämtland Härjedalen" }).click();
    await waitForText(page.locator(".matter-timeline"), title);
    await waitForText(page.locator(".matter-timeline"), "Östersunds kommun: antagen");
    await waitForText(page.locator(".matter-timeline"), "2022-06-03");
    await expectAccessible(page);
    // The coordinator closes and reopens the matter.
    await page.getByRole("button", { name: "Öppna ärendet igen" }).click();
    await page.getByRole("button", { name: "Avsluta ärendet" }).waitFor();
    await page.goto("/arenden");
    await page.getByLabel("Diarienummer").fill("SVOM 2021/07");
    await page.getByLabel("Rubrik").fill("Dubblett");
    await page.getByRole("button", { name: "Skapa ärende" }).click();
    await waitForText(page.locator("#f-registryNumber-error"), "finns redan");
    expect(await page.getByLabel("Rubrik").inputValue()).toBe("Dubblett");
    await page.context().close();
  });

  it("shows the matrix as it stood on 2022-10-07: one party had declined, two had not decided", async () => {
    const { page } = await app.page();
    await page.goto("/rekommendationer");
    await page.getByLabel("Visa läget den").fill("2022-10-07");
    await page.getByRole("button", { name: "Visa" }).click();
    await waitForText(page.getByRole("status"), "Läget den 2022-10-07");
    const row = page.locator("tbody tr", { hasText: "Inriktningsbeslut om en gemensam Mini-Maria" });
    const badges = await row.locator(".badge").allInnerTexts();
    expect(badges.filter((b) => b.startsWith("Avslagen"))).toHaveLength(1);
    expect(badges.filter((b) => b.includes("försenat"))).toHaveLength(2);
    expect(badges.filter((b) => b.startsWith("Antagen"))).toHaveLength(6);
    expect(await page.locator("tbody tr").count()).toBe(1);
    await expectAccessible(page);
    await page.context().close();
  });

  it("refuses an answer from a party that was not asked", async () => {
    const recId = Number(recUrl.split("/").pop());
    app.db
      .delete(recommendationParties)
      .where(
        and(
          eq(recommendationParties.recommendationId, recId),
          eq(recommendationParties.organisationId, app.world.organisationIds.Åre),
        ),
      )
      .run();
    const { page } = await app.page("demo-samordnare");
    const res = await page.goto(`${recUrl}/svar/${app.world.organisationIds.Åre}`);
    expect(res?.status()).toBe(404);
    await waitForText(page.locator("main"), "Sidan finns inte");
    await page.context().close();
  });

  it("exports the register as formula-safe CSV and lists the coordinator's overdue assignments", async () => {
    app.db.update(decisions).set({ title: '=HYPERLINK("http://evil")' }).where(eq(decisions.title, title)).run();
    const { page } = await app.page("demo-samordnare");
    const csv = await (await page.request.get("/beslut.csv?typ=rekommendation")).text();
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).not.toMatch(/;=HYPERLINK/);
    await page.goto("/");
    await waitForText(page.locator("[id^=forsenade-uppdrag] ~ ul"), "Rutin för närmottagningar i alla kommuner");
    await page.goto("/uppdrag?visa=forsenade");
    await expectAccessible(page);
    await page.goto("/beslut");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Rekommendation om inriktningsbeslut" }).click();
    // The register also has a "Status" filter: wait for the decision's own page.
    await page.waitForURL(/\/beslut\/\d+$/);
    // Someone else changes it while the page is open: saving is a conflict, not an overwrite.
    const decisionId = Number(new URL(page.url()).pathname.split("/").pop());
    const shown = app.db.select().from(decisions).where(eq(decisions.id, decisionId)).get()!.status;
    const theirs = shown === "gäller" ? "verkställt" : "gäller";
    app.db.update(decisions).set({ status: theirs }).where(eq(decisions.id, decisionId)).run();
    await page.getByLabel("Status").selectOption("upphävt");
    await page.getByRole("button", { name: "Spara status" }).click();
    await waitForText(page.locator("main"), "Någon annan har ändrat beslutets status");
    expect(app.db.select().from(decisions).where(eq(decisions.id, decisionId)).get()!.status).toBe(theirs);
    await expectAccessible(page);
    // Saved again from what is there now, it stands.
    await page.getByLabel("Status").selectOption("upphävt");
    await page.getByRole("button", { name: "Spara status" }).click();
    await waitForText(page.locator("article > p.muted"), "upphävt");
    await page.context().close();
  });
});
