import { describe, expect, it } from "vitest";
import {
  agendaChanges,
  asPublished,
  confidentialityAsPublished,
  describeNoticeChange,
  noticeChanges,
  noticeHistory,
  parseNoticeContent,
  assignParagraphs,
  canProposeOn,
  describeChange,
  isFullySigned,
  meetingMoveRefusal,
  meetingTimeAndPlaceProblems,
  moveItem,
  positionForNewItem,
  proposalDeadline,
  requiredSigners,
  signatureRole,
  type ItemSnapshot,
} from "~/domain/meetings";

describe("a meeting's time and place", () => {
  const meeting = { startTime: "09:00", endTime: "12:00", place: "Östersund", videoUrl: "" };
  it("accepts a meeting that ends after it starts, somewhere", () => {
    expect(meetingTimeAndPlaceProblems(meeting)).toEqual({});
  });
  it("refuses an end before or at the start", () => {
    expect(meetingTimeAndPlaceProblems({ ...meeting, endTime: "08:30" })).toEqual({
      endTime: "Mötet kan inte sluta innan det börjar.",
    });
    expect(meetingTimeAndPlaceProblems({ ...meeting, endTime: "09:00" }).endTime).toBeDefined();
  });
  it("needs a place or a video link", () => {
    expect(meetingTimeAndPlaceProblems({ ...meeting, place: " " }).place).toBeDefined();
    expect(meetingTimeAndPlaceProblems({ ...meeting, place: "", videoUrl: "https://meet.example/x" })).toEqual({});
  });
});

describe("proposal deadline", () => {
  it("is the given number of days before the meeting, inclusive", () => {
    expect(proposalDeadline("2027-02-12", 14)).toBe("2027-01-29");
    expect(canProposeOn("2027-01-29", "2027-02-12", 14)).toBe(true);
    expect(canProposeOn("2027-01-30", "2027-02-12", 14)).toBe(false);
  });
  it("crosses month and leap-year boundaries", () => {
    expect(proposalDeadline("2028-03-10", 14)).toBe("2028-02-25");
    expect(proposalDeadline("2028-03-01", 1)).toBe("2028-02-29");
    expect(proposalDeadline("2027-03-01", 1)).toBe("2027-02-28");
    expect(proposalDeadline("2027-01-05", 14)).toBe("2026-12-22");
  });
  it("allows proposals until the meeting day when the deadline is 0 days", () => {
    expect(canProposeOn("2027-02-12", "2027-02-12", 0)).toBe(true);
  });
});

describe("agenda", () => {
  it("puts a new item before the closing item", () => {
    expect(
      positionForNewItem([
        { position: 1, standard: "opening" },
        { position: 2, standard: "closing" },
      ]),
    ).toEqual({ position: 2, shiftFrom: 2 });
    expect(positionForNewItem([{ position: 1, standard: null }])).toEqual({ position: 2, shiftFrom: null });
    expect(positionForNewItem([])).toEqual({ position: 1, shiftFrom: null });
  });
  it("moves items up and down and ignores moves past the ends", () => {
    expect(moveItem([1, 2, 3], 3, "up")).toEqual([1, 3, 2]);
    expect(moveItem([1, 2, 3], 1, "down")).toEqual([2, 1, 3]);
    expect(moveItem([1, 2, 3], 1, "up")).toEqual([1, 2, 3]);
    expect(moveItem([1, 2, 3], 3, "down")).toEqual([1, 2, 3]);
    expect(moveItem([1, 2, 3], 9, "down")).toEqual([1, 2, 3]);
  });
});

describe("changes since the notice", () => {
  const item = (id: number, title: string, extra: Partial<ItemSnapshot> = {}): ItemSnapshot => ({
    id,
    title,
    kind: "information",
    presenter: "",
    proposedDecision: "",
    description: "",
    fileNames: [],
    ...extra,
  });
  const published = [item(1, "Öppnande"), item(2, "Budget"), item(3, "Avslutning")];

  it("finds nothing when nothing changed", () => {
    expect(agendaChanges(published, published)).toEqual([]);
  });
  it("lists an added item without calling later items moved", () => {
    const current = [published[0], published[1], item(4, "Lokalfrågan"), published[2]];
    expect(agendaChanges(published, current)).toEqual([{ type: "added", title: "Lokalfrågan" }]);
  });
  it("lists removed, changed and moved items", () => {
    const current = [item(2, "Budget 2027", { fileNames: ["budget.pdf"] }), published[0]];
    const changes = agendaChanges(published, current);
    expect(changes).toContainEqual({ type: "removed", title: "Avslutning" });
    expect(changes).toContainEqual({ type: "changed", title: "Budget 2027", fields: ["rubrik", "handlingar"] });
    expect(changes).toContainEqual({ type: "moved", title: "Budget 2027", from: 2, to: 1 });
    expect(changes.map(describeChange)).toContain("Ändrad punkt: Budget 2027 (rubrik, handlingar)");
  });
});

describe("minutes", () => {
  it("numbers paragraphs per body and year, continuing the series", () => {
    const numbered = assignParagraphs([10, 11, 12], new Map(), 7);
    expect([...numbered]).toEqual([
      [10, 8],
      [11, 9],
      [12, 10],
    ]);
  });
  it("keeps existing numbers and gives a late item the next free number", () => {
    const numbered = assignParagraphs(
      [10, 13, 11],
      new Map([
        [10, 1],
        [11, 2],
      ]),
      2,
    );
    expect(numbered.get(13)).toBe(3);
    expect(numbered.get(10)).toBe(1);
  });
  it("starts at § 1 in a new year", () => {
    expect(assignParagraphs([5], new Map(), 0).get(5)).toBe(1);
  });
  it("requires the chair and every adjuster once", () => {
    expect(requiredSigners([1], [2, 3])).toEqual([1, 2, 3]);
    expect(requiredSigners([1], [1, 2])).toEqual([1, 2]);
    expect(isFullySigned([1, 2], [2])).toBe(false);
    expect(isFullySigned([1, 2], [2, 1])).toBe(true);
    expect(isFullySigned([], [])).toBe(false);
  });
  it("knows who signs in which role", () => {
    expect(signatureRole(1, [1], [2])).toBe("ordförande");
    expect(signatureRole(2, [1], [2])).toBe("justerare");
    expect(signatureRole(3, [1], [2])).toBe(null);
    expect(signatureRole(null, [1], [2])).toBe(null);
  });
});

describe("changes after the notice", () => {
  const at = { date: "2027-02-12", startTime: "09:00", endTime: "12:00", place: "Östersund", videoUrl: "" };
  const budget = {
    id: 1,
    title: "Budget",
    kind: "beslut",
    presenter: "",
    proposedDecision: "",
    description: "",
    fileNames: ["budget.pdf"],
  };
  const v1 = { meeting: at, items: [budget] };

  it("reads the first format (the agenda alone) and the current one", () => {
    expect(parseNoticeContent(JSON.stringify([budget]))).toEqual({ meeting: null, items: [budget] });
    expect(parseNoticeContent(JSON.stringify(v1))).toEqual(v1);
  });
  it("lists a new time, a new place and a dropped video link before the item changes", () => {
    const v2 = {
      meeting: { ...at, date: "2027-02-19", place: "Krokom", videoUrl: "" },
      items: [{ ...budget, title: "Budget 2028" }],
    };
    expect(noticeChanges(v1, v2).map(describeNoticeChange)).toEqual([
      "Ny tid: 2027-02-19 09:00–12:00 (var 2027-02-12 09:00–12:00)",
      "Ny plats: Krokom (var Östersund)",
      "Ändrad punkt: Budget 2028 (rubrik)",
    ]);
    expect(
      noticeChanges({ ...v1, meeting: { ...at, videoUrl: "https://meet.example/a" } }, v1).map(describeNoticeChange),
    ).toEqual(["Videolänken är struken"]);
  });
  it("finds no change in an unchanged notice, and compares no time with a version that did not record one", () => {
    expect(noticeChanges(v1, v1)).toEqual([]);
    expect(
      noticeChanges({ meeting: null, items: [budget] }, { ...v1, meeting: { ...at, date: "2027-03-01" } }),
    ).toEqual([]);
  });
  it("gives each later version what it changed from the one before, in version order", () => {
    const v2 = { meeting: { ...at, startTime: "10:00" }, items: [budget] };
    const v3 = { meeting: { ...at, startTime: "10:00" }, items: [] };
    const history = noticeHistory([
      { versionNo: 3, publishedAt: "c", snapshot: v3 },
      { versionNo: 1, publishedAt: "a", snapshot: v1 },
      { versionNo: 2, publishedAt: "b", snapshot: v2 },
    ]);
    expect(history).toEqual([
      { versionNo: 2, publishedAt: "b", changes: ["Ny tid: 2027-02-12 10:00–12:00 (var 2027-02-12 09:00–12:00)"] },
      { versionNo: 3, publishedAt: "c", changes: ["Struken punkt: Budget"] },
    ]);
    expect(noticeHistory([{ versionNo: 1, publishedAt: "a", snapshot: v1 }])).toEqual([]);
  });
  it("shows the agenda as published: published order and texts, no item or document added since", () => {
    const open = { confidential: false, confidentialReason: "", minutesEstimate: 20 };
    const current = [
      { ...budget, ...open, id: 2, title: "Ny punkt", files: [] },
      {
        ...budget,
        ...open,
        title: "Budget (utkast till ändring)",
        files: [{ originalName: "budget.pdf" }, { originalName: "ny.pdf" }],
      },
    ];
    const shown = asPublished(current, [budget]);
    expect(shown).toHaveLength(1);
    expect(shown[0].title).toBe("Budget");
    expect(shown[0].files).toEqual([{ originalName: "budget.pdf" }]);
    // A version published before confidentiality and time were recorded: the item's own stand.
    expect(shown[0]).toMatchObject({ confidential: false, minutesEstimate: 20 });
  });

  it("keeps an item published as confidential closed until its opening is published; closing takes effect at once", () => {
    const item = { ...budget, files: [], confidential: false, confidentialReason: "", minutesEstimate: 30 };
    const publishedClosed = {
      ...budget,
      confidential: true,
      confidentialReason: "Sekretess enligt OSL 26 kap. 1 §",
      minutesEstimate: 15,
    };
    // Opened in the draft: shown as published, closed with its reason and the time then given.
    expect(asPublished([item], [publishedClosed])[0]).toMatchObject({
      confidential: true,
      confidentialReason: "Sekretess enligt OSL 26 kap. 1 §",
      minutesEstimate: 15,
    });
    // Closed in the draft after an open notice: closed now, with the reason it has now.
    const closedNow = { ...item, confidential: true, confidentialReason: "Sekretess" };
    const publishedOpen = { ...budget, confidential: false, confidentialReason: "", minutesEstimate: 30 };
    expect(asPublished([closedNow], [publishedOpen])[0]).toMatchObject({
      confidential: true,
      confidentialReason: "Sekretess",
    });
    expect(confidentialityAsPublished(item, {})).toEqual({ confidential: false, confidentialReason: "" });
    expect(confidentialityAsPublished(item, publishedOpen)).toEqual({ confidential: false, confidentialReason: "" });
  });

  it("tells confidentiality and time as changes of the notice, but not against a version that did not record them", () => {
    const published = { ...budget, confidential: true, confidentialReason: "Sekretess", minutesEstimate: 15 };
    expect(agendaChanges([published], [{ ...published, confidential: false, minutesEstimate: 20 }])).toEqual([
      { type: "changed", title: "Budget", fields: ["sekretess", "beräknad tid"] },
    ]);
    expect(agendaChanges([budget], [{ ...budget, confidential: false, minutesEstimate: 20 }])).toEqual([]);
  });
});

describe("moving a meeting whose minutes are begun", () => {
  it("moves freely before the minutes are begun, into any year", () => {
    expect(meetingMoveRefusal("2027-12-31", "2028-01-01", "inget")).toBeNull();
    expect(meetingMoveRefusal("2027-06-01", "2026-06-01", "inget")).toBeNull();
  });

  it("moves within the year once the minutes are begun, to either end of it", () => {
    expect(meetingMoveRefusal("2027-06-15", "2027-06-22", "påbörjat")).toBeNull();
    expect(meetingMoveRefusal("2027-06-15", "2027-01-01", "påbörjat")).toBeNull();
    expect(meetingMoveRefusal("2027-06-15", "2027-12-31", "påbörjat")).toBeNull();
    expect(meetingMoveRefusal("2027-06-15", "2027-06-15", "påbörjat")).toBeNull();
  });

  it("refuses any change of the date once the minutes or a § are approved", () => {
    expect(meetingMoveRefusal("2027-06-15", "2027-06-16", "justerat")).toContain("kan inte längre ändras");
    expect(meetingMoveRefusal("2027-06-15", "2027-01-01", "justerat")).not.toBeNull();
    expect(meetingMoveRefusal("2027-06-15", "2027-06-15", "justerat")).toBeNull();
  });

  it("refuses a move into another year once the minutes are begun, naming the year of its series", () => {
    expect(meetingMoveRefusal("2027-12-31", "2028-01-01", "påbörjat")).toContain("2027 års serie");
    expect(meetingMoveRefusal("2027-01-01", "2026-12-31", "påbörjat")).toContain("under 2027");
    expect(meetingMoveRefusal("2027-06-15", "2029-06-15", "påbörjat")).not.toBeNull();
  });
});
