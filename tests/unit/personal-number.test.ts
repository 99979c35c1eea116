import { describe, expect, it } from "vitest";
import { findPersonalNumbers, luhnValid, personalDataMessage } from "~/domain/personal-number";

describe("personal identity numbers", () => {
  it.each(["19121212-1212", "121212-1212", "191212121212", "1212121212", "121212+1212", "19121212 1212"])("finds %s", (value) => {
    const hits = findPersonalNumbers(`Klienten ${value} kom på besök.`);
    expect(hits).toHaveLength(1);
    expect(hits[0].kind).toBe("personnummer");
  });
  it("finds coordination numbers (day + 60)", () => {
    // 701063-2391 is a valid samordningsnummer (day 63 = 3rd).
    expect(luhnValid("7010632391")).toBe(true);
    expect(findPersonalNumbers("samordningsnummer 701063-2391")).toEqual([{ match: "701063-2391", index: 18, kind: "samordningsnummer" }]);
  });
  it("ignores numbers with a wrong check digit", () => {
    expect(findPersonalNumbers("19121212-1213")).toEqual([]);
  });
  it("validates leap days", () => {
    // 2000-02-29 is a real date, 2001-02-29 and 1900-02-29 are not.
    const luhnFor = (nine: string) => {
      for (let c = 0; c <= 9; c++) if (luhnValid(`${nine}${c}`)) return `${nine}${c}`;
      return "";
    };
    const leap = luhnFor("000229123");
    expect(findPersonalNumbers(`20${leap.slice(0, 6)}-${leap.slice(6)}`)).toHaveLength(1);
    const notLeap = luhnFor("010229123");
    expect(findPersonalNumbers(`20${notLeap.slice(0, 6)}-${notLeap.slice(6)}`)).toEqual([]);
    const century = luhnFor("000229123");
    expect(findPersonalNumbers(`19${century.slice(0, 6)}-${century.slice(6)}`)).toEqual([]); // 1900 was not a leap year
  });
  it.each([
    "Budget 5 720 000 kr och 3 045 000 kr",
    "Datum 2026-12-31 och 2023-01-01",
    "Diarienummer RS/2023/1234 och KS 2022/0456",
    "Ring 063-14 30 00 eller 070-123 45 67",
    "Tid 09:00-12:00",
    "Beslut § 12, 59 kontakter, 60 % pojkar",
  ])("does not flag ordinary text: %s", (text) => {
    expect(findPersonalNumbers(text)).toEqual([]);
  });
  it("explains in Swedish without repeating the whole number", () => {
    const message = personalDataMessage(findPersonalNumbers("19121212-1212"));
    expect(message).toContain("19121212-****");
    expect(message).not.toContain("1212-1212");
    expect(message).toMatch(/enskilda klienter/);
  });
});
