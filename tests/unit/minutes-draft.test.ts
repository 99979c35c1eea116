import { describe, expect, it } from "vitest";
import { checkDraft, type SubmittedDraft } from "~/domain/minutes-draft";
import { isHeld, maySign, unsignedOf, type Participant } from "~/domain/minutes";

// The steering group on the meeting day: chair, vice chair, two members, a deputy, the
// secretary and a co-opted manager. Statuses come from the draft, not from here.
const members: Participant[] = [
  { personId: 1, name: "Ordförande Olsson", role: "ordförande", status: null },
  { personId: 2, name: "Vice Viklund", role: "vice ordförande", status: null },
  { personId: 3, name: "Ledamot Lund", role: "ledamot", status: null },
  { personId: 4, name: "Ledamot Berg", role: "ledamot", status: null },
  { personId: 5, name: "Ersättare Ek", role: "ersättare", status: null },
  { personId: 6, name: "Sekreterare Sund", role: "sekreterare", status: null },
  { personId: 7, name: "Adjungerad Ahl", role: "adjungerad", status: null },
];

const context = {
  participants: members,
  immediatelyApproved: new Set<number>(),
  meetingDate: "2027-02-12",
  today: "2027-02-12",
};

type Row = SubmittedDraft["attendance"][number];
const row = (personId: number, status?: Row["status"], extra: Partial<Row> = {}): Row => ({
  personId,
  status,
  substituteFor: null,
  adjuster: false,
  ...extra,
});

/** The chair absent, the vice chair leads, Lund is elected justerare, Ek serves for the chair. */
const valid: SubmittedDraft = {
  actingChairPersonId: 2,
  secretaryPersonId: 6,
  attendance: [
    row(1, "frånvarande"),
    row(2, "närvarande"),
    row(3, "närvarande", { adjuster: true }),
    row(4, "närvarande"),
    row(5, "ersättare tjänstgör", { substituteFor: 1 }),
    row(6, "närvarande"),
    row(7, "närvarande"),
  ],
  items: [{ id: 10, decisionText: "Styrgruppen beslutar att godkänna planen.", approvedImmediately: true }],
};

describe("checking the secretary's draft of the minutes", () => {
  it("accepts a meeting led by the vice chair with an elected justerare and a serving deputy", () => {
    const checked = checkDraft(valid, context);
    expect(checked.fieldErrors).toEqual({});
    expect(checked.attendance).toEqual([
      { personId: 1, status: "frånvarande", substituteForPersonId: null, adjuster: false },
      { personId: 2, status: "närvarande", substituteForPersonId: null, adjuster: false },
      { personId: 3, status: "närvarande", substituteForPersonId: null, adjuster: true },
      { personId: 4, status: "närvarande", substituteForPersonId: null, adjuster: false },
      { personId: 5, status: "ersättare tjänstgör", substituteForPersonId: 1, adjuster: false },
      { personId: 6, status: "närvarande", substituteForPersonId: null, adjuster: false },
      { personId: 7, status: "närvarande", substituteForPersonId: null, adjuster: false },
    ]);
  });

  it("records no row for a person without a status or who is not a member on the day", () => {
    const checked = checkDraft(
      { ...valid, attendance: [row(3, "närvarande"), row(4), row(99, "närvarande")], items: [] },
      { ...context, participants: members },
    );
    expect(checked.attendance.map((r) => r.personId)).toEqual([3]);
  });

  it("asks whom a serving deputy serves for, at that row", () => {
    const attendance = valid.attendance.map((r) => (r.personId === 5 ? { ...r, substituteFor: null } : r));
    expect(checkDraft({ ...valid, attendance }, context).fieldErrors).toEqual({
      "attendance[4].substituteFor": ["Ange vem ersättaren tjänstgör för."],
    });
  });

  it("keeps a substitute only for a serving deputy", () => {
    const attendance = valid.attendance.map((r) => (r.personId === 4 ? { ...r, substituteFor: 1 } : r));
    const checked = checkDraft({ ...valid, attendance }, context);
    expect(checked.attendance.find((r) => r.personId === 4)?.substituteForPersonId).toBeNull();
  });

  it("refuses an absent acting chair, at the chair's field", () => {
    const checked = checkDraft({ ...valid, actingChairPersonId: 1 }, context);
    expect(checked.fieldErrors).toEqual({
      actingChairPersonId: [
        "Ordförande Olsson kan inte vara mötets ordförande: bara en närvarande ledamot kan leda mötet.",
      ],
    });
  });

  it("refuses the secretary as acting chair, at both fields", () => {
    const checked = checkDraft({ ...valid, actingChairPersonId: 6 }, context);
    expect(checked.fieldErrors.actingChairPersonId?.[0]).toContain("bara en närvarande ledamot");
    expect(checked.fieldErrors.secretaryPersonId).toEqual(["Sekreteraren kan inte också vara mötets ordförande."]);
  });

  it("lets a draft leave the chair and the secretary open (the approval asks for them)", () => {
    const checked = checkDraft({ ...valid, actingChairPersonId: null, secretaryPersonId: null }, context);
    expect(checked.fieldErrors).toEqual({});
  });

  it("refuses each justerare who cannot be elected, at that person's row", () => {
    const attendance = valid.attendance.map((r) =>
      r.personId === 1 || r.personId === 6 || r.personId === 7 || r.personId === 2 ? { ...r, adjuster: true } : r,
    );
    const checked = checkDraft({ ...valid, attendance }, context);
    expect(checked.fieldErrors).toEqual({
      "attendance[0].adjuster": ["Ordförande Olsson var inte närvarande och kan inte väljas till justerare."],
      "attendance[1].adjuster": ["Vice Viklund är mötets ordförande och justerar redan; välj en annan justerare."],
      "attendance[5].adjuster": ["Sekreteraren (Sekreterare Sund) kan inte justera protokollet."],
      "attendance[6].adjuster": ["Adjungerad Ahl deltar inte i besluten och kan inte väljas till justerare."],
    });
  });

  it("judges presence by the draft as typed, not by what was saved before", () => {
    const saved = members.map((p) => ({ ...p, status: "närvarande" as const }));
    const attendance = valid.attendance.map((r) => (r.personId === 3 ? { ...r, status: "frånvarande" as const } : r));
    const checked = checkDraft({ ...valid, attendance }, { ...context, participants: saved });
    expect(checked.fieldErrors["attendance[2].adjuster"]).toEqual([
      "Ledamot Lund var inte närvarande och kan inte väljas till justerare.",
    ]);
  });

  it("refuses an immediate approval before the meeting's day or without a decision text, at that §", () => {
    const items = [
      { id: 10, decisionText: "Beslut.", approvedImmediately: true },
      { id: 11, decisionText: "  ", approvedImmediately: true },
      { id: 12, decisionText: "", approvedImmediately: false },
    ];
    expect(checkDraft({ ...valid, items }, context).fieldErrors).toEqual({
      "items[1].approvedImmediately": ["Skriv beslutet innan paragrafen justeras omedelbart."],
    });
    expect(checkDraft({ ...valid, items }, { ...context, today: "2027-02-11" }).fieldErrors).toEqual({
      "items[0].approvedImmediately": ["Paragrafen kan inte justeras före mötesdagen (2027-02-12)."],
      "items[1].approvedImmediately": ["Paragrafen kan inte justeras före mötesdagen (2027-02-12)."],
    });
  });

  it("does not check again a § already approved immediately (its text is the record)", () => {
    const items = [{ id: 11, decisionText: "", approvedImmediately: true }];
    expect(checkDraft({ ...valid, items }, { ...context, immediatelyApproved: new Set([11]) }).fieldErrors).toEqual({});
  });
});

describe("the minutes' lifecycle", () => {
  it("counts a meeting as held when marked so or when its minutes are approved", () => {
    expect(isHeld("genomfört")).toBe(true);
    expect(isHeld("protokoll justerat")).toBe(true);
    for (const status of ["planerat", "kallelse skickad"]) expect(isHeld(status)).toBe(false);
  });

  it("lists the signers who have not signed, in signing order", () => {
    const required = [
      { personId: 6, role: "sekreterare" },
      { personId: 2, role: "ordförande" },
      { personId: 3, role: "justerare" },
    ];
    expect(unsignedOf(required, [{ personId: 2 }])).toEqual([required[0], required[2]]);
    expect(unsignedOf(required, required)).toEqual([]);
    expect(unsignedOf(required, [])).toEqual(required);
  });

  it("lets a signer sign an open round once, with the policy's permission", () => {
    const base = { open: true, role: "justerare" as const, permitted: true, personId: 3, signed: [{ personId: 2 }] };
    expect(maySign(base)).toBe(true);
    expect(maySign({ ...base, open: false })).toBe(false);
    expect(maySign({ ...base, role: null })).toBe(false);
    expect(maySign({ ...base, permitted: false })).toBe(false);
    expect(maySign({ ...base, signed: [{ personId: 3 }] })).toBe(false);
  });
});
