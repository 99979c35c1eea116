import { keepUnitsWhole, keepWhole } from "~/components/dates";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { exampleMarksOf } from "~/models/example-facts.server";
import { ExampleMark } from "~/components/example-mark";
import { Fragment } from "react";
import { loadAgreementOf } from "~/auth/agreement-access.server";
import { notFound } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { PRINCIPAL_SIDE_LABEL } from "~/domain/agreement-principals";
import { describeTerms, termDifferences } from "~/domain/agreement-version";
import { withCollaboration } from "~/domain/collaboration";
import { countOf, todayInStockholm } from "~/domain/format";
import { approvalOfVersion, approvalsOfVersion } from "~/models/agreement-approvals.server";
import { agreementById, getVersion, principalsOf, versionsOf } from "~/models/agreements.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { idParam } from "~/utils/params";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.version.label ?? "Avtalsversion"} – Samverkansportalen` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const version = getVersion(idParam(params.versionId));
  const agreementRow = version ? agreementById(version.agreementId) : undefined;
  if (!version || !agreementRow) throw notFound("Avtalsversionen finns inte.");
  const { viewer, agreement, collaboration, canManage } = await loadAgreementOf(request, agreementRow.collaborationId);
  const actor = viewer?.actor ?? null;
  const all = versionsOf(agreement.id);
  const previous = [...all].reverse().find((v) => v.id < version.id) ?? null;
  const approval = approvalOfVersion(version.id, collaboration.id, todayInStockholm(), actor);
  return {
    slug: collaboration.slug,
    agreement,
    marks: exampleMarksOf({ "agreement-version": [version.id] }),
    version: {
      id: version.id,
      label: version.label,
      adoptedOn: version.adoptedOn,
      changeSummary: version.changeSummary,
    },
    previous: previous ? { id: previous.id, label: previous.label } : null,
    changes: previous ? termDifferences(previous, version) : [],
    terms: describeTerms(version),
    principals: principalsOf(version.id).map((p) => ({
      name: p.name,
      side: PRINCIPAL_SIDE_LABEL[p.side],
      invoices: p.invoicesOthers,
    })),
    html: renderMarkdown(version.text),
    approval,
    recommendations: approvalsOfVersion(version.id, actor),
    canManage,
  };
}

export default function VersionPage() {
  const d = useLoaderData<typeof loader>();
  const to = (href: string) => withCollaboration(href, d.slug);
  const a = d.approval;
  return (
    <>
      <Breadcrumbs trail={[[to("/avtal"), "Avtal"]]} current={d.version.label} />
      <h1>{d.version.label}</h1>
      <p className="muted">
        {d.agreement.title}. {keepWhole(d.version.adoptedOn ? `Antagen ${d.version.adoptedOn}` : "Inte antagen")}
        <ExampleMark marks={d.marks} entity="agreement-version" id={d.version.id} field="adoptedOn" />.
      </p>
      {d.canManage ? (
        <p className="no-print">
          <Link to={to(`/avtal/versioner/${d.version.id}/redigera`)}>Ändra versionen</Link>
        </p>
      ) : null}

      <h2>Vad versionen ändrar</h2>
      {d.version.changeSummary ? <p className="pre">{keepUnitsWhole(d.version.changeSummary)}</p> : null}
      {d.previous ? (
        d.changes.length === 0 ? (
          <p>Inga ändringar i pengar eller villkor jämfört med ”{d.previous.label}”.</p>
        ) : (
          <TableRegion label="Ändringar">
            <table>
              <caption>Ändringar jämfört med ”{d.previous.label}”</caption>
              <thead>
                <tr>
                  <th scope="col">Villkor</th>
                  <th scope="col">Före</th>
                  <th scope="col">Efter</th>
                </tr>
              </thead>
              <tbody>
                {d.changes.map((c) => (
                  <tr key={c.term}>
                    <th scope="row">{c.term}</th>
                    <td>{c.before}</td>
                    <td>{c.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )
      ) : (
        <p>Det här är avtalets första version.</p>
      )}

      <h2>Villkor</h2>
      <dl className="facts">
        {d.terms.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{keepWhole(value)}</dd>
          </Fragment>
        ))}
        <dt>Huvudmän</dt>
        <dd>
          {d.principals.length
            ? d.principals
                .map((p) => `${p.name}, ${p.side}${p.invoices ? ", fakturerar övriga parter på sin sida" : ""}`)
                .join("; ")
            : "Inga angivna"}
        </dd>
      </dl>

      <h2>Parternas godkännande</h2>
      <p>
        En version gäller först när alla parter har godkänt den.{" "}
        {!a.registered
          ? "Inga godkännanden är registrerade i portalen för den här versionen."
          : a.state.allApproved
            ? `Alla ${countOf(a.state.parties.length, "part", "parter")} har godkänt versionen${a.state.approvedOn ? `, den sista ${a.state.approvedOn}` : ""}.`
            : `${a.state.parties.length - a.state.missing.length} av ${countOf(a.state.parties.length, "part", "parter")} har godkänt. Saknas: ${a.state.missing.join(", ")}.`}
      </p>
      {a.registered ? (
        <TableRegion label="Godkännande per part">
          <table>
            <caption>Godkännande per part</caption>
            <thead>
              <tr>
                <th scope="col">Part</th>
                <th scope="col">Godkännande</th>
                <th scope="col">Datum</th>
              </tr>
            </thead>
            <tbody>
              {a.state.parties.map((p) => (
                <tr key={p.organisation}>
                  <th scope="row">{p.organisation}</th>
                  <td>
                    {p.status === "godkänt"
                      ? "Godkänt"
                      : p.status === "godkänt med ändringar"
                        ? "Godkänt med ändringar (motförslag, inte godkänt)"
                        : p.status === "avslaget"
                          ? "Avslaget"
                          : "Väntar"}
                  </td>
                  <td>{p.decisionDate ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
      {d.recommendations.length ? (
        <ul>
          {d.recommendations.map((r) => (
            <li key={r.recommendationId}>
              <Link to={`/rekommendationer/${r.recommendationId}`}>{r.title}</Link>
            </li>
          ))}
        </ul>
      ) : null}

      <h2>Avtalstext</h2>
      <div className="markdown agreement-text" dangerouslySetInnerHTML={{ __html: d.html }} />
    </>
  );
}
