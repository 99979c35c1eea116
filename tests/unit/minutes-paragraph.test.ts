import { describe, expect, it } from "vitest";
import { CARRIED_OVER_TEXT, decisionOfItem } from "~/domain/minutes";
import {
  carriedItemDescription,
  decisionTextAfter,
  isWorthRecording,
  motionProblems,
  motionsToRecord,
  paragraphSavedMessage,
  positionOf,
  voteRecordOf,
} from "~/domain/minutes-paragraph";

describe("proposals (yrkanden) of a §", () => {
  it("asks for the member or the text a half-filled row lacks, at that row", () => {
    expect(
      motionProblems([
        { personId: 3, text: "Bifall till förslaget." },
        { personId: null, text: "Avslag." },
        { personId: 4, text: "" },
        { personId: null, text: "" },
      ]),
    ).toEqual({
      "motions[1].personId": ["Välj vem som yrkade."],
      "motions[2].text": ["Skriv yrkandet."],
    });
  });

  it("accepts only empty or complete rows, and records the complete ones in order", () => {
    const rows = [
      { personId: 4, text: "Återremiss." },
      { personId: null, text: "" },
      { personId: 3, text: "Bifall." },
    ];
    expect(motionProblems(rows)).toEqual({});
    expect(motionsToRecord(rows)).toEqual([
      { personId: 4, text: "Återremiss." },
      { personId: 3, text: "Bifall." },
    ]);
    expect(motionsToRecord([{ personId: 3, text: "" }])).toEqual([]);
  });
});

describe("members' positions on a §", () => {
  const blank = { personId: 5, disqualified: false, reservation: false, reservationReason: "", note: "" };

  it("keeps a written reason only with a reservation", () => {
    expect(positionOf({ ...blank, vote: "nej", reservation: true, reservationReason: "Kostnaden." })).toEqual({
      ...blank,
      vote: "nej",
      reservation: true,
      reservationReason: "Kostnaden.",
    });
    expect(positionOf({ ...blank, reservationReason: "Skrevs men reserverade sig inte." }).reservationReason).toBe("");
    expect(positionOf(blank).vote).toBeNull();
  });

  it("records a position that says something, and no row for a silent one", () => {
    const silent = positionOf(blank);
    expect(isWorthRecording(silent)).toBe(false);
    expect(isWorthRecording({ ...silent, vote: "avstår" })).toBe(true);
    expect(isWorthRecording({ ...silent, disqualified: true })).toBe(true);
    expect(isWorthRecording({ ...silent, reservation: true })).toBe(true);
    expect(isWorthRecording({ ...silent, note: "Protokollsanteckning." })).toBe(true);
  });
});

describe("a votering as the minutes print it", () => {
  const positions = [
    { name: "Berg", vote: "ja" as const, disqualified: false },
    { name: "Lund", vote: "nej" as const, disqualified: false },
    { name: "Ek", vote: null, disqualified: true },
    { name: "Ahl", vote: null, disqualified: false },
    { name: "Viklund", vote: "ja" as const, disqualified: false },
  ];

  it("counts the votes, leaves out jäv, and lists each member who voted or had jäv", () => {
    expect(voteRecordOf("votering", positions)).toEqual({
      summary: "Votering: 2 ja, 1 nej, 0 avstår (1 jävig deltog inte). Förslaget bifölls.",
      rows: [
        { name: "Berg", vote: "ja" },
        { name: "Lund", vote: "nej" },
        { name: "Ek", vote: "jäv, deltog inte" },
        { name: "Viklund", vote: "ja" },
      ],
    });
  });

  it("prints nothing of the kind for a decision by acclamation", () => {
    expect(voteRecordOf("acklamation", positions)).toBeNull();
  });
});

describe("bordläggning and återremiss", () => {
  it("gives a carried-over § the standard text unless the secretary wrote one", () => {
    expect(decisionTextAfter("bordlagd", "")).toBe(CARRIED_OVER_TEXT.bordlagd);
    expect(decisionTextAfter("återremitterad", "  ")).toBe(CARRIED_OVER_TEXT.återremitterad);
    // Switching between the two outcomes changes the standard text with it.
    expect(decisionTextAfter("återremitterad", CARRIED_OVER_TEXT.bordlagd)).toBe(CARRIED_OVER_TEXT.återremitterad);
    expect(decisionTextAfter("bordlagd", "Ärendet bordläggs till mötet i juni.")).toBe(
      "Ärendet bordläggs till mötet i juni.",
    );
  });

  it("leaves a decided §'s text as it is", () => {
    expect(decisionTextAfter("beslut", "Styrgruppen beslutar att godkänna planen.")).toBe(
      "Styrgruppen beslutar att godkänna planen.",
    );
    expect(decisionTextAfter("beslut", "")).toBe("");
  });

  it("describes the copy on the next agenda with a link back to the §", () => {
    expect(
      carriedItemDescription({
        outcome: "bordlagd",
        meetingDate: "2027-02-12",
        paragraph: 14,
        description: "Förslag till rutin.",
      }),
    ).toBe("Bordlagd 2027-02-12, § 14.\n\nFörslag till rutin.");
    expect(
      carriedItemDescription({
        outcome: "återremitterad",
        meetingDate: "2027-02-12",
        paragraph: null,
        description: "",
      }),
    ).toBe("Återremitterad 2027-02-12, § ?.");
  });

  it("says where a carried-over item went, or that no later meeting can take it (none, or every one locked)", () => {
    expect(paragraphSavedMessage({ carriedTo: null, noNextMeeting: false })).toBe("Paragrafen är sparad.");
    expect(paragraphSavedMessage({ carriedTo: { date: "2027-03-12" }, noNextMeeting: false })).toBe(
      "Paragrafen är sparad. Punkten står på dagordningen för mötet 2027-03-12.",
    );
    expect(paragraphSavedMessage({ carriedTo: null, noNextMeeting: true })).toContain(
      "Det finns inget senare möte vars dagordning kan ändras",
    );
  });
});

describe("the decision row a numbered § gets", () => {
  it("is a recommendation for a recommendation item, a beslut otherwise", () => {
    expect(decisionOfItem({ kind: "rekommendation till parterna", confidential: false }, { isPublic: true }).kind).toBe(
      "rekommendation",
    );
    for (const kind of ["beslut", "information", "formalia", "diskussion", "återrapportering"] as const)
      expect(decisionOfItem({ kind, confidential: false }, { isPublic: true }).kind).toBe("beslut");
  });

  it("is public only at a public meeting and never for a confidential item", () => {
    expect(decisionOfItem({ kind: "beslut", confidential: false }, { isPublic: true }).isPublic).toBe(true);
    expect(decisionOfItem({ kind: "beslut", confidential: true }, { isPublic: true }).isPublic).toBe(false);
    expect(decisionOfItem({ kind: "beslut", confidential: false }, { isPublic: false }).isPublic).toBe(false);
  });
});
