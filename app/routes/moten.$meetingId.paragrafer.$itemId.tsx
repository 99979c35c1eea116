import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getInputProps, getSelectProps } from "@conform-to/react";
import { loadMeetingForManager } from "~/auth/meeting-access.server";
import { notFound } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { TableRegion } from "~/components/table-region";
import { FormErrorSummary, formProps, SelectField, TextField, useSchemaForm } from "~/components/forms";
import { DECISION_PROCEDURES, isPresent, ITEM_OUTCOMES, positionProblems, VOTES } from "~/domain/minutes";
import { motionProblems, motionsToRecord, paragraphSavedMessage, positionOf } from "~/domain/minutes-paragraph";
import { paragraphStepRefusal } from "~/domain/minutes-steps";
import { paragraphSchema } from "~/forms/minutes";
import { decisionOfAgendaItem, getAgendaItem, paragraphsOf } from "~/models/meeting-agenda.server";
import { minutesOf, participantsOf } from "~/models/meeting-minutes.server";
import { motionsOf, positionsOf, saveParagraph } from "~/models/meeting-paragraphs.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { idParam } from "~/utils/params";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Paragraf – Samverkansportalen" }];

const OUTCOME_LABELS: Record<(typeof ITEM_OUTCOMES)[number], string> = {
  beslut: "Beslut fattades",
  bordlagd: "Bordlagd till nästa möte",
  återremitterad: "Återremitterad till nästa möte",
};

async function load(request: Request, params: { meetingId?: string; itemId?: string }) {
  const access = await loadMeetingForManager(request, params.meetingId);
  const item = getAgendaItem(idParam(params.itemId));
  if (!item || item.meetingId !== access.meeting.id) throw notFound("Punkten finns inte.");
  // A § is recorded in draft minutes; approved minutes, or a § approved at the meeting, show it
  // locked, with the way to correct it.
  const refused = paragraphStepRefusal(minutesOf(access.meeting.id), decisionOfAgendaItem(item.id));
  if (refused?.state === "not-started") throw notFound(refused.message);
  return { ...access, item, locked: refused?.message ?? null };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, item, locked } = await load(request, params);
  const present = participantsOf(meeting.id).filter(isPresent);
  const positions = positionsOf(item.id);
  const motions = motionsOf(item.id);
  return {
    meeting,
    locked,
    item: {
      id: item.id,
      title: item.title,
      paragraph: paragraphsOf(meeting.id).get(item.id) ?? null,
      procedure: item.procedure,
      outcome: item.outcome,
      dispatchTo: item.dispatchTo,
    },
    present: present.map((p) => ({ personId: p.personId, name: p.name })),
    motions,
    positions: present.map((p) => {
      const row = positions.find((x) => x.personId === p.personId);
      return {
        personId: String(p.personId),
        vote: row?.vote ?? "",
        disqualified: row?.disqualified ? "on" : undefined,
        reservation: row?.reservation ? "on" : undefined,
        reservationReason: row?.reservationReason ?? "",
        note: row?.note ?? "",
      };
    }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, meeting, item, locked } = await load(request, params);
  const submission = parseForm(await readForm(request), paragraphSchema);
  if (submission.status !== "success") return rejectForm(submission);
  if (locked) return rejectForm(submission, { formErrors: [locked] });
  const value = submission.value;
  const positions = value.positions.map(positionOf);
  const fieldErrors = motionProblems(value.motions);
  const problems = positionProblems(value.procedure, positions, participantsOf(meeting.id));
  if (Object.keys(fieldErrors).length || problems.length)
    return rejectForm(submission, { fieldErrors, formErrors: problems });
  const saved = saveParagraph(viewer.user.id, meeting.id, item.id, {
    procedure: value.procedure,
    outcome: value.outcome,
    dispatchTo: value.dispatchTo,
    motions: motionsToRecord(value.motions),
    positions,
  });
  if (!saved.ok) return rejectForm(submission, { formErrors: [saved.problem] });
  return redirectWithStatus(`/moten/${meeting.id}/protokoll#p-${item.id}`, paragraphSavedMessage(saved));
}

export default function Paragraph() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(paragraphSchema, {
    lastResult: result,
    defaultValue: {
      procedure: d.item.procedure,
      outcome: d.item.outcome,
      dispatchTo: d.item.dispatchTo,
      motions: [
        ...d.motions.map((m) => ({ personId: String(m.personId), text: m.text })),
        { personId: "", text: "" },
        { personId: "", text: "" },
      ],
      positions: d.positions,
    },
  });
  const motionRows = fields.motions.getFieldList();
  const positionRows = fields.positions.getFieldList();
  const people = d.present.map((p) => ({ value: p.personId, label: p.name }));
  const heading = `§ ${d.item.paragraph ?? ""} ${d.item.title}`;
  return (
    <>
      <Breadcrumbs
        trail={[
          ["/moten", "Möten"],
          [`/moten/${d.meeting.id}`, `${d.meeting.bodyShortName} ${d.meeting.date}`],
          [`/moten/${d.meeting.id}/protokoll`, "Protokoll"],
        ]}
        current={`§ ${d.item.paragraph ?? ""}`}
      />
      <h1>{heading}</h1>
      {d.locked ? (
        <p className="notice notice--warn">Protokollet är justerat. Ändringar görs som rättelser på protokollsidan.</p>
      ) : null}
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <fieldset>
          <legend>Yrkanden</legend>
          {motionRows.map((row, index) => {
            const f = row.getFieldset();
            return (
              <div key={row.key} className="motion-row">
                <SelectField field={f.personId} label={`Yrkande ${index + 1}: av`} options={people} emptyOption="–" />
                <TextField field={f.text} label={`Yrkande ${index + 1}: yrkar`} />
              </div>
            );
          })}
        </fieldset>
        <SelectField
          field={fields.procedure}
          label="Beslutsgång"
          options={DECISION_PROCEDURES.map((p) => ({ value: p, label: p }))}
        />
        <TableRegion label="Röster, jäv, reservationer och protokollsanteckningar">
          <table>
            <caption>De närvarandes röster, jäv, reservationer och protokollsanteckningar</caption>
            <thead>
              <tr>
                <th scope="col">Ledamot</th>
                <th scope="col">Röst vid votering</th>
                <th scope="col">Jäv</th>
                <th scope="col">Reservation och skäl</th>
                <th scope="col">Protokollsanteckning</th>
              </tr>
            </thead>
            <tbody>
              {d.present.map((p, index) => {
                const f = positionRows[index].getFieldset();
                return (
                  <tr key={p.personId}>
                    <th scope="row">
                      {p.name}
                      <input type="hidden" name={f.personId.name} value={p.personId} />
                    </th>
                    <td>
                      <label className="visually-hidden" htmlFor={f.vote.id}>
                        Röst för {p.name}
                      </label>
                      <select {...getSelectProps(f.vote)} key={f.vote.key}>
                        <option value="">–</option>
                        {VOTES.map((v) => (
                          <option key={v} value={v}>
                            {v}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <label>
                        <input {...getInputProps(f.disqualified, { type: "checkbox" })} key={f.disqualified.key} />
                        <span className="visually-hidden"> {p.name} är jävig</span>
                      </label>
                    </td>
                    <td>
                      <label>
                        <input {...getInputProps(f.reservation, { type: "checkbox" })} key={f.reservation.key} />
                        <span className="visually-hidden"> {p.name} reserverar sig</span>
                      </label>
                      <label className="visually-hidden" htmlFor={f.reservationReason.id}>
                        Skäl för {p.name}s reservation
                      </label>
                      <input {...getInputProps(f.reservationReason, { type: "text" })} key={f.reservationReason.key} />
                    </td>
                    <td>
                      <label className="visually-hidden" htmlFor={f.note.id}>
                        Protokollsanteckning av {p.name}
                      </label>
                      <input {...getInputProps(f.note, { type: "text" })} key={f.note.key} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
        <SelectField
          field={fields.outcome}
          label="Utfall"
          hint="En bordlagd eller återremitterad punkt förs till organets nästa möte, med en länk tillbaka hit."
          options={ITEM_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))}
        />
        <TextField
          field={fields.dispatchTo}
          label="Expedieras till"
          hint="Parter, organ eller personer som ska få protokollsutdraget."
        />
        <div className="actions">
          <button type="submit" className="button" disabled={d.locked !== null}>
            Spara paragrafen
          </button>
          <Link to={`/moten/${d.meeting.id}/protokoll`}>Tillbaka till protokollet</Link>
        </div>
      </Form>
    </>
  );
}
