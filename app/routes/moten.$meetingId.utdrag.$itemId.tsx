import { DateTimeText, WeekdayDate, keepUnitsWhole } from "~/components/dates";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requirePermission } from "~/auth/session.server";
import { isSigned } from "~/domain/meetings";
import { minutesOf } from "~/models/meeting-minutes.server";
import { extractOf } from "~/models/meeting-extracts.server";
import { loadMeetingFor } from "~/auth/meeting-access.server";
import { idParam } from "~/utils/params";
import { ParagraphDetails } from "~/components/paragraph-details";
import { ExampleMark } from "~/components/example-mark";
import { exampleMarksOf, meetingExampleMarks } from "~/models/example-facts.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Protokollsutdrag § ${data.item.paragraph} ${data.meeting.bodyShortName} ${data.meeting.date}`
      : "Protokollsutdrag",
  },
];

/** Protokollsutdrag: one paragraph with the header, attendance and decision, for a party's own council. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await loadMeetingFor(request, params.meetingId);
  const record = minutesOf(access.meeting.id);
  const approved = isSigned(record);
  requirePermission(access.actor, "read:meeting", { ...access.resource, published: approved });
  const extract = extractOf(access.actor, access.meeting, idParam(params.itemId));
  if (!extract) throw notFound("Paragrafen finns inte.");
  const hidden = extract.item.confidential && !access.canReadConfidential;
  const { marks, decisionOfItem } = meetingExampleMarks(access.actor, access.meeting.id, [idParam(params.itemId)]);
  return {
    marks: [...marks, ...exampleMarksOf({ matter: [extract.item.matterId] })],
    decisionId: decisionOfItem[idParam(params.itemId)] ?? null,
    meeting: access.meeting,
    /** The whole minutes are approved (their signatures are shown). */
    minutesApproved: approved,
    /** This § is approved: with the minutes, or at the meeting (as the register says). */
    approval: extract.approval,
    minutesApprovedAt: extract.record.approvedAt,
    item: hidden
      ? { ...extract.item, decisionText: "Sekretessmarkerad.", minutesNote: "", details: null }
      : extract.item,
    present: extract.present,
    secretary: extract.secretary,
    signatures: extract.signatures,
  };
}

export default function Extract() {
  const d = useLoaderData<typeof loader>();
  return (
    <article className="printable extract">
      <p className="no-print">
        <Link to={`/moten/${d.meeting.id}/protokoll`}>Tillbaka till protokollet</Link> · Skriv ut med webbläsarens
        utskriftsfunktion.
      </p>
      <p className="muted">PROTOKOLLSUTDRAG</p>
      <h1>{d.meeting.bodyName}</h1>
      {d.item.registryNumber ? (
        <p>
          Dnr {d.item.registryNumber}
          <ExampleMark marks={d.marks} entity="matter" id={d.item.matterId} field="registryNumber" />
        </p>
      ) : null}
      <p>
        Sammanträdesdatum <WeekdayDate date={d.meeting.date} />
        <ExampleMark marks={d.marks} entity="meeting" id={d.meeting.id} field="date" />, {d.meeting.startTime}–
        {d.meeting.endTime}
        <ExampleMark marks={d.marks} entity="meeting" id={d.meeting.id} field="time" />, {d.meeting.place || "digitalt"}
        <ExampleMark marks={d.marks} entity="meeting" id={d.meeting.id} field="place" />
      </p>
      {!d.approval.approved ? (
        <p className="notice notice--warn" role="status">
          Utkast: protokollet är inte justerat.
        </p>
      ) : null}
      <h2>
        Närvarande
        <ExampleMark marks={d.marks} entity="minutes" id={d.meeting.id} field="attendance" />
      </h2>
      <ul>
        {d.present.map((p) => (
          <li key={p.name}>
            {p.name}
            {p.role ? `, ${p.role}` : ""}
            {p.substitute ? " (tjänstgörande ersättare)" : ""}
          </li>
        ))}
      </ul>
      <h2>
        § {d.item.paragraph}
        <ExampleMark marks={d.marks} entity="decision" id={d.decisionId} field="paragraph" /> {d.item.title}
      </h2>
      {d.item.minutesNote ? <p className="pre">{keepUnitsWhole(d.item.minutesNote)}</p> : null}
      <h3>Beslut</h3>
      <p className="pre">
        {keepUnitsWhole(d.item.decisionText || "–")}
        <ExampleMark marks={d.marks} entity="decision" id={d.decisionId} field="text" />
      </p>
      <ParagraphDetails item={d.item} />
      <h2>
        Justering
        <ExampleMark marks={d.marks} entity="minutes" id={d.meeting.id} field="adjustment" />
      </h2>
      {d.approval.immediately ? (
        <p>
          Paragrafen justerades omedelbart
          {d.approval.approvedAt ? (
            <>
              {" "}
              <DateTimeText at={d.approval.approvedAt} />
            </>
          ) : null}
          .
        </p>
      ) : null}
      {d.minutesApproved ? (
        <p>
          Protokollet justerades {d.minutesApprovedAt ? <DateTimeText at={d.minutesApprovedAt} /> : null} av{" "}
          {d.signatures.map((s) => `${s.name} (${s.role})`).join(", ")}.
        </p>
      ) : d.approval.immediately ? null : (
        <p>Inte justerat.</p>
      )}
      <section aria-labelledby="intygande" className="certification">
        <h2 id="intygande">Rätt utdraget intygar</h2>
        <p className="signature-line">{d.secretary ? `${d.secretary}, sekreterare` : "Sekreterare"}</p>
      </section>
    </article>
  );
}
