/**
 * Calendar-date arithmetic on ISO strings ("2026-12-31"), in UTC so no time zone or DST
 * can shift a day. Pure.
 */

export function parseIsoDate(value: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return { y, m, d };
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function must(value: string) {
  const parsed = parseIsoDate(value);
  if (!parsed) throw new RangeError(`Not an ISO date: ${value}`);
  return parsed;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(value: string, days: number): string {
  const { y, m, d } = must(value);
  return toIso(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Adds (or subtracts) whole months; a day that does not exist is clamped to the month's last day. */
export function addMonths(value: string, months: number): string {
  const { y, m, d } = must(value);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = must(from);
  const b = must(to);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}

/** Whole months from `from` to `to`, counting a month only when its day has been reached. */
export function monthsBetween(from: string, to: string): number {
  const a = must(from);
  const b = must(to);
  return (b.y - a.y) * 12 + (b.m - a.m) - (b.d < a.d ? 1 : 0);
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm), as an ISO date. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(value: string): number {
  const { y, m, d } = must(value);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/**
 * Why a date is not a working day in Swedish public administration, or null when it is one:
 * the public holidays (lag 1989:253 om allmänna helgdagar) and the eves that offices keep
 * closed (midsommarafton, julafton, nyårsafton), which the law on computing statutory time
 * limits (1930:173) treats like holidays. Weekends are named by their weekday.
 */
export function nonWorkingDayName(value: string): string | null {
  const { y, m, d } = must(value);
  const md = `${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const fixed: Record<string, string> = {
    "01-01": "nyårsdagen",
    "01-06": "trettondedag jul",
    "05-01": "första maj",
    "06-06": "Sveriges nationaldag",
    "12-24": "julafton",
    "12-25": "juldagen",
    "12-26": "annandag jul",
    "12-31": "nyårsafton",
  };
  if (fixed[md]) return fixed[md];
  const easter = easterSunday(y);
  const moving: Record<string, string> = {
    [addDays(easter, -2)]: "långfredagen",
    [addDays(easter, 1)]: "annandag påsk",
    [addDays(easter, 39)]: "Kristi himmelsfärdsdag",
  };
  if (moving[value]) return moving[value];
  // Midsommarafton is the Friday between 19 and 25 June.
  if (m === 6 && d >= 19 && d <= 25 && weekday(value) === 5) return "midsommarafton";
  const wd = weekday(value);
  if (wd === 6) return "lördag";
  if (wd === 0) return "söndag";
  return null;
}
