import { Breadcrumbs } from "~/components/breadcrumbs";
import { collaborationFor } from "~/auth/collaboration.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireViewerWith } from "~/auth/session.server";
import { DocumentFields } from "~/components/document-fields";
import { FileField, FormErrorSummary, formProps, TextareaField, TextField, useSchemaForm } from "~/components/forms";
import { newDocumentSchema } from "~/forms/document";
import { todayInStockholm } from "~/domain/format";
import { can } from "~/domain/policy";
import { listBodies } from "~/models/bodies.server";
import { readVersionContent } from "~/models/document-content.server";
import { createDocument } from "~/models/documents.server";
import { parseUploadForm, withStagedFiles } from "~/models/files.server";
import { env } from "~/utils/env.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectForm } from "~/utils/forms.server";

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
  const submission = parseForm(form, newDocumentSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value;
  if (!owning.some((b) => b.id === value.bodyId))
    return rejectForm(submission, { fieldErrors: { bodyId: ["Välj ett organ som du sitter i."] } });
  const preview = value.intent === "preview";
  const content = await readVersionContent(form, !preview);
  if (!content.ok) return rejectForm(submission, { fieldErrors: content.errors });
  if (preview) return { preview: content.preview, lastResult: submission.reply() };
  const { intent: _intent, markdown: _markdown, comment, ...describing } = value;
  const doc = withStagedFiles(content.files, (staged) =>
    createDocument(
      viewer.user.id,
      collaborationFor(request, viewer.actor).id,
      describing,
      { markdown: content.markdown, searchText: content.searchText, comment: comment || "Första versionen" },
      staged,
    ),
  );
  return redirectWithStatus(`/dokument/${doc.id}`, "Dokumentet är sparat.");
}

export default function NewDocument() {
  const { owning, all, today, maxUploadMb } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  // A preview answers with the rendered text and the form as typed; a rejection with the form only.
  const preview = reply && "preview" in reply ? reply.preview : null;
  const lastResult = reply && "lastResult" in reply ? reply.lastResult : reply;
  const [form, fields] = useSchemaForm(newDocumentSchema, {
    lastResult,
    defaultValue: { date: today, visibility: "members", kind: "rutin", bodyId: String(owning[0]?.id ?? "") },
  });
  return (
    <>
      <Breadcrumbs trail={[["/dokument", "Dokument"]]} current="Nytt dokument" />
      <h1>Nytt dokument</h1>
      <FormErrorSummary form={form} />
      {preview ? (
        <section aria-labelledby="forhandsgranskning" className="card">
          <h2 id="forhandsgranskning">Förhandsgranskning</h2>
          <div className="markdown" dangerouslySetInnerHTML={{ __html: preview }} />
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack" {...formProps(form)}>
        <DocumentFields fields={fields} owning={owning.length ? owning : all} all={all} />
        <TextareaField
          field={fields.markdown}
          label="Text"
          hint="Skriv dokumentet här (Markdown) eller ladda upp en fil nedan."
          rows={14}
        />
        <FileField
          form={form}
          name="file"
          label="Fil"
          hint={`PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG, TXT eller MD. Högst ${maxUploadMb} MB.`}
        />
        <TextField field={fields.comment} label="Kommentar till versionen" />
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
