import { describe, expect, it } from "vitest";
import { csvCell, csvResponse, toCsv } from "~/domain/csv";
import { parseCsv } from "../support/csv";

describe("toCsv", () => {
  it("writes a BOM, semicolons and CRLF after every line", () => {
    expect(toCsv(["Part", "Belopp"], [["Berg", 165240]])).toBe("\uFEFFPart;Belopp\r\nBerg;165240\r\n");
  });

  it("writes only the header row when there are no rows", () => {
    expect(toCsv(["År", "Part"], [])).toBe("\uFEFFÅr;Part\r\n");
  });

  it("keeps Swedish characters as they are (UTF-8)", () => {
    const csv = toCsv(["Kommun"], [["Åre"], ["Härjedalen"], ["Östersund"]]);
    expect(csv).toBe("\uFEFFKommun\r\nÅre\r\nHärjedalen\r\nÖstersund\r\n");
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("writes empty cells for null and undefined", () => {
    expect(toCsv(["a", "b", "c"], [[null, undefined, ""]])).toBe("\uFEFFa;b;c\r\n;;\r\n");
  });

  it("neutralises formulas in headers too", () => {
    expect(toCsv(["=1+1"], [])).toBe("\uFEFF'=1+1\r\n");
  });

  it("round-trips awkward text through an RFC 4180 reader", () => {
    const rows = [
      ['Bergs kommun; "Berg"', "rad 1\r\nrad 2", "plain"],
      ["a\nb", '"', ";"],
    ];
    const csv = toCsv(["x", "y", "z"], rows);
    expect(parseCsv(csv.slice(1))).toEqual([["x", "y", "z"], ...rows]);
  });

  it("matches the cost export used by the agreement page", () => {
    const csv = toCsv(
      ["År", "Part", "Folkmängd 1 november föregående år", "Belopp (kr)"],
      [
        [2023, "Region Jämtland Härjedalen", null, 2675000],
        [2023, "Bergs kommun", 6949, -22570],
      ],
    );
    expect(csv).toBe(
      "\uFEFFÅr;Part;Folkmängd 1 november föregående år;Belopp (kr)\r\n2023;Region Jämtland Härjedalen;;2675000\r\n2023;Bergs kommun;6949;-22570\r\n",
    );
  });
});

describe("csvCell: formula injection", () => {
  it.each([
    ["=SUMMA(A1:A2)", "'=SUMMA(A1:A2)"],
    ['=HYPERLINK("https://evil.example";"klicka")', `"'=HYPERLINK(""https://evil.example"";""klicka"")"`],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["+46 70 123", "'+46 70 123"],
    ["+1", "'+1"],
    ["-1+1", "'-1+1"],
    ["-22570", "'-22570"],
    ["-", "'-"],
    ["@SUM(1+1)", "'@SUM(1+1)"],
    ["@cmd", "'@cmd"],
    ["\t=1", "'\t=1"],
    ["\tvanlig text", "'\tvanlig text"],
    [" =1", "' =1"],
    ["   +1", "'   +1"],
    ["\u00a0=1", "'\u00a0=1"],
    ["\r=1", '"\'\r=1"'],
    ["\rtext", '"\'\rtext"'],
    ["\n=1", '"\'\n=1"'],
    ["\r\n@x", '"\'\r\n@x"'],
  ])("neutralises %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    "Berg",
    "1+1",
    "a=b",
    "e-post@example.se",
    "Summa: -5",
    "'redan citerad",
    " mellanslag först",
    "",
    "−22 570",
  ])("leaves harmless text %j alone", (input) => {
    expect(csvCell(input)).toBe(input);
  });
});

describe("csvCell: numbers", () => {
  it.each([
    [0, "0"],
    [-0, "0"],
    [42, "42"],
    [-22570, "-22570"],
    [5_720_000, "5720000"],
    [46.75, "46,75"],
    [-0.5, "-0,5"],
    [Number.NaN, ""],
    [Number.POSITIVE_INFINITY, ""],
    [Number.NEGATIVE_INFINITY, ""],
  ])("writes %d as %j (not neutralised, decimal comma)", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("does not treat a negative number passed as text as a number", () => {
    expect(csvCell("-22570")).toBe("'-22570");
    expect(csvCell(-22570)).toBe("-22570");
  });
});

describe("csvCell: quoting", () => {
  it("quotes separators, quotes and line breaks, and nothing else", () => {
    expect(csvCell('Bergs kommun; "Berg"')).toBe('"Bergs kommun; ""Berg"""');
    expect(csvCell("rad 1\nrad 2")).toBe('"rad 1\nrad 2"');
    expect(csvCell("rad 1\r\nrad 2")).toBe('"rad 1\r\nrad 2"');
    expect(csvCell('"')).toBe('""""');
    expect(csvCell("a,b")).toBe("a,b");
    expect(csvCell("a b")).toBe("a b");
  });
});

describe("csvResponse", () => {
  it("sends CSV as a private download with ASCII and UTF-8 file names", async () => {
    const response = csvResponse(toCsv(["a"], [[1]]), "kostnadsfördelning 2026.csv");
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(
      "attachment; filename=\"kostnadsfordelning 2026.csv\"; filename*=UTF-8''kostnadsf%C3%B6rdelning%202026.csv",
    );
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    // The BOM is sent (text() would strip it when decoding, so look at the bytes).
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from("\uFEFFa\r\n1\r\n", "utf8"));
  });

  it("keeps quotes and line breaks out of the header", () => {
    const disposition = csvResponse("", 'a"b\r\nc.csv').headers.get("Content-Disposition")!;
    expect(disposition).toMatch(/^attachment; filename="a_b__c\.csv"; filename\*=UTF-8''a%22b%0D%0Ac\.csv$/);
  });
});
