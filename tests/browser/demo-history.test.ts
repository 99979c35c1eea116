/**
 * The seeded 2021–2023 history (issue 10, item 9): every held meeting shows approved minutes
 * with what the sources state, and every value the sources do not state carries the one
 * "exempeluppgift" mark, on the meeting page, the minutes, the extract, the lists, the
 * register, the matter's timeline, the agreement page, search hits and the members' seats of the
 * history's years. An anonymous visitor reads the approved SVOM minutes.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaItems, meetings, recommendations } from "../../db/schema";
import { expectAccessible, startApp, waitForText, type TestApp } from "../support/browser";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const svomMeeting = (date: string) =>
  app.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.bodyId, app.world.bodyIds.svom), eq(meetings.date, date)))
    .get()!;

describe("the seeded history, honestly", () => {
  it("shows an anonymous visitor the approved minutes of SVOM 2022-06-03 with the decision and the marks", async () => {
    const m = svomMeeting("2022-06-03");
    const { page, errors } = await app.page();
    await page.goto(`/moten/${m.id}/protokoll`);
    const record = page.locator("article.minutes");
    await waitForText(record, "Justerat");
    await waitForText(record, "rekommendera kommunerna i Jämtlands län och Region Jämtland Härjedalen");
    // Place, time, attendance, justering and § numbers are not in the sources: marked, with words.
    const header = page.locator("dl.minutes-header");
    expect(await header.locator(".badge--example").first().isVisible()).toBe(true);
    expect(await header.locator(".badge--example").first().textContent()).toContain("exempeluppgift");
    expect(await header.getByText("Exempeluppgift: källorna anger inte mötets plats.").count()).toBe(1);
    expect(await header.getByText("Exempeluppgift: källorna anger inte vilka som deltog och deras namn.").count()).toBe(
      4,
    );
    const heading = page.getByRole("heading", { name: /Rekommendation om inriktningsbeslut/ });
    expect(await heading.textContent()).toContain("Exempeluppgift: källorna anger inte paragrafnumret.");
    // The decision's words are the sources': no mark on them.
    const section = page.locator("section.minutes-item", { has: heading });
    expect(await section.getByText("källorna anger inte beslutets ordalydelse").count()).toBe(0);
    // Signed by the secretary, the acting chair and the elected justerare.
    const signatures = page.locator("ul.signature-lines li");
    expect(await signatures.count()).toBe(3);
    for (const text of await signatures.allTextContents()) expect(text).toContain("justerade");
    await expectAccessible(page);

    // The extract carries the registry number with its mark.
    const item = app.db
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, m.id), eq(agendaItems.title, "Rekommendation om inriktningsbeslut")))
      .get()!;
    await page.goto(`/moten/${m.id}/utdrag/${item.id}`);
    await waitForText(page.locator("article.extract"), "Dnr SVOM 2021/07");
    await waitForText(page.locator("article.extract"), "Exempeluppgift: källorna anger inte diarienumret.");
    await expectAccessible(page);

    // The meeting page marks the time and place, and the § on the agenda.
    await page.goto(`/moten/${m.id}`);
    await waitForText(page.locator("dl.facts"), "Exempeluppgift: källorna anger inte mötets tid.");
    await waitForText(page.locator("ol.agenda"), "Exempeluppgift: källorna anger inte paragrafnumret.");
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("marks the stand-in date of February 2023 and the wording the sources do not hold", async () => {
    const m = svomMeeting("2023-02-10");
    const { page, errors } = await app.page();
    await page.goto(`/moten/${m.id}/protokoll`);
    await waitForText(page.locator("dl.minutes-header"), "Exempeluppgift: källorna anger inte mötets datum.");
    await waitForText(
      page.locator("section.minutes-item", { hasText: "Rekommendation om samarbetsavtal" }),
      "Exempeluppgift: källorna anger inte beslutets ordalydelse.",
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("marks the lists: past meetings, the register, the agreement, and the parties' answers", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto("/moten");
    const past = page.getByRole("region", { name: "Tidigare möten" });
    await waitForText(past, "Exempeluppgift: källorna anger inte mötets plats.");
    await expectAccessible(page);

    await page.goto("/beslut?ar=2022");
    const row = page.getByRole("row", { name: /Rekommendation om inriktningsbeslut/ });
    await waitForText(row, "Exempeluppgift: källorna anger inte paragrafnumret.");
    await waitForText(row, "Exempeluppgift: källorna anger inte diarienumret.");
    await expectAccessible(page);

    await page.goto("/avtal");
    await waitForText(page.locator("main"), "Exempeluppgift: källorna anger inte dagen då avtalet antogs.");
    await expectAccessible(page);

    const rec = app.db
      .select()
      .from(recommendations)
      .where(eq(recommendations.title, "Inriktningsbeslut om en gemensam Mini-Maria"))
      .get()!;
    await page.goto(`/rekommendationer/${rec.id}/uppfoljning`);
    const ragunda = page.getByRole("row", { name: /Ragunda/ });
    await waitForText(ragunda, "Exempeluppgift: källorna anger inte vilken part som svarade så och när.");
    await expectAccessible(page);

    // The matter's timeline shows the same § numbers and answers, with the same marks.
    expect(rec.matterId).not.toBeNull();
    await page.goto(`/arenden/${rec.matterId}`);
    const timeline = page.locator("ol.matter-timeline");
    await waitForText(timeline, "Exempeluppgift: källorna anger inte paragrafnumret.");
    await waitForText(timeline, "Exempeluppgift: källorna anger inte vilken part som svarade så och när.");
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("marks example facts in search hits, and SVOM's previous term on its page", async () => {
    const { page, errors } = await app.page();
    // The February 2023 decision's wording is the demo's; the June 2022 decision's is the sources'.
    await page.goto(`/sok?q=${encodeURIComponent("rekommendera kommunerna")}&typ=decision`);
    const hits = page.locator("ol.search-results");
    const february = hits.locator("li", { hasText: "Rekommendation om samarbetsavtal" });
    await waitForText(february, "Exempeluppgift: källorna anger inte beslutets ordalydelse.");
    expect(await february.locator(".snippet .badge--example").isVisible()).toBe(true);
    const june = hits.locator("li", { hasText: "Rekommendation om inriktningsbeslut" });
    await waitForText(june, "Rekommendation om inriktningsbeslut");
    expect(await june.locator(".badge--example").count()).toBe(0);
    await expectAccessible(page);

    // SVOM keeps public records: its members, and the invented term before 2023, are public.
    await page.goto(`/organ/${app.world.bodyIds.svom}`);
    const former = page.getByRole("table", { name: "Tidigare ledamöter" });
    const chair = former.getByRole("row", { name: /Politiker Regionen/ });
    await waitForText(chair, "Exempeluppgift: källorna anger inte vem som satt i organet och under vilken period.");
    expect(await former.locator(".badge--example").count()).toBe(await former.locator("tbody tr").count());
    // Today's members are the demo's people, not a claim about the history: no mark.
    const current = page.getByRole("table", { name: "Nuvarande ledamöter" });
    await waitForText(current, "Politiker Regionen");
    expect(await current.locator(".badge--example").count()).toBe(0);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("finds a § of the paper-era SVOM minutes for an anonymous visitor, and its link opens the meeting", async () => {
    const m = svomMeeting("2022-06-03");
    const item = app.db
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, m.id), eq(agendaItems.title, "Rekommendation om inriktningsbeslut")))
      .get()!;
    const { page, errors } = await app.page();
    await page.goto(`/sok?q=${encodeURIComponent("inriktningsbeslut")}&typ=agenda_item`);
    const hit = page.locator("ol.search-results li", { hasText: "Rekommendation om inriktningsbeslut" });
    await waitForText(hit, "Rekommendation om inriktningsbeslut");
    const link = hit.locator(`a[href="/moten/${m.id}#punkt-${item.id}"]`);
    expect(await link.count()).toBe(1);
    await expectAccessible(page);
    await link.click();
    await page.waitForURL(`**/moten/${m.id}#punkt-${item.id}`);
    await waitForText(page.locator("ol.agenda"), "Rekommendation om inriktningsbeslut");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("marks a matter's registry number in a search hit", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(`/sok?q=${encodeURIComponent("Länsgemensam")}&typ=matter`);
    const hit = page.locator("ol.search-results li", { hasText: "SVOM 2021/07" });
    await waitForText(hit.locator("h3"), "Exempeluppgift: källorna anger inte diarienumret.");
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
