import { Fragment, type ReactNode } from "react";
import { formatDateTime, keepNumbersWhole, weekdayOf } from "~/domain/format";

/**
 * The one way a page shows a date (issue 15, item 2: a date never breaks across lines). A date
 * is a `<time>` element of class "date" (`white-space: nowrap` in app/styles/app.css, on screen
 * and paper): a line never ends at one of its hyphens ("2026-" / "12-31"), while the text stays
 * the real date with ordinary hyphens, so copying it and screen readers get "2026-12-31", and
 * `dateTime` gives the machine-readable value. The text comes from app/domain/format.ts.
 *
 * tests/unit/dates.test.ts keeps the format helpers out of pages' text and the crawl
 * (tests/browser/crawl.test.ts) finds any date on any page that could still break.
 */

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

/** A calendar date as stored ("2026-12-31"); nothing when there is none. */
export function DateText({ date }: { date: string | null | undefined }) {
  if (!date) return null;
  return (
    <time className="date" dateTime={ISO_DATE.test(date) ? date : undefined}>
      {date}
    </time>
  );
}

/** An instant as "2026-12-31 14:05" in Stockholm time (formatDateTime); `dateTime` is the instant itself. */
export function DateTimeText({ at }: { at: string }) {
  return (
    <time className="date" dateTime={at}>
      {formatDateTime(at)}
    </time>
  );
}

/** "tisdag 2026-12-01": the weekday helps people plan (formatDateWithWeekday). */
export function WeekdayDate({ date }: { date: string }) {
  return (
    <>
      {weekdayOf(date)} <DateText date={date} />
    </>
  );
}

/**
 * A text that was put together, or typed, with dates or amounts in it ("KS 2026-12-31", a
 * decision's reference, a breadcrumb, a field's error message, a decision's wording): each date
 * becomes a DateText and the spaces inside a number no-break spaces (keepNumbersWhole).
 */
export function keepUnitsWhole(text: string): ReactNode {
  const whole = keepNumbersWhole(text);
  if (!ISO_DATE.test(whole)) return whole;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of whole.matchAll(/\d{4}-\d{2}-\d{2}/g)) {
    if (m.index > last) parts.push(whole.slice(last, m.index));
    parts.push(<DateText date={m[0]} key={m.index} />);
    last = m.index + m[0].length;
  }
  if (last < whole.length) parts.push(whole.slice(last));
  return <Fragment>{parts}</Fragment>;
}

/** keepUnitsWhole for a node that may be a text: elements are left as they are. */
export function keepWhole(node: ReactNode): ReactNode {
  return typeof node === "string" ? keepUnitsWhole(node) : node;
}
