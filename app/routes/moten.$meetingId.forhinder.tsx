import { WeekdayDate } from "~/components/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { loadMeetingFor } from "~/auth/meeting-access.server";
import { requireViewer } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { TableRegion } from "~/components/table-region";
import { FormErrorSummary, formProps, SelectField, useSchemaForm } from "~/components/forms";
import { todayInStockholm } from "~/domain/format";
import { answersOpenTo, seatsToFill, whoIsComing } from "~/domain/meeting-absence";
import {
  confirmServingSchema,
  meetingAnswerSchema,
  reportAbsenceSchema,
  withdrawAnswerSchema,
} from "~/forms/meeting-absence";
import { confirmServing, reportAbsence, responsesOf, withdrawAnswer } from "~/models/meeting-absence.server";
import { calledTo } from "~/models/meeting-attendance.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { pageTitle } from "~/utils/page-title";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle("Förhinder och ersättare", data && `${data.meeting.bodyShortName} ${data.meeting.date}`) },
];

/** Förhinder and substitutes: the called person's own answer, and for the secretary who is coming. */
async function load(request: Request, meetingId: string | undefined) {
  const viewer = await requireViewer(request);
  const access = await loadMeetingFor(request, meetingId);
  const called = calledTo(access.meeting);
  const personId = viewer.user.personId;
  const me = called.find((p) => p.personId === personId) ?? null;
  return { ...access, viewer, called, me };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, called, me, canManage } = await load(request, params.meetingId);
  const responses = responsesOf(meeting.id);
  const mine = me ? (responses.find((r) => r.personId === me.personId) ?? null) : null;
  const open = answersOpenTo(me?.role ?? null, meeting.date, todayInStockholm());
  return {
    meeting,
    me: me ? { name: me.name, role: me.role } : null,
    mine: mine
      ? { answer: mine.answer, forName: called.find((c) => c.personId === mine.forPersonId)?.name ?? null }
      : null,
    open,
    // Who reported förhinder is for a deputy who may serve for them (and the secretary, below);
    // the loader's data reaches the browser whole, shown or not.
    seats: open.includes("tjänstgör")
      ? seatsToFill(called, responses).map((p) => ({ personId: p.personId, name: p.name }))
      : [],
    coming: canManage ? whoIsComing(called, responses) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, viewer, me } = await load(request, params.meetingId);
  const submission = parseForm(await readForm(request), meetingAnswerSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value;
  const open = answersOpenTo(me?.role ?? null, meeting.date, todayInStockholm());
  if (value.intent === "aterkalla") {
    if (!me || open.length === 0)
      return rejectForm(submission, {
        formErrors: [me ? "Mötet har redan varit." : "Du är inte kallad till det här mötet."],
      });
    const withdrawn = withdrawAnswer(viewer.user.id, meeting, me.personId);
    if (!withdrawn.ok) return rejectForm(submission, { formErrors: [withdrawn.message] });
    return redirectWithStatus(`/moten/${meeting.id}/forhinder`, "Ditt besked är återkallat.");
  }
  const answer = value.intent === "forhinder" ? "förhinder" : "tjänstgör";
  if (!me || !open.includes(answer))
    return rejectForm(submission, {
      formErrors: [me ? "Mötet har redan varit." : "Du är inte kallad till det här mötet."],
    });
  const outcome =
    value.intent === "forhinder"
      ? reportAbsence(viewer.user.id, meeting, me.personId)
      : confirmServing(viewer.user.id, meeting, me.personId, value.forPersonId);
  if (!outcome.ok)
    return rejectForm(
      submission,
      value.intent === "tjanstgor"
        ? { fieldErrors: { forPersonId: [outcome.message] } }
        : { formErrors: [outcome.message] },
    );
  return redirectWithStatus(
    `/moten/${meeting.id}/forhinder`,
    value.intent === "forhinder"
      ? "Ditt förhinder är anmält. Ersättarna har fått besked."
      : "Du är anmäld som tjänstgörande ersättare.",
  );
}

const EXPECTED_LABEL = {
  kommer: "Kommer",
  förhinder: "Förhinder",
  tjänstgör: "Tjänstgör",
  "inget besked": "Inget besked",
} as const;

export default function Absence() {
  const { meeting, me, mine, open, seats, coming } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const intent = (lastResult?.initialValue as Record<string, unknown> | undefined)?.intent;
  const [absenceForm] = useSchemaForm(reportAbsenceSchema, {
    id: "fh",
    lastResult: intent === "forhinder" ? lastResult : null,
  });
  const [withdrawForm] = useSchemaForm(withdrawAnswerSchema, {
    id: "ak",
    lastResult: intent === "aterkalla" ? lastResult : null,
  });
  const [serveForm, serveFields] = useSchemaForm(confirmServingSchema, {
    id: "tj",
    lastResult: intent === "tjanstgor" ? lastResult : null,
  });
  return (
    <>
      <Breadcrumbs
        trail={[
          ["/moten", "Möten"],
          [`/moten/${meeting.id}`, `${meeting.bodyShortName} ${meeting.date}`],
        ]}
        current="Förhinder och ersättare"
      />
      <h1>Förhinder och ersättare</h1>
      <p>
        {meeting.bodyName}, <WeekdayDate date={meeting.date} /> kl. {meeting.startTime}–{meeting.endTime}
      </p>
      {me ? (
        <>
          <h2>Ditt besked</h2>
          {mine ? (
            <p>
              {mine.answer === "förhinder"
                ? "Du har anmält förhinder."
                : `Du tjänstgör som ersättare${mine.forName ? ` för ${mine.forName}` : ""}.`}
            </p>
          ) : (
            <p>Du är kallad som {me.role}.</p>
          )}
          {mine && open.length ? (
            <>
              <FormErrorSummary form={withdrawForm} />
              <Form method="post" {...formProps(withdrawForm)}>
                <input type="hidden" name="intent" value="aterkalla" />
                <button type="submit" className="button button--secondary">
                  {mine.answer === "förhinder" ? "Återkalla förhindret – jag kommer" : "Återkalla – jag tjänstgör inte"}
                </button>
              </Form>
            </>
          ) : null}
          {open.includes("förhinder") && mine?.answer !== "förhinder" ? (
            <>
              <FormErrorSummary form={absenceForm} />
              <Form method="post" {...formProps(absenceForm)}>
                <input type="hidden" name="intent" value="forhinder" />
                <button type="submit" className="button">
                  Anmäl förhinder
                </button>
              </Form>
            </>
          ) : null}
          {open.includes("tjänstgör") && mine?.answer !== "tjänstgör" ? (
            seats.length ? (
              <>
                <h2>Tjänstgöra som ersättare</h2>
                <FormErrorSummary form={serveForm} />
                <Form method="post" className="stack" {...formProps(serveForm)}>
                  <input type="hidden" name="intent" value="tjanstgor" />
                  <SelectField
                    field={serveFields.forPersonId}
                    label="Jag tjänstgör för"
                    options={seats.map((s) => ({ value: s.personId, label: s.name }))}
                  />
                  <div className="actions">
                    <button type="submit" className="button">
                      Bekräfta att jag tjänstgör
                    </button>
                  </div>
                </Form>
              </>
            ) : (
              <p>Ingen ledamot har anmält förhinder som saknar ersättare.</p>
            )
          ) : null}
          {open.length === 0 ? <p>Mötet har redan varit; besked lämnas inte längre här.</p> : null}
        </>
      ) : (
        <p>Du är inte kallad till det här mötet.</p>
      )}
      {coming ? (
        <>
          <h2>Vem kommer</h2>
          <TableRegion label="Vem kommer">
            <table>
              <caption>Kallade och deras besked</caption>
              <thead>
                <tr>
                  <th scope="col">Namn</th>
                  <th scope="col">Roll</th>
                  <th scope="col">Besked</th>
                </tr>
              </thead>
              <tbody>
                {coming.map((p) => (
                  <tr key={p.personId}>
                    <td>{p.name}</td>
                    <td>{p.role}</td>
                    <td>
                      {EXPECTED_LABEL[p.expected]}
                      {p.forName ? ` för ${p.forName}` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <p>
            Beskeden förs in i närvarolistan i <Link to={`/moten/${meeting.id}/protokoll`}>protokollet</Link>, där du
            kan ändra dem.
          </p>
        </>
      ) : null}
    </>
  );
}
