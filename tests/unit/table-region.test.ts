/**
 * Hunts the class "a wide table that widens the page" (issue 15, WCAG 1.4.10 and 2.1.1): every
 * table the portal renders sits in a TableRegion (app/components/table-region.tsx), the frame
 * that scrolls on a narrow screen instead of the page and that takes keyboard focus. The crawl
 * (tests/browser/crawl.test.ts) finds such a table only when the demo data makes it wide; this
 * finds it in the source.
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
