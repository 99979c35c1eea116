import { describe, expect, it } from "vitest";
import {
  answersOpenTo,
  prefilledAttendance,
  seatsToFill,
  substituteProblem,
  whoIsComing,
  type CalledPerson,
  type MeetingAnswer,
} from "~/domain/meeting-absence";

const called: CalledPerson[] = [
  { personId: 1, name: "Olle", role: "ordförande" },
  { personId: 2, name: "Lena", role: "ledamot" },
  { personId: 3, name: "Lars", role: "ledamot" },
  { personId: 4, name: "Erik", role: "ersättare" },
  { personId: 5, name: "Eva", role: "ersättare" },
  { personId: 6, name: "Maja", role: "adjungerad" },
];
const r = (personId: number, answer: MeetingAnswer, forPersonId: number | null = null) => ({
  personId,
  answer,
  forPersonId,
});

describe("absence and substitutes", () => {
  it.each([
    ["ledamot", "2027-01-14", "2027-01-10", ["förhinder"]],
    ["ordförande", "2027-01-14", "2027-01-14", ["förhinder"]],
    ["ersättare", "2027-01-14", "2027-01-14", ["förhinder", "tjänstgör"]],
    ["adjungerad", "2027-01-14", "2027-01-01", ["förhinder"]],
    ["sekreterare", "2027-01-14", "2027-01-01", []],
    [null, "2027-01-14", "2027-01-01", []],
    ["ledamot", "2027-01-14", "2027-01-15", []],
  ])("a %s may answer for a meeting on %s when it is %s: %j", (role, date, today, answers) => {
    expect(answersOpenTo(role, date, today)).toEqual(answers);
  });

  it("finds the seats a deputy can fill: members with förhinder not yet covered", () => {
    expect(seatsToFill(called, [])).toEqual([]);
    expect(seatsToFill(called, [r(2, "förhinder"), r(3, "förhinder")]).map((p) => p.name)).toEqual(["Lena", "Lars"]);
    expect(
      seatsToFill(called, [r(2, "förhinder"), r(3, "förhinder"), r(4, "tjänstgör", 2)]).map((p) => p.name),
    ).toEqual(["Lars"]);
    // A deputy or a co-opted person holds no seat to fill.
    expect(seatsToFill(called, [r(5, "förhinder"), r(6, "förhinder")])).toEqual([]);
  });

  it("refuses a substitute who is no deputy, or for a seat that is not free", () => {
    const answers = [r(2, "förhinder"), r(4, "tjänstgör", 2)];
    expect(substituteProblem(called, [r(2, "förhinder")], 4, 2)).toBeNull();
    expect(substituteProblem(called, answers, 5, 2)).toMatch(/ingen annan ersättare/);
    expect(substituteProblem(called, answers, 5, 3)).toMatch(/har anmält förhinder/);
    expect(substituteProblem(called, answers, 3, 2)).toBe("Bara organets ersättare kan tjänstgöra.");
  });

  it("shows the secretary who is coming", () => {
    const view = whoIsComing(called, [r(2, "förhinder"), r(4, "tjänstgör", 2)]);
    expect(view.map((p) => [p.name, p.expected, p.forName])).toEqual([
      ["Olle", "kommer", null],
      ["Lena", "förhinder", null],
      ["Lars", "kommer", null],
      ["Erik", "tjänstgör", "Lena"],
      ["Eva", "inget besked", null],
      ["Maja", "kommer", null],
    ]);
  });

  it("pre-fills the attendance: absent members, serving deputies", () => {
    expect(prefilledAttendance([r(2, "förhinder"), r(4, "tjänstgör", 2)])).toEqual([
      { personId: 2, status: "frånvarande", substituteForPersonId: null },
      { personId: 4, status: "ersättare tjänstgör", substituteForPersonId: 2 },
    ]);
  });
});
