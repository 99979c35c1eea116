/**
 * The coordinator ends a body's term in one step (/organ/:id/mandatperiod), in the browser:
 * from the body page, with JavaScript (the list follows the day typed) and without it at
 * 320 px (a refused day keeps what was typed; a changed day draws the list again), with axe
 * on every page; a list longer than a page is paged by plain links, each page ended in turn.
 * A member is not offered the page and is refused it.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodies, bodyCollaborations, memberships, people } from "../../db/schema";
import { addDays } from "~/domain/calendar-dates";
import { defaultTermEnd } from "~/domain/membership";
import { expectAccessible, inDays, startApp, type TestApp, waitForText } from "../support/browser";

let app: TestApp;
const seat: Record<string, number> = {};

/** A body of its own: three seats of the outgoing term, one of the incoming term. */
function termBody(slug: string, firstDay: string): number {
  const bodyId = app.db
    .insert(bodies)
    .values({ slug, name: `Gruppen ${slug}`, shortName: slug, kind: "Styrgrupp", proposalDeadlineDays: 10 })
    .returning()
    .get().id;
  app.db.insert(bodyCollaborations).values({ bodyId, collaborationId: app.world.collaborationId }).run();
  const add = (name: string, role: (typeof memberships.$inferInsert)["role"], startDate: string) => {
    const person = app.db.insert(people).values({ name }).returning().get();
    seat[name] = app.db
      .insert(memberships)
      .values({
        bodyId,
        personId: person.id,
        role,
        startDate,
        organisationId: app.world.organisationIds["Region Jämtland Härjedalen"],
      })
      .returning()
      .get().id;
  };
  add(`Olga ${slug}`, "ordförande", "2023-01-01");
  add(`Lars ${slug}`, "ledamot", "2023-01-01");
  add(`Erik ${slug}`, "ersättare", "2023-01-01");
  add(`Ines ${slug}`, "ledamot", firstDay);
  return bodyId;
}

const endOf = (name: string) => app.db.select().from(memberships).where(eq(memberships.id, seat[name])).get()?.endDate;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("ending a term", () => {
  it("the coordinator ends the outgoing seats from the body page, leaving one and the coming term", async () => {
    const lastDay = defaultTermEnd(inDays(0));
    const bodyId = termBody("skiftet", addDays(lastDay, 1));
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(`/organ/${bodyId}`);
    await page.getByRole("link", { name: "Avsluta mandatperiod" }).click();
    await waitForText(page.getByRole("heading", { level: 1 }), "Avsluta mandatperiod i Gruppen skiftet");
    expect(await page.getByLabel("Sista dag i mandatperioden").inputValue()).toBe(lastDay);
    const list = page.getByRole("group", { name: `Uppdrag som avslutas ${lastDay}` });
    const boxes = list.getByRole("checkbox");
    expect(await boxes.count()).toBe(3);
    for (const box of await boxes.all()) expect(await box.isChecked()).toBe(true);
    expect(await list.innerText()).toContain("Olga skiftet, ordförande, Region Jämtland Härjedalen");
    expect(await list.innerText()).toContain("Nu 2023-01-01 – tills vidare");
    const after = page.getByRole("region", { name: `Börjar efter ${lastDay}` });
    expect(await after.innerText()).toContain("Ines skiftet, ledamot");
    await expectAccessible(page);

    // A day before today is refused at the field; the page reflows at 320 px and passes axe.
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByLabel("Sista dag i mandatperioden").fill(inDays(-1));
    await page.getByRole("button", { name: "Avsluta de markerade uppdragen" }).click();
    await waitForText(page.getByRole("alert"), `Sista dagen kan inte vara före i dag (${inDays(0)}).`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
    await expectAccessible(page);
    // On A4 paper (794 px at 96 dpi): without the site's header and menu, nothing wider than the page.
    await page.setViewportSize({ width: 794, height: 1123 });
    expect(await page.locator(".site-header").isVisible()).toBe(true);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 1280, height: 800 });

    // The list follows the day as it is typed: a day before the incoming seat begins lists it too.
    await page.getByLabel("Sista dag i mandatperioden").fill(addDays(lastDay, 5));
    await waitForText(
      page.getByRole("group", { name: /Uppdrag som avslutas/ }),
      `Uppdrag som avslutas ${addDays(lastDay, 5)}`,
    );
    expect(
      await page
        .getByRole("group", { name: /Uppdrag som avslutas/ })
        .getByRole("checkbox")
        .count(),
    ).toBe(4);
    await page.getByLabel("Sista dag i mandatperioden").fill(lastDay);
    await waitForText(page.getByRole("group", { name: /Uppdrag som avslutas/ }), `Uppdrag som avslutas ${lastDay}`);
    expect(
      await page
        .getByRole("group", { name: /Uppdrag som avslutas/ })
        .getByRole("checkbox")
        .count(),
    ).toBe(3);

    await list.getByRole("checkbox", { name: /Erik skiftet/ }).uncheck();
    await page.getByRole("button", { name: "Avsluta de markerade uppdragen" }).click();
    await waitForText(page.getByRole("status"), `2 uppdrag avslutas ${lastDay}.`);
    expect(new URL(page.url()).pathname).toBe(`/organ/${bodyId}`);
    expect(endOf("Olga skiftet")).toBe(lastDay);
    expect(endOf("Lars skiftet")).toBe(lastDay);
    expect(endOf("Erik skiftet")).toBeNull();
    expect(endOf("Ines skiftet")).toBeNull();
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("works without JavaScript at 320 px: a refused day keeps what was typed, a new day draws the list again", async () => {
    const lastDay = inDays(40);
    const bodyId = termBody("utanjs", addDays(lastDay, 1));
    const context = await app.context("demo-samordnare", {
      javaScriptEnabled: false,
      viewport: { width: 320, height: 800 },
    });
    // (axe runs in the page, so it is run on this page with JavaScript in the test above.)
    const page = await context.newPage();
    await page.goto(`/organ/${bodyId}/mandatperiod`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);

    // A day before today: refused at the field, the day and the unchecked box kept.
    await page.getByRole("checkbox", { name: /Erik utanjs/ }).uncheck();
    await page.getByLabel("Sista dag i mandatperioden").fill(inDays(-1));
    await page.getByRole("button", { name: "Avsluta de markerade uppdragen" }).click();
    await waitForText(page.getByRole("alert"), `Sista dagen kan inte vara före i dag (${inDays(0)}).`);
    expect(await page.getByLabel("Sista dag i mandatperioden").inputValue()).toBe(inDays(-1));
    expect(await page.getByRole("checkbox", { name: /Erik utanjs/ }).isChecked()).toBe(false);
    expect(await page.getByRole("checkbox", { name: /Olga utanjs/ }).isChecked()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);

    // A new day: the list is drawn for it (the incoming seat begins before it now) and nothing is written.
    await page.getByLabel("Sista dag i mandatperioden").fill(addDays(lastDay, 3));
    await page.getByRole("button", { name: "Avsluta de markerade uppdragen" }).click();
    await waitForText(page.getByRole("status"), `Listan visar nu uppdragen som avslutas ${addDays(lastDay, 3)}.`);
    const list = page.getByRole("group", { name: `Uppdrag som avslutas ${addDays(lastDay, 3)}` });
    expect(await list.getByRole("checkbox").count()).toBe(4);
    expect(await page.getByLabel("Sista dag i mandatperioden").inputValue()).toBe(addDays(lastDay, 3));
    expect(endOf("Olga utanjs")).toBeNull();

    // Back to the intended day, confirmed: the list is drawn for it again, then ended.
    await page.getByLabel("Sista dag i mandatperioden").fill(lastDay);
    await page.getByRole("button", { name: "Avsluta de markerade uppdragen" }).click();
    await waitForText(page.getByRole("status"), `Listan visar nu uppdragen som avslutas ${lastDay}.`);
    expect(
      await page
        .getByRole("group", { name: /Uppdrag som avslutas/ })
        .getByRole("checkbox")
        .count(),
    ).toBe(3);
    // The list is new: each of its seats is checked again; Erik stays.
    await page.getByRole("checkbox", { name: /Erik utanjs/ }).uncheck();
    await page.getByRole("button", { name: "Avsluta de markerade uppdragen" }).click();
    await waitForText(page.getByRole("status"), `2 uppdrag avslutas ${lastDay}.`);
    expect(endOf("Olga utanjs")).toBe(lastDay);
    expect(endOf("Lars utanjs")).toBe(lastDay);
    expect(endOf("Erik utanjs")).toBeNull();
    expect(endOf("Ines utanjs")).toBeNull();
    await context.close();
  });

  it("shows which seat someone else changed meanwhile, writes nothing, and ends them when confirmed", async () => {
    const lastDay = inDays(20);
    const bodyId = termBody("krock", addDays(lastDay, 1));
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto(`/organ/${bodyId}/mandatperiod`);
    await page.getByLabel("Sista dag i mandatperioden").fill(lastDay);
    await waitForText(page.getByRole("group", { name: /Uppdrag som avslutas/ }), `Uppdrag som avslutas ${lastDay}`);
    // Another coordinator ends Lars's seat later than this day, after the page was shown.
    const lars = app.db.select().from(memberships).where(eq(memberships.id, seat["Lars krock"])).get()!;
    app.db
      .update(memberships)
      .set({ endDate: addDays(lastDay, 100), version: lars.version + 1 })
      .where(eq(memberships.id, lars.id))
      .run();
    await page.getByRole("button", { name: "Avsluta de markerade uppdragen" }).click();
    const notice = await waitForText(page.getByRole("alert").first(), "Någon annan har ändrat uppdragen");
    expect(notice).toContain("Lars krock (ledamot)");
    expect(notice).toContain(`2023-01-01 – ${addDays(lastDay, 100)}`);
    expect(endOf("Olga krock")).toBeNull();
    expect(endOf("Erik krock")).toBeNull();
    await expectAccessible(page);
    // The list now shows Lars's seat as it is; confirming ends all three.
    expect(await page.getByRole("group", { name: /Uppdrag som avslutas/ }).innerText()).toContain(
      `Nu 2023-01-01 – ${addDays(lastDay, 100)}`,
    );
    await page.getByRole("button", { name: "Avsluta de markerade uppdragen ändå" }).click();
    await waitForText(page.getByRole("status"), `3 uppdrag avslutas ${lastDay}.`);
    expect(endOf("Lars krock")).toBe(lastDay);
    expect(endOf("Olga krock")).toBe(lastDay);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("pages a long list by links that work without JavaScript; each page's checked seats end, then the rest are shown", async () => {
    const lastDay = inDays(50);
    const bodyId = termBody("sidor", addDays(lastDay, 1));
    for (let i = 0; i < 50; i++) {
      const person = app.db
        .insert(people)
        .values({ name: `Person ${String(i).padStart(2, "0")} sidor` })
        .returning()
        .get();
      app.db
        .insert(memberships)
        .values({ bodyId, personId: person.id, role: "ledamot", startDate: "2023-01-01" })
        .run();
    }
    const context = await app.context("demo-samordnare", { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/organ/${bodyId}/mandatperiod?sista=${lastDay}`);
    const list = () => page.getByRole("group", { name: `Uppdrag som avslutas ${lastDay}` });
    expect(await list().getByRole("checkbox").count()).toBe(50);
    const pages = page.getByRole("navigation", { name: "Sidor med uppdrag som avslutas" });
    expect(await pages.innerText()).toContain("Visar 1–50 av 53 uppdrag");
    await pages.getByRole("link", { name: "Nästa sida" }).click();
    await page.waitForURL(/sida=2/);
    expect(new URL(page.url()).searchParams.get("sista")).toBe(lastDay);
    expect(await list().getByRole("checkbox").count()).toBe(3);
    expect(await list().innerText()).toContain("Erik sidor, ersättare");
    await page.getByRole("button", { name: "Avsluta de markerade uppdragen" }).click();
    await waitForText(page.getByRole("status"), `3 uppdrag avslutas ${lastDay}. Listan visar de uppdrag som återstår.`);
    expect(new URL(page.url()).search).toBe(`?sista=${lastDay}`);
    expect(await list().getByRole("checkbox").count()).toBe(50);
    expect(await page.getByRole("navigation", { name: "Sidor med uppdrag som avslutas" }).count()).toBe(0);
    expect(await page.getByText("50 uppdrag", { exact: true }).count()).toBe(1);
    expect(endOf("Erik sidor")).toBe(lastDay);
    expect(endOf("Olga sidor")).toBeNull();
    await context.close();
  });

  it("a member is not offered the page and is refused it", async () => {
    const bodyId = app.world.bodyIds.styrgrupp;
    const { page } = await app.page("demo-ifochef");
    await page.goto(`/organ/${bodyId}`);
    expect(await page.getByRole("link", { name: "Avsluta mandatperiod" }).count()).toBe(0);
    const response = await page.goto(`/organ/${bodyId}/mandatperiod`);
    expect(response?.status()).toBe(403);
    await expectAccessible(page);
    await page.context().close();
  });
});
