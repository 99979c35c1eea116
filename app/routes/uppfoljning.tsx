import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getViewer, requirePermission, requireViewerWith } from "~/auth/session.server";
import { BarChart } from "~/components/bar-chart";
import { ErrorSummary, Field } from "~/components/forms";
import { can } from "~/domain/policy";
import { defaultCollaborationId } from "~/models/agreements.server";
import { keyFiguresOf, saveKeyFigures } from "~/models/documents.server";

export const meta: MetaFunction = () => [{ title: "Uppföljning – Samverkansportalen" }];

const NUMBER_FIELDS = [
  ["contacts", "Antal kontakter", ""],
  ["boysPercent", "Andel pojkar (%)", "%"],
  ["girlsPercent", "Andel flickor (%)", "%"],
  ["cannabisPercent", "Primär problematik: cannabis (%)", "%"],
  ["alcoholPercent", "Primär problematik: alkohol (%)", "%"],
  ["gamblingPercent", "Primär problematik: spel om pengar (%)", "%"],
  ["otherPercent", "Primär problematik: annat (%)", "%"],
  ["longestQueueDays", "Längsta kötid (dagar)", "dagar"],
] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  requirePermission(viewer?.actor ?? null, "read:agreement");
  const figures = keyFiguresOf(defaultCollaborationId() ?? 0);
  return { figures, canManage: can(viewer?.actor ?? null, "manage:key-figures") };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:key-figures");
  const form = await request.formData();
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  const errors: Record<string, string> = {};
  const year = Number(values.year);
  if (!/^\d{4}$/.test(values.year ?? "")) errors.year = "Ange året med fyra siffror.";
  const numbers: Record<string, number | null> = {};
  for (const [key, label, unit] of NUMBER_FIELDS) {
    const raw = (values[key] ?? "").replace(/[\s%]/g, "");
    if (!raw) {
      numbers[key] = null;
      continue;
    }
    const n = Number(raw);
    if (!/^\d+$/.test(raw)) errors[key] = `${label}: ange ett heltal.`;
    else if (unit === "%" && n > 100) errors[key] = `${label}: en andel kan inte vara över 100 %.`;
    else numbers[key] = n;
  }
  if (numbers.boysPercent != null && numbers.girlsPercent != null && numbers.boysPercent + numbers.girlsPercent > 100)
    errors.girlsPercent = "Andelen pojkar och flickor kan tillsammans inte vara över 100 %.";
  if (Object.keys(errors).length) return data({ errors, values }, { status: 400 });
  saveKeyFigures(viewer.user.id, defaultCollaborationId()!, year, { ...numbers, staffingFte: values.staffingFte?.trim() || null, note: values.note?.trim() ?? "" });
  return redirect("/uppfoljning");
}

export default function FollowUp() {
  const { figures, canManage } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const series = (key: (typeof NUMBER_FIELDS)[number][0]) => figures.map((f) => ({ label: String(f.year), value: f[key] ?? null }));
  return (
    <>
      <h1>Uppföljning</h1>
      <p>Nyckeltal ur Mini-Marias verksamhetsberättelser. Bara sammanställda siffror; aldrig uppgifter om enskilda.</p>
      <div className="charts">
        <BarChart id="kontakter" title="Antal kontakter per år" bars={series("contacts")} unit="st" />
        <BarChart id="pojkar" title="Andel pojkar per år" bars={series("boysPercent")} unit="%" max={100} />
        <BarChart id="cannabis" title="Primär problematik cannabis" bars={series("cannabisPercent")} unit="%" max={100} />
        <BarChart id="ko" title="Längsta kötid" bars={series("longestQueueDays")} unit="dagar" />
      </div>
      {/* Wide table: the scroll region is focusable so keyboard users can scroll it. */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Nyckeltal per år, tabell">
        <table>
          <caption>Nyckeltal per år</caption>
          <thead>
            <tr>
              <th scope="col">År</th>
              {NUMBER_FIELDS.map(([key, label]) => (
                <th scope="col" className="num" key={key}>
                  {label}
                </th>
              ))}
              <th scope="col">Bemanning</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr key={f.year}>
                <th scope="row">{f.year}</th>
                {NUMBER_FIELDS.map(([key]) => (
                  <td className="num" key={key}>
                    {f[key] ?? "–"}
                  </td>
                ))}
                <td>{f.staffingFte ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canManage ? (
        <section aria-labelledby="nytt-ar" className="no-print">
          <h2 id="nytt-ar">Registrera nyckeltal för ett år</h2>
          <ErrorSummary errors={a?.errors} />
          <Form method="post" className="stack" noValidate>
            <Field name="year" label="År" inputMode="numeric" defaultValue={a?.values.year} error={a?.errors.year} required />
            {NUMBER_FIELDS.map(([key, label]) => (
              <Field key={key} name={key} label={label} inputMode="numeric" defaultValue={a?.values[key]} error={a?.errors[key]} />
            ))}
            <Field name="staffingFte" label="Bemanning" defaultValue={a?.values.staffingFte} />
            <Field name="note" label="Anteckning" defaultValue={a?.values.note} />
            <div className="actions">
              <button type="submit" className="button">
                Spara nyckeltal
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
