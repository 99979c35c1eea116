/**
 * Absence and substitutes in the running server, through the e-mail it writes (.eml files,
 * no relay): a member follows the link in the notice and reports förhinder, the deputy is
 * told and confirms that they serve from the link in that message, the secretary sees who is
 * coming, and the minutes' attendance list is pre-filled with both.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships, people, users } from "../../db/schema";
import {
  accountForDemoPerson,
  expectAccessible,
  inDays,
  sessionCookie,
  startApp,
  type TestApp,
  waitUntil,
} from "../support/browser";
import { publishFormIn } from "../support/publish-form";
import { header, mimeParts } from "../support/smtp";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
  // The deputy gets an account of their own to answer with.
  accountForDemoPerson(app, {
    id: "test-ersattare",
    email: "ersattare.styrgruppen@demo.example",
    person: "Ersättare Styrgruppen",
  });
});
afterAll(async () => {
  await app?.stop();
});

/** The text part of the .eml file written to `address` with a subject starting with `subject`. */
function mailTo(address: string, subject: string): string | undefined {
  const dir = path.join(app.dir, "mail");
  if (!fs.existsSync(dir)) return undefined;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".eml"))) {
    const raw = fs.readFileSync(path.join(dir, file), "utf8");
    if (header(raw, "To").includes(address) && header(raw, "Subject").startsWith(subject))
      return mimeParts(raw).find((p) => p.contentType === "text/plain")?.body;
  }
  return undefined;
}

function linkAfter(text: string, label: string): string {
  const match = new RegExp(`${label}:\\r?\\n(\\S+)`).exec(text);
  if (!match) throw new Error(`no link "${label}" in:\n${text}`);
  return match[1];
}

/** A form posted by the coordinator, as the browser would (no redirect followed). */
function postAsCoordinator(pathname: string, fields: Record<string, string>) {
  return fetch(`${app.baseUrl}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      Cookie: sessionCookie(app.db, "demo-samordnare"),
      Origin: app.baseUrl,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(fields),
  });
}

/** A steering group meeting on `date`, created by the coordinator: its path. */
/** The publish form as the meeting page renders it: the meeting's version and the notice's fingerprint as shown. */
async function publishForm(meetingPath: string): Promise<Record<string, string>> {
  const page = await fetch(`${app.baseUrl}${meetingPath}`, {
    headers: { Cookie: sessionCookie(app.db, "demo-samordnare") },
  });
  return publishFormIn(await page.text());
}

async function steeringMeeting(date: string, startTime: string, endTime: string): Promise<string> {
  const created = await postAsCoordinator("/moten/nytt", {
    bodyId: String(app.world.bodyIds.styrgrupp),
    date,
    startTime,
    endTime,
    place: "Östersund",
    videoUrl: "",
  });
  return created.headers.get("location")!;
}

describe("förhinder and substitutes", () => {
  it("a member reports förhinder from the notice link, the deputy confirms, the attendance shows it", async () => {
    const meetingPath = await steeringMeeting("2027-06-16", "09:00", "12:00");
    expect((await postAsCoordinator(meetingPath, await publishForm(meetingPath))).status).toBe(302);

    // The chair's notice, with the link to report förhinder.
    const notice = await waitUntil(() => mailTo("ifochef.ostersund@demo.example", "Kallelse: Styrgruppen"));
    const absenceLink = linkAfter(notice, "Har du förhinder\\? Anmäl det här");
    expect(new URL(absenceLink).pathname).toBe(`${meetingPath}/forhinder`);

    const member = await app.page("demo-ifochef");
    await member.page.goto(new URL(absenceLink).pathname);
    await expectAccessible(member.page);
    await member.page.getByRole("button", { name: "Anmäl förhinder" }).click();
    await member.page.getByRole("status").getByText("Ditt förhinder är anmält.").waitFor();
    await expect(member.page.getByText("Du har anmält förhinder.").isVisible()).resolves.toBe(true);
    expect(member.errors).toEqual([]);

    // The deputy is told, and confirms from the link in that message.
    const told = await waitUntil(() => mailTo("ersattare.styrgruppen@demo.example", "Ersättare behövs"));
    expect(told).toContain("Ingrid IFO-chef Östersund har anmält förhinder");
    const serveLink = linkAfter(told, "Bekräfta att du tjänstgör");
    const deputy = await app.page("test-ersattare");
    await deputy.page.goto(new URL(serveLink).pathname);
    await expectAccessible(deputy.page);
    await deputy.page.getByLabel("Jag tjänstgör för").selectOption({ label: "Ingrid IFO-chef Östersund" });
    await deputy.page.getByRole("button", { name: "Bekräfta att jag tjänstgör" }).click();
    await deputy.page.getByRole("status").getByText("Du är anmäld som tjänstgörande ersättare.").waitFor();
    await expect(
      deputy.page.getByText("Du tjänstgör som ersättare för Ingrid IFO-chef Östersund.").isVisible(),
    ).resolves.toBe(true);
    expect(deputy.errors).toEqual([]);

    // The secretary sees who is coming, and the minutes' attendance is pre-filled.
    const secretary = await app.page("demo-samordnare");
    await secretary.page.goto(`${meetingPath}/forhinder`);
    await expectAccessible(secretary.page);
    const table = secretary.page.getByRole("table", { name: "Kallade och deras besked" });
    const row = (name: string) => table.getByRole("row").filter({ hasText: name });
    await expect(row("Ingrid IFO-chef Östersund").getByRole("cell").nth(2).textContent()).resolves.toBe("Förhinder");
    await expect(row("Ersättare Styrgruppen").getByRole("cell").nth(2).textContent()).resolves.toBe(
      "Tjänstgör för Ingrid IFO-chef Östersund",
    );
    await expect(row("IFO-chef Berg").getByRole("cell").nth(2).textContent()).resolves.toBe("Kommer");

    await secretary.page.goto(`${meetingPath}/protokoll`);
    await secretary.page.getByRole("button", { name: /Påbörja protokoll/ }).click();
    const ingrid = app.world.personIds["Ingrid IFO-chef Östersund"];
    await secretary.page.getByLabel("Närvaro för Ersättare Styrgruppen").waitFor();
    await expect(secretary.page.getByLabel("Närvaro för Ingrid IFO-chef Östersund").inputValue()).resolves.toBe(
      "frånvarande",
    );
    await expect(secretary.page.getByLabel("Närvaro för Ersättare Styrgruppen").inputValue()).resolves.toBe(
      "ersättare tjänstgör",
    );
    await expect(secretary.page.getByLabel("Ersättare Styrgruppen tjänstgör för").inputValue()).resolves.toBe(
      String(ingrid),
    );
    expect(secretary.errors).toEqual([]);
  });

  it("a member whose seat begins after today is summoned, opens the meeting from the start page and reports förhinder", async () => {
    const base = app.baseUrl;
    // A new term: her seat in the steering group begins in 30 days, before the meeting in 60.
    const person = app.db
      .insert(people)
      .values({ name: "Nina Nyvald", email: "nina.nyvald@demo.example" })
      .returning()
      .get();
    app.db
      .insert(users)
      .values({
        id: "test-nyvald",
        email: "nina.nyvald@demo.example",
        passwordHash: "x",
        role: "member",
        personId: person.id,
      })
      .run();
    app.db
      .insert(memberships)
      .values({ bodyId: app.world.bodyIds.styrgrupp, personId: person.id, role: "ledamot", startDate: inDays(30) })
      .run();
    const meetingPath = await steeringMeeting(inDays(60), "13:00", "15:00");
    expect((await postAsCoordinator(meetingPath, await publishForm(meetingPath))).status).toBe(302);

    const notice = await waitUntil(() => mailTo("nina.nyvald@demo.example", "Kallelse: Styrgruppen"));
    expect(new URL(linkAfter(notice, "Har du förhinder\\? Anmäl det här")).pathname).toBe(`${meetingPath}/forhinder`);

    const member = await app.page("test-nyvald");
    await member.page.goto("/");
    // Her start page names the seat that begins later.
    await member.page.getByRole("heading", { name: "Uppdrag som börjar senare" }).waitFor();
    await member.page.locator(`a[href="${meetingPath}"]`).first().click();
    await member.page.waitForURL(`**${meetingPath}`);
    await expectAccessible(member.page);
    // Förhinder is linked from the meeting's page for everyone called, a seat ahead included.
    await member.page.getByRole("link", { name: "Förhinder och ersättare" }).click();
    await member.page.waitForURL(`**${meetingPath}/forhinder`);
    await member.page.getByRole("button", { name: "Anmäl förhinder" }).click();
    await member.page.getByRole("status").getByText("Ditt förhinder är anmält.").waitFor();
    expect(member.errors).toEqual([]);

    // Her seat does not reach back: the steering group's meeting before it begins stays closed.
    const earlierPath = await steeringMeeting(inDays(20), "13:00", "15:00");
    const closed = await fetch(`${base}${earlierPath}`, { headers: { Cookie: sessionCookie(app.db, "test-nyvald") } });
    expect([403, 404]).toContain(closed.status);
  });
});
