import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { controlProps, Field } from "~/components/forms";
import { compareWithRecorded, yearResult } from "~/domain/cost-allocation";
import { formatKronor, todayInStockholm } from "~/domain/format";
import { budgetYearOf, costTable, recordedFor, saveBudgetYear } from "~/models/agreements.server";
import { loadAgreementFor } from "~/utils/agreement-access.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Kostnadsfördelning ${data?.year ?? ""} – Samverkansportalen` }];

function yearFrom(request: Request): number {
  const raw = new URL(request.url).searchParams.get("ar");
  const year = Number(raw);
  return raw && Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : Number(todayInStockholm().slice(0, 4));
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { collaborationId, version, canManage } = await loadAgreementFor(request);
  const year = Math.max(yearFrom(request), version.baseYear);
  const table = costTable(collaborationId, version, year);
  const recorded = recordedFor(collaborationId, year);
  const comparison = recorded.length
    ? compareWithRecorded(
        table.rows.map((r) => ({ key: String(r.organisationId), amount: r.amount })),
        recorded.map((r) => ({ key: String(r.organisationId), amount: r.amount })),
      )
    : null;
  const budget = budgetYearOf(collaborationId, year);
  const previous = budgetYearOf(collaborationId, year - 1);
  const previousTotal = year - 1 >= version.baseYear ? costTable(collaborationId, version, year - 1).total : null;
  return {
    year,
    baseYear: version.baseYear,
    table,
    comparison,
    recordedSource: recorded[0]?.source ?? null,
    budget: budget ? { totalByDecision: budget.totalByDecision, outcome: budget.outcome, note: budget.note } : null,
    result: budget?.outcome != null ? yearResult(table.total, budget.outcome) : null,
    carriedIn: previous?.outcome != null && previousTotal !== null ? yearResult(previousTotal, previous.outcome).surplus : null,
    canManage,
  };
}

const kronorInput = (v: FormDataEntryValue | null) => String(v ?? "").replace(/[\s\u00a0]/g, "").replace(/kr$/i, "");

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, collaborationId, version } = await loadAgreementFor(request);
  requirePermission(viewer?.actor ?? null, "manage:agreement");
  const year = Math.max(yearFrom(request), version.baseYear);
  const form = await request.formData();
  const total = kronorInput(form.get("totalByDecision"));
  const outcome = kronorInput(form.get("outcome"));
  const errors: Record<string, string> = {};
  if (total && !/^\d+$/.test(total)) errors.totalByDecision = "Ange beloppet i hela kronor, till exempel 6 000 000.";
  if (outcome && !/^\d+$/.test(outcome)) errors.outcome = "Ange utfallet i hela kronor.";
  const values = { totalByDecision: String(form.get("totalByDecision") ?? ""), outcome: String(form.get("outcome") ?? ""), note: String(form.get("note") ?? "") };
  if (Object.keys(errors).length) return data({ errors, values }, { status: 400 });
  saveBudgetYear(viewer!.user.id, collaborationId, year, { totalByDecision: total ? Number(total) : null, outcome: outcome ? Number(outcome) : null, note: values.note.trim() });
  return redirect(`/avtal/kostnader?ar=${year}`);
}

export default function Costs() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const t = d.table;
  const diffOf = (organisationId: number) => d.comparison?.rows.find((r) => r.key === String(organisationId));
  return (
    <>
      <Breadcrumbs trail={[["/avtal", "Avtal"]]} current={`Kostnadsfördelning ${d.year}`} />
      <h1>Kostnadsfördelning {d.year}</h1>
      <p className="no-print actions">
        {d.year > d.baseYear ? <Link to={`/avtal/kostnader?ar=${d.year - 1}`}>← {d.year - 1}</Link> : null}
        <Link to={`/avtal/kostnader?ar=${d.year + 1}`}>{d.year + 1} →</Link>
        <a href={`/avtal/kostnader.csv?ar=${d.year}`}>Ladda ned som CSV (för fakturering)</a>
      </p>
      <p>
        Total budget {formatKronor(t.total)} ({t.totalSource === "beslut" ? "fastställd genom beslut" : `basårets budget uppräknad till ${d.year}`}). Regionen betalar{" "}
        {formatKronor(t.split.region?.amount ?? 0)} och kommunerna tillsammans {formatKronor(t.split.municipalTotal)}, fördelat efter folkmängd den 1 november {d.year - 1}.
      </p>
      {t.missingPopulation.length ? (
        <p className="notice notice--warn" role="status">
          Folkmängd för 1 november {d.year - 1} saknas för {t.missingPopulation.join(", ")}; senast kända siffra används.{" "}
          <Link to={`/avtal/folkmangd?ar=${d.year}`}>Fyll i folkmängd</Link>
        </p>
      ) : null}
      {t.excluded.length ? <p className="notice">Betalar inte {d.year} (har lämnat eller ännu inte gått med): {t.excluded.join(", ")}.</p> : null}
      <div className="table-wrap">
        <table>
          <caption>Kostnad per part {d.year}</caption>
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
            {t.rows.map((r) => {
              const c = diffOf(r.organisationId);
              return (
                <tr key={r.organisationId} className={c?.difference ? "differs" : undefined}>
                  <th scope="row">{r.name}</th>
                  <td className="num">{r.population === null ? "–" : r.population.toLocaleString("sv-SE")}</td>
                  <td className="num">{formatKronor(r.amount)}</td>
                  {d.comparison ? (
                    <>
                      <td className="num">{c?.recorded == null ? "–" : formatKronor(c.recorded)}</td>
                      <td className="num">{c?.difference ? <strong>{formatKronor(c.difference)}</strong> : "0 kr"}</td>
                    </>
                  ) : null}
                </tr>
              );
            })}
            <tr className="total-row">
              <th scope="row">Summa</th>
              <td className="num" />
              <td className="num">{formatKronor(t.rows.reduce((s, r) => s + r.amount, 0))}</td>
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
      </div>
      {d.comparison && d.comparison.totalDifference !== 0 ? (
        <p className="notice notice--warn">
          Beloppen i underlaget ({d.recordedSource}) summerar till {formatKronor(d.comparison.recordedTotal)}, {formatKronor(Math.abs(d.comparison.totalDifference))}{" "}
          {d.comparison.totalDifference < 0 ? "mindre" : "mer"} än budgeten. Portalens fördelning går alltid jämnt ut på kronan (största rest-metoden). Rader med skillnad är markerade.
        </p>
      ) : null}
      <h2>Bokslut</h2>
      {d.carriedIn ? <p>Överskott från {d.year - 1} som förs över till {d.year}: {formatKronor(d.carriedIn)}.</p> : null}
      {d.result ? (
        <p>
          Utfall {formatKronor(d.budget!.outcome!)}.{" "}
          {d.result.surplus > 0
            ? `Överskott ${formatKronor(d.result.surplus)}; det stannar i verksamheten och förs över till ${d.year + 1}.`
            : d.result.deficit > 0
              ? `Underskott ${formatKronor(d.result.deficit)}; det täcks av parterna enligt fördelningsmodellen.`
              : "Utfallet är lika med budgeten."}
        </p>
      ) : (
        <p>Inget utfall registrerat för {d.year}.</p>
      )}
      {d.canManage ? (
        <Form method="post" className="stack no-print" noValidate>
          <Field name="totalByDecision" label="Total budget enligt beslut (kr)" hint="Tomt betyder basårets budget uppräknad enligt avtalet." inputMode="numeric" defaultValue={a?.values.totalByDecision ?? (d.budget?.totalByDecision != null ? String(d.budget.totalByDecision) : "")} error={a?.errors.totalByDecision} />
          <Field name="outcome" label="Utfall, bokslut (kr)" inputMode="numeric" defaultValue={a?.values.outcome ?? (d.budget?.outcome != null ? String(d.budget.outcome) : "")} error={a?.errors.outcome} />
          <Field name="note" label="Anteckning">
            <textarea {...controlProps("note")} defaultValue={a?.values.note ?? d.budget?.note ?? ""} rows={2} />
          </Field>
          <div className="actions">
            <button type="submit" className="button">
              Spara {d.year}
            </button>
          </div>
        </Form>
      ) : null}
    </>
  );
}
