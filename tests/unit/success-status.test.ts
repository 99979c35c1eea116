/**
 * Hunts the class "a save without a success message" (issue 15, WCAG 4.1.3): every route whose
 * action saves something answers a successful submission with `redirectWithStatus`
 * (app/utils/flash.server.ts), so the next page shows the message in the one role="status"
 * region; a bare `redirect(…)` from an action, or a page that shows its own message from a
 * query parameter, would bypass it. Only signing in and out answer with a plain redirect.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROUTES = path.resolve(__dirname, "../../app/routes");

/** Signing in and out change no data the viewer edits: the next page itself says where they are. */
const NO_MESSAGE = new Set(["logga-in.tsx", "logga-ut.tsx"]);

/** The action function's source, from its declaration to the first line that closes it. */
function actionSource(source: string): string | null {
  const start = source.search(/export\s+(async\s+)?function\s+action\b/);
  if (start < 0) return null;
  const end = source.indexOf("\n}\n", start);
  return source.slice(start, end < 0 ? undefined : end);
}

const routes = fs
  .readdirSync(ROUTES)
  .filter((f) => /\.tsx?$/.test(f))
  .map((file) => ({ file, source: fs.readFileSync(path.join(ROUTES, file), "utf8") }))
  .map(({ file, source }) => ({ file, source, action: actionSource(source) }))
  .filter((r): r is { file: string; source: string; action: string } => r.action !== null);

describe("a success message after every save", () => {
  it("finds the routes with actions", () => {
    expect(routes.length).toBeGreaterThan(30);
  });

  it.each(routes.filter((r) => !NO_MESSAGE.has(r.file)))("$file answers a success with redirectWithStatus", (r) => {
    expect(r.source, `${r.file} must answer a success with redirectWithStatus(url, message)`).toContain(
      "redirectWithStatus(",
    );
    expect(/\bredirect\(/.test(r.action.replace(/redirectWithStatus\(/g, "")), `${r.file}: a bare redirect()`).toBe(
      false,
    );
    // A page's own success notice from a query parameter (?klart=1, ?tillagd=…) is not the one status region.
    expect(/searchParams\.get\(["'](klart|sparad|sparat|tillagd|ny|borttagen)["']\)/.test(r.source)).toBe(false);
  });

  it("keeps the list of routes without a message true", () => {
    for (const file of NO_MESSAGE) expect(routes.map((r) => r.file)).toContain(file);
  });
});
