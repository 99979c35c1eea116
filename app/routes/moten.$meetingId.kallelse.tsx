import { DateTimeText, WeekdayDate } from "~/components/dates";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AgendaList } from "~/components/agenda";
import { ExampleMark } from "~/components/example-mark";
import { meetingExampleMarks } from "~/models/example-facts.server";
import { countOf } from "~/domain/format";
import { secretaryName } from "~/domain/meetings";
import { agendaOf } from "~/models/meeting-agenda.server";
import { noticeViewFor } from "~/models/meeting-notice.server";
import { minutesOf } from "~/models/meeting-minutes.server";
import { membersOnDate } from "~/models/meeting-attendance.server";
import { loadMeetingFor } from "~/auth/meeting-access.server";
import { itemViews, visibleAgendaOf } from "~/models/agenda-view.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Kallelse ${data.meeting.bodyShortName} ${data.meeting.date}` : "Kallelse" },
];

/** The printable notice of meeting (kallelse) with the agenda and its documents listed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, actor, canReadConfidential, canManage } = await loadMeetingFor(request, params.meetingId);
  const members = membersOnDate(meeting.bodyId, meeting.date);
  const shown = noticeViewFor(meeting, agendaOf(meeting.id), {
    canManage,
    minutesBegun: minutesOf(meeting.id) !== undefined,
  });
  const items = visibleAgendaOf(actor, meeting, shown.items);
  const { marks, decisionOfItem } = meetingExampleMarks(
    actor,
    meeting.id,
    items.map((i) => i.id),
  );
  return {
    meeting: shown.meeting,
    marks,
    decisionOfItem,
    items: itemViews(items, canReadConfidential),
    publishedAt: shown.notice?.publishedAt ?? null,
    versionNo: shown.latest?.versionNo ?? 0,
    history: shown.history,
    unpublished: shown.unpublished,
    members,
    secretary: secretaryName(members),
    // Förhinder is reported in the portal by those who are signed in; others are not sent to sign-in.
    canReportAbsence: actor !== null,
  };
}

export default function Notice() {
  const {
    meeting,
    items,
    publishedAt,
    versionNo,
    history,
    unpublished,
    members,
    secretary,
    marks,
    decisionOfItem,
    canReportAbsence,
  } = useLoaderData<typeof loader>();
  return (
    <article className="printable">
      <p className="no-print">
        <Link to={`/moten/${meeting.id}`}>Tillbaka till mötet</Link> · Skriv ut med webbläsarens utskriftsfunktion,
        eller hämta <a href={`/moten/${meeting.id}/kallelse.pdf`}>kallelsen och handlingarna som en PDF</a>.
      </p>
      <h1>
        {versionNo > 1 ? `Ändrad kallelse (version ${versionNo})` : "Kallelse"}: {meeting.bodyName}
      </h1>
      {unpublished && unpublished.length > 0 ? (
        <p className="notice notice--warn no-print">
          Du ser mötet som det är nu; {countOf(unpublished.length, "ändring", "ändringar")} är inte{" "}
          {unpublished.length === 1 ? "publicerad" : "publicerade"} och syns inte för ledamöterna.
        </p>
      ) : null}
      <dl className="facts">
        <dt>Dag</dt>
        <dd>
          <WeekdayDate date={meeting.date} />
          <ExampleMark marks={marks} entity="meeting" id={meeting.id} field="date" />
        </dd>
        <dt>Tid</dt>
        <dd>
          {meeting.startTime}–{meeting.endTime}
          <ExampleMark marks={marks} entity="meeting" id={meeting.id} field="time" />
        </dd>
        <dt>Plats</dt>
        <dd>
          {meeting.place || "–"}
          <ExampleMark marks={marks} entity="meeting" id={meeting.id} field="place" />
        </dd>
        {meeting.videoUrl ? (
          <>
            <dt>Video</dt>
            <dd>{meeting.videoUrl}</dd>
          </>
        ) : null}
        <dt>Publicerad</dt>
        <dd>
          {publishedAt ? (
            <>
              <DateTimeText at={publishedAt} />
              {versionNo > 1 ? ` (version ${versionNo})` : ""}
            </>
          ) : (
            "Utkast, inte publicerad"
          )}
        </dd>
      </dl>
      {history.length > 0 ? (
        <section aria-labelledby="andringar">
          <h2 id="andringar">Ändringar sedan den första kallelsen</h2>
          <ul>
            {history.flatMap((v) =>
              v.changes.map((c) => (
                <li key={`${v.versionNo}-${c}`}>
                  Version {v.versionNo}: {c}
                </li>
              )),
            )}
          </ul>
        </section>
      ) : null}
      <p className="notice-sender">
        Avsändare: {meeting.bodyName}
        {secretary ? `, ${secretary} (sekreterare)` : ""}
      </p>
      <p>
        Anmäl förhinder till {secretary ? `sekreteraren ${secretary}` : "sekreteraren"}
        {canReportAbsence ? (
          <>
            {" "}
            eller i portalen: <a href={`/moten/${meeting.id}/forhinder`}>Anmäl förhinder</a>
          </>
        ) : null}
        .
      </p>
      <h2>Kallade</h2>
      <ul>
        {members.map((m) => (
          <li key={`${m.personId}-${m.role}`}>
            {m.name}, {m.role}
          </li>
        ))}
      </ul>
      <h2>Dagordning</h2>
      <AgendaList items={items} meetingId={meeting.id} manage={false} marks={marks} decisionOfItem={decisionOfItem} />
    </article>
  );
}
