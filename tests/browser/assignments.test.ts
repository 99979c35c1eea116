/**
 * Assignments (/uppdrag) on the one form pattern: two forms on one page told apart by intent,
 * a rejected form keeps what was typed (with and without JavaScript), a stale status is a
 * conflict, not a silent overwrite.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignments, collaborations, decisions, people, users } from "../../db/schema";
import { expectAccessible, startApp, waitForText, type TestApp } from "../support/browser";

let app: TestApp;
const collaborationSlugOf = (id: number) =>
  app.db.select().from(collaborations).where(eq(collaborations.id, id)).get()!.slug;
beforeAll(async () => {
  app = await startApp({ exampleCollaboration: true });
});
afterAll(async () => {
  await app?.stop();
});

describe("assignments", () => {
  it("refuses an impossible due date at the field without JavaScript and keeps what was typed", async () => {
    const context = await app.context("demo-samordnare", { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/uppdrag");
    await page.getByRole("textbox", { name: "Uppdrag", exact: true }).fill("Sammanställ kommunernas synpunkter");
    await page.getByLabel("Beskrivning").fill("Inför styrgruppens möte");
    await page.getByLabel("Klart senast").fill("2027-02-30");
    await page.getByRole("button", { name: "Skapa uppdrag" }).click();
    await waitForText(page.locator("#f-dueDate-error"), "ÅÅÅÅ-MM-DD");
    await waitForText(page.locator("#f-assignee-error"), "Välj vem som har uppdraget.");
    expect(await page.getByRole("textbox", { name: "Uppdrag", exact: true }).inputValue()).toBe(
      "Sammanställ kommunernas synpunkter",
    );
    expect(await page.getByLabel("Beskrivning").inputValue()).toBe("Inför styrgruppens möte");
    expect(await page.getByLabel("Klart senast").inputValue()).toBe("2027-02-30");
    // Fixed, it is created.
    await page.getByLabel("Ansvarig").selectOption({ label: "Styrgruppen för Mini-Maria" });
    await page.getByLabel("Klart senast").fill("2027-02-28");
    await page.getByRole("button", { name: "Skapa uppdrag" }).click();
    await page.waitForURL(/\/uppdrag$/);
    await waitForText(page.getByRole("status"), "Uppdraget är skapat.");
    const row = app.db
      .select()
      .from(assignments)
      .where(eq(assignments.title, "Sammanställ kommunernas synpunkter"))
      .get();
    expect(row).toMatchObject({ assigneeType: "body", dueDate: "2027-02-28", status: "ej påbörjad" });
    await context.close();
  });

  it("sets a status, and answers a stale one with a conflict instead of overwriting", async () => {
    const { page } = await app.page("demo-samordnare");
    await page.goto("/uppdrag");
    const row = app.db
      .select()
      .from(assignments)
      .where(eq(assignments.title, "Sammanställ kommunernas synpunkter"))
      .get()!;
    await page.getByLabel("Status för Sammanställ kommunernas synpunkter").selectOption("pågår");
    // Someone else saves first.
    app.db
      .update(assignments)
      .set({ version: row.version + 1 })
      .where(eq(assignments.id, row.id))
      .run();
    await page
      .locator("tr", { hasText: "Sammanställ kommunernas synpunkter" })
      .getByRole("button", { name: "Spara" })
      .click();
    // The one ConflictNotice, naming the assignment.
    await waitForText(page.locator("main"), "Någon annan har ändrat uppdraget ”Sammanställ kommunernas synpunkter”");
    expect(app.db.select().from(assignments).where(eq(assignments.id, row.id)).get()!.status).toBe("ej påbörjad");
    await expectAccessible(page);
    await page.reload();
    await page.getByLabel("Status för Sammanställ kommunernas synpunkter").selectOption("pågår");
    await page
      .locator("tr", { hasText: "Sammanställ kommunernas synpunkter" })
      .getByRole("button", { name: "Spara" })
      .click();
    await waitForText(page.getByRole("status"), "Uppdragets status är sparad.");
    expect(app.db.select().from(assignments).where(eq(assignments.id, row.id)).get()!.status).toBe("pågår");
    await page.context().close();
  });

  it("gives an assignment from a decision, lists it there, and edits it on its own page, a stale edit shown as a conflict", async () => {
    const decision = app.db.select().from(decisions).where(eq(decisions.title, "Fortsatt utredningsuppdrag")).get()!;
    const { page } = await app.page("demo-samordnare");
    await page.goto(`/beslut/${decision.id}`);
    // SVOM serves both demo collaborations: the coordinator chooses which one the assignment is for.
    await page.getByRole("link", { name: "Nytt uppdrag i Mini-Maria Jämtland Härjedalen" }).click();
    const form = page.getByRole("region", { name: "Nytt uppdrag" });
    await waitForText(form, "Från beslut: Fortsatt utredningsuppdrag");
    await form.getByRole("textbox", { name: "Uppdrag", exact: true }).fill("Sammanställ utredningens underlag");
    await form.getByLabel("Ansvarig").selectOption({ label: "Östersunds kommun" });
    // A due date before the decision is refused at the field; what was typed stays.
    await form.getByLabel("Klart senast").fill(`${Number(decision.decidedOn.slice(0, 4)) - 1}-12-31`);
    await form.getByRole("button", { name: "Skapa uppdrag" }).click();
    await waitForText(page.locator("#f-dueDate-error"), `före beslutsdagen ${decision.decidedOn}`);
    expect(await page.getByRole("textbox", { name: "Uppdrag", exact: true }).inputValue()).toBe(
      "Sammanställ utredningens underlag",
    );
    await waitForText(page.getByRole("region", { name: "Nytt uppdrag" }), "Från beslut: Fortsatt utredningsuppdrag");
    await page.getByLabel("Klart senast").fill("2027-03-31");
    await page.getByRole("button", { name: "Skapa uppdrag" }).click();
    // Back on the decision, which lists it.
    await page.waitForURL(new RegExp(`/beslut/${decision.id}$`));
    await waitForText(page.getByRole("status"), "Uppdraget är skapat.");
    const listed = page.getByRole("region", { name: "Uppdrag från beslutet" });
    await waitForText(listed, "Sammanställ utredningens underlag (Östersunds kommun, klart senast 2027-03-31");
    await expectAccessible(page);

    // Its own page: the coordinator postpones it; someone else saved first.
    await listed.getByRole("link", { name: "Sammanställ utredningens underlag" }).click();
    await waitForText(page.getByRole("heading", { level: 1 }), "Sammanställ utredningens underlag");
    await waitForText(page.locator("dl.facts"), "Fortsatt utredningsuppdrag");
    const row = app.db
      .select()
      .from(assignments)
      .where(eq(assignments.title, "Sammanställ utredningens underlag"))
      .get()!;
    expect(row.decisionId).toBe(decision.id);
    const edit = page.getByRole("region", { name: "Ändra uppdraget" });
    await edit.getByLabel("Klart senast").fill("2027-05-31");
    app.db
      .update(assignments)
      .set({ dueDate: "2027-04-30", version: row.version + 1 })
      .where(eq(assignments.id, row.id))
      .run();
    await edit.getByRole("button", { name: "Spara" }).click();
    await waitForText(page.locator("main"), "Någon annan har ändrat uppdraget ”Sammanställ utredningens underlag”");
    await waitForText(page.getByRole("alert").first(), "2027-04-30");
    expect(await page.getByRole("region", { name: "Ändra uppdraget" }).getByLabel("Klart senast").inputValue()).toBe(
      "2027-05-31",
    );
    expect(app.db.select().from(assignments).where(eq(assignments.id, row.id)).get()!.dueDate).toBe("2027-04-30");
    await expectAccessible(page);
    // Saving again puts the user's date over the other one, knowingly.
    await page
      .getByRole("region", { name: "Ändra uppdraget" })
      .getByRole("button", { name: "Spara mina uppgifter ändå" })
      .click();
    await waitForText(page.getByRole("status"), "Uppdraget är sparat.");
    expect(app.db.select().from(assignments).where(eq(assignments.id, row.id)).get()!.dueDate).toBe("2027-05-31");
    // The decision's matter follows it up on its timeline, on the day it is due.
    await page.goto(`/arenden/${decision.matterId}`);
    await waitForText(
      page.locator("ol.matter-timeline"),
      "2027-05-31 Uppdrag Östersunds kommun: Klart senast: Sammanställ utredningens underlag (ej påbörjad)",
    );
    await page.context().close();
  });
  it("keeps the version the edit began from across a person search: a change saved meanwhile is a conflict, not overwritten", async () => {
    // The search reloads the page (a GET carrying the form); the typed values come back, and so
    // must the version they were typed against, not the one saved by someone else since.
    const row = app.db.select().from(assignments).get()!;
    const context = await app.context("demo-samordnare", { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/uppdrag/${row.id}`);
    const edit = page.getByRole("region", { name: "Ändra uppdraget" });
    await edit.getByRole("textbox", { name: "Uppdrag", exact: true }).fill("Rubrik skriven före sökningen");
    app.db
      .update(assignments)
      .set({ dueDate: "2027-06-30", version: row.version + 1 })
      .where(eq(assignments.id, row.id))
      .run();
    await edit.getByLabel("Sök person").fill("kommun");
    await edit.getByRole("button", { name: "Sök", exact: true }).click();
    await page.waitForURL(/sok-person=kommun/);
    const after = page.getByRole("region", { name: "Ändra uppdraget" });
    expect(await after.getByRole("textbox", { name: "Uppdrag", exact: true }).inputValue()).toBe(
      "Rubrik skriven före sökningen",
    );
    await after.getByRole("button", { name: "Spara", exact: true }).click();
    await waitForText(page.locator("main"), "Någon annan har ändrat uppdraget");
    expect(app.db.select().from(assignments).where(eq(assignments.id, row.id)).get()).toMatchObject({
      title: row.title,
      dueDate: "2027-06-30",
    });
    await context.close();
  });
  it("leads an assignee from outside the collaboration to no list they may not open", async () => {
    const outsider = app.db.select().from(users).where(eq(users.id, "demo-spel")).get()!;
    const row = app.db.select().from(assignments).where(eq(assignments.collaborationId, 1)).get()!;
    app.db
      .update(assignments)
      .set({ assigneeType: "person", assigneeId: outsider.personId! })
      .where(eq(assignments.id, row.id))
      .run();
    const { page } = await app.page("demo-spel");
    await page.goto(`/uppdrag/${row.id}`);
    await waitForText(page.getByRole("heading", { level: 1 }), row.title);
    const crumbs = page.getByRole("navigation", { name: "Brödsmulor" });
    expect(await crumbs.getByRole("link").count()).toBe(0);
    // What the link would have opened refuses them.
    const list = await page.goto(`/uppdrag?samverkan=${collaborationSlugOf(row.collaborationId)}`);
    expect(list?.status()).toBeGreaterThanOrEqual(400);
    await page.context().close();
  });
  it("does not give an assignment from no decision when the decision it was to come from is refused", async () => {
    // A link to a decision since removed (or one the coordinator's collaboration cannot use).
    const gone =
      Math.max(
        ...app.db
          .select({ id: decisions.id })
          .from(decisions)
          .all()
          .map((d) => d.id),
      ) + 1;
    const context = await app.context("demo-samordnare", { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/uppdrag?samverkan=mini-maria-jh&beslut=${gone}`);
    const form = page.getByRole("region", { name: "Nytt uppdrag" });
    await waitForText(form, "Beslutet finns inte.");
    await form
      .getByRole("textbox", { name: "Uppdrag", exact: true })
      .fill("Uppdrag som skulle ha kommit från beslutet");
    await form.getByLabel("Ansvarig").selectOption({ label: "Styrgruppen för Mini-Maria" });
    await form.getByRole("button", { name: "Skapa uppdrag" }).click();
    await waitForText(page.getByRole("region", { name: "Nytt uppdrag" }), "Beslutet finns inte.");
    expect(
      app.db
        .select()
        .from(assignments)
        .where(eq(assignments.title, "Uppdrag som skulle ha kommit från beslutet"))
        .all(),
    ).toEqual([]);
    expect(
      await page
        .getByRole("region", { name: "Nytt uppdrag" })
        .getByRole("textbox", { name: "Uppdrag", exact: true })
        .inputValue(),
    ).toBe("Uppdrag som skulle ha kommit från beslutet");
    await context.close();
  });
  it("keeps the person the edit chose after a conflict without JavaScript, though someone else has since given it to another", async () => {
    const [a, b] = [app.world.personIds["Per Politiker Krokom"], app.world.personIds["IFO-chef Berg"]];
    // More people than a choice field offers unsearched: the page offers the latest and the chosen one.
    app.db
      .insert(people)
      .values(Array.from({ length: 60 }, (_, i) => ({ name: `Handläggare ${i + 1}`, title: "Handläggare" })))
      .run();
    const row = app.db.select().from(assignments).where(eq(assignments.collaborationId, 1)).all().at(-1)!;
    app.db.update(assignments).set({ assigneeType: "person", assigneeId: a }).where(eq(assignments.id, row.id)).run();
    const context = await app.context("demo-samordnare", { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/uppdrag/${row.id}`);
    const edit = page.getByRole("region", { name: "Ändra uppdraget" });
    expect(await edit.getByLabel("Ansvarig").inputValue()).toBe(`person:${a}`);
    await edit.getByLabel("Klart senast").fill("2027-09-30");
    // Someone else gives it to another person meanwhile.
    app.db
      .update(assignments)
      .set({ assigneeId: b, version: row.version + 1 })
      .where(eq(assignments.id, row.id))
      .run();
    await edit.getByRole("button", { name: "Spara", exact: true }).click();
    await waitForText(page.locator("main"), "Någon annan har ändrat uppdraget");
    const after = page.getByRole("region", { name: "Ändra uppdraget" });
    expect(await after.getByLabel("Ansvarig").inputValue()).toBe(`person:${a}`);
    expect(await page.locator("main").innerText()).not.toContain(`person:${a}`);
    await after.getByRole("button", { name: "Spara mina uppgifter ändå" }).click();
    await waitForText(page.getByRole("status"), "Uppdraget är sparat.");
    expect(app.db.select().from(assignments).where(eq(assignments.id, row.id)).get()).toMatchObject({
      assigneeType: "person",
      assigneeId: a,
      dueDate: "2027-09-30",
    });
    await context.close();
  });
});
