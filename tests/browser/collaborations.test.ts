/**
 * Several collaborations in one portal (issue 18, "Done when"), against the demo world with
 * its second, example collaboration (db/demo-collaboration.ts): the coordinator creates a
 * third collaboration with a party and an agreement, governed by the existing SVOM; SVOM's
 * shared meeting handled an item of each collaboration under one continuous § series; a
 * politician in SVOM switches between the collaborations and every page shows the chosen
 * one's data; a member of only the example collaboration never sees Mini-Maria's records.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documents, matters } from "../../db/schema";
import { expectAccessible, startApp, waitForText, type TestApp } from "../support/browser";

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ exampleCollaboration: true });
});
afterAll(async () => {
  await app?.stop();
});

const EXAMPLE = "spelprevention-jh";
const MINI_MARIA = "mini-maria-jh";

/** Records of Mini-Maria that someone who only takes part in the example must never see. */
const MINI_MARIA_RECORDS = [
  "Mini-Maria: verksamhetsberättelse 2025",
  "SVOM 2026/04",
  "SVOM 2021/07",
  "Länsgemensam Mini-Maria Jämtland Härjedalen",
  "Styrgruppen för Mini-Maria",
  "Referensgruppen för Mini-Maria",
  "Rutin för samverkan vid ungdomskontrakt",
  "Uppföljningsplan",
  "Verksamhetsberättelse 2025",
  "Bergs kommun",
  "Samarbetsavtal MiniMaria",
];

describe("several collaborations in one portal", () => {
  it("lets the coordinator create a collaboration with a party and an agreement, governed by the existing SVOM", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto("/samverkan");
    await expectAccessible(page);
    await page.getByLabel(/^Namn/).fill("Barnahus Jämtland Härjedalen");
    await page.getByLabel("Kortnamn i adressen").fill("barnahus-jh");
    await page.getByRole("button", { name: "Skapa samverkan" }).click();
    await waitForText(page.getByRole("status"), "Barnahus Jämtland Härjedalen är skapad.");
    const collaborationPath = new URL(page.url()).pathname;

    await page.goto(`${collaborationPath}/parter/ny`);
    await page.getByLabel("Organisation").selectOption({ label: "Region Jämtland Härjedalen" });
    await page.getByRole("button", { name: "Lägg till part" }).click();
    await waitForText(page.getByRole("status"), "Parten är tillagd.");
    await page.goto(`${collaborationPath}/parter/ny`);
    await page.getByLabel("Organisation").selectOption({ label: "Åre kommun" });
    await page.getByRole("button", { name: "Lägg till part" }).click();
    await waitForText(page.getByRole("status"), "Parten är tillagd.");

    // SVOM serves the new collaboration too: one body, one § series.
    await page.goto(`/organ/${app.world.bodyIds.svom}/redigera`);
    await page.getByRole("checkbox", { name: "Barnahus Jämtland Härjedalen" }).check();
    // SVOM's recommendations are not appealable decisions: the form says so from the data.
    expect(await page.getByLabel("Organets beslut kan överklagas (laglighetsprövning)").isChecked()).toBe(false);
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await waitForText(page.getByRole("status"), "Organet är sparat.");
    await waitForText(page.locator("main"), "Barnahus Jämtland Härjedalen");

    // No agreement yet: the agreement page takes the coordinator to the form for the first one.
    await page.goto("/avtal?samverkan=barnahus-jh");
    await page.waitForURL(/\/avtal\/nytt\?samverkan=barnahus-jh/);
    await expectAccessible(page);
    await page.getByLabel("Versionens namn").fill("Samarbetsavtal Barnahus");
    await page.getByLabel("Budget basåret (kr)").fill("800000");
    await page.getByLabel(/^Huvudman för regionens del/).selectOption({ label: "Region Jämtland Härjedalen" });
    await page.getByRole("button", { name: "Skapa samarbetsavtalet" }).click();
    await waitForText(page.getByRole("status"), "Samarbetsavtalet är skapat.");
    expect(new URL(page.url()).search).toBe("?samverkan=barnahus-jh");
    await waitForText(page.locator("h1"), "Samarbetsavtal Barnahus");
    await page.goto("/parter?samverkan=barnahus-jh");
    await waitForText(page.locator("main"), "2 parter");
    expect(errors).toEqual([]);
  });

  it("shows SVOM's shared meeting with an item of each collaboration under consecutive §", async () => {
    const { page, errors } = await app.page("demo-politiker");
    const ex = app.example!;
    await page.goto(`/beslut?samverkan=${MINI_MARIA}&organ=${app.world.bodyIds.svom}`);
    const miniMariaRow = page.getByRole("row", { name: /Mini-Maria: verksamhetsberättelse 2025/ });
    await waitForText(miniMariaRow, "Sociala vård- och omsorgsgruppen");
    const miniMariaParagraph = Number(await miniMariaRow.getByRole("cell").nth(2).innerText());
    await page.goto(`/beslut?samverkan=${EXAMPLE}&organ=${app.world.bodyIds.svom}`);
    const exampleRow = page.getByRole("row", { name: /Spelprevention: uppföljning av första avtalsåret/ });
    await waitForText(exampleRow, "Sociala vård- och omsorgsgruppen");
    expect(Number(await exampleRow.getByRole("cell").nth(2).innerText())).toBe(miniMariaParagraph + 1);
    // The register of one collaboration does not list the other's §.
    expect(await page.locator("main").innerText()).not.toContain("Mini-Maria: verksamhetsberättelse 2025");
    // The minutes of the meeting hold both.
    await page.goto(`/moten/${ex.svomMeetingId}`);
    await waitForText(page.locator("main"), "Mini-Maria: verksamhetsberättelse 2025");
    await waitForText(page.locator("main"), "Spelprevention: uppföljning av första avtalsåret");
    expect(errors).toEqual([]);
  });

  it("lets a member of both switch between them, with the choice in a shareable URL", async () => {
    const { page, errors } = await app.page("demo-politiker");
    await page.goto("/parter");
    await waitForText(page.locator("main"), "9 parter");
    await page.locator("#byt-samverkan").selectOption(EXAMPLE);
    await page.getByRole("button", { name: "Byt" }).click();
    await page.waitForURL(new RegExp(`samverkan=${EXAMPLE}`));
    await waitForText(page.locator("main"), "4 parter");
    await waitForText(page.locator(".brand"), "(exempeluppgift)");
    await expectAccessible(page);
    // The menu keeps the choice: every page is the example collaboration's.
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Avtal" }).click();
    await page.waitForURL(new RegExp(`/avtal\\?samverkan=${EXAMPLE}`));
    await waitForText(page.locator("h1"), "Samarbetsavtal om spelprevention för unga");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Uppföljning" }).click();
    await waitForText(page.locator("main"), "Utbildad skolpersonal");
    expect(await page.locator("main").innerText()).not.toContain("Antal kontakter");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Ärenden" }).click();
    await waitForText(page.locator("main"), "SVOM 2026/05");
    expect(await page.locator("main").innerText()).not.toContain("SVOM 2026/04");
    // A list's own filter keeps the collaboration (and can change it).
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Dokument" }).click();
    await waitForText(page.locator("main"), "Handlingsplan spelprevention 2026");
    await page.getByRole("button", { name: "Visa" }).click();
    await page.waitForURL(new RegExp(`samverkan=${EXAMPLE}`));
    await waitForText(page.locator("main"), "Handlingsplan spelprevention 2026");
    // Search spans both until one is chosen; then only that one's records are hits.
    await page.goto(`/sok?q=${encodeURIComponent("uppföljning")}`);
    await waitForText(page.locator("main"), "Spelprevention: uppföljning av första avtalsåret");
    await page.locator("#f-samverkan").selectOption(MINI_MARIA);
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.waitForURL(new RegExp(`samverkan=${MINI_MARIA}`));
    await waitForText(page.locator("#traffar"), "träff");
    expect(await page.locator(".search-results").innerText()).not.toContain("Spelprevention");
    expect(await page.locator(".search-results li").count()).toBeGreaterThan(0);
    await expectAccessible(page);
    // A shared link opens the collaboration it names, whoever opens it.
    const shared = await app.page("demo-samordnare");
    await shared.page.goto(`/arenden?samverkan=${EXAMPLE}`);
    await waitForText(shared.page.locator("main"), "Spelprevention: uppföljning av första avtalsåret");
    expect(errors).toEqual([]);
    expect(shared.errors).toEqual([]);
  });

  it("never shows Mini-Maria's records to someone who takes part only in the example collaboration", async () => {
    const { page, errors } = await app.page("demo-spel");
    await page.goto("/");
    await waitForText(page.locator("h1"), "Sigrid Spelsamordnare Åre");
    // One collaboration: no switcher.
    expect(await page.locator("#byt-samverkan").count()).toBe(0);
    const visited: string[] = [];
    const menu = await page
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link")
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
    for (const href of menu) {
      // The public list of collaborations names them all; search spans the public records of every collaboration.
      if (href.startsWith("/samverkan") || href.startsWith("/sok")) continue;
      const res = await page.goto(href);
      expect(res?.status(), href).toBe(200);
      const text = await page.locator("main").innerText();
      for (const record of MINI_MARIA_RECORDS) expect(text, `${href} shows ${record}`).not.toContain(record);
      visited.push(href);
    }
    expect(visited.length).toBeGreaterThan(9);
    // The register's export is the page's collaboration too.
    const csv = await (await page.request.get("/beslut.csv")).text();
    expect(csv).toContain("Spelprevention: uppföljning av första avtalsåret");
    for (const record of MINI_MARIA_RECORDS) expect(csv, `the CSV shows ${record}`).not.toContain(record);
    await page.goto("/");
    await expectAccessible(page);

    // Asking for Mini-Maria by URL: its working records are refused, not shown.
    for (const href of [`/arenden?samverkan=${MINI_MARIA}`, `/uppdrag?samverkan=${MINI_MARIA}`]) {
      const res = await page.goto(href);
      expect(res?.status(), href).toBe(403);
    }
    const matter = app.db.select().from(matters).where(eq(matters.registryNumber, "SVOM 2021/07")).get()!;
    expect((await page.goto(`/arenden/${matter.id}`))?.status()).toBe(404);
    const plan = app.db.select().from(documents).where(eq(documents.title, "Uppföljningsplan")).get()!;
    expect(plan.visibility).toBe("members");
    expect((await page.goto(`/dokument/${plan.id}`))?.status()).toBe(404);
    // Search finds no record of Mini-Maria that is not public (the members' plan, its matters).
    const planHit = `.search-results a[href="/dokument/${plan.id}"]`;
    await page.goto(`/sok?q=${encodeURIComponent("Uppföljningsplan")}`);
    await waitForText(page.locator("#traffar"), "träff");
    expect(await page.locator(planHit).count()).toBe(0);
    const matterHit = `.search-results a[href="/arenden/${matter.id}"]`;
    await page.goto(`/sok?q=${encodeURIComponent(matter.title)}`);
    await waitForText(page.locator("#traffar"), "träff");
    expect(await page.locator(matterHit).count()).toBe(0);
    // ... which the coordinator, who takes part, finds by the same words.
    const coordinator = await app.page("demo-samordnare");
    await coordinator.page.goto(`/sok?q=${encodeURIComponent(matter.title)}`);
    await waitForText(coordinator.page.locator("#traffar"), "träff");
    expect(await coordinator.page.locator(matterHit).count()).toBe(1);
    await coordinator.page.goto(`/sok?q=${encodeURIComponent("Uppföljningsplan")}`);
    await waitForText(coordinator.page.locator("#traffar"), "träff");
    expect(await coordinator.page.locator(planHit).count()).toBe(1);
    // Her library for Mini-Maria lists only its public documents.
    await page.goto(`/dokument?samverkan=${MINI_MARIA}`);
    expect(await page.locator("main").innerText()).not.toContain("Uppföljningsplan");
    expect(errors).toEqual([]);
  });
});
