import { describe, expect, it } from "vitest";
import {
  countCap,
  formatCount,
  openPageOf,
  pageNumbers,
  pageOf,
  pageRequestFrom,
  pageSearch,
  pageSummary,
} from "~/domain/pagination";

const params = (s: string) => new URLSearchParams(s);

describe("the page asked for", () => {
  it("reads ?sida= and falls back to page 1 for anything that is not a page number", () => {
    expect(pageRequestFrom(params("sida=3"))).toEqual({ page: 3, size: 50 });
    for (const bad of ["", "sida=", "sida=0", "sida=-2", "sida=x", "sida=2.5", "sida=1e3", "sida=99999999", "sida= 4"])
      expect(pageRequestFrom(params(bad)).page, bad).toBe(1);
  });
  it("takes the page size from the list", () => {
    expect(pageRequestFrom(params("sida=2"), 25)).toEqual({ page: 2, size: 25 });
    expect(pageRequestFrom(params(""), 0).size).toBe(1);
  });
  it("reads a second list's page from its own parameter, apart from the first list's", () => {
    const both = params("sida=3&ledamotssida=2");
    expect(pageRequestFrom(both, 50, "ledamotssida").page).toBe(2);
    expect(pageRequestFrom(both).page).toBe(3);
    expect(pageRequestFrom(params("sida=3"), 50, "ledamotssida").page).toBe(1);
  });
});

describe("a page of a known total", () => {
  it("computes offset, first and last row", () => {
    expect(pageOf({ page: 2, size: 50 }, 120)).toEqual({
      page: 2,
      size: 50,
      total: 120,
      pageCount: 3,
      offset: 50,
      first: 51,
      last: 100,
    });
    expect(pageOf({ page: 3, size: 50 }, 120)).toMatchObject({ offset: 100, first: 101, last: 120 });
  });
  it("shows the last page when asked for one past the end", () => {
    expect(pageOf({ page: 9, size: 50 }, 120)).toMatchObject({ page: 3, offset: 100 });
  });
  it("has one empty page for an empty list", () => {
    expect(pageOf({ page: 4, size: 50 }, 0)).toEqual({
      page: 1,
      size: 50,
      total: 0,
      pageCount: 1,
      offset: 0,
      first: 0,
      last: 0,
    });
  });
  it("has exactly full pages at the boundary", () => {
    expect(pageOf({ page: 2, size: 50 }, 100)).toMatchObject({ pageCount: 2, first: 51, last: 100 });
    expect(pageOf({ page: 1, size: 50 }, 50).pageCount).toBe(1);
    expect(pageOf({ page: 1, size: 50 }, 51).pageCount).toBe(2);
  });
  it("puts every row on exactly one page", () => {
    for (const total of [0, 1, 49, 50, 51, 137]) {
      const seen: number[] = [];
      const pageCount = pageOf({ page: 1, size: 50 }, total).pageCount;
      for (let p = 1; p <= pageCount; p++) {
        const page = pageOf({ page: p, size: 50 }, total);
        for (let row = page.first; row >= 1 && row <= page.last; row++) seen.push(row);
      }
      expect(seen).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    }
  });
});

describe("links to the other pages", () => {
  it("shows the first, the last and two either side, with gaps", () => {
    expect(pageNumbers({ page: 10, pageCount: 20 })).toEqual([1, "gap", 8, 9, 10, 11, 12, "gap", 20]);
    expect(pageNumbers({ page: 1, pageCount: 20 })).toEqual([1, 2, 3, "gap", 20]);
    expect(pageNumbers({ page: 20, pageCount: 20 })).toEqual([1, "gap", 18, 19, 20]);
  });
  it("writes a lone missing number instead of a gap", () => {
    expect(pageNumbers({ page: 4, pageCount: 7 })).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageNumbers({ page: 1, pageCount: 5 })).toEqual([1, 2, 3, 4, 5]);
  });
  it("has one page for a short list", () => {
    expect(pageNumbers({ page: 1, pageCount: 1 })).toEqual([1]);
  });
  it("keeps the filters and sets or removes the page", () => {
    expect(pageSearch("?organ=2&ar=2024&sida=3", 4)).toBe("?organ=2&ar=2024&sida=4");
    expect(pageSearch("?organ=2&sida=3", 1)).toBe("?organ=2");
    expect(pageSearch("", 1)).toBe("");
    expect(pageSearch("?q=upps%C3%A4gning", 2)).toBe("?q=upps%C3%A4gning&sida=2");
    // A second list's links keep the first list's page, and the other way round.
    expect(pageSearch("?sida=3", 2, "ledamotssida")).toBe("?sida=3&ledamotssida=2");
    expect(pageSearch("?sida=3&ledamotssida=2", 1, "ledamotssida")).toBe("?sida=3");
    expect(pageSearch("?sida=3&ledamotssida=2", 4)).toBe("?ledamotssida=2&sida=4");
  });
  it("writes counts the Swedish way", () => {
    expect(formatCount(100000)).toBe("100\u00a0000");
    expect(formatCount(999)).toBe("999");
  });
});

describe("a list counted only as far as needed", () => {
  it("counts one row past the ranked limit or past the page asked for, whichever is further", () => {
    expect(countCap({ page: 1, size: 20 }, 2000)).toBe(2001);
    expect(countCap({ page: 100, size: 20 }, 2000)).toBe(2001);
    expect(countCap({ page: 101, size: 20 }, 2000)).toBe(2021);
    expect(countCap({ page: 0, size: 0 }, 0)).toBe(2);
  });

  it("marks the page open when the count reached the cap, and shows it as a lower bound", () => {
    const open = openPageOf({ page: 1, size: 20 }, 2001, 2001);
    expect(open).toMatchObject({ open: true, total: 2001, pageCount: 101, first: 1, last: 20 });
    expect(pageSummary(open, ["träff", "träffar"])).toBe("Visar 1–20 av fler än 2\u00a0000 träffar");
    // The last page linked to holds the row past the count, so the reader can always go on.
    const last = openPageOf({ page: 101, size: 20 }, 2021, countCap({ page: 101, size: 20 }, 2000));
    expect(last).toMatchObject({ open: true, page: 101, first: 2001, last: 2020, pageCount: 102 });
    const closed = openPageOf({ page: 1, size: 20 }, 1999, 2001);
    expect(closed.open).toBeUndefined();
    expect(pageSummary(closed, ["träff", "träffar"])).toBe("Visar 1–20 av 1\u00a0999 träffar");
    expect(pageSummary(openPageOf({ page: 1, size: 20 }, 7, 2001), ["rad", "rader"])).toBe("7 rader");
    // The noun agrees with its number (issue 15).
    expect(pageSummary(openPageOf({ page: 1, size: 20 }, 1, 2001), ["person", "personer"])).toBe("1 person");
    expect(pageSummary(openPageOf({ page: 1, size: 20 }, 0, 2001), ["rad", "rader"])).toBeNull();
  });
});
