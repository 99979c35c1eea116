/**
 * HTTP hardening seen from outside: CSP with nonces, framing, sniffing, referrer, HSTS and
 * __Host- cookies over HTTPS, request size limit, write rate limit, and clear answers to
 * malformed input.
 */
import crypto from "node:crypto";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions } from "../../db/schema";
import { DEMO_PASSWORD } from "../../db/demo-world";
import { freePort, spawnServer, startApp, type TestApp } from "../support/browser";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

function adminCookie() {
  const id = crypto.randomBytes(20).toString("hex");
  const now = Math.floor(Date.now() / 1000);
  app.db.insert(sessions).values({ id, userId: "demo-samordnare", expiresAt: now + 3600, createdAt: now }).run();
  return `session=${id}`;
}

describe("security headers", () => {
  it("enforces a nonce-based CSP that every inline script carries", async () => {
    const res = await fetch(`${app.baseUrl}/`);
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    const html = await res.text();
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)];
    expect(inline.length).toBeGreaterThan(0);
    for (const [, attributes] of inline) expect(attributes).toContain(`nonce="${nonce}"`);
    // A new nonce for every response.
    const again = (await fetch(`${app.baseUrl}/`)).headers.get("content-security-policy");
    expect(again).not.toBe(csp);
  });

  it("sends nosniff, a referrer policy and no framing", async () => {
    const res = await fetch(`${app.baseUrl}/parter`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("x-powered-by")).toBeNull();
    expect(res.headers.get("strict-transport-security")).toBeNull(); // plain HTTP here
  });

  it("answers an oversized request with 413 before reading it", async () => {
    const url = new URL(`${app.baseUrl}/dokument/nytt`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { Origin: app.baseUrl, Cookie: adminCookie(), "Content-Type": "application/octet-stream", "Content-Length": String(27 * 1024 * 1024) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.write(Buffer.alloc(1024));
    });
    expect(status).toBe(413);
  });

  it("answers malformed input with clear messages, not server errors", async () => {
    const cookie = adminCookie();
    expect((await fetch(`${app.baseUrl}/moten/abc`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/organ/99999999999999999999`)).status).toBe(404);
    const long = await fetch(`${app.baseUrl}/personer`, {
      method: "POST",
      headers: { Origin: app.baseUrl, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ name: "x".repeat(50_000), title: "", email: "", organisationId: "" }),
    });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("Namnet får ha högst 120 tecken.");
    const search = await fetch(`${app.baseUrl}/sok?q=${encodeURIComponent('"))) OR * NEAR( ' + "ö".repeat(400))}`);
    expect(search.status).toBe(200);
  });
});

describe("over HTTPS (APP_ORIGIN=https://…)", () => {
  it("sends HSTS and a Secure __Host- session cookie, and limits writes per client", async () => {
    const port = await freePort();
    const origin = "https://portal.example.se";
    const server = await spawnServer({ dbPath: app.dbPath, port, uploadDir: path.join(app.dir, "uploads"), env: { APP_ORIGIN: origin, WRITE_LIMIT_PER_MINUTE: "3" } });
    try {
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.headers.get("strict-transport-security")).toContain("max-age=31536000");
      const signIn = await fetch(`http://127.0.0.1:${port}/logga-in`, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: "samordnare@demo.example", password: DEMO_PASSWORD }),
      });
      const cookie = signIn.headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/^__Host-session=/);
      expect(cookie).toContain("Secure");
      expect(cookie).toContain("HttpOnly");
      expect(cookie).toContain("Path=/");
      expect(cookie).not.toContain("Domain=");
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await fetch(`http://127.0.0.1:${port}/logga-in`, { method: "POST", redirect: "manual", headers: { Origin: origin, Cookie: cookie.split(";")[0], "Content-Type": "application/x-www-form-urlencoded" }, body: "" })).status,
        );
      expect(statuses.at(-1)).toBe(429);
    } finally {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
  });
});
