/**
 * Two coordinators have /avtal/folkmangd open for the same date. The first saves; the second,
 * whose page still holds the old figures, is shown the conflict (the colleague's figure beside
 * their own), keeps what they typed, and nothing of theirs is saved until they choose to save
 * again. With and without JavaScript; the conflict reflows at 320 px and prints on A4.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { populations } from "../../db/schema";
import { expectAccessible, startApp, waitForText, type TestApp } from "../support/browser";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const figure = (asOf: string) =>
  app.db
    .select()
    .from(populations)
    .where(and(eq(populations.asOf, asOf), eq(populations.organisationId, app.world.organisationIds.Berg)))
    .get();

describe("population figures saved by two people", () => {
  it.each([
    ["with JavaScript", true, 2031],
    ["without JavaScript", false, 2032],
  ] as const)("%s: the second save shows the conflict and overwrites nothing", async (_, javaScriptEnabled, year) => {
    const asOf = `${year - 1}-11-01`;
    const path = `/avtal/folkmangd?ar=${year}`;
    const colleague = await (await app.context("demo-samordnare", { javaScriptEnabled })).newPage();
    const mine = await (await app.context("demo-samordnare", { javaScriptEnabled })).newPage();
    await colleague.goto(path);
    await mine.goto(path);

    await colleague.getByLabel("Bergs kommun", { exact: true }).fill("7 100");
    await colleague.getByRole("button", { name: "Spara folkmängd" }).click();
    await waitForText(colleague.getByRole("status").filter({ hasText: "sparad" }), "sparad för 1 kommun");
    expect(figure(asOf)?.population).toBe(7100);

    await mine.getByLabel("Bergs kommun", { exact: true }).fill("7 000");
    await mine.getByRole("button", { name: "Spara folkmängd" }).click();
    const alert = mine.getByRole("alert").filter({ hasText: "Någon annan har ändrat" });
    await waitForText(alert, `Någon annan har ändrat folkmängden ${asOf}`);
    const row = await alert.locator("tbody tr").allInnerTexts();
    expect(row.map((r) => r.replace(/\s+/g, " ").trim())).toEqual([
      `Bergs kommun ${(7100).toLocaleString("sv-SE")} ${(7000).toLocaleString("sv-SE")}`.replace(/\s+/g, " "),
    ]);
    // What I typed is kept; the colleague's figure stands.
    expect(await mine.getByLabel("Bergs kommun", { exact: true }).inputValue()).toBe("7 000");
    expect(figure(asOf)?.population).toBe(7100);
    // axe runs as a script: only where scripts run.
    if (javaScriptEnabled) await expectAccessible(mine);

    // The conflict reflows on a phone: nothing wider than 320 px, the comparison as labelled cards.
    await mine.setViewportSize({ width: 320, height: 800 });
    expect(await mine.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
    expect((await alert.boundingBox())!.width).toBeLessThanOrEqual(320);
    if (javaScriptEnabled) await expectAccessible(mine);
    // On A4 paper (794 px at 96 dpi): the comparison prints (the forms do not), nothing wider than the page.
    await mine.setViewportSize({ width: 794, height: 1123 });
    await mine.emulateMedia({ media: "print" });
    expect(await mine.locator(".site-header").isVisible()).toBe(false);
    expect(await mine.getByRole("button", { name: "Spara mina siffror ändå" }).isVisible()).toBe(false);
    expect(await alert.isVisible(), "the conflict is on paper").toBe(true);
    expect(await alert.locator("tbody").innerText()).toContain("Bergs kommun");
    expect(await mine.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
    await mine.emulateMedia({ media: "screen" });
    await mine.setViewportSize({ width: 1280, height: 800 });

    // Saving again, having seen theirs, is a choice.
    await mine.getByRole("button", { name: "Spara mina siffror ändå" }).click();
    await waitForText(mine.getByRole("status").filter({ hasText: "sparad" }), "sparad för 1 kommun");
    expect(figure(asOf)).toMatchObject({ population: 7000, version: 2 });
    await colleague.context().close();
    await mine.context().close();
  });

  it("a year whose figures are missing (carried forward) reflows at 320 px on the population and cost pages", async () => {
    const context = await app.context("demo-samordnare", { viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    for (const path of ["/avtal/folkmangd?ar=2033", "/avtal/kostnader?ar=2033"]) {
      await page.goto(path);
      await waitForText(page.locator("main table tbody"), "framskriven");
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBe(320);
      // The figure and its date stay whole while the words around them wrap.
      const cell = page.locator("main tbody td", { hasText: "framskriven" }).first();
      expect(await cell.locator("time.date").count(), path).toBe(1);
      await expectAccessible(page);
    }
    await context.close();
  });
});
