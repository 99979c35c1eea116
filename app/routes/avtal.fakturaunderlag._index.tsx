import { DateText, keepUnitsWhole } from "~/components/dates";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { loadAgreementFor } from "~/auth/agreement-access.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { controlProps, Field } from "~/components/forms";
import { withCollaboration } from "~/domain/collaboration";
import {
  currentYear,
  invoiceRows,
  invoicesFor,
  municipalPopulation,
  percentSplit,
  sharesTotal,
} from "~/domain/cost-report";
import { formatKronor, formatPercent, todayInStockholm } from "~/domain/format";
import { yearAccount } from "~/models/agreement-money.server";
import { idFromQuery, yearFromQuery } from "~/utils/query";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `Fakturaunderlag ${data?.year ?? ""}${data?.party ? ` ${data.party.name}` : ""} – Samverkansportalen`,
  },
];

function params(request: Request) {
  const party = idFromQuery(request, "part");
  return {
    year: yearFromQuery(request, currentYear(todayInStockholm())),
    partyKey: party === null ? null : String(party),
  };
}

/** The invoice basis of a year: every party's lines and net, or one party's, printable on A4. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { collaboration, version } = await loadAgreementFor(request);
  const { year, partyKey } = params(request);
  const a = yearAccount(collaboration.id, version, year);
  const parties = invoiceRows(a.invoice.parties, a.rows);
  const shown = invoicesFor(parties, partyKey);
  return {
    slug: collaboration.slug,
    year: a.year,
    baseYear: a.firstYear,
    today: todayInStockholm(),
    total: a.budget.total,
    explained: a.budgetExplained,
    budgetExample: a.record?.illustrative ?? false,
    regionPercent: formatPercent(percentSplit(a.version.regionShareBasisPoints).region),
    municipalTotal: a.shares.municipalTotal,
    municipalPopulation: municipalPopulation(a.rows),
    populationDate: a.populationDate,
    populationRule: a.populationRule,
    noParties: a.shares.noParties,
    warnings: a.invoice.warnings,
    totals: a.invoice.totals,
    parties,
    sharesTotal: sharesTotal(parties),
    party: shown.party,
    partyMissing: shown.missing,
  };
}

export default function InvoiceBasis() {
  const d = useLoaderData<typeof loader>();
  const to = (href: string) => withCollaboration(href, d.slug);
  const p = d.party;
  return (
    <>
      <Breadcrumbs
        trail={[
          [to("/avtal"), "Avtal"],
          [to(`/avtal/kostnader?ar=${d.year}`), `Kostnadsfördelning ${d.year}`],
        ]}
        current={p ? `Fakturaunderlag ${p.name}` : "Fakturaunderlag"}
      />
      <h1>
        Fakturaunderlag {d.year}
        {p ? ` – ${p.name}` : ""}
      </h1>
      <Form method="get" className="actions no-print" aria-label="Välj år och part">
        <input type="hidden" name="samverkan" value={d.slug} />
        <Field name="ar" label="År" defaultValue={String(d.year)} inputMode="numeric" />
        <Field name="part" label="Part">
          <select {...controlProps("part")} defaultValue={p?.key ?? ""}>
            <option value="">Alla parter</option>
            {d.parties.map((x) => (
              <option key={x.key} value={x.key}>
                {x.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button button--secondary">
          Visa
        </button>
        <a href={to(`/avtal/fakturaunderlag.csv?ar=${d.year}${p ? `&part=${p.key}` : ""}`)}>
          Ladda ned som CSV (Excel)
        </a>
      </Form>
      {d.partyMissing ? (
        <p className="notice notice--warn" role="status">
          Den valda organisationen är inte part {d.year} och har inget att betala det året.
        </p>
      ) : null}
      {d.noParties ? (
        <p className="notice" role="status">
          Ingen part betalar {d.year}; det finns inget fakturaunderlag för året.
        </p>
      ) : null}
      {d.budgetExample ? (
        <p className="notice notice--warn" role="status">
          Uppgifterna som registrerats för året (utfall, beslut) är exempel; se Budget och resultat.
        </p>
      ) : null}
      {d.warnings.map((w) => (
        <p key={w} className="notice notice--warn" role="status">
          {w}
        </p>
      ))}
      {p ? (
        <article className="invoice-basis" aria-labelledby="underlag">
          <h2 id="underlag">Underlag</h2>
          <dl className="facts">
            <dt>Part</dt>
            <dd>{p.name}</dd>
            <dt>Betalning</dt>
            <dd>{p.payment?.text ?? "Tidigare part: faktureras sin del av föregående års underskott."}</dd>
            <dt>Budget {d.year}</dt>
            <dd>
              {formatKronor(d.total)}. {keepUnitsWhole(d.explained)}
            </dd>
            {p.kind === "region" ? (
              <>
                <dt>Grund</dt>
                <dd>
                  Andel av budgeten för {p.name}, {d.regionPercent}
                  {d.year === d.baseYear ? " (beloppet för basåret enligt avtalet)" : ""}.
                </dd>
              </>
            ) : p.population !== null ? (
              <>
                <dt>Grund</dt>
                <dd>
                  Kommunernas del {formatKronor(d.municipalTotal)} fördelad efter folkmängd{" "}
                  <DateText date={d.populationDate} /> ({d.populationRule}): {p.population.toLocaleString("sv-SE")} av{" "}
                  {d.municipalPopulation.toLocaleString("sv-SE")} invånare
                  {p.populationIllustrative ? ". Folkmängden är ett exempel, inte SCB:s siffra" : ""}
                  {p.populationCarriedForward
                    ? `. Folkmängden per ${d.populationDate} saknas; siffran per ${p.populationAsOf} används (framskriven)`
                    : ""}
                  .
                </dd>
              </>
            ) : null}
            <dt>Avrundning</dt>
            <dd>
              Hela kronor. Kommunernas del fördelas med största rest-metoden: varje kommun får hela kronor av sin exakta
              andel och de kronor som blir över går till de största resterna, så att delarna går jämnt ut på kronan.
            </dd>
          </dl>
          <TableRegion label={`Att betala ${d.year}`}>
            <table>
              <caption>Att betala {d.year}</caption>
              <thead>
                <tr>
                  <th scope="col">Rad</th>
                  <th scope="col" className="num">
                    Belopp
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.lines.map((l, i) => (
                  <tr key={i}>
                    <td>{l.label}</td>
                    <td className="num">{formatKronor(l.amount)}</td>
                  </tr>
                ))}
                <tr className="total-row">
                  <th scope="row">Summa att betala</th>
                  <td className="num">
                    <strong>{formatKronor(p.net)}</strong>
                  </td>
                </tr>
              </tbody>
            </table>
          </TableRegion>
          <p className="muted">
            Utskrivet från Samverkansportalen <DateText date={d.today} />. Skriv ut med webbläsarens utskriftsfunktion
            (A4).
          </p>
        </article>
      ) : d.parties.length ? (
        <TableRegion label={`Att betala per part ${d.year}`}>
          <table>
            <caption>Att betala per part {d.year}</caption>
            <thead>
              <tr>
                <th scope="col">Part</th>
                <th scope="col">Betalning</th>
                <th scope="col" className="num">
                  Andel av budgeten
                </th>
                <th scope="col" className="num">
                  Att betala
                </th>
              </tr>
            </thead>
            <tbody>
              {d.parties.map((x) => (
                <tr key={x.key}>
                  <th scope="row">
                    <Link to={to(`/avtal/fakturaunderlag?ar=${d.year}&part=${x.key}`)}>{x.name}</Link>
                  </th>
                  <td>{x.payment?.text ?? "Tidigare part (underskott föregående år)"}</td>
                  <td className="num">{formatKronor(x.share)}</td>
                  <td className="num">{formatKronor(x.net)}</td>
                </tr>
              ))}
              <tr className="total-row">
                <th scope="row">Summa</th>
                <td />
                <td className="num">{formatKronor(d.sharesTotal)}</td>
                <td className="num">{formatKronor(d.totals.net)}</td>
              </tr>
            </tbody>
          </table>
        </TableRegion>
      ) : null}
      {!p && d.parties.length ? (
        <p>
          Budget {formatKronor(d.totals.budget)}
          {d.totals.jointFunds ? `, minus gemensamma medel ${formatKronor(d.totals.jointFunds)}` : ""}
          {d.totals.oneOffCosts ? `, plus engångskostnader ${formatKronor(d.totals.oneOffCosts)}` : ""}
          {d.totals.deficit ? `, plus underskott ${d.year - 1} ${formatKronor(d.totals.deficit)}` : ""}: parterna
          betalar {formatKronor(d.totals.net)} tillsammans.
        </p>
      ) : null}
    </>
  );
}
