import { DateText, DateTimeText, keepWhole } from "~/components/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { loadRecommendation } from "~/auth/recommendation-access.server";
import { forbidden, notFound, requireViewer } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ConflictNotice, conflictOf } from "~/components/conflict-notice";
import { FormErrorSummary, formProps, SelectField, TextareaField, TextField, useSchemaForm } from "~/components/forms";
import { FileField } from "~/components/recommendation-steps";
import { todayInStockholm } from "~/domain/format";
import { can } from "~/domain/policy";
import {
  acceptsAnswers,
  ANSWER_LABEL,
  ANSWER_STATUSES,
  carriesExtract,
  checkAnswer,
  citeAnswer,
  decidingBodiesFor,
  decidingBodyChoice,
  effectiveDeadline,
  OTHER_DECIDING_BODY,
} from "~/domain/recommendations";
import { answerSchema } from "~/forms/recommendation";
import { checkUploads, parseUploadForm, withStagedFiles } from "~/models/files.server";
import { getDecision } from "~/models/decisions.server";
import { decidingParagraphFor } from "~/domain/recommendation-visibility";
import { getOrganisation } from "~/models/organisations.server";
import { getPartyAnswer, historyOf, recordAnswer } from "~/models/recommendations.server";
import { env } from "~/utils/env.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { idParam } from "~/utils/params";

const NOT_OPEN = "Rekommendationen tar inte emot svar längre (avslutad eller återkallad).";

export const meta: MetaFunction = () => [{ title: "Rapportera partens svar – Samverkansportalen" }];

/** The party's own representative (its contact person) reports; the coordinator confirms or corrects. A party that was not asked has no answer. */
async function load(request: Request, params: { recommendationId?: string; organisationId?: string }) {
  const viewer = await requireViewer(request);
  const { rec, isCoordinator } = await loadRecommendation(request, params);
  const organisationId = idParam(params.organisationId);
  const isOwnParty = can(viewer.actor, "report:party-answer", { collaborationId: rec.collaborationId, organisationId });
  if (!isCoordinator && !isOwnParty)
    throw forbidden(
      viewer.actor.organisationId === organisationId
        ? // Employed by the party (a politician, Mini-Maria's own staff): its representative reports.
          "Din organisations svar rapporteras av partens kontaktperson i samverkan eller av samordnaren. Du ser svaret på rekommendationens sida."
        : "Du kan bara rapportera svar för en part du är kontaktperson för.",
    );
  const answer = getPartyAnswer(rec.id, organisationId);
  const organisation = getOrganisation(organisationId);
  if (!answer || !organisation) throw notFound("Parten är inte tillfrågad i den här rekommendationen.");
  return { viewer, rec, answer, organisation, isCoordinator, open: acceptsAnswers(rec.status, isCoordinator) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { rec, answer, organisation, isCoordinator, open } = await load(request, params);
  const body = decidingBodyChoice(organisation.kind, answer.decidingBody);
  return {
    rec: { id: rec.id, title: rec.title, deadline: effectiveDeadline(answer.deadline, rec.answerDeadline) },
    organisation: organisation.name,
    bodies: decidingBodiesFor(organisation.kind),
    open,
    answer: {
      status: answer.status,
      decisionDate: answer.decisionDate ?? "",
      decidingBody: body.choice,
      decidingBodyOther: body.other,
      paragraph: answer.paragraph === null ? "" : String(answer.paragraph),
      registryNumber: answer.registryNumber,
      changes: answer.changes,
      note: answer.note,
      version: answer.version,
      confirmed: answer.confirmedAt !== null,
    },
    history: historyOf(answer.id).map((h) => ({
      id: h.id,
      at: h.at,
      event: h.event,
      status: h.status,
      cite: citeAnswer(h),
      changes: h.changes,
      note: h.note,
      by: h.by,
    })),
    isCoordinator,
    maxUploadMb: env().MAX_UPLOAD_MB,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, rec, answer, organisation, isCoordinator, open } = await load(request, params);
  const form = await parseUploadForm(request);
  const submission = parseForm(form, answerSchema);
  if (submission.status !== "success") return rejectForm(submission);
  if (!open) return rejectForm(submission, { formErrors: [NOT_OPEN] });
  const { intent, version, ...value } = submission.value;
  // No date before the deciding §'s, asked only of one who may open the § (its refusal names its
  // date); for the others the coordinator's confirmation asks it.
  const recommendedOn =
    decidingParagraphFor(viewer.actor, rec.decisionId ? getDecision(rec.decisionId) : undefined)?.decidedOn ?? null;
  const checked = checkAnswer(value, organisation.kind, todayInStockholm(), recommendedOn);
  if (!checked.ok)
    return rejectForm(submission, {
      fieldErrors: Object.fromEntries(Object.entries(checked.errors).map(([k, v]) => [k, [v!]])),
    });
  const uploads = await checkUploads(form, "extract");
  if (!uploads.ok) return rejectForm(submission, { fieldErrors: { extract: [uploads.error] } });
  if (uploads.files.length && !carriesExtract(checked.value.status))
    return rejectForm(submission, {
      fieldErrors: {
        extract: ["”Väntar” har inget beslut att bifoga ett protokollsutdrag till. Välj den status beslutet har."],
      },
    });
  const event = !isCoordinator ? "rapporterat" : intent === "confirm" ? "bekräftat" : "rättat";
  const saved = withStagedFiles(uploads.files, (staged) => {
    const result = recordAnswer(viewer.user.id, answer.id, version, checked.value, event, staged);
    if (!result.ok) staged.discard();
    return result;
  });
  if (saved.ok) return redirectWithStatus(`/rekommendationer/${params.recommendationId}`, "Partens svar är sparat.");
  if ("closed" in saved) return rejectForm(submission, { formErrors: [NOT_OPEN] });
  const theirs = saved.current;
  return rejectConflict(
    submission,
    {
      status: ANSWER_LABEL[theirs.status],
      decisionDate: theirs.decisionDate ?? "",
      decidingBody: theirs.decidingBody,
      paragraph: theirs.paragraph === null ? "" : String(theirs.paragraph),
      registryNumber: theirs.registryNumber,
    },
    theirs.version,
  );
}

export default function ReportAnswer() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const conflict =
    conflictOf<Record<"status" | "decisionDate" | "decidingBody" | "paragraph" | "registryNumber", string>>(lastResult);
  const typed = (lastResult?.initialValue ?? {}) as Record<string, string | undefined>;
  const typedStatus = ANSWER_STATUSES.find((s) => s === typed.status);
  const [form, fields] = useSchemaForm(answerSchema, {
    lastResult,
    defaultValue: { ...d.answer, version: String(d.answer.version) },
  });
  return (
    <>
      <Breadcrumbs
        trail={[
          ["/rekommendationer", "Rekommendationer"],
          [`/rekommendationer/${d.rec.id}`, d.rec.title],
        ]}
        current={d.organisation}
      />
      <h1>
        {d.organisation}s svar: {d.rec.title}
      </h1>
      <p>
        Sista svarsdag <DateText date={d.rec.deadline} />. Ange vilket organ som beslutade, datum, paragraf och
        diarienummer, och ladda gärna upp protokollsutdraget.
      </p>
      {!d.open ? (
        <p className="notice notice--warn">
          Rekommendationen tar inte emot svar längre. <Link to={`/rekommendationer/${d.rec.id}`}>Tillbaka</Link>
        </p>
      ) : (
        <>
          {conflict ? (
            <ConflictNotice
              what="svaret"
              rows={[
                ["Status", conflict.theirs.status, typedStatus ? ANSWER_LABEL[typedStatus] : ""],
                ["Datum", conflict.theirs.decisionDate, typed.decisionDate ?? ""],
                [
                  "Beslutande organ",
                  conflict.theirs.decidingBody,
                  (typed.decidingBody === OTHER_DECIDING_BODY ? typed.decidingBodyOther : typed.decidingBody) ?? "",
                ],
                ["Paragraf (§)", conflict.theirs.paragraph, typed.paragraph ?? ""],
                ["Diarienummer", conflict.theirs.registryNumber, typed.registryNumber ?? ""],
              ]}
            />
          ) : null}
          <FormErrorSummary form={form} />
          <Form method="post" encType="multipart/form-data" className="stack" {...formProps(form)}>
            <input type="hidden" name="version" value={d.answer.version} />
            <SelectField
              field={fields.status}
              label="Status"
              hint="”Antagen med ändringar” räknas inte som antagen; samordnaren granskar ändringarna."
              options={ANSWER_STATUSES.map((s) => ({ value: s, label: ANSWER_LABEL[s] }))}
            />
            <TextField
              field={fields.decisionDate}
              label="Datum"
              hint="Beslutsdatum, eller datum för sammanträdet där ärendet behandlas, bordlades eller återremitterades. ÅÅÅÅ-MM-DD."
            />
            <SelectField
              field={fields.decidingBody}
              label="Beslutande organ"
              emptyOption="Välj organ"
              options={[
                ...d.bodies.map((b) => ({ value: b, label: b })),
                { value: OTHER_DECIDING_BODY, label: "Annat organ" },
              ]}
            />
            <TextField
              field={fields.decidingBodyOther}
              label="Annat organ, namn"
              hint="Bara om du valde ”Annat organ”."
            />
            <TextField field={fields.paragraph} label="Paragraf (§)" inputMode="numeric" />
            <TextField field={fields.registryNumber} label="Diarienummer" hint="Till exempel KS 2023/112." />
            <TextareaField
              field={fields.changes}
              label="Ändringar"
              hint="Bara för ”Antagen med ändringar”: vad parten ändrade."
              rows={3}
            />
            <FileField
              field={fields.extract}
              label="Protokollsutdrag"
              hint={`Helst PDF, men Word, OpenDocument och bilder går också. Högst ${d.maxUploadMb} MB.`}
            />
            <TextareaField field={fields.note} label="Anteckning" rows={3} />
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
        </>
      )}
      <h2>Historik</h2>
      {d.history.length === 0 ? (
        <p>Inget svar är rapporterat ännu.</p>
      ) : (
        <ol className="timeline">
          {d.history.map((h) => (
            <li key={h.id}>
              <strong>
                <DateTimeText at={h.at} />
              </strong>{" "}
              {h.event} av {h.by ? `${h.by.name}${h.by.role ? `, ${h.by.role}` : ""}` : "okänd"}:{" "}
              {ANSWER_LABEL[h.status]}
              {keepWhole(h.cite ? ` – ${h.cite}` : "")}
              {keepWhole(h.changes ? `. Ändringar: ${h.changes}` : "")}
              {keepWhole(h.note ? ` (${h.note})` : "")}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
