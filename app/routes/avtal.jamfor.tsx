import { keepUnitsWhole } from "~/components/dates";
import { Breadcrumbs } from "~/components/breadcrumbs";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { controlProps, Field } from "~/components/forms";
import { termDifferences, textDifferences } from "~/domain/agreement-version";
import { versionsOf } from "~/models/agreements.server";
import { loadAgreementFor } from "~/auth/agreement-access.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Jämför avtalsversioner – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { agreement } = await loadAgreementFor(request);
  const versions = versionsOf(agreement.id);
  const url = new URL(request.url);
  const a = versions.find((v) => v.id === Number(url.searchParams.get("a"))) ?? versions[0];
  const b = versions.find((v) => v.id === Number(url.searchParams.get("b"))) ?? versions.at(-1)!;
  return {
    versions: versions.map((v) => ({ id: v.id, label: v.label })),
    a: { id: a.id, label: a.label },
    b: { id: b.id, label: b.label },
    terms: termDifferences(a, b),
    text: textDifferences(a.text, b.text),
  };
}

export default function Compare() {
  const { versions, a, b, terms, text } = useLoaderData<typeof loader>();
  const changedLines = text.filter((t) => t.kind !== "same").length;
  return (
    <>
      <Breadcrumbs trail={[["/avtal", "Avtal"]]} current="Jämför versioner" />
      <h1>Jämför avtalsversioner</h1>
      <Form method="get" className="actions no-print" aria-label="Välj versioner">
        <Field name="a" label="Från version">
          <select {...controlProps("a")} defaultValue={a.id}>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
        </Field>
        <Field name="b" label="Till version">
          <select {...controlProps("b")} defaultValue={b.id}>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button button--secondary">
          Jämför
        </button>
      </Form>
      <h2>Villkor som skiljer sig</h2>
      {terms.length === 0 ? (
        <p>
          Villkoren är desamma i ”{a.label}” och ”{b.label}”.
        </p>
      ) : (
        <TableRegion label="Jämförelse av villkor">
          <table>
            <thead>
              <tr>
                <th scope="col">Villkor</th>
                <th scope="col">{a.label}</th>
                <th scope="col">{b.label}</th>
              </tr>
            </thead>
            <tbody>
              {terms.map((t) => (
                <tr key={t.term}>
                  <th scope="row">{t.term}</th>
                  <td>{t.before}</td>
                  <td>{t.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <h2>Ändringar i texten</h2>
      {changedLines === 0 ? (
        <p>Texten är densamma.</p>
      ) : (
        <div className="diff" aria-label="Textändringar">
          {text.map((part, i) =>
            part.kind === "added" ? (
              <ins key={i}>
                <span className="visually-hidden">Tillagt: </span>
                {keepUnitsWhole(part.text)}
              </ins>
            ) : part.kind === "removed" ? (
              <del key={i}>
                <span className="visually-hidden">Borttaget: </span>
                {keepUnitsWhole(part.text)}
              </del>
            ) : (
              <span key={i}>{keepUnitsWhole(part.text)}</span>
            ),
          )}
        </div>
      )}
    </>
  );
}
