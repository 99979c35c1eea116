import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { controlProps, Field } from "~/components/forms";
import { parsePopulationCsv, populationError } from "~/domain/cost-allocation";
import { todayInStockholm } from "~/domain/format";
import { partiesOf, populationsFor, savePopulations } from "~/models/agreements.server";
import { loadAgreementFor } from "~/utils/agreement-access.server";

export const meta: MetaFunction = () => [{ title: "Folkmängd – Samverkansportalen" }];

function yearFrom(request: Request) {
  const y = Number(new URL(request.url).searchParams.get("ar"));
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : Number(todayInStockholm().slice(0, 4)) + 1;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { collaborationId, canManage } = await loadAgreementFor(request);
  const year = yearFrom(request);
  const figures = populationsFor(year);
  const municipalities = partiesOf(collaborationId)
    .filter((p) => p.kind === "kommun")
    .map((p) => ({ organisationId: p.organisationId, name: p.name, population: figures.find((f) => f.organisationId === p.organisationId)?.population ?? null }));
  return { year, municipalities, canManage };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, collaborationId } = await loadAgreementFor(request);
  requirePermission(viewer?.actor ?? null, "manage:agreement");
  const year = yearFrom(request);
  const form = await request.formData();
  const municipalities = partiesOf(collaborationId).filter((p) => p.kind === "kommun");
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  let figures: { organisationId: number; population: number }[] = [];
  if (form.get("intent") === "csv") {
    const csv = String(form.get("csv") ?? "");
    values.csv = csv;
    const parsed = parsePopulationCsv(csv);
    if (!parsed.ok) return data({ errors: { csv: parsed.errors.join(" ") } as Record<string, string>, values }, { status: 400 });
    const normalise = (n: string) => n.toLowerCase().replace(/s? kommun$/, "").replace(/s$/, "");
    for (const row of parsed.rows) {
      const match = municipalities.find((m) => normalise(m.name) === normalise(row.name) || m.name.toLowerCase() === row.name.toLowerCase());
      if (!match) {
        errors.csv = `Kommunen ”${row.name}” är inte part i samverkan. Kontrollera stavningen.`;
        break;
      }
      figures.push({ organisationId: match.organisationId, population: row.population });
    }
  } else {
    for (const m of municipalities) {
      const raw = String(form.get(`pop-${m.organisationId}`) ?? "");
      values[`pop-${m.organisationId}`] = raw;
      if (!raw.trim()) continue;
      const problem = populationError(raw);
      if (problem) errors[`pop-${m.organisationId}`] = problem;
      else figures.push({ organisationId: m.organisationId, population: Number(raw.replace(/[\s\u00a0]/g, "")) });
    }
  }
  if (Object.keys(errors).length) return data({ errors, values }, { status: 400 });
  if (figures.length === 0) return data({ errors: { form: "Fyll i minst en kommuns folkmängd." } as Record<string, string>, values }, { status: 400 });
  figures = figures.filter((f, i, all) => all.findIndex((x) => x.organisationId === f.organisationId) === i);
  savePopulations(viewer!.user.id, year, figures);
  return redirect(`/avtal/folkmangd?ar=${year}&sparat=1`);
}

export default function Population() {
  const { year, municipalities, canManage } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs trail={[["/avtal", "Avtal"]]} current="Folkmängd" />
      <h1>Folkmängd 1 november {year - 1}</h1>
      <p>
        Underlag för kommunernas fördelning {year}. <Link to={`/avtal/folkmangd?ar=${year - 1}`}>Föregående år</Link> ·{" "}
        <Link to={`/avtal/folkmangd?ar=${year + 1}`}>Nästa år</Link> · <Link to={`/avtal/kostnader?ar=${year}`}>Fördelningen {year}</Link>
      </p>
      {a?.errors.form ? (
        <p className="notice notice--error" role="alert">
          {a.errors.form}
        </p>
      ) : null}
      {canManage ? (
        <>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="form" />
            {municipalities.map((m) => (
              <Field
                key={m.organisationId}
                name={`pop-${m.organisationId}`}
                label={m.name}
                inputMode="numeric"
                defaultValue={a?.values[`pop-${m.organisationId}`] ?? (m.population === null ? "" : String(m.population))}
                error={a?.errors[`pop-${m.organisationId}`]}
              />
            ))}
            <div className="actions">
              <button type="submit" className="button">
                Spara folkmängd
              </button>
            </div>
          </Form>
          <h2>Klistra in från SCB</h2>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="csv" />
            <Field name="csv" label="CSV" hint='En rad per kommun: namn;folkmängd, till exempel "Berg;6959". En rubrikrad får finnas.' error={a?.errors.csv}>
              <textarea {...controlProps("csv", a?.errors.csv, "x")} defaultValue={a?.values.csv ?? ""} rows={8} />
            </Field>
            <div className="actions">
              <button type="submit" className="button button--secondary">
                Läs in
              </button>
            </div>
          </Form>
        </>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Kommun</th>
                <th scope="col" className="num">
                  Folkmängd
                </th>
              </tr>
            </thead>
            <tbody>
              {municipalities.map((m) => (
                <tr key={m.organisationId}>
                  <th scope="row">{m.name}</th>
                  <td className="num">{m.population === null ? "saknas" : m.population.toLocaleString("sv-SE")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
