import { describe, expect, it } from "vitest";
import { AGENDA_ITEM_KINDS, STANDARD_ITEMS } from "~/domain/meetings";
import type { AgendaItemKind } from "~/domain/meetings";
import {
  allSigned,
  carryOverTarget,
  appealStatement,
  approvalProblems,
  countVotes,
  defaultActingChair,
  defaultSecretary,
  describeVoteCount,
  draftDecisionOf,
  immediateApprovalProblem,
  isCarriedOver,
  isRegisterDecision,
  lastAppealDay,
  markHeldProblem,
  paragraphApproval,
  positionProblems,
  registerChoiceApplies,
  requiredSignersOf,
  signerProblems,
  signerRoleOf,
  type Participant,
} from "~/domain/minutes";

describe("register membership by item type", () => {
  it("never puts a procedural § in the register", () => {
    expect(isRegisterDecision({ kind: "formalia", recordAsDecision: false })).toBe(false);
    expect(isRegisterDecision({ kind: "formalia", recordAsDecision: true })).toBe(false);
  });

  it("makes every standard item procedural", () => {
    for (const item of STANDARD_ITEMS)
      expect(isRegisterDecision({ kind: item.kind, recordAsDecision: true })).toBe(false);
  });

  it.each(["information", "diskussion", "återrapportering"] as const)(
    "records %s only when the secretary says so",
    (kind) => {
      expect(registerChoiceApplies(kind)).toBe(true);
      expect(isRegisterDecision({ kind, recordAsDecision: false })).toBe(false);
      expect(isRegisterDecision({ kind, recordAsDecision: true })).toBe(true);
    },
  );

  it.each(["beslut", "rekommendation till parterna"] as const)("always records %s", (kind) => {
    expect(registerChoiceApplies(kind)).toBe(false);
    expect(isRegisterDecision({ kind, recordAsDecision: false })).toBe(true);
  });

  it("has a rule for every kind", () => {
    for (const kind of AGENDA_ITEM_KINDS)
      expect(typeof isRegisterDecision({ kind, recordAsDecision: false })).toBe("boolean");
  });
});

describe("immediate approval of a §", () => {
  it("is refused before the meeting's day", () => {
    expect(immediateApprovalProblem({ decisionText: "Beslut.", meetingDate: "2027-02-12", today: "2027-02-11" })).toBe(
      "Paragrafen kan inte justeras före mötesdagen (2027-02-12).",
    );
  });
  it("is refused without a decision text", () => {
    expect(immediateApprovalProblem({ decisionText: "  ", meetingDate: "2027-02-12", today: "2027-02-12" })).toMatch(
      /Skriv beslutet/,
    );
  });
  it("is allowed on and after the day with a text", () => {
    expect(immediateApprovalProblem({ decisionText: "Beslut.", meetingDate: "2027-02-12", today: "2027-02-12" })).toBe(
      null,
    );
    expect(immediateApprovalProblem({ decisionText: "Beslut.", meetingDate: "2028-02-29", today: "2028-03-01" })).toBe(
      null,
    );
  });
});

describe("who signs", () => {
  const P = (personId: number, role: Participant["role"], status: Participant["status"]): Participant => ({
    personId,
    name: `P${personId}`,
    role,
    status,
  });
  const board = (chairStatus: Participant["status"]) => [
    P(1, "ordförande", chairStatus),
    P(2, "vice ordförande", "närvarande"),
    P(3, "ledamot", "närvarande"),
    P(4, "ledamot", "närvarande"),
    P(5, "ledamot", "frånvarande"),
    P(6, "sekreterare", "närvarande"),
    P(7, "adjungerad", "närvarande"),
    P(8, "ersättare", "ersättare tjänstgör"),
  ];

  it("lets the chair lead when present, else the vice chair, else nobody by default", () => {
    expect(defaultActingChair(board("närvarande"))).toBe(1);
    expect(defaultActingChair(board("frånvarande"))).toBe(2);
    expect(defaultActingChair(board(null))).toBe(2);
    expect(defaultActingChair([P(1, "ordförande", "frånvarande"), P(3, "ledamot", "närvarande")])).toBeNull();
    expect(defaultSecretary(board("närvarande"))).toBe(6);
  });

  it("makes the acting chair, not the body's formal chair, a required signer, with the secretary and the justerare", () => {
    const choice = { actingChairPersonId: 2, secretaryPersonId: 6, adjusterPersonIds: [3, 4] };
    expect(signerProblems(choice, board("frånvarande"))).toEqual({});
    expect(requiredSignersOf(choice)).toEqual([
      { personId: 6, role: "sekreterare" },
      { personId: 2, role: "ordförande" },
      { personId: 3, role: "justerare" },
      { personId: 4, role: "justerare" },
    ]);
    expect(signerRoleOf(1, choice)).toBeNull();
    expect(signerRoleOf(2, choice)).toBe("ordförande");
    expect(signerRoleOf(6, choice)).toBe("sekreterare");
    expect(signerRoleOf(null, choice)).toBeNull();
    expect(allSigned(requiredSignersOf(choice), [6, 2, 3])).toBe(false);
    expect(allSigned(requiredSignersOf(choice), [4, 3, 2, 6])).toBe(true);
    expect(allSigned([], [])).toBe(false);
  });

  it("lets a serving deputy be justerare, never the secretary, an absent member, a co-opted member or the chair", () => {
    const people = board("frånvarande");
    const with_ = (adjusters: number[], chair = 2) =>
      signerProblems({ actingChairPersonId: chair, secretaryPersonId: 6, adjusterPersonIds: adjusters }, people)
        .adjusters;
    expect(with_([8])).toBeUndefined();
    expect(with_([6])).toBe("Sekreteraren (P6) kan inte justera protokollet.");
    expect(with_([5])).toBe("P5 var inte närvarande och kan inte väljas till justerare.");
    expect(with_([7])).toBe("P7 deltar inte i besluten och kan inte väljas till justerare.");
    expect(with_([2])).toBe("P2 är mötets ordförande och justerar redan; välj en annan justerare.");
    expect(with_([])).toBe("Välj minst en justerare bland de närvarande.");
  });

  it("refuses an absent chair or the secretary as the meeting's chair", () => {
    const people = board("frånvarande");
    const chair = (id: number | null) =>
      signerProblems({ actingChairPersonId: id, secretaryPersonId: 6, adjusterPersonIds: [3] }, people);
    expect(chair(1).actingChairPersonId).toBe(
      "P1 kan inte vara mötets ordförande: bara en närvarande ledamot kan leda mötet.",
    );
    expect(chair(6).actingChairPersonId).toMatch(/kan inte vara mötets ordförande/);
    expect(chair(null).actingChairPersonId).toBe("Ange vem som var mötets ordförande.");
  });
});

describe("when the minutes can be approved", () => {
  const item = (decisionText: string, kind: AgendaItemKind = "beslut", outcome?: "beslut" | "bordlagd") => ({
    paragraph: 7,
    title: "Budget",
    kind,
    recordAsDecision: false,
    outcome,
    decisionText,
  });
  const base = { today: "2027-02-12", meetingDate: "2027-02-12", held: true, signers: {} };

  it("allows approval on the meeting's day and after, with every decision written", () => {
    expect(approvalProblems({ ...base, items: [item("Budgeten fastställs.")] })).toEqual([]);
    expect(approvalProblems({ ...base, today: "2027-03-01", items: [item("Ja.")] })).toEqual([]);
  });

  it("refuses before the meeting's day", () => {
    expect(approvalProblems({ ...base, today: "2027-02-11", items: [item("Ja.")] })).toEqual([
      "Protokollet kan inte justeras före mötesdagen 2027-02-12.",
    ]);
  });

  it("refuses before the secretary has marked the meeting held", () => {
    expect(approvalProblems({ ...base, held: false, items: [] })).toEqual([
      "Sekreteraren har inte markerat mötet som genomfört.",
    ]);
    expect(markHeldProblem({ today: "2027-02-11", meetingDate: "2027-02-12" })).toBe(
      "Mötet kan markeras som genomfört först på mötesdagen 2027-02-12.",
    );
    expect(markHeldProblem({ today: "2027-02-12", meetingDate: "2027-02-12" })).toBeNull();
  });

  it("refuses a decision § without text, but not a procedural or carried-over one", () => {
    expect(approvalProblems({ ...base, items: [item("  ")] })).toEqual(["§ 7 Budget saknar beslutstext."]);
    expect(approvalProblems({ ...base, items: [item("", "formalia")] })).toEqual([]);
    expect(approvalProblems({ ...base, items: [item("", "information")] })).toEqual([]);
    expect(approvalProblems({ ...base, items: [item("", "beslut", "bordlagd")] })).toEqual([]);
  });

  it("passes on the signer problems", () => {
    expect(
      approvalProblems({ ...base, items: [], signers: { adjusters: "Välj minst en justerare bland de närvarande." } }),
    ).toEqual(["Välj minst en justerare bland de närvarande."]);
  });

  it("keeps a carried-over item out of the register", () => {
    expect(isRegisterDecision({ kind: "beslut", recordAsDecision: false, outcome: "bordlagd" })).toBe(false);
    expect(isRegisterDecision({ kind: "beslut", recordAsDecision: false, outcome: "återremitterad" })).toBe(false);
    expect(isRegisterDecision({ kind: "beslut", recordAsDecision: false, outcome: "beslut" })).toBe(true);
  });
});

describe("votes", () => {
  const v = (personId: number, vote: "ja" | "nej" | "avstår" | null, disqualified = false) => ({
    personId,
    vote,
    disqualified,
  });

  it("counts ja, nej and avstår and never a member with jäv", () => {
    expect(countVotes([v(1, "ja"), v(2, "ja"), v(3, "nej"), v(4, "avstår"), v(5, null, true)])).toEqual({
      ja: 2,
      nej: 1,
      avstår: 1,
      disqualified: 1,
      result: "bifall",
    });
    expect(countVotes([v(1, "ja"), v(2, "nej")]).result).toBe("lika");
    expect(countVotes([v(1, "nej"), v(2, "nej"), v(3, "ja", true)]).result).toBe("avslag");
    // A vote recorded for a member with jäv does not count.
    expect(countVotes([v(3, "ja", true)]).ja).toBe(0);
  });

  it("reads as the minutes write it", () => {
    expect(describeVoteCount(countVotes([v(1, "ja"), v(2, "nej"), v(3, "ja"), v(4, null, true)]))).toBe(
      "Votering: 2 ja, 1 nej, 0 avstår (1 jävig deltog inte). Förslaget bifölls.",
    );
  });

  it("refuses a vote from someone absent or with jäv, and a vote without votering", () => {
    const people: Participant[] = [
      { personId: 1, name: "Anna", role: "ledamot", status: "närvarande" },
      { personId: 2, name: "Bo", role: "ledamot", status: "frånvarande" },
    ];
    const pos = (personId: number, vote: "ja" | null, extra = {}) => ({
      personId,
      vote,
      disqualified: false,
      reservation: false,
      ...extra,
    });
    expect(positionProblems("votering", [pos(1, "ja")], people)).toEqual([]);
    expect(positionProblems("votering", [pos(1, "ja"), pos(2, "ja")], people)).toEqual(["Bo deltog inte i beslutet."]);
    expect(positionProblems("votering", [pos(1, "ja", { disqualified: true })], people)).toEqual([
      "Anna är jävig och kan inte rösta eller reservera sig.",
      "Ange hur de närvarande röstade i voteringen.",
    ]);
    expect(positionProblems("acklamation", [pos(1, "ja")], people)).toEqual([
      "Anna har en röst, men beslutet fattades med acklamation. Välj votering.",
    ]);
    expect(positionProblems("acklamation", [pos(1, null, { reservation: true })], people)).toEqual([]);
  });
});

describe("carry-over and appeal", () => {
  const from = { id: 10, date: "2027-01-10", startTime: "09:00" };
  const open = null;
  const draft = { status: "utkast" };
  const approved = { status: "justerat" };
  const m = (id: number, date: string, minutes: { status: string } | null = open, startTime = "09:00") => ({
    id,
    date,
    startTime,
    minutes,
  });

  it("carries an item to the body's first later meeting whose agenda can still change", () => {
    const meetings = [m(3, "2027-04-01"), m(1, "2027-01-10"), m(2, "2027-02-12")];
    expect(carryOverTarget({ ...from, id: 1 }, meetings)?.id).toBe(2);
    // A draft of the minutes does not lock the agenda; approved minutes do.
    expect(carryOverTarget(from, [m(4, "2027-02-12", draft), m(5, "2027-03-01")])?.id).toBe(4);
    expect(isCarriedOver("bordlagd")).toBe(true);
    expect(isCarriedOver("återremitterad")).toBe(true);
    expect(isCarriedOver("beslut")).toBe(false);
  });

  it("skips a meeting whose minutes are approved (its agenda is locked)", () => {
    const meetings = [m(4, "2027-02-12", approved), m(6, "2027-04-01"), m(5, "2027-03-01", approved)];
    expect(carryOverTarget(from, meetings)?.id).toBe(6);
  });

  it("finds none when there is no later meeting, or every later one is locked", () => {
    expect(carryOverTarget(from, [])).toBeNull();
    expect(
      carryOverTarget(from, [m(10, "2027-01-10"), m(2, "2026-12-01"), m(3, "2027-01-09", open, "23:00")]),
    ).toBeNull();
    expect(carryOverTarget(from, [m(4, "2027-02-12", approved), m(5, "2027-03-01", approved)])).toBeNull();
  });

  it("orders meetings of the same day by start time, then id: a later one the same day is next, an earlier one never", () => {
    const sameDay = [
      m(11, "2027-01-10", open, "08:00"),
      m(13, "2027-01-10", open, "15:00"),
      m(12, "2027-01-10", open, "13:00"),
    ];
    expect(carryOverTarget(from, [...sameDay, m(20, "2027-01-11")])?.id).toBe(12);
    expect(
      carryOverTarget(from, [m(12, "2027-01-10", approved, "13:00"), m(13, "2027-01-10", open, "15:00")])?.id,
    ).toBe(13);
    // Only earlier meetings that day: the next day's.
    expect(carryOverTarget(from, [m(11, "2027-01-10", open, "08:00"), m(20, "2027-01-11")])?.id).toBe(20);
    // The same day and time: the id breaks the tie, as on every list (a lower id came first).
    expect(carryOverTarget(from, [m(9, "2027-01-10"), m(14, "2027-01-10"), m(15, "2027-01-10")])?.id).toBe(14);
    // The meeting itself is never its own target.
    expect(carryOverTarget(from, [m(10, "2027-01-10")])).toBeNull();
  });

  it("gives the last appeal day three weeks after the anslag, moved past weekends and holidays", () => {
    expect(lastAppealDay("2027-02-01")).toBe("2027-02-22");
    // 2027-12-04 + 21 days = 2027-12-25, Christmas Day (a Saturday); the 26th is a Sunday.
    expect(lastAppealDay("2027-12-04")).toBe("2027-12-27");
    const svom = { bodyName: "SVOM", recommendsToParties: true };
    expect(appealStatement({ ...svom, appealable: false, postedOn: "2027-02-01" })).toBe(
      "Beslut av SVOM kan inte överklagas. Rekommendationerna till parterna gäller först när varje part har fattat sitt eget beslut, och det beslutet överklagas hos parten.",
    );
    expect(appealStatement({ ...svom, appealable: true, postedOn: "2027-02-01" })).toBe(
      "Sista dag att överklaga: 2027-02-22.",
    );
    expect(appealStatement({ ...svom, appealable: true, postedOn: null })).toMatch(/från den dag protokollet anslås/);
  });
  it("says what follows from the body's data when a body that recommends nothing cannot be appealed", () => {
    const text = appealStatement({
      appealable: false,
      postedOn: null,
      bodyName: "Styrgruppen för Mini-Maria",
      recommendsToParties: false,
    });
    expect(text).toBe("Beslut av Styrgruppen för Mini-Maria kan inte överklagas genom laglighetsprövning.");
    expect(text).not.toMatch(/rekommendation/i);
  });
});

describe("draftDecisionOf", () => {
  const item = {
    title: "Samarbetsavtal 2027",
    matterId: 4,
    kind: "rekommendation till parterna" as const,
    confidential: false,
    recordAsDecision: false,
  };

  it("copies the item's title, matter and kind into the register row", () => {
    expect(draftDecisionOf(item, { isPublic: true })).toEqual({
      title: "Samarbetsavtal 2027",
      matterId: 4,
      kind: "rekommendation",
      isPublic: true,
      inRegister: true,
    });
  });

  it("is never public for a confidential item or a closed meeting", () => {
    expect(draftDecisionOf({ ...item, confidential: true }, { isPublic: true }).isPublic).toBe(false);
    expect(draftDecisionOf(item, { isPublic: false }).isPublic).toBe(false);
  });

  it("follows the register rule for the kind and the outcome", () => {
    expect(draftDecisionOf({ ...item, kind: "information" }, { isPublic: true }).inRegister).toBe(false);
    expect(draftDecisionOf({ ...item, kind: "beslut", outcome: "bordlagd" }, { isPublic: true })).toMatchObject({
      kind: "beslut",
      inRegister: false,
    });
  });
});

describe("paragraphApproval", () => {
  const draft = { status: "utkast", approvedAt: null };
  const approvedMinutes = { status: "justerat", approvedAt: "2026-11-27T09:00:00.000Z" };
  const immediate = { approvedImmediately: true, approvedAt: "2026-11-20T10:30:00.000Z" };
  const ordinary = { approvedImmediately: false, approvedAt: null };

  it("approves a § approved at the meeting though its minutes are a draft", () => {
    expect(paragraphApproval(draft, immediate)).toEqual({
      approved: true,
      immediately: true,
      approvedAt: "2026-11-20T10:30:00.000Z",
    });
  });

  it("keeps saying so once the minutes are approved", () => {
    expect(paragraphApproval(approvedMinutes, immediate)).toMatchObject({ immediately: true });
  });

  it("approves any other § with the minutes, and not before", () => {
    expect(paragraphApproval(approvedMinutes, ordinary)).toEqual({
      approved: true,
      immediately: false,
      approvedAt: "2026-11-27T09:00:00.000Z",
    });
    for (const decision of [ordinary, null, undefined])
      expect(paragraphApproval(draft, decision)).toEqual({ approved: false, immediately: false, approvedAt: null });
    expect(paragraphApproval(undefined, null).approved).toBe(false);
  });
});
