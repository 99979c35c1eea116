import { DateText, keepUnitsWhole, keepWhole } from "~/components/dates";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { exampleMarksOf } from "~/models/example-facts.server";
import { ExampleMark } from "~/components/example-mark";
import { loadAgreementFor } from "~/auth/agreement-access.server";
import { PartyStatusBadge } from "~/components/party-status";
import { PRINCIPAL_SIDE_LABEL, staffText } from "~/domain/agreement-principals";
import { deadlineWarning, exitOptions, partyStatusOn } from "~/domain/agreement-terms";
import type { StaffingLine } from "~/domain/agreement-version";
import { withCollaboration } from "~/domain/collaboration";
import { costYearOn } from "~/domain/cost-report";
import { agreementEndsOn, isBeforeMembership, partyStanding } from "~/domain/party-notice";
import { countOf, formatKronor, todayInStockholm } from "~/domain/format";
import { firstBudgetYear, yearAccount } from "~/models/agreement-money.server";
import { partiesOf, principalsOf, termsOf, versionsOf } from "~/models/agreements.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Samarbetsavtal – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { agreement, version, collaboration, canManage } = await loadAgreementFor(request);
  const today = todayInStockholm();
  const status = exitOptions(termsOf(version), today);
  const year = costYearOn(today, firstBudgetYear(version));
  const account = yearAccount(collaboration.id, version, year);
  const staffing = JSON.parse(version.staffing) as StaffingLine[];
  const parties = partiesOf(collaboration.id).map((p) => ({
    id: p.id,
    name: p.name,
    status: partyStatusOn(p, today),
    standing: partyStanding(p, today),
    // A member recorded without a day has been one since the agreement began (isPartyInYear).
    memberSince: p.memberSince ?? (isBeforeMembership(p.status) ? null : "avtalets början"),
    exitDate: p.exitDate,
    noticeReceivedOn: p.noticeReceivedOn,
  }));
  return {
    today,
    year,
    slug: collaboration.slug,
    agreement,
    version: {
      id: version.id,
      label: version.label,
      adoptedOn: version.adoptedOn,
      noticeMonths: version.noticeMonths,
      noticeForm: version.noticeForm,
      renewalMonths: version.renewalMonths,
    },
    versions: versionsOf(agreement.id).map((v) => ({ id: v.id, label: v.label, adoptedOn: v.adoptedOn })),
    marks: exampleMarksOf({ "agreement-version": versionsOf(agreement.id).map((v) => v.id) }),
    status,
    warnings: {
      current: deadlineWarning(status.currentTermDeadline),
      next: deadlineWarning(status.nextPossibleExit.noticeDeadline),
    },
    principals: principalsOf(version.id).map((p) => ({
      ...p,
      role: PRINCIPAL_SIDE_LABEL[p.side],
      staff: staffText(staffing, p.side),
    })),
    parties,
    budget: {
      total: account.budget.total,
      explained: account.budgetExplained,
      noParties: account.shares.noParties,
      example: account.illustrativePopulation || (account.record?.illustrative ?? false),
    },
    endsOn: agreementEndsOn(parties),
    canManage,
  };
}

export default function AgreementPage() {
  const d = useLoaderData<typeof loader>();
  const s = d.status;
  const to = (href: string) => withCollaboration(href, d.slug);
  return (
    <>
      <h1>{d.agreement.title}</h1>
      <p>
        Gällande version: <Link to={to(`/avtal/versioner/${d.version.id}`)}>{d.version.label}</Link>
        {keepWhole(d.version.adoptedOn ? `, antagen ${d.version.adoptedOn}` : ", inte antagen")}
        <ExampleMark marks={d.marks} entity="agreement-version" id={d.version.id} field="adoptedOn" />.
      </p>
      {s.phase === "kommande" ? (
        <p className="notice" role="status">
          Avtalet har ännu inte börjat gälla. Den första avtalsperioden är <DateText date={s.currentTerm.start} /> –{" "}
          <DateText date={s.currentTerm.end} />.
        </p>
      ) : null}
      {d.endsOn ? (
        <p className="notice notice--warn" role="status">
          Alla parter har sagt upp avtalet. Samverkan upphör den <DateText date={d.endsOn} />; avvecklingen förhandlas i
          särskild ordning.
        </p>
      ) : null}
      <section aria-labelledby="avtalstid" className="card">
        <h2 id="avtalstid">
          {keepWhole(s.phase === "kommande" ? `Kommande avtalstid (idag ${d.today})` : `Avtalstid idag (${d.today})`)}
        </h2>
        <dl className="facts">
          <dt>{s.phase === "kommande" ? "Första avtalsperiod" : "Nuvarande avtalsperiod"}</dt>
          <dd>
            <DateText date={s.currentTerm.start} /> – <DateText date={s.currentTerm.end} />
          </dd>
          <dt>Förlängningar</dt>
          <dd>
            {s.currentTerm.renewals === 0
              ? "Första avtalsperioden"
              : `Förlängt ${countOf(s.currentTerm.renewals, "gång", "gånger")} med ${countOf(d.version.renewalMonths, "månad", "månader")}`}
          </dd>
          <dt>
            Uppsägning för att lämna <DateText date={s.currentTerm.end} />
          </dt>
          <dd>
            {s.currentTermDeadlinePassed ? (
              <>
                Sista dag var <DateText date={s.currentTermDeadline} />. Tiden har gått ut.
              </>
            ) : (
              <>
                senast <DateText date={s.currentTermDeadline} />
                {d.warnings.current ? <span className="deadline-warning"> {keepWhole(d.warnings.current)}</span> : null}
              </>
            )}
          </dd>
          <dt>Tidigaste utträde</dt>
          <dd>
            <strong>
              <DateText date={s.nextPossibleExit.termEnd} />
            </strong>
            , om uppsägningen kommer in {d.version.noticeForm} senast{" "}
            <strong>
              <DateText date={s.nextPossibleExit.noticeDeadline} />
            </strong>{" "}
            (
            {s.nextPossibleExit.daysLeft === 0
              ? "idag är sista dagen"
              : `${countOf(s.nextPossibleExit.daysLeft, "dag", "dagar")} kvar`}
            )
          </dd>
          <dt>Uppsägningstid</dt>
          <dd>
            {countOf(d.version.noticeMonths, "månad", "månader")} före avtalsperiodens slut, {d.version.noticeForm}.
            Utan uppsägning förlängs avtalet med {countOf(d.version.renewalMonths, "månad", "månader")} i taget.
          </dd>
          <dt>Budget {d.year}</dt>
          <dd>
            {formatKronor(d.budget.total)}. {keepUnitsWhole(d.budget.explained)}
            {d.budget.example ? " Beräkningen bygger på exempeluppgifter." : ""}{" "}
            {d.budget.noParties ? (
              "Ingen part betalar ännu det året."
            ) : (
              <Link to={to(`/avtal/kostnader?ar=${d.year}`)}>Se fördelningen per part</Link>
            )}
          </dd>
        </dl>
        {d.warnings.next ? (
          <p className="notice notice--warn" role="note">
            {keepWhole(d.warnings.next)}
          </p>
        ) : null}
      </section>

      <h2>Huvudmän</h2>
      {d.principals.length === 0 ? (
        <p>Avtalsversionen anger inga huvudmän.</p>
      ) : (
        <ul>
          {d.principals.map((p) => (
            <li key={p.side}>
              <strong>{p.name}</strong>, {p.role}
              {p.staff ? `: anställer ${p.staff}` : ""}.{" "}
              {p.invoicesOthers ? "Fakturerar övriga parter på sin sida deras andelar." : "Bär sina kostnader själv."}
            </li>
          ))}
        </ul>
      )}

      <h2>Parter</h2>
      {d.parties.length === 0 ? (
        <p>Inga parter är registrerade ännu.</p>
      ) : (
        <TableRegion label="Parter">
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
                    <Link to={to(`/avtal/parter/${p.id}`)}>{p.name}</Link>
                  </td>
                  <td>
                    <PartyStatusBadge standing={p.standing} />
                  </td>
                  <td>{p.memberSince ?? "–"}</td>
                  <td>{p.noticeReceivedOn ?? "–"}</td>
                  <td>{p.exitDate ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}

      <h2>Mer om avtalet</h2>
      <ul>
        <li>
          <Link to={to("/avtal/budget")}>Budget och resultat per år</Link>
        </li>
        <li>
          <Link to={to(`/avtal/kostnader?ar=${d.year}`)}>Kostnadsfördelning per år</Link>
        </li>
        <li>
          <Link to={to(`/avtal/fakturaunderlag?ar=${d.year}`)}>Fakturaunderlag per part och år</Link>
        </li>
        <li>
          <Link to={to("/avtal/tank-om")}>Tänk om: vad händer om en part säger upp avtalet?</Link>
        </li>
        <li>
          <Link to={to(`/avtal/folkmangd?ar=${d.year + 1}`)}>Folkmängd</Link>
        </li>
      </ul>
      <h2>Versioner</h2>
      <ul>
        {d.versions.map((v) => (
          <li key={v.id}>
            <Link to={to(`/avtal/versioner/${v.id}`)}>{v.label}</Link>{" "}
            {keepWhole(v.adoptedOn ? `(antagen ${v.adoptedOn})` : "(ej antagen)")}
            <ExampleMark marks={d.marks} entity="agreement-version" id={v.id} field="adoptedOn" />
          </li>
        ))}
      </ul>
      {d.versions.length > 1 ? (
        <p>
          <Link to={to(`/avtal/jamfor?a=${d.versions[0].id}&b=${d.versions[d.versions.length - 1].id}`)}>
            Jämför versioner
          </Link>
        </p>
      ) : null}
      {d.canManage ? (
        <p className="no-print">
          <Link to={to("/avtal/versioner/ny")} className="button button--secondary">
            Ny avtalsversion
          </Link>
        </p>
      ) : null}
    </>
  );
}
