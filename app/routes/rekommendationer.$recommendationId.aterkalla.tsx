import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { loadRecommendationStep } from "~/auth/recommendation-access.server";
import { FormErrorSummary, formProps, TextareaField, useSchemaForm } from "~/components/forms";
import { StepConflict, StepPage, stepTheirs } from "~/components/recommendation-steps";
import { todayInStockholm } from "~/domain/format";
import { isAnswered } from "~/domain/recommendations";
import { withdrawSchema } from "~/forms/recommendation";
import { answersOf, withdrawRecommendation } from "~/models/recommendations.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Återkalla rekommendationen – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { rec, refusal } = await loadRecommendationStep(request, params, "withdraw");
  return {
    rec: { id: rec.id, title: rec.title, version: rec.version, sent: rec.sentAt !== null },
    refusal,
    answered: answersOf([rec.id]).filter((a) => isAnswered(a.status)).length,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, rec, refusal } = await loadRecommendationStep(request, params, "withdraw");
  const submission = parseForm(await readForm(request), withdrawSchema);
  if (submission.status !== "success") return rejectForm(submission);
  if (refusal) return rejectForm(submission, { formErrors: [refusal] });
  const saved = withdrawRecommendation(
    viewer.user.id,
    rec.id,
    submission.value.version,
    submission.value.reason,
    todayInStockholm(),
  );
  if (saved.ok)
    return redirectWithStatus(`/rekommendationer/${rec.id}`, "Rekommendationen är återkallad. Parterna får besked.");
  if (saved.reason === "conflict") return rejectConflict(submission, stepTheirs(saved.current), saved.current.version);
  return rejectForm(submission, { formErrors: ["Rekommendationen kan inte återkallas nu."] });
}

export default function WithdrawRecommendation() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(withdrawSchema, { lastResult });
  return (
    <StepPage rec={d.rec} step="Återkalla" heading="Återkalla rekommendationen" refusal={d.refusal}>
      <p>
        {d.rec.sent
          ? `Alla parter får besked om att rekommendationen är återkallad, med skälet. ${d.answered === 1 ? "Det svar" : `De ${d.answered} svar`} som redan lämnats sparas.`
          : "Rekommendationen är inte skickad; den återkallas innan någon part har fått den."}
      </p>
      <StepConflict
        result={lastResult}
        rows={(theirs, typed) => [
          ["Status", theirs.status, "Återkallad"],
          ["Skäl", theirs.withdrawalReason, typed.reason ?? ""],
        ]}
      />
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <input type="hidden" name="version" value={d.rec.version} />
        <TextareaField field={fields.reason} label="Skäl" rows={3} />
        <div className="actions">
          <button type="submit" className="button button--danger">
            Återkalla rekommendationen
          </button>
        </div>
      </Form>
    </StepPage>
  );
}
