/**
 * The shared accessibility mechanisms (issue 15): the success message after a save
 * (role=status, with and without JavaScript), focus and title after navigation, focus on the
 * error summary after a failed submit, unique titles on error pages, the folding menu and the
 * footer link to the accessibility statement.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityReports, auditLog } from "../../db/schema";
import { expectAccessible, startApp, waitForText, type TestApp } from "../support/browser";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("success message after a save", () => {
  it("says what was saved, moves focus to the new page's heading, and is gone on the next page", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto("/arenden");
    await page.getByLabel("Diarienummer").fill("TEST 2026/1");
    await page.getByLabel("Rubrik").fill("Ärende för statusmeddelandet");
    await page.getByRole("button", { name: "Skapa ärende" }).click();
    await page.waitForURL(/\/arenden\/\d+$/);
    expect(await waitForText(page.getByRole("status"), "Ärendet är skapat.")).toBe("Ärendet är skapat.");
    // Focus and title say where we are.
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Ärende för statusmeddelandet");
    expect(await page.title()).toContain("Ärende för statusmeddelandet");
    await expectAccessible(page);
    // The message is shown once.
    await page.getByRole("navigation", { name: "Brödsmulor" }).getByRole("link", { name: "Ärenden" }).click();
    await page.waitForURL(/\/arenden$/);
    await page.waitForFunction(() => !document.querySelector("[data-flash]"));
    expect((await page.getByRole("status").first().innerText()).trim()).toBe("");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("works without JavaScript: a plain form post gets the same message", async () => {
    const context = await app.context("demo-samordnare", { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/arenden");
    await page.getByLabel("Diarienummer").fill("TEST 2026/2");
    await page.getByLabel("Rubrik").fill("Ärende utan JavaScript");
    await page.getByRole("button", { name: "Skapa ärende" }).click();
    await page.waitForURL(/\/arenden\/\d+$/);
    expect((await page.getByRole("status").innerText()).trim()).toBe("Ärendet är skapat.");
    // A reload does not show it again.
    await page.reload();
    expect((await page.getByRole("status").innerText()).trim()).toBe("");
    await context.close();
  });
});

describe("failed submit", () => {
  it("moves focus to the error summary", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto("/arenden");
    await page.getByRole("button", { name: "Skapa ärende" }).click();
    await waitForText(page.getByRole("alert"), "Formuläret har fel");
    await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "alert");
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("titles and navigation", () => {
  it("after a client-side navigation puts focus on the new page's heading and names the page in its title", async () => {
    const { page, errors } = await app.page("demo-politiker");
    await page.goto("/");
    // Remix has hydrated when its router is there; from then on links navigate without a page load.
    await page.waitForFunction(() => "__remixRouter" in window);
    let loads = 0;
    page.on("load", () => loads++);
    const arrive = async (heading: string, title: string) => {
      // The address changes before the new page renders: wait for the new heading to have focus.
      await page.waitForFunction(
        (h) => document.activeElement?.tagName === "H1" && document.activeElement.textContent?.trim() === h,
        heading,
      );
      await page.waitForFunction((t) => document.title === t, title);
    };
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Beslut" }).click();
    await page.waitForURL(/\/beslut$/);
    await arrive("Beslutsregister", "Beslutsregister – Samverkansportalen");
    const link = page.locator("main table").getByRole("link").first();
    const decision = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(/\/beslut\/\d+$/);
    await arrive(decision, `${decision} – Samverkansportalen`);
    // Back in history: the register's heading again.
    await page.goBack();
    await page.waitForURL(/\/beslut$/);
    await arrive("Beslutsregister", "Beslutsregister – Samverkansportalen");
    // Tab goes on from the heading into the page's content, not from the top of the header.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
    expect(loads).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("names the 403 and 404 pages", async () => {
    const { page } = await app.page("demo-politiker");
    const forbidden = await page.goto("/admin/logg");
    expect(forbidden?.status()).toBe(403);
    expect(await page.title()).toBe("Du saknar behörighet – Samverkansportalen");
    await expectAccessible(page);
    const missing = await page.goto("/finns-inte");
    expect(missing?.status()).toBe(404);
    expect(await page.title()).toBe("Sidan finns inte – Samverkansportalen");
    await expectAccessible(page);
    await page.context().close();
  });

  it("folds the menu on a phone, opens it without JavaScript, and links the statement from the footer", async () => {
    const context = await app.browser.newContext({
      baseURL: app.baseUrl,
      javaScriptEnabled: false,
      viewport: { width: 320, height: 640 },
    });
    const page = await context.newPage();
    await page.goto("/");
    const menuLink = page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Beslut" });
    expect(await menuLink.isVisible()).toBe(false);
    await page.getByText("Meny", { exact: true }).click();
    expect(await menuLink.isVisible()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/beslut");
    expect(await menuLink.isVisible()).toBe(true);
    expect(await page.getByText("Meny", { exact: true }).isVisible()).toBe(false);
    await page.getByRole("contentinfo").getByRole("link", { name: "Tillgänglighetsredogörelse" }).click();
    await waitForText(page.getByRole("heading", { level: 1 }), "Tillgänglighetsredogörelse");
    await context.close();
  });
});

describe("wide tables on a phone", () => {
  it("become labelled cards that fit 320 px, keep their table semantics, pass axe, and print as tables", async () => {
    const context = await app.context("demo-samordnare", { viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    const sent = app.db.$client
      .prepare(`SELECT id FROM recommendations WHERE status <> 'utkast' ORDER BY id LIMIT 1`)
      .get() as { id: number };
    const wide = [
      "/beslut",
      "/rekommendationer",
      `/rekommendationer/${sent.id}`,
      "/avtal/kostnader",
      "/parter",
      "/dokument",
      "/admin/logg",
      "/uppdrag",
      "/personer",
    ];
    let labelledCells = 0;
    let unitsSeen = 0;
    for (const url of wide) {
      await page.goto(url);
      const tables = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLTableElement>("main table")].map((table) => {
          const cells = [...table.querySelectorAll<HTMLTableCellElement>("tbody td")].filter((c) =>
            c.textContent?.trim(),
          );
          return {
            width: table.getBoundingClientRect().width,
            headerShown: (table.tHead?.getBoundingClientRect().width ?? 0) > 1,
            unlabelled: cells
              .filter((c) => {
                const before = getComputedStyle(c, "::before");
                const header = table.tHead?.rows[0]?.cells[c.cellIndex]?.textContent?.replace(/\s+/g, " ").trim();
                return !(before.display === "block" && header && before.content.includes(header));
              })
              .map((c) => `${c.textContent} (${getComputedStyle(c, "::before").content})`),
          };
        }),
      );
      expect(tables.length, url).toBeGreaterThan(0);
      // An amount, and a date in a table, is one unit even at 320 px: it never breaks across lines
      // (issue 15, item 2). (A date in running text may still break at a hyphen.)
      const broken = await page.evaluate(() => {
        const units = /\d{4}-\d{2}-\d{2}|-?\d{1,3}(?:\u00a0\d{3})*\u00a0kr/g;
        const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
        const found: string[] = [];
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode())
          for (const m of (node.textContent ?? "").matchAll(units)) {
            if (!m[0].endsWith("kr") && !node.parentElement?.closest("td, th")) continue;
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            seen++;
            if (lines.size > 1) found.push(m[0]);
          }
        return { seen, found };
      });
      expect(broken.found, url).toEqual([]);
      unitsSeen += broken.seen;
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBe(320);
      for (const t of tables) {
        expect(t.width, url).toBeLessThanOrEqual(320);
        expect(t.headerShown, url).toBe(false);
        expect(t.unlabelled, url).toEqual([]);
      }
      // Screen readers still meet a table with column headers and cells.
      const first = page.locator("main table").first();
      expect(await first.getByRole("columnheader").count(), url).toBeGreaterThan(1);
      const cells = await first.locator("td").count();
      expect(await first.getByRole("cell").count(), url).toBe(cells);
      labelledCells += cells;
      await expectAccessible(page);
    }
    expect(labelledCells).toBeGreaterThan(100);
    expect(unitsSeen).toBeGreaterThan(50);
    // On a wide screen and on paper the matrix is a table again, with all nine parties in its header row.
    await page.goto("/rekommendationer");
    await page.emulateMedia({ media: "print" });
    expect(
      await page
        .locator("main table.matrix thead th")
        .evaluateAll((ths) => ths.filter((th) => th.getBoundingClientRect().width > 1).length),
    ).toBe(11);
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await page.locator("main table.matrix thead").isVisible()).toBe(true);
    expect(
      await page
        .locator("main table.matrix td")
        .first()
        .evaluate((td) => getComputedStyle(td, "::before").content),
    ).toBe("none");
    await context.close();
  });
});

describe("the accessibility statement", () => {
  it("follows DIGG's model and takes a problem report from anyone to the coordinator, stored and audited", async () => {
    const { page, errors } = await app.page();
    await page.goto("/tillganglighet");
    const headings = await page.getByRole("heading", { level: 2 }).allInnerTexts();
    for (const h of [
      "Hur tillgänglig är portalen?",
      "Innehåll som inte är tillgängligt",
      "Hur vi har testat portalen",
      "Rapportera ett problem",
      "Tillsyn",
    ])
      expect(headings).toContain(h);
    expect(await page.getByRole("link", { name: "anmäla det till Digg" }).getAttribute("href")).toBe(
      "https://www.digg.se/tdosanmalan",
    );
    expect(await page.locator("main").innerText()).toContain("WCAG 2.1 nivå AA");
    // An empty report is refused at the field.
    await page.getByRole("button", { name: "Skicka rapporten" }).click();
    await waitForText(page.getByRole("alert"), "Formuläret har fel");
    await page
      .getByLabel("Vad fungerade inte?")
      .fill("Matrisen går inte att rulla med tangentbordet på min surfplatta.");
    await page.getByLabel("Sida eller adress (om du vet)").fill("/rekommendationer");
    await page.getByRole("button", { name: "Skicka rapporten" }).click();
    await waitForText(page.getByRole("status"), "Din rapport har kommit fram till samordnaren");
    const stored = app.db.select().from(accessibilityReports).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ page: "/rekommendationer", userId: null, contact: "" });
    const audited = app.db
      .select()
      .from(auditLog)
      .all()
      .filter((a) => a.entityType === "accessibility_report");
    expect(audited.map((a) => a.entityId)).toEqual([String(stored[0].id)]);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();

    // The coordinator reads it on the same page; nobody else does.
    const coordinator = await app.page("demo-samordnare");
    await coordinator.page.goto("/tillganglighet");
    await waitForText(coordinator.page.locator("#inkomna ~ ul"), "Matrisen går inte att rulla");
    await coordinator.page.context().close();
    const reader = await app.page("demo-politiker");
    await reader.page.goto("/tillganglighet");
    expect(await reader.page.locator("main").innerText()).not.toContain("Matrisen går inte att rulla");
    await reader.page.context().close();
  });
});
