import { Breadcrumbs } from "~/components/breadcrumbs";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { notFound } from "~/auth/session.server";
import { describeTerms } from "~/domain/agreement-version";
import { getVersion } from "~/models/agreements.server";
import { loadAgreementFor } from "~/utils/agreement-access.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { idParam } from "~/utils/params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.version.label ?? "Avtalsversion"} – Samverkansportalen` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { agreement, canManage } = await loadAgreementFor(request);
  const version = getVersion(idParam(params.versionId));
  if (!version || version.agreementId !== agreement.id) throw notFound("Avtalsversionen finns inte.");
  return { agreement, version: { id: version.id, label: version.label, adoptedOn: version.adoptedOn }, terms: describeTerms(version), html: renderMarkdown(version.text), canManage };
}

export default function VersionPage() {
  const { agreement, version, terms, html, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs trail={[["/avtal", "Avtal"]]} current={`${version.label}`} />
      <h1>{version.label}</h1>
      <p className="muted">
        {agreement.title}. {version.adoptedOn ? `Antagen ${version.adoptedOn}.` : "Inte antagen."}
      </p>
      {canManage ? (
        <p className="no-print">
          <Link to={`/avtal/versioner/${version.id}/redigera`}>Ändra versionen</Link>
        </p>
      ) : null}
      <h2>Villkor</h2>
      <dl className="facts">
        {terms.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <h2>Avtalstext</h2>
      <div className="markdown agreement-text" dangerouslySetInnerHTML={{ __html: html }} />
    </>
  );
}
