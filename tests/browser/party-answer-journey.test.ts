/**
 * The IFO chief reports her council's decision on a phone (320 px) without JavaScript: a refused
 * date comes back at the field with everything typed kept, two people reporting at once see the
 * conflict, and the saved answer is on the recommendation page with its date as 2026-12-31.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInStockholm } from "~/domain/format";
import { expectAccessible, startApp, waitForText, type TestApp } from "../support/browser";

let app: TestApp;
let recId = 0;
beforeAll(async () => {
  app = await startApp();
  const rec = app.db.$client
    .prepare(
      `INSERT INTO recommendations (collaboration_id, status, title, ask, answer_deadline, sent_at)
       VALUES (?, 'skickad', 'Verksamhetsplan 2027', 'Godkänna verksamhetsplanen.', '2027-03-31', ?) RETURNING id`,
    )
    .get(app.world.collaborationId, new Date().toISOString()) as { id: number };
  recId = rec.id;
  app.db.$client
    .prepare("INSERT INTO recommendation_parties (recommendation_id, organisation_id) VALUES (?, ?)")
    .run(recId, app.world.organisationIds.Östersund);
});
afterAll(async () => {
  await app?.stop();
});

async function phone(account: "demo-ifochef" | "demo-samordnare") {
  const context = await app.context(account, { javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
  return { context, page: await context.newPage() };
}

describe("the IFO chief reports on a phone without JavaScript", () => {
  it("keeps the form on a refusal, shows a conflict, and shows the saved answer", async () => {
    const url = `/rekommendationer/${recId}/svar/${app.world.organisationIds.Östersund}`;
    const ingrid = await phone("demo-ifochef");
    const coordinator = await phone("demo-samordnare");
    await ingrid.page.goto(url);
    await coordinator.page.goto(url);
    expect(await ingrid.page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);

    const fill = async (page: typeof ingrid.page, date: string, registry: string) => {
      await page.getByLabel("Status").selectOption("antagen");
      await page.getByLabel("Datum").fill(date);
      await page.getByLabel("Beslutande organ").selectOption("Kommunfullmäktige");
      await page.getByLabel("Paragraf (§)").fill("48");
      await page.getByLabel("Diarienummer").fill(registry);
    };
    await fill(ingrid.page, "2099-12-31", "KS 2026/112");
    const refused = ingrid.page.waitForResponse((r) => r.request().method() === "POST");
    await ingrid.page.getByRole("button", { name: "Rapportera svaret" }).click();
    expect((await refused).status()).toBe(400);
    await waitForText(ingrid.page.locator(".field--error"), "framtiden");
    expect(await ingrid.page.getByLabel("Diarienummer").inputValue()).toBe("KS 2026/112");
    expect(await ingrid.page.getByLabel("Datum").inputValue()).toBe("2099-12-31");

    // The coordinator saves first; Ingrid's form is now stale.
    await fill(coordinator.page, todayInStockholm(), "KS 2026/111");
    await coordinator.page.getByRole("button", { name: "Rätta svaret" }).click();
    await coordinator.page.waitForURL(/rekommendationer\/\d+$/);
    await ingrid.page.getByLabel("Datum").fill(todayInStockholm());
    const stale = ingrid.page.waitForResponse((r) => r.request().method() === "POST");
    await ingrid.page.getByRole("button", { name: "Rapportera svaret" }).click();
    expect((await stale).status()).toBe(409);
    await waitForText(ingrid.page.locator("main"), "KS 2026/111");
    expect(await ingrid.page.getByLabel("Diarienummer").inputValue()).toBe("KS 2026/112");
    expect(await ingrid.page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);

    // Having seen the other answer, she saves hers.
    await ingrid.page.getByRole("button", { name: "Rapportera svaret" }).click();
    await ingrid.page.waitForURL(/rekommendationer\/\d+$/);
    await waitForText(ingrid.page.locator("main"), `Kommunfullmäktige ${todayInStockholm()} § 48, dnr KS 2026/112`);
    await ingrid.context.close();
    await coordinator.context.close();
  });
});

describe("two people reporting at once, with JavaScript", () => {
  it("lets the one who saw the conflict save hers on the next try", async () => {
    const url = `/rekommendationer/${recId}/svar/${app.world.organisationIds.Östersund}`;
    const { page, errors } = await app.page("demo-ifochef");
    await page.goto(url);
    await page.getByLabel("Status").selectOption("antagen");
    await page.getByLabel("Datum").fill(todayInStockholm());
    await page.getByLabel("Beslutande organ").selectOption("Kommunfullmäktige");
    await page.getByLabel("Paragraf (§)").fill("49");
    await page.getByLabel("Diarienummer").fill("KS 2026/113");
    // Someone else saves in between.
    app.db.$client
      .prepare("UPDATE recommendation_parties SET version = version + 1 WHERE recommendation_id = ?")
      .run(recId);
    const stale = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Rapportera svaret" }).click();
    expect((await stale).status()).toBe(409);
    await waitForText(page.locator("main"), "KS 2026/112");
    await page.getByRole("button", { name: "Rapportera svaret" }).click();
    await page.waitForURL(/rekommendationer\/\d+$/);
    await waitForText(page.locator("main"), "§ 49, dnr KS 2026/113");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("the coordinator chooses who speaks for the party", () => {
  it("reports through the contact person set on the party's page, not through whoever is employed by the party", async () => {
    const answerUrl = `/rekommendationer/${recId}/svar/${app.world.organisationIds.Östersund}`;
    const party = app.db.$client
      .prepare("SELECT id FROM parties WHERE collaboration_id = ? AND organisation_id = ?")
      .get(app.world.collaborationId, app.world.organisationIds.Östersund) as { id: number };
    const maja = await app.page("demo-chef");
    // Mini-Maria's manager is employed by Östersund but is not its representative.
    expect((await maja.page.goto(answerUrl))?.status()).toBe(403);
    await waitForText(maja.page.locator("main"), "Du saknar behörighet");

    const coordinator = await app.page("demo-samordnare");
    await coordinator.page.goto(`/samverkan/${app.world.collaborationId}/parter/${party.id}`);
    const contact = coordinator.page.getByLabel("Kontaktperson");
    // The demo's IFO chief is Östersund's contact person.
    expect(await contact.inputValue()).toBe(String(app.world.personIds["Ingrid IFO-chef Östersund"]));
    await expectAccessible(coordinator.page);
    await contact.selectOption(String(app.world.personIds["Maja Mini-Maria-chef"]));
    await coordinator.page.getByRole("button", { name: "Spara" }).click();
    await coordinator.page.waitForURL(new RegExp(`/samverkan/${app.world.collaborationId}$`));

    expect((await maja.page.goto(answerUrl))?.status()).toBe(200);
    await maja.page.getByLabel("Status").waitFor();

    // Back to the IFO chief, as the demo has it.
    await coordinator.page.goto(`/samverkan/${app.world.collaborationId}/parter/${party.id}`);
    await contact.selectOption(String(app.world.personIds["Ingrid IFO-chef Östersund"]));
    await coordinator.page.getByRole("button", { name: "Spara" }).click();
    await coordinator.page.waitForURL(new RegExp(`/samverkan/${app.world.collaborationId}$`));
    expect((await maja.page.goto(answerUrl))?.status()).toBe(403);
    expect(maja.errors).toEqual([]);
    expect(coordinator.errors).toEqual([]);
  });
});
