/**
 * Paper (issue 15): the notice, the minutes, an extract, the recommendations matrix and the
 * reading page are printed to PDF with Chromium (A4), and the PDF's text must hold every party
 * and every full amount the page shows. A table that is wider than the printed page (clipped)
 * fails too, and the matrix must fit the page's width with all nine parties.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../support/browser";
import { normalise, pdfText } from "../support/pdf-text";

let app: TestApp;
let partyNames: string[];
beforeAll(async () => {
  app = await startApp();
  partyNames = (
    app.db.$client
      .prepare(
        `SELECT o.name FROM parties p JOIN organisations o ON o.id = p.organisation_id WHERE p.collaboration_id = ?`,
      )
      .all(app.world.collaborationId) as { name: string }[]
  ).map((r) => r.name);
});
afterAll(async () => {
  await app?.stop();
});

const AMOUNT = /−?\d{1,3}(?:[\u00a0\u202f ]\d{3})*[\u00a0\u202f ]kr/g;

/** What the page shows on screen: its amounts, and which parties it names (in any of their short forms). */
async function onScreen(page: Page) {
  const text = normalise(await page.locator("main").innerText());
  return { text, amounts: [...new Set([...text.matchAll(AMOUNT)].map((m) => normalise(m[0])))] };
}

/** Short forms the pages use: "Krokoms kommun", "Krokom"; "Region Jämtland Härjedalen", "Regionen". */
function forms(name: string): string[] {
  return [name, name.replace(/s? kommun$/, ""), ...(name.startsWith("Region") ? ["Regionen"] : [])];
}

/** Prints the page as Chromium prints it (A4, print stylesheet) and returns the PDF's text. */
async function printed(page: Page) {
  await page.emulateMedia({ media: "print" });
  // A table clipped by its frame or wider than the page would lose columns on paper.
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll("main table")]
      .filter((t) => {
        const frame = t.closest(".table-wrap") ?? t.parentElement!;
        return frame.scrollWidth > frame.clientWidth + 1 || t.getBoundingClientRect().right > innerWidth + 1;
      })
      .map((t) => t.querySelector("caption")?.textContent ?? t.className ?? "table"),
  );
  // With the print stylesheet, every date is still inside an element that does not wrap (issue 15,
  // item 2: a date never breaks across lines on paper either).
  const dates = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
    let seen = 0;
    const breakable: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      for (const m of (node.textContent ?? "").matchAll(/\d{4}-\d{2}-\d{2}/g)) {
        if (!node.parentElement?.checkVisibility()) continue;
        seen++;
        if (getComputedStyle(node.parentElement).textWrapMode !== "nowrap") breakable.push(m[0]);
      }
    return { seen, breakable };
  });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  await page.emulateMedia({ media: "screen" });
  return { clipped, dates, ...(await pdfText(pdf)) };
}

async function expectOnPaper(page: Page, url: string, { allParties }: { allParties: boolean }) {
  await page.goto(url);
  const screen = await onScreen(page);
  const paper = await printed(page);
  expect(paper.clipped, `${url}: clipped tables`).toEqual([]);
  expect(paper.dates.breakable, `${url}: dates that may break across lines on paper`).toEqual([]);
  expect(paper.dates.seen, `${url}: dates on paper`).toBeGreaterThan(0);
  for (const amount of screen.amounts) expect(paper.text, `${url}: ${amount}`).toContain(amount);
  const named = partyNames.filter((n) => forms(n).some((f) => screen.text.includes(f)));
  if (allParties) expect(named.length, `${url}: parties on screen`).toBe(partyNames.length);
  for (const name of named)
    expect(
      forms(name).some((f) => paper.text.includes(f)),
      `${url}: ${name} on paper`,
    ).toBe(true);
  return { screen, paper };
}

describe("printing on A4", () => {
  it("keeps all nine parties and every amount on the matrix and the reading page", async () => {
    expect(partyNames).toHaveLength(9);
    const context = await app.context("demo-politiker", { viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    const matrix = await expectOnPaper(page, "/rekommendationer", { allParties: true });
    // The reader's own organisation (Krokom) is the first party column, on screen and on paper.
    const headers = await page.locator("table.matrix thead th").allInnerTexts();
    expect(headers[2]).toBe("Krokom (er organisation)");
    expect(matrix.paper.text.indexOf("Krokom")).toBeLessThan(matrix.paper.text.indexOf("Region Jämtland Härjedalen"));
    expect(matrix.paper.pages).toBeGreaterThan(0);
    const rec = app.db.$client
      .prepare(`SELECT id FROM recommendations WHERE cost_year IS NOT NULL AND status <> 'utkast' ORDER BY id LIMIT 1`)
      .get() as { id: number } | undefined;
    expect(rec, "a sent recommendation with costs in the demo data").toBeDefined();
    const reading = await expectOnPaper(page, `/rekommendationer/${rec!.id}`, { allParties: true });
    // The reading page has amounts (every party's cost for the year); each is printed whole.
    expect(reading.screen.amounts.length).toBeGreaterThanOrEqual(9);
    // Printed links show their full address.
    expect(reading.paper.text).toContain(`${app.baseUrl}/`);
    await context.close();
  });

  it("keeps the notice, the minutes and an extract whole", async () => {
    const meeting = app.db.$client
      .prepare(
        `SELECT m.id AS id, MIN(a.id) AS itemId FROM meetings m JOIN agenda_items a ON a.meeting_id = m.id
         WHERE m.status = 'kallelse skickad' AND m.body_id = ? GROUP BY m.id ORDER BY m.date LIMIT 1`,
      )
      .get(app.world.bodyIds.styrgrupp) as { id: number; itemId: number } | undefined;
    expect(meeting, "a meeting with a published notice in the demo data").toBeDefined();
    const coordinator = await app.context("demo-samordnare");
    const editor = await coordinator.newPage();
    // Minutes: started by the coordinator, then printed by the chair (a member of the body).
    await editor.goto(`/moten/${meeting!.id}/protokoll`);
    await editor.getByRole("button", { name: "Påbörja protokoll" }).click();
    await editor.getByRole("button", { name: "Spara protokollet" }).waitFor();
    await coordinator.close();
    const context = await app.context("demo-ifochef", { viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    const notice = await expectOnPaper(page, `/moten/${meeting!.id}/kallelse`, { allParties: false });
    expect(notice.paper.text).toMatch(/kallelse/i);
    const minutesPage = await expectOnPaper(page, `/moten/${meeting!.id}/protokoll`, { allParties: false });
    expect(minutesPage.paper.text).toMatch(/protokoll/i);
    const extract = await expectOnPaper(page, `/moten/${meeting!.id}/utdrag/${meeting!.itemId}`, {
      allParties: false,
    });
    expect(extract.paper.text).toMatch(/protokollsutdrag/i);
    await context.close();
  });
});
