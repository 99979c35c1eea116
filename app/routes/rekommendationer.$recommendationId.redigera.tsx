import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { loadRecommendationStep } from "~/auth/recommendation-access.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { DraftForm } from "~/components/recommendation-form";
import { RecommendationConflict, textTheirs } from "~/components/recommendation-steps";
import { todayInStockholm } from "~/domain/format";
import { draftSchema } from "~/forms/recommendation";
import { checkDraft, draftDefaults, draftOptions, DRAFT_MATTER_SEARCH } from "~/models/recommendation-draft.server";
import { choiceSearchFrom, chosenId } from "~/domain/choices";
import { updateDraft } from "~/models/recommendations.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { carriedForm, parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Redigera rekommendationen – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { rec, refusal } = await loadRecommendationStep(request, params, "edit");
  const url = new URL(request.url);
  const options = draftOptions(rec.collaborationId, todayInStockholm(), {
    search: choiceSearchFrom(url.searchParams, DRAFT_MATTER_SEARCH),
    chosen: chosenId(url.searchParams.get("matterId")) ?? rec.matterId,
  });
  return {
    rec: { id: rec.id, title: rec.title, version: rec.version },
    refusal,
    options,
    carried: carriedForm(url),
    defaults: draftDefaults(rec, options),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, rec, refusal } = await loadRecommendationStep(request, params, "edit");
  const submission = parseForm(await readForm(request), draftSchema);
  if (submission.status !== "success") return rejectForm(submission);
  if (refusal) return rejectForm(submission, { formErrors: [refusal] });
  const checked = checkDraft(submission.value, draftOptions(rec.collaborationId, todayInStockholm(), { search: "" }));
  if (!checked.ok) return rejectForm(submission, { fieldErrors: checked.fieldErrors });
  const saved = updateDraft(viewer.user.id, rec.id, submission.value.version ?? 0, checked.value);
  if (saved.ok) return redirectWithStatus(`/rekommendationer/${rec.id}`, "Utkastet är sparat.");
  if (saved.reason === "refused")
    return rejectForm(submission, { formErrors: ["Utkastet kan inte längre redigeras."] });
  return rejectConflict(submission, textTheirs(saved.current), saved.current.version);
}

export default function EditRecommendation() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs
        trail={[
          ["/rekommendationer", "Rekommendationer"],
          [`/rekommendationer/${d.rec.id}`, d.rec.title],
        ]}
        current="Redigera"
      />
      <h1>Redigera utkastet</h1>
      {d.refusal ? (
        <p className="notice notice--warn">
          {d.refusal} <Link to={`/rekommendationer/${d.rec.id}`}>Tillbaka till rekommendationen</Link>
        </p>
      ) : (
        <>
          <RecommendationConflict result={result} />
          <DraftForm
            defaults={d.defaults}
            lastResult={result ?? d.carried}
            matters={d.options.matters}
            agreementVersions={d.options.agreementVersions}
            version={d.rec.version}
            submitLabel="Spara utkastet"
          />
        </>
      )}
    </>
  );
}
