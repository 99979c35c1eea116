import { DateTimeText } from "~/components/dates";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { versionOfDocument } from "~/models/documents.server";
import { loadDocumentFor } from "~/auth/document-access.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { idParam } from "~/utils/params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.doc.title ?? "Dokument"}, version ${data?.version.versionNo ?? ""} – Samverkansportalen` },
];

/** An older (or the current) version of a document, read-only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { doc } = await loadDocumentFor(request, params.documentId);
  const version = versionOfDocument(doc.id, idParam(params.versionId));
  if (!version) throw notFound("Versionen finns inte.");
  return {
    doc: { id: doc.id, title: doc.title },
    version: {
      versionNo: version.versionNo,
      createdAt: version.createdAt,
      author: version.author,
      comment: version.comment,
      current: version.id === doc.currentVersionId,
    },
    html: version.markdown ? renderMarkdown(version.markdown) : null,
    file: version.file ? { id: version.file.id, name: version.file.originalName } : null,
  };
}

export default function DocumentVersion() {
  const { doc, version, html, file } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs
        trail={[
          ["/dokument", "Dokument"],
          [`/dokument/${doc.id}`, doc.title],
        ]}
        current={`Version ${version.versionNo}`}
      />
      <h1>
        {doc.title}, version {version.versionNo}
      </h1>
      <p className={version.current ? "notice notice--ok" : "notice notice--warn"}>
        {version.current ? "Det här är den gällande versionen." : "Det här är en äldre version."} Sparad{" "}
        <DateTimeText at={version.createdAt} />
        {version.author ? ` av ${version.author}` : ""}
        {version.comment ? `: ${version.comment}` : ""}. <Link to={`/dokument/${doc.id}`}>Till dokumentet</Link>
      </p>
      {file ? (
        <p>
          <a className="button" href={`/filer/${file.id}`}>
            Hämta {file.name}
          </a>
        </p>
      ) : null}
      {html ? <div className="markdown document-text" dangerouslySetInnerHTML={{ __html: html }} /> : null}
    </>
  );
}
