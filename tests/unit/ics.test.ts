import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine, type CalendarMeeting } from "~/domain/ics";

const meeting: CalendarMeeting = {
  id: 42,
  bodyName: "Styrgruppen för Mini-Maria",
  date: "2027-03-28",
  startTime: "13:00",
  endTime: "15:30",
  place: "Mini-Maria, Östersund",
  videoUrl: "https://meet.example/styrgrupp",
  status: "kallelse skickad",
  sequence: 3,
  url: "https://portal.example.se/moten/42",
  updatedAt: "2027-03-01T08:00:00.000Z",
};

describe("ICS", () => {
  const ics = buildCalendar("Styrgruppen", [meeting], "portal.example.se");
  const unfolded = ics.replace(/\r\n /g, "");

  it("uses CRLF line endings and wraps the event in a calendar", () => {
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.split("\r\n").every((l) => !l.includes("\n"))).toBe(true);
  });
  it("has a stable UID and the SEQUENCE of the meeting", () => {
    expect(unfolded).toContain("UID:meeting-42@portal.example.se\r\n");
    expect(unfolded).toContain("SEQUENCE:3\r\n");
  });
  it("gives local Stockholm times with the time zone definition", () => {
    expect(unfolded).toContain("DTSTART;TZID=Europe/Stockholm:20270328T130000");
    expect(unfolded).toContain("DTEND;TZID=Europe/Stockholm:20270328T153000");
    expect(unfolded).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm");
    expect(unfolded).toContain("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
    expect(unfolded).toContain("DTSTAMP:20270301T080000Z");
  });
  it("puts the meeting's link in the description", () => {
    expect(unfolded).toContain("Dagordning och handlingar: https://portal.example.se/moten/42");
    expect(unfolded).toContain("URL:https://portal.example.se/moten/42");
  });
  it("escapes text values", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    expect(unfolded).toContain("LOCATION:Mini-Maria\\, Östersund · https://meet.example/styrgrupp");
  });
  it("folds long lines at 75 octets without splitting characters", () => {
    const line = `DESCRIPTION:${"å".repeat(100)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(ics.split("\r\n").every((l) => Buffer.byteLength(l, "utf8") <= 75)).toBe(true);
  });
});
