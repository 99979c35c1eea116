import { DateText, keepUnitsWhole } from "~/components/dates";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { exampleMarksOf } from "~/models/example-facts.server";
import { ExampleMark } from "~/components/example-mark";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { formProps, SelectField, useSchemaForm } from "~/components/forms";
import { decisionStatusSchema } from "~/forms/decision";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { getViewer, notFound, requireReadable, requireViewerWith } from "~/auth/session.server";
import { canReadDecision, DECISION_STATUSES } from "~/domain/decisions";
import { isSigned } from "~/domain/meetings";
import { can } from "~/domain/policy";
import { recommendationResource } from "~/domain/recommendations";
import { getDecision, setDecisionStatus } from "~/models/decisions.server";
import { listRecommendationsForDecision } from "~/models/decision-links.server";
import { idParam } from "~/utils/params";
import { redirectWithStatus } from "~/utils/flash.server";
import { readForm } from "~/utils/request-body.server";
import { minutesOf } from "~/models/meeting-minutes.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.decision.title ?? "Beslut"} – Samverkansportalen` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const actor = viewer?.actor ?? null;
  const decision = getDecision(idParam(params.decisionId));
  // A procedural § (formalia) is part of the minutes, not a decision in the register.
  if (!decision || !decision.inRegister) throw notFound("Beslutet finns inte.");
  if (!canReadDecision(actor, decision))
    requireReadable(actor, "read:meeting", { bodyId: decision.bodyId }, "Beslutet finns inte.");
  return {
    decision,
    marks: exampleMarksOf({ decision: [decision.id], meeting: [decision.meetingId], matter: [decision.matterId] }),
    recommendations: listRecommendationsForDecision(decision.id).filter((r) =>
      can(actor, "read:recommendation", recommendationResource(r)),
    ),
    canCreateRecommendation: can(actor, "manage:decisions"),
    // No dead ends (issue 15): link the matter and the minutes only for a viewer who may open them.
    // A matter is its collaboration's working record (SVOM's decisions serve several).
    canOpenMatter:
      decision.matterId !== null &&
      can(actor, "read:matters", { collaborationId: decision.matterCollaborationId ?? -1 }),
    canOpenMinutes:
      decision.meetingId !== null &&
      can(actor, "read:meeting", {
        bodyId: decision.bodyId,
        publicRecords: decision.publicRecords,
        published: isSigned(minutesOf(decision.meetingId)),
      }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:decisions");
  const decision = getDecision(idParam(params.decisionId));
  if (!decision) throw notFound("Beslutet finns inte.");
  const submission = parseForm(await readForm(request), decisionStatusSchema);
  if (submission.status !== "success") return rejectForm(submission);
  setDecisionStatus(viewer.user.id, decision.id, submission.value.status);
  return redirectWithStatus(`/beslut/${decision.id}`, "Beslutets status är sparad.");
}

export default function DecisionPage() {
  const {
    decision: d,
    marks,
    recommendations,
    canCreateRecommendation,
    canOpenMatter,
    canOpenMinutes,
  } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(decisionStatusSchema, {
    lastResult: useActionData<typeof action>(),
    defaultValue: { status: d.status },
  });
  return (
    <article>
      <Breadcrumbs trail={[["/beslut", "Beslutsregister"]]} current={`${d.title}`} />
      <p className="muted">
        {d.bodyName} · <DateText date={d.decidedOn} />
        <ExampleMark marks={marks} entity="meeting" id={d.meetingId} field="date" />
        {d.paragraph ? ` · § ${d.paragraph}` : ""}
        <ExampleMark marks={marks} entity="decision" id={d.id} field="paragraph" /> · {d.kind} · {d.status}
      </p>
      <h1>
        {d.title}
        {d.approval === "utkast" ? (
          <>
            {" "}
            <span className="badge badge--warn">utkast</span>
          </>
        ) : null}
      </h1>
      {d.approval === "utkast" ? (
        <p className="notice notice--warn">
          Utkast: protokollet är inte justerat. Beslutet syns bara för organets ledamöter och sekreterare tills det
          justeras.
        </p>
      ) : null}
      <h2>Beslut</h2>
      <p className="pre">
        {keepUnitsWhole(d.text || "–")}
        <ExampleMark marks={marks} entity="decision" id={d.id} field="text" />
      </p>
      <dl className="facts">
        {d.registryNumber ? (
          <>
            <dt>Ärende</dt>
            <dd>
              {canOpenMatter ? <Link to={`/arenden/${d.matterId}`}>{d.registryNumber}</Link> : d.registryNumber}
              <ExampleMark marks={marks} entity="matter" id={d.matterId} field="registryNumber" />
            </dd>
          </>
        ) : null}
        {d.meetingId ? (
          <>
            <dt>Möte</dt>
            <dd>
              {canOpenMinutes ? (
                <Link to={`/moten/${d.meetingId}/protokoll`}>
                  Protokollet från <DateText date={d.meetingDate} />
                </Link>
              ) : (
                keepUnitsWhole(`Protokollet från ${d.meetingDate}`)
              )}
            </dd>
          </>
        ) : null}
      </dl>
      {recommendations.length ? (
        <>
          <h2>Rekommendationer till parterna</h2>
          <ul>
            {recommendations.map((r) => (
              <li key={r.id}>
                <Link to={`/rekommendationer/${r.id}`}>{r.title}</Link> (svar senast{" "}
                <DateText date={r.answerDeadline} />)
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canCreateRecommendation ? (
        <Form method="post" className="actions no-print" {...formProps(form)}>
          <SelectField
            field={fields.status}
            label="Status"
            options={DECISION_STATUSES.map((s) => ({ value: s, label: s }))}
          />
          <button type="submit" className="button button--secondary">
            Spara status
          </button>
        </Form>
      ) : null}
      {canCreateRecommendation && d.kind === "rekommendation" ? (
        <p className="no-print">
          <Link to={`/rekommendationer/ny?beslut=${d.id}`} className="button button--secondary">
            Skicka som rekommendation till parterna
          </Link>
        </p>
      ) : null}
    </article>
  );
}
