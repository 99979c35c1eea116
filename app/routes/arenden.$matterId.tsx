import { DateText, keepUnitsWhole } from "~/components/dates";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { exampleMarksOf } from "~/models/example-facts.server";
import { ExampleMark } from "~/components/example-mark";
import { LinkedDocuments } from "~/components/linked-documents";
import { pageOfDocumentsLinkedTo } from "~/models/document-links.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireReadable, requireViewerWith } from "~/auth/session.server";
import { ConflictNotice, conflictOf } from "~/components/conflict-notice";
import { FormErrorSummary, formProps, useSchemaForm } from "~/components/forms";
import { can } from "~/domain/policy";
import { matterStatusSchema } from "~/forms/matter";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { getMatter, pageOfMatterTimeline, setMatterStatus } from "~/models/matters.server";
import { idParam } from "~/utils/params";
import { Pagination } from "~/components/pagination";
import { LINKED_DOCUMENTS_PAGE, pageRequestFrom } from "~/domain/pagination";
import { redirectWithStatus } from "~/utils/flash.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.matter.title ?? "Ärende"} – Samverkansportalen` },
];

const KIND_LABEL = {
  dagordning: "Dagordning",
  beslut: "Beslut",
  rekommendation: "Rekommendation",
  svar: "Partens beslut",
  uppdrag: "Uppdrag",
} as const;

/** A matter's timeline across bodies: agenda items, decisions, recommendations and every party's answer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewerWith(request, "read:matters");
  const matter = getMatter(idParam(params.matterId));
  if (!matter) throw notFound("Ärendet finns inte.");
  requireReadable(viewer.actor, "read:matters", { collaborationId: matter.collaborationId }, "Ärendet finns inte.");
  // A page of what the viewer may read: events the viewer may not open are left out in the query.
  const timeline = await pageOfMatterTimeline(
    viewer.actor,
    matter.id,
    pageRequestFrom(new URL(request.url).searchParams),
  );
  const events = timeline.items;
  return {
    matter,
    marks: exampleMarksOf({
      matter: [matter.id],
      decision: events.flatMap((e) => (e.source?.entity === "decision" ? [e.source.id] : [])),
      "recommendation-party": events.flatMap((e) => (e.source?.entity === "recommendation-party" ? [e.source.id] : [])),
    }),
    canManage: can(viewer.actor, "manage:decisions"),
    events,
    timelinePage: timeline.page,
    documents: await pageOfDocumentsLinkedTo(
      viewer.actor,
      "matter",
      matter.id,
      pageRequestFrom(new URL(request.url).searchParams, undefined, LINKED_DOCUMENTS_PAGE),
    ),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:decisions");
  const matter = getMatter(idParam(params.matterId));
  if (!matter) throw notFound("Ärendet finns inte.");
  const submission = parseForm(await readForm(request), matterStatusSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const { version, status } = submission.value;
  const saved = setMatterStatus(viewer.user.id, matter.id, version, status);
  if (!saved.ok) return rejectConflict(submission, { status: saved.conflict.status }, saved.conflict.version);
  return redirectWithStatus(`/arenden/${matter.id}`, "Ärendets status är sparad.");
}

export default function MatterPage() {
  const { matter, marks, events, timelinePage, documents, canManage } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const conflict = conflictOf<{ status: string }>(lastResult);
  const typed = (lastResult?.initialValue ?? {}) as Record<string, string | undefined>;
  const [form] = useSchemaForm(matterStatusSchema, { lastResult });
  return (
    <>
      <Breadcrumbs trail={[["/arenden", "Ärenden"]]} current={`${matter.registryNumber}`} />
      <h1>{matter.title}</h1>
      <p className="muted">
        Diarienummer {matter.registryNumber}
        <ExampleMark marks={marks} entity="matter" id={matter.id} field="registryNumber" /> · {matter.status}
      </p>
      {matter.description ? <p className="pre">{keepUnitsWhole(matter.description)}</p> : null}
      {conflict ? (
        <ConflictNotice what="ärendet" rows={[["Status", conflict.theirs.status, typed.status ?? ""]]} />
      ) : null}
      <FormErrorSummary form={form} />
      {canManage ? (
        <Form method="post" className="no-print" {...formProps(form)}>
          <input type="hidden" name="version" value={matter.version} />
          <input type="hidden" name="status" value={matter.status === "öppet" ? "avslutat" : "öppet"} />
          <button type="submit" className="button button--secondary">
            {matter.status === "öppet" ? "Avsluta ärendet" : "Öppna ärendet igen"}
          </button>
        </Form>
      ) : null}
      <LinkedDocuments documents={documents.items} page={documents.page} param={LINKED_DOCUMENTS_PAGE} />
      <h2>Tidslinje</h2>
      {events.length === 0 ? (
        <p>Inget är kopplat till ärendet ännu.</p>
      ) : (
        <ol className="timeline matter-timeline" start={timelinePage.first}>
          {events.map((e) => (
            <li key={e.key}>
              <strong>
                <DateText date={e.date} />
              </strong>{" "}
              <span className="badge badge--neutral">{KIND_LABEL[e.kind]}</span>{" "}
              {e.bodyName && e.kind !== "svar" ? `${e.bodyName}: ` : ""}
              {e.href ? <Link to={e.href}>{keepUnitsWhole(e.text)}</Link> : keepUnitsWhole(e.text)}
              {e.source?.entity === "decision" ? (
                <>
                  <ExampleMark marks={marks} entity="decision" id={e.source.id} field="paragraph" />
                  <ExampleMark marks={marks} entity="decision" id={e.source.id} field="text" />
                </>
              ) : null}
              {e.source?.entity === "recommendation-party" ? (
                <ExampleMark marks={marks} entity="recommendation-party" id={e.source.id} field="answer" />
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <Pagination page={timelinePage} label="Sidor i tidslinjen" noun={["händelse", "händelser"]} />
    </>
  );
}
