/**
 * Pages of a long list: the one page model every paged list in the portal uses (the decision
 * register, documents and a document's versions, recommendations, matters and a matter's
 * timeline, assignments, meetings and a body's past meetings, former members and
 * representatives, the seats a term's end cuts, the audit log, the outbox, people, accessibility reports, stored personal
 * numbers, search). Pure: the query string goes in, numbers for LIMIT/OFFSET and for the page
 * links come out; the models count and find the page (app/models/paging.server.ts). A list's
 * order must be stable (ties broken by id) so that a row is on exactly one page. Search alone
 * counts only as far as it needs (`countCap`, `openPageOf`): its total may be "more than".
 */
import { countOf, type Noun } from "./format";

/** The query-string parameter that names the page ("?sida=3"). Page 1 has none. */
const PAGE_PARAM = "sida";

/**
 * The page parameter of the documents linked to a matter, a meeting or a recommendation (the
 * pages that show them have lists of their own). Here, not in a *.server module: the page's
 * component uses it too, and in the browser's bundle a server module's value is undefined.
 */
export const LINKED_DOCUMENTS_PAGE = "dokumentsida";

const DEFAULT_PAGE_SIZE = 50;

/** Past this, a page number is a typo or a probe, not a page anyone reads. */
const MAX_PAGE = 1_000_000;

/** What the visitor asked for: a page number (1-based) and the size of a page. */
export interface PageRequest {
  page: number;
  size: number;
}

/** A page of a list whose total is known: where it starts and how many pages there are. */
export interface Page {
  /** 1-based, clamped to the pages that exist (an empty list has one, empty, page). */
  page: number;
  size: number;
  total: number;
  pageCount: number;
  /** Rows to skip (SQL OFFSET). */
  offset: number;
  /** 1-based positions of the first and last row shown; 0 and 0 for an empty list. */
  first: number;
  last: number;
  /** The list goes on past `total` (counted only this far, as search does for common words). */
  open?: boolean;
}

export interface Paged<T> {
  page: Page;
  items: T[];
}

/**
 * "?sida=3" → page 3; anything else (missing, 0, -1, "x", 3.5, huge) → page 1. A page with a
 * second list names that list's page by a parameter of its own (`param`), so each pages alone.
 */
export function pageRequestFrom(
  params: URLSearchParams,
  size: number = DEFAULT_PAGE_SIZE,
  param: string = PAGE_PARAM,
): PageRequest {
  const raw = params.get(param) ?? "";
  const page = /^\d{1,7}$/.test(raw) ? Number(raw) : 1;
  return { page: page >= 1 && page <= MAX_PAGE ? page : 1, size: Math.max(1, Math.floor(size)) };
}

/** The page to show once the total is known; a page past the end shows the last page. */
export function pageOf(request: PageRequest, total: number): Page {
  const size = Math.max(1, Math.floor(request.size));
  const count = Math.max(0, Math.floor(total));
  const pageCount = Math.max(1, Math.ceil(count / size));
  const page = Math.min(Math.max(1, Math.floor(request.page)), pageCount);
  const offset = (page - 1) * size;
  return {
    page,
    size,
    total: count,
    pageCount,
    offset,
    first: count === 0 ? 0 : offset + 1,
    last: Math.min(offset + size, count),
  };
}

/**
 * How far to count a list that may be very long: past `ranked` rows (or past the page asked
 * for, whichever is further) one more row says "more", without counting them all. Every row
 * stays reachable: the last page linked to always holds a row beyond what was shown.
 */
export function countCap(request: PageRequest, ranked: number): number {
  const asked = Math.max(1, Math.floor(request.page)) * Math.max(1, Math.floor(request.size));
  return Math.max(ranked, asked) + 1;
}

/** The page of a list counted up to `cap` rows: `counted === cap` means there are more. */
export function openPageOf(request: PageRequest, counted: number, cap: number): Page {
  return counted >= cap ? { ...pageOf(request, counted), open: true } : pageOf(request, counted);
}

/** "Visar 51–100 av 3 000 rader", "Visar 1–20 av fler än 2 000 träffar", "7 rader", "1 rad". */
export function pageSummary(page: Page, [one, many]: Noun): string | null {
  if (page.total === 0) return null;
  if (page.open)
    return `Visar ${formatCount(page.first)}–${formatCount(page.last)} av fler än ${formatCount(page.total - 1)} ${many}`;
  if (page.pageCount === 1) return countOf(page.total, one, many);
  return `Visar ${formatCount(page.first)}–${formatCount(page.last)} av ${formatCount(page.total)} ${many}`;
}

/**
 * The page numbers to link to: the first, the last, and two either side of the current one,
 * with "gap" where numbers are left out (1 … 4 5 6 7 8 … 20).
 */
export function pageNumbers(page: Pick<Page, "page" | "pageCount">, around = 2): (number | "gap")[] {
  const shown = new Set<number>([1, page.pageCount]);
  for (let n = page.page - around; n <= page.page + around; n++) if (n >= 1 && n <= page.pageCount) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  sorted.forEach((n, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && n - previous === 2) out.push(n - 1);
    else if (previous !== undefined && n - previous > 2) out.push("gap");
    out.push(n);
  });
  return out;
}

/**
 * The query string for page `n` of the same list: every filter (and another list's page) kept,
 * "sida" (or the list's own `param`) set, none for page 1.
 */
export function pageSearch(search: string, n: number, param: string = PAGE_PARAM): string {
  const params = new URLSearchParams(search);
  params.delete(param);
  if (n > 1) params.set(param, String(n));
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** "1 234" with a no-break space, as Swedish writes counts. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}
