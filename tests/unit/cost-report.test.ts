import { describe, expect, it } from "vitest";
import type { PaymentRoute } from "~/domain/agreement-principals";
import {
  budgetYearsShown,
  comparisonWithRecorded,
  costYearOn,
  currentYear,
  invoiceColumns,
  invoiceRowRemark,
  invoiceRows,
  invoicesFor,
  municipalPopulation,
  percentSplit,
  rowOfParty,
  sharesTotal,
  shareRowRemark,
} from "~/domain/cost-report";

const payment: PaymentRoute = { role: "part", invoicedBy: "Region", text: "Faktureras av Region." };

function row(organisationId: number, kind: string, population: number | null, share: number, flags = {}) {
  return {
    organisationId,
    kind,
    population,
    populationAsOf: population === null ? null : "2025-11-01",
    populationCarriedForward: false,
    populationIllustrative: false,
    share,
    payment,
    ...flags,
  };
}

const rows = [row(1, "region", null, 300), row(2, "kommun", 20_000, 500), row(3, "kommun", 5_000, 200)];

describe("currentYear", () => {
  it("is the calendar year of the date, also on new year's eve and day", () => {
    expect(currentYear("2026-12-31")).toBe(2026);
    expect(currentYear("2027-01-01")).toBe(2027);
  });
});

describe("costYearOn", () => {
  it("is this year once the agreement's base year has come", () => {
    expect(costYearOn("2027-06-01", 2026)).toBe(2027);
    expect(costYearOn("2026-01-01", 2026)).toBe(2026);
  });

  it("is the base year before the first term begins", () => {
    expect(costYearOn("2025-12-31", 2026)).toBe(2026);
  });
});

describe("budgetYearsShown", () => {
  const base = { thisYear: 2026, baseYear: 2024, recordedYears: [2024, 2025] };

  it("shows the year asked for and the chain up to next year", () => {
    expect(budgetYearsShown({ ...base, askedYear: 2026 })).toEqual({ year: 2026, untilYear: 2027 });
  });

  it("never shows a year before the base year", () => {
    expect(budgetYearsShown({ ...base, askedYear: 2019 })).toEqual({ year: 2024, untilYear: 2027 });
  });

  it("reaches a later recorded year and a later year asked for", () => {
    expect(budgetYearsShown({ ...base, askedYear: 2026, recordedYears: [2029] })).toEqual({
      year: 2026,
      untilYear: 2029,
    });
    expect(budgetYearsShown({ ...base, askedYear: 2031 })).toEqual({ year: 2031, untilYear: 2031 });
  });

  it("before the agreement begins runs to the base year", () => {
    expect(budgetYearsShown({ thisYear: 2025, askedYear: 2025, baseYear: 2028, recordedYears: [] })).toEqual({
      year: 2028,
      untilYear: 2028,
    });
  });
});

describe("percentSplit", () => {
  it("turns basis points into the region's and the municipalities' percentages that make 100", () => {
    expect(percentSplit(3_000)).toEqual({ region: 30, municipalities: 70 });
    expect(percentSplit(3_333)).toEqual({ region: 33.33, municipalities: 66.67 });
  });

  it("handles no region share and a region paying everything", () => {
    expect(percentSplit(0)).toEqual({ region: 0, municipalities: 100 });
    expect(percentSplit(10_000)).toEqual({ region: 100, municipalities: 0 });
  });
});

describe("comparisonWithRecorded", () => {
  it("is nothing when no amounts are recorded for the year", () => {
    expect(comparisonWithRecorded(rows, [])).toBeNull();
  });

  it("puts the recorded amounts beside the model's, by organisation", () => {
    const c = comparisonWithRecorded(rows, [
      { organisationId: 1, amount: 300 },
      { organisationId: 2, amount: 510 },
    ])!;
    expect(c.rows).toEqual([
      { key: "1", model: 300, recorded: 300, difference: 0 },
      { key: "2", model: 500, recorded: 510, difference: 10 },
      { key: "3", model: 200, recorded: null, difference: null },
    ]);
    expect(c.totalDifference).toBe(810 - 1000);
  });

  it("shows a recorded amount for an organisation the model does not include as a difference", () => {
    const c = comparisonWithRecorded(rows, [{ organisationId: 9, amount: 40 }])!;
    expect(c.rows.at(-1)).toEqual({ key: "9", model: 0, recorded: 40, difference: 40 });
  });
});

describe("sums", () => {
  it("adds the shares, none giving 0", () => {
    expect(sharesTotal(rows)).toBe(1000);
    expect(sharesTotal([])).toBe(0);
  });

  it("adds the municipalities' population only, an unknown figure counting as none", () => {
    expect(municipalPopulation(rows)).toBe(25_000);
    expect(municipalPopulation([...rows, row(4, "kommun", null, 0)])).toBe(25_000);
    expect(municipalPopulation([row(1, "region", 400_000, 300)])).toBe(0);
  });
});

describe("remarks", () => {
  it("on the cost CSV name an example figure and a figure carried forward", () => {
    expect(shareRowRemark(rows[1])).toBe("");
    expect(shareRowRemark({ populationIllustrative: true, populationCarriedForward: false })).toBe("exempel, inte SCB");
    expect(shareRowRemark({ populationIllustrative: true, populationCarriedForward: true })).toBe(
      "exempel, inte SCB; framskriven",
    );
  });

  it("on the invoice CSV also say which date is missing and whether the year's figures are examples", () => {
    expect(invoiceRowRemark(rows[1], "2025-11-01", false)).toBe("");
    expect(
      invoiceRowRemark({ populationIllustrative: false, populationCarriedForward: true }, "2025-11-01", true),
    ).toBe("folkmängden framskriven (per 2025-11-01 saknas); årets registrerade uppgifter (utfall) är exempel");
    // A former party has no row: only the year's flag can apply.
    expect(invoiceRowRemark(null, "2025-11-01", true)).toBe("årets registrerade uppgifter (utfall) är exempel");
  });
});

describe("invoiceColumns", () => {
  it("sums each kind of line; joint funds stay negative", () => {
    expect(
      invoiceColumns([
        { kind: "andel", amount: 500 },
        { kind: "gemensamma medel", amount: -40 },
        { kind: "gemensamma medel", amount: -10 },
        { kind: "engångskostnad", amount: 25 },
        { kind: "underskott", amount: 7 },
      ]),
    ).toEqual({ share: 500, jointFunds: -50, oneOffCosts: 25, deficit: 7 });
  });

  it("for a former party billed only its deficit, is the deficit alone", () => {
    expect(invoiceColumns([{ kind: "underskott", amount: 12 }])).toEqual({
      share: 0,
      jointFunds: 0,
      oneOffCosts: 0,
      deficit: 12,
    });
  });
});

const invoices = [
  { key: "2", name: "Kommun B", kind: "kommun", partyOfYear: true, lines: [], net: 500 },
  { key: "8", name: "Gamla kommunen", kind: "kommun", partyOfYear: false, lines: [], net: 12 },
];

describe("invoiceRows", () => {
  it("joins each invoice with its party's row", () => {
    expect(rowOfParty(rows, "2")).toBe(rows[1]);
    expect(invoiceRows(invoices, rows)[0]).toMatchObject({ key: "2", share: 500, payment, population: 20_000 });
  });

  it("gives a former party no share, payment route or population", () => {
    expect(rowOfParty(rows, "8")).toBeNull();
    expect(invoiceRows(invoices, rows)[1]).toMatchObject({
      key: "8",
      net: 12,
      share: 0,
      payment: null,
      population: null,
      populationAsOf: null,
      populationIllustrative: false,
      populationCarriedForward: false,
    });
  });
});

describe("invoicesFor", () => {
  it("shows every invoice when no party is asked for", () => {
    expect(invoicesFor(invoices, null)).toEqual({ parties: invoices, party: null, missing: false });
  });

  it("shows the one asked for", () => {
    expect(invoicesFor(invoices, "8")).toEqual({ parties: [invoices[1]], party: invoices[1], missing: false });
  });

  it("says so when the organisation asked for has nothing to pay that year", () => {
    expect(invoicesFor(invoices, "3")).toEqual({ parties: [], party: null, missing: true });
  });
});
