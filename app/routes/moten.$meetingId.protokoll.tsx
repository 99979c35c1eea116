import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, requirePermission } from "~/auth/session.server";
import { can } from "~/domain/policy";
import { controlProps, Field } from "~/components/forms";
import { formatDateTime, formatDateWithWeekday, todayInStockholm } from "~/domain/format";
import {
  immediateApprovalProblem,
  isRegisterDecision,
  NOTED_DECISION_TEXT,
  registerChoiceApplies,
} from "~/domain/minutes";
import { MINUTES_LOCKED_MESSAGE, requiredSigners, signatureRole } from "~/domain/meetings";
import { agendaOf } from "~/models/meeting-agenda.server";
import { attendanceOf, chairsOn, membersOnDate, type AttendanceRow } from "~/models/meeting-attendance.server";
import {
  correctMinutes,
  immediatelyApprovedItemIds,
  minutesOf,
  revisionsOf,
  saveMinutes,
  signaturesOf,
  signMinutes,
  startMinutes,
  type MinutesItemInput,
} from "~/models/meeting-minutes.server";
import { loadMeetingFor } from "~/auth/meeting-access.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Protokoll ${data.meeting.bodyShortName} ${data.meeting.date}` : "Protokoll" },
];

const STATUSES = ["närvarande", "frånvarande", "ersättare tjänstgör"] as const;

async function load(request: Request, meetingId: string | undefined) {
  const access = await loadMeetingFor(request, meetingId);
  const record = minutesOf(access.meeting.id) ?? null;
  const approved = record?.status === "justerat";
  // Draft minutes belong to the body; approved minutes of a public body are public records.
  requirePermission(access.actor, "read:meeting", { ...access.resource, published: approved });
  const attendance = attendanceOf(access.meeting.id);
  const adjusters = attendance.filter((a) => a.adjuster).map((a) => a.personId);
  const chairs = chairsOn(access.meeting.bodyId, access.meeting.date);
  return { ...access, record, approved, attendance, adjusters, chairs };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const {
    meeting,
    record,
    approved,
    attendance,
    adjusters,
    chairs,
    canManage,
    canReadConfidential,
    viewer,
    actor,
    resource,
  } = await load(request, params.meetingId);
  const signatures = signaturesOf(meeting.id);
  const myPerson = viewer?.user.personId ?? null;
  const myRole = signatureRole(myPerson, chairs, adjusters);
  const immediate = immediatelyApprovedItemIds(meeting.id);
  const items = agendaOf(meeting.id).map((i) => ({
    id: i.id,
    title: i.title,
    kind: i.kind,
    paragraph: i.paragraph,
    minutesNote: i.minutesNote,
    decisionText: i.decisionText,
    proposedDecision: i.proposedDecision,
    confidential: i.confidential && !canReadConfidential,
    registerChoice: registerChoiceApplies(i.kind),
    recordAsDecision: i.recordAsDecision,
    inRegister: isRegisterDecision(i),
    approvedImmediately: immediate.has(i.id),
  }));
  return {
    meeting,
    record,
    approved,
    items,
    members: membersOnDate(meeting.bodyId, meeting.date),
    attendance,
    signatures,
    required: requiredSigners(chairs, adjusters),
    unsigned: requiredSigners(chairs, adjusters)
      .filter((p) => !signatures.some((s) => s.personId === p))
      .map((p) => ({
        personId: p,
        name:
          attendance.find((r) => r.personId === p)?.name ??
          membersOnDate(meeting.bodyId, meeting.date).find((x) => x.personId === p)?.name ??
          String(p),
      })),
    canManage,
    canSign:
      !approved &&
      record !== null &&
      myRole !== null &&
      can(actor, "sign:minutes", resource) &&
      !signatures.some((s) => s.personId === myPerson),
    myRole,
    revisions: revisionsOf(meeting.id),
  };
}

type ItemText = MinutesItemInput;

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await load(request, params.meetingId);
  const { meeting, viewer, record } = access;
  if (!viewer) throw forbidden();
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "save");
  if (intent === "sign") {
    requirePermission(viewer.actor, "sign:minutes", access.resource);
    const role = signatureRole(viewer.user.personId, access.chairs, access.adjusters);
    if (!role) throw forbidden("Bara ordföranden och de valda justerarna kan justera protokollet.");
    signMinutes(viewer.user.id, meeting.id, viewer.user.personId!, role);
    return redirectWithStatus(`/moten/${meeting.id}/protokoll`, "Du har justerat protokollet.");
  }
  requirePermission(viewer.actor, "manage:meeting", access.resource);
  if (intent === "record-signature") {
    // A signature given on paper, recorded by the secretary (signed_by shows who recorded it).
    const personId = Number(form.get("personId"));
    const role = signatureRole(personId, access.chairs, access.adjusters);
    if (!role)
      return data({ locked: "Personen är varken ordförande eller vald justerare för mötet." }, { status: 400 });
    signMinutes(viewer.user.id, meeting.id, personId, role);
    return redirectWithStatus(`/moten/${meeting.id}/protokoll`, "Justeringen är registrerad.");
  }
  if (intent === "start") {
    startMinutes(viewer.user.id, meeting.id);
    return redirectWithStatus(`/moten/${meeting.id}/protokoll`, "Protokollet är påbörjat.");
  }
  if (intent === "correct") {
    const itemId = Number(form.get("itemId"));
    const reason = String(form.get("reason") ?? "").trim();
    const values = {
      itemId: String(itemId),
      decisionText: String(form.get("decisionText") ?? ""),
      minutesNote: String(form.get("minutesNote") ?? ""),
      reason,
    };
    if (!access.approved)
      return data(
        {
          correctionErrors: { reason: "Rättelser görs bara i justerade protokoll; ändra utkastet direkt." },
          correction: values,
        },
        { status: 400 },
      );
    if (!reason)
      return data(
        {
          correctionErrors: { reason: "Ange skälet till rättelsen. Det sparas med den nya versionen." },
          correction: values,
        },
        { status: 400 },
      );
    correctMinutes(viewer.user.id, meeting.id, itemId, values.decisionText, values.minutesNote, reason);
    return redirectWithStatus(
      `/moten/${meeting.id}/protokoll#rattelser`,
      "Rättelsen är sparad som en ny version av protokollet.",
    );
  }
  // Save the draft.
  const memberIds = membersOnDate(meeting.bodyId, meeting.date).map((m) => m.personId);
  const attendance: AttendanceRow[] = [];
  const attendanceErrors: Record<string, string> = {};
  for (const personId of memberIds) {
    const status = String(form.get(`status-${personId}`) ?? "");
    if (!status) continue;
    if (!STATUSES.includes(status as (typeof STATUSES)[number])) continue;
    const sub = Number(form.get(`for-${personId}`)) || null;
    if (status === "ersättare tjänstgör" && !sub)
      attendanceErrors[`for-${personId}`] = "Ange vem ersättaren tjänstgör för.";
    attendance.push({
      personId,
      status: status as AttendanceRow["status"],
      substituteForPersonId: status === "ersättare tjänstgör" ? sub : null,
      adjuster: form.get(`adjuster-${personId}`) === "1",
    });
  }
  const items: ItemText[] = access.record
    ? agendaOf(meeting.id).map((i) => ({
        id: i.id,
        minutesNote: String(form.get(`note-${i.id}`) ?? ""),
        decisionText: String(form.get(`decision-${i.id}`) ?? ""),
        recordAsDecision: form.get(`register-${i.id}`) === "1",
        approvedImmediately: form.get(`immediate-${i.id}`) === "1",
      }))
    : [];
  const typed = { attendance, items };
  const today = todayInStockholm();
  const already = immediatelyApprovedItemIds(meeting.id);
  for (const item of items) {
    if (!item.approvedImmediately || already.has(item.id)) continue;
    const problem = immediateApprovalProblem({ decisionText: item.decisionText, meetingDate: meeting.date, today });
    if (problem) attendanceErrors[`immediate-${item.id}`] = problem;
  }
  if (!record) throw new Response("Protokollet är inte påbörjat.", { status: 400 });
  if (access.approved) return data({ locked: MINUTES_LOCKED_MESSAGE, typed }, { status: 409 });
  if (Object.keys(attendanceErrors).length) return data({ attendanceErrors, typed }, { status: 400 });
  const saved = saveMinutes(viewer.user.id, meeting.id, Number(form.get("version")), typed);
  if (!saved.ok && saved.locked) return data({ locked: MINUTES_LOCKED_MESSAGE, typed }, { status: 409 });
  if (!saved.ok) {
    const theirs = agendaOf(meeting.id).map((i) => ({
      id: i.id,
      title: i.title,
      minutesNote: i.minutesNote,
      decisionText: i.decisionText,
    }));
    return data({ conflict: { version: saved.conflict!, theirs }, typed }, { status: 409 });
  }
  return redirectWithStatus(`/moten/${meeting.id}/protokoll?sparat=1`, "Protokollet är sparat.");
}

export default function Minutes() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as
    | {
        typed?: { attendance: AttendanceRow[]; items: ItemText[] };
        locked?: string;
        conflict?: { version: number; theirs: (ItemText & { title: string })[] };
        attendanceErrors?: Record<string, string>;
        correctionErrors?: Record<string, string>;
        correction?: { itemId: string; decisionText: string; minutesNote: string; reason: string };
      }
    | undefined;
  const m = d.meeting;
  const typedAttendance = (personId: number) =>
    a?.typed?.attendance.find((r) => r.personId === personId) ?? d.attendance.find((r) => r.personId === personId);
  const typedItem = (id: number) => a?.typed?.items.find((i) => i.id === id);
  const editable = d.canManage && d.record && !d.approved;
  return (
    <article className="printable">
      <Breadcrumbs
        trail={[
          ["/moten", "Möten"],
          [`/moten/${m.id}`, `${m.bodyShortName} ${m.date}`],
        ]}
        current="Protokoll"
      />
      <h1>Protokoll: {m.bodyName}</h1>
      <p>
        {formatDateWithWeekday(m.date)}, {m.startTime}–{m.endTime}, {m.place || "digitalt"}.{" "}
        {d.record ? (
          <span className={`badge ${d.approved ? "badge--ok" : "badge--warn"}`}>
            {d.approved ? "Justerat" : "Utkast"}
          </span>
        ) : null}
      </p>
      {a?.locked ? (
        <p className="notice notice--error" role="alert">
          {a.locked}
        </p>
      ) : null}
      {a?.conflict ? (
        <div className="notice notice--error" role="alert">
          <h2>Någon annan har sparat protokollet medan du skrev</h2>
          <p>Din text är inte sparad men står kvar i formuläret. Jämför med det som sparades och spara igen.</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Punkt</th>
                  <th scope="col">Sparat av någon annan</th>
                  <th scope="col">Din text</th>
                </tr>
              </thead>
              <tbody>
                {a.conflict.theirs.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">{t.title}</th>
                    <td className="pre">{t.decisionText}</td>
                    <td className="pre">{typedItem(t.id)?.decisionText ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}

      {!d.record ? (
        d.canManage ? (
          <Form method="post">
            <input type="hidden" name="intent" value="start" />
            <p>
              Protokollet är inte påbörjat. När du påbörjar det numreras punkterna (§) och mötet markeras som genomfört.
            </p>
            <button type="submit" className="button">
              Påbörja protokoll
            </button>
          </Form>
        ) : (
          <p>Protokollet är inte påbörjat.</p>
        )
      ) : editable ? (
        <Form method="post" className="minutes-form" noValidate>
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={a?.conflict ? a.conflict.version : d.record.version} />
          <h2>Närvaro</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Ledamot</th>
                  <th scope="col">Närvaro</th>
                  <th scope="col">Tjänstgör för</th>
                  <th scope="col">Justerare</th>
                </tr>
              </thead>
              <tbody>
                {d.members.map((p) => {
                  const row = typedAttendance(p.personId);
                  const err = a?.attendanceErrors?.[`for-${p.personId}`];
                  return (
                    <tr key={`${p.personId}-${p.role}`}>
                      <th scope="row">
                        {p.name} <span className="muted">({p.role})</span>
                      </th>
                      <td>
                        <label className="visually-hidden" htmlFor={`f-status-${p.personId}`}>
                          Närvaro för {p.name}
                        </label>
                        <select
                          id={`f-status-${p.personId}`}
                          name={`status-${p.personId}`}
                          defaultValue={row?.status ?? ""}
                        >
                          <option value="">Ej angivet</option>
                          {STATUSES.map((s) => (
                            <option key={s} value={s}>
                              {s}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <label className="visually-hidden" htmlFor={`f-for-${p.personId}`}>
                          {p.name} tjänstgör för
                        </label>
                        <select
                          id={`f-for-${p.personId}`}
                          name={`for-${p.personId}`}
                          defaultValue={row?.substituteForPersonId ?? ""}
                          aria-invalid={err ? true : undefined}
                          aria-describedby={err ? `f-for-${p.personId}-error` : undefined}
                        >
                          <option value="">–</option>
                          {d.members
                            .filter((o) => o.personId !== p.personId)
                            .map((o) => (
                              <option key={o.personId} value={o.personId}>
                                {o.name}
                              </option>
                            ))}
                        </select>
                        {err ? (
                          <p className="field-error" id={`f-for-${p.personId}-error`}>
                            {err}
                          </p>
                        ) : null}
                      </td>
                      <td>
                        <label>
                          <input
                            type="checkbox"
                            name={`adjuster-${p.personId}`}
                            value="1"
                            defaultChecked={row?.adjuster ?? false}
                          />
                          <span className="visually-hidden"> {p.name} är justerare</span>
                        </label>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <h2>Paragrafer</h2>
          {d.items.map((i) => (
            <section key={i.id} className="minutes-item" aria-labelledby={`p-${i.id}`}>
              <h3 id={`p-${i.id}`}>
                § {i.paragraph} {i.title}
              </h3>
              {i.proposedDecision ? <p className="muted">Förslag till beslut: {i.proposedDecision}</p> : null}
              {i.approvedImmediately ? (
                <>
                  <p>
                    <span className="badge badge--ok">Justerad omedelbart</span>
                  </p>
                  {i.minutesNote ? <p className="pre">{i.minutesNote}</p> : null}
                  <p>
                    <strong>Beslut:</strong> <span className="pre">{i.decisionText}</span>
                  </p>
                </>
              ) : (
                <>
                  <Field name={`note-${i.id}`} label="Anteckning">
                    <textarea
                      {...controlProps(`note-${i.id}`)}
                      defaultValue={typedItem(i.id)?.minutesNote ?? i.minutesNote}
                      rows={2}
                    />
                  </Field>
                  <Field name={`decision-${i.id}`} label="Beslut">
                    <textarea
                      {...controlProps(`decision-${i.id}`)}
                      defaultValue={
                        typedItem(i.id)?.decisionText ??
                        (i.decisionText || (i.recordAsDecision ? NOTED_DECISION_TEXT : ""))
                      }
                      rows={2}
                    />
                  </Field>
                  {i.registerChoice ? (
                    <div className="checkbox">
                      <input
                        type="checkbox"
                        id={`f-register-${i.id}`}
                        name={`register-${i.id}`}
                        value="1"
                        defaultChecked={typedItem(i.id)?.recordAsDecision ?? i.recordAsDecision}
                      />
                      <label htmlFor={`f-register-${i.id}`}>
                        Registrera som beslut (till exempel ”{NOTED_DECISION_TEXT}”)
                      </label>
                    </div>
                  ) : null}
                  <div className="checkbox">
                    <input
                      type="checkbox"
                      id={`f-immediate-${i.id}`}
                      name={`immediate-${i.id}`}
                      value="1"
                      defaultChecked={typedItem(i.id)?.approvedImmediately ?? false}
                      aria-invalid={a?.attendanceErrors?.[`immediate-${i.id}`] ? true : undefined}
                      aria-describedby={
                        a?.attendanceErrors?.[`immediate-${i.id}`] ? `f-immediate-${i.id}-error` : undefined
                      }
                    />
                    <label htmlFor={`f-immediate-${i.id}`}>Paragrafen justerades omedelbart</label>
                    {a?.attendanceErrors?.[`immediate-${i.id}`] ? (
                      <p className="field-error" id={`f-immediate-${i.id}-error`}>
                        {a.attendanceErrors[`immediate-${i.id}`]}
                      </p>
                    ) : null}
                  </div>
                </>
              )}
              <p className="muted">
                {i.inRegister
                  ? "Beslutet förs in i beslutsregistret när det justeras."
                  : "Ingen post i beslutsregistret."}
              </p>
            </section>
          ))}
          <div className="actions">
            <button type="submit" className="button">
              Spara protokollet
            </button>
          </div>
        </Form>
      ) : (
        <>
          <h2>Närvarande</h2>
          <ul>
            {d.attendance
              .filter((r) => r.status !== "frånvarande")
              .map((r) => (
                <li key={r.personId}>
                  {r.name}
                  {r.status === "ersättare tjänstgör"
                    ? ` (ersättare för ${d.members.find((p) => p.personId === r.substituteForPersonId)?.name ?? "–"})`
                    : ""}
                  {r.adjuster ? ", justerare" : ""}
                </li>
              ))}
          </ul>
          {d.items.map((i) => (
            <section key={i.id} className="minutes-item" aria-labelledby={`p-${i.id}`}>
              <h3 id={`p-${i.id}`}>
                § {i.paragraph} {i.title}
              </h3>
              {i.minutesNote ? <p className="pre">{i.minutesNote}</p> : null}
              <p>
                <strong>Beslut:</strong> <span className="pre">{i.decisionText || "–"}</span>
              </p>
              <p className="no-print">
                <Link to={`/moten/${m.id}/utdrag/${i.id}`}>Protokollsutdrag § {i.paragraph}</Link>
              </p>
            </section>
          ))}
        </>
      )}

      {d.record ? (
        <section aria-labelledby="justering">
          <h2 id="justering">Justering</h2>
          {d.signatures.length ? (
            <ul>
              {d.signatures.map((s) => (
                <li key={s.personId}>
                  {s.name}, {s.role}, justerade {formatDateTime(s.signedAt)}
                </li>
              ))}
            </ul>
          ) : (
            <p>Ingen har justerat protokollet ännu.</p>
          )}
          {!d.approved ? (
            <p className="muted">
              Protokollet justeras av ordföranden och de valda justerarna ({d.required.length} personer). När alla har
              justerat låses det.
            </p>
          ) : (
            <p>Protokollet är justerat och låst. Rättelser sparas som nya versioner med skäl.</p>
          )}
          {!d.approved && d.canManage && d.unsigned.length ? (
            <Form method="post" className="actions no-print">
              <input type="hidden" name="intent" value="record-signature" />
              <Field name="personId" label="Registrera justering på papper för">
                <select {...controlProps("personId")}>
                  {d.unsigned.map((u) => (
                    <option key={u.personId} value={u.personId}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </Field>
              <button type="submit" className="button button--secondary">
                Registrera
              </button>
            </Form>
          ) : null}
          {d.canSign ? (
            <Form method="post" className="no-print">
              <input type="hidden" name="intent" value="sign" />
              <button type="submit" className="button">
                Justera protokollet som {d.myRole}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      {d.approved && d.canManage ? (
        <section aria-labelledby="rattelse" className="no-print">
          <h2 id="rattelse">Rättelse</h2>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="correct" />
            <Field name="itemId" label="Paragraf">
              <select {...controlProps("itemId")} defaultValue={a?.correction?.itemId}>
                {d.items.map((i) => (
                  <option key={i.id} value={i.id}>
                    § {i.paragraph} {i.title}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="decisionText" label="Rättat beslut">
              <textarea {...controlProps("decisionText")} defaultValue={a?.correction?.decisionText} rows={2} />
            </Field>
            <Field name="minutesNote" label="Rättad anteckning">
              <textarea {...controlProps("minutesNote")} defaultValue={a?.correction?.minutesNote} rows={2} />
            </Field>
            <Field name="reason" label="Skäl till rättelsen" error={a?.correctionErrors?.reason} required>
              <textarea
                {...controlProps("reason", a?.correctionErrors?.reason)}
                defaultValue={a?.correction?.reason}
                rows={2}
              />
            </Field>
            <div className="actions">
              <button type="submit" className="button">
                Spara rättelsen
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      {d.revisions.length ? (
        <section aria-labelledby="rattelser-rubrik" id="rattelser">
          <h2 id="rattelser-rubrik">Rättelser</h2>
          <ul>
            {d.revisions.map((r) => (
              <li key={r.id}>
                {formatDateTime(r.createdAt)} av {r.by}: {r.reason}. Före: ”{JSON.parse(r.before).decisionText}”. Efter:
                ”{JSON.parse(r.after).decisionText}”.
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
