/**
 * An account's role on /personer/:id/konto: the last administrator cannot be demoted (the
 * coordinator's own account included), with the message at the field; a role someone else
 * changed since the page was shown is a conflict beside what the user chose.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../db/schema";
import { expectAccessible, startApp, waitForText, type TestApp } from "../support/browser";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const roleOf = (id: string) => app.db.select().from(users).where(eq(users.id, id)).get()!.role;

describe("an account's role", () => {
  it("is not taken from the last administrator, and a stale change is shown as a conflict", async () => {
    const { page } = await app.page("demo-samordnare");
    const own = app.db.select().from(users).where(eq(users.id, "demo-samordnare")).get()!;
    await page.goto(`/personer/${own.personId}/konto`);
    await page.getByLabel("Roll").selectOption("member");
    await page.getByRole("button", { name: "Spara roll" }).click();
    await waitForText(page.locator("#f-role-error"), "Portalen måste ha minst en administratör");
    expect(roleOf("demo-samordnare")).toBe("admin");
    await expectAccessible(page);

    const other = app.db.select().from(users).where(eq(users.id, "demo-chef")).get()!;
    await page.goto(`/personer/${other.personId}/konto`);
    await page.getByLabel("Roll").selectOption("admin");
    // Someone else makes her a reader first.
    app.db.update(users).set({ role: "reader" }).where(eq(users.id, "demo-chef")).run();
    await page.getByRole("button", { name: "Spara roll" }).click();
    await waitForText(page.locator("main"), "Någon annan har ändrat kontots roll");
    expect(roleOf("demo-chef")).toBe("reader");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Spara roll" }).click();
    await waitForText(page.getByRole("status"), "Kontot är sparat.");
    expect(roleOf("demo-chef")).toBe("admin");
    await page.context().close();
  });
});
