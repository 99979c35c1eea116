/**
 * Hunts the class "a form parsed by hand": every route with an action parses its submission
 * with a zod schema through `parseForm` (app/utils/forms.server.ts), never with
 * `formData.get(…)`. The allow-list below holds the routes not yet moved; it may only shrink:
 * a route on it that already uses the pattern fails too, so the list stays true.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROUTES = path.resolve(__dirname, "../../app/routes");

/** Routes whose forms still parse by hand. Remove a route from here when you move it. */
const NOT_YET_ON_THE_PATTERN = new Set<string>([]);

/** Reading a field by hand: form.get("x"), formData.getAll("x"), Object.fromEntries(formData) (URL parameters are not forms). */
const HAND_PARSING =
  /(?<!searchParams|headers|cookies)\.(get|getAll)\(\s*["'`]|Object\.fromEntries\(\s*(form|formData)\b/;

function routesWithActions() {
  return fs
    .readdirSync(ROUTES)
    .filter((f) => /\.tsx?$/.test(f))
    .filter((f) =>
      /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(
        fs.readFileSync(path.join(ROUTES, f), "utf8"),
      ),
    );
}

describe("the one form pattern", () => {
  const routes = routesWithActions();

  it("finds the routes with actions", () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  it.each(routes)("%s parses its form with a schema", (file) => {
    const source = fs.readFileSync(path.join(ROUTES, file), "utf8");
    const readsBody = /\.formData\(|parseUpload|parseMultipart|FormData\b/.test(source);
    const onPattern = source.includes("parseForm(") && !HAND_PARSING.test(source);
    if (NOT_YET_ON_THE_PATTERN.has(file)) {
      expect(onPattern, `${file} uses the pattern now: remove it from NOT_YET_ON_THE_PATTERN`).toBe(false);
    } else if (readsBody) {
      expect(source, `${file} must parse with parseForm(formData, schema)`).toContain("parseForm(");
      expect(HAND_PARSING.test(source), `${file} reads form fields by hand`).toBe(false);
    } else {
      // An action that reads no form at all (sign-out) has nothing to parse.
      expect(HAND_PARSING.test(source), `${file} reads form fields by hand`).toBe(false);
    }
  });

  it("keeps the allow-list true: every entry is a route with an action", () => {
    for (const file of NOT_YET_ON_THE_PATTERN) expect(routes).toContain(file);
  });
});
