/**
 * A matter's timeline shows each agenda item as the meeting's own page shows it to the viewer.
 * The secretary publishes SVOM's agenda, then changes an item's title and adds an item without
 * publishing: on the matter page, a viewer outside SVOM and a SVOM member who is not its
 * secretary see the title as published and not the added item, as on the meeting page the
 * timeline links to; the secretary sees the agenda as it stands.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaItems, matters, meetings } from "../../db/schema";
import { expectAccessible, inDays, seatedTestUser, startApp, type TestApp, waitForText } from "../support/browser";

const PUBLISHED = "Budgetram som kallad";
const DRAFT = "Budgetram UTKASTRUBRIK ej publicerad";
const ADDED = "Tillagd punkt UTKASTPUNKT ej publicerad";

let app: TestApp;
let matterId = 0;
let meetingId = 0;
let itemId = 0;

beforeAll(async () => {
  app = await startApp();
  const { bodyIds, collaborationId } = app.world;
  matterId = app.db
    .insert(matters)
    .values({ collaborationId, registryNumber: "TIDSLINJE 2026/7", title: "Tidslinjens ärende" })
    .returning()
    .get().id;
  meetingId = app.db
    .insert(meetings)
    .values({ bodyId: bodyIds.svom, date: inDays(40), startTime: "09:00", endTime: "11:00", place: "Tidslinjesalen" })
    .returning()
    .get().id;
  itemId = app.db
    .insert(agendaItems)
    .values({ meetingId, position: 1, title: PUBLISHED, kind: "beslut", matterId })
    .returning()
    .get().id;
  app.db
    .insert(agendaItems)
    .values({ meetingId, position: 2, title: "Oförändrad punkt", kind: "beslut", matterId })
    .run();
  seatedTestUser(app.db, { id: "test-svom-ledamot", role: "member", name: "Tidslinje Ledamot" }, [
    [bodyIds.svom, "ledamot"],
  ]);
});
afterAll(async () => {
  await app?.stop();
});

const timelineOf = (page: Page) => page.locator("ol.matter-timeline");

describe("agenda items on a matter's timeline", () => {
  it("the secretary publishes the agenda, then changes a title and adds an item without publishing", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(`/moten/${meetingId}`);
    await page.getByRole("button", { name: "Publicera kallelsen" }).click();
    await page.getByText("Dagordningen är publicerad").waitFor();
    await page.goto(`/moten/${meetingId}/punkter/${itemId}`);
    await page.getByLabel("Rubrik").fill(DRAFT);
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await waitForText(page.locator(".agenda"), DRAFT);
    await page.goto(`/moten/${meetingId}/punkter/ny`);
    await page.getByLabel("Rubrik").fill(ADDED);
    await page.getByLabel("Ärende", { exact: true }).selectOption(String(matterId));
    await page.getByRole("button", { name: "Lägg till punkten" }).click();
    await waitForText(page.locator(".agenda"), ADDED);
    // The secretary's matter page shows what the secretary's meeting page shows: the agenda as it stands.
    await page.goto(`/arenden/${matterId}`);
    const timeline = await waitForText(timelineOf(page), DRAFT);
    expect(timeline).toContain(ADDED);
    expect(timeline).not.toContain(PUBLISHED);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows a viewer outside the body the title as published, as the meeting page it links to does", async () => {
    const { page, errors } = await app.page("demo-ifochef");
    await page.goto(`/arenden/${matterId}`);
    const timeline = await waitForText(timelineOf(page), PUBLISHED);
    expect(timeline).toContain("Oförändrad punkt");
    expect(timeline).not.toContain("UTKAST");
    await expectAccessible(page);
    await timelineOf(page)
      .getByRole("link", { name: `På dagordningen: ${PUBLISHED}` })
      .click();
    await page.waitForURL(new RegExp(`/moten/${meetingId}#punkt-${itemId}$`));
    const agenda = await waitForText(page.locator(`#punkt-${itemId}`), PUBLISHED);
    expect(agenda).not.toContain("UTKAST");
    expect(await page.locator(".agenda").innerText()).not.toContain("UTKAST");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows a member of the body who is not its secretary the published notice until minutes are begun", async () => {
    const { page, errors } = await app.page("test-svom-ledamot");
    await page.goto(`/arenden/${matterId}`);
    const timeline = await waitForText(timelineOf(page), PUBLISHED);
    expect(timeline).not.toContain("UTKAST");
    await page.goto(`/moten/${meetingId}`);
    await waitForText(page.locator(".agenda"), PUBLISHED);
    expect(await page.locator(".agenda").innerText()).not.toContain("UTKAST");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
