import { describe, expect, it } from "vitest";
import {
  findPersonalNumbers,
  luhnCheckDigit,
  luhnValid,
  maskPersonalNumber,
  personalDataMessage,
  personalNumbersIn,
  redactPersonalNumbers,
} from "~/domain/personal-number";

/** Completes YYMMDDNNN with its check digit. */
const complete = (nine: string) => `${nine}${luhnCheckDigit(nine)}`;
/** A wrong check digit for YYMMDDNNN. */
const wrong = (nine: string) => `${nine}${(luhnCheckDigit(nine) + 1) % 10}`;

const NOW = { currentYear: 2026 };
const find = (text: string) => findPersonalNumbers(text, NOW);

describe("Luhn check digit", () => {
  it.each([
    "1212121212", // the classic test number 121212-1212
    "8112189876", // Skatteverket's brochure example 811218-9876
    "6408233234", // Skatteverket's calculation example 640823-3234
    "7010632391", // Skatteverket's samordningsnummer example 701063-2391
    "5560360793", // an organisation number (Luhn-valid, but month 60)
  ])("accepts %s", (digits) => {
    expect(luhnValid(digits)).toBe(true);
  });

  it.each(["1212121213", "8112189875", "0000000001", "121212121", "12121212122", "12121212a2", ""])(
    "rejects %j",
    (digits) => {
      expect(luhnValid(digits)).toBe(false);
    },
  );

  it("computes the check digit for nine digits", () => {
    expect(luhnCheckDigit("121212121")).toBe(2);
    expect(luhnCheckDigit("811218987")).toBe(6);
    expect(luhnCheckDigit("640823323")).toBe(4);
    expect(() => luhnCheckDigit("12")).toThrow();
  });
});

describe("findPersonalNumbers: formats", () => {
  it.each([
    ["19121212-1212", "YYYYMMDD-XXXX"],
    ["121212-1212", "YYMMDD-XXXX"],
    ["121212+1212", "YYMMDD+XXXX"],
    ["191212121212", "YYYYMMDDXXXX"],
    ["1212121212", "YYMMDDXXXX"],
    ["19121212 1212", "YYYYMMDD XXXX"],
    ["121212 1212", "YYMMDD XXXX"],
    ["121212\u00a01212", "no-break space"],
    ["121212–1212", "en dash"],
    ["19121212—1212", "em dash"],
    ["121212\u22121212", "minus sign"],
    ["811218-9876", "Skatteverket's example"],
    ["19811218-9876", "Skatteverket's example with century"],
    ["198112189876", "Skatteverket's example, 12 digits"],
    ["640823-3234", "Skatteverket's calculation example"],
    ["18991231-" + complete("991231123").slice(6), "born in the 1800s"],
  ])("finds %s (%s)", (value) => {
    const text = `Klienten ${value} kom på besök.`;
    const hits = find(text);
    expect(hits).toEqual([{ match: value, index: 9, kind: "personnummer" }]);
    expect(text.slice(hits[0].index, hits[0].index + hits[0].match.length)).toBe(value);
  });

  it("finds numbers at the start and end of the text and next to punctuation and letters", () => {
    expect(find("19121212-1212")).toHaveLength(1);
    expect(find("pnr:19121212-1212.")).toEqual([{ match: "19121212-1212", index: 4, kind: "personnummer" }]);
    expect(find("(121212-1212)")).toHaveLength(1);
    expect(find('"121212-1212",')).toHaveLength(1);
    expect(find("Personnummer:1212121212")).toHaveLength(1);
    expect(find("1. 19121212-1212\n2. 811218-9876")).toHaveLength(2);
    expect(find("klient121212-1212")).toHaveLength(1);
  });

  it("finds every number in a longer text with correct positions", () => {
    const text = "Möte 2026-03-12. Deltog: 19121212-1212, 811218-9876 och samordningsnummer 701063-2391.";
    const hits = find(text);
    expect(hits.map((h) => h.match)).toEqual(["19121212-1212", "811218-9876", "701063-2391"]);
    expect(hits.map((h) => h.kind)).toEqual(["personnummer", "personnummer", "samordningsnummer"]);
    for (const hit of hits) expect(text.slice(hit.index, hit.index + hit.match.length)).toBe(hit.match);
  });

  it("finds numbers on separate lines and in CSV-like text", () => {
    expect(find("namn;pnr\nA;19121212-1212\nB;811218-9876\n")).toHaveLength(2);
    expect(find("19121212-1212\t811218-9876")).toHaveLength(2);
  });
});

describe("findPersonalNumbers: check digit and date", () => {
  it.each(["19121212-1213", "121212-1211", "1212121210", "811218-9875", "19811218-9870"])(
    "ignores %s (wrong check digit)",
    (value) => {
      expect(find(`Klient ${value}`)).toEqual([]);
    },
  );

  it("ignores every wrong check digit for a given date and birth number", () => {
    for (let c = 0; c <= 9; c++) {
      const value = `811218-987${c}`;
      expect(find(value)).toHaveLength(c === 6 ? 1 : 0);
    }
  });

  it.each([
    ["month 00", "120012345"],
    ["month 13", "121312345"],
    ["day 00", "121200345"],
    ["day 32", "120132345"],
    ["April 31", "120431345"],
    ["June 31", "120631345"],
    ["September 31", "120931345"],
    ["November 31", "121131345"],
    ["February 30", "120230345"],
    ["February 29 in a non-leap year", "230229345"],
    ["day 60 (neither kind)", "120160345"],
  ])("ignores an impossible date (%s) even with a valid check digit", (_, nine) => {
    const value = complete(nine);
    expect(luhnValid(value)).toBe(true);
    expect(find(`${value.slice(0, 6)}-${value.slice(6)}`)).toEqual([]);
    expect(find(`20${value}`)).toEqual([]);
  });

  it("validates leap days: 2000-02-29 and 2024-02-29 exist, 1900-02-29 and 2023-02-29 do not", () => {
    const leap2000 = complete("000229123");
    expect(find(`20${leap2000.slice(0, 6)}-${leap2000.slice(6)}`)).toHaveLength(1);
    expect(find(`${leap2000.slice(0, 6)}-${leap2000.slice(6)}`)).toHaveLength(1); // "-": born 2000
    expect(find(`19${leap2000.slice(0, 6)}-${leap2000.slice(6)}`)).toEqual([]); // 1900 was not a leap year
    expect(find(`${leap2000.slice(0, 6)}+${leap2000.slice(6)}`)).toEqual([]); // "+": born 1900
    const leap2024 = complete("240229123");
    expect(find(`20${leap2024}`)).toHaveLength(1);
    expect(find(`19${leap2024}`)).toHaveLength(1); // 1924 was a leap year too
    const notLeap = complete("230229123");
    expect(find(`20${notLeap}`)).toEqual([]);
    expect(find(`${notLeap.slice(0, 6)}-${notLeap.slice(6)}`)).toEqual([]);
  });

  it("places two-digit years in their century by the current year and the + sign", () => {
    // 960229: 1996 was a leap year; with "+" it is 1896, which was a leap year too.
    const value = complete("960229123");
    expect(find(`${value.slice(0, 6)}-${value.slice(6)}`)).toHaveLength(1);
    expect(find(`${value.slice(0, 6)}+${value.slice(6)}`)).toHaveLength(1);
    // 000229 with "+" is 1900-02-29, which did not exist.
    const y2000 = complete("000229123");
    expect(findPersonalNumbers(`${y2000.slice(0, 6)}-${y2000.slice(6)}`, { currentYear: 2026 })).toHaveLength(1);
    expect(findPersonalNumbers(`${y2000.slice(0, 6)}+${y2000.slice(6)}`, { currentYear: 2026 })).toEqual([]);
  });

  it("ignores 12-digit forms with a future year or before 1800", () => {
    const value = complete("300101123");
    expect(find(`20${value}`)).toEqual([]); // 2030 is in the future (current year 2026)
    expect(findPersonalNumbers(`20${value}`, { currentYear: 2031 })).toHaveLength(1);
    expect(find(`17${complete("991231123")}`)).toEqual([]);
    expect(find(`19${value}`)).toHaveLength(1);
  });

  it("uses the current year by default", () => {
    expect(findPersonalNumbers("19121212-1212")).toHaveLength(1);
  });
});

describe("findPersonalNumbers: samordningsnummer", () => {
  it("finds Skatteverket's example 701063-2391 (day 63 = the 3rd)", () => {
    expect(findPersonalNumbers("samordningsnummer 701063-2391")).toEqual([
      { match: "701063-2391", index: 18, kind: "samordningsnummer" },
    ]);
  });

  it.each(["19701063-2391", "197010632391", "7010632391", "701063 2391"])("finds %s", (value) => {
    expect(find(value)).toEqual([{ match: value, index: 0, kind: "samordningsnummer" }]);
  });

  it("accepts days 61–91 that exist in the month and nothing beyond", () => {
    for (const [nine, ok] of [
      ["120161345", true], // 1 January
      ["120191345", true], // 31 January
      ["120192345", false], // 32 January
      ["120490345", true], // 30 April
      ["120491345", false], // 31 April
      ["120289345", true], // 29 February 2012 (leap year)
      ["230289345", false], // 29 February 2023
      ["230288345", true], // 28 February 2023
    ] as const) {
      const value = complete(nine);
      expect(find(`${value.slice(0, 6)}-${value.slice(6)}`), nine).toHaveLength(ok ? 1 : 0);
      if (ok) expect(find(value)[0].kind).toBe("samordningsnummer");
    }
  });

  it("ignores a samordningsnummer with a wrong check digit", () => {
    expect(find("701063-2392")).toEqual([]);
    expect(find(wrong("701063239"))).toEqual([]);
  });
});

describe("findPersonalNumbers: no false alarms on ordinary text", () => {
  it.each([
    "Budget 5 720 000 kr och 3 045 000 kr",
    "Belopp 1 212 121 212 kr",
    "Summa 12 121 212 12",
    "Totalt 121 212 1212",
    "Datum 2026-12-31 och 2023-01-01",
    "Möte 2023-01-01 12:00–14:00",
    "Tidsstämpel 2023-01-01T12:12:12Z",
    "Period 20230101–20231231",
    "Diarienummer RS/2023/1234 och KS 2022/0456",
    "Diarienummer RS/2023/121212-1212",
    "Ärende KS 2022/121212 1212",
    "Ring 063-14 30 00 eller 070-123 45 67",
    "Mobil +46 70 123 45 67",
    "Tid 09:00-12:00",
    "Beslut § 12, 59 kontakter, 60 % pojkar",
    "Version 1.2.3 och 10.121.212.1212",
    "Organisationsnummer 556036-0793 och 212000-2411",
    "Region Jämtland Härjedalen 232100-0214",
    "Bankgiro 5050-1055, plusgiro 90 20 01-9",
    "Kostnad 1212121212,50 kr",
    "Kostnad 1212121212.50 kr",
    "Löpnummer 12121212121212",
    "Nummer 11212121212",
    "Telefon 0101212121",
  ])("does not flag: %s", (text) => {
    expect(find(text)).toEqual([]);
  });

  it("does not flag a phone number that fails the date or the check digit", () => {
    // 070-1234567 written without separators: date 07-01-23, but the check digit is wrong.
    expect(luhnValid("0701234567")).toBe(false);
    expect(find("Ring 0701234567")).toEqual([]);
    // 0733-99 88 77: month 33.
    expect(find("Ring 0733998877")).toEqual([]);
  });

  it("does not flag a number glued to a longer number or to a date", () => {
    expect(find("2023-19121212-1212")).toEqual([]);
    expect(find("19121212-1212-5")).toEqual([]);
    expect(find("19121212-1212/2")).toEqual([]);
    expect(find("12:121212-1212")).toEqual([]);
  });
});

describe("masking and the message", () => {
  it.each([
    ["19121212-1212", "19121212-****"],
    ["121212-1212", "121212-****"],
    ["121212+1212", "121212+****"],
    ["191212121212", "19121212-****"],
    ["1212121212", "121212-****"],
    ["19121212 1212", "19121212-****"],
    ["121212–1212", "121212-****"],
  ])("masks %s as %s", (value, masked) => {
    expect(maskPersonalNumber(value)).toBe(masked);
  });

  it("explains in Swedish without repeating the whole number", () => {
    const message = personalDataMessage(find("Klient 19121212-1212"));
    expect(message).toContain("Texten innehåller något som ser ut som ett personnummer (19121212-****).");
    expect(message).toContain("Klientuppgifter får aldrig finnas i portalen");
    expect(message).toMatch(/enskilda klienter/);
    expect(message).not.toContain("1212-1212");
    expect(message).not.toMatch(/\d{8}-?\d{4}|\d{6}-?\d{4}/);
  });

  it("names samordningsnummer and mixed kinds", () => {
    expect(personalDataMessage(find("701063-2391"))).toContain("ett samordningsnummer (701063-****)");
    const both = personalDataMessage(find("19121212-1212 och 701063-2391"));
    expect(both).toContain(
      "2 uppgifter som ser ut som personnummer eller samordningsnummer (19121212-****, 701063-****)",
    );
  });

  it("shows at most three numbers, each once", () => {
    const text = ["19121212-1212", "19121212-1212", "811218-9876", "640823-3234", "19811218-9876", "701063-2391"].join(
      ", ",
    );
    const message = personalDataMessage(find(text));
    expect(message).toContain("6 uppgifter");
    expect(message).toContain("(19121212-****, 811218-****, 640823-**** och 2 till)");
    expect(message).not.toMatch(/9876|3234|2391/);
  });

  it("still reads well with no hits", () => {
    expect(personalDataMessage([])).toMatch(/^Texten innehåller något som ser ut som ett personnummer\. /);
  });
});

describe("redactPersonalNumbers", () => {
  it.each([
    ["Klient 19121212-1212 ringde", "Klient 19121212-**** ringde"],
    ["121212-1212 och 19121212-1212", "121212-**** och 19121212-****"],
    ["1912**1212**-1212", "1912**1212**-XXXX"],
    ["Budget 5 720 000 kr, dnr RS/2023/121212-1212", "Budget 5 720 000 kr, dnr RS/2023/121212-1212"],
  ])("%s → %s", (text, expected) => {
    expect(redactPersonalNumbers(text)).toBe(expected);
  });

  it.each([
    "&#49;&#57;121212-1212",
    "19121212&#x2d;1212",
    "\uff11\uff19\uff11\uff12\uff11\uff12\uff11\uff12-\uff11\uff12\uff11\uff12",
    "<b>19121212</b>-1212",
    "19121212\u00ad-1212",
    '{"text":"Klient 19121212-1212","n":1}',
  ])("leaves nothing the guard finds in %s", (text) => {
    expect(personalNumbersIn(text)).not.toHaveLength(0);
    expect(personalNumbersIn(redactPersonalNumbers(text))).toHaveLength(0);
  });
});
