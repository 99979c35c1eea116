import { LINKED_DOCUMENTS_PAGE, pageRequestFrom } from "~/domain/pagination";
import { DateText, DateTimeText, WeekdayDate } from "~/components/dates";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ExampleMark } from "~/components/example-mark";
import { meetingExampleMarks } from "~/models/example-facts.server";
import { LinkedDocuments } from "~/components/linked-documents";
import { pageOfDocumentsLinkedTo } from "~/models/document-links.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AgendaList, fileSize } from "~/components/agenda";
import { itemViews, visibleAgendaOf } from "~/models/agenda-view.server";
import { FormErrorSummary, formProps, TextareaField, useSchemaForm } from "~/components/forms";
import { notFound } from "~/auth/session.server";
import { declineProposalSchema, meetingActionSchema } from "~/forms/meeting";
import { todayInStockholm } from "~/domain/format";
import { agendaChangeRefusal, canProposeOn, isSigned, openFileCount, proposalDeadline } from "~/domain/meetings";
import { can } from "~/domain/policy";
import { acceptProposal, declineProposal, getProposal, proposalsOf } from "~/models/meeting-proposals.server";
import { agendaOf, moveAgendaItem } from "~/models/meeting-agenda.server";
import { noticeViewFor, publishNotice } from "~/models/meeting-notice.server";
import { minutesOf, startMinutes } from "~/models/meeting-minutes.server";
import { calledTo } from "~/models/meeting-attendance.server";
import { loadMeetingFor, loadMeetingForManager } from "~/auth/meeting-access.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.meeting.bodyShortName} ${data.meeting.date} – Samverkansportalen`
      : "Möte – Samverkansportalen",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await loadMeetingFor(request, params.meetingId);
  const { meeting, canManage, canPropose, canReadConfidential, viewer } = access;
  const minutes = minutesOf(meeting.id) ?? null;
  const shown = noticeViewFor(meeting, agendaOf(meeting.id), { canManage, minutesBegun: minutes !== null });
  // Of what the notice shows, what the viewer may see (no sekretess texts, no draft minutes).
  const items = visibleAgendaOf(access.actor, meeting, shown.items);
  const today = todayInStockholm();
  const proposals = proposalsOf(meeting.id)
    .filter((p) => canManage || p.proposedBy === viewer?.user.id)
    .map((p) => ({ ...p, files: p.files.map((f) => ({ id: f.id, originalName: f.originalName, size: f.size })) }));
  const { marks, decisionOfItem } = meetingExampleMarks(
    access.actor,
    meeting.id,
    items.map((i) => i.id),
  );
  return {
    meeting: shown.meeting,
    marks,
    decisionOfItem,
    items: itemViews(items, canReadConfidential),
    notice: shown.notice,
    latestVersionNo: shown.latest?.versionNo ?? 0,
    history: shown.history,
    unpublished: shown.unpublished,
    noticeShown: shown.noticeShown,
    proposals,
    // The minutes as far as the viewer may open them: draft minutes are the body's (no link to a
    // page that would refuse, and nothing of a draft in the page's data).
    minutes:
      minutes && can(access.actor, "read:meeting", { ...access.resource, published: isSigned(minutes) })
        ? minutes
        : null,
    // Approved minutes lock the agenda: no item is added, edited, moved or taken in from a proposal.
    agendaLocked: agendaChangeRefusal(minutes),
    canManage,
    canPropose: canPropose && canProposeOn(today, meeting.date, meeting.proposalDeadlineDays),
    isMember: canPropose,
    // Called on the meeting's day (a seat that begins before it included, one that ends before
    // it not): who reports förhinder here.
    isCalled: calledTo(meeting).some((p) => p.personId === (viewer?.user.personId ?? null)),
    deadline: proposalDeadline(meeting.date, meeting.proposalDeadlineDays),
    fileCount: openFileCount(items, canReadConfidential),
    documents: await pageOfDocumentsLinkedTo(
      access.actor,
      "meeting",
      meeting.id,
      pageRequestFrom(new URL(request.url).searchParams, undefined, LINKED_DOCUMENTS_PAGE),
    ),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, viewer } = await loadMeetingForManager(request, params.meetingId);
  const submission = parseForm(await readForm(request), meetingActionSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value;
  const userId = viewer.user.id;
  if (value.intent === "move" || value.intent === "accept") {
    const locked = agendaChangeRefusal(minutesOf(meeting.id));
    if (locked) return rejectForm(submission, { formErrors: [locked] }, 409);
  }
  switch (value.intent) {
    case "publish": {
      const published = publishNotice(userId, meeting.id, { version: value.version, notice: value.notice });
      if (!published.ok) return rejectForm(submission, { formErrors: [published.refusal] }, 409);
      const { versionNo } = published.version;
      return redirectWithStatus(
        `/moten/${meeting.id}?publicerad=${versionNo}`,
        `Kallelsen är publicerad (dagordning version ${versionNo}).`,
      );
    }
    case "move": {
      moveAgendaItem(userId, meeting.id, value.itemId, value.direction);
      return redirectWithStatus(`/moten/${meeting.id}#punkt-${value.itemId}`, "Punkten är flyttad.");
    }
    case "accept": {
      proposalOf(meeting.id, value.proposalId);
      acceptProposal(userId, value.proposalId);
      return redirectWithStatus(`/moten/${meeting.id}#forslag`, "Förslaget är godtaget och lagt på dagordningen.");
    }
    case "decline": {
      proposalOf(meeting.id, value.proposalId);
      declineProposal(userId, value.proposalId, value.reason);
      return redirectWithStatus(`/moten/${meeting.id}#forslag`, "Förslaget är avslaget.");
    }
    case "start-minutes": {
      startMinutes(userId, meeting.id);
      return redirectWithStatus(`/moten/${meeting.id}/protokoll`, "Protokollet är påbörjat.");
    }
  }
}

/** The proposal, if it belongs to this meeting; otherwise 404. */
function proposalOf(meetingId: number, proposalId: number) {
  const proposal = getProposal(proposalId);
  if (!proposal || proposal.meetingId !== meetingId) throw notFound("Förslaget finns inte.");
  return proposal;
}

/** The secretary's refusal of one proposal, with the reason the proposer will read. */
function DeclineForm({ proposalId }: { proposalId: number }) {
  const lastResult = useActionData<typeof action>();
  const mine = (lastResult?.initialValue as Record<string, unknown> | undefined)?.proposalId === String(proposalId);
  const [form, fields] = useSchemaForm(declineProposalSchema, {
    id: `avsla-${proposalId}`,
    lastResult: mine ? lastResult : null,
  });
  return (
    <Form method="post" className="stack" {...formProps(form)}>
      <FormErrorSummary form={form} />
      <input type="hidden" name="intent" value="decline" />
      <input type="hidden" name="proposalId" value={proposalId} />
      <TextareaField field={fields.reason} label="Skäl för att avslå" rows={2} />
      <button type="submit" className="button button--secondary">
        Avslå förslaget
      </button>
    </Form>
  );
}

export default function MeetingPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const m = d.meeting;
  // A change the agenda refused (it was locked after the page was loaded).
  const refused = result?.status === "error" ? (result.error?.[""] ?? []) : [];
  return (
    <>
      <Breadcrumbs trail={[["/moten", "Möten"]]} current={`${m.bodyShortName} ${m.date}`} />
      <h1>
        {m.bodyName}, <WeekdayDate date={m.date} />
        <ExampleMark marks={d.marks} entity="meeting" id={m.id} field="date" />
      </h1>
      <dl className="facts">
        <dt>Tid</dt>
        <dd>
          {m.startTime}–{m.endTime}
          <ExampleMark marks={d.marks} entity="meeting" id={m.id} field="time" />
        </dd>
        <dt>Plats</dt>
        <dd>
          {m.place || "–"}
          <ExampleMark marks={d.marks} entity="meeting" id={m.id} field="place" />
        </dd>
        {m.videoUrl ? (
          <>
            <dt>Video</dt>
            <dd>
              <a href={m.videoUrl} rel="noopener noreferrer">
                {m.videoUrl}
              </a>
            </dd>
          </>
        ) : null}
        <dt>Status</dt>
        <dd>{m.status}</dd>
        <dt>Kallelse</dt>
        <dd>
          {d.notice ? (
            <>
              publicerad <DateTimeText at={d.notice.publishedAt} />
              {d.latestVersionNo > 1 ? `, ändrad (version ${d.latestVersionNo})` : ""}
            </>
          ) : (
            "inte publicerad"
          )}
        </dd>
        {d.isMember ? (
          <>
            <dt>Förslag till punkter</dt>
            <dd>
              senast <DateText date={d.deadline} />
            </dd>
          </>
        ) : null}
      </dl>
      <p className="actions no-print">
        <Link to={`/moten/${m.id}/kallelse`}>Kallelse för utskrift</Link>
        <a href={`/moten/${m.id}/kallelse.pdf`}>Kallelse och handlingar som en PDF</a>
        {d.fileCount > 0 ? <a href={`/moten/${m.id}/handlingar.zip`}>Alla handlingar (zip)</a> : null}
        <a href={`/moten/${m.id}/kalender.ics`}>Lägg till i kalendern (.ics)</a>
        {d.isCalled || d.canManage ? <Link to={`/moten/${m.id}/forhinder`}>Förhinder och ersättare</Link> : null}
        {d.minutes || d.canManage ? <Link to={`/moten/${m.id}/protokoll`}>Protokoll</Link> : null}
        {d.canManage ? <Link to={`/moten/${m.id}/redigera`}>Ändra tid och plats</Link> : null}
      </p>

      {d.canManage ? (
        <section aria-labelledby="sekreterare" className="card no-print">
          <h2 id="sekreterare">Förbered mötet</h2>
          <div className="actions">
            {d.agendaLocked ? null : (
              <Link to={`/moten/${m.id}/punkter/ny`} className="button">
                Ny punkt
              </Link>
            )}
            {d.unpublished === null || d.unpublished.length > 0 ? (
              <Form method="post">
                <input type="hidden" name="intent" value="publish" />
                <input type="hidden" name="version" value={m.version} />
                <input type="hidden" name="notice" value={d.noticeShown ?? ""} />
                <button type="submit" className="button">
                  {d.notice ? "Publicera ändringarna som ny version av kallelsen" : "Publicera kallelsen"}
                </button>
              </Form>
            ) : (
              <span className="badge badge--ok">Dagordningen är publicerad</span>
            )}
            {!d.minutes ? (
              <Form method="post">
                <input type="hidden" name="intent" value="start-minutes" />
                <button type="submit" className="button button--secondary">
                  Påbörja protokoll
                </button>
              </Form>
            ) : null}
          </div>
        </section>
      ) : null}

      {d.unpublished && d.unpublished.length > 0 ? (
        <section aria-labelledby="opublicerade" className="notice notice--warn">
          <h2 id="opublicerade">Ändringar som inte är publicerade</h2>
          <p>
            Bara du som förbereder mötet ser dem. Ledamöterna ser kallelsen version {d.latestVersionNo} tills du
            publicerar en ny version.
          </p>
          <ul>
            {d.unpublished.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {d.history.length > 0 ? (
        <section aria-labelledby="andringar" className="notice notice--warn">
          <h2 id="andringar">Ändringar sedan kallelsen</h2>
          {d.history.map((v) => (
            <div key={v.versionNo}>
              <h3>
                Ändrad kallelse, version {v.versionNo}, publicerad <DateTimeText at={v.publishedAt} />
              </h3>
              {v.changes.length ? (
                <ul>
                  {v.changes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              ) : (
                <p>Inga ändringar i tid, plats eller dagordning.</p>
              )}
            </div>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="dagordning">
        <h2 id="dagordning">Dagordning</h2>
        {!d.notice ? <p className="muted">Utkast: dagordningen är inte publicerad ännu.</p> : null}
        {refused.map((message) => (
          <p key={message} className="notice notice--warn" role="alert">
            {message}
          </p>
        ))}
        <AgendaList
          items={d.items}
          meetingId={m.id}
          manage={d.canManage && !d.agendaLocked}
          marks={d.marks}
          decisionOfItem={d.decisionOfItem}
        />
      </section>

      <LinkedDocuments documents={d.documents.items} page={d.documents.page} param={LINKED_DOCUMENTS_PAGE} />

      {d.canPropose ? (
        <p className="no-print">
          <Link to={`/moten/${m.id}/forslag`} className="button button--secondary">
            Föreslå en punkt
          </Link>
        </p>
      ) : d.isMember ? (
        <p className="muted">
          Tiden för att föreslå punkter gick ut <DateText date={d.deadline} />.
        </p>
      ) : null}

      {d.proposals.length > 0 ? (
        <section aria-labelledby="forslag-rubrik" id="forslag">
          <h2 id="forslag-rubrik">{d.canManage ? "Förslag till punkter" : "Mina förslag"}</h2>
          <ul className="cards">
            {d.proposals.map((p) => (
              <li key={p.id} className="card">
                <h3>{p.title}</h3>
                <p>
                  <span
                    className={`badge ${p.status === "accepterat" ? "badge--ok" : p.status === "avslaget" ? "badge--bad" : "badge--warn"}`}
                  >
                    {p.status}
                  </span>{" "}
                  <span className="muted">från {p.proposer}</span>
                </p>
                {p.status === "avslaget" ? <p>Skäl: {p.declineReason}</p> : null}
                {p.proposedDecision ? <p>Förslag till beslut: {p.proposedDecision}</p> : null}
                {p.files.length ? (
                  <ul className="files">
                    {p.files.map((f) => (
                      <li key={f.id}>
                        <a href={`/filer/${f.id}`}>{f.originalName}</a>{" "}
                        <span className="muted">({fileSize(f.size)})</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {d.canManage && p.status === "inkommet" ? (
                  <div className="no-print">
                    {d.agendaLocked ? null : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="accept" />
                        <input type="hidden" name="proposalId" value={p.id} />
                        <button type="submit" className="button">
                          Ta med i dagordningen
                        </button>
                      </Form>
                    )}
                    <DeclineForm proposalId={p.id} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
