/**
 * The mail path of the running server against a real SMTP server in this process: a kill -9
 * between the commit of a published notice and its delivery loses no message and sends none
 * twice, also when the process dies in the middle of the SMTP conversation; the one-click
 * unsubscribe of RFC 8058 works without signing in (and without an Origin, as mail programs
 * post it), while a look at the page changes nothing; a person sets their choices on /konto/e-post.
 */
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox, mailPreferences } from "../../db/schema";
import { expectAccessible, sessionCookie, spawnServer, startApp, type TestApp, waitUntil } from "../support/browser";
import { publishFormIn } from "../support/publish-form";
import { header, startSmtp, type TestSmtp } from "../support/smtp";

let app: TestApp;
let smtp: TestSmtp;
let cookie = "";
const figures: Record<string, unknown> = {};

const base = () => `http://127.0.0.1:${app.port}`;

function waitForExit(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => proc.once("exit", () => resolve()));
}

async function startWithRelay() {
  app.server = await spawnServer({
    dbPath: app.dbPath,
    port: app.port,
    uploadDir: path.join(app.dir, "uploads"),
    env: {
      SMTP_URL: smtp.url,
      MAIL_FROM: "Samverkansportalen <noreply@portal.example>",
      APP_ORIGIN: base(),
    },
  });
}

async function kill9() {
  const exited = waitForExit(app.server);
  app.server.kill("SIGKILL");
  await exited;
}

function postForm(pathname: string, fields: Record<string, string>) {
  return fetch(`${base()}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, Origin: base(), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

async function newPublishedMeeting(date: string): Promise<number> {
  const created = await postForm("/moten/nytt", {
    bodyId: String(app.world.bodyIds.styrgrupp),
    date,
    startTime: "09:00",
    endTime: "11:00",
    place: "Östersund",
    videoUrl: "",
  });
  const meetingId = Number(created.headers.get("location")!.split("/").pop());
  // The form carries the meeting's version and the notice's fingerprint as the page showed them.
  const page = await fetch(`${base()}/moten/${meetingId}`, { headers: { Cookie: cookie } });
  const published = await postForm(`/moten/${meetingId}`, publishFormIn(await page.text()));
  // 302: the notice and its messages are committed and acknowledged.
  expect(published.status).toBe(302);
  return meetingId;
}

const noticeRows = (meetingId: number) =>
  app.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.eventKey, `notice:${meetingId}:v1`))
    .all();
const receivedFor = (date: string) => smtp.received.filter((m) => m.subject.includes(date));

beforeAll(async () => {
  app = await startApp();
  smtp = await startSmtp();
  cookie = sessionCookie(app.db, "demo-samordnare");
  await kill9();
  await startWithRelay();
});
afterAll(async () => {
  console.log(`MAIL-FIGURES ${JSON.stringify(figures)}`);
  await app?.stop();
  await smtp?.close();
});

describe("a crash between commit and delivery", () => {
  it("loses no message and sends none twice after kill -9 before the hand-over", async () => {
    // The relay greets nobody: the sender waits for it, holding no message.
    smtp.hold();
    const meetingId = await newPublishedMeeting("2027-09-15");
    const rows = noticeRows(meetingId);
    // Every member and deputy of the steering group with an address (the secretary sends it).
    expect(rows.length).toBe(10);
    await waitUntil(() => smtp.connections > 0);
    expect(noticeRows(meetingId).every((r) => r.status === "väntar")).toBe(true);
    await kill9();
    smtp.release();

    await startWithRelay();
    await waitUntil(() => noticeRows(meetingId).every((r) => r.status === "skickat"));
    const received = receivedFor("2027-09-15");
    expect(received.map((m) => m.to[0]).sort()).toEqual(rows.map((r) => r.toAddress).sort());
    expect(received.map((m) => m.messageId).sort()).toEqual(rows.map((r) => r.messageId).sort());
    figures.beforeHandOver = { queued: rows.length, delivered: received.length };
  });

  it("sends none twice after kill -9 in the middle of the SMTP conversation", async () => {
    // A slow relay: each message is stored, then answered after 400 ms.
    smtp.delayMs = 400;
    const meetingId = await newPublishedMeeting("2027-10-13");
    await waitUntil(() => receivedFor("2027-10-13").length >= 2);
    await kill9();
    const beforeRestart = receivedFor("2027-10-13").length;
    smtp.delayMs = 0;

    await startWithRelay();
    await waitUntil(() => noticeRows(meetingId).every((r) => r.status === "skickat" || r.status === "osäkert"));
    const rows = noticeRows(meetingId);
    const received = receivedFor("2027-10-13");
    // Nothing twice: each Message-ID and each recipient at most once.
    expect(new Set(received.map((m) => m.messageId)).size).toBe(received.length);
    expect(new Set(received.map((m) => m.to[0])).size).toBe(received.length);
    // Nothing lost: every message the portal counts as sent arrived, exactly once; the one the
    // relay held when the process died is "osäkert" (it did arrive here) and waits for a person.
    const sent = rows.filter((r) => r.status === "skickat");
    const uncertain = rows.filter((r) => r.status === "osäkert");
    for (const r of sent) expect(received.filter((m) => m.messageId === r.messageId)).toHaveLength(1);
    expect(uncertain.length).toBe(1);
    expect(received.map((m) => m.messageId)).toContain(uncertain[0].messageId);
    expect(received).toHaveLength(rows.length);
    figures.duringConversation = {
      queued: rows.length,
      receivedBeforeKill: beforeRestart,
      sent: sent.length,
      uncertain: uncertain.length,
      delivered: received.length,
    };
  });
});

describe("one-click unsubscribe (RFC 8058)", () => {
  it("turns a kind off from the mail program, without signing in and without an Origin", async () => {
    const toErsattare = smtp.received.find((m) => m.to[0] === "ersattare.styrgruppen@demo.example")!;
    expect(header(toErsattare.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const link = header(toErsattare.raw, "List-Unsubscribe").slice(1, -1);
    expect(link.startsWith(`${base()}/e-post/avsluta/`)).toBe(true);

    // Looking at the page (a link checker, a preview) changes nothing.
    const { page, errors } = await app.page();
    await page.goto(link);
    await expectAccessible(page);
    await expect(page.getByText("Kallelser till möten").isVisible()).resolves.toBe(true);
    // No name or address is shown to whoever holds the link.
    expect(await page.content()).not.toContain("ersattare.styrgruppen@demo.example");
    expect(await page.content()).not.toContain("Ersättare Styrgruppen");
    const personId = app.world.personIds["Ersättare Styrgruppen"];
    const choice = () =>
      app.db
        .select()
        .from(mailPreferences)
        .where(and(eq(mailPreferences.personId, personId), eq(mailPreferences.kind, "notice")))
        .get()?.delivery;
    expect(choice()).toBeUndefined();

    // A wrong token is refused, also from the mail program.
    const wrong = link.replace(/avsluta\/(.)/, (_m, c: string) => `avsluta/${c === "A" ? "B" : "A"}`);
    const refused = await fetch(wrong, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(refused.status).toBe(404);
    expect(choice()).toBeUndefined();

    // The mail program's POST: no cookie, no Origin.
    const res = await fetch(link, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(302);
    expect(choice()).toBe("av");

    // Other POSTs without an Origin are still refused.
    const other = await fetch(`${base()}/konto/e-post`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "notice=direkt",
    });
    expect(other.status).toBe(403);

    // The next notice does not reach them; everyone else gets it.
    const meetingId = await newPublishedMeeting("2027-11-10");
    await waitUntil(() => noticeRows(meetingId).every((r) => r.status === "skickat"));
    expect(receivedFor("2027-11-10").map((m) => m.to[0])).not.toContain("ersattare.styrgruppen@demo.example");
    expect(receivedFor("2027-11-10")).toHaveLength(9);

    await page.goto(link);
    await expect(page.getByText("Den här sortens e-post är avslutad.").isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it("lets a person choose per kind on /konto/e-post", async () => {
    const { page, errors } = await app.page("demo-ifochef");
    await page.goto("/konto");
    await page.getByRole("link", { name: "Välj vilken e-post du får" }).click();
    await page.waitForURL("**/konto/e-post");
    await expectAccessible(page);
    await page.getByLabel("Ändrade kallelser").selectOption("sammanfattning");
    await page.getByLabel("Uppdrag som ska återrapporteras").selectOption("av");
    await page.getByRole("button", { name: "Spara" }).click();
    await page.getByRole("status").getByText("Dina val för e-post är sparade.").waitFor();
    expect(await page.getByLabel("Ändrade kallelser").inputValue()).toBe("sammanfattning");
    expect(await page.getByLabel("Uppdrag som ska återrapporteras").inputValue()).toBe("av");
    expect(await page.getByLabel("Kallelser till möten").inputValue()).toBe("direkt");
    const stored = app.db
      .select()
      .from(mailPreferences)
      .where(eq(mailPreferences.personId, app.world.personIds["Ingrid IFO-chef Östersund"]))
      .all();
    expect(Object.fromEntries(stored.map((s) => [s.kind, s.delivery]))).toEqual({
      "notice-change": "sammanfattning",
      "assignment-due": "av",
    });
    expect(errors).toEqual([]);
  });
});
