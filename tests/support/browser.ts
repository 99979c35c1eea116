/**
 * Browser-test harness: starts the built server (build/ must exist: `npm test` builds first)
 * on a free port with its own temporary database, drives Debian's Chromium with
 * playwright-core, signs in by creating a session row directly, and checks every visited
 * page with axe. Unexpected console errors fail the test.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from "playwright-core";
import { migrateDatabase, openDatabase, writeTransaction, type Db } from "../../db/connection";
import { buildDemoAgreement } from "../../db/demo-agreement";
import {
  buildExampleCollaboration,
  type EXAMPLE_ACCOUNTS,
  type ExampleCollaboration,
} from "../../db/demo-collaboration";
import { buildDemoDecisions } from "../../db/demo-decisions";
import { buildDemoDocuments } from "../../db/demo-documents";
import { buildDemoMeetings } from "../../db/demo-meetings";
import { buildDemoWorld, type DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoWorld } from "../../db/demo-world";
import { memberships, people, sessions, users } from "../../db/schema";
import { hashPassword } from "../../app/auth/password.server";
import { sessionIdOf } from "../../app/auth/sessions.server";
import { todayInStockholm } from "../../app/domain/format";

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const ROOT = path.resolve(import.meta.dirname, "../..");

/** A demo account, or a user a test created itself (its id starts with "test-"). */
type DemoAccount = (typeof DEMO_ACCOUNTS)[number]["id"] | (typeof EXAMPLE_ACCOUNTS)[number]["id"] | `test-${string}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export interface TestApp {
  baseUrl: string;
  db: Db;
  world: DemoWorld;
  /** The second demo collaboration, when started with `exampleCollaboration`. */
  example: ExampleCollaboration | null;
  dir: string;
  dbPath: string;
  port: number;
  server: ChildProcess;
  browser: Browser;
  /** A new browser context, signed in as the account when given (options: no JavaScript, a phone's viewport …). */
  context(account?: DemoAccount, options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Opens a page that records console errors; `errors` must stay empty. */
  page(account?: DemoAccount): Promise<{ page: Page; errors: string[] }>;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  dbPath: string;
  port: number;
  uploadDir: string;
  env?: Record<string, string>;
}

/** Starts the built server and resolves when it listens. */
export async function spawnServer({ dbPath, port, uploadDir, env }: SpawnOptions): Promise<ChildProcess> {
  const server = spawn(process.execPath, [path.join(ROOT, "server/index.js")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: dbPath,
      UPLOAD_DIR: uploadDir,
      MAIL_DIR: path.join(path.dirname(uploadDir), "mail"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (d) => (output += d));
  server.stderr?.on("data", (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const check = () => {
      if (output.includes("lyssnar på")) {
        clearTimeout(timer);
        resolve();
      } else if (server.exitCode !== null) {
        clearTimeout(timer);
        reject(new Error(`server exited:\n${output}`));
      } else setTimeout(check, 25);
    };
    check();
  });
  return server;
}

export { freePort };

/** A signed-in session for the user, stored as the app stores it (hashed); returns the token. */
export function sessionToken(db: Db, userId: string): string {
  const token = crypto.randomBytes(20).toString("hex");
  const now = Math.floor(Date.now() / 1000);
  db.insert(sessions)
    .values({ id: sessionIdOf(token), userId, expiresAt: now + 3600, createdAt: now })
    .run();
  return token;
}

/** The Cookie header of a signed-in session for the user (the session stored as the app stores it). */
export function sessionCookie(db: Db, userId: string): string {
  return `session=${sessionToken(db, userId)}`;
}

/**
 * A test account for a new person with the given seats, stored as the app stores them: the
 * person, one membership row per seat in the order given (from 2023-01-01), and the user.
 */
export function seatedTestUser(
  db: Db,
  user: { id: string; role: (typeof users.$inferInsert)["role"]; name: string },
  seats: readonly (readonly [number, (typeof memberships.$inferInsert)["role"]])[],
): { personId: number } {
  const person = db.insert(people).values({ name: user.name }).returning().get();
  for (const [bodyId, seat] of seats)
    db.insert(memberships).values({ bodyId, personId: person.id, role: seat, startDate: "2023-01-01" }).run();
  db.insert(users)
    .values({ id: user.id, email: `${user.id}@demo.example`, passwordHash: "x", role: user.role, personId: person.id })
    .run();
  return { personId: person.id };
}

/**
 * A member's account for a person of the demo who has none, to open pages as with
 * `app.page(id)` (its password hash is no hash: nobody signs in to it with a password).
 */
export function accountForDemoPerson(app: TestApp, account: { id: string; email: string; person: string }) {
  app.db
    .insert(users)
    .values({
      id: account.id,
      email: account.email,
      passwordHash: "not-used",
      role: "member",
      personId: app.world.personIds[account.person],
    })
    .run();
}

/** The date `n` days from today in Stockholm (the app's today), as yyyy-mm-dd. */
export function inDays(n: number): string {
  const d = new Date(`${todayInStockholm()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * Polls `check` until it gives something (the background sender's mail, a row's new status)
 * and returns that; throws after `timeout` ms. A wait for work done elsewhere, not a timed assertion.
 */
export async function waitUntil<T>(check: () => T | undefined | false, timeout = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - started > timeout) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startApp(
  options: {
    env?: Record<string, string>;
    /** Also build the second demo collaboration (db/demo-collaboration.ts), as the demo seed does. */
    exampleCollaboration?: boolean;
  } = {},
): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-test-"));
  const dbPath = path.join(dir, "portal.db");
  const db = openDatabase(dbPath);
  migrateDatabase(db);
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());
  const hash = await hashPassword(DEMO_PASSWORD);
  const world = writeTransaction(db, (tx) => {
    const built = buildDemoWorld(tx, hash, today);
    buildDemoMeetings(tx, built, today);
    buildDemoAgreement(tx, built, today);
    buildDemoDocuments(tx, built);
    buildDemoDecisions(tx, built, today);
    return built;
  });
  const example = options.exampleCollaboration
    ? writeTransaction(db, (tx) => buildExampleCollaboration(tx, world, hash, today))
    : null;

  const port = await freePort();
  const server = await spawnServer({ dbPath, port, uploadDir: path.join(dir, "uploads"), env: options.env });

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const baseUrl = `http://127.0.0.1:${port}`;

  const app: TestApp = {
    baseUrl,
    db,
    world,
    example,
    dir,
    dbPath,
    port,
    server,
    browser,
    async context(account, options = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: "sv-SE",
        timezoneId: "Europe/Stockholm",
        ...options,
      });
      context.on("page", waitForUrlAndPage);
      if (account) {
        const token = sessionToken(db, account);
        await context.addCookies([{ name: "session", value: token, url: baseUrl, httpOnly: true, sameSite: "Lax" }]);
      }
      return context;
    },
    async page(account) {
      const context = await app.context(account);
      const page = waitForUrlAndPage(await context.newPage());
      const errors: string[] = [];
      page.on("console", (msg) => {
        // A rejected form answers 4xx on purpose; Chromium logs that as a resource error.
        if (
          msg.type() === "error" &&
          !/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())
        )
          errors.push(msg.text());
      });
      page.on("pageerror", (err) => errors.push(String(err)));
      return { page, errors };
    },
    async stop() {
      await browser.close();
      if (app.server.exitCode === null && app.server.signalCode === null) {
        app.server.kill("SIGTERM");
        await new Promise((r) => app.server.once("exit", r));
      }
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return app;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe (WCAG 2.1 A and AA rules) on the page; returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // evaluate() runs outside the page's CSP, so axe needs no inline script.
  // @ts-expect-error axe is a global once injected
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    // @ts-expect-error axe is a global injected above
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      // Only violations are read; collecting passes and incomplete results costs time.
      resultTypes: ["violations"],
      // No style sheets to read into axe's own CSS model: the one rule that reads it
      // (css-orientation-lock) is experimental and not run.
      preload: false,
    });
    return result.violations.map((v: AxeViolation) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

/** Formats violations for an assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
    .join("\n");
}

const SETTLED = Symbol("waitForURL waits for the page");

/**
 * `page.waitForURL` also waits until the page shows that address. After a client-side
 * navigation Remix changes the address first and React draws the new page in a transition
 * afterwards; on a slow machine a test that went on at once acted on the old page (it chose
 * "Organ" in the meetings list's filter instead of the new-meeting form). <main data-shows>
 * (app/root.tsx) names the address its content was drawn for. A page without it (no shell)
 * counts as drawn.
 */
function waitForUrlAndPage(page: Page): Page {
  const marked = page as Page & { [SETTLED]?: true };
  if (marked[SETTLED]) return page;
  marked[SETTLED] = true;
  const waitForURL = page.waitForURL.bind(page);
  page.waitForURL = async (url, options) => {
    await waitForURL(url, options);
    await page.waitForFunction(
      () => {
        const main = document.querySelector("main[data-shows]");
        return !main || main.getAttribute("data-shows") === location.pathname + location.search;
      },
      undefined,
      { timeout: options?.timeout ?? 30_000 },
    );
  };
  return page;
}

/** Waits until the locator shows the text (substring), then returns its full text. */
export async function waitForText(locator: Locator, text: string, timeout = 10_000): Promise<string> {
  const match = locator.filter({ hasText: text }).first();
  await match.waitFor({ state: "visible", timeout });
  return (await match.innerText()).trim();
}

/** Fails the test with a readable list when axe finds WCAG 2.1 A/AA violations. */
export async function expectAccessible(page: Page): Promise<void> {
  const { expect } = await import("vitest");
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}
