import { DateText } from "~/components/dates";
import { Link } from "@remix-run/react";
import { TableRegion } from "./table-region";

/** What the minutes record of a § besides its text (app/models/meeting-paragraphs.server.ts). */
interface Details {
  motions: { id: number; name: string; text: string }[];
  vote: { summary: string; rows: { name: string; vote: string }[] } | null;
  disqualified: string[];
  reservations: { name: string; reason: string }[];
  notes: { name: string; text: string }[];
  carriedTo: { meetingId: number; date: string } | null;
  carriedFrom: { meetingId: number; date: string; paragraph: number | null } | null;
  dispatchTo: string;
}

/** What a § shows beside its decision (the minutes and the extract of one §). */
interface ParagraphItem {
  paragraph: number | null;
  outcome: string | null;
  details: Details | null;
}

/** Yrkanden, votering, jäv, reservationer, protokollsanteckningar and expediering of one §. */
export function ParagraphDetails({ item }: { item: ParagraphItem }) {
  const x = item.details;
  if (!x) return null;
  return (
    <div className="paragraph-details">
      {x.motions.length ? (
        <>
          <h4>Yrkanden</h4>
          <ul>
            {x.motions.map((mo) => (
              <li key={mo.id}>
                {mo.name} yrkar: {mo.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {x.vote ? (
        <>
          <p>{x.vote.summary}</p>
          <TableRegion label={`Omröstningslista § ${item.paragraph}`}>
            <table>
              <caption>Omröstningslista § {item.paragraph}</caption>
              <thead>
                <tr>
                  <th scope="col">Ledamot</th>
                  <th scope="col">Röst</th>
                </tr>
              </thead>
              <tbody>
                {x.vote.rows.map((r) => (
                  <tr key={r.name}>
                    <th scope="row">{r.name}</th>
                    <td>{r.vote}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      ) : null}
      {x.disqualified.length ? <p>Jäv: {x.disqualified.join(", ")} deltog inte i handläggningen.</p> : null}
      {x.reservations.map((r) => (
        <p key={r.name}>
          Reservation: {r.name} reserverar sig mot beslutet{r.reason ? `: ${r.reason}` : "."}
        </p>
      ))}
      {x.notes.map((n) => (
        <p key={n.name}>
          Protokollsanteckning: {n.name}: {n.text}
        </p>
      ))}
      {x.carriedTo ? (
        <p>
          {item.outcome === "bordlagd" ? "Bordlagd" : "Återremitterad"} till{" "}
          <Link to={`/moten/${x.carriedTo.meetingId}`}>
            mötet <DateText date={x.carriedTo.date} />
          </Link>
          .
        </p>
      ) : null}
      {x.carriedFrom ? (
        <p>
          Från{" "}
          <Link to={`/moten/${x.carriedFrom.meetingId}/protokoll`}>
            § {x.carriedFrom.paragraph} den <DateText date={x.carriedFrom.date} />
          </Link>
          .
        </p>
      ) : null}
      {x.dispatchTo ? <p>Expedieras till: {x.dispatchTo}</p> : null}
    </div>
  );
}
