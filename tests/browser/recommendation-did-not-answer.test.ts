/**
 * A recommendation closed while a party had not answered keeps the record ("Svarade inte"):
 * Östersund's IFO chief reports the council's decision, the coordinator closes the follow-up
 * from the report, and then Krokom, which never decided, reads "Svarade inte" on the
 * recommendation page (its own politician as "Ert svar" too) and in the matrix, never
 * "försenat" or "Väntar"; Östersund keeps its answer. Every page passes axe.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInStockholm } from "~/domain/format";
import { expectAccessible, inDays, startApp, waitForText, type TestApp } from "../support/browser";

let app: TestApp;
let recId = 0;
const title = "Gemensam rutin för uppföljning SVARADE-INTE";

beforeAll(async () => {
  app = await startApp();
  // Sent to Östersund and Krokom; its deadline far ahead, so it is the matrix's first row.
  const rec = app.db.$client
    .prepare(
      `INSERT INTO recommendations (collaboration_id, status, title, ask, answer_deadline, sent_at)
       VALUES (?, 'skickad', ?, 'Att anta rutinen.', ?, ?) RETURNING id`,
    )
    .get(app.world.collaborationId, title, inDays(3650), new Date().toISOString()) as { id: number };
  recId = rec.id;
  for (const party of [app.world.organisationIds.Östersund, app.world.organisationIds.Krokom])
    app.db.$client
      .prepare("INSERT INTO recommendation_parties (recommendation_id, organisation_id) VALUES (?, ?)")
      .run(recId, party);
});
afterAll(async () => {
  await app?.stop();
});

/** The badge in the row of the party on the recommendation page's table of answers. */
const answerOf = (page: Page, party: string) =>
  page.locator("#parterna ~ div tbody tr", { has: page.locator("th", { hasText: party }) }).locator(".badge");

describe("a recommendation closed while a party had not answered", () => {
  it("is answered by Östersund and closed by the coordinator from the follow-up report", async () => {
    const ingrid = await app.page("demo-ifochef");
    await ingrid.page.goto(`/rekommendationer/${recId}/svar/${app.world.organisationIds.Östersund}`);
    await expectAccessible(ingrid.page);
    await ingrid.page.getByLabel("Status").selectOption("antagen");
    await ingrid.page.getByLabel("Datum").fill(todayInStockholm());
    await ingrid.page.getByLabel("Beslutande organ").selectOption("Kommunfullmäktige");
    await ingrid.page.getByLabel("Paragraf (§)").fill("48");
    await ingrid.page.getByLabel("Diarienummer").fill("KS 2026/120");
    await ingrid.page.getByRole("button", { name: "Rapportera svaret" }).click();
    await ingrid.page.waitForURL(new RegExp(`/rekommendationer/${recId}$`));
    expect(ingrid.errors).toEqual([]);
    await ingrid.page.context().close();

    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(`/rekommendationer/${recId}/uppfoljning`);
    await expectAccessible(page);
    // Before closing, Krokom is still asked: waiting, not "did not answer".
    await waitForText(page.locator("main"), "Väntar");
    expect(await page.locator("main").innerText()).not.toContain("Svarade inte");
    await page.getByRole("button", { name: "Avsluta rekommendationen" }).click();
    await page.waitForURL(new RegExp(`/rekommendationer/${recId}$`));
    await waitForText(page.locator("main"), "Rekommendationen är avslutad.");
    await waitForText(page.locator("main p.muted").first(), "Avslutad");
    await waitForText(answerOf(page, "Krokoms kommun"), "Svarade inte");
    await waitForText(answerOf(page, "Östersunds kommun"), "Antagen");
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows Krokom as 'Svarade inte' on the page and in the matrix, to everyone", async () => {
    for (const account of [undefined, "demo-politiker", "demo-samordnare"] as const) {
      const { page, errors } = await app.page(account);
      await page.goto(`/rekommendationer/${recId}`);
      const krokom = await waitForText(answerOf(page, "Krokoms kommun"), "Svarade inte");
      expect(krokom, String(account)).not.toMatch(/försenat|Väntar/);
      expect((await answerOf(page, "Östersunds kommun").innerText()).trim(), String(account)).toMatch(/^Antagen/);
      if (account === "demo-politiker") {
        // Krokom's politician reads Krokom's own record first.
        const own = page.locator("section.card").first();
        await waitForText(own.locator("h2"), "Vad Krokoms kommun ska besluta");
        await waitForText(
          own.locator("dt", { hasText: "Ert svar" }).locator("xpath=following-sibling::dd[1]"),
          "Svarade inte",
        );
        expect(await page.getByRole("link", { name: /Rapportera/ }).count()).toBe(0);
      }
      await expectAccessible(page);

      await page.goto("/rekommendationer");
      const row = page.locator("table.matrix tbody tr", { has: page.getByRole("link", { name: title }) });
      await waitForText(row.locator("th"), title);
      const headers = (await page.locator("table.matrix thead th").allInnerTexts()).map((h) => h.trim());
      const cell = (name: string) => row.locator("td").nth(headers.findIndex((h) => h.startsWith(name)) - 1);
      await waitForText(cell("Krokom"), "Svarade inte");
      await waitForText(cell("Östersund"), "Antagen");
      // Closed: nobody is chased, so the recommendation is not in the "Inte svarat" list.
      const notAnswered = page.locator("h2", { hasText: "Inte svarat" }).locator("xpath=following-sibling::*");
      expect(await notAnswered.allInnerTexts()).not.toContainEqual(expect.stringContaining(title));
      await expectAccessible(page);
      expect(errors, String(account)).toEqual([]);
      await page.context().close();
    }
  });
});
