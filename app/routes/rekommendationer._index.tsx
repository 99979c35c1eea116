import { DateText } from "~/components/dates";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { collaborationChoices, collaborationFor } from "~/auth/collaboration.server";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CollaborationFilter, Field } from "~/components/forms";
import { withCollaboration } from "~/domain/collaboration";
import { Pagination } from "~/components/pagination";
import { pageRequestFrom } from "~/domain/pagination";
import { getViewer } from "~/auth/session.server";
import { AnswerBadge } from "~/components/answer-badge";
import { dateInStockholm, todayInStockholm } from "~/domain/format";
import { can } from "~/domain/policy";
import {
  didNotAnswer,
  isAnswerOverdue,
  needsReview,
  ownPartyFirst,
  RECOMMENDATION_STATUS_LABEL,
  summarise,
} from "~/domain/recommendations";
import { partiesOf } from "~/models/agreements.server";
import { parseIsoDate } from "~/domain/calendar-dates";
import {
  answersAsOf,
  answersOf,
  notAnsweredByRecommendation,
  pageOfRecommendations,
  unsentRecommendations,
} from "~/models/recommendations.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Rekommendationer till parterna – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const actor = viewer?.actor ?? null;
  const collaboration = collaborationFor(request, actor);
  const collaborationId = collaboration.id;
  const requested = new URL(request.url).searchParams.get("per") ?? "";
  const asOf = parseIsoDate(requested) && requested <= todayInStockholm() ? requested : null;
  // "Today" is the chosen day when the matrix is shown as of a date in the past.
  const today = asOf ?? todayInStockholm();
  const recs = await pageOfRecommendations(
    actor,
    collaborationId,
    asOf,
    pageRequestFrom(new URL(request.url).searchParams),
  );
  const ids = recs.items.map((r) => r.id);
  const answers = asOf ? answersAsOf(ids, asOf) : answersOf(ids);
  // The viewer's own organisation is the first column (issue 15): a politician on a tablet sees it
  // without scrolling, and on paper it comes first.
  const own = actor?.organisationId ?? null;
  const parties = ownPartyFirst(
    partiesOf(collaborationId).map((p) => ({ organisationId: p.organisationId, organisation: p.name, kind: p.kind })),
    own,
  ).map((p) => ({
    organisationId: p.organisationId,
    // A municipality by its place name ("Bergs kommun" → "Berg"), so the matrix stays narrow.
    name: p.kind === "kommun" ? p.organisation.replace(/s? kommun$/, "") : p.organisation,
    own: p.organisationId === own,
  }));
  return {
    collaboration: { name: collaboration.name, ...collaborationChoices(actor, collaboration) },
    today,
    asOf,
    requested,
    parties,
    page: recs.page,
    rows: recs.items.map((r) => {
      const mine = answers.filter((a) => a.recommendationId === r.id);
      return {
        id: r.id,
        // A withdrawn recommendation stays in the matrix (its answers are kept), marked as such.
        withdrawn: r.status === "återkallad" && (!asOf || dateInStockholm(r.withdrawnAt ?? "") <= asOf),
        title: r.title,
        deadline: r.answerDeadline,
        summary: summarise(mine, r.answerDeadline, today, r),
        cells: Object.fromEntries(
          mine.map((a) => [
            a.organisationId,
            {
              status: a.status,
              date: a.decisionDate,
              overdue: isAnswerOverdue(a.status, a.effectiveDeadline, today, r),
              didNotAnswer: didNotAnswer(a.status, r, today),
              needsReview: needsReview(a),
            },
          ]),
        ),
      };
    }),
    notAnswered: notAnsweredByRecommendation(actor, collaborationId, asOf, today),
    // Drafts and decided texts not yet sent: the coordinator's work list, not part of the matrix.
    unsent: can(actor, "manage:decisions")
      ? unsentRecommendations(collaborationId).map((r) => ({ ...r, status: RECOMMENDATION_STATUS_LABEL[r.status] }))
      : [],
    canCreate: can(actor, "manage:decisions"),
  };
}

export default function Recommendations() {
  const { collaboration, parties, rows, page, notAnswered, unsent, canCreate, today, asOf, requested } =
    useLoaderData<typeof loader>();
  const to = (href: string) => withCollaboration(href, collaboration.current);
  return (
    <>
      <h1>Rekommendationer till parterna</h1>
      <p>
        Varje rekommendation till parterna i {collaboration.name} och vad varje part har beslutat. Status står i text;
        färgen är bara ett stöd. ”Försenat” betyder att sista svarsdagen har passerat (idag <DateText date={today} />
        ).
      </p>
      <Form method="get" className="actions no-print" aria-label="Visa läget ett visst datum">
        <CollaborationFilter {...collaboration} />
        <Field
          name="per"
          label="Visa läget den"
          hint="ÅÅÅÅ-MM-DD, tomt för idag"
          defaultValue={requested}
          error={requested && !asOf ? "Skriv ett datum som ÅÅÅÅ-MM-DD, idag eller tidigare." : undefined}
        />
        <button type="submit" className="button button--secondary">
          Visa
        </button>
      </Form>
      {asOf ? (
        <p className="notice" role="status">
          Läget den <DateText date={asOf} />, enligt svarens historik.{" "}
          <Link to={to("/rekommendationer")}>Visa läget idag</Link>
        </p>
      ) : null}
      {canCreate ? (
        <section aria-labelledby="utkast" className="no-print">
          <h2 id="utkast">Utkast och beslutade, inte skickade</h2>
          {unsent.length ? (
            <ul>
              {unsent.map((r) => (
                <li key={r.id}>
                  <Link to={`/rekommendationer/${r.id}`}>{r.title}</Link> <span className="muted">({r.status})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>Inga utkast.</p>
          )}
          <p>
            <Link to={to("/rekommendationer/ny")} className="button">
              Ny rekommendation
            </Link>
          </p>
        </section>
      ) : null}
      <TableRegion label="Matris: rekommendationer och parternas svar">
        <table className="matrix">
          <caption>Parternas svar</caption>
          <thead>
            <tr>
              <th scope="col">Rekommendation</th>
              <th scope="col">Sista svarsdag</th>
              {parties.map((p) => (
                <th scope="col" key={p.organisationId} className={p.own ? "own-party" : undefined}>
                  {p.name}
                  {p.own ? <span className="muted"> (er organisation)</span> : null}
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
                    {r.withdrawn ? "Återkallad. " : ""}
                    {r.summary.adopted} av {r.summary.asked} har antagit
                    {r.summary.adoptedWithChanges ? `, ${r.summary.adoptedWithChanges} med ändringar` : ""}
                  </div>
                </th>
                <td>{r.deadline}</td>
                {parties.map((p) => {
                  const cell = r.cells[p.organisationId];
                  return (
                    <td key={p.organisationId} className={p.own ? "own-party" : undefined}>
                      {cell ? (
                        <AnswerBadge
                          status={cell.status}
                          overdue={cell.overdue}
                          date={cell.date}
                          needsReview={cell.needsReview}
                          didNotAnswer={cell.didNotAnswer}
                        />
                      ) : (
                        <span className="muted">Inte tillfrågad</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <Pagination page={page} label="Sidor i matrisen" noun={["rekommendation", "rekommendationer"]} />
      <h2>Inte svarat</h2>
      <p>Parter som har ärendet på sin egen dagordning räknas först när sista svarsdagen har passerat.</p>
      {notAnswered.length === 0 ? (
        <p>Alla tillfrågade parter har svarat på alla rekommendationer.</p>
      ) : (
        <ul>
          {notAnswered.map((r) => (
            <li key={r.id}>
              <Link to={`/rekommendationer/${r.id}`}>{r.title}</Link> (senast <DateText date={r.deadline} />
              ): {r.names.join(", ")}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
