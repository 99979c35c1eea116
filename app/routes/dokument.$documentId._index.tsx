import { DateText, DateTimeText } from "~/components/dates";
import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { fileSize } from "~/components/agenda";
import { ConflictNotice, conflictOf } from "~/components/conflict-notice";
import { DocumentFields } from "~/components/document-fields";
import { FileField, FormErrorSummary, formProps, TextareaField, TextField, useSchemaForm } from "~/components/forms";
import { documentPageSchema } from "~/forms/document";
import { can } from "~/domain/policy";
import { VISIBILITY_LABEL } from "~/domain/documents";
import { forbidden, requirePermission } from "~/auth/session.server";
import { getBody, listBodies } from "~/models/bodies.server";
import { readVersionContent } from "~/models/document-content.server";
import {
  addDocumentVersion,
  documentResource,
  updateDocumentMeta,
  currentVersionOf,
  pageOfDocumentVersions,
  versionOfDocument,
} from "~/models/documents.server";
import { Pagination } from "~/components/pagination";
import { pageRequestFrom } from "~/domain/pagination";
import { choiceSearchFrom } from "~/domain/choices";
import { SearchChoiceField } from "~/components/search-choice";
import {
  addDocumentLink,
  LINK_SEARCH,
  linkOptions,
  removeDocumentLink,
  mayPlaceOn,
  targetsOfDocument,
} from "~/models/document-links.server";
import { parseUploadForm, withStagedFiles } from "~/models/files.server";
import { loadDocumentFor } from "~/auth/document-access.server";
import { env } from "~/utils/env.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { carriedForm, parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.doc.title ?? "Dokument"} – Samverkansportalen` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, doc, resource, canEdit } = await loadDocumentFor(request, params.documentId);
  const url = new URL(request.url);
  const versions = await pageOfDocumentVersions(doc.id, pageRequestFrom(url.searchParams));
  const current = currentVersionOf(doc);
  return {
    doc: {
      id: doc.id,
      title: doc.title,
      kind: doc.kind,
      date: doc.date,
      visibility: doc.visibility,
      version: doc.version,
    },
    owner: doc.bodyId ? (getBody(doc.bodyId)?.name ?? null) : null,
    visibleTo: (resource.bodyIds ?? []).map((id) => getBody(id)?.name ?? String(id)),
    current: current
      ? {
          versionNo: current.versionNo,
          html: current.markdown ? renderMarkdown(current.markdown) : null,
          markdown: current.markdown,
          file: current.file ? { id: current.file.id, name: current.file.originalName, size: current.file.size } : null,
        }
      : null,
    versionPage: versions.page,
    versions: versions.items.map((v) => ({
      id: v.id,
      versionNo: v.versionNo,
      comment: v.comment,
      author: v.author,
      createdAt: v.createdAt,
      current: v.id === doc.currentVersionId,
      file: v.file ? { id: v.file.id, name: v.file.originalName, size: v.file.size } : null,
    })),
    canEdit,
    maxUploadMb: env().MAX_UPLOAD_MB,
    links: targetsOfDocument(viewer?.actor ?? null, doc.id),
    linkOptions: canEdit
      ? linkOptions(
          viewer?.actor ?? null,
          choiceSearchFrom(url.searchParams, LINK_SEARCH),
          url.searchParams.get("target"),
        )
      : null,
    // After a search beside the link choices, the target chosen before it stays chosen.
    carried: canEdit ? carriedForm(url) : null,
    describing: canEdit
      ? {
          bodyId: doc.bodyId,
          bodyIds: resource.bodyIds ?? [],
          bodies: listBodies().map((b) => ({ id: b.id, name: b.name })),
        }
      : null,
  };
}

/** What someone else saved while the user was editing (shown beside what the user typed). */
type Theirs =
  | { what: "version"; versionNo: number | null; comment: string }
  | { what: "meta"; title: string; kind: string; date: string; visibility: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, doc, resource } = await loadDocumentFor(request, params.documentId);
  requirePermission(viewer?.actor ?? null, "edit:document", resource);
  const actor = viewer!.actor;
  const userId = viewer!.user.id;
  const form = await parseUploadForm(request);
  const submission = parseForm(form, documentPageSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value;
  switch (value.intent) {
    case "link":
    case "unlink": {
      const { type, id } = value.target;
      // Only onto meetings and decisions of the actor's own bodies (and what they may read).
      if (!mayPlaceOn(actor, type, id))
        throw forbidden("Du kan bara koppla dokument till möten och beslut i organ där du sitter.");
      if (value.intent === "link") addDocumentLink(userId, doc.id, type, id);
      else removeDocumentLink(userId, doc.id, type, id);
      return redirectWithStatus(
        `/dokument/${doc.id}#kopplingar`,
        value.intent === "link" ? "Kopplingen är sparad." : "Kopplingen är borttagen.",
      );
    }
    case "meta": {
      const { intent: _intent, version, ...describing } = value;
      if (!listBodies().some((b) => b.id === describing.bodyId))
        return rejectForm(submission, { fieldErrors: { bodyId: ["Välj organ i listan."] } });
      // Nobody moves a document out of their own reach: the editor must still be allowed to edit it.
      if (!can(actor, "edit:document", documentResource({ ...doc, ...describing }, describing.bodyIds)))
        return rejectForm(submission, { fieldErrors: { bodyId: ["Välj ett organ som du sitter i."] } });
      const saved = updateDocumentMeta(userId, doc.id, version, describing);
      if (!saved.ok) {
        const c = saved.current;
        const theirs: Theirs = { what: "meta", title: c.title, kind: c.kind, date: c.date, visibility: c.visibility };
        return rejectConflict(submission, theirs, c.version);
      }
      return redirectWithStatus(`/dokument/${doc.id}`, "Dokumentets uppgifter är sparade.");
    }
    case "save":
    case "preview": {
      const preview = value.intent === "preview";
      const content = await readVersionContent(form, !preview);
      if (!content.ok) return rejectForm(submission, { fieldErrors: content.errors });
      if (preview) return { preview: content.preview, lastResult: submission.reply() };
      const saved = withStagedFiles(content.files, (staged) =>
        addDocumentVersion(
          userId,
          doc.id,
          value.version,
          { markdown: content.markdown, searchText: content.searchText, comment: value.comment },
          staged,
        ),
      );
      if (!saved.ok) {
        const latest = saved.current.currentVersionId
          ? versionOfDocument(doc.id, saved.current.currentVersionId)
          : undefined;
        const theirs: Theirs = {
          what: "version",
          versionNo: latest?.versionNo ?? null,
          comment: latest?.comment ?? "",
        };
        return rejectConflict(submission, theirs, saved.current.version);
      }
      return redirectWithStatus(
        `/dokument/${doc.id}?ny=${saved.version.versionNo}`,
        `Version ${saved.version.versionNo} är sparad.`,
      );
    }
  }
}

export default function DocumentPage() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  // A preview answers with the rendered text and the form as typed; a rejection with the form only.
  const preview = reply && "preview" in reply ? reply.preview : null;
  const lastResult = reply && "lastResult" in reply ? reply.lastResult : reply;
  const typed = (lastResult?.initialValue ?? {}) as Record<string, string | string[] | undefined>;
  const intent = typed.intent;
  const conflict = conflictOf<Theirs>(lastResult);
  const [versionForm, versionFields] = useSchemaForm(documentPageSchema, {
    lastResult: intent === "save" || intent === "preview" ? lastResult : null,
    defaultValue: { markdown: d.current?.markdown ?? "" },
  });
  const [metaForm, metaFields] = useSchemaForm(documentPageSchema, {
    id: "uppgifter",
    lastResult: intent === "meta" ? lastResult : null,
    defaultValue: {
      title: d.doc.title,
      kind: d.doc.kind,
      bodyId: d.describing?.bodyId ? String(d.describing.bodyId) : "",
      date: d.doc.date,
      visibility: d.doc.visibility,
      bodyIds: (d.describing?.bodyIds ?? []).map(String),
    },
  });
  const [linkForm, linkFields] = useSchemaForm(documentPageSchema, {
    id: "koppla",
    lastResult: intent === "link" || intent === "unlink" ? lastResult : d.carried,
  });
  return (
    <>
      <Breadcrumbs trail={[["/dokument", "Dokument"]]} current={`${d.doc.title}`} />
      <h1>{d.doc.title}</h1>
      {conflict?.theirs.what === "meta" ? (
        <ConflictNotice
          what="dokumentets uppgifter"
          rows={[
            ["Titel", conflict.theirs.title, String(typed.title ?? "")],
            ["Typ", conflict.theirs.kind, String(typed.kind ?? "")],
            ["Datum", conflict.theirs.date, String(typed.date ?? "")],
            ["Synlighet", visibilityLabel(conflict.theirs.visibility), visibilityLabel(typed.visibility)],
          ]}
        />
      ) : null}
      {conflict?.theirs.what === "version" ? (
        <ConflictNotice
          what="dokumentet"
          rows={[
            [
              "Senaste version",
              `Version ${conflict.theirs.versionNo ?? "–"}${conflict.theirs.comment ? `: ${conflict.theirs.comment}` : ""}`,
              `Din nya version${typed.comment ? `: ${String(typed.comment)}` : ""} (texten står kvar nedan)`,
            ],
          ]}
        />
      ) : null}
      <dl className="facts">
        <dt>Typ</dt>
        <dd>{d.doc.kind}</dd>
        <dt>Datum</dt>
        <dd>
          <DateText date={d.doc.date} />
        </dd>
        <dt>Ägs av</dt>
        <dd>{d.owner ?? "–"}</dd>
        <dt>Synlighet</dt>
        <dd>
          {VISIBILITY_LABEL[d.doc.visibility]}
          {d.visibleTo.length ? `: ${d.visibleTo.join(", ")}` : ""}
        </dd>
        {d.current ? (
          <>
            <dt>Gällande version</dt>
            <dd>{d.current.versionNo}</dd>
          </>
        ) : null}
      </dl>
      {d.current?.file ? (
        <p>
          <a className="button" href={`/filer/${d.current.file.id}`}>
            Hämta {d.current.file.name}
          </a>{" "}
          <span className="muted">({fileSize(d.current.file.size)})</span>
        </p>
      ) : null}
      {d.current?.html ? (
        <div className="markdown document-text" dangerouslySetInnerHTML={{ __html: d.current.html }} />
      ) : null}

      <section aria-labelledby="kopplingar" id="kopplingar-sektion">
        <h2 id="kopplingar">Kopplat till</h2>
        {d.links.length === 0 ? (
          <p className="muted">Dokumentet är inte kopplat till något möte, ärende, beslut eller avtal.</p>
        ) : (
          <ul>
            {d.links.map((l) => (
              <li key={`${l.type}-${l.id}`}>
                {l.typeLabel}: <Link to={l.href}>{l.label}</Link>
                {d.canEdit ? (
                  <Form method="post" encType="multipart/form-data" className="inline-form no-print">
                    <input type="hidden" name="intent" value="unlink" />
                    <input type="hidden" name="target" value={`${l.type}:${l.id}`} />
                    <button
                      type="submit"
                      className="button button--link"
                      aria-label={`Ta bort kopplingen till ${l.label}`}
                    >
                      Ta bort
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {d.linkOptions ? <FormErrorSummary form={linkForm} /> : null}
        {d.linkOptions ? (
          <Form method="post" encType="multipart/form-data" className="stack no-print" {...formProps(linkForm)}>
            <input type="hidden" name="intent" value="link" />
            <SearchChoiceField
              field={linkFields.target}
              label="Koppla till"
              emptyOption="Välj …"
              searchLabel="Sök möte, ärende, beslut eller avtal"
              searchHint="Ett ord ur rubriken, ett diarienummer, ett organ eller ett datum (ÅÅÅÅ-MM-DD)."
              anchor="kopplingar"
              groups={LINK_GROUPS.map(([type, label]) => ({
                label,
                choices: d.linkOptions![type],
                value: (id: number) => `${type}:${id}`,
              }))}
            />
            <button type="submit" className="button button--secondary">
              Koppla
            </button>
          </Form>
        ) : null}
      </section>

      <h2 id="versioner">Versioner</h2>
      <TableRegion label="Versioner">
        <table>
          <caption className="visually-hidden">Versioner</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Tid</th>
              <th scope="col">Av</th>
              <th scope="col">Kommentar</th>
              <th scope="col">Innehåll</th>
            </tr>
          </thead>
          <tbody>
            {d.versions.map((v) => (
              <tr key={v.id}>
                <td>
                  {v.versionNo}
                  {v.current ? (
                    <Fragment>
                      {" "}
                      <span className="badge badge--ok">gällande</span>
                    </Fragment>
                  ) : null}
                </td>
                <td>
                  <DateTimeText at={v.createdAt} />
                </td>
                <td>{v.author ?? "–"}</td>
                <td>{v.comment || "–"}</td>
                <td>
                  {v.file ? <a href={`/filer/${v.file.id}`}>{v.file.name}</a> : null}
                  {v.file ? " · " : null}
                  <Link to={`/dokument/${d.doc.id}/versioner/${v.id}`} aria-label={`Visa version ${v.versionNo}`}>
                    Visa
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <Pagination page={d.versionPage} label="Sidor med versioner" noun={["version", "versioner"]} />

      {d.canEdit ? (
        <section aria-labelledby="ny-version" className="no-print">
          <h2 id="ny-version">Ny version</h2>
          <p>Den nuvarande versionen finns kvar och kan hämtas i listan ovan.</p>
          <FormErrorSummary form={versionForm} />
          {preview ? (
            <section aria-labelledby="forhandsgranskning" className="card">
              <h3 id="forhandsgranskning">Förhandsgranskning</h3>
              <div className="markdown" dangerouslySetInnerHTML={{ __html: preview }} />
            </section>
          ) : null}
          <Form method="post" encType="multipart/form-data" className="stack" {...formProps(versionForm)}>
            <input type="hidden" name="version" value={conflict?.version ?? d.doc.version} />
            <TextareaField
              field={versionFields.markdown}
              label="Text"
              hint="Markdown. Lämna tomt om du laddar upp en fil."
              rows={12}
            />
            <FileField form={versionForm} name="file" label="Eller ny fil" hint={`Högst ${d.maxUploadMb} MB.`} />
            <TextField field={versionFields.comment} label="Vad är ändrat?" />
            <div className="actions">
              <button type="submit" name="intent" value="save" className="button">
                Spara ny version
              </button>
              <button type="submit" name="intent" value="preview" className="button button--secondary">
                Förhandsgranska
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      {d.describing ? (
        <section aria-labelledby="uppgifter-rubrik" className="no-print">
          <h2 id="uppgifter-rubrik">Ändra dokumentets uppgifter</h2>
          <p>Titel, typ, datum och vem som får se dokumentet. Innehållet ändrar du med en ny version ovan.</p>
          <FormErrorSummary form={metaForm} />
          <Form method="post" encType="multipart/form-data" className="stack" {...formProps(metaForm)}>
            <input type="hidden" name="intent" value="meta" />
            <input type="hidden" name="version" value={conflict?.version ?? d.doc.version} />
            <DocumentFields fields={metaFields} owning={d.describing.bodies} all={d.describing.bodies} />
            <div className="actions">
              <button type="submit" className="button">
                {conflict?.theirs.what === "meta" ? "Spara mina uppgifter ändå" : "Spara uppgifterna"}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}

const LINK_GROUPS = [
  ["meeting", "Möten"],
  ["matter", "Ärenden"],
  ["decision", "Beslut"],
  ["agreement", "Avtal"],
] as const;

function visibilityLabel(value: string | string[] | undefined): string {
  return typeof value === "string" && Object.hasOwn(VISIBILITY_LABEL, value)
    ? VISIBILITY_LABEL[value as keyof typeof VISIBILITY_LABEL]
    : "";
}
