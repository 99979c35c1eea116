import { Breadcrumbs } from "~/components/breadcrumbs";
import { collaborationFor } from "~/auth/collaboration.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireViewerWith } from "~/auth/session.server";
import { DocumentFields, readDocumentFields } from "~/components/document-fields";
import { controlProps, ErrorSummary, Field } from "~/components/forms";
import { validateDocument } from "~/domain/documents";
import { todayInStockholm } from "~/domain/format";
import { can } from "~/domain/policy";
import { listBodies } from "~/models/bodies.server";
import { readVersionContent } from "~/models/document-content.server";
import { createDocument } from "~/models/documents.server";
import { parseUploadForm, withStagedFiles } from "~/models/files.server";
import { env } from "~/utils/env.server";
import { redirectWithStatus } from "~/utils/flash.server";

export const meta: MetaFunction = () => [{ title: "Nytt dokument – Samverkansportalen" }];

async function load(request: Request) {
  const viewer = await requireViewerWith(request, "create:document");
  const all = listBodies();
  // The owning body must be one the author may edit documents for.
  const owning = all.filter((b) => can(viewer.actor, "edit:document", { bodyId: b.id }));
  return { viewer, owning, all };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { owning, all } = await load(request);
  return {
    owning: owning.map((b) => ({ id: b.id, name: b.name })),
    all: all.map((b) => ({ id: b.id, name: b.name })),
    today: todayInStockholm(),
    maxUploadMb: env().MAX_UPLOAD_MB,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, owning } = await load(request);
  const form = await parseUploadForm(request);
  const fields = readDocumentFields(form);
  const values = {
    ...fields,
    markdown: String(form.get("markdown") ?? ""),
    comment: String(form.get("comment") ?? ""),
  };
  const result = validateDocument(fields);
  const errors: Record<string, string> = result.ok ? {} : { ...(result.errors as Record<string, string>) };
  if (result.ok && (result.value.bodyId === null || !owning.some((b) => b.id === result.value.bodyId)))
    errors.bodyId = "Välj ett organ som du sitter i.";
  const content = await readVersionContent(form, form.get("intent") !== "preview");
  if (!content.ok) Object.assign(errors, content.errors);
  if (Object.keys(errors).length || !result.ok || !content.ok)
    return data({ errors, values, preview: null as string | null }, { status: 400 });
  if (form.get("intent") === "preview")
    return data(
      { errors: {} as Record<string, string>, values, preview: content.preview as string | null },
      { status: 200 },
    );
  const doc = withStagedFiles(content.files, (staged) =>
    createDocument(
      viewer.user.id,
      collaborationFor(request, viewer.actor).id,
      result.value,
      {
        markdown: content.markdown,
        searchText: content.searchText,
        comment: values.comment.trim() || "Första versionen",
      },
      staged,
    ),
  );
  return redirectWithStatus(`/dokument/${doc.id}`, "Dokumentet är sparat.");
}

export default function NewDocument() {
  const { owning, all, today, maxUploadMb } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const values = a?.values;
  const errors = a?.errors;
  return (
    <>
      <Breadcrumbs trail={[["/dokument", "Dokument"]]} current="Nytt dokument" />
      <h1>Nytt dokument</h1>
      <ErrorSummary errors={errors} />
      {a?.preview ? (
        <section aria-labelledby="forhandsgranskning" className="card">
          <h2 id="forhandsgranskning">Förhandsgranskning</h2>
          <div className="markdown" dangerouslySetInnerHTML={{ __html: a.preview }} />
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <DocumentFields
          values={values ?? { date: today, visibility: "members", bodyId: String(owning[0]?.id ?? "") }}
          errors={errors}
          bodies={owning.length ? owning : all}
        />
        <Field
          name="markdown"
          label="Text"
          hint="Skriv dokumentet här (Markdown) eller ladda upp en fil nedan."
          error={errors?.markdown}
        >
          <textarea
            {...controlProps("markdown", errors?.markdown, "x")}
            defaultValue={values?.markdown ?? ""}
            rows={14}
          />
        </Field>
        <Field
          name="file"
          label="Fil"
          hint={`PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG, TXT eller MD. Högst ${maxUploadMb} MB.`}
          error={errors?.file}
        >
          <input type="file" {...controlProps("file", errors?.file, "x")} />
        </Field>
        <Field name="comment" label="Kommentar till versionen" defaultValue={values?.comment} />
        <div className="actions">
          <button type="submit" name="intent" value="save" className="button">
            Spara dokumentet
          </button>
          <button type="submit" name="intent" value="preview" className="button button--secondary">
            Förhandsgranska texten
          </button>
        </div>
      </Form>
    </>
  );
}
