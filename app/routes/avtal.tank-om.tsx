import { Breadcrumbs } from "~/components/breadcrumbs";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { controlProps, Field } from "~/components/forms";
import { exitDateForNotice } from "~/domain/agreement-terms";
import { formatKronor, todayInStockholm } from "~/domain/format";
import { costTable, partiesOf, termsOf } from "~/models/agreements.server";
import { loadAgreementFor } from "~/utils/agreement-access.server";

export const meta: MetaFunction = () => [{ title: "Tänk om en part säger upp avtalet – Samverkansportalen" }];

/** What if party X gives written notice today: its exit date, and every remaining party's share from then on. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { collaborationId, version } = await loadAgreementFor(request);
  const today = todayInStockholm();
  const all = partiesOf(collaborationId).filter((p) => p.status === "medlem");
  const partyId = Number(new URL(request.url).searchParams.get("part")) || null;
  const party = all.find((p) => p.id === partyId) ?? null;
  const parties = all.map((p) => ({ id: p.id, name: p.name }));
  if (!party) return { today, parties, partyId, result: null };
  const exit = exitDateForNotice(termsOf(version), today);
  if (!exit.ok) return { today, parties, partyId, result: null };
  const firstYearWithout = Number(exit.exitDate.slice(0, 4)) + 1;
  const years = [firstYearWithout, firstYearWithout + 1, firstYearWithout + 2].map((year) => {
    const before = costTable(collaborationId, version, year);
    const after = costTable(collaborationId, version, year, { partyId: party.id, exitDate: exit.exitDate });
    return {
      year,
      total: after.total,
      rows: before.rows.map((r) => {
        const changed = after.rows.find((x) => x.organisationId === r.organisationId);
        return { name: r.name, before: r.amount, after: changed?.amount ?? null };
      }),
    };
  });
  return { today, parties, partyId, result: { name: party.name, exitDate: exit.exitDate, deadline: exit.noticeDeadline, years } };
}

export default function WhatIf() {
  const { today, parties, partyId, result } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs trail={[["/avtal", "Avtal"]]} current="Tänk om" />
      <h1>Tänk om en part säger upp avtalet idag</h1>
      <Form method="get" className="actions no-print" aria-label="Välj part">
        <Field name="part" label="Part">
          <select {...controlProps("part")} defaultValue={partyId ?? ""}>
            <option value="">Välj part …</option>
            {parties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button">
          Räkna
        </button>
      </Form>
      {result ? (
        <>
          <p className="notice">
            Om {result.name} lämnar in en skriftlig uppsägning idag ({today}) är sista dagen som part <strong>{result.exitDate}</strong>. Från{" "}
            {Number(result.exitDate.slice(0, 4)) + 1} delar de kvarvarande parterna på kostnaderna. Fördelningen av avvecklingskostnader förhandlas i särskild ordning.
          </p>
          {result.years.map((y) => (
            <div className="table-wrap" key={y.year}>
              <table>
                <caption>
                  {y.year}: total budget {formatKronor(y.total)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Part</th>
                    <th scope="col" className="num">
                      Som idag
                    </th>
                    <th scope="col" className="num">
                      Om {result.name} lämnar
                    </th>
                    <th scope="col" className="num">
                      Skillnad
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {y.rows.map((r) => (
                    <tr key={r.name}>
                      <th scope="row">{r.name}</th>
                      <td className="num">{formatKronor(r.before)}</td>
                      <td className="num">{r.after === null ? "lämnat" : formatKronor(r.after)}</td>
                      <td className="num">{r.after === null ? formatKronor(-r.before) : formatKronor(r.after - r.before)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </>
      ) : (
        <p>Välj en part för att se dess utträdesdatum och hur de andras andelar ändras.</p>
      )}
    </>
  );
}
