import { DateText, DateTimeText, WeekdayDate, keepUnitsWhole, keepWhole } from "~/components/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getInputProps, getSelectProps, type SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import { z } from "zod";
import { loadMeetingFor } from "~/auth/meeting-access.server";
import { forbidden, requirePermission } from "~/auth/session.server";
import { can } from "~/domain/policy";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { conflictOf } from "~/components/conflict-notice";
import {
  FormErrorSummary,
  formProps,
  SelectField,
  TextareaField,
  TextField,
  useSchemaForm,
  CheckboxField,
} from "~/components/forms";
import { countOf, dateInStockholm, todayInStockholm } from "~/domain/format";
import { isSigned } from "~/domain/meetings";
import {
  appealStatement,
  isHeld,
  maySign,
  unsignedOf,
  ATTENDANCE_STATUSES,
  isPresent,
  isRegisterDecision,
  markHeldProblem,
  NOTED_DECISION_TEXT,
  registerChoiceApplies,
  requiredSignersOf,
  signerRoleOf,
} from "~/domain/minutes";
import { checkDraft } from "~/domain/minutes-draft";
import { correctionProblem, minutesStepRefusal } from "~/domain/minutes-steps";
import {
  correctMinutesSchema,
  minutesActionSchema,
  postMinutesSchema,
  recordSignatureSchema,
  saveMinutesSchema,
} from "~/forms/minutes";
import { visibleAgendaOf } from "~/models/agenda-view.server";
import { agendaOf } from "~/models/meeting-agenda.server";
import { attendanceOf } from "~/models/meeting-attendance.server";
import {
  correctMinutes,
  immediatelyApprovedItemIds,
  markHeld,
  minutesApprovalProblems,
  minutesOf,
  participantsOf,
  pendingCorrectionOf,
  postMinutes,
  revisionsOf,
  saveMinutes,
  signaturesOf,
  signCorrection,
  signerChoiceOf,
  sendForSigning,
  signMinutes,
  startMinutes,
} from "~/models/meeting-minutes.server";
import { paragraphDetailsOf } from "~/models/meeting-paragraphs.server";
import { ParagraphDetails } from "~/components/paragraph-details";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";
import { TableRegion } from "~/components/table-region";
import { ExampleMark } from "~/components/example-mark";
import { meetingExampleMarks } from "~/models/example-facts.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Protokoll ${data.meeting.bodyShortName} ${data.meeting.date}` : "Protokoll" },
];

const noFields = z.object({ intent: z.string() });

/** 409: the minutes were approved (locked) before this edit arrived. */
function rejectLocked(submission: Parameters<typeof rejectForm>[0], message: string) {
  return data(submission.reply({ formErrors: [message] }) as SubmissionResult<string[]>, {
    status: 409,
  });
}

async function load(request: Request, meetingId: string | undefined) {
  const access = await loadMeetingFor(request, meetingId);
  const record = minutesOf(access.meeting.id) ?? null;
  const approved = isSigned(record);
  // Draft minutes belong to the body; approved minutes of a public body are public records.
  requirePermission(access.actor, "read:meeting", { ...access.resource, published: approved });
  return { ...access, record, approved };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, record, approved, canManage, canReadConfidential, viewer, actor, resource } = await load(
    request,
    params.meetingId,
  );
  const participants = participantsOf(meeting.id);
  const attendance = attendanceOf(meeting.id);
  const choice = signerChoiceOf(meeting.id);
  const nameOf = (personId: number | null) =>
    personId === null ? "" : (participants.find((p) => p.personId === personId)?.name ?? String(personId));
  const signers = requiredSignersOf(choice).map((s) => ({ ...s, name: nameOf(s.personId) }));
  const signatures = signaturesOf(meeting.id);
  // A correction waiting for justering is a draft of the minutes: the body's, as draft minutes are.
  const pending =
    record && can(actor, "read:meeting", { ...resource, published: false })
      ? (pendingCorrectionOf(meeting.id) ?? null)
      : null;
  // The draft's signing round is open while the minutes allow signing (started, not approved).
  const signingOpen = minutesStepRefusal("sign", record) === null;
  const correctionSignatures = pending ? signaturesOf(meeting.id, pending.id) : [];
  const myPerson = viewer?.user.personId ?? null;
  const myRole = signerRoleOf(myPerson, choice);
  const immediate = immediatelyApprovedItemIds(meeting.id);
  const details = paragraphDetailsOf(actor, meeting.id);
  const revisions = revisionsOf(meeting.id);
  const visible = visibleAgendaOf(actor, meeting);
  const { marks, decisionOfItem } = meetingExampleMarks(
    actor,
    meeting.id,
    visible.map((i) => i.id),
  );
  const textsWithheld = (itemId: number | null) =>
    !canReadConfidential && visible.some((i) => i.id === itemId && i.confidential);
  const items = visible.map((i) => {
    const hidden = i.confidential && !canReadConfidential;
    const corrected = revisions.filter((r) => r.agendaItemId === i.id && !r.pending);
    return {
      id: i.id,
      decisionId: decisionOfItem[i.id] ?? null,
      title: i.title,
      kind: i.kind,
      paragraph: i.paragraph,
      minutesNote: hidden ? "" : i.minutesNote,
      decisionText: hidden ? "Sekretessmarkerad." : i.decisionText,
      proposedDecision: hidden ? "" : i.proposedDecision,
      registerChoice: registerChoiceApplies(i.kind),
      recordAsDecision: i.recordAsDecision,
      inRegister: isRegisterDecision(i),
      outcome: i.outcome,
      approvedImmediately: immediate.has(i.id),
      details: hidden ? null : (details.get(i.id) ?? null),
      corrected: corrected.map((r) => ({ reason: r.reason, on: dateInStockholm(r.approvedAt ?? r.createdAt) })),
    };
  });
  const present = participants.filter(isPresent);
  return {
    meeting,
    marks,
    record,
    approved,
    items,
    participants,
    present,
    attendance,
    choice: {
      actingChair: nameOf(choice.actingChairPersonId),
      secretary: nameOf(choice.secretaryPersonId),
      adjusters: choice.adjusterPersonIds.map(nameOf),
    },
    signers,
    signatures,
    unsigned: unsignedOf(signers, signatures),
    problems: signingOpen ? minutesApprovalProblems(meeting.id, todayInStockholm()) : [],
    held: isHeld(meeting.status),
    canManage,
    // A new correction: approved minutes, none waiting (one correction at a time).
    canCorrect: canManage && correctionProblem(record, pending) === null,
    myRole,
    canSign: maySign({
      open: signingOpen,
      role: myRole,
      permitted: can(actor, "sign:minutes", resource),
      personId: myPerson,
      signed: signatures,
    }),
    pending: pending
      ? {
          id: pending.id,
          reason: pending.reason,
          createdAt: pending.createdAt,
          item: items.find((i) => i.id === pending.agendaItemId)?.title ?? "",
          paragraph: items.find((i) => i.id === pending.agendaItemId)?.paragraph ?? null,
          after: JSON.parse(pending.after) as { decisionText: string; minutesNote: string },
          signatures: correctionSignatures,
          unsigned: unsignedOf(signers, correctionSignatures),
          canSign: maySign({
            open: true,
            role: myRole,
            permitted: can(actor, "sign:minutes", resource),
            personId: myPerson,
            signed: correctionSignatures,
          }),
        }
      : null,
    revisions: revisions
      .filter((r) => !r.pending)
      .map((r) => ({
        id: r.id,
        reason: r.reason,
        on: dateInStockholm(r.approvedAt ?? r.createdAt),
        paragraph: items.find((i) => i.id === r.agendaItemId)?.paragraph ?? null,
        // A confidential §'s texts, before and after, are the body's as the § itself is.
        ...(textsWithheld(r.agendaItemId)
          ? { before: "Sekretessmarkerad.", after: "Sekretessmarkerad." }
          : {
              before: (JSON.parse(r.before) as { decisionText: string }).decisionText,
              after: (JSON.parse(r.after) as { decisionText: string }).decisionText,
            }),
      })),
    appeal: approved
      ? appealStatement({
          appealable: meeting.appealable,
          postedOn: record?.postedOn ?? null,
          bodyName: meeting.bodyName,
          recommendsToParties: items.some((i) => i.kind === "rekommendation till parterna"),
        })
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await load(request, params.meetingId);
  const { meeting, viewer, record } = access;
  if (!viewer) throw forbidden();
  const submission = parseForm(await readForm(request), minutesActionSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value;
  const today = todayInStockholm();
  const here = `/moten/${meeting.id}/protokoll`;
  if (value.intent === "sign" || value.intent === "sign-correction") {
    requirePermission(viewer.actor, "sign:minutes", access.resource);
    const personId = viewer.user.personId;
    if (personId === null) throw forbidden("Ditt konto är inte kopplat till en person.");
    const signed =
      value.intent === "sign"
        ? signMinutes(viewer.user.id, meeting.id, personId, today)
        : signCorrection(viewer.user.id, meeting.id, personId);
    if (!signed.ok && "notSigner" in signed)
      throw forbidden("Bara sekreteraren, mötets ordförande och de valda justerarna kan justera protokollet.");
    if (!signed.ok)
      return rejectForm(submission, { formErrors: "problems" in signed ? signed.problems : [signed.problem] });
    return redirectWithStatus(
      here,
      value.intent === "sign" ? "Du har justerat protokollet." : "Du har justerat rättelsen.",
    );
  }
  requirePermission(viewer.actor, "manage:meeting", access.resource);
  switch (value.intent) {
    case "start":
      startMinutes(viewer.user.id, meeting.id);
      return redirectWithStatus(here, "Protokollet är påbörjat.");
    case "mark-held": {
      const problem = markHeldProblem({ today, meetingDate: meeting.date });
      if (problem) return rejectForm(submission, { formErrors: [problem] });
      markHeld(viewer.user.id, meeting.id);
      return redirectWithStatus(here, "Mötet är markerat som genomfört.");
    }
    case "send-for-signing": {
      const sent = sendForSigning(viewer.user.id, meeting.id, today);
      if (!sent.ok) return rejectForm(submission, { formErrors: sent.problems });
      return redirectWithStatus(
        here,
        `Protokollet är skickat för justering till ${countOf(sent.queued, "person", "personer")}.`,
      );
    }
    case "record-signature":
    case "record-correction-signature": {
      // A signature given on paper, recorded by the secretary (signed_by shows who recorded it).
      const signed =
        value.intent === "record-signature"
          ? signMinutes(viewer.user.id, meeting.id, value.personId, today)
          : signCorrection(viewer.user.id, meeting.id, value.personId);
      if (!signed.ok && "notSigner" in signed)
        return rejectForm(submission, {
          fieldErrors: { personId: ["Personen är varken sekreterare, mötets ordförande eller vald justerare."] },
        });
      if (!signed.ok)
        return rejectForm(submission, { formErrors: "problems" in signed ? signed.problems : [signed.problem] });
      return redirectWithStatus(here, "Justeringen är registrerad.");
    }
    case "correct": {
      const notYet = minutesStepRefusal("correct", record);
      if (notYet) return rejectForm(submission, { fieldErrors: { reason: [notYet.message] } });
      const saved = correctMinutes(
        viewer.user.id,
        meeting.id,
        value.itemId,
        value.decisionText,
        value.minutesNote,
        value.reason,
      );
      if (!saved.ok) return rejectForm(submission, { formErrors: [saved.problem] });
      return redirectWithStatus(
        `${here}#rattelse-vantar`,
        "Rättelsen är sparad. Den gäller när protokollets justerare har justerat den.",
      );
    }
    case "post": {
      const notYet = minutesStepRefusal("post", record);
      if (notYet) return rejectForm(submission, { fieldErrors: { postedOn: [notYet.message] } });
      postMinutes(viewer.user.id, meeting.id, value.postedOn, value.keptAt);
      return redirectWithStatus(here, "Anslaget är registrerat.");
    }
    case "save": {
      const refused = minutesStepRefusal("save", record);
      if (refused?.state === "not-started") throw new Response(refused.message, { status: 400 });
      if (refused) return rejectLocked(submission, refused.message);
      const { attendance, fieldErrors } = checkDraft(value, {
        participants: participantsOf(meeting.id),
        immediatelyApproved: immediatelyApprovedItemIds(meeting.id),
        meetingDate: meeting.date,
        today,
      });
      if (Object.keys(fieldErrors).length) return rejectForm(submission, { fieldErrors });
      const saved = saveMinutes(viewer.user.id, meeting.id, value.version, {
        actingChairPersonId: value.actingChairPersonId,
        secretaryPersonId: value.secretaryPersonId,
        adjustmentPlace: value.adjustmentPlace,
        adjustmentDate: value.adjustmentDate,
        attendance,
        items: value.items,
      });
      if (!saved.ok && saved.locked) return rejectLocked(submission, saved.problem);
      if (!saved.ok) {
        const theirs = agendaOf(meeting.id).map((i) => ({ id: i.id, title: i.title, decisionText: i.decisionText }));
        return rejectConflict(submission, theirs, saved.conflict!);
      }
      return redirectWithStatus(`${here}?sparat=1`, "Protokollet är sparat.");
    }
  }
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function Minutes() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const intent = (result?.initialValue as Record<string, unknown> | undefined)?.intent;
  const m = d.meeting;
  const editable = d.canManage && d.record && !d.approved;
  return (
    <article className="printable minutes">
      <Breadcrumbs
        trail={[
          ["/moten", "Möten"],
          [`/moten/${m.id}`, `${m.bodyShortName} ${m.date}`],
        ]}
        current="Protokoll"
      />
      <h1>Protokoll: {m.bodyName}</h1>
      <p>
        <WeekdayDate date={m.date} />
        <ExampleMark marks={d.marks} entity="meeting" id={m.id} field="date" />, {m.startTime}–{m.endTime}
        <ExampleMark marks={d.marks} entity="meeting" id={m.id} field="time" />, {m.place || "digitalt"}
        <ExampleMark marks={d.marks} entity="meeting" id={m.id} field="place" />.{" "}
        {d.record ? (
          <span className={`badge ${d.approved ? "badge--ok" : "badge--warn"}`}>
            {d.approved ? "Justerat" : "Utkast"}
          </span>
        ) : null}
      </p>
      {!d.record ? (
        <StartForm canManage={d.canManage} result={intent === "start" ? result : null} />
      ) : editable ? (
        <>
          <HeldForm held={d.held} result={intent === "mark-held" ? result : null} />
          <DraftForm d={d} result={intent === "save" ? result : null} />
        </>
      ) : (
        <MinutesRecord d={d} />
      )}
      {d.record ? <Approval d={d} result={result} intent={intent} /> : null}
      {d.approved ? <Publication d={d} result={intent === "post" ? result : null} /> : null}
      {d.canCorrect ? <CorrectionForm d={d} result={intent === "correct" ? result : null} /> : null}
      {d.pending ? <PendingCorrection d={d} result={result} intent={intent} /> : null}
      {d.revisions.length ? (
        <section aria-labelledby="rattelser-rubrik" id="rattelser">
          <h2 id="rattelser-rubrik">Rättelser</h2>
          <ul>
            {d.revisions.map((r) => (
              <li key={r.id}>
                § {r.paragraph} rättad <DateText date={r.on} />: {r.reason}. Före: ”{r.before}”. Efter: ”{r.after}”.
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

type Result = ReturnType<typeof useActionData<typeof action>>;

function StartForm({ canManage, result }: { canManage: boolean; result: Result | null }) {
  const [form] = useSchemaForm(noFields, { id: "starta", lastResult: result });
  if (!canManage) return <p>Protokollet är inte påbörjat.</p>;
  return (
    <Form method="post" {...formProps(form)}>
      <FormErrorSummary form={form} />
      <p>
        Protokollet är inte påbörjat. När du påbörjar det numreras punkterna (§). Mötet markerar du som genomfört
        separat.
      </p>
      <input type="hidden" name="intent" value="start" />
      <button type="submit" className="button">
        Påbörja protokoll
      </button>
    </Form>
  );
}

function HeldForm({ held, result }: { held: boolean; result: Result | null }) {
  const [form] = useSchemaForm(noFields, { id: "genomfort", lastResult: result });
  if (held) return <p className="muted">Mötet är markerat som genomfört.</p>;
  return (
    <Form method="post" className="no-print" {...formProps(form)}>
      <FormErrorSummary form={form} />
      <p>Mötet är inte markerat som genomfört. Att spara utkastet ändrar inte det.</p>
      <input type="hidden" name="intent" value="mark-held" />
      <button type="submit" className="button button--secondary">
        Markera mötet som genomfört
      </button>
    </Form>
  );
}

function DraftForm({ d, result }: { d: Data; result: Result | null }) {
  const record = d.record!;
  const conflict = conflictOf<{ id: number; title: string; decisionText: string }[]>(result);
  // A reply is shown in the form only when it carries every row the page shows (a form
  // posted by this page always does); otherwise the form starts from the saved minutes.
  const typed = result?.initialValue as { attendance?: unknown[]; items?: unknown[] } | undefined;
  const complete =
    !typed ||
    ((typed.attendance?.length ?? 0) === d.participants.length && (typed.items?.length ?? 0) === d.items.length);
  const [form, fields] = useSchemaForm(saveMinutesSchema, {
    lastResult: complete ? result : null,
    defaultValue: {
      actingChairPersonId: record.actingChairPersonId ?? "",
      secretaryPersonId: record.secretaryPersonId ?? "",
      adjustmentPlace: record.adjustmentPlace,
      adjustmentDate: record.adjustmentDate ?? "",
      attendance: d.participants.map((p) => {
        const row = d.attendance.find((r) => r.personId === p.personId);
        return {
          personId: String(p.personId),
          status: row?.status ?? "",
          substituteFor: row?.substituteForPersonId ? String(row.substituteForPersonId) : "",
          adjuster: row?.adjuster ? "on" : undefined,
        };
      }),
      items: d.items.map((i) => ({
        id: String(i.id),
        minutesNote: i.minutesNote,
        decisionText: i.decisionText || (i.recordAsDecision ? NOTED_DECISION_TEXT : ""),
        recordAsDecision: i.recordAsDecision ? "on" : undefined,
        approvedImmediately: i.approvedImmediately ? "on" : undefined,
      })),
    },
  });
  const people = d.participants.map((p) => ({ value: p.personId, label: `${p.name} (${p.role})` }));
  const attendanceRows = fields.attendance.getFieldList();
  const itemRows = fields.items.getFieldList();
  return (
    <>
      {conflict ? (
        <div className="notice notice--error" role="alert">
          <h2>Någon annan har sparat protokollet medan du skrev</h2>
          <p>Din text är inte sparad men står kvar i formuläret. Jämför med det som sparades och spara igen.</p>
          <ul>
            {conflict.theirs.map((t) => (
              <li key={t.id}>
                {t.title}: ”{t.decisionText}”
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <FormErrorSummary form={form} />
      {!complete && result?.error?.[""] ? (
        <p className="notice notice--error" role="alert">
          {result.error[""].join(" ")}
        </p>
      ) : null}
      <Form method="post" className="minutes-form" {...formProps(form)}>
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name={fields.version.name} value={conflict?.version ?? record.version} />
        <h2>Närvaro</h2>
        <TableRegion label="Närvaro">
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
              {d.participants.map((p, index) => {
                const row = attendanceRows[index].getFieldset();
                const subError = row.substituteFor.errors?.[0];
                const adjError = row.adjuster.errors?.[0];
                return (
                  <tr key={p.personId}>
                    <th scope="row">
                      {p.name} <span className="muted">({p.role})</span>
                      <input type="hidden" name={row.personId.name} value={p.personId} />
                    </th>
                    <td>
                      <label className="visually-hidden" htmlFor={row.status.id}>
                        Närvaro för {p.name}
                      </label>
                      <select {...getSelectProps(row.status)} key={row.status.key}>
                        <option value="">Ej angivet</option>
                        {ATTENDANCE_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {s}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <label className="visually-hidden" htmlFor={row.substituteFor.id}>
                        {p.name} tjänstgör för
                      </label>
                      <select {...getSelectProps(row.substituteFor)} key={row.substituteFor.key}>
                        <option value="">–</option>
                        {d.participants
                          .filter((o) => o.personId !== p.personId)
                          .map((o) => (
                            <option key={o.personId} value={o.personId}>
                              {o.name}
                            </option>
                          ))}
                      </select>
                      {subError ? (
                        <p className="field-error" id={row.substituteFor.errorId}>
                          {subError}
                        </p>
                      ) : null}
                    </td>
                    <td>
                      <label>
                        <input {...getInputProps(row.adjuster, { type: "checkbox" })} key={row.adjuster.key} />
                        <span className="visually-hidden"> {p.name} är justerare</span>
                      </label>
                      {adjError ? (
                        <p className="field-error" id={row.adjuster.errorId}>
                          {adjError}
                        </p>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
        <h2>Ordförande, sekreterare och justering</h2>
        <SelectField
          field={fields.actingChairPersonId}
          label="Mötets ordförande"
          hint="Ordföranden, eller den som ledde mötet när ordföranden var frånvarande (till exempel vice ordföranden)."
          options={people}
          emptyOption={`Organets ordförande eller vice ordförande om de är närvarande${d.choice.actingChair ? ` (nu: ${d.choice.actingChair})` : ""}`}
        />
        <SelectField field={fields.secretaryPersonId} label="Sekreterare" options={people} emptyOption="Välj" />
        <TextField field={fields.adjustmentPlace} label="Justeringens plats" hint="Lokal och ort." />
        <TextField field={fields.adjustmentDate} label="Justeringens datum" hint="ÅÅÅÅ-MM-DD" />
        <h2>Paragrafer</h2>
        {d.items.map((i, index) => {
          const row = itemRows[index].getFieldset();
          return (
            <section key={i.id} className="minutes-item" aria-labelledby={`p-${i.id}`}>
              <h3 id={`p-${i.id}`}>
                § {i.paragraph} {i.title}
              </h3>
              <input type="hidden" name={row.id.name} value={i.id} />
              {i.proposedDecision ? <p className="muted">Förslag till beslut: {i.proposedDecision}</p> : null}
              {i.approvedImmediately ? (
                <>
                  <p>
                    <span className="badge badge--ok">Justerad omedelbart</span>
                  </p>
                  {i.minutesNote ? <p className="pre">{keepUnitsWhole(i.minutesNote)}</p> : null}
                  <p>
                    <strong>Beslut:</strong> <span className="pre">{keepUnitsWhole(i.decisionText)}</span>
                  </p>
                </>
              ) : (
                <>
                  <TextareaField
                    field={row.minutesNote}
                    label={
                      <>
                        Anteckning<span className="visually-hidden"> § {i.paragraph}</span>
                      </>
                    }
                    rows={2}
                  />
                  <TextareaField
                    field={row.decisionText}
                    label={
                      <>
                        Beslut<span className="visually-hidden"> § {i.paragraph}</span>
                      </>
                    }
                    rows={2}
                  />
                  {i.registerChoice ? (
                    <CheckboxField
                      field={row.recordAsDecision}
                      label={`Registrera som beslut (till exempel ”${NOTED_DECISION_TEXT}”)`}
                    />
                  ) : null}
                  <CheckboxField
                    field={row.approvedImmediately}
                    label={
                      <>
                        Paragrafen justerades omedelbart<span className="visually-hidden"> (§ {i.paragraph})</span>
                      </>
                    }
                  />
                </>
              )}
              <ParagraphDetails item={i} />
              <p className="muted">
                {i.inRegister
                  ? "Beslutet förs in i beslutsregistret när det justeras."
                  : "Ingen post i beslutsregistret."}{" "}
                <Link to={`/moten/${d.meeting.id}/paragrafer/${i.id}`}>
                  Yrkanden, votering, reservationer och bordläggning
                  <span className="visually-hidden"> § {i.paragraph}</span>
                </Link>
              </p>
            </section>
          );
        })}
        <div className="actions">
          <button type="submit" className="button">
            Spara protokollet
          </button>
        </div>
      </Form>
    </>
  );
}

/** The minutes as a record (approved, or a draft read by a member): the Swedish header block, then the §§. */
function MinutesRecord({ d }: { d: Data }) {
  const Mark = ({ field }: { field: "date" | "time" | "place" }) => (
    <ExampleMark marks={d.marks} entity="meeting" id={d.meeting.id} field={field} />
  );
  const MinutesMark = ({ field }: { field: "attendance" | "adjustment" }) => (
    <ExampleMark marks={d.marks} entity="minutes" id={d.meeting.id} field={field} />
  );
  const present = d.present;
  const deciding = present.filter(
    (p) => p.status === "närvarande" && p.role !== "sekreterare" && p.role !== "adjungerad" && p.role !== "ersättare",
  );
  const deputies = present.filter((p) => p.status === "ersättare tjänstgör");
  const others = present.filter((p) => !deciding.includes(p) && !deputies.includes(p));
  return (
    <>
      <dl className="facts minutes-header">
        <dt>Organ</dt>
        <dd>{d.meeting.bodyName}</dd>
        <dt>Tid</dt>
        <dd>
          <DateText date={d.meeting.date} />
          <Mark field="date" />, {d.meeting.startTime}–{d.meeting.endTime}
          <Mark field="time" />
        </dd>
        <dt>Plats</dt>
        <dd>
          {d.meeting.place || "digitalt"}
          <Mark field="place" />
        </dd>
        <dt>Beslutande</dt>
        <dd>
          {deciding.map((p) => p.name).join(", ") || "–"}
          <MinutesMark field="attendance" />
        </dd>
        <dt>Tjänstgörande ersättare</dt>
        <dd>{deputies.map((p) => p.name).join(", ") || "–"}</dd>
        <dt>Övriga närvarande</dt>
        <dd>
          {others.map((p) => `${p.name} (${p.role})`).join(", ") || "–"}
          <MinutesMark field="attendance" />
        </dd>
        <dt>Mötets ordförande</dt>
        <dd>
          {d.choice.actingChair || "–"}
          <MinutesMark field="attendance" />
        </dd>
        <dt>Utses att justera</dt>
        <dd>
          {d.choice.adjusters.join(", ") || "–"}
          <MinutesMark field="attendance" />
        </dd>
        <dt>Justeringens plats och tid</dt>
        <dd>
          {keepUnitsWhole([d.record?.adjustmentPlace, d.record?.adjustmentDate].filter(Boolean).join(", ") || "–")}
          <MinutesMark field="adjustment" />
        </dd>
        <dt>Paragrafer</dt>
        <dd>
          {d.items.length ? `§ ${d.items[0].paragraph}–${d.items[d.items.length - 1].paragraph}` : "–"}
          <ExampleMark marks={d.marks} entity="decision" id={d.items[0]?.decisionId} field="paragraph" />
        </dd>
      </dl>
      {d.items.map((i) => (
        <section key={i.id} className="minutes-item" aria-labelledby={`p-${i.id}`}>
          <h3 id={`p-${i.id}`}>
            § {i.paragraph}
            <ExampleMark marks={d.marks} entity="decision" id={i.decisionId} field="paragraph" /> {i.title}
            {i.corrected.length ? <span className="badge badge--warn"> rättad</span> : null}
          </h3>
          {i.minutesNote ? <p className="pre">{keepUnitsWhole(i.minutesNote)}</p> : null}
          <p>
            <strong>Beslut:</strong> <span className="pre">{keepUnitsWhole(i.decisionText || "–")}</span>
            <ExampleMark marks={d.marks} entity="decision" id={i.decisionId} field="text" />
          </p>
          <ParagraphDetails item={i} />
          {i.corrected.map((c) => (
            <p key={c.on + c.reason} className="muted">
              Rättad <DateText date={c.on} />: {c.reason}
            </p>
          ))}
          <p className="no-print">
            <Link to={`/moten/${d.meeting.id}/utdrag/${i.id}`}>Protokollsutdrag § {i.paragraph}</Link>
          </p>
        </section>
      ))}
    </>
  );
}

function Approval({ d, result, intent }: { d: Data; result: Result; intent: unknown }) {
  const [signForm] = useSchemaForm(noFields, { id: "justera", lastResult: intent === "sign" ? result : null });
  const [sendForm] = useSchemaForm(noFields, {
    id: "skicka-justering",
    lastResult: intent === "send-for-signing" ? result : null,
  });
  const [paperForm, paperFields] = useSchemaForm(recordSignatureSchema, {
    id: "papper",
    lastResult: intent === "record-signature" ? result : null,
  });
  return (
    <section aria-labelledby="justering">
      <h2 id="justering">
        Justering
        <ExampleMark marks={d.marks} entity="minutes" id={d.meeting.id} field="adjustment" />
      </h2>
      <ul className="signature-lines">
        {d.signers.map((s) => {
          const signed = d.signatures.find((x) => x.personId === s.personId);
          return (
            <li key={s.personId}>
              <span className="signature-line" aria-hidden="true" />
              {s.name}, {s.role === "ordförande" ? "mötets ordförande" : s.role}
              {signed ? (
                <>
                  , justerade <DateTimeText at={signed.signedAt} />
                </>
              ) : (
                ", har inte justerat"
              )}
            </li>
          );
        })}
      </ul>
      {!d.approved ? (
        <>
          <p className="muted">
            Protokollet justeras av sekreteraren, mötets ordförande och de valda justerarna (
            {countOf(d.signers.length, "person", "personer")}). När alla har justerat låses det.
          </p>
          {d.problems.length ? (
            <div className="notice notice--warn no-print">
              <p>Innan protokollet kan justeras:</p>
              <ul>
                {d.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      ) : (
        <p>Protokollet är justerat och låst. Rättelser justeras på nytt av samma personer.</p>
      )}
      {!d.approved && d.canManage && d.unsigned.length ? (
        <Form method="post" className="actions no-print" {...formProps(paperForm)}>
          <FormErrorSummary form={paperForm} />
          <input type="hidden" name="intent" value="record-signature" />
          <SelectField
            field={paperFields.personId}
            label="Registrera justering på papper för"
            options={d.unsigned.map((u) => ({ value: u.personId, label: u.name }))}
          />
          <button type="submit" className="button button--secondary">
            Registrera
          </button>
        </Form>
      ) : null}
      {!d.approved && d.canManage && d.unsigned.length > 0 && d.problems.length === 0 ? (
        <Form method="post" className="actions no-print" {...formProps(sendForm)}>
          <FormErrorSummary form={sendForm} />
          <input type="hidden" name="intent" value="send-for-signing" />
          <p className="muted">Skicka e-post till dem som inte har justerat, med en länk till protokollet.</p>
          <button type="submit" className="button button--secondary">
            Skicka för justering
          </button>
        </Form>
      ) : null}
      {d.canSign ? (
        <Form method="post" className="no-print" {...formProps(signForm)}>
          <FormErrorSummary form={signForm} />
          <input type="hidden" name="intent" value="sign" />
          <button type="submit" className="button">
            Justera protokollet som {d.myRole === "ordförande" ? "mötets ordförande" : d.myRole}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function Publication({ d, result }: { d: Data; result: Result | null }) {
  const [form, fields] = useSchemaForm(postMinutesSchema, {
    id: "anslag",
    lastResult: result,
    defaultValue: { postedOn: d.record?.postedOn ?? "", keptAt: d.record?.keptAt ?? "" },
  });
  return (
    <section aria-labelledby="anslag-rubrik">
      <h2 id="anslag-rubrik">Anslag</h2>
      <dl className="facts">
        <dt>Protokollet anslaget</dt>
        <dd>
          {keepUnitsWhole(d.record?.postedOn ?? "Inte anslaget ännu")}
          <ExampleMark marks={d.marks} entity="minutes" id={d.meeting.id} field="posting" />
        </dd>
        <dt>Förvaringsplats</dt>
        <dd>
          {keepUnitsWhole(d.record?.keptAt || "–")}
          <ExampleMark marks={d.marks} entity="minutes" id={d.meeting.id} field="posting" />
        </dd>
        <dt>Överklagande</dt>
        <dd>{keepWhole(d.appeal)}</dd>
      </dl>
      {d.canManage ? (
        <Form method="post" className="stack no-print" {...formProps(form)}>
          <FormErrorSummary form={form} />
          <input type="hidden" name="intent" value="post" />
          <TextField field={fields.postedOn} label="Datum för anslag" hint="ÅÅÅÅ-MM-DD" />
          <TextField
            field={fields.keptAt}
            label="Förvaringsplats"
            hint="Till exempel diariet hos organets sekreterare."
          />
          <button type="submit" className="button button--secondary">
            Registrera anslag
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function CorrectionForm({ d, result }: { d: Data; result: Result | null }) {
  const [form, fields] = useSchemaForm(correctMinutesSchema, { id: "ratta", lastResult: result });
  return (
    <section aria-labelledby="rattelse" className="no-print">
      <h2 id="rattelse">Rättelse</h2>
      <p>En rättelse gäller först när sekreteraren, mötets ordförande och justerarna har justerat den.</p>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <input type="hidden" name="intent" value="correct" />
        <SelectField
          field={fields.itemId}
          label="Paragraf"
          options={d.items.map((i) => ({ value: i.id, label: `§ ${i.paragraph} ${i.title}` }))}
        />
        <TextareaField field={fields.decisionText} label="Rättat beslut" rows={2} />
        <TextareaField field={fields.minutesNote} label="Rättad anteckning" rows={2} />
        <TextareaField field={fields.reason} label="Skäl till rättelsen" rows={2} />
        <div className="actions">
          <button type="submit" className="button">
            Spara rättelsen
          </button>
        </div>
      </Form>
    </section>
  );
}

function PendingCorrection({ d, result, intent }: { d: Data; result: Result; intent: unknown }) {
  const p = d.pending!;
  const [signForm] = useSchemaForm(noFields, {
    id: "justera-rattelse",
    lastResult: intent === "sign-correction" ? result : null,
  });
  const [paperForm, paperFields] = useSchemaForm(recordSignatureSchema, {
    id: "papper-rattelse",
    lastResult: intent === "record-correction-signature" ? result : null,
  });
  return (
    <section aria-labelledby="rattelse-vantar" className="notice notice--warn">
      <h2 id="rattelse-vantar">Rättelse som väntar på justering</h2>
      <p>
        § {p.paragraph} {p.item}: ”{p.after.decisionText}”. Skäl: {p.reason}. Registret visar den justerade texten tills
        alla har justerat rättelsen.
      </p>
      <p>
        Har justerat: {p.signatures.map((s) => s.name).join(", ") || "ingen ännu"}. Återstår:{" "}
        {p.unsigned.map((s) => s.name).join(", ") || "ingen"}.
      </p>
      {d.canManage && p.unsigned.length ? (
        <Form method="post" className="actions no-print" {...formProps(paperForm)}>
          <FormErrorSummary form={paperForm} />
          <input type="hidden" name="intent" value="record-correction-signature" />
          <SelectField
            field={paperFields.personId}
            label="Registrera justering av rättelsen på papper för"
            options={p.unsigned.map((u) => ({ value: u.personId, label: u.name }))}
          />
          <button type="submit" className="button button--secondary">
            Registrera justering av rättelsen
          </button>
        </Form>
      ) : null}
      {p.canSign ? (
        <Form method="post" className="no-print" {...formProps(signForm)}>
          <FormErrorSummary form={signForm} />
          <input type="hidden" name="intent" value="sign-correction" />
          <button type="submit" className="button">
            Justera rättelsen
          </button>
        </Form>
      ) : null}
    </section>
  );
}
