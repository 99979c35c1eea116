/**
 * The accessibility crawl (issue 15, "Done when"): every page route in app/routes, as every
 * role, at 320 px and at 1280 px, is checked with axe (WCAG 2.0/2.1 A and AA) and for
 * page-level horizontal overflow (WCAG 1.4.10 Reflow). Every form on a page is then submitted
 * empty, and the error state is checked the same way at both widths.
 *
 * Routes are read from the file system, so a new page is crawled without editing this test;
 * route parameters are filled from the seeded demo data. Pages a role may not open are still
 * checked (their 403 page must pass too).
 */
import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, describeViolations, startApp, type TestApp } from "../support/browser";

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");
const ROLES = [
  { name: "anonym", account: undefined },
  { name: "politiker (läsare)", account: "demo-politiker" },
  { name: "medlem", account: "demo-ifochef" },
  { name: "samordnare (admin)", account: "demo-samordnare" },
] as const;
const WIDTHS = [320, 1280] as const;
const CONCURRENCY = 3;

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
        .filter((s) => s !== "_index");
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
  const common: Params = {
    matterId: need("matter", one<{ id: number }>(`SELECT id FROM matters ORDER BY id LIMIT 1`)?.id),
    decisionId: need("decision", one<{ id: number }>(`SELECT id FROM decisions ORDER BY id LIMIT 1`)?.id),
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

/** Concrete URLs for every page route, deduplicated. */
function urlsToCrawl(app: TestApp): string[] {
  const sets = parameterSets(app);
  const urls = new Set<string>();
  for (const pattern of pageRoutePatterns()) {
    for (const params of sets) {
      const url = pattern.replace(/\$(\w+)/g, (_, name: string) => {
        // Agreement versions and document versions share the parameter name.
        const key = name === "versionId" && pattern.startsWith("/avtal/") ? "agreementVersionId" : name;
        const value = params[key];
        if (value === undefined) throw new Error(`no value for ${name} in ${pattern}`);
        return String(value);
      });
      urls.add(url);
      if (!pattern.includes("$")) break;
    }
  }
  return [...urls];
}

interface Finding {
  role: string;
  url: string;
  state: string;
  width: number;
  problem: string;
}

async function pageOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const extra = root.scrollWidth - root.clientWidth;
    if (extra <= 0) return null;
    // Name the widest elements that stick out, to find the cause.
    const culprits = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= root.clientWidth + 1)
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ").join(".") : ""}`);
    return `scrolls ${extra} px sideways (${culprits.join(", ")})`;
  });
}

/**
 * Checks the page as it is at both widths (the narrow one last, so a form is submitted at
 * 320 px too). A state already checked (the same address and text, e.g. the sign-in page that
 * many addresses redirect to, or the same 403 page) is not checked again; false then.
 */
async function checkBothWidths(
  page: Page,
  where: Omit<Finding, "width" | "problem">,
  findings: Finding[],
): Promise<boolean> {
  // The same main content at the same address is one state, whoever views it: the header and
  // menu of each role are checked on that role's other pages.
  const key = await page.evaluate(
    () => `${location.pathname}\n${document.title}\n${document.querySelector("main")?.innerText ?? ""}`,
  );
  if (seen.has(key)) return false;
  seen.add(key);
  for (const width of [...WIDTHS].reverse()) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await pageOverflow(page);
    if (overflow) findings.push({ ...where, width, problem: overflow });
    for (const v of await axeViolations(page)) findings.push({ ...where, width, problem: describeViolations([v]) });
  }
  return true;
}

/** The portal's own links on the page (not sign-in/out, not anchors on the same page). */
async function linksOn(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>("a[href]")]
      .map((a) => new URL(a.href, location.href))
      .filter((u) => u.origin === location.origin && !/^\/(logga-in|logga-ut)$/.test(u.pathname))
      .map((u) => u.pathname + u.search),
  );
}

/** Empties every text field of the form and submits it; false when there is nothing to empty. */
async function submitEmpty(page: Page, formIndex: number): Promise<boolean> {
  const submitted = await page.evaluate((index) => {
    const form = [...document.querySelectorAll<HTMLFormElement>("main form")].filter(
      (f) => (f.getAttribute("method") ?? "get").toLowerCase() === "post",
    )[index];
    if (!form) return false;
    const fields = [...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")].filter(
      (el) =>
        el instanceof HTMLTextAreaElement ||
        ["text", "number", "date", "email", "url", "tel", "time", "search", "password", ""].includes(
          el.getAttribute("type") ?? "",
        ),
    );
    if (fields.length === 0) return false;
    for (const f of fields) f.value = "";
    form.setAttribute("data-crawl-submit", "");
    return true;
  }, formIndex);
  if (!submitted) return false;
  const form = page.locator("form[data-crawl-submit]");
  const button = form.locator("button[type=submit], button:not([type]), input[type=submit]").first();
  if ((await button.count()) === 0) return false;
  await Promise.all([page.waitForLoadState("load"), button.click()]);
  await page
    .locator('[role="alert"], .field-error')
    .first()
    .waitFor({ timeout: 5_000 })
    .catch(() => undefined);
  return true;
}

let app: TestApp;
const findings: Finding[] = [];
const seen = new Set<string>();
const figures = { visits: 0, pageStates: 0, formStates: 0, checks: 0, links: 0 };

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("accessibility crawl", () => {
  it("finds no axe violation and no sideways scrolling on any page, as any role, at 320 and 1280 px", async () => {
    const urls = urlsToCrawl(app);
    expect(urls.length).toBeGreaterThan(60);
    for (const role of ROLES) {
      const contexts: BrowserContext[] = [];
      const pages: Page[] = [];
      for (let i = 0; i < CONCURRENCY; i++) {
        const context = await app.context(role.account);
        contexts.push(context);
        pages.push(await context.newPage());
      }
      const queue = [...urls];
      // Every link a page shows this role, with the first page that showed it.
      const links = new Map<string, string>();
      await Promise.all(
        pages.map(async (page) => {
          for (let url = queue.shift(); url; url = queue.shift()) {
            await page.setViewportSize({ width: 1280, height: 900 });
            const response = await page.goto(url);
            figures.visits++;
            // Links are followed from the pages this role may open (a 403 page's own links do not count).
            if (response && response.ok())
              for (const href of await linksOn(page)) if (href !== url && !links.has(href)) links.set(href, url);
            if (await checkBothWidths(page, { role: role.name, url, state: "sidan" }, findings)) figures.pageStates++;
            const posts = await page.locator("main form[method=post]").count();
            for (let i = 0; i < posts; i++) {
              if (i > 0) await page.goto(url);
              if (!(await submitEmpty(page, i))) continue;
              if (await checkBothWidths(page, { role: role.name, url, state: `formulär ${i + 1} tomt` }, findings))
                figures.formStates++;
            }
          }
        }),
      );
      // No dead ends (issue 15): every link this role was shown opens for this role.
      for (const [href, from] of links) {
        figures.links++;
        const response = await contexts[0].request.get(href, { maxRedirects: 0 });
        const status = response.status();
        const location = response.headers()["location"] ?? "";
        if (status === 403 || status === 404 || (status >= 300 && status < 400 && location.startsWith("/logga-in")))
          findings.push({
            role: role.name,
            url: from,
            state: "länk",
            width: 0,
            problem: `links to ${href} (${status})`,
          });
      }
      for (const context of contexts) await context.close();
    }
    figures.checks = (figures.pageStates + figures.formStates) * WIDTHS.length;
    console.info(
      `crawl: ${urls.length} URLs × ${ROLES.length} roles = ${figures.visits} visits; ${figures.pageStates} distinct page states + ${figures.formStates} form error states, × ${WIDTHS.length} widths = ${figures.checks} axe and overflow checks; ${figures.links} links followed`,
    );
    const report = findings
      .map((f) => `${f.role} ${f.url} [${f.state}]${f.width ? ` @${f.width}px` : ""}: ${f.problem}`)
      .join("\n");
    expect(findings, report).toEqual([]);
  }, 1_800_000);
});
