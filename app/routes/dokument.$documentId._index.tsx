import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { fileSize } from "~/components/agenda";
import { controlProps, ErrorSummary, Field } from "~/components/forms";
import { VISIBILITY_LABEL } from "~/domain/documents";
import { formatDateTime } from "~/domain/format";
import { requirePermission } from "~/auth/session.server";
import { getBody } from "~/models/bodies.server";
import { readVersionContent } from "~/models/document-content.server";
import { addDocumentVersion, versionsOfDocument } from "~/models/documents.server";
import {
  addDocumentLink,
  linkOptions,
  removeDocumentLink,
  targetExists,
  targetsOfDocument,
  type LinkType,
} from "~/models/document-links.server";
import { parseUploadForm, withStagedFiles } from "~/models/files.server";
import { loadDocumentFor } from "~/auth/document-access.server";
import { env } from "~/utils/env.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { redirectWithStatus } from "~/utils/flash.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.doc.title ?? "Dokument"} – Samverkansportalen` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { doc, resource, canEdit } = await loadDocumentFor(request, params.documentId);
  const versions = versionsOfDocument(doc.id);
  const current = versions.find((v) => v.id === doc.currentVersionId) ?? versions[0];
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
    versions: versions.map((v) => ({
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
    links: targetsOfDocument(doc.id),
    linkOptions: canEdit ? linkOptions() : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, doc, resource } = await loadDocumentFor(request, params.documentId);
  requirePermission(viewer?.actor ?? null, "edit:document", resource);
  const form = await parseUploadForm(request);
  const intent = String(form.get("intent") ?? "");
  if (intent === "link" || intent === "unlink") {
    const [type, id] = String(form.get("target") ?? "").split(":");
    if (!["meeting", "matter", "decision", "agreement"].includes(type) || !targetExists(type as LinkType, Number(id)))
      return data(
        {
          errors: { target: "Välj vad dokumentet ska kopplas till." } as Record<string, string>,
          values: { markdown: "", comment: "" },
          preview: null,
          conflict: false,
        },
        { status: 400 },
      );
    if (intent === "link") addDocumentLink(viewer!.user.id, doc.id, type as LinkType, Number(id));
    else removeDocumentLink(viewer!.user.id, doc.id, type as LinkType, Number(id));
    return redirectWithStatus(
      `/dokument/${doc.id}#kopplingar`,
      intent === "link" ? "Kopplingen är sparad." : "Kopplingen är borttagen.",
    );
  }
  const values = { markdown: String(form.get("markdown") ?? ""), comment: String(form.get("comment") ?? "") };
  const preview = form.get("intent") === "preview";
  const content = await readVersionContent(form, !preview);
  if (!content.ok)
    return data({ errors: content.errors, values, preview: null as string | null, conflict: false }, { status: 400 });
  if (preview)
    return data(
      { errors: {} as Record<string, string>, values, preview: content.preview as string | null, conflict: false },
      { status: 200 },
    );
  const saved = withStagedFiles(content.files, (staged) =>
    addDocumentVersion(
      viewer!.user.id,
      doc.id,
      Number(form.get("version")),
      { markdown: content.markdown, searchText: content.searchText, comment: values.comment.trim() },
      staged,
    ),
  );
  if (!saved.ok)
    return data(
      {
        errors: {
          markdown:
            "Någon annan har sparat en ny version medan du arbetade. Din text står kvar; jämför med den nya versionen och spara igen.",
        } as Record<string, string>,
        values,
        preview: null,
        conflict: true,
      },
      { status: 409 },
    );
  return redirectWithStatus(
    `/dokument/${doc.id}?ny=${saved.version.versionNo}`,
    `Version ${saved.version.versionNo} är sparad.`,
  );
}

export default function DocumentPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs trail={[["/dokument", "Dokument"]]} current={`${d.doc.title}`} />
      <h1>{d.doc.title}</h1>
      <dl className="facts">
        <dt>Typ</dt>
        <dd>{d.doc.kind}</dd>
        <dt>Datum</dt>
        <dd>{d.doc.date}</dd>
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
        {d.linkOptions ? (
          <Form method="post" encType="multipart/form-data" className="actions no-print">
            <input type="hidden" name="intent" value="link" />
            <Field name="target" label="Koppla till" error={a?.errors.target}>
              <select {...controlProps("target", a?.errors.target)} defaultValue="">
                <option value="">Välj …</option>
                <optgroup label="Möten">
                  {d.linkOptions.meeting.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Ärenden">
                  {d.linkOptions.matter.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Beslut">
                  {d.linkOptions.decision.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Avtal">
                  {d.linkOptions.agreement.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              </select>
            </Field>
            <button type="submit" className="button button--secondary">
              Koppla
            </button>
          </Form>
        ) : null}
      </section>

      <h2>Versioner</h2>
      <div className="table-wrap">
        <table>
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
                <td>{formatDateTime(v.createdAt)}</td>
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
      </div>

      {d.canEdit ? (
        <section aria-labelledby="ny-version" className="no-print">
          <h2 id="ny-version">Ny version</h2>
          <p>Den nuvarande versionen finns kvar och kan hämtas i listan ovan.</p>
          <ErrorSummary errors={a?.errors} />
          {a?.preview ? (
            <section aria-labelledby="forhandsgranskning" className="card">
              <h3 id="forhandsgranskning">Förhandsgranskning</h3>
              <div className="markdown" dangerouslySetInnerHTML={{ __html: a.preview }} />
            </section>
          ) : null}
          <Form method="post" encType="multipart/form-data" className="stack" noValidate>
            <input type="hidden" name="version" value={d.doc.version} />
            <Field
              name="markdown"
              label="Text"
              hint="Markdown. Lämna tomt om du laddar upp en fil."
              error={a?.errors.markdown}
            >
              <textarea
                {...controlProps("markdown", a?.errors.markdown, "x")}
                defaultValue={a?.values.markdown ?? d.current?.markdown ?? ""}
                rows={12}
              />
            </Field>
            <Field name="file" label="Eller ny fil" hint={`Högst ${d.maxUploadMb} MB.`} error={a?.errors.file}>
              <input type="file" {...controlProps("file", a?.errors.file, "x")} />
            </Field>
            <Field name="comment" label="Vad är ändrat?" defaultValue={a?.values.comment} />
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
    </>
  );
}
