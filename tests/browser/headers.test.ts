/**
 * HTTP hardening seen from outside: CSP with nonces, framing, sniffing, referrer, HSTS and
 * __Host- cookies over HTTPS, request size limit, write rate limit, and clear answers to
 * malformed input.
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/demo-world";
import { expectAccessible, freePort, sessionCookie, spawnServer, startApp, type TestApp } from "../support/browser";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

function adminCookie() {
  return sessionCookie(app.db, "demo-samordnare");
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
    expect(await long.text()).toContain("Högst 120 tecken.");
    const search = await fetch(`${app.baseUrl}/sok?q=${encodeURIComponent('"))) OR * NEAR( ' + "ö".repeat(400))}`);
    expect(search.status).toBe(200);
  });
});

/** The raw bytes of an answer, as they travel (fetch would decompress them). */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

describe("compression", () => {
  it("sends a page gzip-compressed to a client that accepts it, whole, and the same page uncompressed to one that does not", async () => {
    const cookie = adminCookie();
    const gzipped = await rawGet(`${app.baseUrl}/beslut`, { Cookie: cookie, "Accept-Encoding": "gzip" });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gzipped.headers["content-type"]).toBe("text/html; charset=utf-8");
    const html = zlib.gunzipSync(gzipped.body).toString("utf8");
    expect(gzipped.body.length).toBeLessThan(html.length / 3);
    const plain = await rawGet(`${app.baseUrl}/beslut`, { Cookie: cookie, "Accept-Encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    // The same page but for the nonce, which is new for every response.
    const withoutNonce = (page: string) => page.replace(/nonce="[^"]+"/g, 'nonce=""');
    expect(withoutNonce(html)).toBe(withoutNonce(plain.body.toString("utf8")));
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("<h1>Beslutsregister</h1>");
    expect(html.trimEnd()).toMatch(/<\/html>$|<\/script>$/);
  });
});

describe("over HTTPS (APP_ORIGIN=https://…)", () => {
  it("sends HSTS and a Secure __Host- session cookie, and limits writes per client", async () => {
    const port = await freePort();
    const origin = "https://portal.example.se";
    const server = await spawnServer({
      dbPath: app.dbPath,
      port,
      uploadDir: path.join(app.dir, "uploads"),
      env: { APP_ORIGIN: origin, WRITE_LIMIT_PER_MINUTE: "3" },
    });
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
          (
            await fetch(`http://127.0.0.1:${port}/logga-in`, {
              method: "POST",
              redirect: "manual",
              headers: {
                Origin: origin,
                Cookie: cookie.split(";")[0],
                "Content-Type": "application/x-www-form-urlencoded",
              },
              body: "",
            })
          ).status,
        );
      expect(statuses.at(-1)).toBe(429);
    } finally {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
  });
});

describe("configuration (class 7)", () => {
  /** Runs the server with the given environment until it prints or exits; returns its output. */
  async function runServer(env: Record<string, string>) {
    const childEnv: Record<string, string | undefined> = {
      ...process.env,
      HOST: "127.0.0.1",
      DATABASE_PATH: app.dbPath,
      UPLOAD_DIR: path.join(app.dir, "uploads"),
      ...env,
    };
    delete childEnv.NODE_ENV; // as `npm start` on a server where nothing sets it
    const child: ChildProcess = spawn(process.execPath, [path.resolve(import.meta.dirname, "../../server/index.js")], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: childEnv as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setInterval(() => {
        if (output.includes("lyssnar på")) {
          clearInterval(timer);
          child.kill("SIGTERM");
          child.once("exit", () => resolve(null));
        }
      }, 25);
      child.once("exit", (c: number | null) => {
        clearInterval(timer);
        resolve(c);
      });
    });
    return { code, output };
  }

  it("runs in production when nothing says otherwise", async () => {
    const { output } = await runServer({ PORT: String(await freePort()) });
    expect(output).toContain("(production)");
  });

  it.each([
    ["PORT", "tusen"],
    ["MAX_UPLOAD_MB", "9".repeat(40)],
    ["WRITE_LIMIT_PER_MINUTE", "0"],
    ["APP_ORIGIN", "portal.example.se"],
    ["TRUST_PROXY", "ja"],
  ])("refuses to start with %s=%s, naming it, without a stack trace", async (name, value) => {
    const { code, output } = await runServer({ PORT: String(await freePort()), [name]: value });
    expect(code).toBe(1);
    expect(output).toContain("Ogiltig konfiguration");
    expect(output).toContain(name);
    expect(output).not.toMatch(/\n\s+at /);
  });
});

describe("calendar address (class 11)", () => {
  it("lets its owner create, rotate and revoke it", async () => {
    const { page, errors } = await app.page("demo-ifochef");
    await page.goto("/konto");
    await page.getByRole("button", { name: "Skapa kalenderadress" }).click();
    const first = (await page.locator(".calendar-url").innerText()).trim();
    expect((await fetch(first.replace(/^https?:\/\/[^/]+/, app.baseUrl))).status).toBe(200);
    await page.getByRole("button", { name: "Byt kalenderadress" }).click();
    await page.getByRole("status").filter({ hasText: "ny kalenderadress" }).waitFor();
    const second = (await page.locator(".calendar-url").innerText()).trim();
    expect(second).not.toBe(first);
    expect((await fetch(first.replace(/^https?:\/\/[^/]+/, app.baseUrl))).status).toBe(404);
    expect((await fetch(second.replace(/^https?:\/\/[^/]+/, app.baseUrl))).status).toBe(200);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Ta bort kalenderadressen" }).click();
    await page.getByRole("status").filter({ hasText: "borttagen" }).waitFor();
    expect((await fetch(second.replace(/^https?:\/\/[^/]+/, app.baseUrl))).status).toBe(404);
    expect(await page.locator(".calendar-url").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
