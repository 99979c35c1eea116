import { Link, useLocation } from "@remix-run/react";
import type { Noun } from "~/domain/format";
import { pageNumbers, pageSearch, pageSummary, type Page } from "~/domain/pagination";

/**
 * "Visar 51–100 av 3 000" and links to the other pages of the same list, filters kept.
 * Plain links: they work without JavaScript, and each page has its own URL to share.
 */
export function Pagination({
  page,
  label,
  noun = ["rad", "rader"],
  param,
}: {
  page: Page;
  label: string;
  /** The query-string parameter of this list's page, when the page has another list ("sida" by default). */
  param?: string;
  /** What the list holds, singular and plural: ["person", "personer"]. */
  noun?: Noun;
}) {
  const { search } = useLocation();
  const summary = pageSummary(page, noun);
  if (!summary) return null;
  if (page.pageCount === 1) return <p className="muted pagination-summary">{summary}</p>;
  return (
    <nav className="pagination" aria-label={label}>
      <p className="muted pagination-summary">{summary}</p>
      <ul>
        {page.page > 1 ? (
          <li>
            <Link to={{ search: pageSearch(search, page.page - 1, param) }} rel="prev">
              Föregående<span className="visually-hidden"> sida</span>
            </Link>
          </li>
        ) : null}
        {pageNumbers(page).map((n, i) =>
          n === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true" className="pagination-gap">
              …
            </li>
          ) : (
            <li key={n}>
              <Link
                to={{ search: pageSearch(search, n, param) }}
                aria-current={n === page.page ? "page" : undefined}
                aria-label={`Sida ${n}`}
              >
                {n}
              </Link>
            </li>
          ),
        )}
        {page.page < page.pageCount ? (
          <li>
            <Link to={{ search: pageSearch(search, page.page + 1, param) }} rel="next">
              Nästa<span className="visually-hidden"> sida</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
