/**
 * Assignments (/uppdrag) on the one form pattern: two forms on one page told apart by intent,
 * a rejected form keeps what was typed (with and without JavaScript), a stale status is a
 * conflict, not a silent overwrite.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignments } from "../../db/schema";
import { expectAccessible, startApp, waitForText, type TestApp } from "../support/browser";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
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
});
