import { DateText } from "~/components/dates";
import { Link } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import type { Page } from "~/domain/pagination";

/** Library documents linked to the page's object, a page at a time (access applied in the query). */
export function LinkedDocuments({
  documents,
  page,
  param,
}: {
  documents: { id: number; title: string; kind: string; date: string }[];
  page: Page;
  /** The page parameter of this list (the page the list sits on has lists of its own). */
  param: string;
}) {
  if (page.total === 0) return null;
  return (
    <section aria-labelledby="kopplade-dokument">
      <h2 id="kopplade-dokument">Dokument</h2>
      <ul>
        {documents.map((d) => (
          <li key={d.id}>
            <Link to={`/dokument/${d.id}`}>{d.title}</Link>{" "}
            <span className="muted">
              ({d.kind}, <DateText date={d.date} />)
            </span>
          </li>
        ))}
      </ul>
      <Pagination page={page} label="Sidor med kopplade dokument" noun={["dokument", "dokument"]} param={param} />
    </section>
  );
}
