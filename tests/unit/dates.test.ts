/**
 * Hunts the class "a date that breaks across lines" (issue 15, item 2) in the source: a page
 * shows a date through app/components/dates.tsx (a `<time class="date">`, which does not wrap),
 * never as the bare text of a format helper. The crawl (tests/browser/crawl.test.ts) finds any
 * date on any page, as any role, that could still break, wherever its text came from.
 */
import fs from "node:fs";
import path from "node:path";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DateText, DateTimeText, keepUnitsWhole, WeekdayDate } from "~/components/dates";

const APP = path.resolve(__dirname, "../../app");

/** Page routes (a default export) and components: the modules whose text ends up in a page. */
function pageModules(): string[] {
  const routes = fs
    .readdirSync(path.join(APP, "routes"))
    .filter((f) => f.endsWith(".tsx"))
    .map((f) => path.join(APP, "routes", f))
    .filter((f) => /export default/.test(fs.readFileSync(f, "utf8")));
  const components = fs
    .readdirSync(path.join(APP, "components"))
    .filter((f) => f.endsWith(".tsx") && f !== "dates.tsx")
    .map((f) => path.join(APP, "components", f));
  return [...routes, path.join(APP, "root.tsx"), ...components];
}

/**
 * Where a module shows a date as bare text: formatDateTime and formatDateWithWeekday make
 * nothing but text to show (DateTimeText and WeekdayDate show it whole), and a date helper's
 * result as a JSX child (`{todayInStockholm()}`; as a prop, `date={…}`, it is fine).
 */
function bareDates(source: string): string[] {
  const lines = source.split("\n");
  return lines.flatMap((line, i) =>
    /\b(?:formatDateTime|formatDateWithWeekday)\(|(?<![=$])\{\s*(?:dateInStockholm|todayInStockholm)\(/.test(line)
      ? [`${i + 1}: ${line.trim()}`]
      : [],
  );
}

describe("dates in the source", () => {
  const modules = pageModules();

  it("reads the pages and components", () => {
    expect(modules.length).toBeGreaterThan(80);
  });

  it("never shows a formatted date as bare text in a page or component", () => {
    const found = modules.flatMap((file) =>
      bareDates(fs.readFileSync(file, "utf8")).map((where) => `${path.relative(APP, file)}:${where}`),
    );
    expect(found).toEqual([]);
  });

  it("catches the forms a bare date takes", () => {
    for (const bad of [
      "<td>{formatDateTime(v.createdAt)}</td>",
      "{signed ? `, justerade ${formatDateTime(signed.signedAt)}` : null}",
      "<h1>{m.bodyName}, {formatDateWithWeekday(m.date)}</h1>",
      "<p>Idag {todayInStockholm()}</p>",
      "{d.approvedAt ? formatDateTime(d.approvedAt) : null}",
    ])
      expect(bareDates(bad), bad).toHaveLength(1);
    for (const good of [
      "<DateTimeText at={v.createdAt} />",
      "<DateText date={dateInStockholm(latest.at)} />",
      "const today = todayInStockholm();",
    ])
      expect(bareDates(good), good).toEqual([]);
  });
});

describe("a date on a page", () => {
  it("is a <time> that does not wrap, with the real date as its text and value", () => {
    expect(renderToStaticMarkup(h(DateText, { date: "2026-12-31" }))).toBe(
      '<time class="date" dateTime="2026-12-31">2026-12-31</time>',
    );
    expect(renderToStaticMarkup(h(DateTimeText, { at: "2026-11-23T23:30:00.000Z" }))).toBe(
      '<time class="date" dateTime="2026-11-23T23:30:00.000Z">2026-11-24 00:30</time>',
    );
    expect(renderToStaticMarkup(h(WeekdayDate, { date: "2026-12-01" }))).toBe(
      'tisdag <time class="date" dateTime="2026-12-01">2026-12-01</time>',
    );
    // A value that is not a date is shown as it is, without a machine-readable value.
    expect(renderToStaticMarkup(h(DateText, { date: "okänt" }))).toBe('<time class="date">okänt</time>');
  });

  it("in a composed or typed text keeps every date and amount whole", () => {
    const html = renderToStaticMarkup(
      h("p", null, keepUnitsWhole("SVOM 2026-11-03–2026-12-31: 4 000 000 kr, 60 % av budgeten")),
    );
    expect(html).toBe(
      '<p>SVOM <time class="date" dateTime="2026-11-03">2026-11-03</time>–<time class="date" dateTime="2026-12-31">2026-12-31</time>: 4\u00a0000\u00a0000\u00a0kr, 60\u00a0% av budgeten</p>',
    );
    expect(keepUnitsWhole("Inga datum här")).toBe("Inga datum här");
  });
});
