import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, notFound, requireViewer } from "~/auth/session.server";
import { controlProps, ErrorSummary, Field } from "~/components/forms";
import { formatDateTime, todayInStockholm } from "~/domain/format";
import { can } from "~/domain/policy";
import { ANSWER_LABEL, ANSWER_STATUSES, validateAnswer, type AnswerInput } from "~/domain/recommendations";
import { checkUploads, parseUploadForm, withStagedFiles } from "~/models/files.server";
import { getOrganisation } from "~/models/organisations.server";
import { getPartyAnswer, getRecommendation, historyOf, recordAnswer } from "~/models/recommendations.server";
import { env } from "~/utils/env.server";
import { idParam } from "~/utils/params";

export const meta: MetaFunction = () => [{ title: "Rapportera partens svar – Samverkansportalen" }];

async function load(request: Request, params: { recommendationId?: string; organisationId?: string }) {
  const viewer = await requireViewer(request);
  const rec = getRecommendation(idParam(params.recommendationId));
  if (!rec) throw notFound("Rekommendationen finns inte.");
  const organisationId = idParam(params.organisationId);
  const answer = getPartyAnswer(rec.id, organisationId);
  const isCoordinator = can(viewer.actor, "manage:decisions");
  // Only the party's own representative, or the coordinator, may report. A party that was not asked has no answer.
  if (!isCoordinator && !can(viewer.actor, "report:party-answer", { organisationId })) throw forbidden("Du kan bara rapportera svar för din egen organisation.");
  if (!answer) throw notFound("Parten är inte tillfrågad i den här rekommendationen.");
  return { viewer, rec, answer, isCoordinator, organisation: getOrganisation(organisationId)! };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { rec, answer, isCoordinator, organisation } = await load(request, params);
  return {
    rec: { id: rec.id, title: rec.title, deadline: rec.answerDeadline },
    organisation: organisation.name,
    answer: { status: answer.status, decisionDate: answer.decisionDate ?? "", decidingBody: answer.decidingBody, reference: answer.reference, note: answer.note, version: answer.version, confirmed: answer.confirmedAt !== null },
    history: historyOf(answer.id),
    isCoordinator,
    today: todayInStockholm(),
    maxUploadMb: env().MAX_UPLOAD_MB,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, answer, isCoordinator } = await load(request, params);
  const form = await parseUploadForm(request);
  const input: AnswerInput = {
    status: String(form.get("status") ?? ""),
    decisionDate: String(form.get("decisionDate") ?? ""),
    decidingBody: String(form.get("decidingBody") ?? ""),
    reference: String(form.get("reference") ?? ""),
    note: String(form.get("note") ?? ""),
  };
  const result = validateAnswer(input, todayInStockholm());
  if (!result.ok) return data({ errors: result.errors as Record<string, string>, values: input }, { status: 400 });
  const uploads = await checkUploads(form, "extract");
  if (!uploads.ok) return data({ errors: { extract: uploads.error } as Record<string, string>, values: input }, { status: 400 });
  const isOwnParty = viewer.actor.organisationId === answer.organisationId && viewer.actor.role === "member";
  const event = isOwnParty ? "rapporterat" : form.get("intent") === "confirm" ? "bekräftat" : "rättat";
  if (!isCoordinator && !isOwnParty) throw forbidden();
  const saved = withStagedFiles(uploads.files, (staged) => recordAnswer(viewer.user.id, answer.id, Number(form.get("version")), result.value, event, staged));
  if (!saved.ok)
    return data({ errors: { status: `Någon annan har ändrat svaret under tiden (nu: ${saved.current.status}). Dina uppgifter står kvar; kontrollera och spara igen.` } as Record<string, string>, values: input, version: saved.current.version }, { status: 409 });
  return redirect(`/rekommendationer/${params.recommendationId}`);
}

export default function ReportAnswer() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const values = a?.values ?? d.answer;
  const version = a && "version" in a ? Number(a.version) : d.answer.version;
  return (
    <>
      <Breadcrumbs trail={[["/rekommendationer", "Rekommendationer"], [`/rekommendationer/${d.rec.id}`, `${d.rec.title}`]]} current={`${d.organisation}`} />
      <h1>
        {d.organisation}s svar: {d.rec.title}
      </h1>
      <p>Sista svarsdag {d.rec.deadline}. Ladda gärna upp protokollsutdraget från ert beslut.</p>
      <ErrorSummary errors={a?.errors} />
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <input type="hidden" name="version" value={version} />
        <Field name="status" label="Status" error={a?.errors.status} required>
          <select {...controlProps("status", a?.errors.status)} defaultValue={values.status}>
            {ANSWER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ANSWER_LABEL[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field name="decisionDate" label="Datum" hint="Beslutsdatum, eller för ”Behandlas” datumet då ärendet är på er dagordning. ÅÅÅÅ-MM-DD." defaultValue={values.decisionDate} error={a?.errors.decisionDate} />
        <Field name="decidingBody" label="Beslutande organ" hint="Till exempel kommunfullmäktige, socialnämnden eller hälso- och sjukvårdsnämnden." defaultValue={values.decidingBody} error={a?.errors.decidingBody} />
        <Field name="reference" label="Referens (§ / dnr)" defaultValue={values.reference} error={a?.errors.reference} />
        <Field name="extract" label="Protokollsutdrag" hint={`PDF, högst ${d.maxUploadMb} MB.`} error={a?.errors.extract}>
          <input type="file" {...controlProps("extract", a?.errors.extract, "x")} />
        </Field>
        <Field name="note" label="Anteckning" error={a?.errors.note}>
          <textarea {...controlProps("note", a?.errors.note)} defaultValue={values.note} rows={3} />
        </Field>
        <div className="actions">
          {d.isCoordinator ? (
            <>
              <button type="submit" name="intent" value="confirm" className="button">
                Bekräfta svaret
              </button>
              <button type="submit" name="intent" value="correct" className="button button--secondary">
                Rätta svaret
              </button>
            </>
          ) : (
            <button type="submit" name="intent" value="report" className="button">
              Rapportera svaret
            </button>
          )}
        </div>
      </Form>
      <h2>Historik</h2>
      {d.history.length === 0 ? (
        <p>Inget svar är rapporterat ännu.</p>
      ) : (
        <ol className="timeline">
          {d.history.map((h) => (
            <li key={h.id}>
              <strong>{formatDateTime(h.at)}</strong> {h.event} av {h.by ?? "okänd"}: {ANSWER_LABEL[h.status]}
              {h.decisionDate ? ` ${h.decisionDate}` : ""}
              {h.decidingBody ? `, ${h.decidingBody}` : ""}
              {h.reference ? `, ${h.reference}` : ""}
              {h.note ? ` – ${h.note}` : ""}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
