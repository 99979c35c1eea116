import { DateText, keepUnitsWhole } from "~/components/dates";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { exampleMarksOf } from "~/models/example-facts.server";
import { ExampleMark } from "~/components/example-mark";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formProps, SelectField, useSchemaForm } from "~/components/forms";
import { ConflictNotice, conflictOf } from "~/components/conflict-notice";
import { decisionStatusSchema } from "~/forms/decision";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { getViewer, notFound, requireReadable, requireViewerWith } from "~/auth/session.server";
import { canReadDecision, DECISION_STATUSES, decisionStatusRefusal } from "~/domain/decisions";
import { isSigned } from "~/domain/meetings";
import { can } from "~/domain/policy";
import { recommendationResource } from "~/domain/recommendations";
import { getDecision, setDecisionStatus } from "~/models/decisions.server";
import { listRecommendationsForDecision } from "~/models/decision-links.server";
import { idParam } from "~/utils/params";
import { redirectWithStatus } from "~/utils/flash.server";
import { readForm } from "~/utils/request-body.server";
import { minutesOf } from "~/models/meeting-minutes.server";
import { pageOfDecisionAssignments } from "~/models/assignments.server";
import { getBody } from "~/models/bodies.server";
import { withCollaboration } from "~/domain/collaboration";
import { pageRequestFrom } from "~/domain/pagination";
import { Pagination } from "~/components/pagination";

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
  const url = new URL(request.url);
  return {
    decision,
    marks: exampleMarksOf({ decision: [decision.id], meeting: [decision.meetingId], matter: [decision.matterId] }),
    recommendations: listRecommendationsForDecision(decision.id).filter((r) =>
      can(actor, "read:recommendation", recommendationResource(r)),
    ),
    canCreateRecommendation: can(actor, "manage:decisions"),
    // The assignments the decision gave, those the viewer may know of (participants only).
    assignments: actor ? await pageOfDecisionAssignments(actor, decision.id, pageRequestFrom(url.searchParams)) : null,
    // The coordinator gives a new one in a collaboration the deciding body serves (SVOM serves several).
    newAssignmentIn: can(actor, "manage:decisions")
      ? (getBody(decision.bodyId)?.collaborations ?? []).map((c) => ({
          name: c.name,
          href: withCollaboration(`/uppdrag?beslut=${decision.id}#nytt-uppdrag`, c.slug),
        }))
      : [],
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
  // As the loader: a procedural § is part of the minutes, not a decision with a page or a status.
  if (!decision || !decision.inRegister) throw notFound("Beslutet finns inte.");
  const submission = parseForm(await readForm(request), decisionStatusSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const refusal = decisionStatusRefusal(decision);
  if (refusal) return rejectForm(submission, { formErrors: [refusal] });
  const saved = setDecisionStatus(viewer.user.id, decision.id, submission.value.was, submission.value.status);
  if (!saved.ok) return rejectConflict(submission, { status: saved.conflict }, saved.conflict);
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
    assignments,
    newAssignmentIn,
  } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const conflict = conflictOf<{ status: string }, string>(lastResult);
  const typed = (lastResult?.initialValue ?? {}) as Record<string, string | undefined>;
  const [form, fields] = useSchemaForm(decisionStatusSchema, {
    lastResult,
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
      {assignments && (assignments.page.total > 0 || newAssignmentIn.length > 0) ? (
        <section aria-labelledby="uppdrag-rubrik">
          <h2 id="uppdrag-rubrik">Uppdrag från beslutet</h2>
          {assignments.items.length ? (
            <ul>
              {assignments.items.map((a) => (
                <li key={a.id}>
                  <Link to={`/uppdrag/${a.id}`}>{a.title}</Link> ({a.assigneeName}
                  {a.dueDate ? (
                    <>
                      , klart senast <DateText date={a.dueDate} />
                    </>
                  ) : null}
                  , {a.status})
                </li>
              ))}
            </ul>
          ) : (
            <p>Beslutet har inte gett några uppdrag ännu.</p>
          )}
          <Pagination page={assignments.page} label="Sidor i beslutets uppdrag" noun={["uppdrag", "uppdrag"]} />
          {newAssignmentIn.length ? (
            <p className="actions no-print">
              {newAssignmentIn.map((c) => (
                <Link key={c.href} to={c.href} className="button button--secondary">
                  {newAssignmentIn.length > 1 ? `Nytt uppdrag i ${c.name}` : "Nytt uppdrag från beslutet"}
                </Link>
              ))}
            </p>
          ) : null}
        </section>
      ) : null}
      {canCreateRecommendation && d.approval === "utkast" ? (
        <p className="muted no-print">Beslutets status kan ändras när protokollet är justerat.</p>
      ) : null}
      {conflict ? (
        <ConflictNotice what="beslutets status" rows={[["Status", conflict.theirs.status, typed.status ?? ""]]} />
      ) : null}
      {canCreateRecommendation ? <FormErrorSummary form={form} /> : null}
      {canCreateRecommendation && d.approval === "justerat" ? (
        <Form method="post" className="actions no-print" {...formProps(form)}>
          {/* The status the page showed, or after a conflict the one saved since. */}
          <input type="hidden" name="was" value={conflict?.version ?? d.status} />
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
