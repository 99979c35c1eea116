import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, documents } from "../../db/schema";
import { makePdf } from "../fixtures/pdf";
import { expectAccessible, startApp, waitForText, waitUntil, type TestApp } from "../support/browser";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const ROUTINE = "Rutin för samverkan vid ungdomskontrakt";

describe("documents and search", () => {
  it("lets a politician search for uppsägning and land in the agreement's text", async () => {
    const { page, errors } = await app.page("demo-politiker");
    await page.goto("/sok");
    await page.getByLabel("Sökord").fill("uppsägning");
    await page.getByRole("button", { name: "Sök" }).click();
    await waitForText(page.locator("#traffar"), "för ”uppsägning”");
    // The count is announced (role=status), not only shown (issue 15).
    expect(await waitForText(page.getByRole("status").filter({ hasText: "träff" }), "för ”uppsägning”")).toMatch(
      /^\d+ träff(ar)? för ”uppsägning”$/,
    );
    expect(await page.locator(".snippet mark").first().innerText()).toMatch(/^uppsägning$/i);
    await expectAccessible(page);
    await page.locator(".search-results a").first().click();
    await waitForText(page.locator(".markdown"), "Uppsägning ska ske skriftligen");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("lets an IFO chief upload a routine as a new version while the previous stays available", async () => {
    const { page, errors } = await app.page("demo-ifochef");
    await page.goto("/dokument");
    await page.getByRole("link", { name: ROUTINE }).click();
    await waitForText(page.getByRole("heading", { level: 1 }), ROUTINE);
    await expectAccessible(page);
    await page.getByLabel("Text", { exact: true }).fill("");
    await page.getByLabel("Eller ny fil").setInputFiles({
      name: "rutin-v3.pdf",
      mimeType: "application/pdf",
      buffer: makePdf(["Rutin version tre: kontaktperson i varje kommun"]),
    });
    await page.getByLabel("Vad är ändrat?").fill("Kontaktperson per kommun");
    await page.getByRole("button", { name: "Spara ny version" }).click();
    await page.waitForURL(/\?ny=3/);
    await waitForText(page.locator("tbody"), "rutin-v3.pdf");
    const rows = await page.locator("tbody tr").allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain("gällande");
    expect(rows[1]).toContain("Återrapportering tillagd");
    // The earlier text versions stay readable.
    await page.getByRole("link", { name: "Visa version 1" }).click();
    await waitForText(page.locator(".notice"), "Det här är en äldre version.");
    await waitForText(page.locator(".markdown"), "Mini-Maria bokar ett första samtal");
    expect(await page.locator(".markdown").innerText()).not.toContain("återrapporterar");
    await expectAccessible(page);

    // The text inside the PDF is found by search.
    await page.goto("/sok?q=kontaktperson+kommun");
    await waitForText(page.locator(".search-results"), ROUTINE);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("finds the last word of a long text file once the server's index worker has indexed it", async () => {
    const { page, errors } = await app.page("demo-ifochef");
    await page.goto("/dokument");
    await page.getByRole("link", { name: ROUTINE }).click();
    await waitForText(page.getByRole("heading", { level: 1 }), ROUTINE);
    await page.getByLabel("Text", { exact: true }).fill("");
    // Past 100 000 characters: indexed after the upload, by the worker (text-indexer.server.ts).
    const text = "Rutinen gäller alla kommuner i länet. ".repeat(4_000) + "Sist: efterindexeringsprov.";
    await page.getByLabel("Eller ny fil").setInputFiles({
      name: "rutin-lang.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(text),
    });
    await page.getByLabel("Vad är ändrat?").fill("Hela rutinen som text");
    await page.getByRole("button", { name: "Spara ny version" }).click();
    await page.waitForURL(/\?ny=\d+/);
    await waitForText(page.locator("tbody"), "rutin-lang.txt");
    const pending = app.db.$client.prepare("SELECT count(*) AS n FROM document_versions WHERE text_indexed = 0");
    await waitUntil(() => (pending.get() as { n: number }).n === 0);
    await page.goto("/sok?q=efterindexeringsprov");
    await waitForText(page.locator(".search-results"), ROUTINE);
    expect(await page.locator(".snippet mark").first().innerText()).toBe("efterindexeringsprov");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("links a document to a meeting so it shows on the meeting's page, for those who may read it", async () => {
    const meeting = app.db.$client
      .prepare("select id, date from meetings where body_id = ? and status = 'kallelse skickad'")
      .get(app.world.bodyIds.styrgrupp) as { id: number; date: string };
    const { page, errors } = await app.page("demo-ifochef");
    await page.goto("/dokument");
    await page.getByRole("link", { name: ROUTINE }).click();
    await page.getByLabel("Koppla till").selectOption(`meeting:${meeting.id}`);
    await page.getByRole("button", { name: "Koppla", exact: true }).click();
    await waitForText(page.locator("#kopplingar ~ ul"), `Styrgruppen ${meeting.date}`);
    await expectAccessible(page);
    await page.goto(`/moten/${meeting.id}`);
    await waitForText(page.locator("#kopplade-dokument ~ ul"), ROUTINE);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("refuses an upload containing a valid personal identity number, keeping what was typed", async () => {
    const { page } = await app.page("demo-ifochef");
    await page.goto("/dokument/nytt");
    await expectAccessible(page);
    await page.getByLabel("Titel").fill("Klientlista");
    await page
      .getByLabel("Fil")
      .setInputFiles({ name: "lista.pdf", mimeType: "application/pdf", buffer: makePdf(["Klient 19121212-1212"]) });
    await page.getByRole("button", { name: "Spara dokumentet" }).click();
    await waitForText(page.locator("#f-file-error"), "personnummer");
    expect(await page.getByLabel("Titel").inputValue()).toBe("Klientlista");
    expect(app.db.select().from(documents).where(eq(documents.title, "Klientlista")).all()).toHaveLength(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it("keeps a steering-group-only document from a reference-group member: not listed, not found, and by link it answers as a missing one (404)", async () => {
    const routine = app.db.select().from(documents).where(eq(documents.title, ROUTINE)).get()!;
    const { page } = await app.page("demo-chef");
    await page.goto("/dokument");
    await page.getByRole("heading", { level: 1, name: "Dokument" }).waitFor();
    expect(await page.locator("main").innerText()).not.toContain(ROUTINE);
    await page.goto("/sok?q=ungdomskontrakt");
    await page.locator("#traffar").waitFor();
    expect(await page.locator("main").innerText()).not.toContain(ROUTINE);
    const direct = await page.goto(`/dokument/${routine.id}`);
    expect(direct?.status()).toBe(404);
    const fileVersion = (await app.db.$client
      .prepare("select file_id from document_versions where document_id = ? and file_id is not null")
      .get(routine.id)) as { file_id: number } | undefined;
    if (fileVersion) expect((await page.request.get(`/filer/${fileVersion.file_id}`)).status()).toBe(404);
    await page.context().close();
  });

  it("lets an editor change a document's title and visibility, audited, and shows a conflict instead of overwriting", async () => {
    const { page, errors } = await app.page("demo-ifochef");
    await page.goto("/dokument/nytt");
    await page.getByLabel("Titel").fill("Mötesrutin för styrgruppen");
    await page.getByLabel("Ägs av organ").selectOption({ label: "Styrgruppen för Mini-Maria" });
    await page.getByLabel("Alla inloggade i samverkan").check();
    await page.getByLabel("Text", { exact: true }).fill("Styrgruppen träffas fyra gånger om året.");
    await page.getByRole("button", { name: "Spara dokumentet" }).click();
    await waitForText(page.getByRole("heading", { level: 1 }), "Mötesrutin för styrgruppen");
    const doc = app.db.select().from(documents).where(eq(documents.title, "Mötesrutin för styrgruppen")).get()!;

    // "Bara valda organ" without a body is refused at the field, with everything typed kept.
    await page.getByLabel("Titel").fill("Mötesrutin för styrgruppen (reviderad)");
    await page.getByLabel("Bara valda organ").check();
    await page.getByRole("button", { name: "Spara uppgifterna" }).click();
    await waitForText(page.locator("#uppgifter-bodyIds-error"), "Välj minst ett organ");
    expect(await page.getByLabel("Titel").inputValue()).toBe("Mötesrutin för styrgruppen (reviderad)");
    await expectAccessible(page);

    await page.getByRole("checkbox", { name: "Styrgruppen för Mini-Maria" }).check();
    await page.getByRole("button", { name: "Spara uppgifterna" }).click();
    await waitForText(page.getByRole("status"), "Dokumentets uppgifter är sparade.");
    await waitForText(page.getByRole("heading", { level: 1 }), "Mötesrutin för styrgruppen (reviderad)");
    await waitForText(page.locator(".facts"), "Bara valda organ: Styrgruppen för Mini-Maria");
    const audit = app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "document"), eq(auditLog.entityId, String(doc.id))))
      .all();
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
    expect(JSON.parse(audit[1].before!).title).toBe("Mötesrutin för styrgruppen");
    expect(JSON.parse(audit[1].after!)).toMatchObject({
      title: "Mötesrutin för styrgruppen (reviderad)",
      visibility: "bodies",
      bodyIds: [app.world.bodyIds.styrgrupp],
    });

    // The reference group's member no longer sees it.
    const chef = await app.page("demo-chef");
    expect((await chef.page.goto(`/dokument/${doc.id}`))?.status()).toBe(404);
    await chef.page.context().close();

    // Someone else saves while the editor types: nothing is overwritten, both versions are shown.
    const stored = app.db.select().from(documents).where(eq(documents.id, doc.id)).get()!;
    app.db
      .update(documents)
      .set({ title: "Ändrad av någon annan", version: stored.version + 1 })
      .where(eq(documents.id, doc.id))
      .run();
    await page.getByLabel("Titel").fill("Min titel");
    await page.getByRole("button", { name: "Spara uppgifterna" }).click();
    await waitForText(page.getByRole("alert"), "Någon annan har ändrat dokumentets uppgifter");
    await waitForText(page.getByRole("alert"), "Ändrad av någon annan");
    expect(await page.getByLabel("Titel").inputValue()).toBe("Min titel");
    expect(app.db.select().from(documents).where(eq(documents.id, doc.id)).get()?.title).toBe("Ändrad av någon annan");
    await expectAccessible(page);
    expect(errors.filter((e) => !e.includes("409"))).toEqual([]);
    await page.context().close();
  });

  it("shows the annual follow-up as charts with a table", async () => {
    const { page } = await app.page();
    await page.goto("/uppfoljning");
    await waitForText(page.locator("table"), "59");
    expect(await page.locator("svg[role=img]").count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await page.context().close();
  });
});
