import { DateText, keepUnitsWhole } from "~/components/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { loadRecommendationStep } from "~/auth/recommendation-access.server";
import { FormErrorSummary, formProps, useSchemaForm } from "~/components/forms";
import { StepConflict, StepPage, stepTheirs } from "~/components/recommendation-steps";
import { todayInStockholm } from "~/domain/format";
import { effectiveDeadline } from "~/domain/recommendations";
import { sendSchema } from "~/forms/recommendation";
import { getDecision } from "~/models/decisions.server";
import { answersOf, sendRecommendation } from "~/models/recommendations.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Skicka rekommendationen – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { rec, refusal } = await loadRecommendationStep(request, params, "send");
  const decision = rec.decisionId ? getDecision(rec.decisionId) : undefined;
  return {
    rec: { id: rec.id, title: rec.title, version: rec.version, ask: rec.ask, deadline: rec.answerDeadline },
    refusal,
    decision: decision
      ? `${decision.bodyName} ${decision.decidedOn}${decision.paragraph ? ` § ${decision.paragraph}` : ""}`
      : null,
    parties: answersOf([rec.id]).map((a) => ({
      id: a.organisationId,
      name: a.organisation,
      deadline: effectiveDeadline(a.deadline, rec.answerDeadline),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, rec, refusal } = await loadRecommendationStep(request, params, "send");
  const submission = parseForm(await readForm(request), sendSchema);
  if (submission.status !== "success") return rejectForm(submission);
  if (refusal) return rejectForm(submission, { formErrors: [refusal] });
  const sent = sendRecommendation(viewer.user.id, rec.id, submission.value.version, todayInStockholm());
  if (sent.ok) return redirectWithStatus(`/rekommendationer/${rec.id}`, "Rekommendationen är skickad till parterna.");
  if (sent.reason === "conflict") return rejectConflict(submission, stepTheirs(sent.current), sent.current.version);
  return rejectForm(submission, { formErrors: ["Rekommendationen kan inte skickas: den saknar beslut eller parter."] });
}

export default function SendRecommendation() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form] = useSchemaForm(sendSchema, { lastResult });
  return (
    <StepPage rec={d.rec} step="Skicka" heading="Skicka rekommendationen till parterna" refusal={d.refusal}>
      <p>
        Beslutad av {d.decision}. Texten skickas som version 1 till varje parts registrator. Efter utskicket kan den
        inte redigeras; en ändring görs som en rättelse med skäl, som alla parter ser.
      </p>
      <section className="card" aria-labelledby="text">
        <h2 id="text">Vad varje part ska besluta</h2>
        <p className="pre">{keepUnitsWhole(d.rec.ask)}</p>
      </section>
      <h2>Parter ({d.parties.length})</h2>
      <ul>
        {d.parties.map((p) => (
          <li key={p.id}>
            {p.name}, svar senast <DateText date={p.deadline} />
          </li>
        ))}
      </ul>
      <StepConflict result={lastResult} rows={(theirs) => [["Status", theirs.status, "Skickad"]]} />
      <FormErrorSummary form={form} />
      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="version" value={d.rec.version} />
        <div className="actions">
          <button type="submit" className="button">
            Skicka till parterna
          </button>
        </div>
      </Form>
    </StepPage>
  );
}
