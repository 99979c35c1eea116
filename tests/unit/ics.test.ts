import { describe, expect, it } from "vitest";
import { buildCalendar, digestAttachments, escapeText, foldLine, type CalendarMeeting } from "~/domain/ics";
import { randomText, seededRandom } from "../support/random";

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
  it("confirms the event, and cancels the same event (UID and SEQUENCE) when asked", () => {
    expect(unfolded).toContain("STATUS:CONFIRMED\r\n");
    const cancelled = buildCalendar("Styrgruppen", [meeting], "portal.example.se", "CANCELLED");
    expect(cancelled).toContain("STATUS:CANCELLED\r\n");
    expect(cancelled).not.toContain("STATUS:CONFIRMED");
    expect(cancelled).toContain("UID:meeting-42@portal.example.se\r\n");
    expect(cancelled).toContain("SEQUENCE:3\r\n");
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

/**
 * Hunts the class "user text that breaks out of its iCalendar property": random strings
 * full of line breaks (CRLF, bare CR, bare LF, U+2028), control characters, delimiters and
 * multi-byte characters go into every text a meeting carries; the output must stay a
 * well-formed calendar whose properties are only ours, and every value must read back as
 * what was typed (line breaks normalised, control characters dropped).
 */
describe("ICS injection (class)", () => {
  const ALPHABET = [
    "\r",
    "\n",
    "\r\n",
    "\u2028",
    "\u0000",
    "\u0007",
    "\u001b",
    "\t",
    ";",
    ",",
    "\\",
    ":",
    "å",
    "😀",
    "X-EVIL:1",
    "BEGIN:VEVENT",
    " ",
    "a",
  ];
  const random = seededRandom(20261123);
  const text = () => randomText(random, ALPHABET, 0, 40);
  const ALLOWED = new Set([
    "BEGIN",
    "END",
    "VERSION",
    "PRODID",
    "CALSCALE",
    "METHOD",
    "X-WR-CALNAME",
    "X-WR-TIMEZONE",
    "TZID",
    "TZOFFSETFROM",
    "TZOFFSETTO",
    "TZNAME",
    "DTSTART",
    "RRULE",
    "UID",
    "SEQUENCE",
    "DTSTAMP",
    "DTEND",
    "SUMMARY",
    "LOCATION",
    "DESCRIPTION",
    "URL",
    "STATUS",
  ]);
  const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_m, c: string) => (c.toLowerCase() === "n" ? "\n" : c));
  const expected = (typed: string) =>
    typed.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");

  it("keeps 300 hostile meetings well-formed", () => {
    let checked = 0;
    for (let round = 0; round < 300; round++) {
      const m = {
        ...meeting,
        bodyName: text(),
        place: text(),
        videoUrl: text(),
        status: text(),
      };
      const name = text();
      const ics = buildCalendar(name, [m], "portal.example.se");
      // Only CRLF line ends; every physical line at most 75 octets.
      expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      const physical = ics.split("\r\n").slice(0, -1);
      for (const line of physical) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      const logical = ics
        .replace(/\r\n[ \t]/g, "")
        .split("\r\n")
        .slice(0, -1);
      const events = logical.filter((l) => l === "BEGIN:VEVENT").length;
      expect(events).toBe(1);
      for (const line of logical) {
        const name = /^([A-Z-]+)[;:]/.exec(line)?.[1];
        expect(ALLOWED.has(name ?? ""), line).toBe(true);
        expect(line).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
      }
      const value = (prop: string) => logical.find((l) => l.startsWith(`${prop}:`))?.slice(prop.length + 1);
      expect(unescape(value("X-WR-CALNAME") ?? "")).toBe(expected(name));
      expect(unescape(value("SUMMARY") ?? "")).toBe(expected(`${m.bodyName}: sammanträde`));
      const location = [m.place, m.videoUrl].filter(Boolean).join(" · ");
      if (location) expect(unescape(value("LOCATION") ?? "")).toBe(expected(location));
      checked++;
    }
    expect(checked).toBe(300);
  }, 30_000);

  it("drops a bare CR that would start a property", () => {
    const ics = buildCalendar("x", [{ ...meeting, place: "Rum 1\rATTENDEE:mailto:evil@example.com" }], "h");
    expect(ics).not.toMatch(/\r(?!\n)/);
    expect(ics.replace(/\r\n /g, "")).toContain("LOCATION:Rum 1\\nATTENDEE:mailto:evil@example.com");
  });

  it("refuses a non-text value that is not plain", () => {
    expect(() => buildCalendar("x", [{ ...meeting, date: "2027-01-01\r\nX:1" }], "h")).toThrow();
  });
});

describe("a digest's attachments", () => {
  const ics = (m: Partial<CalendarMeeting>, status?: "CANCELLED") => ({
    filename: "mote.ics",
    contentType: "text/calendar; charset=utf-8; method=PUBLISH",
    content: buildCalendar("x", [{ ...meeting, ...m }], "portal.example.se", status),
  });

  it("keeps of each event only the last message's, the highest SEQUENCE: a notice then its withdrawal", () => {
    const notice = ics({ sequence: 4 });
    const withdrawal = ics({ sequence: 5 }, "CANCELLED");
    expect(digestAttachments([[notice], [], [withdrawal]])).toEqual([withdrawal]);
  });

  it("keeps every event, and what is not an event, each under a name of its own", () => {
    const one = ics({ id: 1 });
    const two = ics({ id: 2 });
    const other = { filename: "bilaga", contentType: "text/plain", content: "UID-less" };
    const kept = digestAttachments([[one], [other], [two]]);
    expect(kept.map((a) => a.filename)).toEqual(["mote-1.ics", "bilaga-2", "mote-3.ics"]);
    expect(kept.map((a) => a.content)).toEqual([one.content, other.content, two.content]);
    expect(digestAttachments([])).toEqual([]);
  });
});
