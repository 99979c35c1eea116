import { DateText, DateTimeText, keepUnitsWhole, keepWhole } from "~/components/dates";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { loadRecommendation } from "~/auth/recommendation-access.server";
import { AnswerBadge } from "~/components/answer-badge";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { dateInStockholm, formatKronor, todayInStockholm } from "~/domain/format";
import { can } from "~/domain/policy";
import {
  acceptsAnswers,
  allowedSteps,
  citeAnswer,
  didNotAnswer,
  isAnswerOverdue,
  isSent,
  needsReview,
  ownPartyFirst,
  partyAsk,
  RECOMMENDATION_STATUS_LABEL,
  summarise,
  summarySentence,
  type RecommendationStep,
} from "~/domain/recommendations";
import { decidingParagraphFor, recommendationFilesFor } from "~/domain/recommendation-visibility";
import { getDecision } from "~/models/decisions.server";
import { pageOfDocumentsLinkedTo } from "~/models/document-links.server";
import { Pagination } from "~/components/pagination";
import { LINKED_DOCUMENTS_PAGE, pageRequestFrom } from "~/domain/pagination";
import { answersOf, costsFor, filesOf, trailOf, versionsOf } from "~/models/recommendations.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.rec.title ?? "Rekommendation"} – Samverkansportalen` },
];

/** Where each of the coordinator's steps is taken. */
const STEP_LINKS: Record<RecommendationStep, { path: string; label: string }> = {
  edit: { path: "redigera", label: "Redigera utkastet" },
  decide: { path: "beslut", label: "Koppla beslut och underlag" },
  send: { path: "skicka", label: "Skicka till parterna" },
  correct: { path: "ratta", label: "Rätta (ny version)" },
  withdraw: { path: "aterkalla", label: "Återkalla" },
  followUp: { path: "uppfoljning", label: "Följ upp" },
  close: { path: "uppfoljning", label: "Avsluta" },
};

const TRAIL_LABEL: Record<string, string> = {
  create: "skapade utkastet",
  edit: "redigerade utkastet",
  decide: "kopplade beslutet",
  send: "skickade rekommendationen till parterna",
  correct: "rättade rekommendationen",
  withdraw: "återkallade rekommendationen",
  followUp: "registrerade en uppföljning",
  close: "avslutade rekommendationen",
  remind: "skickade påminnelser",
  report: "rapporterade svaret",
  confirm: "bekräftade svaret",
};

/**
 * The reading page for politicians: what their own party is asked (with its cost for the named
 * year and its deadline) first, then what is proposed and why, the deciding § with its extract
 * and supporting documents, where every party stands, the versions and the history.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, actor, rec, isCoordinator } = await loadRecommendation(request, params);
  const today = todayInStockholm();
  const answers = answersOf([rec.id]);
  const costs = costsFor(rec);
  const found = rec.decisionId ? getDecision(rec.decisionId) : undefined;
  // The deciding § and everything hung on it (its extract, the documents attached and linked)
  // only for a viewer who may open the § itself: a public recommendation may rest on a confidential §.
  const decision = decidingParagraphFor(actor, found);
  const own = actor?.organisationId ?? null;
  const ownAnswer = answers.find((a) => a.organisationId === own);
  const versions = versionsOf(rec.id);
  return {
    rec: {
      id: rec.id,
      title: rec.title,
      ask: rec.ask,
      deadline: rec.answerDeadline,
      status: rec.status,
      statusLabel: RECOMMENDATION_STATUS_LABEL[rec.status],
      sent: isSent(rec.status),
      withdrawn: rec.status === "återkallad" ? { at: rec.withdrawnAt!, reason: rec.withdrawalReason } : null,
      followedUp: rec.followedUpOn ? { on: rec.followedUpOn, note: rec.followUpNote } : null,
    },
    summaryHtml: renderMarkdown(rec.summary),
    ownAsk: ownAnswer
      ? {
          ...partyAsk(
            rec,
            { organisationId: ownAnswer.organisationId, name: ownAnswer.organisation, deadline: ownAnswer.deadline },
            costs?.amounts.get(ownAnswer.organisationId) ?? null,
          ),
          status: ownAnswer.status,
          overdue: isAnswerOverdue(ownAnswer.status, ownAnswer.effectiveDeadline, today, rec),
          didNotAnswer: didNotAnswer(ownAnswer.status, rec, today),
          cite: citeAnswer(ownAnswer),
          // Closed or withdrawn, the party reports nothing more (the coordinator may still correct).
          canReport:
            acceptsAnswers(rec.status, isCoordinator) &&
            can(actor, "report:party-answer", {
              collaborationId: rec.collaborationId,
              organisationId: ownAnswer.organisationId,
            }),
        }
      : null,
    decision: decision
      ? {
          id: decision.id,
          title: decision.title,
          bodyName: decision.bodyName,
          decidedOn: decision.decidedOn,
          paragraph: decision.paragraph,
          // No dead ends (issue 15): the meeting is linked for its body's members; others read the decision.
          meetingId: can(actor, "read:meeting", { bodyId: decision.bodyId, publicRecords: decision.publicRecords })
            ? decision.meetingId
            : null,
        }
      : null,
    files: recommendationFilesFor(actor, found, filesOf(rec.id)),
    decisionDocuments: decision
      ? await pageOfDocumentsLinkedTo(
          actor,
          "decision",
          decision.id,
          pageRequestFrom(new URL(request.url).searchParams, undefined, LINKED_DOCUMENTS_PAGE),
        )
      : null,
    costYear: costs?.year ?? null,
    answers: ownPartyFirst(answers, own).map((a) => ({
      organisationId: a.organisationId,
      organisation: a.organisation,
      own: a.organisationId === own,
      status: a.status,
      decisionDate: a.decisionDate,
      cite: citeAnswer(a),
      changes: a.changes,
      deadline: a.effectiveDeadline,
      file: a.file,
      confirmed: a.confirmedAt !== null,
      needsReview: needsReview(a),
      overdue: isAnswerOverdue(a.status, a.effectiveDeadline, today, rec),
      didNotAnswer: didNotAnswer(a.status, rec, today),
      cost: costs?.amounts.get(a.organisationId) ?? null,
      canReport:
        acceptsAnswers(rec.status, isCoordinator) &&
        (isCoordinator ||
          can(actor, "report:party-answer", {
            collaborationId: rec.collaborationId,
            organisationId: a.organisationId,
          })),
    })),
    summary: summarySentence(summarise(answers, rec.answerDeadline, today, rec)),
    versions: versions.map((v) => ({
      versionNo: v.versionNo,
      at: v.createdAt,
      reason: v.reason,
      by: v.by,
      title: v.title,
      ask: v.ask,
      deadline: v.answerDeadline,
      costYear: v.costYear,
    })),
    trail: viewer ? trailOf(rec.id) : [],
    steps: isCoordinator ? allowedSteps(rec.status) : [],
  };
}

export default function RecommendationPage() {
  const d = useLoaderData<typeof loader>();
  const latest = d.versions[0];
  const earlier = d.versions.slice(1);
  return (
    <article className="reading-page">
      <Breadcrumbs trail={[["/rekommendationer", "Rekommendationer"]]} current={d.rec.title} />
      <p className="muted">
        Rekommendation till parterna
        {d.decision
          ? keepWhole(
              ` · ${d.decision.bodyName} ${d.decision.decidedOn}${d.decision.paragraph ? ` § ${d.decision.paragraph}` : ""}`,
            )
          : ""}{" "}
        · <span className="badge badge--neutral">{d.rec.statusLabel}</span>
      </p>
      <h1>{d.rec.title}</h1>
      {!d.rec.sent ? (
        <p className="notice notice--warn">
          {d.rec.statusLabel}. Bara samordnaren ser rekommendationen tills den är skickad till parterna.
        </p>
      ) : null}
      {d.rec.withdrawn ? (
        <p className="notice notice--error" role="status">
          <strong>
            Återkallad <DateText date={dateInStockholm(d.rec.withdrawn.at)} />:
          </strong>{" "}
          {d.rec.withdrawn.reason}. Svar som parterna redan lämnat finns kvar nedan.
        </p>
      ) : null}
      {latest && latest.versionNo > 1 ? (
        <p className="notice notice--warn" role="status">
          <strong>
            Rättad <DateText date={dateInStockholm(latest.at)} /> (version {latest.versionNo}):
          </strong>{" "}
          {latest.reason}. Tidigare versioner finns under <a href="#versioner">Versioner</a>.
        </p>
      ) : null}
      {d.steps.length ? (
        <nav aria-label="Samordnarens åtgärder" className="actions no-print">
          {d.steps.map((s) => (
            <Link
              key={s}
              to={`/rekommendationer/${d.rec.id}/${STEP_LINKS[s].path}`}
              className="button button--secondary"
            >
              {STEP_LINKS[s].label}
            </Link>
          ))}
        </nav>
      ) : null}
      {d.ownAsk ? (
        <section aria-labelledby="er-del" className="card">
          <h2 id="er-del">Vad {d.ownAsk.name} ska besluta</h2>
          <p className="pre">{keepUnitsWhole(d.ownAsk.ask)}</p>
          <dl className="facts">
            {d.ownAsk.lines.map((l) => (
              <Fragment key={l.label}>
                <dt>{l.label}</dt>
                <dd>
                  <strong>{keepWhole(l.value)}</strong>
                </dd>
              </Fragment>
            ))}
            <dt>Ert svar</dt>
            <dd>
              <AnswerBadge status={d.ownAsk.status} overdue={d.ownAsk.overdue} didNotAnswer={d.ownAsk.didNotAnswer} />
              {keepWhole(d.ownAsk.cite ? ` ${d.ownAsk.cite}` : "")}
            </dd>
          </dl>
          {d.ownAsk.canReport && d.rec.sent && !d.rec.withdrawn ? (
            <p className="no-print">
              <Link to={`/rekommendationer/${d.rec.id}/svar/${d.ownAsk.organisationId}`} className="button">
                Rapportera {d.ownAsk.name}s beslut
              </Link>
            </p>
          ) : null}
        </section>
      ) : (
        <section aria-labelledby="fragan" className="card">
          <h2 id="fragan">Vad varje part ska besluta</h2>
          <p className="pre">{keepUnitsWhole(d.rec.ask)}</p>
          <p>
            Sista dag att meddela beslutet:{" "}
            <strong>
              <DateText date={d.rec.deadline} />
            </strong>
          </p>
        </section>
      )}
      {d.summaryHtml ? (
        <section aria-labelledby="vad-och-varfor">
          <h2 id="vad-och-varfor">Vad föreslås och varför</h2>
          <div className="markdown" dangerouslySetInnerHTML={{ __html: d.summaryHtml }} />
        </section>
      ) : null}
      {d.decision || d.files.length || d.decisionDocuments?.items.length ? (
        <section aria-labelledby="beslut-underlag">
          <h2 id="beslut-underlag">Beslut och underlag</h2>
          <ul>
            {d.decision ? (
              <li>
                Beslut:{" "}
                <Link to={`/beslut/${d.decision.id}`}>
                  {d.decision.bodyName} <DateText date={d.decision.decidedOn} />
                  {d.decision.paragraph ? ` § ${d.decision.paragraph}` : ""} {d.decision.title}
                </Link>
                {d.decision.meetingId ? (
                  <>
                    {" "}
                    · <Link to={`/moten/${d.decision.meetingId}`}>mötet med handlingar</Link>
                  </>
                ) : null}
              </li>
            ) : null}
            {d.files.map((f) => (
              <li key={f.id}>
                {f.role === "utdrag" ? "Protokollsutdrag" : "Underlag"}: <a href={`/filer/${f.id}`}>{f.name}</a>
              </li>
            ))}
            {d.decisionDocuments?.items.map((doc) => (
              <li key={doc.id}>
                Dokument: <Link to={`/dokument/${doc.id}`}>{doc.title}</Link>{" "}
                <span className="muted">
                  (<DateText date={doc.date} />)
                </span>
              </li>
            ))}
          </ul>
          {d.decisionDocuments ? (
            <Pagination
              page={d.decisionDocuments.page}
              label="Sidor med dokument kopplade till beslutet"
              noun={["dokument", "dokument"]}
              param={LINKED_DOCUMENTS_PAGE}
            />
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="parterna">
        <h2 id="parterna">Var parterna står</h2>
        <p id="parterna-summering">{d.summary}</p>
        <p className="no-print">
          <Link to={`/rekommendationer/${d.rec.id}/uppfoljning`}>
            Uppföljningsrapport{d.decision ? ` för ${d.decision.bodyName}` : ""}
          </Link>
        </p>
        <TableRegion label="Alla parters svar">
          <table>
            <thead>
              <tr>
                <th scope="col">Part</th>
                <th scope="col">Status</th>
                <th scope="col">Beslut</th>
                <th scope="col">Sista svarsdag</th>
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
                <tr key={a.organisationId} className={a.own ? "own-party" : undefined}>
                  <th scope="row">
                    {a.organisation}
                    {a.own ? <span className="muted"> (er organisation)</span> : null}
                  </th>
                  <td>
                    <AnswerBadge
                      status={a.status}
                      overdue={a.overdue}
                      date={a.decisionDate}
                      needsReview={a.needsReview}
                      didNotAnswer={a.didNotAnswer}
                    />
                    {a.status !== "väntar" && !a.confirmed && !a.needsReview ? (
                      <div className="muted">ej bekräftat av samordnaren</div>
                    ) : null}
                    {a.changes ? <div>Ändringar: {a.changes}</div> : null}
                  </td>
                  <td>
                    {a.cite || "–"}
                    {a.file ? (
                      <div>
                        <a href={`/filer/${a.file.id}`}>Protokollsutdrag</a>
                      </div>
                    ) : null}
                  </td>
                  <td>{a.deadline}</td>
                  {d.costYear ? (
                    <td className="num">
                      {a.cost !== null ? (
                        <Link to={`/avtal/kostnader?ar=${d.costYear}`}>{formatKronor(a.cost)}</Link>
                      ) : (
                        "–"
                      )}
                    </td>
                  ) : null}
                  <td className="no-print">
                    {a.canReport && d.rec.sent && !d.rec.withdrawn ? (
                      <Link
                        to={`/rekommendationer/${d.rec.id}/svar/${a.organisationId}`}
                        aria-label={`Rapportera svar för ${a.organisation}`}
                      >
                        Rapportera svar
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>
      {d.versions.length ? (
        <section aria-labelledby="versioner">
          <h2 id="versioner">Versioner</h2>
          <ol className="timeline" reversed>
            {d.versions.map((v) => (
              <li key={v.versionNo}>
                <strong>Version {v.versionNo}</strong>, <DateTimeText at={v.at} />
                {v.by ? `, ${v.by.name}${v.by.role ? ` (${v.by.role})` : ""}` : ""}
                {v.versionNo === 1 ? ": skickad till parterna." : `: ${v.reason}`}
              </li>
            ))}
          </ol>
          {earlier.map((v) => (
            <details key={v.versionNo}>
              <summary>Läs version {v.versionNo}</summary>
              <h3>{v.title}</h3>
              <p className="pre">{keepUnitsWhole(v.ask)}</p>
              <p>
                Sista svarsdag <DateText date={v.deadline} />
                {v.costYear ? `, kostnadsår ${v.costYear}` : ""}.
              </p>
            </details>
          ))}
        </section>
      ) : null}
      {d.trail.length ? (
        <section aria-labelledby="handelser">
          <h2 id="handelser">Händelser</h2>
          <ol className="timeline">
            {d.trail.map((t) => (
              <li key={t.id}>
                <strong>
                  <DateTimeText at={t.at} />
                </strong>{" "}
                {t.by ? `${t.by.name}${t.by.role ? ` (${t.by.role})` : ""}` : "Okänd"}{" "}
                {TRAIL_LABEL[t.action] ?? t.action}
                {t.party ? ` för ${t.party}` : ""}
                {t.reason ? `: ${t.reason}` : ""}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <p className="muted print-only">Stabil länk: /rekommendationer/{d.rec.id}</p>
    </article>
  );
}
