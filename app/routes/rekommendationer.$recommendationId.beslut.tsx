import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { loadRecommendationStep, queryParam } from "~/auth/recommendation-access.server";
import { FormErrorSummary, formProps, useSchemaForm } from "~/components/forms";
import { SearchChoiceField } from "~/components/search-choice";
import { choiceSearchFrom, chosenId } from "~/domain/choices";
import { FileField, StepConflict, StepPage, stepTheirs } from "~/components/recommendation-steps";
import { decideSchema } from "~/forms/recommendation";
import { checkUploads, parseUploadForm, withStagedFiles } from "~/models/files.server";
import { decideRecommendation, DECISION_SEARCH, decisionOptions, filesOf } from "~/models/recommendations.server";
import { env } from "~/utils/env.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Koppla beslutet – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { rec, refusal } = await loadRecommendationStep(request, params, "decide");
  const url = new URL(request.url);
  // `?beslut=` when coming from the register; `decisionId` when a search carried the form.
  const chosen =
    chosenId(url.searchParams.get("decisionId")) ?? chosenId(queryParam(request, "beslut")) ?? rec.decisionId;
  const options = decisionOptions(rec.collaborationId, {
    search: choiceSearchFrom(url.searchParams, DECISION_SEARCH),
    chosen,
  });
  return {
    rec: { id: rec.id, title: rec.title, version: rec.version },
    refusal,
    options,
    chosen: options.options.some((d) => d.id === chosen) ? String(chosen) : "",
    files: filesOf(rec.id),
    maxUploadMb: env().MAX_UPLOAD_MB,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, rec, refusal } = await loadRecommendationStep(request, params, "decide");
  const form = await parseUploadForm(request);
  const submission = parseForm(form, decideSchema);
  if (submission.status !== "success") return rejectForm(submission);
  if (refusal) return rejectForm(submission, { formErrors: [refusal] });
  const extract = await checkUploads(form, "extract");
  if (!extract.ok) return rejectForm(submission, { fieldErrors: { extract: [extract.error] } });
  const documents = await checkUploads(form, "documents");
  if (!documents.ok) return rejectForm(submission, { fieldErrors: { documents: [documents.error] } });
  const roles = [...extract.files.map(() => "utdrag" as const), ...documents.files.map(() => "underlag" as const)];
  const saved = withStagedFiles([...extract.files, ...documents.files], (staged) => {
    const result = decideRecommendation(
      viewer.user.id,
      rec.id,
      submission.value.version,
      submission.value.decisionId,
      staged,
      roles,
    );
    if (!result.ok) staged.discard();
    return result;
  });
  if (saved.ok) return redirectWithStatus(`/rekommendationer/${rec.id}`, "Beslutet är kopplat.");
  if (saved.reason === "conflict") return rejectConflict(submission, stepTheirs(saved.current), saved.current.version);
  return rejectForm(submission, {
    fieldErrors: { decisionId: ["Bara ett justerat beslut i samverkan som fortfarande gäller kan kopplas."] },
  });
}

export default function DecideRecommendation() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(decideSchema, {
    lastResult,
    defaultValue: { decisionId: d.chosen },
  });
  return (
    <StepPage
      rec={d.rec}
      step="Koppla beslut"
      heading="Koppla beslutet som fattade rekommendationen"
      refusal={d.refusal}
    >
      <p>
        Välj den paragraf i det justerade protokoll som beslutade rekommendationen. Bifoga protokollsutdraget och
        beslutsunderlaget; parterna ser dem tillsammans med rekommendationen.
      </p>
      {d.files.length ? (
        <>
          <h2>Redan bifogat</h2>
          <ul>
            {d.files.map((f) => (
              <li key={f.id}>
                <a href={`/filer/${f.id}`}>{f.name}</a> ({f.role === "utdrag" ? "protokollsutdrag" : "underlag"})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <StepConflict result={lastResult} rows={(theirs) => [["Status", theirs.status, "Beslutad"]]} />
      <FormErrorSummary form={form} />
      <Form method="post" encType="multipart/form-data" className="stack" {...formProps(form)}>
        <input type="hidden" name="version" value={d.rec.version} />
        <p className="hint">Bara beslut ur justerade protokoll, eller beslut som förts in i registret, kan väljas.</p>
        <SearchChoiceField
          field={fields.decisionId}
          label="Beslut (justerad paragraf)"
          emptyOption="Välj beslut"
          searchLabel="Sök beslut"
          searchHint="Ord ur rubriken, organ, datum (ÅÅÅÅ-MM-DD) eller paragraf."
          choices={d.options}
        />
        <FileField
          field={fields.extract}
          label="Protokollsutdrag"
          hint={`Helst PDF, men Word, OpenDocument och bilder går också. Högst ${d.maxUploadMb} MB.`}
        />
        <FileField
          field={fields.documents}
          label="Beslutsunderlag"
          hint={`PDF, Word eller Excel, högst ${d.maxUploadMb} MB per fil. Flera filer går bra.`}
          multiple
        />
        <div className="actions">
          <button type="submit" className="button">
            Koppla beslutet
          </button>
        </div>
      </Form>
    </StepPage>
  );
}
