/**
 * Swedish (sv-SE) presentation of dates, times and amounts. Pure; the clock is passed in.
 * Dates are shown as ISO (2026-12-31), which is also the Swedish standard.
 */

const STOCKHOLM = "Europe/Stockholm";

// Built once: constructing an Intl.DateTimeFormat loads time-zone data and cost about 1 ms a
// call, and a page asks for today's date many times.
const STOCKHOLM_DATE = new Intl.DateTimeFormat("sv-SE", {
  timeZone: STOCKHOLM,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const STOCKHOLM_DATE_TIME = new Intl.DateTimeFormat("sv-SE", {
  timeZone: STOCKHOLM,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

let lastMinute = NaN;
let lastDate = "";

/**
 * Today's date in Stockholm as "YYYY-MM-DD". Asked several times on every request (the page
 * cache's key, the loaders); formatting costs more than the rest of most callers, so the answer
 * is kept for the minute it was asked in: Stockholm's offsets are whole hours, so its date
 * never changes within a UTC minute.
 */
export function todayInStockholm(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDate = STOCKHOLM_DATE.format(now);
    lastMinute = minute;
  }
  return lastDate;
}

/**
 * The Stockholm date of a stored instant ("2026-11-23T23:30:00.000Z" → "2026-11-24"). Never
 * cut a timestamp with slice(0, 10): that is the UTC date, a day early every night after
 * midnight in Sweden. An unreadable value is returned as it is.
 */
export function dateInStockholm(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : STOCKHOLM_DATE.format(d);
}

/**
 * The first instant after the Stockholm day `date`, as a stored timestamp ("2026-11-24" →
 * "2026-11-24T23:00:00.000Z" in winter, "…T22:00:00.000Z" in summer). A stored instant lies on
 * or before that day exactly when it is earlier, so a query asks `at < endOfStockholmDay(date)`
 * instead of cutting the UTC date off the timestamp.
 */
export function endOfStockholmDay(date: string): string {
  // Stockholm is UTC+1 or UTC+2, so its next day begins at 22:00 or 23:00 UTC.
  for (const hour of ["22", "23"]) {
    const candidate = `${date}T${hour}:00:00.000Z`;
    if (dateInStockholm(candidate) > date) return candidate;
  }
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString();
}

/** An instant as "2026-12-31 14:05" in Stockholm time. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return STOCKHOLM_DATE_TIME.format(d).replace(",", "");
}

const WEEKDAYS = ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"];

/** The Swedish weekday of a date: "2026-12-01" → "tisdag". */
export function weekdayOf(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}

/** "tisdag 2026-12-01": the weekday helps people plan. */
export function formatDateWithWeekday(isoDate: string): string {
  return `${weekdayOf(isoDate)} ${isoDate}`;
}

/** Whole kronor as "5 720 000 kr" (narrow no-break spaces keep the number on one line). */
export function formatKronor(amount: number): string {
  const sign = amount < 0 ? "−" : "";
  const digits = Math.abs(Math.round(amount))
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return `${sign}${digits}\u00a0kr`;
}

/** "46,75 %" */
export function formatPercent(value: number, decimals = 2): string {
  return `${value.toFixed(decimals).replace(".", ",").replace(/,?0+$/, "")}\u00a0%`;
}

/** A noun's singular and plural, for `countOf`: ["person", "personer"]. */
export type Noun = readonly [one: string, many: string];

/** A count with its noun in agreement: "1 person", "3 personer", "förlängt 1 gång" (issue 15). */
export function countOf(n: number, one: string, many: string): string {
  return `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0")} ${n === 1 ? one : many}`;
}

/**
 * A number written with plain spaces in a text someone typed ("5 720 000 kr", "60 %"): the
 * spaces inside it, and before "kr" or "%", become no-break spaces, so a line never ends inside
 * the number (issue 15, item 2), as formatKronor writes it. Other spaces are left alone.
 */
export function keepNumbersWhole(text: string): string {
  return text.replace(/(?<![\d,])\d{1,3}(?: \d{3})+(?![\d,])(?: (?=kr\b|%))?|\d (?=kr\b|%)/g, (m) =>
    m.replace(/ /g, "\u00a0"),
  );
}
