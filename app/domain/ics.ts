/**
 * iCalendar (RFC 5545) output for meetings: one event per meeting, with a stable UID,
 * SEQUENCE raised on every change (app/domain/calendar-sequence.ts), local times in Europe/Stockholm (with its VTIMEZONE so
 * every calendar program places the meeting right across DST), and the meeting's link.
 */

/** A subscribed calendar holds meetings from a year before `today` (a Stockholm date) onward. */
export function calendarFrom(today: string): string {
  return `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
}

export interface CalendarMeeting {
  id: number;
  bodyName: string;
  date: string; // YYYY-MM-DD, Stockholm
  startTime: string; // HH:MM
  endTime: string;
  place: string;
  videoUrl: string;
  status: string;
  sequence: number;
  url: string;
  updatedAt: string; // ISO instant
}

const STOCKHOLM_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Stockholm",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma are escaped, every
 * line break (CRLF, a bare CR or a bare LF, and Unicode line/paragraph separators) becomes
 * "\\n", and every other control character is dropped (TEXT allows none but HTAB). Nothing
 * a user typed can therefore end a content line or start a property of its own.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

/** A value that is not TEXT (dates, numbers, our own URLs): printable, no line breaks, or refused. */
function plain(value: string): string {
  if (!/^[\x20-\x7e]*$/.test(value)) throw new Error(`not a plain iCalendar value: ${JSON.stringify(value)}`);
  return value;
}

/** Folds a content line at 75 octets (UTF-8), continuation lines start with a space. */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let currentBytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    const limit = parts.length === 0 ? 75 : 74;
    if (currentBytes + size > limit) {
      parts.push(current);
      current = "";
      currentBytes = 0;
    }
    current += char;
    currentBytes += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const localDateTime = (date: string, time: string) => `${date.replace(/-/g, "")}T${time.replace(":", "")}00`;
const utcStamp = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

function meetingEvent(m: CalendarMeeting, host: string, status: "CONFIRMED" | "CANCELLED" = "CONFIRMED"): string[] {
  const location = [m.place, m.videoUrl].filter(Boolean).join(" · ");
  const description = [
    `${m.bodyName}, status: ${m.status}.`,
    `Dagordning och handlingar: ${m.url}`,
    m.videoUrl ? `Video: ${m.videoUrl}` : "",
  ]
    .filter(Boolean)
    .join("\n");
  return [
    "BEGIN:VEVENT",
    `UID:${plain(`meeting-${m.id}@${host}`)}`,
    `SEQUENCE:${plain(String(m.sequence))}`,
    `DTSTAMP:${plain(utcStamp(m.updatedAt))}`,
    `DTSTART;TZID=Europe/Stockholm:${plain(localDateTime(m.date, m.startTime))}`,
    `DTEND;TZID=Europe/Stockholm:${plain(localDateTime(m.date, m.endTime))}`,
    `SUMMARY:${escapeText(`${m.bodyName}: sammanträde`)}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${plain(m.url)}`,
    `STATUS:${status}`,
    "END:VEVENT",
  ];
}

/**
 * A whole calendar (one meeting or a feed). `CANCELLED` takes the events out of a recipient's
 * calendar: the same UID at the current SEQUENCE, which the change that withdraws it raised
 * above everything the recipient was shown (app/domain/calendar-sequence.ts), so the calendar
 * program replaces the event.
 */
export function buildCalendar(
  name: string,
  meetings: CalendarMeeting[],
  host: string,
  status: "CONFIRMED" | "CANCELLED" = "CONFIRMED",
): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Samverkansportalen//Möten//SV",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
    "X-WR-TIMEZONE:Europe/Stockholm",
    ...STOCKHOLM_VTIMEZONE,
    ...meetings.flatMap((m) => meetingEvent(m, host, status)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

interface CalendarAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * The attachments of a digest, from its messages' in the order they were queued: of each event
 * (its UID) only the last, which carries the highest SEQUENCE and is what the recipient's
 * calendar should end with (a notice then its withdrawal: the withdrawal); others as they are.
 * Names are numbered when there are several, so none hides another.
 */
export function digestAttachments(messages: readonly (readonly CalendarAttachment[])[]): CalendarAttachment[] {
  const all = messages.flat();
  const uidOf = (a: CalendarAttachment) => /(?:^|\r?\n)UID:([^\r\n]*)/.exec(a.content.replace(/\r?\n[ \t]/g, ""))?.[1];
  const last = new Map<string, number>();
  all.forEach((a, i) => {
    const uid = uidOf(a);
    if (uid !== undefined) last.set(uid, i);
  });
  const kept = all.filter((a, i) => {
    const uid = uidOf(a);
    return uid === undefined || last.get(uid) === i;
  });
  if (kept.length < 2) return kept;
  return kept.map((a, i) => ({ ...a, filename: a.filename.replace(/(\.[^.]*)?$/, (ext) => `-${i + 1}${ext}`) }));
}
