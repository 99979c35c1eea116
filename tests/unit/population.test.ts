import { describe, expect, it } from "vitest";
import {
  describePopulationRule,
  matchMunicipality,
  normaliseMunicipalityName,
  parsePopulationPaste,
  populationBasis,
  populationError,
  populationReferenceDate,
  populationRuleError,
  changesFigure,
  parseSeenVersions,
  populationConflicts,
  seenVersionsText,
} from "~/domain/population";

const NOVEMBER_BEFORE = { monthDay: "11-01", yearOffset: -1 };

describe("the population date rule", () => {
  it("uses 1 November the year before the budget year", () => {
    expect(populationReferenceDate(NOVEMBER_BEFORE, 2023)).toBe("2022-11-01");
    expect(populationReferenceDate(NOVEMBER_BEFORE, 2026)).toBe("2025-11-01");
    expect(describePopulationRule(NOVEMBER_BEFORE)).toBe("1 november året före budgetåret");
    expect(describePopulationRule({ monthDay: "12-31", yearOffset: 0 })).toBe("31 december budgetåret");
    expect(describePopulationRule({ monthDay: "01-01", yearOffset: -2 })).toBe("1 januari 2 år före budgetåret");
  });
  it("refuses days that do not exist every year and odd offsets", () => {
    expect(populationRuleError(NOVEMBER_BEFORE)).toBeNull();
    expect(populationRuleError({ monthDay: "02-29", yearOffset: -1 })).toMatch(/MM-DD/);
    expect(populationRuleError({ monthDay: "11-31", yearOffset: -1 })).toMatch(/MM-DD/);
    expect(populationRuleError({ monthDay: "1-11", yearOffset: -1 })).toMatch(/MM-DD/);
    expect(populationRuleError({ monthDay: "11-01", yearOffset: 1 })).toMatch(/budgetåret/);
    expect(populationRuleError({ monthDay: "11-01", yearOffset: -6 })).toMatch(/budgetåret/);
  });
});

describe("which figure a year uses", () => {
  const figures = [
    { asOf: "2022-11-01", population: 6959, illustrative: false },
    { asOf: "2023-11-01", population: 6919, illustrative: true },
  ];
  it("takes the figure for the reference date", () => {
    expect(populationBasis(figures, "2022-11-01")).toEqual({ ...figures[0], carriedForward: false });
    expect(populationBasis(figures, "2023-11-01")).toEqual({ ...figures[1], carriedForward: false });
  });
  it("carries the latest earlier figure forward, flagged, when the right one is missing", () => {
    expect(populationBasis(figures, "2025-11-01")).toEqual({ ...figures[1], carriedForward: true });
    expect(populationBasis(figures, "2021-11-01")).toBeNull();
    expect(populationBasis([], "2025-11-01")).toBeNull();
  });
});

describe("pasting SCB's table", () => {
  it("reads the table as SCB exports it, skipping its headings and the county row", () => {
    const pasted = [
      "Folkmängden den 1 november efter region, ålder och kön. År 2002 - 2024",
      '"region"\t"ålder"\t"kön"\t"2022"',
      '"23 Jämtlands län"\t"totalt ålder"\t"totalt"\t132 028',
      '"2326 Berg"\t"totalt ålder"\t"totalt"\t6959',
      '"2380 Östersund"\t"totalt ålder"\t"totalt"\t64 560',
    ].join("\r\n");
    const result = parsePopulationPaste(pasted);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toEqual([
      { line: 4, code: "2326", name: "Berg", population: 6959 },
      { line: 5, code: "2380", name: "Östersund", population: 64560 },
    ]);
    expect(result.skipped).toHaveLength(3);
    expect(result.skipped.join(" ")).toContain("23 Jämtlands län");
  });
  it("reads a code and name followed by the figure, with spaces in it", () => {
    const result = parsePopulationPaste("2326 Berg 6 959\n2305 Bräcke\u00a06\u00a0117\n2326;Berg;6959");
    expect(result).toMatchObject({
      ok: true,
      rows: [
        { code: "2326", name: "Berg", population: 6959 },
        { code: "2305", name: "Bräcke", population: 6117 },
        { code: "2326", name: "Berg", population: 6959 },
      ],
    });
  });
  it("still reads plain name;figure lines with a heading", () => {
    const result = parsePopulationPaste("Kommun;Folkmängd\nBerg;6 959\nBräcke\t6117\nÅre, 12 180");
    expect(result).toMatchObject({
      ok: true,
      rows: [
        { code: null, name: "Berg", population: 6959 },
        { code: null, name: "Bräcke", population: 6117 },
        { code: null, name: "Åre", population: 12180 },
      ],
    });
  });
  it("refuses negative figures and missing names with the line number, and an empty paste", () => {
    const result = parsePopulationPaste("Berg;-5\n;6959\n12;6959");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatch(/^Rad 1: .*negativ/);
    expect(result.errors.length).toBeGreaterThanOrEqual(1);
    expect(parsePopulationPaste("")).toMatchObject({
      ok: false,
      errors: ["Inga rader med kommun och folkmängd hittades."],
    });
    expect(parsePopulationPaste("Berg;99999999999")).toMatchObject({ ok: false });
  });
  it("matches rows to the parties by code, else by name without 'kommun' and genitive s", () => {
    const parties = [
      { name: "Bergs kommun", code: null },
      { name: "Åre kommun", code: null },
      { name: "Östersunds kommun", code: "2380" },
    ];
    expect(matchMunicipality({ code: "2326", name: "Berg" }, parties)?.name).toBe("Bergs kommun");
    expect(matchMunicipality({ code: null, name: "ÅRE" }, parties)?.name).toBe("Åre kommun");
    expect(matchMunicipality({ code: "2380", name: "Östersund" }, parties)?.name).toBe("Östersunds kommun");
    expect(matchMunicipality({ code: null, name: "Sundsvall" }, parties)).toBeNull();
    expect(normaliseMunicipalityName("Härjedalens kommun")).toBe(normaliseMunicipalityName("Härjedalen"));
  });
  it("validates a figure typed in a form", () => {
    expect(populationError("-5")).toBe("Folkmängden kan inte vara negativ.");
    expect(populationError("6 959")).toBeNull();
    expect(populationError("sex")).toMatch(/heltal/);
    expect(populationError("")).toMatch(/Ange/);
    expect(populationError("20000000")).toMatch(/orimligt/);
  });
});

describe("figures saved by someone else meanwhile (optimistic locking)", () => {
  const stored = (organisationId: number, population: number, version: number, illustrative = false) => ({
    organisationId,
    population,
    version,
    illustrative,
  });

  it("writes the versions a page was read at and reads them back", () => {
    const seen = new Map([
      [12, 3],
      [13, 0],
    ]);
    expect(seenVersionsText(seen)).toBe("12:3 13:0");
    expect(parseSeenVersions("12:3 13:0")).toEqual(seen);
    expect(parseSeenVersions("")).toEqual(new Map());
    for (const bad of ["12", "12:-1", "x:1", "12:1 12:2", "0:1", "12:01"]) expect(parseSeenVersions(bad)).toBeNull();
  });

  it("a figure saved after the form was read is a conflict; one the form read is not", () => {
    const now = [stored(1, 7100, 2), stored(2, 6400, 1)];
    const seen = new Map([
      [1, 1],
      [2, 1],
    ]);
    expect(populationConflicts([{ organisationId: 1, population: 7000 }], seen, now)).toEqual([now[0]]);
    expect(populationConflicts([{ organisationId: 2, population: 6500 }], seen, now)).toEqual([]);
    // A municipality left empty is not written, so what someone saved for it is not overwritten.
    expect(populationConflicts([], seen, now)).toEqual([]);
  });

  it("a figure saved where the form saw none, or for a municipality the form did not know, is a conflict", () => {
    const now = [stored(1, 7100, 1), stored(3, 900, 1)];
    expect(populationConflicts([{ organisationId: 1, population: 7000 }], new Map([[1, 0]]), now)).toEqual([now[0]]);
    expect(populationConflicts([{ organisationId: 3, population: 800 }], new Map(), now)).toEqual([now[1]]);
    // Nobody has saved one yet: nothing to overwrite.
    expect(populationConflicts([{ organisationId: 4, population: 800 }], new Map([[4, 0]]), now)).toEqual([]);
  });

  it("sending the very figure someone saved overwrites nothing; replacing their example does", () => {
    expect(
      populationConflicts([{ organisationId: 1, population: 7100 }], new Map([[1, 1]]), [stored(1, 7100, 2)]),
    ).toEqual([]);
    const example = stored(1, 7100, 2, true);
    expect(populationConflicts([{ organisationId: 1, population: 7100 }], new Map([[1, 1]]), [example])).toEqual([
      example,
    ]);
    expect(changesFigure(undefined, 7100)).toBe(true);
    expect(changesFigure(stored(1, 7100, 1), 7100)).toBe(false);
    expect(changesFigure(stored(1, 7100, 1), 7101)).toBe(true);
    expect(changesFigure(example, 7100)).toBe(true);
  });
});
