import { describe, expect, it } from "vitest";
import {
  agreementEndDate,
  agreementPhase,
  deadlineWarning,
  isPartyInYear,
  partyStatusOn,
  currentTerm,
  earliestExit,
  exitDateForNotice,
  noticeToRecord,
  exitOptions,
  isTimelyNotice,
  noticeDeadlineForTermEnd,
  termNumber,
  validateTerms,
  type AgreementTerms,
} from "~/domain/agreement-terms";
import { addDays, addMonths, daysBetween, easterSunday, nonWorkingDayName } from "~/domain/calendar-dates";

const miniMaria: AgreementTerms = {
  firstTermStart: "2023-01-01",
  firstTermEnd: "2023-12-31",
  noticeMonths: 12,
  renewalMonths: 12,
};

describe("calendar dates", () => {
  it("clamps month ends and handles leap years", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2024-02-29", 48)).toBe("2028-02-29");
    expect(addMonths("2027-01-01", -12)).toBe("2026-01-01");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(daysBetween("2026-11-23", "2026-12-31")).toBe(38);
    expect(daysBetween("2026-12-31", "2026-11-23")).toBe(-38);
  });
});

describe("the Mini-Maria agreement (domain example)", () => {
  it("is on 2026-11-23 in its fourth term after three renewals", () => {
    expect(currentTerm(miniMaria, "2026-11-23")).toEqual({ start: "2026-01-01", end: "2026-12-31", renewals: 3 });
  });
  it("requires notice by 2026-12-31 to leave at the end of 2027", () => {
    expect(noticeDeadlineForTermEnd("2027-12-31", 12)).toBe("2026-12-31");
  });
  it("says the chance to leave at the end of 2026 has passed and the earliest exit is 2027-12-31, 38 days left", () => {
    const status = exitOptions(miniMaria, "2026-11-23");
    expect(status.currentTermDeadline).toBe("2025-12-31");
    expect(status.currentTermDeadlinePassed).toBe(true);
    expect(status.nextPossibleExit).toEqual({ termEnd: "2027-12-31", noticeDeadline: "2026-12-31", daysLeft: 38 });
  });
  it("counts a notice on the deadline day, and moves one a day late a whole term", () => {
    expect(exitDateForNotice(miniMaria, "2026-12-31")).toEqual({
      ok: true,
      exitDate: "2027-12-31",
      noticeDeadline: "2026-12-31",
    });
    expect(exitDateForNotice(miniMaria, "2027-01-01")).toEqual({
      ok: true,
      exitDate: "2028-12-31",
      noticeDeadline: "2027-12-31",
    });
    expect(earliestExit(miniMaria, "2026-12-31").daysLeft).toBe(0);
  });
  it("records a notice received today or earlier with its exit date, and refuses one not yet received", () => {
    expect(noticeToRecord(miniMaria, "2026-11-24", "2026-11-24")).toEqual({
      ok: true,
      exitDate: "2027-12-31",
      noticeDeadline: "2026-12-31",
    });
    expect(noticeToRecord(miniMaria, "2026-01-15", "2026-11-24")).toMatchObject({ ok: true, exitDate: "2027-12-31" });
    const future = noticeToRecord(miniMaria, "2026-11-25", "2026-11-24");
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.error).toMatch(/i framtiden. Använd Tänk om/);
    // A malformed or too early date gets the same words as any notice.
    expect(noticeToRecord(miniMaria, "2026-13-01", "2026-11-24")).toEqual({
      ok: false,
      error: "Skriv datumet som ÅÅÅÅ-MM-DD.",
    });
    expect(noticeToRecord(miniMaria, "2022-12-31", "2026-11-24")).toMatchObject({ ok: false });
  });
  it("refuses a notice dated before the agreement began", () => {
    const result = exitDateForNotice(miniMaria, "2022-12-31");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/före avtalets början/);
  });
  it("lets a notice in the first months of the first term end the first term... only if 12 months remain", () => {
    expect(exitDateForNotice(miniMaria, "2023-01-01")).toMatchObject({ exitDate: "2024-12-31" });
  });
  it("treats a date before the start as the first term with no renewals", () => {
    expect(currentTerm(miniMaria, "2022-06-03")).toEqual({ start: "2023-01-01", end: "2023-12-31", renewals: 0 });
  });
});

describe("leap years and month ends", () => {
  it("renews a term ending on 29 February to the last day of February", () => {
    const terms: AgreementTerms = {
      firstTermStart: "2023-03-01",
      firstTermEnd: "2024-02-29",
      noticeMonths: 12,
      renewalMonths: 12,
    };
    expect(termNumber(terms, 1)).toEqual({ start: "2024-03-01", end: "2025-02-28", renewals: 1 });
    expect(termNumber(terms, 4)).toEqual({ start: "2027-03-01", end: "2028-02-29", renewals: 4 });
    expect(noticeDeadlineForTermEnd("2028-02-29", 12)).toBe("2027-02-28");
    expect(currentTerm(terms, "2028-02-29").renewals).toBe(4);
    expect(currentTerm(terms, "2028-03-01").renewals).toBe(5);
  });
  it("handles a first term starting on 29 February", () => {
    const terms: AgreementTerms = {
      firstTermStart: "2024-02-29",
      firstTermEnd: "2025-02-28",
      noticeMonths: 3,
      renewalMonths: 12,
    };
    expect(currentTerm(terms, "2025-03-01")).toEqual({ start: "2025-03-01", end: "2026-02-28", renewals: 1 });
    // 30 November plus three months is 28 February (clamped): still in time.
    expect(noticeDeadlineForTermEnd("2026-02-28", 3)).toBe("2025-11-30");
    expect(isTimelyNotice("2025-12-01", "2026-02-28", 3)).toBe(false);
  });
  it("keeps month-end terms at the month's end (31 August, 6 months' notice → end of February)", () => {
    const terms: AgreementTerms = {
      firstTermStart: "2025-09-01",
      firstTermEnd: "2026-08-31",
      noticeMonths: 6,
      renewalMonths: 12,
    };
    expect(termNumber(terms, 1).end).toBe("2027-08-31");
    expect(noticeDeadlineForTermEnd("2027-08-31", 6)).toBe("2027-02-28");
    expect(noticeDeadlineForTermEnd("2028-08-31", 6)).toBe("2028-02-29");
    expect(isTimelyNotice("2027-02-28", "2027-08-31", 6)).toBe(true);
    expect(isTimelyNotice("2027-03-01", "2027-08-31", 6)).toBe(false);
  });
  it("gives 30 June with 6 months' notice the deadline 31 December", () => {
    expect(noticeDeadlineForTermEnd("2027-06-30", 6)).toBe("2026-12-31");
  });
  it("renews every six months when so agreed", () => {
    const terms: AgreementTerms = {
      firstTermStart: "2023-01-01",
      firstTermEnd: "2023-12-31",
      noticeMonths: 3,
      renewalMonths: 6,
    };
    expect(termNumber(terms, 1)).toEqual({ start: "2024-01-01", end: "2024-06-30", renewals: 1 });
    expect(termNumber(terms, 2)).toEqual({ start: "2024-07-01", end: "2024-12-31", renewals: 2 });
    expect(noticeDeadlineForTermEnd("2024-06-30", 3)).toBe("2024-03-31");
  });
  it("accepts a one-month notice period and no notice at all", () => {
    expect(noticeDeadlineForTermEnd("2027-03-31", 1)).toBe("2027-02-28");
    expect(noticeDeadlineForTermEnd("2027-12-31", 0)).toBe("2027-12-31");
  });
});

describe("renewals over many years", () => {
  it("counts 57 renewals by mid-2080", () => {
    expect(currentTerm(miniMaria, "2080-06-15")).toEqual({ start: "2080-01-01", end: "2080-12-31", renewals: 57 });
  });
  it("agrees with a term-by-term walk for every month end over 60 years, for several term shapes", () => {
    const shapes: AgreementTerms[] = [
      miniMaria,
      { firstTermStart: "2023-03-01", firstTermEnd: "2024-02-29", noticeMonths: 12, renewalMonths: 12 },
      { firstTermStart: "2025-09-01", firstTermEnd: "2026-08-31", noticeMonths: 6, renewalMonths: 6 },
      { firstTermStart: "2024-01-31", firstTermEnd: "2024-04-30", noticeMonths: 1, renewalMonths: 1 },
    ];
    for (const terms of shapes) {
      let k = 0;
      let term = termNumber(terms, 0);
      for (let day = terms.firstTermStart; day < "2085-01-01"; day = addDays(day, 17)) {
        while (term.end < day) term = termNumber(terms, ++k);
        expect(currentTerm(terms, day)).toEqual(term);
        // Terms follow each other without gaps.
        expect(addDays(termNumber(terms, k).end, 1)).toBe(termNumber(terms, k + 1).start);
      }
    }
  });
});

describe("validation and the end of the agreement", () => {
  it("refuses a term end before its start and nonsense months", () => {
    expect(
      validateTerms({
        firstTermStart: "2023-01-01",
        firstTermEnd: "2022-12-31",
        noticeMonths: "12",
        renewalMonths: "12",
      }),
    ).toEqual({
      firstTermEnd: "Avtalsperioden kan inte sluta innan den börjar.",
    });
    expect(
      Object.keys(
        validateTerms({ firstTermStart: "2023-02-30", firstTermEnd: "x", noticeMonths: "-1", renewalMonths: "0" }),
      ).sort(),
    ).toEqual(["firstTermEnd", "firstTermStart", "noticeMonths", "renewalMonths"]);
  });
  it("ends the agreement with the last party's exit when all have given notice", () => {
    expect(agreementEndDate(["2027-12-31", "2028-12-31"])).toBe("2028-12-31");
    expect(agreementEndDate(["2027-12-31", null])).toBeNull();
  });
});

describe("Swedish non-working days and deadlines on them", () => {
  it("knows the public holidays, the eves offices keep closed, and weekends", () => {
    expect(nonWorkingDayName("2026-12-31")).toBe("nyårsafton");
    expect(nonWorkingDayName("2026-12-24")).toBe("julafton");
    expect(nonWorkingDayName("2026-01-06")).toBe("trettondedag jul");
    expect(nonWorkingDayName("2026-06-06")).toBe("Sveriges nationaldag");
    // Easter 2026 is 5 April; 2024 was 31 March; 2025 was 20 April.
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(nonWorkingDayName("2026-04-03")).toBe("långfredagen");
    expect(nonWorkingDayName("2026-04-06")).toBe("annandag påsk");
    expect(nonWorkingDayName("2026-05-14")).toBe("Kristi himmelsfärdsdag");
    expect(nonWorkingDayName("2026-06-19")).toBe("midsommarafton");
    expect(nonWorkingDayName("2026-11-21")).toBe("lördag");
    expect(nonWorkingDayName("2026-11-22")).toBe("söndag");
    expect(nonWorkingDayName("2026-11-23")).toBeNull();
    expect(nonWorkingDayName("2026-12-30")).toBeNull();
  });
  it("warns that a notice due on nyårsafton must have arrived by then; no warning on a working day", () => {
    expect(deadlineWarning("2026-12-31")).toContain("2026-12-31 är nyårsafton");
    expect(deadlineWarning("2026-12-31")).toContain("måste ha kommit in senast den dagen");
    expect(deadlineWarning("2027-06-30")).toBeNull();
  });
});

describe("an agreement not yet in force", () => {
  const coming: AgreementTerms = {
    firstTermStart: "2027-01-01",
    firstTermEnd: "2027-12-31",
    noticeMonths: 12,
    renewalMonths: 12,
  };
  it("shows its coming first term, without an error", () => {
    expect(agreementPhase(coming, "2026-11-23")).toBe("kommande");
    expect(agreementPhase(coming, "2027-01-01")).toBe("gäller");
    const s = exitOptions(coming, "2026-11-23");
    expect(s.phase).toBe("kommande");
    expect(s.currentTerm).toEqual({ start: "2027-01-01", end: "2027-12-31", renewals: 0 });
    expect(s.nextPossibleExit).toEqual({ termEnd: "2027-12-31", noticeDeadline: "2026-12-31", daysLeft: 38 });
  });
});

describe("a party's status on a date", () => {
  it("becomes Utträdd (utträtt) the day after its exit date", () => {
    const party = { status: "uppsagd" as const, exitDate: "2027-12-31" };
    expect(partyStatusOn(party, "2027-12-31")).toBe("uppsagd");
    expect(partyStatusOn(party, "2028-01-01")).toBe("utträtt");
    expect(partyStatusOn({ status: "medlem", exitDate: null }, "2030-01-01")).toBe("medlem");
    expect(partyStatusOn({ status: "uppsagd", exitDate: null }, "2030-01-01")).toBe("uppsagd");
  });
});

describe("who pays in a budget year", () => {
  const member = { status: "medlem" as const, memberSince: "2023-01-01", exitDate: null };
  it("counts members from the year they join, and a leaving party through the year of its exit date", () => {
    expect(isPartyInYear(member, 2023)).toBe(true);
    expect(isPartyInYear({ ...member, memberSince: "2024-07-01" }, 2023)).toBe(false);
    expect(isPartyInYear({ ...member, memberSince: "2024-07-01" }, 2024)).toBe(true);
    const leaving = { status: "uppsagd" as const, memberSince: "2023-01-01", exitDate: "2027-12-31" };
    expect(isPartyInYear(leaving, 2027)).toBe(true);
    expect(isPartyInYear(leaving, 2028)).toBe(false);
    expect(isPartyInYear({ ...leaving, exitDate: "2027-06-30" }, 2027)).toBe(true);
  });
  it("does not count parties that have only been invited or taken a direction decision", () => {
    expect(isPartyInYear({ ...member, status: "inbjuden" }, 2030)).toBe(false);
    expect(isPartyInYear({ ...member, status: "inriktningsbeslut fattat" }, 2030)).toBe(false);
  });
});
