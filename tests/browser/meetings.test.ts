import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaItemFiles, agendaItems, itemProposals, meetings, minutes } from "../../db/schema";
import { DEMO_PASSWORD } from "../../db/demo-world";
import { todayInStockholm } from "~/domain/format";
import { expectAccessible, inDays, startApp, waitForText, type TestApp } from "../support/browser";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

/** A minimal but real PDF (the server decides the type from these bytes). */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** A steering-group meeting from 09:00, stored as it is (no standard items, no notice). */
const steeringMeeting = (date: string, endTime: string, place: string) =>
  app.db
    .insert(meetings)
    .values({ bodyId: app.world.bodyIds.styrgrupp, date, startTime: "09:00", endTime, place })
    .returning()
    .get();

describe("a steering-group meeting from notice to extract", () => {
  let meetingUrl = "";
  const date = inDays(30);

  it("lets the coordinator create a meeting, refusing an end before the start with the form kept", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto("/moten");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Nytt möte" }).click();
    // The meetings list has a filter also labelled "Organ": wait for the new page.
    await page.waitForURL(/\/moten\/nytt(\?samverkan=[a-z0-9-]+)?$/);
    await page.getByLabel("Organ").selectOption({ label: "Styrgruppen för Mini-Maria" });
    await page.getByLabel("Datum").fill(date);
    await page.getByLabel("Starttid").fill("13:00");
    await page.getByLabel("Sluttid").fill("12:00");
    await page.getByLabel("Plats").fill("Mini-Maria, Östersund");
    await page.getByRole("button", { name: "Skapa möte" }).click();
    await waitForText(page.locator("#f-endTime-error"), "Mötet kan inte sluta innan det börjar.");
    expect(await page.locator("#f-bodyId option:checked").innerText()).toBe("Styrgruppen för Mini-Maria");
    expect(await page.getByLabel("Plats").inputValue()).toBe("Mini-Maria, Östersund");
    expect(await page.getByLabel("Datum").inputValue()).toBe(date);
    await expectAccessible(page);
    await page.getByLabel("Sluttid").fill("15:30");
    await page.getByRole("button", { name: "Skapa möte" }).click();
    await waitForText(page.getByRole("heading", { level: 1 }), "Styrgruppen för Mini-Maria");
    meetingUrl = new URL(page.url()).pathname;
    await waitForText(page.locator(".agenda"), "Mötets avslutande");
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("lets an IFO chief propose an item with a PDF before the deadline, and refuses a disguised file", async () => {
    const { page, errors } = await app.page("demo-ifochef");
    await page.goto(meetingUrl);
    await page.getByRole("link", { name: "Föreslå en punkt" }).click();
    await expectAccessible(page);
    await page.getByLabel("Rubrik").fill("Rutin för närmottagningarna");
    await page.getByLabel("Förslag till beslut").fill("Styrgruppen godkänner rutinen.");
    await page.getByLabel("Handlingar").setInputFiles({
      name: "rutin.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("<html><script>alert(1)</script></html>"),
    });
    await page.getByRole("button", { name: "Skicka förslaget" }).click();
    await page.locator("#f-files-error").waitFor();
    // Nothing typed is lost.
    expect(await page.getByLabel("Rubrik").inputValue()).toBe("Rutin för närmottagningarna");
    expect(await page.getByLabel("Förslag till beslut").inputValue()).toBe("Styrgruppen godkänner rutinen.");
    await page.getByLabel("Handlingar").setInputFiles({ name: "rutin.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByRole("button", { name: "Skicka förslaget" }).click();
    await waitForText(page.locator("#forslag"), "Rutin för närmottagningarna");
    await waitForText(page.locator("#forslag"), "inkommet");
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("lets the coordinator accept the proposal and publish the notice", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(meetingUrl);
    await page.getByRole("button", { name: "Ta med i dagordningen" }).click();
    await waitForText(page.locator(".agenda"), "Rutin för närmottagningarna");
    await page.getByRole("button", { name: "Publicera kallelsen" }).click();
    await page.getByText("Dagordningen är publicerad").waitFor();
    await expectAccessible(page);
    await page.goto(`${meetingUrl}/kallelse`);
    await waitForText(page.locator(".agenda"), "rutin.pdf");
    await waitForText(
      page.locator(".notice-sender"),
      "Avsändare: Styrgruppen för Mini-Maria, Sara Samordnare (sekreterare)",
    );
    await waitForText(page.locator("article"), "Anmäl förhinder till sekreteraren Sara Samordnare");
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("lets the IFO chief see the outcome and download the zip and the calendar file", async () => {
    const { page } = await app.page("demo-ifochef");
    await page.goto(meetingUrl);
    await waitForText(page.locator("#forslag"), "accepterat");
    const zip = await page.request.get(`${meetingUrl}/handlingar.zip`);
    expect(zip.status()).toBe(200);
    expect(zip.headers()["content-type"]).toBe("application/zip");
    const zipBody = await zip.body();
    expect(zipBody.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
    expect(zipBody.toString("latin1")).toContain("rutin.pdf");
    const ics = await page.request.get(`${meetingUrl}/kalender.ics`);
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    const text = await ics.text();
    const id = meetingUrl.split("/").pop();
    expect(text).toContain(`UID:meeting-${id}@`);
    expect(text).toContain(`DTSTART;TZID=Europe/Stockholm:${date.replace(/-/g, "")}T130000`);
    await page.context().close();
  });

  it("lets the coordinator record attendance and decisions, the chair approve, and the extract show the § number", async () => {
    const meetingId = Number(meetingUrl.split("/").pop());
    // The meeting day has come: minutes are approved only on or after it.
    app.db.update(meetings).set({ date: todayInStockholm() }).where(eq(meetings.id, meetingId)).run();
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(`${meetingUrl}/protokoll`);
    await page.getByRole("button", { name: "Påbörja protokoll" }).click();
    await page.getByRole("button", { name: "Markera mötet som genomfört" }).click();
    await page.getByText("Mötet är markerat som genomfört.").first().waitFor();
    await page.getByLabel("Närvaro för Ingrid IFO-chef Östersund").selectOption("närvarande");
    await page.getByLabel("Närvaro för Sara Samordnare").selectOption("närvarande");
    await page.getByLabel("Närvaro för IFO-chef Berg").selectOption("närvarande");
    await page.getByLabel("IFO-chef Berg är justerare").check();
    const proposalItem = app.db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))
      .all()
      .find((i) => i.title === "Rutin för närmottagningarna")!;
    const paragraph = (await page.locator(`#p-${proposalItem.id}`).innerText()).match(/§ (\d+)/)![1];
    await page
      .getByLabel(`Beslut § ${paragraph}`, { exact: true })
      .fill("Styrgruppen godkänner rutinen för närmottagningarna.");
    await page.getByRole("button", { name: "Spara protokollet" }).click();
    await page.waitForURL(/sparat=1/);
    await expectAccessible(page);
    for (const name of ["IFO-chef Berg", "Sara Samordnare"]) {
      await page.getByLabel("Registrera justering på papper för").selectOption({ label: name });
      await page.getByRole("button", { name: "Registrera", exact: true }).click();
      await waitForText(
        page.locator(".signature-lines"),
        `${name}, ${name === "IFO-chef Berg" ? "justerare" : "sekreterare"}, justerade`,
      );
    }
    await page.context().close();

    const chair = await app.page("demo-ifochef");
    await chair.page.goto(`${meetingUrl}/protokoll`);
    await chair.page.getByRole("button", { name: "Justera protokollet som mötets ordförande" }).click();
    await waitForText(chair.page.locator(".badge"), "Justerat");
    expect(app.db.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get()?.status).toBe("justerat");
    expect(app.db.select().from(meetings).where(eq(meetings.id, meetingId)).get()?.status).toBe("protokoll justerat");
    await expectAccessible(chair.page);

    // An edit of approved minutes is refused with a clear message.
    const refused = await chair.page.request.post(`${meetingUrl}/protokoll`, {
      form: { intent: "save", version: "1" },
      headers: { Origin: app.baseUrl },
    });
    expect(refused.status()).toBe(403);
    const coordinator = await app.context("demo-samordnare");
    const locked = await coordinator.request.post(`${meetingUrl}/protokoll`, {
      form: { intent: "save", version: "99" },
      headers: { Origin: app.baseUrl },
    });
    expect(locked.status()).toBe(409);
    await coordinator.close();

    await chair.page.getByRole("link", { name: "Protokollsutdrag § 4" }).click();
    await waitForText(chair.page.getByRole("heading", { level: 2 }), "§ 4 Rutin för närmottagningarna");
    await waitForText(chair.page.locator("article"), "Styrgruppen godkänner rutinen för närmottagningarna.");
    await waitForText(chair.page.locator("article"), "IFO-chef Berg");
    await expectAccessible(chair.page);
    await chair.page.emulateMedia({ media: "print" });
    expect(await chair.page.locator(".site-header").isVisible()).toBe(false);
    expect(chair.errors).toEqual([]);
    expect(errors).toEqual([]);
    await chair.page.context().close();
  });

  it("refuses a proposal after the deadline with the text kept", async () => {
    const soon = steeringMeeting(inDays(3), "10:00", "Digitalt");
    const { page } = await app.page("demo-ifochef");
    await page.goto(`/moten/${soon.id}/forslag`);
    await page.getByLabel("Rubrik").fill("Sent förslag");
    await page.getByRole("button", { name: "Skicka förslaget" }).click();
    await waitForText(page.getByRole("alert"), "Tiden för att föreslå punkter");
    expect(await page.getByLabel("Rubrik").inputValue()).toBe("Sent förslag");
    await page.context().close();
  });

  it("lets the coordinator decline a proposal only with a reason, and keeps a stale item edit from overwriting", async () => {
    const later = steeringMeeting(inDays(40), "11:00", "Östersund");
    const item = app.db
      .insert(agendaItems)
      .values({ meetingId: later.id, position: 1, title: "Verksamhetsplan 2028", kind: "beslut" })
      .returning()
      .get();
    const proposal = app.db
      .insert(itemProposals)
      .values({ meetingId: later.id, proposedBy: "demo-ifochef", title: "Spelproblem hos unga" })
      .returning()
      .get();
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(`/moten/${later.id}`);
    await page.getByRole("button", { name: "Avslå förslaget" }).click();
    await waitForText(
      page.locator(`#avsla-${proposal.id}-reason-error`),
      "Skriv varför förslaget avslås; förslagsställaren ser skälet.",
    );
    await expectAccessible(page);
    await page.getByLabel("Skäl för att avslå").fill("Tas upp i referensgruppen först.");
    await page.getByRole("button", { name: "Avslå förslaget" }).click();
    await waitForText(page.locator("#forslag"), "Tas upp i referensgruppen först.");
    expect(app.db.select().from(itemProposals).where(eq(itemProposals.id, proposal.id)).get()?.status).toBe("avslaget");

    await page.goto(`/moten/${later.id}/punkter/${item.id}`);
    // Someone else saves the item while the form is open.
    app.db
      .update(agendaItems)
      .set({ title: "Verksamhetsplan 2028 (reviderad)", version: item.version + 1 })
      .where(eq(agendaItems.id, item.id))
      .run();
    await page.getByLabel("Rubrik").fill("Verksamhetsplan 2028 med budget");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await waitForText(page.getByRole("alert").first(), "Någon annan har ändrat punkten");
    await waitForText(page.locator(".table-wrap"), "Verksamhetsplan 2028 (reviderad)");
    expect(await page.getByLabel("Rubrik").inputValue()).toBe("Verksamhetsplan 2028 med budget");
    expect(app.db.select().from(agendaItems).where(eq(agendaItems.id, item.id)).get()?.title).toBe(
      "Verksamhetsplan 2028 (reviderad)",
    );
    await expectAccessible(page);
    await page.getByRole("button", { name: "Spara min text ändå" }).click();
    await waitForText(page.locator(".agenda"), "Verksamhetsplan 2028 med budget");

    await page.goto(`/moten/${later.id}/redigera`);
    await page.getByLabel("Sluttid").fill("08:00");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await waitForText(page.locator("#f-endTime-error"), "Mötet kan inte sluta innan det börjar.");
    await page.getByLabel("Sluttid").fill("12:00");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.getByText("Mötet är sparat.").first().waitFor();
    expect(app.db.select().from(meetings).where(eq(meetings.id, later.id)).get()?.endTime).toBe("12:00");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows members the published notice until the secretary publishes its changes as a new version", async () => {
    const date = inDays(50);
    const noticed = steeringMeeting(date, "11:00", "Östersund");
    app.db
      .insert(agendaItems)
      .values({ meetingId: noticed.id, position: 1, title: "Lägesrapport", kind: "information" })
      .run();
    const secretary = await app.page("demo-samordnare");
    await secretary.page.goto(`/moten/${noticed.id}`);
    await secretary.page.getByRole("button", { name: "Publicera kallelsen" }).click();
    await secretary.page.getByText("Dagordningen är publicerad").waitFor();
    await secretary.page.goto(`/moten/${noticed.id}/redigera`);
    await secretary.page.getByLabel("Plats").fill("Krokom");
    await secretary.page.getByRole("button", { name: "Spara", exact: true }).click();
    await waitForText(secretary.page.locator("#opublicerade + p + ul"), "Ny plats: Krokom (var Östersund)");
    await expectAccessible(secretary.page);

    const member = await app.page("demo-ifochef");
    await member.page.goto(`/moten/${noticed.id}`);
    await waitForText(member.page.locator(".facts"), "Östersund");
    expect(await member.page.locator(".facts").innerText()).not.toContain("Krokom");
    expect(await member.page.locator("#opublicerade").count()).toBe(0);
    await member.page.goto(`/moten/${noticed.id}/kallelse`);
    await waitForText(member.page.locator(".facts"), "Östersund");

    await secretary.page.goto(`/moten/${noticed.id}`);
    await secretary.page.getByRole("button", { name: "Publicera ändringarna som ny version av kallelsen" }).click();
    await secretary.page.getByText("Dagordningen är publicerad").waitFor();

    await member.page.goto(`/moten/${noticed.id}`);
    await waitForText(member.page.locator(".facts"), "Krokom");
    await waitForText(member.page.locator("#andringar").locator(".."), "Ändrad kallelse, version 2");
    await waitForText(member.page.locator("#andringar").locator(".."), "Ny plats: Krokom (var Östersund)");
    await expectAccessible(member.page);
    await member.page.goto(`/moten/${noticed.id}/kallelse`);
    await waitForText(member.page.getByRole("heading", { level: 1 }), "Ändrad kallelse (version 2)");
    await waitForText(member.page.locator("article"), "Version 2: Ny plats: Krokom (var Östersund)");
    await expectAccessible(member.page);
    expect(member.errors).toEqual([]);
    expect(secretary.errors).toEqual([]);
    await member.page.context().close();
    await secretary.page.context().close();
  });

  it("keeps other bodies' members and the public out of a steering-group meeting", async () => {
    const id = meetingUrl.split("/").pop();
    const politician = await app.page("demo-politiker");
    expect((await politician.page.goto(meetingUrl))?.status()).toBe(404);
    expect((await politician.page.request.get(`${meetingUrl}/handlingar.zip`)).status()).toBe(404);
    const [attached] = app.db.select().from(agendaItemFiles).all();
    expect((await politician.page.request.get(`/filer/${attached.fileId}`)).status()).toBe(404);
    const member = await app.context("demo-ifochef");
    const download = await member.request.get(`/filer/${attached.fileId}`);
    expect(download.status()).toBe(200);
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");
    expect(download.headers()["content-disposition"]).toContain("attachment");
    await member.close();
    await politician.page.context().close();
    const anonymous = await app.page();
    expect((await anonymous.page.goto(`/moten/${id}/protokoll`))?.status()).toBe(404);
    await anonymous.page.context().close();
  });

  it("answers a hidden meeting as a missing one, and offers the signed-out a sign-in that leads back", async () => {
    // Signed out (an expired session, a link in a notice): the same 404 as an id no meeting has.
    const { page } = await app.page();
    const missing = await page.goto("/moten/987654");
    expect(missing?.status()).toBe(404);
    const missingText = await page.locator("main").innerText();
    expect((await page.goto(meetingUrl))?.status()).toBe(404);
    expect(await page.locator("main").innerText()).toBe(missingText);
    await expectAccessible(page);
    await page.locator("main").getByRole("link", { name: "Logga in" }).click();
    await page.getByLabel("E-postadress").fill("ifochef.ostersund@demo.example");
    await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL((url) => url.pathname === new URL(meetingUrl, app.baseUrl).pathname);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.context().close();
    // Signed in without a seat in the body: still the missing meeting's 404, no sign-in offered.
    const politician = await app.page("demo-politiker");
    expect((await politician.page.goto(meetingUrl))?.status()).toBe(404);
    expect(await politician.page.locator("main").innerText()).not.toContain("Logga in");
    await politician.page.context().close();
  });
});

describe("moving a meeting whose minutes are begun", () => {
  it("refuses a move into another year at the date field, keeping what was typed", async () => {
    const begun = steeringMeeting("2027-12-31", "12:00", "Östersund");
    app.db.insert(minutes).values({ meetingId: begun.id }).run();
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(`/moten/${begun.id}/redigera`);
    await page.getByLabel("Datum").fill("2028-01-01");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await waitForText(page.locator("#f-date-error"), "Mötet kan bara flyttas till ett annat datum under 2027.");
    expect(await page.getByLabel("Datum").inputValue()).toBe("2028-01-01");
    await expectAccessible(page);
    expect(app.db.select().from(meetings).where(eq(meetings.id, begun.id)).get()?.date).toBe("2027-12-31");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
