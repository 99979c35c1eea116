/**
 * The party page's status form (/avtal/parter/:id) in the browser: a status change the rules
 * forbid is refused at the status field in Swedish, keeping what was typed (without
 * JavaScript, as the server answers it); an invited party becomes a member from the day typed
 * in "Medlem från och med", refused at that field when the day is missing, does not exist or
 * falls in a year already billed, and then counted in the cost split from that year only.
 * axe on every state where scripts run.
 */
import { eq } from "drizzle-orm";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parties } from "../../db/schema";
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
const thisYear = Number(today.slice(0, 4));

const partyOf = (organisationId: number) =>
  app.db.select().from(parties).where(eq(parties.organisationId, organisationId)).get()!;

/** The text a field's aria-describedby points to: its hint and, when refused, its error. */
const descriptionOf = (field: Locator) =>
  field.evaluate((el) =>
    (el.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );

/** The status select (a required field: its label carries a mark hidden from screen readers). */
const statusField = (page: Page) => page.getByRole("combobox", { name: /^Status/ });

describe("a party's status on the party page", () => {
  it("refuses setting a member back to invited at the status field, in Swedish, keeping what was typed (without JavaScript)", async () => {
    const berg = partyOf(app.world.organisationIds.Berg);
    const context = await app.context("demo-samordnare", { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/avtal/parter/${berg.id}`);
    await statusField(page).selectOption({ label: "Inbjuden" });
    await page.getByLabel("Utträde och avveckling (förhandling)").fill("Ska inte faktureras längre");
    const response = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Spara status" }).click();
    expect((await response).status()).toBe(400);
    const status = statusField(page);
    expect(await status.getAttribute("aria-invalid")).toBe("true");
    expect(await descriptionOf(statusField(page))).toMatch(
      /Parten har varit medlem sedan 2023-01-01 och ingår i tidigare års kostnadsfördelning och fakturaunderlag/,
    );
    // What was typed is kept, and nothing was written.
    expect(await status.inputValue()).toBe("inbjuden");
    expect(await page.getByLabel("Utträde och avveckling (förhandling)").inputValue()).toBe(
      "Ska inte faktureras längre",
    );
    expect(partyOf(app.world.organisationIds.Berg)).toEqual(berg);
    await context.close();
  });

  it("makes an invited party a member from the day typed, refusing a missing, impossible or billed-year day at that field", async () => {
    const id = partyOf(app.world.organisationIds.Ragunda).id;
    app.db.update(parties).set({ status: "inbjuden", memberSince: null }).where(eq(parties.id, id)).run();
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(`/avtal/parter/${id}`);
    const day = page.getByLabel("Medlem från och med", { exact: true });
    expect(await day.inputValue()).toBe("");
    expect(await descriptionOf(day)).toContain("till exempel 2026-12-31");
    await expectAccessible(page);

    const save = async (typed: string) => {
      await day.fill(typed);
      await page.getByRole("button", { name: "Spara status" }).click();
    };
    const errorAtDay = async (text: string) => {
      await waitForText(page.locator(".field-error").filter({ hasText: text }), text);
      expect(await day.getAttribute("aria-invalid")).toBe("true");
      expect(await descriptionOf(day)).toContain(text);
    };
    await statusField(page).selectOption({ label: "Medlem" });
    await page.getByLabel("Utträde och avveckling (förhandling)").fill("Beslut i kommunfullmäktige");
    await save("");
    await errorAtDay("Ange datumet då medlemskapet börjar");
    await expectAccessible(page);
    await save(`${thisYear}-02-30`);
    await errorAtDay("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-31.");
    await save(`${thisYear - 1}-06-01`);
    await errorAtDay(`Medlemskapet kan börja tidigast ${thisYear}-01-01`);
    // The refused form keeps what was typed.
    expect(await day.inputValue()).toBe(`${thisYear - 1}-06-01`);
    expect(await statusField(page).inputValue()).toBe("medlem");
    expect(await page.getByLabel("Utträde och avveckling (förhandling)").inputValue()).toBe(
      "Beslut i kommunfullmäktige",
    );
    expect(partyOf(app.world.organisationIds.Ragunda)).toMatchObject({ status: "inbjuden", memberSince: null });
    await expectAccessible(page);

    const joinsOn = `${thisYear}-01-01`;
    await save(joinsOn);
    await waitForText(page.getByRole("status"), "Partens uppgifter är sparade.");
    expect(partyOf(app.world.organisationIds.Ragunda)).toMatchObject({ status: "medlem", memberSince: joinsOn });
    await waitForText(page.locator(".timeline"), "Medlem i samverkan");
    expect(await page.getByLabel("Medlem från och med", { exact: true }).inputValue()).toBe(joinsOn);
    await expectAccessible(page);

    // Counted from the year it joined, not in the year before.
    await page.goto(`/avtal/kostnader?ar=${thisYear - 1}`);
    await waitForText(page.locator("main"), "Betalar inte");
    expect(await page.locator("main table tbody").innerText()).not.toContain("Ragunda kommun");
    await page.goto(`/avtal/kostnader?ar=${thisYear}`);
    await waitForText(page.locator("main table tbody"), "Ragunda kommun");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows a party whose membership begins on a coming day as member from that day, not as a member", async () => {
    const ragunda = partyOf(app.world.organisationIds.Ragunda);
    const joinsOn = `${thisYear + 1}-01-01`;
    app.db.update(parties).set({ status: "medlem", memberSince: joinsOn }).where(eq(parties.id, ragunda.id)).run();
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(`/avtal/parter/${ragunda.id}`);
    await waitForText(page.locator("main .badge"), `Medlem från ${joinsOn}`);
    await waitForText(page.locator(".timeline"), "Blir medlem i samverkan");
    for (const list of ["/avtal", "/parter"]) {
      await page.goto(list);
      const row = page.locator("main tbody tr").filter({ hasText: "Ragunda kommun" });
      expect(await row.locator(".badge").innerText(), list).toBe(`Medlem från ${joinsOn}`);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
