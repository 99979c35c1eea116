import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/forms";
import { getViewer } from "~/auth/session.server";
import { AnswerBadge } from "~/components/answer-badge";
import { todayInStockholm } from "~/domain/format";
import { can } from "~/domain/policy";
import { isAnswerOverdue, summarise } from "~/domain/recommendations";
import { defaultCollaborationId, partiesOf } from "~/models/agreements.server";
import { parseIsoDate } from "~/domain/calendar-dates";
import { getDecision } from "~/models/decisions.server";
import { answersAsOf, answersOf, listRecommendations } from "~/models/recommendations.server";

export const meta: MetaFunction = () => [{ title: "Rekommendationer till parterna – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const actor = viewer?.actor ?? null;
  const collaborationId = defaultCollaborationId()!;
  const requested = new URL(request.url).searchParams.get("per") ?? "";
  const asOf = parseIsoDate(requested) && requested <= todayInStockholm() ? requested : null;
  // "Today" is the chosen day when the matrix is shown as of a date in the past.
  const today = asOf ?? todayInStockholm();
  const recs = listRecommendations(collaborationId)
    .filter((r) => can(actor, "read:recommendation", { published: r.isPublic }))
    // As of a date: only recommendations already decided then (the decision's date, else when it was entered).
    .filter((r) => !asOf || (r.decisionId ? (getDecision(r.decisionId)?.decidedOn ?? r.createdAt) : r.createdAt).slice(0, 10) <= asOf);
  const answers = asOf ? answersAsOf(recs.map((r) => r.id), asOf) : answersOf(recs.map((r) => r.id));
  const parties = partiesOf(collaborationId).map((p) => ({ organisationId: p.organisationId, name: p.name }));
  return {
    today,
    asOf,
    requested,
    parties,
    rows: recs.map((r) => {
      const mine = answers.filter((a) => a.recommendationId === r.id);
      return {
        id: r.id,
        title: r.title,
        deadline: r.answerDeadline,
        summary: summarise(mine, r.answerDeadline, today),
        cells: Object.fromEntries(mine.map((a) => [a.organisationId, { status: a.status, date: a.decisionDate, overdue: isAnswerOverdue(a.status, r.answerDeadline, today) }])),
        notAnswered: mine.filter((a) => a.status === "väntar" || a.status === "behandlas").map((a) => ({ name: a.organisation, overdue: isAnswerOverdue(a.status, r.answerDeadline, today) })),
      };
    }),
    canCreate: can(actor, "manage:decisions"),
  };
}

export default function Recommendations() {
  const { parties, rows, canCreate, today, asOf, requested } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Rekommendationer till parterna</h1>
      <p>
        Varje rekommendation från SVOM och vad varje part har beslutat. Status står i text; färgen är bara ett stöd. ”Försenat” betyder att sista svarsdagen har passerat
        (idag {today}).
      </p>
      <Form method="get" className="actions no-print" aria-label="Visa läget ett visst datum">
        <Field name="per" label="Visa läget den" hint="ÅÅÅÅ-MM-DD, tomt för idag" defaultValue={requested} error={requested && !asOf ? "Skriv ett datum som ÅÅÅÅ-MM-DD, idag eller tidigare." : undefined} />
        <button type="submit" className="button button--secondary">
          Visa
        </button>
      </Form>
      {asOf ? (
        <p className="notice" role="status">
          Läget den {asOf}, enligt svarens historik. <Link to="/rekommendationer">Visa läget idag</Link>
        </p>
      ) : null}
      {canCreate ? (
        <p className="no-print">
          <Link to="/rekommendationer/ny" className="button">
            Ny rekommendation
          </Link>
        </p>
      ) : null}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Matris: rekommendationer och parternas svar">
        <table className="matrix">
          <caption>Parternas svar</caption>
          <thead>
            <tr>
              <th scope="col">Rekommendation</th>
              <th scope="col">Sista svarsdag</th>
              {parties.map((p) => (
                <th scope="col" key={p.organisationId}>
                  {p.name.replace(/s? kommun$/, "").replace("Region Jämtland Härjedalen", "Regionen")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/rekommendationer/${r.id}`}>{r.title}</Link>
                  <div className="muted">
                    {r.summary.adopted} av {Object.keys(r.cells).length} har antagit
                  </div>
                </th>
                <td>{r.deadline}</td>
                {parties.map((p) => {
                  const cell = r.cells[p.organisationId];
                  return <td key={p.organisationId}>{cell ? <AnswerBadge status={cell.status} overdue={cell.overdue} date={cell.date} /> : <span className="muted">Inte tillfrågad</span>}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Inte svarat</h2>
      {rows.every((r) => r.notAnswered.length === 0) ? (
        <p>Alla tillfrågade parter har svarat på alla rekommendationer.</p>
      ) : (
        <ul>
          {rows
            .filter((r) => r.notAnswered.length)
            .map((r) => (
              <li key={r.id}>
                <Link to={`/rekommendationer/${r.id}`}>{r.title}</Link> (senast {r.deadline}): {r.notAnswered.map((n) => `${n.name}${n.overdue ? " (försenat)" : ""}`).join(", ")}
              </li>
            ))}
        </ul>
      )}
    </>
  );
}
