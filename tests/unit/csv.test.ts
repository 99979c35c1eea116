import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "~/domain/csv";

describe("CSV", () => {
  it("writes a BOM, semicolons and CRLF", () => {
    expect(toCsv(["Part", "Belopp"], [["Berg", 165240]])).toBe("\uFEFFPart;Belopp\r\nBerg;165240\r\n");
  });
  it.each([
    ["=SUMMA(A1:A2)", "'=SUMMA(A1:A2)"],
    ["+46 70 123", "'+46 70 123"],
    ["-1+1", "'-1+1"],
    ["@cmd", "'@cmd"],
    ["\t=1", "'\t=1"],
    [" =1", "' =1"],
    ["\r=1", "\"'\r=1\""],
  ])("neutralises the formula %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
  it("keeps negative numbers as numbers", () => {
    expect(csvCell(-22570)).toBe("-22570");
  });
  it("quotes separators, quotes and line breaks", () => {
    expect(csvCell('Bergs kommun; "Berg"')).toBe('"Bergs kommun; ""Berg"""');
    expect(csvCell("rad 1\nrad 2")).toBe('"rad 1\nrad 2"');
    expect(csvCell(null)).toBe("");
  });
});
