import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { parties } from "../../db/schema";
import { auditChanges, auditSentence } from "~/domain/audit-text";
import {
  agreementEndsOn,
  partyNoticeChanges,
  partyTimeline,
  partyStatusChanges,
  remindOfNoticeDeadline,
  statusChangeError,
} from "~/domain/party-notice";
import { PARTY_STATUSES } from "~/domain/agreement-terms";

const member = {
  id: 7,
  collaborationId: 1,
  organisationId: 12,
  role: "part",
  registrarEmail: "registrator@kommun.example",
  memberSince: "2024-01-01",
  branchClinic: "Mottagningen i Ös",
  status: "medlem" as const,
  directionDecisionOn: "2023-05-10",
  noticeReceivedOn: null,
  noticeFileId: null as number | null,
  exitDate: null,
  withdrawalNote: "",
  contactPersonId: null,
  version: 3,
  createdAt: "2023-05-10 10:00:00",
};

describe("partyNoticeChanges", () => {
  const notice = { receivedOn: "2026-03-02", exitDate: "2027-12-31", note: "Förhandling om avveckling", fileId: 40 };

  it("makes the party 'uppsagd' with the dates, the note and the letter", () => {
    expect(partyNoticeChanges(member, notice)).toEqual({
      status: "uppsagd",
      noticeReceivedOn: "2026-03-02",
      exitDate: "2027-12-31",
      withdrawalNote: "Förhandling om avveckling",
      noticeFileId: 40,
    });
  });

  it("keeps the letter already on file when the notice is recorded again without one", () => {
    expect(partyNoticeChanges({ noticeFileId: 33 }, { ...notice, fileId: null }).noticeFileId).toBe(33);
    expect(partyNoticeChanges({ noticeFileId: null }, { ...notice, fileId: null }).noticeFileId).toBeNull();
  });

  it("replaces the letter on file by a new one", () => {
    expect(partyNoticeChanges({ noticeFileId: 33 }, notice).noticeFileId).toBe(40);
  });
});

describe("partyStatusChanges", () => {
  const values = { withdrawalNote: "", branchClinic: "", memberSince: "2024-01-01" };

  it("clears the notice and the exit date when the party is a member again", () => {
    expect(partyStatusChanges({ ...values, status: "medlem" })).toEqual({
      ...values,
      status: "medlem",
      noticeReceivedOn: null,
      exitDate: null,
    });
  });

  it.each(["uppsagd", "utträtt"] as const)("keeps the notice for %s", (status) => {
    expect(partyStatusChanges({ ...values, status })).toEqual({ ...values, status });
  });

  it.each(["inbjuden", "inriktningsbeslut fattat"] as const)(
    "keeps the notice and clears the day membership began for %s",
    (status) => {
      expect(partyStatusChanges({ ...values, status })).toEqual({ ...values, status, memberSince: null });
    },
  );
});

describe("partyTimeline", () => {
  it("tells the party's history oldest first", () => {
    const noticed = { ...member, status: "uppsagd" as const, noticeReceivedOn: "2026-03-02", exitDate: "2027-12-31" };
    expect(partyTimeline(noticed, "2026-06-01")).toEqual([
      { date: "2023-05-10", text: "Inriktningsbeslut fattat" },
      { date: "2024-01-01", text: "Medlem i samverkan" },
      { date: "2026-03-02", text: "Skriftlig uppsägning mottagen" },
      { date: "2027-12-31", text: "Sista dag som part" },
    ]);
  });

  it("says the letter is on file and that the party has left once the exit date has passed", () => {
    const noticed = {
      ...member,
      status: "uppsagd" as const,
      noticeReceivedOn: "2026-03-02",
      exitDate: "2027-12-31",
      noticeFileId: 40,
    };
    const onExitDay = partyTimeline(noticed, "2027-12-31");
    expect(onExitDay.at(-1)).toEqual({ date: "2027-12-31", text: "Sista dag som part" });
    const after = partyTimeline(noticed, "2028-01-01");
    expect(after.at(-2)?.text).toBe("Skriftlig uppsägning mottagen (brevet finns som fil)");
    expect(after.at(-1)).toEqual({ date: "2027-12-31", text: "Utträdd" });
  });

  it("is empty for an invited party with no dates, and sorts dates entered out of order", () => {
    expect(
      partyTimeline({ ...member, status: "inbjuden", directionDecisionOn: null, memberSince: null }, "2026-01-01"),
    ).toEqual([]);
    const odd = { ...member, memberSince: "2022-01-01", directionDecisionOn: "2023-05-10" };
    expect(partyTimeline(odd, "2026-01-01").map((e) => e.date)).toEqual(["2022-01-01", "2023-05-10"]);
  });
});

describe("agreementEndsOn", () => {
  it("is the last exit when every party has given notice or left", () => {
    expect(
      agreementEndsOn([
        { status: "uppsagd", exitDate: "2028-12-31" },
        { status: "utträtt", exitDate: "2027-12-31" },
      ]),
    ).toBe("2028-12-31");
  });

  it("is none while any party stays, or when there are no parties", () => {
    expect(
      agreementEndsOn([
        { status: "uppsagd", exitDate: "2028-12-31" },
        { status: "medlem", exitDate: null },
      ]),
    ).toBeNull();
    expect(agreementEndsOn([])).toBeNull();
  });

  it("ignores an exit date stored on a party that is a member again", () => {
    expect(agreementEndsOn([{ status: "medlem", exitDate: "2027-12-31" }])).toBeNull();
  });
});

describe("the audit log's text for a party's notice", () => {
  const before = member;
  const after = {
    ...member,
    ...partyNoticeChanges(member, { receivedOn: "2026-03-02", exitDate: "2027-12-31", note: "Avveckling", fileId: 40 }),
    version: 4,
  };

  it("names each changed field in Swedish", () => {
    expect(auditChanges(JSON.stringify(before), JSON.stringify(after))).toEqual([
      { field: "Status", before: "”medlem”", after: "”uppsagd”" },
      { field: "Uppsägning mottagen", before: "–", after: "”2026-03-02”" },
      { field: "Uppsägningsbrevet (fil)", before: "–", after: "40" },
      { field: "Sista dag som part", before: "–", after: "”2027-12-31”" },
      { field: "Utträde och avveckling", before: "–", after: "”Avveckling”" },
      { field: "Version", before: "3", after: "4" },
    ]);
    expect(
      auditSentence({
        action: "update",
        entityType: "party_notice",
        entityId: "7",
        before: JSON.stringify(before),
        after: JSON.stringify(after),
        actorName: "Sara Samordnare",
      }),
    ).toBe("Sara Samordnare ändrade en uppsägning (nr 7).");
  });

  it("has a Swedish label for every column of a party, so no field reads as code", () => {
    // Without a label a key is shown humanised ("withdrawalNote" → "Withdrawal note"): English in the log.
    const humanised = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
    const sameInSwedish = new Set(["status", "version"]);
    for (const key of Object.keys(getTableColumns(parties))) {
      const [change] = auditChanges(null, JSON.stringify({ [key]: "x" }));
      if (!sameInSwedish.has(key)) expect(change.field.toLowerCase(), key).not.toBe(humanised(key));
    }
  });
});

describe("statusChangeError", () => {
  const today = "2026-11-25";
  it("lets the status form set the ladder's first steps and member, but not notice or exit without a recorded notice", () => {
    const invited = { ...member, status: "inbjuden" as const, memberSince: null };
    for (const status of ["inriktningsbeslut fattat", "medlem"] as const)
      expect(statusChangeError(invited, status, today)).toBeNull();
    expect(statusChangeError(member, "medlem", today)).toBeNull();
    expect(statusChangeError(member, "uppsagd", today)).toMatch(/Registrera den skriftliga uppsägningen/);
    expect(statusChangeError(member, "utträtt", today)).toMatch(/Registrera den skriftliga uppsägningen/);
  });

  it("shows a party that has given notice as left only after its last day", () => {
    const noticed = (exitDate: string) => ({ ...member, status: "uppsagd" as const, exitDate });
    expect(statusChangeError(noticed("2027-12-31"), "uppsagd", today)).toBeNull();
    expect(statusChangeError(noticed("2027-12-31"), "utträtt", today)).toBe(
      "Parten är part till och med 2027-12-31 enligt uppsägningen och visas som utträdd från dagen efter.",
    );
    expect(statusChangeError(noticed(today), "utträtt", today)).not.toBeNull();
    expect(statusChangeError(noticed("2025-12-31"), "utträtt", today)).toBeNull();
  });

  it("lets a running notice be withdrawn, but does not make a party that has left a member again", () => {
    const noticed = (exitDate: string) => ({ ...member, status: "uppsagd" as const, exitDate });
    expect(statusChangeError(noticed("2027-12-31"), "medlem", today)).toBeNull();
    expect(statusChangeError(noticed(today), "medlem", today)).toBeNull();
    expect(statusChangeError(noticed("2026-11-24"), "medlem", today)).toBe(
      "Parten lämnade samverkan 2026-11-24. Ska den bli part igen läggs den till som ny part med ett nytt inträdesdatum.",
    );
    expect(statusChangeError({ ...member, status: "utträtt", exitDate: "2025-12-31" }, "medlem", today)).not.toBeNull();
  });

  it("never puts a party that has been a member back before membership, which would rewrite billed years", () => {
    expect(statusChangeError({ ...member, memberSince: "2023-01-01" }, "inbjuden", today)).toBe(
      "Parten har varit medlem sedan 2023-01-01 och ingår i tidigare års kostnadsfördelning och fakturaunderlag, så den kan inte sättas tillbaka till en status före medlemskapet. Ska parten lämna samverkan registreras den skriftliga uppsägningen i formuläret nedan.",
    );
    // No join date: the party counts in every year since the agreement's start.
    expect(statusChangeError({ ...member, memberSince: null }, "inriktningsbeslut fattat", today)).toMatch(
      /^Parten har varit medlem sedan avtalets start/,
    );
  });

  // Every status pair, with a join date before, on and after today and none.
  const joined = { before: "2023-01-01", on: today, after: "2027-01-01", none: null } as const;
  const beforeMembership = ["inbjuden", "inriktningsbeslut fattat"];
  for (const from of PARTY_STATUSES)
    for (const to of PARTY_STATUSES)
      for (const [when, memberSince] of Object.entries(joined))
        it(`from "${from}" to "${to}", joined ${when} today`, () => {
          const party = {
            ...member,
            status: from,
            memberSince,
            exitDate: from === "uppsagd" || from === "utträtt" ? "2025-12-31" : null,
          };
          const error = statusChangeError(party, to, today);
          const wasMember = !beforeMembership.includes(from) && when !== "after";
          if (from === to) expect(error).toBeNull();
          else if (beforeMembership.includes(to) && wasMember) expect(error).toMatch(/^Parten har varit medlem sedan/);
          else expect(error ?? "").not.toMatch(/har varit medlem/);
          if (from !== to && beforeMembership.includes(to) && !wasMember) expect(error).toBeNull();
        });
});

describe("who is reminded of the last day to give notice", () => {
  // The reminder on 2026-12-01 is about the deadline 2026-12-31, to leave at the end of 2027.
  const TERM_END = "2027-12-31";
  const TODAY = "2026-12-01";
  const member = { status: "medlem" as const, memberSince: "2023-01-01", noticeReceivedOn: null, exitDate: null };

  it("reminds a member that has not given notice, and no other status", () => {
    for (const status of PARTY_STATUSES)
      expect([status, remindOfNoticeDeadline({ ...member, status }, TERM_END, TODAY)]).toEqual([
        status,
        status === "medlem",
      ]);
    expect(remindOfNoticeDeadline({ ...member, memberSince: null }, TERM_END, TODAY)).toBe(true);
  });

  it("does not remind a party that has given notice, whether its exit date is ahead, today or past", () => {
    const gaveNotice = { status: "uppsagd" as const, memberSince: "2023-01-01", noticeReceivedOn: "2025-11-20" };
    for (const exitDate of ["2026-12-31", TODAY, "2026-11-30", "2025-12-31"])
      expect([exitDate, remindOfNoticeDeadline({ ...gaveNotice, exitDate }, TERM_END, TODAY)]).toEqual([
        exitDate,
        false,
      ]);
    // Stored as "uppsagd" the day after its exit date: shown as left, still not reminded.
    expect(remindOfNoticeDeadline({ ...gaveNotice, exitDate: "2026-11-30" }, TERM_END, "2026-12-01")).toBe(false);
    expect(remindOfNoticeDeadline({ ...gaveNotice, status: "utträtt", exitDate: "2025-12-31" }, TERM_END, TODAY)).toBe(
      false,
    );
  });

  it("does not remind a member row that carries a notice's dates", () => {
    expect(remindOfNoticeDeadline({ ...member, noticeReceivedOn: "2026-11-20" }, TERM_END, TODAY)).toBe(false);
    expect(remindOfNoticeDeadline({ ...member, exitDate: "2027-12-31" }, TERM_END, TODAY)).toBe(false);
  });

  it("reminds a member that joins by the term's last day, not one that joins after it", () => {
    expect(remindOfNoticeDeadline({ ...member, memberSince: "2027-06-01" }, TERM_END, TODAY)).toBe(true);
    expect(remindOfNoticeDeadline({ ...member, memberSince: TERM_END }, TERM_END, TODAY)).toBe(true);
    expect(remindOfNoticeDeadline({ ...member, memberSince: "2028-01-01" }, TERM_END, TODAY)).toBe(false);
  });

  it("does not remind a party only invited or with a direction decision, even with a joining day set", () => {
    for (const status of ["inbjuden", "inriktningsbeslut fattat"] as const)
      expect(remindOfNoticeDeadline({ ...member, status, memberSince: "2027-01-01" }, TERM_END, TODAY)).toBe(false);
  });
});
