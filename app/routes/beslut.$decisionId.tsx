import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { controlProps, Field } from "~/components/forms";
import { getViewer, notFound, requirePermission, requireViewerWith } from "~/auth/session.server";
import { can } from "~/domain/policy";
import { canReadDecision, getDecision, setDecisionStatus } from "~/models/decisions.server";
import { listRecommendationsForDecision } from "~/models/decision-links.server";
import { idParam } from "~/utils/params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.decision.title ?? "Beslut"} – Samverkansportalen` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const actor = viewer?.actor ?? null;
  const decision = getDecision(idParam(params.decisionId));
  if (!decision) throw notFound("Beslutet finns inte.");
  if (!canReadDecision(actor, decision)) requirePermission(actor, "read:meeting", { bodyId: decision.bodyId });
  return {
    decision,
    recommendations: listRecommendationsForDecision(decision.id).filter((r) => can(actor, "read:recommendation", { published: r.isPublic })),
    canCreateRecommendation: can(actor, "manage:decisions"),
  };
}

const STATUSES = ["gäller", "verkställt", "upphävt"] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:decisions");
  const decision = getDecision(idParam(params.decisionId));
  if (!decision) throw notFound("Beslutet finns inte.");
  const status = String((await request.formData()).get("status"));
  if (!STATUSES.includes(status as (typeof STATUSES)[number])) throw new Response("Välj status i listan.", { status: 400 });
  setDecisionStatus(viewer.user.id, decision.id, status as (typeof STATUSES)[number]);
  return redirect(`/beslut/${decision.id}`);
}

export default function DecisionPage() {
  const { decision: d, recommendations, canCreateRecommendation } = useLoaderData<typeof loader>();
  return (
    <article>
      <Breadcrumbs trail={[["/beslut", "Beslutsregister"]]} current={`${d.title}`} />
      <p className="muted">
        {d.bodyName} · {d.decidedOn}
        {d.paragraph ? ` · § ${d.paragraph}` : ""} · {d.kind} · {d.status}
      </p>
      <h1>{d.title}</h1>
      <h2>Beslut</h2>
      <p className="pre">{d.text || "–"}</p>
      <dl className="facts">
        {d.registryNumber ? (
          <>
            <dt>Ärende</dt>
            <dd>
              <Link to={`/arenden/${d.matterId}`}>{d.registryNumber}</Link>
            </dd>
          </>
        ) : null}
        {d.meetingId ? (
          <>
            <dt>Möte</dt>
            <dd>
              <Link to={`/moten/${d.meetingId}/protokoll`}>Protokollet från {d.meetingDate}</Link>
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
                <Link to={`/rekommendationer/${r.id}`}>{r.title}</Link> (svar senast {r.answerDeadline})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canCreateRecommendation ? (
        <Form method="post" className="actions no-print">
          <Field name="status" label="Status">
            <select {...controlProps("status")} defaultValue={d.status}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </Field>
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
