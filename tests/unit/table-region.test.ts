/**
 * Hunts the class "a wide table that widens the page" (issue 15, WCAG 1.4.10 and 2.1.1): every
 * table the portal renders sits in a TableRegion (app/components/table-region.tsx), the frame
 * that scrolls on a narrow screen instead of the page and that takes keyboard focus. The crawl
 * (tests/browser/crawl.test.ts) finds such a table only when the demo data makes it wide; this
 * finds it in the source.
 */
import fs from "node:fs";
import path from "node:path";
import { createElement as h, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TableRegion } from "~/components/table-region";

const APP = path.resolve(__dirname, "../../app");

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".tsx") ? [path.join(dir, e.name)] : [],
    );
}

/** Each `<table` with the line it is on, and whether a TableRegion opens in the three lines before it. */
function tablesOf(file: string) {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  return lines.flatMap((line, i) =>
    /<table[\s>]/.test(line)
      ? [
          {
            where: `${path.relative(APP, file)}:${i + 1}`,
            framed: lines
              .slice(Math.max(0, i - 3), i)
              .join("\n")
              .includes("<TableRegion"),
          },
        ]
      : [],
  );
}

describe("wide tables", () => {
  const tables = sources(APP).flatMap(tablesOf);

  it("finds the portal's tables", () => {
    expect(tables.length).toBeGreaterThan(30);
  });

  it("puts every table in a TableRegion", () => {
    expect(tables.filter((t) => !t.framed).map((t) => t.where)).toEqual([]);
  });
});

describe("a table as cards on a phone", () => {
  const parties = ["Krokom", "Åre"];
  const table = (layout?: "cards" | "scroll") =>
    renderToStaticMarkup(
      h(
        TableRegion,
        { label: "Matris", layout },
        h(
          "table",
          null,
          h("caption", null, "Parternas svar"),
          h(
            "thead",
            null,
            h(
              "tr",
              null,
              h("th", { scope: "col" }, "Rekommendation"),
              h("th", { scope: "col" }, "Sista ", h("abbr", { title: "svarsdag" }, "svarsdag")),
              parties.map((p) =>
                h("th", { scope: "col", key: p }, p, p === "Krokom" ? h("span", null, " (er organisation)") : null),
              ),
            ),
          ),
          h(
            "tbody",
            null,
            [1, 2].map((n) =>
              h(
                Fragment,
                { key: n },
                h(
                  "tr",
                  null,
                  h("th", { scope: "row" }, `Rekommendation ${n}`),
                  h("td", null, "2026-12-31"),
                  parties.map((p) =>
                    h("td", { key: p, "data-label": p === "Åre" ? "Egen etikett" : undefined }, "Antagen"),
                  ),
                ),
              ),
            ),
          ),
          h("tfoot", null, h("tr", null, h("td", { colSpan: 2 }, "Summa"), h("td", null, "1"), h("td", null, "2"))),
        ),
      ),
    );

  it("gives every body and footer cell its column's header as its label", () => {
    const html = table();
    expect(html).toContain('class="table-wrap table-wrap--cards"');
    expect(html.match(/data-label="Sista svarsdag"/g)).toHaveLength(2);
    expect(html.match(/data-label="Krokom \(er organisation\)"/g)).toHaveLength(3);
    expect(html).toContain('<th scope="row" role="rowheader" data-label="Rekommendation">Rekommendation 1</th>');
    // A cell's own label wins; a cell spanning two columns is labelled by the first.
    expect(html.match(/data-label="Egen etikett"/g)).toHaveLength(2);
    expect(html).toContain('<td colSpan="2" role="cell" data-label="Rekommendation">Summa</td>');
    expect(html).toContain('<td role="cell" data-label="Krokom (er organisation)">1</td>');
    // A date in a cell's text never breaks at its hyphens.
    expect(
      html.match(
        /<td role="cell" data-label="Sista svarsdag"><time class="date" dateTime="2026-12-31">2026-12-31<\/time><\/td>/g,
      ),
    ).toHaveLength(2);
  });

  it("keeps a date whole inside a cell's nested elements too (a list of changes, a link)", () => {
    const html = renderToStaticMarkup(
      h(
        TableRegion,
        { label: "Händelser" },
        h(
          "table",
          null,
          h("thead", null, h("tr", null, h("th", { scope: "col" }, "Vad som ändrades"))),
          h(
            "tbody",
            null,
            h("tr", null, h("td", null, h("ul", null, h("li", null, "datum: 2026-01-02 → 2026-02-03")))),
          ),
        ),
      ),
    );
    expect(html).toContain(
      '<li>datum: <time class="date" dateTime="2026-01-02">2026-01-02</time> → <time class="date" dateTime="2026-02-03">2026-02-03</time></li>',
    );
  });

  it("keeps the table's semantics explicit, whatever CSS does to its display", () => {
    const html = table();
    expect(html).toContain('<table role="table">');
    expect(html.match(/role="rowgroup"/g)).toHaveLength(3);
    expect(html.match(/role="row"/g)).toHaveLength(4);
    expect(html.match(/role="columnheader"/g)).toHaveLength(4);
    expect(html).not.toMatch(/<th[^>]*scope="col"[^>]*data-label/);
  });

  it("leaves a table that scrolls as it is", () => {
    const html = table("scroll");
    expect(html).toContain('class="table-wrap"');
    expect(html).not.toContain('data-label="Sista');
    expect(html).not.toContain('role="table"');
  });
});
