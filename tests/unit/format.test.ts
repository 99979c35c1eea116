import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  countOf,
  dateInStockholm,
  endOfStockholmDay,
  formatDateTime,
  formatDateWithWeekday,
  formatKronor,
  formatPercent,
  keepNumbersWhole,
  todayInStockholm,
  weekdayOf,
} from "~/domain/format";

describe("Swedish formatting", () => {
  it("formats kronor with spaces between thousands", () => {
    expect(formatKronor(5_720_000)).toBe("5\u00a0720\u00a0000\u00a0kr");
    expect(formatKronor(0)).toBe("0\u00a0kr");
    expect(formatKronor(-22_570)).toBe("−22\u00a0570\u00a0kr");
    expect(formatKronor(999)).toBe("999\u00a0kr");
  });
  it("formats percentages with a decimal comma", () => {
    expect(formatPercent(46.75)).toBe("46,75\u00a0%");
    expect(formatPercent(50)).toBe("50\u00a0%");
  });
  it("takes today's date in Stockholm, not UTC", () => {
    expect(todayInStockholm(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(todayInStockholm(new Date("2026-06-30T21:59:00Z"))).toBe("2026-06-30");
    expect(todayInStockholm(new Date("2026-06-30T22:00:00Z"))).toBe("2026-07-01");
  });
  it("gives the right date on either side of midnight, asked in turns (the answer kept for a minute)", () => {
    const sides = [
      ["2026-11-23T22:59:59.999Z", "2026-11-23"],
      ["2026-11-23T23:00:00.000Z", "2026-11-24"],
      ["2026-03-29T21:59:59.999Z", "2026-03-29"],
      ["2026-03-29T22:00:00.000Z", "2026-03-30"],
    ] as const;
    for (let round = 0; round < 3; round++)
      for (const [instant, date] of round % 2 ? [...sides].reverse() : sides)
        expect(todayInStockholm(new Date(instant))).toBe(date);
    expect(todayInStockholm(new Date("2026-11-23T23:00:59.999Z"))).toBe("2026-11-24");
    expect(todayInStockholm(new Date("2026-11-23T22:59:00.000Z"))).toBe("2026-11-23");
  });
  it("gives a stored instant's date in Stockholm, across midnight and the clock changes", () => {
    expect(dateInStockholm("2026-11-23T23:30:00.000Z")).toBe("2026-11-24");
    expect(dateInStockholm("2026-11-23T22:59:59.000Z")).toBe("2026-11-23");
    expect(dateInStockholm("2026-06-30T22:00:00Z")).toBe("2026-07-01");
    expect(dateInStockholm("2026-06-30T21:59:00Z")).toBe("2026-06-30");
    expect(dateInStockholm("2028-02-28T23:00:00Z")).toBe("2028-02-29");
    expect(dateInStockholm("")).toBe("");
  });
  it("gives the first instant after a Stockholm day, across the clock changes", () => {
    expect(endOfStockholmDay("2026-11-24")).toBe("2026-11-24T23:00:00.000Z");
    expect(endOfStockholmDay("2026-06-30")).toBe("2026-06-30T22:00:00.000Z");
    // Summer time begins 2026-03-29 and ends 2026-10-25.
    expect(endOfStockholmDay("2026-03-29")).toBe("2026-03-29T22:00:00.000Z");
    expect(endOfStockholmDay("2026-10-25")).toBe("2026-10-25T23:00:00.000Z");
    for (const day of ["2026-11-24", "2026-06-30", "2026-03-29", "2026-10-25"]) {
      const end = endOfStockholmDay(day);
      expect(dateInStockholm(new Date(Date.parse(end) - 1).toISOString())).toBe(day);
      expect(dateInStockholm(end)).not.toBe(day);
    }
  });
  it("is the only way app code turns a stored instant into a date (no slicing a timestamp)", () => {
    // A timestamp column ends in "At" (or is `at`); slicing it, in code or in SQL, gives the UTC
    // date, a day early after midnight. A query compares with endOfStockholmDay instead.
    const sliced = /\w+At\b[^;\n]*\.slice\(0,\s*10\)|substr\((?:coalesce\()?\$\{[\w.]*(?:At|\.at)\}/;
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.(ts|tsx)$/.test(entry.name))
          fs.readFileSync(file, "utf8")
            .split("\n")
            .forEach((line, i) => {
              if (sliced.test(line) && !line.includes("formatDateTime(")) offenders.push(`${file}:${i + 1}`);
            });
      }
    };
    walk(path.join(__dirname, "../../app"));
    expect(offenders).toEqual([]);
    expect(sliced.test("on: (r.approvedAt ?? r.createdAt).slice(0, 10)")).toBe(true);
    expect(sliced.test("AND substr(${partyAnswers.at}, 1, 10) <= ${asOf}")).toBe(true);
    expect(sliced.test("sql`substr(coalesce(${recommendations.sentAt}, ${recommendations.createdAt}), 1, 10)`")).toBe(
      true,
    );
  });
  it("shows instants in Stockholm time", () => {
    expect(formatDateTime("2026-11-23T08:05:00Z")).toBe("2026-11-23 09:05");
    expect(formatDateTime("2026-07-01T08:05:00Z")).toBe("2026-07-01 10:05");
  });
  it("names the weekday", () => {
    expect(formatDateWithWeekday("2026-12-31")).toBe("torsdag 2026-12-31");
    expect(weekdayOf("2026-12-01")).toBe("tisdag");
  });
});

describe("countOf", () => {
  it("puts the noun in agreement with the number", () => {
    expect(countOf(1, "person", "personer")).toBe("1 person");
    expect(countOf(0, "person", "personer")).toBe("0 personer");
    expect(countOf(2, "gång", "gånger")).toBe("2 gånger");
    expect(countOf(1500, "part", "parter")).toBe("1\u00a0500 parter");
  });
});

describe("keepNumbersWhole", () => {
  it("makes the spaces inside a typed number, and before kr or %, no-break spaces", () => {
    expect(keepNumbersWhole("Budgeten är 5 720 000 kronor.")).toBe("Budgeten är 5\u00a0720\u00a0000 kronor.");
    expect(keepNumbersWhole("SVOM avsätter 4 000 000 kr till")).toBe("SVOM avsätter 4\u00a0000\u00a0000\u00a0kr till");
    expect(keepNumbersWhole("60 % pojkar och 40 % flickor")).toBe("60\u00a0% pojkar och 40\u00a0% flickor");
    expect(keepNumbersWhole("46,75 %")).toBe("46,75\u00a0%");
  });
  it("leaves other spaces between numbers alone", () => {
    // A year and a count, a paragraph and a year, a decimal's digits: not one number.
    for (const text of ["år 2023 100 möten", "§ 45 2026", "3,5 100", "kl. 13 15 deltagare", "5 krukor"])
      expect(keepNumbersWhole(text)).toBe(text);
  });
});
