import { Breadcrumbs } from "~/components/breadcrumbs";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer, notFound, requirePermission } from "~/auth/session.server";
import { AnswerBadge } from "~/components/answer-badge";
import { formatKronor, todayInStockholm } from "~/domain/format";
import { can } from "~/domain/policy";
import { isAnswerOverdue, summarise } from "~/domain/recommendations";
import { agreementOf, costTable, currentVersion, defaultCollaborationId } from "~/models/agreements.server";
import { getDecision } from "~/models/decisions.server";
import { answersOf, getRecommendation } from "~/models/recommendations.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { idParam } from "~/utils/params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.rec.title ?? "Rekommendation"} – Samverkansportalen` }];

/** The reading page for politicians: what is proposed and why, what it means for each party, and where everyone stands. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const actor = viewer?.actor ?? null;
  const rec = getRecommendation(idParam(params.recommendationId));
  if (!rec) throw notFound("Rekommendationen finns inte.");
  requirePermission(actor, "read:recommendation", { published: rec.isPublic });
  const today = todayInStockholm();
  const answers = answersOf([rec.id]);
  const decision = rec.decisionId ? getDecision(rec.decisionId) : undefined;
  const collaborationId = defaultCollaborationId()!;
  const agreement = agreementOf(collaborationId);
  const version = agreement ? currentVersion(agreement.id) : undefined;
  // The cost share that the recommendation concerns: the year of the deadline.
  const year = Number(rec.answerDeadline.slice(0, 4)) + 1;
  const costs = version && rec.agreementVersionId ? costTable(collaborationId, version, Math.max(year, version.baseYear)) : null;
  return {
    rec: { id: rec.id, title: rec.title, ask: rec.ask, deadline: rec.answerDeadline, isPublic: rec.isPublic },
    summaryHtml: renderMarkdown(rec.summary),
    decision: decision && (decision.isPublic || can(actor, "read:meeting", { bodyId: decision.bodyId })) ? { id: decision.id, title: decision.title, bodyName: decision.bodyName, decidedOn: decision.decidedOn, paragraph: decision.paragraph, meetingId: decision.meetingId } : null,
    costYear: costs ? costs.year : null,
    answers: answers.map((a) => ({
      organisationId: a.organisationId,
      organisation: a.organisation,
      status: a.status,
      decisionDate: a.decisionDate,
      decidingBody: a.decidingBody,
      reference: a.reference,
      file: a.file,
      confirmed: a.confirmedAt !== null,
      overdue: isAnswerOverdue(a.status, rec.answerDeadline, today),
      cost: costs?.rows.find((r) => r.organisationId === a.organisationId)?.amount ?? null,
      canReport: can(actor, "report:party-answer", { organisationId: a.organisationId }) || can(actor, "manage:decisions"),
    })),
    summary: summarise(answers, rec.answerDeadline, today),
    today,
    myOrganisationId: actor?.organisationId ?? null,
  };
}

export default function RecommendationPage() {
  const d = useLoaderData<typeof loader>();
  const mine = d.answers.find((a) => a.organisationId === d.myOrganisationId);
  return (
    <article className="reading-page">
      <Breadcrumbs trail={[["/rekommendationer", "Rekommendationer"]]} current={`${d.rec.title}`} />
      <p className="muted">Rekommendation till parterna{d.decision ? ` · ${d.decision.bodyName} ${d.decision.decidedOn}${d.decision.paragraph ? ` § ${d.decision.paragraph}` : ""}` : ""}</p>
      <h1>{d.rec.title}</h1>
      <section aria-labelledby="fragan" className="card">
        <h2 id="fragan">Vad varje part ska besluta</h2>
        <p className="pre">{d.rec.ask}</p>
        <p>
          Sista dag att meddela beslutet: <strong>{d.rec.deadline}</strong>
        </p>
        {mine ? (
          <p>
            Er organisation ({mine.organisation}): <strong>{mine.status}</strong>
            {mine.cost !== null && d.costYear ? `. Er kostnad ${d.costYear} enligt avtalet: ${formatKronor(mine.cost)}` : ""}.
          </p>
        ) : null}
      </section>
      {d.summaryHtml ? (
        <section aria-labelledby="vad-och-varfor">
          <h2 id="vad-och-varfor">Vad föreslås och varför</h2>
          <div className="markdown" dangerouslySetInnerHTML={{ __html: d.summaryHtml }} />
        </section>
      ) : null}
      {d.decision ? (
        <p>
          Underlag och beslut: <Link to={`/beslut/${d.decision.id}`}>{d.decision.title}</Link>
          {d.decision.meetingId ? (
            <>
              {" "}
              · <Link to={`/moten/${d.decision.meetingId}`}>mötet med handlingar</Link>
            </>
          ) : null}
        </p>
      ) : null}
      <section aria-labelledby="parterna">
        <h2 id="parterna">Var parterna står</h2>
        <p>
          {d.summary.adopted} har antagit, {d.summary.declined} har avslagit, {d.summary.pending} har inte beslutat
          {d.summary.overdue ? `, varav ${d.summary.overdue} efter sista svarsdag` : ""}.
        </p>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Part</th>
                <th scope="col">Status</th>
                <th scope="col">Beslutsdatum</th>
                <th scope="col">Beslutande organ</th>
                <th scope="col">Referens</th>
                {d.costYear ? (
                  <th scope="col" className="num">
                    Kostnad {d.costYear}
                  </th>
                ) : null}
                <th scope="col" className="no-print">
                  Åtgärd
                </th>
              </tr>
            </thead>
            <tbody>
              {d.answers.map((a) => (
                <tr key={a.organisationId}>
                  <th scope="row">{a.organisation}</th>
                  <td>
                    <AnswerBadge status={a.status} overdue={a.overdue} date={a.decisionDate} />
                    {a.status !== "väntar" && !a.confirmed ? <div className="muted">ej bekräftat av samordnaren</div> : null}
                  </td>
                  <td>{a.decisionDate ?? "–"}</td>
                  <td>{a.decidingBody || "–"}</td>
                  <td>
                    {a.reference || "–"}
                    {a.file ? (
                      <div>
                        <a href={`/filer/${a.file.id}`}>Protokollsutdrag</a>
                      </div>
                    ) : null}
                  </td>
                  {d.costYear ? (
                    <td className="num">
                      {a.cost !== null ? <Link to={`/avtal/kostnader?ar=${d.costYear}`}>{formatKronor(a.cost)}</Link> : "–"}
                    </td>
                  ) : null}
                  <td className="no-print">
                    {a.canReport ? (
                      <Link to={`/rekommendationer/${d.rec.id}/svar/${a.organisationId}`} aria-label={`Rapportera svar för ${a.organisation}`}>
                        Rapportera svar
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <p className="muted print-only">Stabil länk: /rekommendationer/{d.rec.id}</p>
    </article>
  );
}
