import { DateText } from "~/components/dates";
import { Link } from "@remix-run/react";

/** Library documents linked to the page's object (already filtered by the viewer's access). */
export function LinkedDocuments({
  documents,
}: {
  documents: { id: number; title: string; kind: string; date: string }[];
}) {
  if (documents.length === 0) return null;
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
    </section>
  );
}
