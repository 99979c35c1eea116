/**
 * The mail path in the running server: with no relay configured (the demo), the background
 * sender writes each queued message as an .eml file under MAIL_DIR, and the administrator's
 * page lists it with the file to open.
 */
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox } from "../../db/schema";
import { expectAccessible, startApp, type TestApp, waitUntil } from "../support/browser";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("mail without a relay", () => {
  it("writes queued mail as .eml files and lists them on the admin page", async () => {
    const row = app.db
      .insert(mailOutbox)
      .values({
        eventKey: "browser:eml",
        kind: "notice",
        toAddress: "ifochef.berg@demo.example",
        toName: "IFO-chef Berg",
        subject: "Kallelse: Styrgruppen",
        textBody: "Hej!\n\nDu kallas till sammanträde.",
        htmlBody: "<p>Hej!</p>",
        messageId: "<browser-eml@demo.example>",
        nextAttemptAt: new Date().toISOString(),
      })
      .returning()
      .get();
    // The sender polls every few seconds: it finds the row without being woken.
    const sent = await waitUntil(() => {
      const r = app.db.select().from(mailOutbox).where(eq(mailOutbox.id, row.id)).get();
      return r?.status === "skickat" ? r : undefined;
    });
    expect(sent.via).toBe("fil");
    // The scheduled jobs may have written reminders of the demo's deadlines too; this row has its own file.
    const file = `${String(row.id).padStart(7, "0")}-notice.eml`;
    const files = fs.readdirSync(path.join(app.dir, "mail")).filter((f) => f.endsWith(".eml"));
    expect(files).toContain(file);
    expect(files.filter((f) => f.startsWith(String(row.id).padStart(7, "0")))).toEqual([file]);
    expect(fs.readFileSync(path.join(app.dir, "mail", file), "utf8")).toContain(
      "Message-ID: <browser-eml@demo.example>",
    );

    const { page, errors } = await app.page("demo-samordnare");
    await page.goto("/admin/e-post");
    await expectAccessible(page);
    const table = page.getByRole("table");
    await expect(table.getByRole("link", { name: "Kallelse: Styrgruppen" }).isVisible()).resolves.toBe(true);
    await expect(page.getByText("sparas i stället som en .eml-fil").isVisible()).resolves.toBe(true);
    const download = page.waitForEvent("download");
    await table
      .getByRole("row")
      .filter({ hasText: "Kallelse: Styrgruppen" })
      .getByRole("link", { name: "Öppna .eml-filen" })
      .click();
    expect((await download).suggestedFilename()).toBe(file);

    await page.goto(`/admin/e-post/${row.id}`);
    await expectAccessible(page);
    await expect(page.getByText("Du kallas till sammanträde.").isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });
});
