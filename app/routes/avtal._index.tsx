import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { agreementEndDate, exitOptions } from "~/domain/agreement-terms";
import { formatKronor, todayInStockholm } from "~/domain/format";
import { costTable, partiesOf, termsOf, versionsOf } from "~/models/agreements.server";
import { loadAgreementFor } from "~/utils/agreement-access.server";
import { PartyStatusBadge } from "~/components/party-status";

export const meta: MetaFunction = () => [{ title: "Samarbetsavtal – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { agreement, version, collaborationId, canManage } = await loadAgreementFor(request);
  const today = todayInStockholm();
  const year = Number(today.slice(0, 4));
  const status = exitOptions(termsOf(version), today);
  const table = costTable(collaborationId, version, year);
  return {
    today,
    year,
    agreement,
    version: { id: version.id, label: version.label, adoptedOn: version.adoptedOn, noticeMonths: version.noticeMonths, noticeForm: version.noticeForm, renewalMonths: version.renewalMonths },
    versions: versionsOf(agreement.id).map((v) => ({ id: v.id, label: v.label, adoptedOn: v.adoptedOn })),
    status,
    parties: partiesOf(collaborationId).map((p) => ({ id: p.id, name: p.name, status: p.status, memberSince: p.memberSince, exitDate: p.exitDate, noticeReceivedOn: p.noticeReceivedOn })),
    total: table.total,
    // When every party has given notice, the agreement ends with the last exit.
    endsOn: agreementEndDate(partiesOf(collaborationId).map((p) => (p.status === "uppsagd" || p.status === "utträtt" ? p.exitDate : null))),
    canManage,
  };
}

export default function AgreementPage() {
  const d = useLoaderData<typeof loader>();
  const s = d.status;
  return (
    <>
      <h1>{d.agreement.title}</h1>
      <p>
        Gällande version: <Link to={`/avtal/versioner/${d.version.id}`}>{d.version.label}</Link>
        {d.version.adoptedOn ? `, antagen ${d.version.adoptedOn}` : ", inte antagen"}.
      </p>
      {d.endsOn ? (
        <p className="notice notice--warn" role="status">
          Alla parter har sagt upp avtalet. Samverkan upphör den {d.endsOn}; avvecklingen förhandlas i särskild ordning.
        </p>
      ) : null}
      <section aria-labelledby="avtalstid" className="card">
        <h2 id="avtalstid">Avtalstid idag ({d.today})</h2>
        <dl className="facts">
          <dt>Nuvarande avtalsperiod</dt>
          <dd>
            {s.currentTerm.start} – {s.currentTerm.end}
          </dd>
          <dt>Förlängningar</dt>
          <dd>{s.currentTerm.renewals === 0 ? "Första avtalsperioden" : `Förlängt ${s.currentTerm.renewals} gånger med ${d.version.renewalMonths} månader`}</dd>
          <dt>Uppsägning för att lämna {s.currentTerm.end}</dt>
          <dd>{s.currentTermDeadlinePassed ? <>Sista dag var {s.currentTermDeadline}. Tiden har gått ut.</> : <>senast {s.currentTermDeadline}</>}</dd>
          <dt>Tidigaste utträde</dt>
          <dd>
            <strong>{s.nextPossibleExit.termEnd}</strong>, om uppsägningen kommer in {d.version.noticeForm} senast <strong>{s.nextPossibleExit.noticeDeadline}</strong> (
            {s.nextPossibleExit.daysLeft === 0 ? "idag är sista dagen" : `${s.nextPossibleExit.daysLeft} dagar kvar`})
          </dd>
          <dt>Uppsägningstid</dt>
          <dd>
            {d.version.noticeMonths} månader före avtalsperiodens slut, {d.version.noticeForm}. Utan uppsägning förlängs avtalet med {d.version.renewalMonths} månader i taget.
          </dd>
          <dt>Budget {d.year}</dt>
          <dd>
            {formatKronor(d.total)} <Link to={`/avtal/kostnader?ar=${d.year}`}>Se fördelningen per part</Link>
          </dd>
        </dl>
      </section>

      <h2>Parter</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col">Status</th>
              <th scope="col">Medlem sedan</th>
              <th scope="col">Uppsägning mottagen</th>
              <th scope="col">Utträde</th>
            </tr>
          </thead>
          <tbody>
            {d.parties.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/avtal/parter/${p.id}`}>{p.name}</Link>
                </td>
                <td>
                  <PartyStatusBadge status={p.status} exitDate={p.exitDate} />
                </td>
                <td>{p.memberSince ?? "–"}</td>
                <td>{p.noticeReceivedOn ?? "–"}</td>
                <td>{p.exitDate ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Mer om avtalet</h2>
      <ul>
        <li>
          <Link to={`/avtal/kostnader?ar=${d.year}`}>Kostnadsfördelning per år</Link>
        </li>
        <li>
          <Link to="/avtal/tank-om">Tänk om: vad händer om en part säger upp avtalet idag?</Link>
        </li>
        <li>
          <Link to={`/avtal/folkmangd?ar=${d.year + 1}`}>Folkmängd 1 november</Link>
        </li>
      </ul>
      <h2>Versioner</h2>
      <ul>
        {d.versions.map((v) => (
          <li key={v.id}>
            <Link to={`/avtal/versioner/${v.id}`}>{v.label}</Link> {v.adoptedOn ? `(antagen ${v.adoptedOn})` : "(ej antagen)"}
          </li>
        ))}
      </ul>
      {d.versions.length > 1 ? (
        <p>
          <Link to={`/avtal/jamfor?a=${d.versions[0].id}&b=${d.versions[d.versions.length - 1].id}`}>Jämför versioner</Link>
        </p>
      ) : null}
      {d.canManage ? (
        <p className="no-print">
          <Link to="/avtal/versioner/ny" className="button button--secondary">
            Ny avtalsversion
          </Link>
        </p>
      ) : null}
    </>
  );
}
