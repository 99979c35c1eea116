import { describe, expect, it } from "vitest";
import { overfullGroups, type KeyFigureDefinition } from "~/domain/key-figures";
import { figuresOf, keyFigureYearSchema } from "~/forms/key-figures";
import { parseWithZod } from "@conform-to/zod";
import { errorsOf } from "../support/forms";

const defs: KeyFigureDefinition[] = [
  { id: 1, label: "Antal kontakter", unit: "antal", sumGroup: "" },
  { id: 2, label: "Andel pojkar", unit: "procent", sumGroup: "kön" },
  { id: 3, label: "Andel flickor", unit: "procent", sumGroup: "kön" },
  { id: 4, label: "Bemanning", unit: "text", sumGroup: "" },
  { id: 5, label: "Cannabis", unit: "procent", sumGroup: "" },
];

describe("overfullGroups", () => {
  it("accepts shares of a group that add up to 100 % or less", () => {
    expect(
      overfullGroups(
        defs,
        new Map([
          [2, 60],
          [3, 40],
        ]),
      ),
    ).toEqual([]);
    expect(
      overfullGroups(
        defs,
        new Map([
          [2, 60],
          [3, null],
        ]),
      ),
    ).toEqual([]);
  });
  it("names the group and its sum when the shares exceed 100 %", () => {
    expect(
      overfullGroups(
        defs,
        new Map([
          [2, 61],
          [3, 40],
        ]),
      ),
    ).toEqual([{ group: "kön", sum: 101, lastId: 3, labels: ["Andel pojkar", "Andel flickor"] }]);
  });
  it("ignores shares without a group and figures that are not shares", () => {
    expect(
      overfullGroups(
        defs,
        new Map<number, number>([
          [5, 100],
          [1, 500],
        ]),
      ),
    ).toEqual([]);
  });
});

function parse(fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return parseWithZod(form, { schema: keyFigureYearSchema(defs) });
}

describe("the year's key-figure form", () => {
  it("reads every figure by its definition and leaves empty ones out", () => {
    const s = parse({ year: "2025", f1: "1 059", f2: "60", f3: "40", f4: "Vakanser", f5: "" });
    expect(s.status).toBe("success");
    if (s.status !== "success") return;
    expect(figuresOf(defs, s.value as Record<string, unknown>)).toEqual(
      new Map<number, number | string | null>([
        [1, 1059],
        [2, 60],
        [3, 40],
        [4, "Vakanser"],
        [5, null],
      ]),
    );
  });
  it("refuses a share over 100, a negative count and a group over 100 % at the group's last figure", () => {
    const s = parse({ year: "2025", f1: "-1", f2: "101", f5: "30" });
    expect(s.status).toBe("error");
    expect(errorsOf(s).f1?.[0]).toContain("Antal kontakter");
    expect(errorsOf(s).f2?.[0]).toContain("0–100");
    const group = parse({ year: "2025", f2: "70", f3: "40" });
    expect(errorsOf(group).f3?.[0]).toBe(
      "Andel pojkar, Andel flickor kan tillsammans inte vara över 100 % (nu 110 %).",
    );
  });
  it("refuses a personal identity number in a text figure and a year that is not a year", () => {
    const s = parse({ year: "25", f4: "Ung person 19811218-9876" });
    expect(errorsOf(s).year?.[0]).toContain("fyra siffror");
    expect(errorsOf(s).f4?.[0]).toMatch(/personnummer/i);
  });
});
