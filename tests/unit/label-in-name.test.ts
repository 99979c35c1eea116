/**
 * Hunts the class "a control's name does not begin with the words it shows" (issue 15, WCAG 2.5.3
 * Label in Name; axe's label-content-name-mismatch): someone who speaks what they see ("klicka
 * Visa konto") must reach the control. Every link or button in app/ with an aria-label and
 * written-out visible words must have an aria-label that starts with those words. (A name made
 * of visible words and a visually hidden continuation starts with the visible words by
 * construction.) The crawl (tests/browser/crawl.test.ts) checks the same on every rendered page.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = path.resolve(__dirname, "../../app");

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".tsx") ? [path.join(dir, e.name)] : [],
    );
}

/** Links and buttons with an aria-label: the label as written (template parts as "…") and the visible words. */
function labelledControls(file: string) {
  const text = fs.readFileSync(file, "utf8");
  const control = /<(Link|NavLink|a|button)\b((?:[^>{]|\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})*?)>([\s\S]*?)<\/\1>/g;
  return [...text.matchAll(control)].flatMap((m) => {
    const attrs = m[2];
    const label = /aria-label=(?:"([^"]*)"|\{`([^`]*)`\}|\{"([^"]*)"\})/.exec(attrs);
    if (!label) return [];
    const written = (label[1] ?? label[2] ?? label[3]).replace(/\$\{[^}]*\}/g, "…");
    // The visible words: literal text outside elements and expressions.
    const visible = m[3]
      .replace(/<span className="visually-hidden">[\s\S]*?<\/span>/g, "")
      .replace(/\{[^}]*\}/g, " ")
      .replace(/<[^>]*>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    const line = text.slice(0, m.index).split("\n").length;
    return [{ where: `${path.relative(APP, file)}:${line}`, label: written, visible }];
  });
}

const squeeze = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

describe("label in name", () => {
  const controls = sources(APP).flatMap(labelledControls);

  it("finds the portal's labelled links and buttons", () => {
    expect(controls.filter((c) => c.visible).length).toBeGreaterThan(8);
  });

  it("begins every link's and button's aria-label with the words it shows", () => {
    const mismatched = controls
      .filter((c) => c.visible && !squeeze(c.label).startsWith(squeeze(c.visible)))
      .map((c) => `${c.where}: shows "${c.visible}", named "${c.label}"`);
    expect(mismatched).toEqual([]);
  });
});
