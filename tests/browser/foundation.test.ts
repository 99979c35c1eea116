import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, memberships, sessions } from "../../db/schema";
import { sessionIdOf } from "~/auth/sessions.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../db/demo-world";
import { expectAccessible, startApp, type TestApp, waitForText, waitUntil } from "../support/browser";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("sign-in", () => {
  it("refuses a wrong password with one generic message and keeps the e-mail", async () => {
    const { page, errors } = await app.page();
    await page.goto("/logga-in");
    await expectAccessible(page);
    await page.getByLabel("E-postadress").fill("samordnare@demo.example");
    await page.getByLabel("Lösenord").fill("fel-lösenord-123");
    await page.getByRole("button", { name: "Logga in" }).click();
    await waitForText(page.getByRole("alert"), "Fel e-postadress eller lösenord.");
    expect(await page.getByRole("alert").getByRole("listitem").allInnerTexts()).toEqual([
      "Fel e-postadress eller lösenord.",
    ]);
    // A rejected form moves focus to its error summary (issue 15).
    await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "alert");
    expect(await page.getByLabel("E-postadress").inputValue()).toBe("samordnare@demo.example");
    await expectAccessible(page);

    await page.getByLabel("E-postadress").fill("finns.inte@demo.example");
    await page.getByLabel("Lösenord").fill("fel-lösenord-123");
    await page.getByRole("button", { name: "Logga in" }).click();
    await waitForText(page.getByRole("alert"), "Fel e-postadress eller lösenord.");
    expect(await page.getByRole("alert").getByRole("listitem").allInnerTexts()).toEqual([
      "Fel e-postadress eller lösenord.",
    ]);
    expect(errors.filter((e) => !e.includes("401"))).toEqual([]);
    await page.context().close();
  });

  it.each(DEMO_ACCOUNTS.map((a) => [a.email, a.person] as const))(
    "signs in %s and shows that person's bodies",
    async (email, person) => {
      // Without JavaScript, as on a locked-down council laptop: plain form posts.
      const context = await app.browser.newContext({ baseURL: app.baseUrl, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto("/logga-in");
      await page.getByLabel("E-postadress").fill(email);
      await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Logga in" }).click();
      expect(await waitForText(page.getByRole("heading", { level: 1 }), `Hej ${person}`)).toBe(`Hej ${person}`);
      const bodies = await page.locator("#mina-organ ~ ul .card h3").allTextContents();
      const expected: Record<string, string[]> = {
        "samordnare@demo.example": [
          "Sociala vård- och omsorgsgruppen (SVOM)",
          "Styrgruppen för Mini-Maria",
          "Referensgruppen för Mini-Maria",
        ],
        "ifochef.ostersund@demo.example": ["Styrgruppen för Mini-Maria", "Referensgruppen för Mini-Maria"],
        "politiker.krokom@demo.example": ["Sociala vård- och omsorgsgruppen (SVOM)"],
        "chef.minimaria@demo.example": ["Referensgruppen för Mini-Maria", "Arbetsgruppen (operativ)"],
      };
      expect(bodies).toEqual(expected[email]);
      // (axe needs JavaScript; the start page is checked with axe in "pages and access".)
      // Sign out ends the session on the server.
      await page.getByRole("button", { name: "Logga ut" }).click();
      await page.getByRole("link", { name: "Logga in" }).first().waitFor();
      await context.close();
    },
  );

  it("sends an expired session to sign-in with a clear message", async () => {
    const context = await app.context("demo-ifochef");
    const [cookie] = await context.cookies();
    app.db
      .update(sessions)
      .set({ expiresAt: 1 })
      .where(eq(sessions.id, sessionIdOf(cookie.value)))
      .run();
    const page = await context.newPage();
    await page.goto("/konto");
    expect(new URL(page.url()).pathname).toBe("/logga-in");
    await waitForText(page.getByRole("status"), "Din session har gått ut");
    await context.close();
  });
});

describe("pages and access", () => {
  it("shows the signed-in start page accessibly", async () => {
    const { page, errors } = await app.page("demo-politiker");
    await page.goto("/");
    await waitForText(page.locator("#mina-organ ~ ul"), "Sociala vård- och omsorgsgruppen (SVOM)");
    // Only meetings the politician may open (issue 15: no dead ends): their own SVOM, not the
    // steering group's meeting, whose records are not public and where they do not sit.
    const next = page.locator("section", { has: page.locator("#nasta-moten") });
    await waitForText(next, "Sociala vård- och omsorgsgruppen (SVOM)");
    expect(await next.innerText()).not.toContain("Styrgruppen för Mini-Maria");
    const hrefs = await next.locator("a[href^='/moten/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect((await page.context().request.get(href)).status(), href).toBe(200);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows parties and bodies to the public, accessibly", async () => {
    const { page, errors } = await app.page();
    await page.goto("/parter");
    await page.getByRole("link", { name: "Region Jämtland Härjedalen" }).waitFor();
    expect(await page.locator("tbody tr").count()).toBe(9);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Östersunds kommun" }).click();
    expect(await waitForText(page.getByRole("heading", { level: 1 }), "Östersunds kommun")).toBe("Östersunds kommun");
    await expectAccessible(page);
    await page.goto("/organ");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Sociala vård- och omsorgsgruppen (SVOM)" }).click();
    // SVOM keeps public records: its members are public.
    await waitForText(page.getByRole("table", { name: "Nuvarande ledamöter" }), "Politiker Regionen");
    await expectAccessible(page);
    await page.goto(`/organ/${app.world.bodyIds.styrgrupp}`);
    await page.getByText("Ledamöterna visas för inloggade användare.").waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("gives a member the Swedish 403 page for the coordinator's pages and writes nothing", async () => {
    const { page } = await app.page("demo-ifochef");
    const before = app.db.select().from(auditLog).all().length;
    const response = await page.goto(`/organ/${app.world.bodyIds.styrgrupp}/ledamoter/ny`);
    expect(response?.status()).toBe(403);
    expect(await waitForText(page.getByRole("heading", { level: 1 }), "Du saknar behörighet")).toBe(
      "Du saknar behörighet",
    );
    await expectAccessible(page);
    const audit = await page.goto("/admin/logg");
    expect(audit?.status()).toBe(403);
    // A direct POST is refused on the server too.
    const post = await page.request.post(`/organ/${app.world.bodyIds.styrgrupp}/ledamoter/ny`, {
      form: { personId: "1", role: "ledamot", startDate: "2026-01-01", endDate: "", organisationId: "", note: "" },
      headers: { Origin: app.baseUrl },
    });
    expect(post.status()).toBe(403);
    expect(app.db.select().from(auditLog).all().length).toBe(before);
    await page.context().close();
  });

  it("refuses a state-changing request from a foreign origin", async () => {
    const context = await app.context("demo-samordnare");
    const count = app.db.select().from(memberships).all().length;
    const res = await context.request.post(`/organ/${app.world.bodyIds.styrgrupp}/ledamoter/ny`, {
      form: { personId: String(app.world.personIds["Sara Samordnare"]), role: "ledamot", startDate: "2026-01-01" },
      headers: { Origin: "https://evil.example" },
    });
    expect(res.status()).toBe(403);
    const noOrigin = await fetch(`${app.baseUrl}/logga-ut`, { method: "POST" });
    expect(noOrigin.status).toBe(403);
    expect(app.db.select().from(memberships).all().length).toBe(count);
    await context.close();
  });
});

describe("accounts", () => {
  it("invites a person by e-mail, who chooses a password with the link once, signs in and sees her bodies", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto("/personer");
    await page.getByRole("link", { name: "Konto för IFO-chef Berg" }).click();
    await waitForText(page.locator("h1"), "Konto för IFO-chef Berg");
    await expectAccessible(page);
    // The coordinator types no password any more.
    expect(await page.getByLabel("Första lösenord").count()).toBe(0);
    await page.getByLabel("E-postadress").fill("ifochef.berg@demo.example");
    await page.getByRole("button", { name: "Skapa konto och skicka inbjudan" }).click();
    await waitForText(page.locator("main"), "Personen loggar in med");
    await waitForText(page.getByRole("status"), "En inbjudan att välja lösenord har skickats");
    expect(errors).toEqual([]);
    await page.context().close();

    // The demo has no relay: the invitation is written as an .eml file in the data folder.
    const mailDir = path.join(app.dir, "mail");
    const eml = await waitUntil(() => {
      const file = fs.existsSync(mailDir)
        ? fs.readdirSync(mailDir).find((f) => f.endsWith("-account-invitation.eml"))
        : undefined;
      return file ? fs.readFileSync(path.join(mailDir, file), "utf8") : undefined;
    });
    expect(eml).toMatch(/^To: .*ifochef\.berg@demo\.example/m);
    // Quoted-printable may fold a long line; the token's characters are never encoded.
    const link = /https?:\/\/[^/\s]+(\/losenord\/[A-Za-z0-9_-]{43})/.exec(eml.replace(/=\r?\n/g, ""));
    expect(link).not.toBeNull();

    // Opening the link does not use it up (axe needs JavaScript; the rest runs without).
    const looking = await app.browser.newContext({ baseURL: app.baseUrl });
    const look = await looking.newPage();
    await look.goto(link![1]);
    await waitForText(look.locator("main"), "ifochef.berg@demo.example");
    await expectAccessible(look);
    await looking.close();

    const context = await app.browser.newContext({ baseURL: app.baseUrl, javaScriptEnabled: false });
    const invited = await context.newPage();
    await invited.goto(link![1]);
    await waitForText(invited.locator("main"), "ifochef.berg@demo.example");
    await invited.getByLabel("Nytt lösenord").fill("kort");
    await invited.getByLabel("Samma lösenord igen").fill("kort");
    await invited.getByRole("button", { name: "Spara lösenordet" }).click();
    await waitForText(invited.locator("#f-next-error"), "minst 12 tecken");
    await invited.getByLabel("Nytt lösenord").fill("mitt eget långa lösenord");
    await invited.getByLabel("Samma lösenord igen").fill("mitt eget långa lösenord");
    await invited.getByRole("button", { name: "Spara lösenordet" }).click();
    await waitForText(invited.getByRole("status"), "Ditt lösenord är sparat");
    await invited.getByLabel("E-postadress").fill("ifochef.berg@demo.example");
    await invited.getByLabel("Lösenord").fill("mitt eget långa lösenord");
    await invited.getByRole("button", { name: "Logga in" }).click();
    await waitForText(invited.locator("#mina-organ ~ ul"), "Styrgruppen för Mini-Maria");

    // The link worked once.
    await invited.goto(link![1]);
    await waitForText(invited.locator("main"), "Länken är redan använd");
    const actions = app.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityType, "user"))
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["create", "invite", "password"]));
    await context.close();
  });
});

describe("memberships", () => {
  it("lets the coordinator add, reject bad dates with the form kept, edit and end a membership", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    const bodyId = app.world.bodyIds.referensgrupp;
    await page.goto(`/organ/${bodyId}`);
    await page.getByRole("link", { name: "Lägg till ledamot" }).click();
    await expectAccessible(page);
    await page.locator("#f-personId").selectOption({ label: "IFO-chef Ragunda (Ragunda kommun)" });
    await page.getByLabel("Roll").selectOption("ersättare");
    await page.getByLabel("Företräder").selectOption({ label: "Ragunda kommun" });
    await page.getByLabel("Från och med").fill("2027-01-01");
    await page.getByLabel("Till och med").fill("2026-12-31");
    await page.getByLabel("Anteckning").fill("Ersätter under våren");
    await page.getByRole("button", { name: "Lägg till" }).click();
    expect(await waitForText(page.locator("#f-endDate-error"), "Slutdatum kan inte vara före startdatum.")).toBe(
      "Slutdatum kan inte vara före startdatum.",
    );
    // Nothing typed is lost.
    expect(await page.getByLabel("Från och med").inputValue()).toBe("2027-01-01");
    expect(await page.getByLabel("Anteckning").inputValue()).toBe("Ersätter under våren");
    expect(await page.getByLabel("Roll").inputValue()).toBe("ersättare");
    await expectAccessible(page);

    await page.getByLabel("Från och med").fill("2026-01-01");
    await page.getByLabel("Till och med").fill("");
    await page.getByRole("button", { name: "Lägg till" }).click();
    await waitForText(page.getByRole("table", { name: "Nuvarande ledamöter" }), "IFO-chef Ragunda");

    await page.getByRole("link", { name: "Ändra uppdraget för IFO-chef Ragunda" }).click();
    await expectAccessible(page);
    await page.getByLabel("Sista dag i uppdraget").fill("2026-02-01");
    await page.getByRole("button", { name: "Avsluta uppdraget" }).click();
    await waitForText(page.getByRole("table", { name: "Tidigare ledamöter" }), "IFO-chef Ragunda");

    await page.goto("/admin/logg");
    // Plain Swedish: who by name, what as a sentence, what changed field by field (issue 15).
    await waitForText(page.locator("tbody"), "Sara Samordnare ändrade ett ledamotsuppdrag");
    await waitForText(page.locator("tbody"), "Sara Samordnare skapade ett ledamotsuppdrag");
    expect(await page.locator("tbody").innerText()).not.toMatch(/[{}]/);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows a conflict instead of overwriting another coordinator's edit", async () => {
    const bodyId = app.world.bodyIds.styrgrupp;
    const seat = app.db.select().from(memberships).where(eq(memberships.bodyId, bodyId)).all()[0];
    const a = await app.page("demo-samordnare");
    await a.page.goto(`/organ/${bodyId}/ledamoter/${seat.id}`);
    // Someone else saves first.
    app.db
      .update(memberships)
      .set({ note: "Ändrat av någon annan", version: seat.version + 1 })
      .where(eq(memberships.id, seat.id))
      .run();
    await a.page.getByLabel("Anteckning").fill("Min anteckning");
    await a.page.getByRole("button", { name: "Spara" }).click();
    await waitForText(a.page.getByRole("alert"), "Någon annan har ändrat uppdraget");
    await waitForText(a.page.getByRole("alert"), "Ändrat av någon annan");
    expect(await a.page.getByLabel("Anteckning").inputValue()).toBe("Min anteckning");
    expect(app.db.select().from(memberships).where(eq(memberships.id, seat.id)).get()?.note).toBe(
      "Ändrat av någon annan",
    );
    await expectAccessible(a.page);
    await a.page.context().close();
  });
});
