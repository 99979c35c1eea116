import { Breadcrumbs } from "~/components/breadcrumbs";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { notFound } from "~/auth/session.server";
import { describeTerms } from "~/domain/agreement-version";
import { getVersion } from "~/models/agreements.server";
import { approvalsOfVersion } from "~/models/agreement-approvals.server";
import { loadAgreementFor } from "~/utils/agreement-access.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { idParam } from "~/utils/params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.version.label ?? "Avtalsversion"} – Samverkansportalen` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { agreement, canManage } = await loadAgreementFor(request);
  const version = getVersion(idParam(params.versionId));
  if (!version || version.agreementId !== agreement.id) throw notFound("Avtalsversionen finns inte.");
  return {
    agreement,
    version: { id: version.id, label: version.label, adoptedOn: version.adoptedOn },
    terms: describeTerms(version),
    html: renderMarkdown(version.text),
    approvals: approvalsOfVersion(version.id),
    canManage,
  };
}

export default function VersionPage() {
  const { agreement, version, terms, html, approvals, canManage } = useLoaderData<typeof loader>();
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
      <h2>Parternas godkännande</h2>
      {approvals.length === 0 ? (
        <p>Ingen rekommendation om att godkänna den här versionen är registrerad.</p>
      ) : (
        approvals.map((a) => (
          <div key={a.recommendationId} className="table-wrap">
            <table>
              <caption>
                <Link to={`/rekommendationer/${a.recommendationId}`}>{a.title}</Link>
              </caption>
              <thead>
                <tr>
                  <th scope="col">Part</th>
                  <th scope="col">Beslut</th>
                  <th scope="col">Datum</th>
                  <th scope="col">Organ</th>
                </tr>
              </thead>
              <tbody>
                {a.answers.map((x) => (
                  <tr key={x.organisation}>
                    <th scope="row">{x.organisation}</th>
                    <td>{x.status}</td>
                    <td>{x.decisionDate ?? "–"}</td>
                    <td>{x.decidingBody || "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))
      )}
      <h2>Avtalstext</h2>
      <div className="markdown agreement-text" dangerouslySetInnerHTML={{ __html: html }} />
    </>
  );
}
