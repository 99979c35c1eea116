import { DateText, keepUnitsWhole, keepWhole } from "~/components/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { recommendationAnswerMarks } from "~/models/example-facts.server";
import { ExampleMark } from "~/components/example-mark";
import { loadRecommendation, queryParam } from "~/auth/recommendation-access.server";
import { requireViewerWith } from "~/auth/session.server";
import { AnswerBadge } from "~/components/answer-badge";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Field, FormErrorSummary, formProps, TextareaField, TextField, useSchemaForm } from "~/components/forms";
import { parseIsoDate } from "~/domain/calendar-dates";
import { countOf, dateInStockholm, todayInStockholm } from "~/domain/format";
import {
  asksForAnswers,
  citeAnswer,
  currentVersion,
  effectiveDeadline,
  didNotAnswer,
  isAnswerOverdue,
  needsReview,
  nextStatus,
  reminderDue,
  remainsFor,
  RECOMMENDATION_STATUS_LABEL,
  summarise,
  summarySentence,
} from "~/domain/recommendations";
import { followUpSchema } from "~/forms/recommendation";
import {
  answersAsOf,
  answersOf,
  closeRecommendation,
  lettersOf,
  recordFollowUp,
  sendDueReminders,
  versionsOf,
} from "~/models/recommendations.server";
import { getDecision } from "~/models/decisions.server";
import { decidingParagraphFor } from "~/domain/recommendation-visibility";
import { redirectWithStatus } from "~/utils/flash.server";
import { StepConflict, stepTheirs } from "~/components/recommendation-steps";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Uppföljning: ${data?.rec.title ?? "rekommendation"} – Samverkansportalen` },
];

/** The report's day: `?per=` (a day up to today), else today. */
function reportDate(request: Request, today: string) {
  const requested = queryParam(request, "per");
  const valid = parseIsoDate(requested) !== null && requested <= today;
  return { requested, asOf: valid ? requested : today, error: requested && !valid };
}

/**
 * The follow-up report for the deciding body as of a chosen date: every party asked, its answer as it stood
 * that day, and what remains. Prints on A4. The coordinator records the follow-up, sends the
 * reminders due and closes the recommendation here.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, rec, isCoordinator } = await loadRecommendation(request, params);
  const today = todayInStockholm();
  const { requested, asOf, error } = reportDate(request, today);
  const answers = asOf < today ? answersAsOf([rec.id], asOf) : answersOf([rec.id]);
  const letters = lettersOf(rec.id).filter((l) => l.sentOn <= asOf);
  const version = currentVersion(versionsOf(rec.id).filter((v) => dateInStockholm(v.createdAt) <= asOf));
  // The deciding § is named only to a viewer who may open it (a public recommendation may rest on a confidential §).
  const decision = decidingParagraphFor(actor, rec.decisionId ? getDecision(rec.decisionId) : undefined);
  const { marks, answerOf } = recommendationAnswerMarks(rec.id);
  const rows = answers.map((a) => {
    const deadline = effectiveDeadline(a.deadline, rec.answerDeadline);
    const reminders = letters.filter((l) => l.organisationId === a.organisationId && l.kind.startsWith("påminnelse"));
    return {
      organisationId: a.organisationId,
      answerId: answerOf[a.organisationId] ?? null,
      organisation: a.organisation,
      status: a.status,
      decisionDate: a.decisionDate,
      cite: citeAnswer(a),
      changes: a.changes,
      deadline,
      overdue: isAnswerOverdue(a.status, deadline, asOf, rec),
      didNotAnswer: didNotAnswer(a.status, rec, asOf),
      needsReview: needsReview(a),
      remains: remainsFor({ status: a.status, confirmedAt: a.confirmedAt, deadline }, asOf, rec),
      lastReminder: reminders.at(-1) ? `${reminders.at(-1)!.kind} ${reminders.at(-1)!.sentOn}` : "",
      // A withdrawn recommendation is reminded to nobody (sendDueReminders sends nothing).
      reminderDue:
        asOf === today && asksForAnswers(rec, today)
          ? reminderDue(
              { status: a.status, deadline },
              letters.filter((l) => l.organisationId === a.organisationId),
              today,
            )
          : null,
    };
  });
  return {
    rec: {
      id: rec.id,
      title: rec.title,
      deadline: rec.answerDeadline,
      version: rec.version,
      statusLabel: RECOMMENDATION_STATUS_LABEL[rec.status],
      followedUp: rec.followedUpOn ? { on: rec.followedUpOn, note: rec.followUpNote } : null,
    },
    // The report is for the body that decided the recommendation, named from the data.
    reportFor: decision?.bodyName ?? null,
    decision: decision
      ? `${decision.bodyName} ${decision.decidedOn}${decision.paragraph ? ` § ${decision.paragraph}` : ""}`
      : null,
    versionNo: version?.versionNo ?? null,
    asOf,
    today,
    requested,
    dateError: error ? "Skriv ett datum som ÅÅÅÅ-MM-DD, idag eller tidigare." : undefined,
    marks,
    summary: summarySentence(summarise(answers, rec.answerDeadline, asOf, rec)),
    rows,
    remaining: rows.filter((r) => r.remains),
    asking: asksForAnswers(rec, asOf),
    coordinator: isCoordinator
      ? {
          canFollowUp: nextStatus(rec.status, "followUp") !== null,
          canClose: nextStatus(rec.status, "close") !== null,
          remindersDue: rows.filter((r) => r.reminderDue).length,
        }
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:decisions");
  const { rec } = await loadRecommendation(request, params);
  const submission = parseForm(await readForm(request), followUpSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value;
  if (value.intent === "remind") {
    const reminded = sendDueReminders(viewer.user.id, rec.id, todayInStockholm());
    return redirectWithStatus(
      `/rekommendationer/${rec.id}/uppfoljning`,
      reminded.length
        ? `Påminnelser skickade till ${countOf(reminded.length, "part", "parter")}.`
        : "Inga påminnelser behövde skickas.",
    );
  }
  const saved =
    value.intent === "followUp"
      ? recordFollowUp(viewer.user.id, rec.id, value.version, value.followedUpOn, value.note)
      : closeRecommendation(viewer.user.id, rec.id, value.version);
  if (saved.ok)
    return value.intent === "close"
      ? redirectWithStatus(`/rekommendationer/${rec.id}`, "Rekommendationen är avslutad.")
      : redirectWithStatus(`/rekommendationer/${rec.id}/uppfoljning`, "Uppföljningen är registrerad.");
  if (saved.reason === "conflict") return rejectConflict(submission, stepTheirs(saved.current), saved.current.version);
  return rejectForm(submission, {
    formErrors: [`Rekommendationen är ${RECOMMENDATION_STATUS_LABEL[saved.status].toLowerCase()}; det går inte nu.`],
  });
}

export default function FollowUpReport() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(followUpSchema, {
    lastResult,
    // The union's common keys are only `intent`; the follow-up fields are the first member's.
    defaultValue: { followedUpOn: d.asOf } as unknown as Record<"intent", unknown>,
  });
  return (
    <article className="followup-report">
      <Breadcrumbs
        trail={[
          ["/rekommendationer", "Rekommendationer"],
          [`/rekommendationer/${d.rec.id}`, d.rec.title],
        ]}
        current="Uppföljning"
      />
      <p className="muted">
        {keepWhole(d.reportFor ? `Underlag till ${d.reportFor} · ` : "")}uppföljning av rekommendation
      </p>
      <h1>
        {d.rec.title}: läget den <DateText date={d.asOf} />
      </h1>
      <dl className="facts">
        <dt>Beslut</dt>
        <dd>{keepUnitsWhole(d.decision ?? "–")}</dd>
        <dt>Sista svarsdag</dt>
        <dd>
          <DateText date={d.rec.deadline} />
        </dd>
        <dt>Text</dt>
        <dd>{d.versionNo ? `Version ${d.versionNo}` : "Inte skickad den dagen"}</dd>
        <dt>Status idag</dt>
        <dd>
          {d.rec.statusLabel}
          {keepWhole(d.rec.followedUp ? `, senast uppföljd ${d.rec.followedUp.on}` : "")}
        </dd>
      </dl>
      <Form method="get" className="actions no-print" aria-label="Välj datum för rapporten">
        <Field
          name="per"
          label="Läget den"
          hint="ÅÅÅÅ-MM-DD, idag eller tidigare"
          defaultValue={d.requested || d.asOf}
          error={d.dateError}
        />
        <button type="submit" className="button button--secondary">
          Visa
        </button>
      </Form>
      <p id="rapport-summering">
        <strong>{d.summary}</strong>
      </p>
      <TableRegion label="Parternas svar">
        <table className="report-table">
          <caption>
            Alla parter den <DateText date={d.asOf} />
          </caption>
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col">Status</th>
              <th scope="col">Beslut</th>
              <th scope="col">Sista svarsdag</th>
              <th scope="col">Påminnelse</th>
              <th scope="col">Återstår</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.organisationId}>
                <th scope="row">{r.organisation}</th>
                <td>
                  <AnswerBadge
                    status={r.status}
                    overdue={r.overdue}
                    date={r.decisionDate}
                    needsReview={r.needsReview}
                    didNotAnswer={r.didNotAnswer}
                  />
                </td>
                <td>
                  {r.cite || "–"}
                  <ExampleMark marks={d.marks} entity="recommendation-party" id={r.answerId} field="answer" />
                  {r.changes ? <div>Ändringar: {r.changes}</div> : null}
                </td>
                <td>{r.deadline}</td>
                <td>{r.lastReminder || "–"}</td>
                <td>{r.remains || "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <h2>Det här återstår</h2>
      {d.remaining.length === 0 ? (
        <p>
          {d.asking
            ? "Inget: alla parter har beslutat och inget väntar på granskning."
            : "Inget: rekommendationen ber inte längre parterna om svar, och inget väntar på granskning."}
        </p>
      ) : (
        <ul>
          {d.remaining.map((r) => (
            <li key={r.organisationId}>
              {r.organisation}: {r.remains}
            </li>
          ))}
        </ul>
      )}
      {d.coordinator ? (
        <section aria-labelledby="samordnaren" className="no-print">
          <h2 id="samordnaren">Samordnarens uppföljning</h2>
          <StepConflict
            result={lastResult}
            rows={(theirs, typed) =>
              typed.intent === "close"
                ? [["Status", theirs.status, "Avslutad"]]
                : [
                    ["Status", theirs.status, "Uppföljd"],
                    ["Uppföljd den", theirs.followedUpOn, typed.followedUpOn ?? ""],
                    ["Vad uppföljningen kom fram till", theirs.followUpNote, typed.note ?? ""],
                  ]
            }
          />
          <FormErrorSummary form={form} />
          {d.coordinator.canFollowUp ? (
            <Form method="post" className="stack" {...formProps(form)}>
              <input type="hidden" name="version" value={d.rec.version} />
              <TextField
                field={fields.followedUpOn}
                label="Uppföljd den"
                hint={
                  d.reportFor
                    ? `Till exempel dagen för mötet i ${d.reportFor}.`
                    : "Till exempel dagen för mötet där uppföljningen gjordes."
                }
              />
              <TextareaField field={fields.note} label="Vad uppföljningen kom fram till" rows={3} />
              <div className="actions">
                <button type="submit" name="intent" value="followUp" className="button">
                  Registrera uppföljningen
                </button>
              </div>
            </Form>
          ) : null}
          {d.coordinator.remindersDue ? (
            <Form method="post">
              <p>
                {d.coordinator.remindersDue} {d.coordinator.remindersDue === 1 ? "part ska" : "parter ska"} påminnas
                idag.
              </p>
              <button type="submit" name="intent" value="remind" className="button button--secondary">
                Skicka påminnelser
              </button>
            </Form>
          ) : (
            <p>Inga påminnelser att skicka idag.</p>
          )}
          {d.coordinator.canClose ? (
            <Form method="post">
              <input type="hidden" name="version" value={d.rec.version} />
              <button type="submit" name="intent" value="close" className="button button--secondary">
                Avsluta rekommendationen
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
      <p className="muted">
        Utskriven från Samverkansportalen, /rekommendationer/{d.rec.id}/uppfoljning?per=
        <DateText date={d.asOf} />.{" "}
        <Link to={`/rekommendationer/${d.rec.id}`} className="no-print">
          Till rekommendationen
        </Link>
      </p>
    </article>
  );
}
