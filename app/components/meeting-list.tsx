import { WeekdayDate } from "~/components/dates";
import { Link } from "@remix-run/react";
import type { ExampleMarks } from "~/domain/example-facts";
import { ExampleMark } from "./example-mark";
import { TableRegion } from "./table-region";

export interface MeetingRow {
  id: number;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  videoUrl?: string;
  status: string;
  bodyName: string;
}

/** `marks`: the example marks of the listed meetings (`exampleMarksOf({ meeting: ids })`). */
export function MeetingList({
  meetings,
  showBody = true,
  empty,
  caption,
  marks = [],
}: {
  meetings: MeetingRow[];
  showBody?: boolean;
  empty: string;
  caption?: string;
  marks?: ExampleMarks;
}) {
  if (meetings.length === 0) return <p className="muted">{empty}</p>;
  return (
    <TableRegion label={caption ?? "Möten"}>
      <table>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">Datum</th>
            <th scope="col">Tid</th>
            {showBody ? <th scope="col">Organ</th> : null}
            <th scope="col">Plats</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((m) => (
            <tr key={m.id}>
              <td>
                <Link to={`/moten/${m.id}`}>
                  <WeekdayDate date={m.date} />
                </Link>
                <ExampleMark marks={marks} entity="meeting" id={m.id} field="date" />
              </td>
              <td>
                {m.startTime}–{m.endTime}
                <ExampleMark marks={marks} entity="meeting" id={m.id} field="time" />
              </td>
              {showBody ? <td>{m.bodyName}</td> : null}
              <td>
                {m.place || (m.videoUrl ? "Digitalt" : "–")}
                <ExampleMark marks={marks} entity="meeting" id={m.id} field="place" />
              </td>
              <td>{m.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
