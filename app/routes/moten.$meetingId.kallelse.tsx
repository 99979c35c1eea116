import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AgendaList } from "~/components/agenda";
import { formatDateTime, formatDateWithWeekday } from "~/domain/format";
import { agendaOf } from "~/models/meeting-agenda.server";
import { agendaVersionsOf } from "~/models/meeting-notice.server";
import { membersOnDate } from "~/models/meeting-attendance.server";
import { loadMeetingFor } from "~/auth/meeting-access.server";
import { itemViews } from "~/models/agenda-view.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Kallelse ${data.meeting.bodyShortName} ${data.meeting.date}` : "Kallelse" },
];

/** The printable notice of meeting (kallelse) with the agenda and its documents listed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, canReadConfidential } = await loadMeetingFor(request, params.meetingId);
  const versions = agendaVersionsOf(meeting.id);
  return {
    meeting,
    items: itemViews(agendaOf(meeting.id), canReadConfidential),
    publishedAt: versions[0]?.publishedAt ?? null,
    versionNo: versions.at(-1)?.versionNo ?? 0,
    members: membersOnDate(meeting.bodyId, meeting.date),
  };
}

export default function Notice() {
  const { meeting, items, publishedAt, versionNo, members } = useLoaderData<typeof loader>();
  return (
    <article className="printable">
      <p className="no-print">
        <Link to={`/moten/${meeting.id}`}>Tillbaka till mötet</Link> · Skriv ut med webbläsarens utskriftsfunktion.
      </p>
      <h1>Kallelse: {meeting.bodyName}</h1>
      <dl className="facts">
        <dt>Dag</dt>
        <dd>{formatDateWithWeekday(meeting.date)}</dd>
        <dt>Tid</dt>
        <dd>
          {meeting.startTime}–{meeting.endTime}
        </dd>
        <dt>Plats</dt>
        <dd>{meeting.place || "–"}</dd>
        {meeting.videoUrl ? (
          <>
            <dt>Video</dt>
            <dd>{meeting.videoUrl}</dd>
          </>
        ) : null}
        <dt>Publicerad</dt>
        <dd>
          {publishedAt
            ? `${formatDateTime(publishedAt)}${versionNo > 1 ? ` (version ${versionNo})` : ""}`
            : "Utkast, inte publicerad"}
        </dd>
      </dl>
      <h2>Kallade</h2>
      <ul>
        {members.map((m) => (
          <li key={`${m.personId}-${m.role}`}>
            {m.name}, {m.role}
          </li>
        ))}
      </ul>
      <h2>Dagordning</h2>
      <AgendaList items={items} meetingId={meeting.id} manage={false} />
    </article>
  );
}
