/**
 * Choosing by searching, in the browser: a document's link choices offer a page of the
 * latest; a decision older than all of them is found by the search beside the field, chosen
 * and linked — without JavaScript, and with it (the search is not checked as a save).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decisions, documents, matters } from "../../db/schema";
import { expectAccessible, startApp, type TestApp, waitForText } from "../support/browser";

let app: TestApp;
let documentId = 0;
const OLD = ["Valprovbeslut om gammal rutin", "Valprovbeslut om äldsta rutinen"];

beforeAll(async () => {
  app = await startApp();
  const { bodyIds, collaborationId } = app.world;
  app.db.$client.transaction(() => {
    // 120 newer steering-group decisions, and two from 2009 that no page of the latest shows.
    for (let i = 1; i <= 120; i++)
      app.db
        .insert(decisions)
        .values({
          bodyId: bodyIds.styrgrupp,
          year: 2015 + Math.floor(i / 12),
          paragraph: 100 + i,
          decidedOn: `${2015 + Math.floor(i / 12)}-${String(1 + (i % 12)).padStart(2, "0")}-15`,
          title: `Nyare provbeslut ${i}`,
          text: "Beslut.",
          isPublic: true,
          approval: "justerat",
          approvedAt: "2020-01-01T12:00:00Z",
        })
        .run();
    OLD.forEach((title, i) =>
      app.db
        .insert(decisions)
        .values({
          bodyId: bodyIds.styrgrupp,
          year: 2009,
          paragraph: 1 + i,
          decidedOn: `2009-0${3 + i}-10`,
          title,
          text: "Beslut.",
          isPublic: true,
          approval: "justerat",
          approvedAt: "2009-12-31T12:00:00Z",
        })
        .run(),
    );
    // 60 matters: the oldest is not among the latest 50.
    for (let i = 0; i < 60; i++)
      app.db
        .insert(matters)
        .values({
          collaborationId,
          registryNumber: `VP 2012/${String(i).padStart(2, "0")}`,
          title: i === 0 ? "Äldsta valprovärendet" : `Valprovärende ${i}`,
          createdAt: `2012-01-01 08:${String(i).padStart(2, "0")}:00`,
        })
        .run();
    documentId = app.db
      .insert(documents)
      .values({ collaborationId, title: "Valprovrutin", kind: "rutin", date: "2026-01-01", bodyId: bodyIds.styrgrupp })
      .returning()
      .get().id;
  })();
});
afterAll(async () => {
  await app?.stop();
});

describe("choosing an old decision by searching", () => {
  it.each([
    ["without JavaScript", false, OLD[0], "Styrgruppen 2009-03-10 § 1 Valprovbeslut om gammal rutin"],
    ["with JavaScript", true, OLD[1], "Styrgruppen 2009-04-10 § 2 Valprovbeslut om äldsta rutinen"],
  ])("%s", async (_, javaScriptEnabled, title, label) => {
    const context = await app.context("demo-samordnare", { javaScriptEnabled });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(String(err)));
    await page.goto(`/dokument/${documentId}`);
    const select = page.getByLabel("Koppla till");
    const offered = await select.locator("optgroup[label=Beslut] option").allInnerTexts();
    expect(offered).toHaveLength(50);
    expect(offered.join("\n")).not.toContain("Valprovbeslut");
    await waitForText(page.locator("#koppla-target-description"), "Beslut: Visar 50 av");

    await page.getByLabel("Sök möte, ärende, beslut eller avtal").fill(title.split(" ").slice(-2).join(" "));
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.waitForURL(/sok-koppling=/);
    await waitForText(page.locator("#koppla-target-description"), "Beslut: Visar 1 träff");
    expect(await select.locator("optgroup[label=Beslut] option").allInnerTexts()).toEqual([label]);
    if (javaScriptEnabled) await expectAccessible(page);

    await select.selectOption({ label });
    await page.getByRole("button", { name: "Koppla", exact: true }).click();
    await waitForText(page.locator("#kopplingar ~ ul"), label);
    await page.getByRole("link", { name: label }).click();
    await waitForText(page.locator("h1"), title);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("a form keeps what was typed across a search", () => {
  it("enters a decision on an old matter found by a search, without JavaScript", async () => {
    const context = await app.context("demo-samordnare", { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/beslut/ny");
    const matter = page.getByLabel("Ärende", { exact: true });
    expect(await matter.locator("option").allInnerTexts()).not.toContain("VP 2012/00 Äldsta valprovärendet");
    await page.getByLabel("Organ").selectOption({ label: "Styrgruppen för Mini-Maria" });
    await page.getByLabel("Datum").fill("2012-02-02");
    await page.getByLabel("Rubrik").fill("Valprov: beslut på gammalt ärende");
    await page.locator("#f-text").fill("Styrgruppen beslutar att pröva.");
    await page.getByLabel("Sök ärende").fill("äldsta");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.waitForURL(/sok-arende=/);
    await waitForText(page.locator("#f-matterId-description"), "Visar 1 träff");
    // Everything typed is still there.
    expect(await page.getByLabel("Rubrik").inputValue()).toBe("Valprov: beslut på gammalt ärende");
    expect(await page.locator("#f-text").inputValue()).toBe("Styrgruppen beslutar att pröva.");
    expect(await page.getByLabel("Datum").inputValue()).toBe("2012-02-02");
    await matter.selectOption({ label: "VP 2012/00 Äldsta valprovärendet" });
    await page.getByRole("button", { name: "Spara beslutet" }).click();
    await page.waitForURL(/\/beslut\/\d+$/);
    await waitForText(page.locator("h1"), "Valprov: beslut på gammalt ärende");
    expect(await page.locator("main").innerText()).toContain("VP 2012/00");
    await context.close();
  });
});

describe("checking fields in the browser", () => {
  // conform checks a field on blur and input by a submit event of its own; a check must never
  // reach the server (it did once: every blur posted the form, each post aborting the one before).
  it("posts nothing while fields are filled and checked, and nothing for a search, until the save", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(new URL(r.url()).pathname);
    });
    await page.goto("/beslut/ny");
    await page.getByLabel("Organ").selectOption({ label: "Styrgruppen för Mini-Maria" });
    await page.getByLabel("Datum").fill("2012-02-02");
    await page.getByLabel("Rubrik").fill("Fältkontroll utan post");
    await page.getByLabel("Rubrik").blur();
    await page.getByLabel("Sök ärende").fill("äldsta");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.waitForURL(/sok-/);
    await waitForText(page.locator("body"), "äldsta");
    expect(await page.getByLabel("Rubrik").inputValue()).toBe("Fältkontroll utan post");
    expect(posts).toEqual([]);

    await page.goto("/moten/nytt");
    await page.getByLabel("Organ").selectOption({ label: "Styrgruppen för Mini-Maria" });
    await page.getByLabel("Datum").fill("2030-01-10");
    await page.getByLabel("Starttid").fill("13:00");
    await page.getByLabel("Sluttid").fill("12:00");
    await page.getByLabel("Plats").fill("Mini-Maria, Östersund");
    await page.getByLabel("Plats").blur();
    await page.getByRole("button", { name: "Skapa möte" }).click();
    await waitForText(page.locator("#f-endTime-error"), "Mötet kan inte sluta innan det börjar.");
    expect(posts).toEqual([]);
    await page.getByLabel("Sluttid").fill("15:30");
    await page.getByRole("button", { name: "Skapa möte" }).click();
    await waitForText(page.getByRole("heading", { level: 1 }), "Styrgruppen för Mini-Maria");
    expect(posts).toEqual(["/moten/nytt.data"]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
