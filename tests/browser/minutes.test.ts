/**
 * The minutes as a legal record (issue 10, "Done when"): a steering-group meeting whose chair
 * is absent is led by the vice chair, who signs with two elected justerare and the secretary;
 * approval before the meeting's day or with an empty decision is refused in Swedish; a
 * votering with a reservation prints in the minutes; a bordlagd item appears on the next
 * meeting's agenda; a correction needs new signatures before the register changes; an
 * anonymous visitor sees approved SVOM minutes and never a draft.
 */
import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaItems, decisions, matters, meetings, minutes } from "../../db/schema";
import { todayInStockholm } from "~/domain/format";
import {
  accountForDemoPerson,
  expectAccessible,
  inDays,
  startApp,
  waitForText,
  type TestApp,
} from "../support/browser";

let app: TestApp;
let meetingId = 0;
let nextMeetingId = 0;
const ids = { plan: 0, lokal: 0 };

beforeAll(async () => {
  app = await startApp();
  // The region's manager, vice chair of the steering group, signs in to approve the minutes.
  accountForDemoPerson(app, {
    id: "test-vice",
    email: "vice.styrgrupp@demo.example",
    person: "Verksamhetschef Regionen",
  });
  const meeting = (date: string) =>
    app.db
      .insert(meetings)
      .values({ bodyId: app.world.bodyIds.styrgrupp, date, startTime: "13:00", endTime: "15:00", place: "Östersund" })
      .returning()
      .get();
  // Tomorrow's meeting; the body's next meeting is before the demo's upcoming one.
  meetingId = meeting(inDays(1)).id;
  nextMeetingId = meeting(inDays(8)).id;
  const item = (m: number, position: number, title: string, kind: "formalia" | "beslut") =>
    app.db.insert(agendaItems).values({ meetingId: m, position, title, kind }).returning().get().id;
  item(meetingId, 1, "Mötets öppnande", "formalia");
  ids.plan = item(meetingId, 2, "Verksamhetsplan 2027", "beslut");
  const matter = app.db
    .insert(matters)
    .values({
      collaborationId: app.world.collaborationId,
      registryNumber: "RJH 2026/77",
      title: "Verksamhetsplan 2027",
    })
    .returning()
    .get();
  app.db.update(agendaItems).set({ matterId: matter.id }).where(eq(agendaItems.id, ids.plan)).run();
  ids.lokal = item(meetingId, 3, "Lokalfrågan i Strömsund", "beslut");
  item(meetingId, 4, "Mötets avslutande", "formalia");
  item(nextMeetingId, 1, "Mötets öppnande", "formalia");
  item(nextMeetingId, 2, "Mötets avslutande", "formalia");
});
afterAll(async () => {
  await app?.stop();
});

describe("a steering-group meeting with the chair absent", () => {
  const url = () => `/moten/${meetingId}/protokoll`;
  let paragraph = "";

  async function recordOnPaper(page: Page, name: string) {
    await page.getByLabel("Registrera justering på papper för").selectOption({ label: name });
    await page.getByRole("button", { name: "Registrera", exact: true }).click();
  }

  it("records attendance, the vice chair as acting chair and two elected justerare", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(url());
    await page.getByRole("button", { name: "Påbörja protokoll" }).click();
    await page.getByLabel("Närvaro för Ingrid IFO-chef Östersund").selectOption("frånvarande");
    await page.getByLabel("Närvaro för Verksamhetschef Regionen").selectOption("närvarande");
    await page.getByLabel("Närvaro för Sara Samordnare").selectOption("närvarande");
    await page.getByLabel("Närvaro för IFO-chef Berg").selectOption("närvarande");
    await page.getByLabel("Närvaro för IFO-chef Åre").selectOption("närvarande");
    // An absent member cannot be elected justerare: refused at the field, everything kept.
    await page.getByLabel("Ingrid IFO-chef Östersund är justerare").check();
    await page.getByLabel("IFO-chef Berg är justerare").check();
    await page.getByLabel("IFO-chef Åre är justerare").check();
    await page.getByLabel("Justeringens plats").fill("Mini-Maria, Östersund");
    await page.getByRole("button", { name: "Spara protokollet" }).click();
    await waitForText(
      page.locator("#f-summary"),
      "Ingrid IFO-chef Östersund var inte närvarande och kan inte väljas till justerare.",
    );
    expect(await page.getByLabel("Justeringens plats").inputValue()).toBe("Mini-Maria, Östersund");
    await expectAccessible(page);
    await page.getByLabel("Ingrid IFO-chef Östersund är justerare").uncheck();
    await page.getByRole("button", { name: "Spara protokollet" }).click();
    await page.waitForURL(/sparat=1/);
    paragraph = (await page.locator(`#p-${ids.plan}`).innerText()).match(/§ (\d+)/)![1];
    // The required signers follow the acting chair: the vice chair, not the absent chair.
    // The address changes before the page has rendered: wait for the content.
    const lines = await waitForText(page.locator(".signature-lines"), "Verksamhetschef Regionen, mötets ordförande");
    expect(lines).toContain("Sara Samordnare, sekreterare");
    expect(lines).toContain("IFO-chef Berg, justerare");
    expect(lines).toContain("IFO-chef Åre, justerare");
    expect(lines).not.toContain("Ingrid");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("refuses approval before the meeting's day, and with an empty decision, in Swedish", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(url());
    await page.getByRole("button", { name: "Markera mötet som genomfört" }).click();
    await waitForText(page.locator("#genomfort-summary"), `först på mötesdagen ${inDays(1)}`);
    await recordOnPaper(page, "IFO-chef Berg");
    await waitForText(page.locator("#papper-summary"), `Protokollet kan inte justeras före mötesdagen ${inDays(1)}.`);
    await expectAccessible(page);
    // The meeting day comes.
    app.db.update(meetings).set({ date: todayInStockholm() }).where(eq(meetings.id, meetingId)).run();
    await page.goto(url());
    await page.getByRole("button", { name: "Markera mötet som genomfört" }).click();
    await page.getByText("Mötet är markerat som genomfört.").first().waitFor();
    await recordOnPaper(page, "IFO-chef Berg");
    await waitForText(page.locator("#papper-summary"), `§ ${paragraph} Verksamhetsplan 2027 saknar beslutstext.`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("records a votering with a reservation, and carries a bordlagd item to the next meeting", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(`/moten/${meetingId}/paragrafer/${ids.plan}`);
    await expectAccessible(page);
    await page.getByLabel("Yrkande 1: av").selectOption({ label: "IFO-chef Berg" });
    await page.getByLabel("Yrkande 1: yrkar").fill("Avslag på förslaget.");
    await page.getByLabel("Beslutsgång").selectOption("votering");
    await page.getByLabel("Röst för Verksamhetschef Regionen").selectOption("ja");
    await page.getByLabel("Röst för IFO-chef Åre").selectOption("ja");
    await page.getByLabel("Röst för IFO-chef Berg").selectOption("nej");
    await page.getByLabel("IFO-chef Berg reserverar sig").check();
    await page.getByLabel("Skäl för IFO-chef Bergs reservation").fill("Planen saknar finansiering för Bergs filial.");
    await page.getByLabel("Expedieras till").fill("Samtliga parter");
    await page.getByRole("button", { name: "Spara paragrafen" }).click();
    await page.waitForURL(new RegExp(`/moten/${meetingId}/protokoll`));
    await page.goto(`/moten/${meetingId}/paragrafer/${ids.lokal}`);
    await page.getByLabel("Utfall").selectOption("bordlagd");
    await page.getByRole("button", { name: "Spara paragrafen" }).click();
    await page
      .getByText(`Punkten står på dagordningen för mötet ${inDays(8)}.`)
      .first()
      .waitFor();
    await page.getByLabel(`Beslut § ${paragraph}`, { exact: true }).fill("Verksamhetsplanen för 2027 fastställs.");
    await page.getByRole("button", { name: "Spara protokollet" }).click();
    await page.waitForURL(/sparat=1/);
    expect(errors).toEqual([]);
    await page.context().close();

    const next = await app.page("demo-ifochef");
    await next.page.goto(`/moten/${nextMeetingId}`);
    await waitForText(next.page.locator(".agenda"), "Lokalfrågan i Strömsund");
    await waitForText(next.page.locator(".agenda"), `Bordlagd ${todayInStockholm()}`);
    await expectAccessible(next.page);
    await next.page.context().close();
  });

  it("lets the vice chair approve after the secretary and the justerare, and prints the vote and reservation", async () => {
    const { page } = await app.page("demo-samordnare");
    await page.goto(url());
    for (const name of ["IFO-chef Berg", "IFO-chef Åre", "Sara Samordnare"]) {
      await recordOnPaper(page, name);
      await page.locator(".signature-lines", { hasText: new RegExp(`${name}, [a-zä ]+, justerade`) }).waitFor();
    }
    await page.context().close();

    // The body's formal chair was absent: she is not asked to sign.
    const chair = await app.page("demo-ifochef");
    await chair.page.goto(url());
    expect(await chair.page.getByRole("button", { name: /Justera protokollet/ }).count()).toBe(0);
    await chair.page.context().close();

    const vice = await app.page("test-vice");
    await vice.page.goto(url());
    await vice.page.getByRole("button", { name: "Justera protokollet som mötets ordförande" }).click();
    await waitForText(vice.page.locator("h1 + p .badge"), "Justerat");
    const item = vice.page.locator(`section[aria-labelledby="p-${ids.plan}"]`);
    await waitForText(item, "Votering: 2 ja, 1 nej, 0 avstår. Förslaget bifölls.");
    await waitForText(item, "IFO-chef Berg yrkar: Avslag på förslaget.");
    await waitForText(item, "Reservation: IFO-chef Berg reserverar sig mot beslutet: Planen saknar finansiering");
    await waitForText(item, "Expedieras till: Samtliga parter");
    await waitForText(vice.page.locator(".minutes-header"), "Verksamhetschef Regionen");
    await expectAccessible(vice.page);
    await vice.page.emulateMedia({ media: "print" });
    expect(await item.getByText(/Reservation: IFO-chef Berg/).isVisible()).toBe(true);
    expect(await vice.page.locator(".site-header").isVisible()).toBe(false);

    // The extract of the § carries the dnr, the vote, the reservation, "expedieras till" and the certification.
    await vice.page.emulateMedia({ media: "screen" });
    await vice.page.goto(`/moten/${meetingId}/utdrag/${ids.plan}`);
    const extract = vice.page.locator("article.extract");
    await waitForText(extract, "Dnr RJH 2026/77");
    await waitForText(extract, "Votering: 2 ja, 1 nej, 0 avstår. Förslaget bifölls.");
    await waitForText(extract, "Reservation: IFO-chef Berg reserverar sig mot beslutet: Planen saknar finansiering");
    await waitForText(extract, "Expedieras till: Samtliga parter");
    await waitForText(extract.locator(".certification"), "Rätt utdraget intygar");
    await waitForText(extract.locator(".certification"), "Sara Samordnare, sekreterare");
    await expectAccessible(vice.page);
    expect(vice.errors).toEqual([]);
    await vice.page.context().close();
    expect(app.db.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get()?.status).toBe("justerat");
  });

  it("keeps the register's text until the same signers approve a correction", async () => {
    const decision = () =>
      app.db
        .select()
        .from(decisions)
        .where(and(eq(decisions.meetingId, meetingId), eq(decisions.agendaItemId, ids.plan)))
        .get()!;
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(url());
    await page.getByLabel(/^Paragraf/).selectOption({ label: `§ ${paragraph} Verksamhetsplan 2027` });
    await page.getByLabel("Rättat beslut").fill("Verksamhetsplanen för 2027 fastställs med bilaga 1.");
    await page.getByLabel("Skäl till rättelsen").fill("Bilagan föll bort i protokollet.");
    await page.getByRole("button", { name: "Spara rättelsen" }).click();
    await waitForText(page.locator('section[aria-labelledby="rattelse-vantar"]'), "Återstår");
    expect(decision().text).toBe("Verksamhetsplanen för 2027 fastställs.");
    await expectAccessible(page);
    for (const name of ["Sara Samordnare", "Verksamhetschef Regionen", "IFO-chef Berg"]) {
      await page.getByLabel("Registrera justering av rättelsen på papper för").selectOption({ label: name });
      await page.getByRole("button", { name: "Registrera justering av rättelsen" }).click();
      await page.locator("p", { hasText: new RegExp(`Har justerat: .*${name}.*Återstår`) }).waitFor();
    }
    expect(decision().text).toBe("Verksamhetsplanen för 2027 fastställs.");
    await page.getByLabel("Registrera justering av rättelsen på papper för").selectOption({ label: "IFO-chef Åre" });
    await page.getByRole("button", { name: "Registrera justering av rättelsen" }).click();
    await waitForText(page.locator(`section[aria-labelledby="p-${ids.plan}"]`), "Rättad");
    await waitForText(
      page.locator(`section[aria-labelledby="p-${ids.plan}"]`),
      `Rättad ${todayInStockholm()}: Bilagan föll bort i protokollet.`,
    );
    expect(decision().text).toBe("Verksamhetsplanen för 2027 fastställs med bilaga 1.");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("SVOM minutes are public records once approved, never as drafts", () => {
  it("shows an anonymous visitor approved minutes of a historic meeting without a notice, and no draft", async () => {
    const svom = app.world.bodyIds.svom;
    const add = (date: string, title: string, text: string, approved: boolean) => {
      const m = app.db
        .insert(meetings)
        .values({ bodyId: svom, date, startTime: "09:00", endTime: "12:00", place: "Östersund", isPublic: true })
        .returning()
        .get();
      const item = app.db
        .insert(agendaItems)
        .values({ meetingId: m.id, position: 1, title, kind: "beslut", decisionText: text })
        .returning()
        .get();
      const at = approved ? `${date}T15:00:00.000Z` : null;
      app.db
        .insert(minutes)
        .values({ meetingId: m.id, status: approved ? "justerat" : "utkast", approvedAt: at })
        .run();
      app.db
        .insert(decisions)
        .values({
          bodyId: svom,
          meetingId: m.id,
          agendaItemId: item.id,
          paragraph: approved ? 901 : 902,
          year: Number(date.slice(0, 4)),
          decidedOn: date,
          title,
          text,
          isPublic: true,
          approval: approved ? "justerat" : "utkast",
          approvedAt: at,
        })
        .run();
      return m.id;
    };
    const approvedId = add(
      "2025-03-14",
      "Rekommendation om uppföljningsplan",
      "SVOM rekommenderar parterna att anta planen.",
      true,
    );
    const draftId = add("2026-11-13", "Hemlig utkastfråga", "Utkasttext som inte är justerad.", false);
    const { page, errors } = await app.page();
    expect((await page.goto(`/moten/${approvedId}/protokoll`))?.status()).toBe(200);
    await waitForText(page.locator("article"), "SVOM rekommenderar parterna att anta planen.");
    await waitForText(page.locator("article"), "kan inte överklagas");
    await expectAccessible(page);
    expect((await page.goto(`/moten/${draftId}/protokoll`))?.status()).toBe(404);
    await page.goto("/beslut?q=Hemlig");
    expect(await page.locator("main").innerText()).not.toContain("Hemlig utkastfråga");
    const csv = await page.request.get("/beslut.csv");
    const body = await csv.text();
    expect(body).toContain("Rekommendation om uppföljningsplan");
    expect(body).not.toContain("Hemlig utkastfråga");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
