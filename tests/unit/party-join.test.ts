/**
 * A party joining the collaboration: the day its membership begins as the party page's status
 * form takes it (`memberSinceError`, `partyStatusChanges`), and the cost split counting it from
 * the year that day falls in (`isPartyInYear`, `yearShares`), whole years as on exit.
 */
import { describe, expect, it } from "vitest";
import { isPartyInYear, type PartyStatus } from "~/domain/agreement-terms";
import { yearShares, type YearParty } from "~/domain/invoice-basis";
import { memberSinceError, noticeError, partyStanding, partyStatusChanges, partyTimeline } from "~/domain/party-notice";

const START = "2023-01-01";
const TODAY = "2026-11-25";
const invited = { status: "inbjuden" as PartyStatus, memberSince: null, exitDate: null };
const member = { status: "medlem" as PartyStatus, memberSince: "2023-01-01", exitDate: null };
const join = (memberSince: string | null, status: PartyStatus = "medlem") => ({ status, memberSince });

describe("the day a membership begins, as the status form takes it", () => {
  it("is asked of a party that becomes a member, from either status before membership", () => {
    for (const status of ["inbjuden", "inriktningsbeslut fattat"] as const)
      expect(memberSinceError({ ...invited, status }, join(null), START, TODAY)).toMatch(
        /^Ange datumet då medlemskapet börjar, till exempel 2026-12-31/,
      );
  });

  it("takes 1 January, a later day, a leap day and a day in a coming year", () => {
    for (const day of ["2026-01-01", "2026-11-25", "2026-12-31", "2027-01-01", "2028-02-29"])
      expect(memberSinceError(invited, join(day), START, TODAY), day).toBeNull();
  });

  it("refuses a day that does not exist, such as 29 February in a common year", () => {
    for (const day of ["2027-02-29", "2026-13-01", "2026-12-32"])
      expect(memberSinceError(invited, join(day), START, TODAY), day).toBe(
        "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-31.",
      );
  });

  it("refuses a day before the agreement began", () => {
    expect(memberSinceError(invited, join("2026-06-01"), "2027-01-01", TODAY)).toBe(
      "Medlemskapet kan inte börja före avtalets början (2027-01-01).",
    );
    expect(memberSinceError(invited, join("2027-01-01"), "2027-01-01", TODAY)).toBeNull();
  });

  it("refuses a day in a year already billed: the others' shares of that year would change", () => {
    expect(memberSinceError(invited, join("2025-12-31"), START, TODAY)).toBe(
      "Medlemskapet kan börja tidigast 2026-01-01: åren före 2026 är redan fördelade och fakturerade, och ett inträde 2025-12-31 skulle ändra dem.",
    );
    // A member whose membership has not begun yet is moved like a new one.
    expect(memberSinceError({ ...member, memberSince: "2027-01-01" }, join("2026-03-01"), START, TODAY)).toBeNull();
    expect(memberSinceError({ ...member, memberSince: "2027-01-01" }, join("2025-03-01"), START, TODAY)).toMatch(
      /^Medlemskapet kan börja tidigast 2026-01-01/,
    );
  });

  it("lets a member's day be corrected within its year, but not moved across billed years", () => {
    expect(memberSinceError(member, join("2023-03-01"), START, TODAY)).toBeNull();
    expect(memberSinceError(member, join("2024-01-01"), START, TODAY)).toMatch(
      /^Parten har varit medlem sedan 2023-01-01 och ingår i tidigare års kostnadsfördelning/,
    );
    expect(memberSinceError({ ...member, memberSince: "2026-01-01" }, join("2026-09-01"), START, TODAY)).toBeNull();
    expect(memberSinceError({ ...member, memberSince: "2026-01-01" }, join("2027-01-01"), START, TODAY)).toBeNull();
    expect(memberSinceError({ ...member, memberSince: "2025-05-01" }, join("2026-01-01"), START, TODAY)).toMatch(
      /^Parten har varit medlem sedan 2025-05-01/,
    );
  });

  it("keeps a member recorded without a day as one since the agreement began", () => {
    const old = { ...member, memberSince: null };
    expect(memberSinceError(old, join(null), START, TODAY)).toBeNull();
    expect(memberSinceError(old, join("2023-06-01"), START, TODAY)).toBeNull();
    expect(memberSinceError(old, join("2025-01-01"), START, TODAY)).toMatch(
      /^Parten har varit medlem sedan avtalets början/,
    );
    // A day once recorded is not emptied: that would count the party from the agreement's start.
    expect(memberSinceError(member, join(null), START, TODAY)).toMatch(/^Ange datumet då medlemskapet börjar/);
  });

  it("refuses a membership beginning after the party's last day, unless the notice is withdrawn", () => {
    const leaving = { status: "uppsagd" as PartyStatus, memberSince: "2026-01-01", exitDate: "2026-12-31" };
    expect(memberSinceError(leaving, join("2027-01-01", "uppsagd"), START, TODAY)).toBe(
      "Medlemskapet kan inte börja efter partens sista dag som part (2026-12-31).",
    );
    expect(memberSinceError(leaving, join("2026-12-31", "uppsagd"), START, TODAY)).toBeNull();
    // Back to member: the notice and its last day no longer apply.
    expect(memberSinceError(leaving, join("2027-01-01", "medlem"), START, TODAY)).toBeNull();
  });

  it("has no day for a status before membership", () => {
    expect(memberSinceError(invited, join(null, "inriktningsbeslut fattat"), START, TODAY)).toBeNull();
    expect(memberSinceError(invited, join("2027-01-01", "inriktningsbeslut fattat"), START, TODAY)).toMatch(
      /^Lämna datumet tomt/,
    );
    // A member not yet begun set back keeps the form's day, which is then cleared.
    const coming = { ...member, memberSince: "2027-01-01" };
    expect(memberSinceError(coming, join("2027-01-01", "inbjuden"), START, TODAY)).toBeNull();
    expect(partyStatusChanges({ status: "inbjuden", memberSince: "2027-01-01" })).toEqual({
      status: "inbjuden",
      memberSince: null,
    });
  });
});

describe("the cost split counts a party from the year its membership begins", () => {
  const party = (memberSince: string | null) => ({ status: "medlem" as PartyStatus, memberSince, exitDate: null });

  it("on 1 January or later in the year: the whole year, as a party leaving on 31 December pays its last year", () => {
    expect(isPartyInYear(party("2026-01-01"), 2025)).toBe(false);
    expect(isPartyInYear(party("2026-01-01"), 2026)).toBe(true);
    expect(isPartyInYear(party("2026-12-31"), 2026)).toBe(true);
    expect(isPartyInYear(party("2026-12-31"), 2025)).toBe(false);
    expect(isPartyInYear(party("2026-12-31"), 2027)).toBe(true);
  });

  it("on a leap day, and in a coming year", () => {
    expect(isPartyInYear(party("2028-02-29"), 2027)).toBe(false);
    expect(isPartyInYear(party("2028-02-29"), 2028)).toBe(true);
    expect(isPartyInYear(party("2031-07-01"), 2030)).toBe(false);
  });

  it("without a day: a member since the agreement began, in every year", () => {
    expect(isPartyInYear(party(null), 2023)).toBe(true);
    expect(isPartyInYear(party(null), 2030)).toBe(true);
  });

  it("splits each year among its parties only, to the krona", () => {
    const towns: (YearParty & { memberSince: string | null })[] = [
      { key: "Berg", name: "Berg", kind: "kommun", population: 6959, memberSince: null },
      { key: "Bräcke", name: "Bräcke", kind: "kommun", population: 6117, memberSince: "2023-01-01" },
      { key: "Ragunda", name: "Ragunda", kind: "kommun", population: 5102, memberSince: "2026-07-01" },
      { key: "Åre", name: "Åre", kind: "kommun", population: 12181, memberSince: "2028-02-29" },
    ];
    const region = { key: "R", name: "Region", kind: "region", population: null, memberSince: null };
    const splitOf = (year: number) =>
      yearShares({
        year,
        total: 1_000_001,
        regionBasisPoints: 4675,
        regionDecidedAmount: null,
        parties: [region, ...towns].filter((p) => isPartyInYear({ ...p, status: "medlem", exitDate: null }, year)),
      });
    const keys = (year: number) => splitOf(year).rows.map((r) => r.key);
    expect(keys(2025)).toEqual(["R", "Berg", "Bräcke"]);
    expect(keys(2026)).toEqual(["R", "Berg", "Bräcke", "Ragunda"]);
    expect(keys(2028)).toEqual(["R", "Berg", "Bräcke", "Ragunda", "Åre"]);
    for (const year of [2025, 2026, 2027, 2028]) {
      const split = splitOf(year);
      expect(
        split.rows.reduce((s, r) => s + r.share, 0),
        String(year),
      ).toBe(1_000_001);
      expect(split.rows.every((r) => Number.isInteger(r.share))).toBe(true);
    }
    // Ragunda's joining lowers the others' municipal shares from 2026, not before.
    const berg = (year: number) => splitOf(year).rows.find((r) => r.key === "Berg")!.share;
    expect(berg(2026)).toBeLessThan(berg(2025));
  });
});

describe("a written notice and the membership", () => {
  it("is recorded for a member, also one without a join day", () => {
    expect(noticeError(member, "2027-12-31")).toBeNull();
    expect(noticeError({ ...member, memberSince: null }, "2027-12-31")).toBeNull();
    expect(noticeError({ ...member, memberSince: "2027-12-31" }, "2027-12-31")).toBeNull();
  });

  it("is refused for a party that has not joined, or whose membership would begin after its exit", () => {
    for (const status of ["inbjuden", "inriktningsbeslut fattat"] as const)
      expect(noticeError({ status, memberSince: null }, "2027-12-31")).toMatch(/^Parten är inte medlem/);
    expect(noticeError({ ...member, memberSince: "2028-01-01" }, "2027-12-31")).toBe(
      "Uppsägningen skulle ge utträde 2027-12-31, före medlemskapets början 2028-01-01. Ska parten inte bli medlem, ändra dess status under Ändra status.",
    );
  });
});

describe("the party's timeline with a join day", () => {
  const joining = {
    status: "medlem" as PartyStatus,
    directionDecisionOn: null,
    memberSince: "2027-01-01",
    noticeReceivedOn: null,
    noticeFileId: null,
    exitDate: null,
  };
  it("says a membership not yet begun is coming, and one begun is held", () => {
    expect(partyTimeline(joining, "2026-11-25")).toEqual([{ date: "2027-01-01", text: "Blir medlem i samverkan" }]);
    expect(partyTimeline(joining, "2027-01-01")).toEqual([{ date: "2027-01-01", text: "Medlem i samverkan" }]);
  });
});

describe("the status a page shows on the day it is viewed (partyStanding)", () => {
  const on = (memberSince: string | null) => partyStanding({ status: "medlem", memberSince, exitDate: null }, TODAY);

  it("is Medlem for a membership that begins today or began before, and for a member without a date", () => {
    expect(on(TODAY)).toEqual({ text: "Medlem", tone: "ok" });
    expect(on("2023-01-01")).toEqual({ text: "Medlem", tone: "ok" });
    expect(on(null)).toEqual({ text: "Medlem", tone: "ok" });
  });

  it("says from which day a membership that begins on a coming day holds, not Medlem", () => {
    expect(on("2026-11-26")).toEqual({ text: "Medlem från 2026-11-26", tone: "neutral" });
    expect(on("2027-01-01")).toEqual({ text: "Medlem från 2027-01-01", tone: "neutral" });
  });

  it("shows notice with its exit day, and a party past that day as left", () => {
    const gaveNotice = { status: "uppsagd" as PartyStatus, memberSince: null, exitDate: "2026-12-31" };
    expect(partyStanding(gaveNotice, TODAY)).toEqual({
      text: "Har sagt upp avtalet – utträde den 2026-12-31",
      tone: "warn",
    });
    expect(partyStanding(gaveNotice, "2027-01-01")).toEqual({ text: "Utträdd 2026-12-31", tone: "bad" });
  });

  it("shows a party before membership as its status", () => {
    expect(partyStanding(invited, TODAY)).toEqual({ text: "Inbjuden", tone: "neutral" });
  });
});
