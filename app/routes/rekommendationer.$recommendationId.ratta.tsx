import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { loadRecommendationStep } from "~/auth/recommendation-access.server";
import { FormErrorSummary, formProps, TextareaField, TextField, useSchemaForm } from "~/components/forms";
import { RecommendationConflict, textTheirs, StepPage } from "~/components/recommendation-steps";
import { todayInStockholm } from "~/domain/format";
import { correctionProblems } from "~/domain/recommendations";
import { correctSchema } from "~/forms/recommendation";
import { correctRecommendation, versionsOf } from "~/models/recommendations.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Rätta rekommendationen – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { rec, refusal } = await loadRecommendationStep(request, params, "correct");
  return {
    rec: {
      id: rec.id,
      title: rec.title,
      ask: rec.ask,
      summary: rec.summary,
      answerDeadline: rec.answerDeadline,
      costYear: rec.costYear === null ? "" : String(rec.costYear),
      version: rec.version,
    },
    refusal,
    versionNo: versionsOf(rec.id)[0]?.versionNo ?? 1,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, rec, refusal } = await loadRecommendationStep(request, params, "correct");
  const submission = parseForm(await readForm(request), correctSchema);
  if (submission.status !== "success") return rejectForm(submission);
  if (refusal) return rejectForm(submission, { formErrors: [refusal] });
  const { reason, version, ...text } = submission.value;
  const { "": nothingChanged, ...problems } = correctionProblems(rec, text, reason);
  if (nothingChanged || Object.keys(problems).length)
    return rejectForm(submission, {
      formErrors: nothingChanged ? [nothingChanged] : [],
      fieldErrors: Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, [v!]])),
    });
  const saved = correctRecommendation(viewer.user.id, rec.id, version, text, reason, todayInStockholm());
  if (saved.ok) return redirectWithStatus(`/rekommendationer/${rec.id}`, "Rättelsen är skickad till parterna.");
  if (saved.reason === "refused")
    return rejectForm(submission, { formErrors: ["Rekommendationen kan inte rättas nu."] });
  return rejectConflict(submission, textTheirs(saved.current), saved.current.version);
}

export default function CorrectRecommendation() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(correctSchema, {
    lastResult: result,
    defaultValue: {
      title: d.rec.title,
      ask: d.rec.ask,
      summary: d.rec.summary,
      answerDeadline: d.rec.answerDeadline,
      costYear: d.rec.costYear,
    },
  });
  return (
    <StepPage rec={d.rec} step="Rätta" heading="Rätta rekommendationen" refusal={d.refusal}>
      <p>
        Rättelsen blir version {d.versionNo + 1}. Alla parter får den med skälet, och version {d.versionNo} finns kvar
        att läsa. Svar som redan lämnats står kvar.
      </p>
      <RecommendationConflict result={result} />
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <input type="hidden" name="version" value={d.rec.version} />
        <TextareaField
          field={fields.reason}
          label="Skäl till rättelsen"
          hint="Alla parter ser skälet, till exempel ”Fel kostnadsår i utskicket”."
          rows={3}
        />
        <TextField field={fields.title} label="Rubrik" />
        <TextareaField field={fields.ask} label="Vad varje part ska besluta" rows={4} />
        <TextareaField field={fields.summary} label="Vad föreslås och varför" hint="Markdown." rows={8} />
        <TextField field={fields.answerDeadline} label="Sista svarsdag" hint="ÅÅÅÅ-MM-DD" />
        <TextField field={fields.costYear} label="Kostnadsår" hint="Tomt om den inte anger någon kostnad." />
        <div className="actions">
          <button type="submit" className="button">
            Skicka rättelsen
          </button>
        </div>
      </Form>
    </StepPage>
  );
}
