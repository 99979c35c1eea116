/**
 * Long lists come in pages: the register and the document library with more rows than a
 * page holds, paged with links that keep the filters, with and without JavaScript.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decisions, documentLinks, documents, matters, meetings } from "../../db/schema";
import { expectAccessible, startApp, type TestApp, waitForText } from "../support/browser";

let app: TestApp;
let matterId = 0;
beforeAll(async () => {
  app = await startApp();
  const { bodyIds, collaborationId } = app.world;
  app.db.$client.transaction(() => {
    // 120 public SVOM decisions in 2019 (with §), and 130 documents for every signed-in user.
    for (let i = 1; i <= 120; i++)
      app.db
        .insert(decisions)
        .values({
          bodyId: bodyIds.svom,
          year: 2019,
          paragraph: i,
          decidedOn: `2019-${String(1 + (i % 12)).padStart(2, "0")}-15`,
          title: `Sidtestbeslut ${i}`,
          text: "Beslut för att prova sidor.",
          isPublic: true,
          approval: "justerat",
          approvedAt: "2019-12-31T12:00:00Z",
        })
        .run();
    for (let i = 1; i <= 130; i++)
      app.db
        .insert(documents)
        .values({ collaborationId, title: `Sidtestrapport ${i}`, kind: "rapport", date: "2018-05-05" })
        .run();
    // 60 past meetings of the reference group (not public: the coordinator reads them).
    for (let i = 0; i < 60; i++)
      app.db
        .insert(meetings)
        .values({
          bodyId: bodyIds.referensgrupp,
          date: `${2012 + Math.floor(i / 12)}-${String(1 + (i % 12)).padStart(2, "0")}-14`,
          startTime: "09:00",
          endTime: "11:00",
          place: `Sidtestlokal ${i}`,
        })
        .run();
    // A matter SVOM decided 60 times in public (2014) and has 10 drafts on: the drafts are SVOM's own.
    matterId = app.db
      .insert(matters)
      .values({ collaborationId, registryNumber: "SIDTEST 2014/01", title: "Sidtestärende" })
      .returning()
      .get().id;
    for (let i = 1; i <= 70; i++)
      app.db
        .insert(decisions)
        .values({
          bodyId: bodyIds.svom,
          year: 2014,
          decidedOn: `2014-${String(1 + (i % 12)).padStart(2, "0")}-20`,
          matterId,
          title: `Sidtestärendets beslut ${i}`,
          text: "Beslut i ärendet.",
          ...(i <= 60 ? { isPublic: true, approval: "justerat" as const, approvedAt: "2014-12-31T12:00:00Z" } : {}),
        })
        .run();
    // 73 of the library's reports linked to the matter: the matter page lists them in pages too.
    for (const { id } of app.db
      .select({ id: documents.id })
      .from(documents)
      .where(eq(documents.date, "2018-05-05"))
      .limit(73)
      .all())
      app.db.insert(documentLinks).values({ documentId: id, targetType: "matter", targetId: matterId }).run();
  })();
});
afterAll(async () => {
  await app?.stop();
});

describe("the decision register in pages", () => {
  it("shows 50 at a time and pages through a filtered register, keeping the filter", async () => {
    const { page, errors } = await app.page();
    await page.goto("/beslut?ar=2019");
    await expectAccessible(page);
    const nav = page.getByRole("navigation", { name: "Sidor i beslutsregistret" });
    expect(await nav.innerText()).toContain("Visar 1–50 av 120 beslut");
    expect(await page.locator("tbody tr").count()).toBe(50);
    await nav.getByRole("link", { name: "Nästa sida" }).click();
    await page.waitForURL(/ar=2019&sida=2/);
    // The URL changes before the new page has rendered; wait for its content, not the address.
    await waitForText(nav, "Visar 51–100 av 120 beslut");
    expect(await nav.getByRole("link", { name: "Sida 2" }).getAttribute("aria-current")).toBe("page");
    await nav.getByRole("link", { name: "Sida 3" }).click();
    await page.waitForURL(/sida=3/);
    await waitForText(nav, "Visar 101–120 av 120 beslut");
    expect(await page.locator("tbody tr").count()).toBe(20);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("lists every row exactly once across the pages", async () => {
    const { page } = await app.page();
    const titles: string[] = [];
    for (const n of [1, 2, 3]) {
      await page.goto(`/beslut?ar=2019&sida=${n}`);
      titles.push(...(await page.locator("tbody tr td:nth-child(4)").allInnerTexts()));
    }
    expect(titles).toHaveLength(120);
    expect(new Set(titles).size).toBe(120);
    await page.context().close();
  });
});

describe("a body's past meetings in pages", () => {
  it("shows 50 past meetings and the total, and pages to the rest", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    const bodyId = app.world.bodyIds.referensgrupp;
    const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());
    const total = app.db
      .select({ date: meetings.date })
      .from(meetings)
      .where(eq(meetings.bodyId, bodyId))
      .all()
      .filter((m) => m.date < today).length;
    expect(total).toBeGreaterThan(50);
    expect(total).toBeLessThanOrEqual(100);
    await page.goto(`/organ/${bodyId}`);
    const nav = page.getByRole("navigation", { name: "Sidor med tidigare möten" });
    await waitForText(nav, `Visar 1–50 av ${total} tidigare möten`);
    const past = page.getByRole("table", { name: "Tidigare möten" });
    expect(await past.locator("tbody tr").count()).toBe(50);
    await expectAccessible(page);
    await nav.getByRole("link", { name: "Sida 2" }).click();
    await page.waitForURL(/sida=2/);
    await waitForText(nav, `Visar 51–${total} av ${total} tidigare möten`);
    expect(await past.locator("tbody tr").count()).toBe(total - 50);
    expect(await nav.getByRole("link", { name: "Sida 2" }).getAttribute("aria-current")).toBe("page");
    // The members and the coming meetings stay on every page of the list.
    await waitForText(page.getByRole("heading", { name: "Kommande möten" }), "Kommande möten");
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("a matter's timeline in pages", () => {
  it("shows 50 events and the total, and pages to the rest", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(`/arenden/${matterId}`);
    const nav = page.getByRole("navigation", { name: "Sidor i tidslinjen" });
    await waitForText(nav, "Visar 1–50 av 70 händelser");
    const timeline = page.locator("ol.matter-timeline > li");
    expect(await timeline.count()).toBe(50);
    await expectAccessible(page);
    await nav.getByRole("link", { name: "Nästa sida" }).click();
    await page.waitForURL(/sida=2/);
    await waitForText(nav, "Visar 51–70 av 70 händelser");
    expect(await timeline.count()).toBe(20);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("gives a viewer outside the body full pages of what they may read, without JavaScript", async () => {
    const context = await app.browser.newContext({ baseURL: app.baseUrl, javaScriptEnabled: false });
    const { page: signedIn } = await app.page("demo-ifochef");
    await context.addCookies(await signedIn.context().cookies());
    const page = await context.newPage();
    await page.goto(`/arenden/${matterId}`);
    const nav = page.getByRole("navigation", { name: "Sidor i tidslinjen" });
    expect(await nav.innerText()).toContain("Visar 1–50 av 60 händelser");
    expect(await page.locator("ol.matter-timeline > li").count()).toBe(50);
    await nav.getByRole("link", { name: "Sida 2" }).click();
    await page.waitForURL(/sida=2/);
    expect(await page.locator("ol.matter-timeline > li").count()).toBe(10);
    expect(await page.locator("ol.matter-timeline").innerText()).not.toContain("Utkast");
    await context.close();
    await signedIn.context().close();
  });
});

describe("a matter's linked documents in pages", () => {
  it("pages them on their own parameter, leaving the timeline where it was, with and without JavaScript", async () => {
    const { page, errors } = await app.page("demo-politiker");
    await page.goto(`/arenden/${matterId}?sida=2`);
    const nav = page.getByRole("navigation", { name: "Sidor med kopplade dokument" });
    const timelineNav = page.getByRole("navigation", { name: "Sidor i tidslinjen" });
    const linked = page.locator('section[aria-labelledby="kopplade-dokument"] > ul > li');
    await waitForText(nav, "Visar 1–50 av 73 dokument");
    expect(await linked.count()).toBe(50);
    const timelineBefore = await waitForText(timelineNav, "Visar 51–");
    await expectAccessible(page);
    const first = await linked.allInnerTexts();
    await nav.getByRole("link", { name: "Sida 2" }).click();
    await page.waitForURL(/dokumentsida=2/);
    await waitForText(nav, "Visar 51–73 av 73 dokument");
    const second = await linked.allInnerTexts();
    expect(second).toHaveLength(23);
    expect(new Set([...first, ...second]).size).toBe(73);
    // The timeline stays on the page it was on.
    expect(await timelineNav.innerText()).toBe(timelineBefore);
    expect(new URL(page.url()).searchParams.get("sida")).toBe("2");
    expect(errors).toEqual([]);

    const context = await app.browser.newContext({ baseURL: app.baseUrl, javaScriptEnabled: false });
    await context.addCookies(await page.context().cookies());
    const plain = await context.newPage();
    await plain.goto(`/arenden/${matterId}`);
    await plain
      .getByRole("navigation", { name: "Sidor med kopplade dokument" })
      .getByRole("link", { name: "Sida 2" })
      .click();
    await plain.waitForURL(/dokumentsida=2/);
    expect(await plain.locator('section[aria-labelledby="kopplade-dokument"] > ul > li').count()).toBe(23);
    await context.close();
    await page.context().close();
  });
});

describe("the document library in pages", () => {
  // axe needs JavaScript in the page; the same component passed it in the register above.
  it("pages without JavaScript", async () => {
    const context = await app.browser.newContext({ baseURL: app.baseUrl, javaScriptEnabled: false });
    const { page: signedIn } = await app.page("demo-politiker");
    const cookies = await signedIn.context().cookies();
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto("/dokument?typ=rapport&ar=2018");
    expect(await page.locator("tbody tr").count()).toBe(50);
    await page.getByRole("link", { name: "Sida 3" }).click();
    await page.waitForURL(/typ=rapport&ar=2018&sida=3/);
    expect(await page.locator("tbody tr").count()).toBe(30);
    expect(await page.getByRole("navigation", { name: "Sidor i dokumentlistan" }).innerText()).toContain(
      "Visar 101–130 av 130 dokument",
    );
    await context.close();
    await signedIn.context().close();
  });
});
