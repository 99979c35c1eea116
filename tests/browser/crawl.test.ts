/**
 * The accessibility crawl (issue 15, "Done when"): every page route in app/routes, as every
 * role, is checked for page-level horizontal overflow (WCAG 1.4.10 Reflow) at 320 px and at
 * 1280 px and with axe (WCAG 2.0/2.1 A and AA), a representative form of each route is
 * submitted empty and its error state checked the same way, and every link a role is shown
 * must open for that role (no dead ends). At 320 px no table is wider than the screen and a
 * table shown as cards labels every cell with its column's header; at both widths no link or
 * button has a name that does not begin with the words it shows (WCAG 2.5.3), no character
 * is broken, and no date or amount can break across lines (issue 15, item 2).
 *
 * Routes are read from the file system, so a new page is crawled without editing this test;
 * route parameters are filled from the seeded demo data. Pages a role may not open are still
 * checked (their 403 page must pass too).
 *
 * The crawl runs as a browser without the portal's scripts (they are blocked; pages must work
 * without them): a rejected form is then a plain post answered by a new page, and that page
 * must show an error summary with focus on it. With the scripts, FormErrorSummary moves focus
 * the same way (tests/browser/foundation.test.ts checks that on the sign-in form).
 *
 * What keeps it fast (it runs in CI on every change; the browser's work is what costs):
 * - one browser context per role, shared by a few pages that take addresses from one queue;
 * - no scripts to load, refused by the browser itself (DevTools' blocked URLs: a Playwright route
 *   would take every request of every page, style sheets too, through the test process); one
 *   plain request before each page load, so that an address that redirects to sign-in, or an
 *   error page already checked for the role, is not loaded again;
 * - per state, one evaluate measures overflow, reads links and a key of the state, then one
 *   resize to the other width and one evaluate more;
 * - axe runs on every distinct state at 320 px, where content reflows and tables scroll; at
 *   1280 px on each role's first page (the open main menu; the header is the same on every
 *   page) and wherever the wide layout renders other elements in the main content or footer
 *   than the narrow one. A state already checked (the same main content at the same address,
 *   whoever views it) is not checked again;
 * - one representative form per route and role (the first POST form with a text field);
 * - links are checked with plain HTTP requests in parallel, each distinct address once per role.
 *
 * The first test shows that the checks fail on a page with the faults they hunt (a page that
 * scrolls sideways, a table wider than a phone, a date or an amount that can break).
 */
import fs from "node:fs";
import path from "node:path";
import type { APIResponse, BrowserContext, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, describeViolations, startApp, type TestApp } from "../support/browser";

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");
const ROLES = [
  { name: "anonym", account: undefined },
  { name: "politiker (läsare)", account: "demo-politiker" },
  { name: "medlem", account: "demo-ifochef" },
  { name: "samordnare (admin)", account: "demo-samordnare" },
] as const;
const NARROW = 320;
const WIDE = 1280;
/** Pages loading and checking at once (the server renders while Chromium runs axe). */
const WORKERS = 4;
/** Link requests at once. */
const LINK_REQUESTS = 6;

/** Page routes: files with a default export (resource routes such as CSV, ICS and ZIP have none). */
function pageRoutePatterns(): string[] {
  return fs
    .readdirSync(ROUTES_DIR)
    .filter((f) => f.endsWith(".tsx"))
    .filter((f) => /export default/.test(fs.readFileSync(path.join(ROUTES_DIR, f), "utf8")))
    .map((f) => {
      const segments = f
        .replace(/\.tsx$/, "")
        .split(".")
        .filter((s) => s !== "_index")
        // "konto_": a segment that opts out of its parent's layout keeps its plain name in the URL.
        .map((s) => s.replace(/_$/, ""));
      return "/" + segments.join("/");
    })
    .map((p) => (p === "/" ? p : p.replace(/\/$/, "")))
    .sort();
}

type Params = Record<string, number | string>;

/** One set of parameter values per parameterised route, chosen so that nested ids belong together. */
function parameterSets(app: TestApp): Params[] {
  const sql = app.db.$client;
  const one = <T>(q: string, ...args: unknown[]) => sql.prepare(q).get(...args) as T | undefined;
  const need = <T>(what: string, value: T | undefined): T => {
    if (value === undefined) throw new Error(`the demo data has no ${what}`);
    return value;
  };
  // A meeting with items (with minutes, or held, when the demo has one) and an upcoming one.
  const held = need(
    "meeting with items",
    one<{ meetingId: number; itemId: number }>(
      `SELECT m.id AS meetingId, a.id AS itemId FROM meetings m JOIN agenda_items a ON a.meeting_id = m.id
       LEFT JOIN minutes mi ON mi.meeting_id = m.id
       ORDER BY mi.meeting_id IS NULL, m.date < date('now') DESC, m.date DESC, a.id LIMIT 1`,
    ),
  );
  const upcoming = one<{ meetingId: number; itemId: number }>(
    `SELECT m.id AS meetingId, a.id AS itemId FROM meetings m JOIN agenda_items a ON a.meeting_id = m.id
     WHERE m.date >= date('now') ORDER BY m.date, a.id LIMIT 1`,
  );
  const documentVersion = need(
    "document version",
    one<{ documentId: number; versionId: number }>(
      `SELECT document_id AS documentId, id AS versionId FROM document_versions ORDER BY document_id, id LIMIT 1`,
    ),
  );
  const membership = need(
    "membership",
    one<{ bodyId: number; membershipId: number }>(
      `SELECT body_id AS bodyId, id AS membershipId FROM memberships ORDER BY id LIMIT 1`,
    ),
  );
  const answer = need(
    "recommendation sent to the parties",
    one<{ recommendationId: number; organisationId: number }>(
      `SELECT rp.recommendation_id AS recommendationId, rp.organisation_id AS organisationId
       FROM recommendation_parties rp JOIN recommendations r ON r.id = rp.recommendation_id
       WHERE r.status <> 'utkast' ORDER BY r.answer_deadline DESC, rp.organisation_id LIMIT 1`,
    ),
  );
  const draftRecommendation = one<{ id: number }>(`SELECT id FROM recommendations WHERE status = 'utkast' LIMIT 1`);
  const party = need(
    "party",
    one<{ collaborationId: number; partyId: number; organisationId: number }>(
      `SELECT collaboration_id AS collaborationId, id AS partyId, organisation_id AS organisationId
       FROM parties ORDER BY id LIMIT 1`,
    ),
  );
  // A person's unsubscribe link (made when the first message to them is queued; one is made here if none was).
  const mailToken =
    one<{ token: string }>(`SELECT token FROM mail_tokens ORDER BY person_id LIMIT 1`)?.token ??
    (() => {
      const token = "crawl-" + "t".repeat(26);
      sql
        .prepare(`INSERT INTO mail_tokens (person_id, token) VALUES (?, ?)`)
        .run(app.world.personIds["Per Politiker Krokom"], token);
      return token;
    })();
  const common: Params = {
    token: mailToken,
    matterId: need("matter", one<{ id: number }>(`SELECT id FROM matters ORDER BY id LIMIT 1`)?.id),
    decisionId: need("decision", one<{ id: number }>(`SELECT id FROM decisions ORDER BY id LIMIT 1`)?.id),
    // One given by a decision, so its page links the decision too.
    assignmentId: need(
      "assignment",
      one<{ id: number }>(`SELECT id FROM assignments WHERE decision_id IS NOT NULL ORDER BY id LIMIT 1`)?.id,
    ),
    personId: app.world.personIds["Per Politiker Krokom"],
    messageId: one<{ id: number }>(`SELECT id FROM mail_outbox ORDER BY id LIMIT 1`)?.id ?? 1,
    ...documentVersion,
    ...membership,
    ...party,
    ...answer,
    ...held,
    versionId: documentVersion.versionId,
  };
  const agreementVersion = need(
    "agreement version",
    one<{ id: number }>(`SELECT id FROM agreement_versions ORDER BY id DESC LIMIT 1`)?.id,
  );
  common.agreementVersionId = agreementVersion;
  const sets: Params[] = [common];
  if (upcoming) sets.push({ ...common, ...upcoming });
  if (draftRecommendation) sets.push({ ...common, recommendationId: draftRecommendation.id });
  return sets;
}

/** Concrete URLs for every page route, deduplicated, each with its route template. */
function urlsToCrawl(app: TestApp): { url: string; template: string }[] {
  const sets = parameterSets(app);
  const urls = new Map<string, string>();
  for (const pattern of pageRoutePatterns()) {
    for (const params of sets) {
      const url = pattern.replace(/\$(\w+)/g, (_, name: string) => {
        // Agreement versions and document versions share the parameter name.
        const key = name === "versionId" && pattern.startsWith("/avtal/") ? "agreementVersionId" : name;
        const value = params[key];
        if (value === undefined) throw new Error(`no value for ${name} in ${pattern}`);
        return String(value);
      });
      if (!urls.has(url)) urls.set(url, pattern);
      if (!pattern.includes("$")) break;
    }
  }
  return [...urls].map(([url, template]) => ({ url, template }));
}

interface Finding {
  role: string;
  url: string;
  state: string;
  width: number;
  problem: string;
}

type Role = (typeof ROLES)[number];

interface Snapshot {
  /** The state's identity: the same main content at the same address is one state. */
  key: string;
  title: string;
  overflow: string | null;
  /**
   * On a phone: tables wider than the screen, cells shown without their column's header; at any
   * width: broken characters, names that do not begin with the words shown.
   */
  problems: string | null;
  links: string[];
  /** How many elements of the main content and the footer are rendered (what axe can see there). */
  shown: number;
  /** Index among the main's POST forms of the first one with a text field and a submit button, or -1. */
  form: number;
}

/**
 * One evaluate per page and width: sideways overflow of the page (naming the elements that stick
 * out, to find the cause), the portal's own links (not sign-in/out) and the state's key.
 */
function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const extra = root.scrollWidth - root.clientWidth;
    let overflow: string | null = null;
    if (extra > 0) {
      const culprits = [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
        .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= root.clientWidth + 1)
        .slice(0, 3)
        .map(
          (el) => `${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ").join(".") : ""}`,
        );
      overflow = `scrolls ${extra} px sideways (${culprits.join(", ")})`;
    }
    // On a phone a table fits the screen, and where its header row is not shown (a table as
    // cards, TableRegion), every cell with a value shows its column's header (issue 15, item 1).
    const problems: string[] = [];
    if (root.clientWidth < 480)
      for (const table of document.querySelectorAll<HTMLTableElement>("main table")) {
        if (!table.checkVisibility()) continue;
        const name = table.closest("[aria-label]")?.getAttribute("aria-label") ?? table.caption?.textContent ?? "";
        if (table.getBoundingClientRect().width > root.clientWidth)
          problems.push(`the table "${name}" is wider than the screen`);
        const head = table.tHead?.getBoundingClientRect();
        if (head && head.width > 1 && head.height > 1) continue;
        const unlabelled = [...table.querySelectorAll<HTMLElement>("tbody td, tfoot td")].filter((cell) => {
          if (!cell.checkVisibility() || !cell.textContent?.trim()) return false;
          const before = getComputedStyle(cell, "::before");
          return !cell.dataset.label || before.display === "none" || !before.content.includes(cell.dataset.label);
        });
        if (unlabelled.length)
          problems.push(
            `${unlabelled.length} cells of the table "${name}" show no column header (first: "${unlabelled[0].textContent?.trim().slice(0, 40)}")`,
          );
      }
    // A NUL or a replacement character is a character lost on the way (React's stream once
    // dropped a NUL before an "ä" at a buffer's end: app/utils/html-stream.server.ts).
    const garbled = /[\u0000\ufffd]/.exec(document.documentElement.outerHTML);
    if (garbled)
      problems.push(
        `a broken character in the page: "${document.documentElement.outerHTML.slice(Math.max(0, garbled.index - 30), garbled.index + 10)}"`,
      );
    // Label in name (WCAG 2.5.3): a link's or button's name begins with the words it shows (a
    // number, such as a page link named "Sida 3", need only be in it).
    const squeeze = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();
    for (const control of document.querySelectorAll<HTMLElement>("a[href], button, summary")) {
      const hidden = control.querySelector(".visually-hidden");
      const label = control.getAttribute("aria-label");
      if ((!label && !hidden) || !control.checkVisibility()) continue;
      const shown = control.cloneNode(true) as HTMLElement;
      for (const h of shown.querySelectorAll(".visually-hidden")) h.remove();
      const visible = squeeze(shown.textContent ?? "");
      const name = squeeze(label ?? control.textContent ?? "");
      if (visible && !name.startsWith(visible) && !(/^\d+$/.test(visible) && name.includes(visible)))
        problems.push(`a control shows "${visible}" but is named "${name}"`);
    }
    // A date or an amount is one unit (issue 15, item 2): a date ("2026-12-31", also in
    // "2026-12-31 14:05") is shown inside an element that does not wrap (<time class="date">,
    // app/components/dates.tsx; a table cell by TableRegion), or a line may end at one of its
    // hyphens; an amount's spaces are no-break spaces (formatKronor), never plain ones.
    const breakable: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      if (!/\d{4}-\d{2}-\d{2}|\d[ \t\n]+(?:\d{3}|kr\b|%)/.test(text)) continue;
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, textarea, option, noscript, svg") || !parent.checkVisibility())
        continue;
      const style = getComputedStyle(parent);
      const whole = style.textWrapMode ? style.textWrapMode === "nowrap" : /^(nowrap|pre)$/.test(style.whiteSpace);
      const context = (at: number) => text.slice(Math.max(0, at - 20), at + 20).replace(/\s+/g, " ");
      if (!whole)
        for (const m of text.matchAll(/\d{4}-\d{2}-\d{2}/g))
          breakable.push(`the date "${m[0]}" in "${context(m.index)}"`);
      for (const m of text.matchAll(
        /(?<![\d,])\d{1,3}(?:[ \t\n]+\d{3})*[ \t\n]+kr\b|(?<![\d,])\d{1,3}(?:[ \t\n]\d{3})+(?![\d,])|\d[ \t\n]+%/g,
      ))
        breakable.push(`the amount "${m[0]}" with a breakable space in "${context(m.index)}"`);
    }
    if (breakable.length)
      problems.push(`${breakable.length} units may break across lines (first: ${breakable.slice(0, 5).join("; ")})`);
    // The crawl checks pages as a browser without JavaScript gets them (see above).
    if ("__remixRouter" in window) problems.push("the portal's scripts ran");
    const found = problems.length ? problems.join("; ") : null;
    const links = [...document.querySelectorAll<HTMLAnchorElement>("a[href]")]
      .map((a) => new URL(a.href, location.href))
      .filter((u) => u.origin === location.origin && !/^\/(logga-in|logga-ut)$/.test(u.pathname))
      .map((u) => u.pathname + u.search);
    const textTypes = ["text", "number", "date", "email", "url", "tel", "time", "search", "password", ""];
    const form = [...document.querySelectorAll<HTMLFormElement>("main form")]
      .filter((f) => (f.getAttribute("method") ?? "get").toLowerCase() === "post")
      .findIndex(
        (f) =>
          f.querySelector("button[type=submit], button:not([type]), input[type=submit]") !== null &&
          [...f.querySelectorAll("input, textarea")].some(
            (el) => el instanceof HTMLTextAreaElement || textTypes.includes(el.getAttribute("type") ?? ""),
          ),
      );
    const key = `${location.pathname}\n${document.title}\n${document.querySelector("main")?.textContent ?? ""}`;
    const shown = [...document.querySelectorAll("main *, footer *")].filter((el) => el.checkVisibility()).length;
    return { key, title: document.title, overflow, problems: found, links, form, shown };
  });
}

/**
 * Empties every text field of the main's index-th POST form and submits it (a plain form post:
 * the crawl runs without JavaScript), then says what is wrong with the answer's error state:
 * a rejected form shows an error summary (role="alert") and focus starts on it (WCAG 3.3.1,
 * 2.4.3), without JavaScript as with it.
 */
async function submitEmpty(page: Page, formIndex: number): Promise<string | null> {
  // A plain form post, as a browser without JavaScript sends it; the answer is a new page.
  await Promise.all([
    page.waitForEvent("load"),
    page.evaluate((index) => {
      const form = [...document.querySelectorAll<HTMLFormElement>("main form")].filter(
        (f) => (f.getAttribute("method") ?? "get").toLowerCase() === "post",
      )[index];
      for (const el of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")) {
        const type = el.getAttribute("type") ?? "";
        if (el instanceof HTMLTextAreaElement || !["hidden", "checkbox", "radio", "file", "submit"].includes(type))
          el.value = "";
      }
      form.requestSubmit(
        form.querySelector<HTMLButtonElement>("button[type=submit], button:not([type]), input[type=submit]"),
      );
    }, formIndex),
  ]);
  // The browser moves focus to an autofocus element when it next renders, not at "load": two
  // animation frames later it has.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => {
    const invalid = document.querySelector('main [aria-invalid="true"], main .field-error');
    const summary = document.querySelector("main .notice--error[role=alert]");
    if (!invalid && !summary) return null; // saved, or nothing was required
    if (!summary) return "a rejected form without an error summary";
    const active = document.activeElement;
    if (!active || !summary.contains(active))
      return `after a rejected submit focus is on ${active?.tagName.toLowerCase() ?? "nothing"}, not on the error summary`;
    return null;
  });
}

/**
 * A plain GET without following redirects. A kept-alive connection that the server closed for
 * idleness just as it was reused answers ECONNRESET (a race under load): asked once more.
 */
async function plainGet(context: BrowserContext, url: string): Promise<APIResponse> {
  try {
    return await context.request.get(url, { maxRedirects: 0 });
  } catch (error) {
    if (!/ECONNRESET|socket hang up/.test(String(error))) throw error;
    return context.request.get(url, { maxRedirects: 0 });
  }
}

/** Status of an address for the role: a 403/404 or a redirect to sign-in is a dead end. */
function deadEnd(status: number, finalPath: string, href: string): boolean {
  return status === 403 || status === 404 || (finalPath === "/logga-in" && !href.startsWith("/logga-in"));
}

/**
 * CPU seconds used so far by a process and all its live descendants (with their reaped
 * children), from /proc: a figure that does not depend on how busy the machine is. Null where
 * there is no /proc.
 */
function cpuSecondsOfTree(root: number): number | null {
  try {
    const stats = fs
      .readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .flatMap((d) => {
        try {
          // Fields after the command name (in parentheses): state ppid … utime stime cutime cstime.
          const f = fs
            .readFileSync(`/proc/${d}/stat`, "utf8")
            .replace(/^.*\) /s, "")
            .split(" ");
          return [
            {
              pid: Number(d),
              ppid: Number(f[1]),
              ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]),
            },
          ];
        } catch {
          return [];
        }
      });
    const tree = new Set([root]);
    for (let grew = true; grew;) {
      grew = false;
      for (const p of stats)
        if (!tree.has(p.pid) && tree.has(p.ppid)) {
          tree.add(p.pid);
          grew = true;
        }
    }
    return stats.filter((p) => tree.has(p.pid)).reduce((sum, p) => sum + p.ticks, 0) / 100;
  } catch {
    return null;
  }
}

let app: TestApp;
const findings: Finding[] = [];
/** States axe has checked at 320 px (shared by all roles: the same 403 page is one state). */
const seen = new Set<string>();
/** Roles whose header and open menu axe has checked at 1280 px; "role template" pairs whose form was checked. */
const chromeChecked = new Set<string>();
const formChecked = new Set<string>();
/** Error pages (status and main content) already loaded and checked, per role. */
const errorPages = new Set<string>();
const figures = {
  signInRedirects: 0,
  sameErrorPages: 0,
  visits: 0,
  states: 0,
  formStates: 0,
  axeRuns: 0,
  overflowChecks: 0,
  links: 0,
};
/** Seconds spent per phase, summed over the workers (to see where the time goes). */
const spent: Record<string, number> = {};
async function timed<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    spent[phase] = (spent[phase] ?? 0) + (performance.now() - start) / 1000;
  }
}

beforeAll(async () => {
  // With the second, example collaboration, as the demo has it: the header then has the
  // collaboration switcher, and people who take part in both see both.
  app = await startApp({ exampleCollaboration: true });
});
afterAll(async () => {
  await app?.stop();
});

async function axe(page: Page, where: Omit<Finding, "problem">): Promise<void> {
  figures.axeRuns++;
  for (const v of await timed(`axe ${where.width}`, () => axeViolations(page)))
    findings.push({ ...where, problem: describeViolations([v]) });
}

/**
 * Checks the page as it stands at both widths, starting at the width the page has (one resize
 * per state): overflow at both; axe on a new state at 320 px, and at 1280 px too when the wide
 * layout renders other elements in the main content or footer than the narrow one (a media
 * query showing or hiding something), and on each role's first page at 1280 px (the main menu
 * is open only on wide screens; the rest of the header is the same on every page).
 */
async function check(page: Page, role: Role, where: { url: string; state: string }, first: Snapshot): Promise<void> {
  const at = (width: number) => ({ role: role.name, ...where, width });
  const isPage = where.state === "sidan";
  const fresh = !seen.has(first.key);
  if (fresh) {
    seen.add(first.key);
    if (isPage) figures.states++;
    else figures.formStates++;
  }
  const start = page.viewportSize()!.width;
  if (fresh && start === NARROW) await axe(page, at(NARROW));
  const other = start === NARROW ? WIDE : NARROW;
  const second = await timed(`${other} px`, async () => {
    await page.setViewportSize({ width: other, height: 900 });
    return snapshot(page);
  });
  for (const [width, snap] of [
    [start, first],
    [other, second],
  ] as const) {
    figures.overflowChecks++;
    if (snap.overflow) findings.push({ ...at(width), problem: snap.overflow });
    if (snap.problems) findings.push({ ...at(width), problem: snap.problems });
  }
  if (!fresh) return;
  if (other === NARROW) await axe(page, at(NARROW));
  if (!chromeChecked.has(role.name) || first.shown !== second.shown) {
    chromeChecked.add(role.name);
    if (other === NARROW) await timed(`${WIDE} px`, () => page.setViewportSize({ width: WIDE, height: 900 }));
    await axe(page, at(WIDE));
  }
}

describe("accessibility crawl", () => {
  // The crawl is only as good as its checks: each must fail on a page with the fault it hunts.
  it("notices a page that scrolls sideways, a table wider than a phone and a date or an amount that can break", async () => {
    const context = await app.browser.newContext({ viewport: { width: NARROW, height: 900 } });
    const page = await context.newPage();
    const faulty = `<!doctype html><html lang="sv"><title>Fel</title><body><main>
      <div class="wide" style="width: 600px">Bred</div>
      <div role="region" aria-label="Tabell" style="overflow-x: visible"><table><thead><tr><th>Datum</th></tr></thead>
        <tbody><tr><td>${"en lång cell ".repeat(3).replace(/ /g, "_")}_______________________________________</td></tr></tbody></table></div>
      <p>Senast 2026-12-31 betalas 5 720 000 kr, 60 % av budgeten.</p></main></body></html>`;
    await page.setContent(faulty);
    const bad = await snapshot(page);
    expect(bad.overflow).toMatch(/^scrolls \d+ px sideways \(.*div\.wide/);
    expect(bad.problems).toContain('the table "Tabell" is wider than the screen');
    expect(bad.problems).toContain('the date "2026-12-31"');
    expect(bad.problems).toContain('the amount "5 720 000 kr"');
    expect(bad.problems).toContain('the amount "0 %"');
    // The same content done right: nothing to report.
    await page.setContent(`<!doctype html><html lang="sv"><title>Rätt</title><body><main>
      <div style="max-width: 100%">Smal</div>
      <p>Senast <time class="date" style="white-space: nowrap" datetime="2026-12-31">2026-12-31</time> betalas
        5\u00a0720\u00a0000\u00a0kr, 60\u00a0% av budgeten.</p></main></body></html>`);
    const good = await snapshot(page);
    expect(good.overflow).toBeNull();
    expect(good.problems).toBeNull();
    await context.close();
  });

  it("finds no axe violation, no sideways scrolling and no dead end on any page, as any role, at 320 and 1280 px", async () => {
    const started = Date.now();
    const cpuBefore = cpuSecondsOfTree(process.pid);
    const serverBefore = cpuSecondsOfTree(app.server.pid!);
    const urls = urlsToCrawl(app);
    expect(urls.length).toBeGreaterThan(60);
    const contexts = new Map<Role, BrowserContext>();
    // Without the portal's scripts: pages must work without them, and loading is several times
    // faster. (JavaScript itself stays on: axe runs in the page.)
    for (const role of ROLES) contexts.set(role, await app.context(role.account));
    // Every link a page shows each role, with the first page that showed it; and what each
    // address the crawl loaded answered that role.
    const links = new Map<Role, Map<string, string>>(ROLES.map((r) => [r, new Map()]));
    const answered = new Map<Role, Map<string, boolean>>(ROLES.map((r) => [r, new Map()]));
    const titles = new Map<Role, Map<string, string>>(ROLES.map((r) => [r, new Map()]));
    const queue = ROLES.flatMap((role) => urls.map(({ url, template }) => ({ role, url, template })));

    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        const pages = new Map<Role, Page>();
        for (let task = queue.shift(); task; task = queue.shift()) {
          const { role, url, template } = task;
          let page = pages.get(role);
          if (!page) {
            page = await contexts.get(role)!.newPage();
            // The browser itself refuses the scripts: a Playwright route would send every request
            // of every page (style sheets too) through this process and back.
            const devtools = await contexts.get(role)!.newCDPSession(page);
            await devtools.send("Network.enable");
            await devtools.send("Network.setBlockedURLs", { urls: ["*/build/*.js"] });
            await page.setViewportSize({ width: NARROW, height: 900 });
            pages.set(role, page);
          }
          // One plain request first (the server's part of a page is cheap, the browser's is not):
          // an address that sends the visitor to sign-in (a page checked at its own address), or
          // an error page already checked for this role, is not loaded in the browser again.
          const probe = await timed("probe", () => plainGet(contexts.get(role)!, url));
          const location = probe.headers()["location"] ?? "";
          if (probe.status() >= 300 && probe.status() < 400 && location.startsWith("/logga-in")) {
            figures.signInRedirects++;
            answered.get(role)!.set(url, url !== "/logga-in");
            continue;
          }
          if (probe.status() === 403 || probe.status() === 404) {
            answered.get(role)!.set(url, true);
            const html = await probe.text();
            const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? html;
            const errorKey = `${role.name} ${probe.status()} ${main}`;
            if (errorPages.has(errorKey)) {
              figures.sameErrorPages++;
              continue;
            }
            errorPages.add(errorKey);
          }
          const response: Response | null = await timed("load", () => page.goto(url));
          figures.visits++;
          const status = response?.status() ?? 0;
          const ok = response !== null && response.ok();
          let first = await timed("snapshot", () => snapshot(page));
          answered.get(role)!.set(url, deadEnd(status, new URL(page.url()).pathname, url));
          // An error page is one state wherever it is shown; links count only from pages the role may open.
          if (!ok) first = { ...first, key: `${status}${first.key.slice(first.key.indexOf("\n"))}` };
          else
            for (const href of first.links)
              if (href !== url && !links.get(role)!.has(href)) links.get(role)!.set(href, url);
          await check(page, role, { url, state: "sidan" }, first);
          // Unique page titles (issue 15, WCAG 2.4.2): two routes a role opens never share one.
          if (ok && new URL(page.url()).pathname === new URL(url, app.baseUrl).pathname) {
            const other = titles.get(role)!.get(first.title);
            if (other && other !== template)
              findings.push({
                role: role.name,
                url,
                state: "sidan",
                width: 0,
                problem: `the same title as ${other}: "${first.title}"`,
              });
            else titles.get(role)!.set(first.title, template);
          }
          // One representative form per route and role: submitted empty, its error state checked.
          // (An address that sent the role to another page, such as sign-in, counts as that page.)
          const landed = new URL(page.url()).pathname;
          const formKey = `${role.name} ${landed === new URL(url, app.baseUrl).pathname ? template : landed}`;
          if (ok && first.form >= 0 && !formChecked.has(formKey)) {
            formChecked.add(formKey);
            const problem = await timed("submit", () => submitEmpty(page, first.form));
            if (problem) findings.push({ role: role.name, url, state: "formuläret tomt", width: 0, problem });
            await check(page, role, { url, state: "formuläret tomt" }, await snapshot(page));
          }
        }
        for (const page of pages.values()) await page.close();
      }),
    );

    const linksStarted = performance.now();
    // No dead ends (issue 15): every link a role was shown opens for that role.
    for (const role of ROLES) {
      const context = contexts.get(role)!;
      const known = answered.get(role)!;
      const pending = [...links.get(role)!];
      figures.links += pending.length;
      await Promise.all(
        Array.from({ length: LINK_REQUESTS }, async () => {
          for (let next = pending.shift(); next; next = pending.shift()) {
            const [href, from] = next;
            let dead = known.get(href);
            let status = 0;
            if (dead === undefined) {
              const response = await plainGet(context, href);
              status = response.status();
              const location = response.headers()["location"] ?? "";
              dead = deadEnd(
                status,
                status >= 300 && status < 400 ? new URL(location, app.baseUrl).pathname : href,
                href,
              );
            }
            if (dead)
              findings.push({
                role: role.name,
                url: from,
                state: "länk",
                width: 0,
                problem: `links to ${href} (${status || "dead end"})`,
              });
          }
        }),
      );
      await context.close();
    }

    spent["links (wall)"] = (performance.now() - linksStarted) / 1000;
    const cpuAfter = cpuSecondsOfTree(process.pid);
    const serverAfter = cpuSecondsOfTree(app.server.pid!);
    const cpu =
      cpuBefore === null || cpuAfter === null || serverBefore === null || serverAfter === null
        ? ""
        : `, ${Math.round(cpuAfter - cpuBefore)} CPU s of which the server ${Math.round(serverAfter - serverBefore)}`;
    console.info(
      `crawl: ${urls.length} URLs (${new Set(urls.map((u) => u.template)).size} route templates) × ${ROLES.length} roles: ${figures.visits} page loads, ${figures.signInRedirects} redirects to sign-in, ${figures.sameErrorPages} error pages already seen; ` +
        `${figures.states} distinct page states + ${figures.formStates} form error states; ${figures.overflowChecks} overflow checks (320 + 1280 px), ` +
        `${figures.axeRuns} axe runs; ${figures.links} links checked; ${Math.round((Date.now() - started) / 1000)} s${cpu} (` +
        Object.entries(spent)
          .map(([phase, seconds]) => `${phase} ${Math.round(seconds)} s`)
          .join(", ") +
        ")",
    );
    const report = findings
      .map((f) => `${f.role} ${f.url} [${f.state}]${f.width ? ` @${f.width}px` : ""}: ${f.problem}`)
      .join("\n");
    expect(findings, report).toEqual([]);
  }, 1_200_000);
});
