import { DateText, keepUnitsWhole } from "~/components/dates";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadAgreementFor } from "~/auth/agreement-access.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { withCollaboration } from "~/domain/collaboration";
import { decidedRegionAmount } from "~/domain/budget-cycle";
import { comparisonWithRecorded, currentYear, percentSplit, sharesTotal } from "~/domain/cost-report";
import { formatKronor, formatPercent, todayInStockholm } from "~/domain/format";
import { recordedFor, yearAccount } from "~/models/agreement-money.server";
import { yearFromQuery } from "~/utils/query";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Kostnadsfördelning ${data?.year ?? ""} – Samverkansportalen` },
];

function yearFrom(request: Request): number {
  return yearFromQuery(request, currentYear(todayInStockholm()));
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { collaboration, version } = await loadAgreementFor(request);
  const a = yearAccount(collaboration.id, version, yearFrom(request));
  const recorded = recordedFor(collaboration.id, a.year);
  const percent = percentSplit(a.version.regionShareBasisPoints);
  return {
    slug: collaboration.slug,
    year: a.year,
    baseYear: a.firstYear,
    regionPercent: formatPercent(percent.region),
    municipalPercent: formatPercent(percent.municipalities),
    total: a.budget.total,
    explained: a.budgetExplained,
    budgetExample: a.record?.illustrative ?? false,
    regionAmount: a.shares.regionAmount,
    // The region's name from the data (another collaboration has another region, or none).
    regionName: a.rows.find((r) => r.kind === "region")?.name ?? null,
    regionDecided: decidedRegionAmount(a.version, a.budget) !== null,
    municipalTotal: a.shares.municipalTotal,
    noParties: a.shares.noParties,
    equalWeights: a.shares.equalWeights,
    populationDate: a.populationDate,
    populationRule: a.populationRule,
    missingPopulation: a.missingPopulation,
    illustrativePopulation: a.illustrativePopulation,
    excluded: a.excluded,
    rows: a.rows,
    sharesTotal: sharesTotal(a.rows),
    comparison: comparisonWithRecorded(a.rows, recorded),
    recordedSource: recorded[0]?.source ?? null,
  };
}

export default function Costs() {
  const d = useLoaderData<typeof loader>();
  const to = (href: string) => withCollaboration(href, d.slug);
  const diffOf = (organisationId: number) => d.comparison?.rows.find((r) => r.key === String(organisationId));
  return (
    <>
      <Breadcrumbs trail={[[to("/avtal"), "Avtal"]]} current={`Kostnadsfördelning ${d.year}`} />
      <h1>Kostnadsfördelning {d.year}</h1>
      <p className="no-print actions">
        {d.year > d.baseYear ? <Link to={to(`/avtal/kostnader?ar=${d.year - 1}`)}>← {d.year - 1}</Link> : null}
        <Link to={to(`/avtal/kostnader?ar=${d.year + 1}`)}>{d.year + 1} →</Link>
        <Link to={to(`/avtal/fakturaunderlag?ar=${d.year}`)}>Fakturaunderlag {d.year}</Link>
        <a href={to(`/avtal/kostnader.csv?ar=${d.year}`)}>Ladda ned som CSV</a>
        <Link to={to("/avtal/budget")}>Budget och resultat</Link>
      </p>
      <p>
        Total budget {formatKronor(d.total)}. {keepUnitsWhole(d.explained)}
        {d.budgetExample ? " Årets uppgifter är exempel." : ""}
      </p>
      {d.noParties ? (
        <p className="notice" role="status">
          Ingen part betalar {d.year}: avtalet gäller inte det året för någon part ännu. Fördelningen visas när parterna
          har gått med.
        </p>
      ) : (
        <p>
          {d.regionName ? (
            <>
              {d.regionName} betalar {formatKronor(d.regionAmount)} och kommunerna tillsammans{" "}
              {formatKronor(d.municipalTotal)}
              {d.regionDecided
                ? " (beloppen enligt avtalet)"
                : ` (${d.regionPercent} och ${d.municipalPercent}, exakt)`}
              .
            </>
          ) : (
            <>Kommunerna betalar tillsammans {formatKronor(d.municipalTotal)}.</>
          )}{" "}
          Kommunernas del fördelas efter folkmängden <DateText date={d.populationDate} /> ({d.populationRule}), med
          största rest-metoden så att delarna går jämnt ut på kronan.
        </p>
      )}
      {d.illustrativePopulation ? (
        <p className="notice notice--warn" role="status">
          Folkmängderna är exempel, inte SCB:s siffror.{" "}
          <Link to={to(`/avtal/folkmangd?ar=${d.year}`)}>Fyll i SCB:s siffror</Link>
        </p>
      ) : null}
      {d.missingPopulation.length ? (
        <p className="notice notice--warn" role="status">
          Folkmängd per <DateText date={d.populationDate} /> saknas för {d.missingPopulation.join(", ")}; senast kända
          siffra används (framskriven). <Link to={to(`/avtal/folkmangd?ar=${d.year}`)}>Fyll i folkmängd</Link>
        </p>
      ) : null}
      {d.equalWeights ? (
        <p className="notice notice--warn" role="status">
          Ingen kommun har folkmängd registrerad; kommunernas del delas lika tills siffrorna finns.
        </p>
      ) : null}
      {d.excluded.length ? (
        <p className="notice">
          Betalar inte {d.year} (har lämnat eller ännu inte gått med): {d.excluded.join(", ")}.
        </p>
      ) : null}
      {d.rows.length ? (
        <TableRegion label={`Andel av budgeten per part ${d.year}`}>
          <table>
            <caption>Andel av budgeten per part {d.year}</caption>
            <thead>
              <tr>
                <th scope="col">Part</th>
                <th scope="col" className="num">
                  Folkmängd
                </th>
                <th scope="col" className="num">
                  Belopp
                </th>
                {d.comparison ? (
                  <>
                    <th scope="col" className="num">
                      Enligt underlaget
                    </th>
                    <th scope="col" className="num">
                      Skillnad
                    </th>
                  </>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => {
                const c = diffOf(r.organisationId);
                return (
                  <tr key={r.organisationId} className={c?.difference ? "differs" : undefined}>
                    <th scope="row">
                      <Link to={to(`/avtal/fakturaunderlag?ar=${d.year}&part=${r.organisationId}`)}>{r.name}</Link>
                    </th>
                    <td className="num">
                      {r.population === null ? "–" : r.population.toLocaleString("sv-SE")}
                      {r.populationIllustrative ? " (exempel)" : ""}
                      {r.populationCarriedForward ? (
                        <span className="num-note"> {keepUnitsWhole(`(framskriven från ${r.populationAsOf})`)}</span>
                      ) : null}
                    </td>
                    <td className="num">{formatKronor(r.share)}</td>
                    {d.comparison ? (
                      <>
                        <td className="num">{c?.recorded == null ? "–" : formatKronor(c.recorded)}</td>
                        <td className="num">
                          {c?.difference ? <strong>{formatKronor(c.difference)}</strong> : formatKronor(0)}
                        </td>
                      </>
                    ) : null}
                  </tr>
                );
              })}
              <tr className="total-row">
                <th scope="row">Summa</th>
                <td className="num" />
                <td className="num">{formatKronor(d.sharesTotal)}</td>
                {d.comparison ? (
                  <>
                    <td className="num">{formatKronor(d.comparison.recordedTotal)}</td>
                    <td className="num">
                      <strong>{formatKronor(d.comparison.totalDifference)}</strong>
                    </td>
                  </>
                ) : null}
              </tr>
            </tbody>
          </table>
        </TableRegion>
      ) : null}
      {d.comparison && d.comparison.totalDifference !== 0 ? (
        <p className="notice notice--warn">
          Beloppen i underlaget ({d.recordedSource}) summerar till {formatKronor(d.comparison.recordedTotal)},{" "}
          {formatKronor(Math.abs(d.comparison.totalDifference))} {d.comparison.totalDifference < 0 ? "mindre" : "mer"}{" "}
          än budgeten. Portalens fördelning går alltid jämnt ut på kronan (största rest-metoden). Rader med skillnad är
          markerade.
        </p>
      ) : null}
    </>
  );
}
