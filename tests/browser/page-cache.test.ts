/**
 * Signed-in pages served again from memory (app/utils/page-cache.server.ts, decision 011),
 * seen from outside over HTTP against the built server: a stored page goes only to the
 * session it was rendered for, any write drops it, a session that ended never gets it, and
 * every response carries its own CSP nonce. `X-Page-Cache` says how a page was served.
 */
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people, sessions, users } from "../../db/schema";
import { sessionIdOf } from "~/auth/sessions.server";
import { freePort, sessionCookie, sessionToken, spawnServer, startApp, type TestApp } from "../support/browser";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

async function get(pathname: string, cookie?: string, base = app.baseUrl) {
  const res = await fetch(`${base}${pathname}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
  const html = await res.text();
  const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1] ?? "";
  return {
    status: res.status,
    cache: res.headers.get("x-page-cache"),
    html,
    nonce,
    location: res.headers.get("location"),
  };
}

/**
 * A session as sessionCookie makes it, but not due for lucia's sliding extension (a write that
 * would drop every stored page on its first request): its idle expiry is a full period away.
 */
function freshCookie(userId: string): string {
  const token = sessionToken(app.db, userId);
  app.db
    .update(sessions)
    .set({ expiresAt: Math.floor(Date.now() / 1000) + 7200 })
    .where(eq(sessions.id, sessionIdOf(token)))
    .run();
  return `session=${token}`;
}

/** The name the page header shows for the signed-in viewer. */
const viewerName = (html: string) => /<span class="account__who">([^<]*)/.exec(html)?.[1]?.trim();

const personOf = (userId: string) => {
  const user = app.db.select().from(users).where(eq(users.id, userId)).get()!;
  return app.db.select().from(people).where(eq(people.id, user.personId!)).get()!;
};

describe("a stored page", () => {
  it("goes only to the session it was rendered for, never to another user's or another session of the same user", async () => {
    const chef = freshCookie("demo-chef");
    const ifochef = freshCookie("demo-ifochef");
    const chefAgain = freshCookie("demo-chef");
    const first = await get("/moten", chef);
    expect(first.status).toBe(200);
    expect(first.cache).toBe("stored");
    const repeat = await get("/moten", chef);
    expect(repeat.cache).toBe("hit");
    expect(viewerName(repeat.html)).toBe(viewerName(first.html));
    expect(viewerName(repeat.html)).toContain(personOf("demo-chef").name);
    // The same page, another user: rendered for them, with their name.
    const other = await get("/moten", ifochef);
    expect(other.cache).toBe("stored");
    expect(viewerName(other.html)).toContain(personOf("demo-ifochef").name);
    expect(other.html).not.toContain(personOf("demo-chef").name);
    expect((await get("/moten", ifochef)).html).not.toContain(personOf("demo-chef").name);
    // Another session of the same user is not served the first session's page either.
    expect((await get("/moten", chefAgain)).cache).toBe("stored");
    // Every cookie is part of the key: one more cookie, another entry.
    expect((await get("/moten", `${chef}; annan=1`)).cache).toBe("stored");
    // And the full URL.
    expect((await get("/moten?sida=1", chef)).cache).toBe("stored");
    expect((await get("/moten", chef)).cache).toBe("hit");
  });

  it("carries the response's own CSP nonce, on every inline script", async () => {
    const cookie = sessionCookie(app.db, "demo-chef");
    const first = await get("/beslut", cookie);
    const repeat = await get("/beslut", cookie);
    expect(repeat.cache).toBe("hit");
    expect(repeat.nonce).not.toBe(first.nonce);
    const inline = [...repeat.html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)];
    expect(inline.length).toBeGreaterThan(0);
    for (const [, attributes] of inline) expect(attributes).toContain(`nonce="${repeat.nonce}"`);
    expect(repeat.html).not.toContain(first.nonce);
    // Apart from the nonce, the page is the one rendered.
    expect(repeat.html.split(repeat.nonce).join("N")).toBe(first.html.split(first.nonce).join("N"));
  });
});

describe("a write", () => {
  it("by another process drops every stored page", async () => {
    const cookie = sessionCookie(app.db, "demo-ifochef");
    const person = personOf("demo-ifochef");
    await get("/", cookie);
    expect((await get("/", cookie)).cache).toBe("hit");
    // The test's own connection is another process's as far as the server knows.
    app.db.update(people).set({ name: "Ingrid Omdöpt" }).where(eq(people.id, person.id)).run();
    try {
      const after = await get("/", cookie);
      expect(after.cache).toBe("stored");
      expect(viewerName(after.html)).toContain("Ingrid Omdöpt");
    } finally {
      app.db.update(people).set({ name: person.name }).where(eq(people.id, person.id)).run();
    }
  });

  it("through the server itself drops every stored page", async () => {
    const cookie = sessionCookie(app.db, "demo-chef");
    const leaving = sessionCookie(app.db, "demo-ifochef");
    await get("/avtal", cookie);
    expect((await get("/avtal", cookie)).cache).toBe("hit");
    // Signing out deletes a session row on the server's own connection.
    const out = await fetch(`${app.baseUrl}/logga-ut`, {
      method: "POST",
      headers: { Cookie: leaving, Origin: app.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
      redirect: "manual",
    });
    expect(out.status).toBe(302);
    expect((await get("/avtal", cookie)).cache).toBe("stored");
  });
});

describe("a session that ended", () => {
  it("gets the page as the public sees it, not the stored one, once revoked", async () => {
    const token = sessionToken(app.db, "demo-chef");
    const cookie = `session=${token}`;
    await get("/rekommendationer", cookie);
    expect((await get("/rekommendationer", cookie)).cache).toBe("hit");
    app.db
      .delete(sessions)
      .where(eq(sessions.id, sessionIdOf(token)))
      .run();
    // A public page: rendered for no one, as for a visitor who never signed in.
    const after = await get("/rekommendationer", cookie);
    expect(after.status).toBe(200);
    expect(after.cache).toBeNull();
    expect(viewerName(after.html)).toBeUndefined();
    expect(after.html).toContain("Logga in");
  });

  it("is not served the stored page once its lifetime has passed, though nothing was written meanwhile", async () => {
    // Signed in 12 hours ago less 3 seconds (SESSION_MAX_HOURS is 12): it ends while stored,
    // with no write to drop the page.
    const token = sessionToken(app.db, "demo-chef");
    const now = Math.floor(Date.now() / 1000);
    app.db
      .update(sessions)
      .set({ createdAt: now - 12 * 3600 + 3, expiresAt: now + 7200 })
      .where(eq(sessions.id, sessionIdOf(token)))
      .run();
    const cookie = `session=${token}`;
    expect((await get("/dokument", cookie)).cache).toBe("stored");
    expect((await get("/dokument", cookie)).cache).toBe("hit");
    await new Promise((r) => setTimeout(r, 4_000));
    const after = await get("/dokument", cookie);
    expect(after.cache).toBeNull();
    expect(viewerName(after.html)).toBeUndefined();
  });
});

describe("what is not stored", () => {
  it("pages not listed, answers other than 200, responses that set a cookie, and anonymous requests", async () => {
    const cookie = sessionCookie(app.db, "demo-chef");
    await get("/organ", cookie);
    expect((await get("/organ", cookie)).cache).toBe("miss");
    await get("/moten/999999", cookie);
    const missing = await get("/moten/999999", cookie);
    expect(missing.status).toBe(404);
    expect(missing.cache).toBe("miss");
    // A flash cookie is read once and cleared (Set-Cookie).
    const flash = await fetch(`${app.baseUrl}/moten`, { headers: { Cookie: `${cookie}; flash=x` } });
    expect(flash.headers.get("set-cookie")).toBeTruthy();
    expect(flash.headers.get("x-page-cache")).toBe("miss");
    await get("/moten");
    expect((await get("/moten")).cache).toBeNull();
  });
});

describe("memory", () => {
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill("SIGTERM");
  });

  it("is bounded: past PAGE_CACHE_MB the least recently used page is dropped", async () => {
    const port = await freePort();
    server = await spawnServer({
      dbPath: app.dbPath,
      port,
      uploadDir: path.join(app.dir, "uploads"),
      env: { PAGE_CACHE_MB: "1" },
    });
    const base = `http://127.0.0.1:${port}`;
    const cookie = sessionCookie(app.db, "demo-chef");
    const first = await get("/moten?n=0", cookie, base);
    expect(first.cache).toBe("stored");
    // Counted as UTF-16 (two bytes a character): more pages than fit in 1 MB.
    const fits = Math.floor((1024 * 1024) / (2 * first.html.length));
    for (let n = 1; n <= fits + 1; n++) expect((await get(`/moten?n=${n}`, cookie, base)).cache).toBe("stored");
    expect((await get(`/moten?n=${fits + 1}`, cookie, base)).cache).toBe("hit");
    expect((await get("/moten?n=0", cookie, base)).cache).toBe("stored");
  });
});
