/**
 * Class 4 of issue 11: the coordinator redacts personal identity numbers stored before the
 * guard existed, the audit log's before/after values included; the log keeps that a redaction
 * happened, by whom and when. The numbers are planted through a connection without the guard
 * (the guard's triggers belong to each connection), as an old database would hold them.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removePersonalNumberGuard } from "../../db/personal-number-guard";
import { auditLog, matters } from "../../db/schema";
import { personalNumbersIn } from "~/domain/personal-number";
import { expectAccessible, startApp, waitForText, type TestApp } from "../support/browser";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("redaction of stored personal identity numbers", () => {
  it("lets the coordinator mask them everywhere, the audit log included, and the log says who and when", async () => {
    removePersonalNumberGuard(app.db.$client);
    const matter = app.db.select().from(matters).get()!;
    app.db
      .update(matters)
      .set({ description: "Gäller klient 19121212-1212 och 1912**1212**-1212." })
      .where(eq(matters.id, matter.id))
      .run();
    const entry = app.db
      .insert(auditLog)
      .values({
        userId: "demo-samordnare",
        action: "update",
        entityType: "matter",
        entityId: String(matter.id),
        before: JSON.stringify({ description: "Klient 121212-1212" }),
        after: JSON.stringify({ description: "Gäller klient 19121212-1212" }),
      })
      .returning()
      .get();

    const { page, errors } = await app.page("demo-samordnare");
    await page.goto("/admin/personnummer");
    await expectAccessible(page);
    const table = page.getByRole("table", { name: /Texter med personnummer/ });
    const listed = await table.innerText();
    expect(listed).toContain("19121212-****");
    expect(listed).toContain("audit_log");
    expect(await page.content()).not.toContain("19121212-1212");

    await page.getByRole("button", { name: "Maskera alla personnummer" }).click();
    await waitForText(page.getByRole("status"), "är maskerade");
    await expect(page.getByText("Ingen sparad text innehåller").isVisible()).resolves.toBe(true);

    const description = app.db.select().from(matters).where(eq(matters.id, matter.id)).get()!.description;
    expect(description).toBe("Gäller klient 19121212-**** och 1912**1212**-XXXX.");
    const redacted = app.db.select().from(auditLog).where(eq(auditLog.id, entry.id)).get()!;
    expect(personalNumbersIn(`${redacted.before} ${redacted.after}`)).toHaveLength(0);
    expect(redacted.redactedBy).toBe("demo-samordnare");
    expect(redacted.redactedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect([redacted.userId, redacted.action, redacted.at]).toEqual([entry.userId, entry.action, entry.at]);
    const record = app.db.select().from(auditLog).where(eq(auditLog.action, "redact")).get()!;
    expect(record.userId).toBe("demo-samordnare");
    expect(personalNumbersIn(record.after ?? "")).toHaveLength(0);
    // The log still refuses every other change.
    expect(() => app.db.update(auditLog).set({ action: "delete" }).where(eq(auditLog.id, entry.id)).run()).toThrow(
      /append-only/,
    );

    await page.goto("/admin/logg?typ=matter");
    await expectAccessible(page);
    // Who redacted is named as a person (the history shows names, not sign-in addresses).
    await page
      .getByText(/Personnummer maskerat .* av Sara Samordnare/)
      .first()
      .waitFor({ state: "visible" });
    expect(errors).toEqual([]);
  });

  it("refuses the page to everyone but the coordinator", async () => {
    const { page } = await app.page("demo-ifochef");
    const response = await page.goto("/admin/personnummer");
    expect(response?.status()).toBe(403);
  });
});
