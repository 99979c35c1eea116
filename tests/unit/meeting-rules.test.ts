import { describe, expect, it } from "vitest";
import { decisionYear } from "~/domain/decisions";
import { calendarFrom } from "~/domain/ics";
import {
  agendaChangeRefusal,
  IMMEDIATELY_APPROVED_MESSAGE,
  immediatelyApprovedRefusal,
  isSigned,
  itemRemovalRefusal,
  openFileCount,
  secretaryName,
  STANDARD_ITEMS,
  noticeIsNews,
  publishRefusal,
} from "~/domain/meetings";

describe("isSigned and agendaChangeRefusal", () => {
  it("lock the agenda once the minutes are signed", () => {
    expect(isSigned({ status: "justerat" })).toBe(true);
    expect(agendaChangeRefusal({ status: "justerat" })).toBe("Protokollet är justerat; dagordningen kan inte ändras.");
  });

  it.each([undefined, null, { status: "utkast" }, { status: "för justering" }, { status: "" }])(
    "leave the agenda open for minutes %j",
    (minutes) => {
      expect(isSigned(minutes)).toBe(false);
      expect(agendaChangeRefusal(minutes)).toBeNull();
    },
  );
});

describe("itemRemovalRefusal", () => {
  it.each(STANDARD_ITEMS.map((i) => i.key))("keeps the standard item %s on the agenda", (standard) => {
    expect(itemRemovalRefusal({ standard })).toBe("Standardpunkterna kan inte tas bort.");
  });

  it("keeps a body's own standard item too", () => {
    expect(itemRemovalRefusal({ standard: "egen-3" })).toBe("Standardpunkterna kan inte tas bort.");
  });

  it("lets the secretary remove any other item", () => {
    expect(itemRemovalRefusal({ standard: null })).toBeNull();
    expect(itemRemovalRefusal({ standard: null }, null)).toBeNull();
  });

  it("keeps an item the minutes have numbered, naming its §", () => {
    expect(itemRemovalRefusal({ standard: null }, { paragraph: 7 })).toBe(
      "Punkten har § 7 i protokollet och kan inte tas bort. Skriv i paragrafen att punkten utgick.",
    );
  });
});

describe("immediatelyApprovedRefusal", () => {
  it("locks an item whose § was approved at the meeting", () => {
    expect(immediatelyApprovedRefusal({ approvedImmediately: true })).toBe(IMMEDIATELY_APPROVED_MESSAGE);
  });

  it.each([undefined, null, { approvedImmediately: false }])("leaves the item open for %j", (decision) => {
    expect(immediatelyApprovedRefusal(decision)).toBeNull();
  });
});

describe("secretaryName", () => {
  it("is the first secretary among the day's members", () => {
    expect(
      secretaryName([
        { role: "ordförande", name: "Ada" },
        { role: "sekreterare", name: "Sara" },
        { role: "sekreterare", name: "Sven" },
      ]),
    ).toBe("Sara");
  });

  it("is nobody when the body has no secretary that day", () => {
    expect(secretaryName([{ role: "ledamot", name: "Ada" }])).toBeNull();
    expect(secretaryName([])).toBeNull();
  });
});

describe("calendarFrom", () => {
  it("is the same day a year earlier", () => {
    expect(calendarFrom("2026-11-24")).toBe("2025-11-24");
    expect(calendarFrom("2027-01-01")).toBe("2026-01-01");
  });

  it("on a leap day gives a date string that still sorts between 28 February and 1 March", () => {
    const from = calendarFrom("2028-02-29");
    expect(from).toBe("2027-02-29");
    expect("2027-02-28" < from && from < "2027-03-01").toBe(true);
  });
});

describe("openFileCount", () => {
  const items = [
    { confidential: false, files: [1, 2] },
    { confidential: true, files: [3] },
    { confidential: false, files: [] },
  ];

  it("counts a confidential item's files only for those who may read it", () => {
    expect(openFileCount(items, false)).toBe(2);
    expect(openFileCount(items, true)).toBe(3);
  });

  it("is 0 for an agenda without files", () => {
    expect(openFileCount([], true)).toBe(0);
    expect(openFileCount([{ confidential: true, files: [] }], true)).toBe(0);
  });
});

describe("decisionYear", () => {
  it("is the calendar year of the decision date, which numbers the body's § series", () => {
    expect(decisionYear("2026-12-31")).toBe(2026);
    expect(decisionYear("2027-01-01")).toBe(2027);
  });
});

describe("publishRefusal (the secretary's press of Publicera)", () => {
  const shownAs = (version: number, notice: string) => ({ version, notice });
  it.each([
    // shown (version, notice fingerprint), now, changes since the last notice (null: none published), refused?
    [shownAs(3, "a"), shownAs(3, "a"), null, null],
    [shownAs(3, "a"), shownAs(3, "a"), 2, null],
    [undefined, shownAs(3, "a"), 1, null],
    [shownAs(2, "a"), shownAs(3, "a"), 1, "ändrats sedan sidan visades"],
    [shownAs(2, "a"), shownAs(3, "a"), null, "ändrats sedan sidan visades"],
    // The notice changed by a write that left the version (a redacted title): refused all the same.
    [shownAs(3, "a"), shownAs(3, "b"), null, "ändrats sedan sidan visades"],
    [shownAs(3, "a"), shownAs(3, "b"), 1, "ändrats sedan sidan visades"],
    [shownAs(3, "a"), shownAs(3, "a"), 0, "redan publicerad"],
    [undefined, shownAs(3, "a"), 0, "redan publicerad"],
  ] as const)("shown %o, now %o, %s changes: %s", (shown, now, changes, refused) => {
    const refusal = publishRefusal(shown, now, changes);
    if (refused === null) expect(refusal).toBeNull();
    else expect(refusal).toContain(refused);
  });
});

describe("noticeIsNews (no mail about a meeting already held)", () => {
  it.each([
    [["2026-11-23"], true],
    [["2026-12-01"], true],
    [["2026-11-22"], false],
    [[], false],
    // Moved from a coming day into the past: the coming day is in calendars.
    [["2026-11-20", "2026-11-30"], true],
    [["2026-11-20", "2026-11-21"], false],
  ] as const)("%j on 2026-11-23: %s", (days, news) => {
    expect(noticeIsNews(days, "2026-11-23")).toBe(news);
  });
});
