import { isBeforeMembership } from "~/domain/party-notice";
import { DateText, keepWhole } from "~/components/dates";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { loadAgreementFor } from "~/auth/agreement-access.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { controlProps, Field } from "~/components/forms";
import { staffText } from "~/domain/agreement-principals";
import { partyStatusOn } from "~/domain/agreement-terms";
import type { StaffingLine } from "~/domain/agreement-version";
import { parseIsoDate } from "~/domain/calendar-dates";
import { withCollaboration } from "~/domain/collaboration";
import { formatKronor, todayInStockholm } from "~/domain/format";
import { exitScenario, shareChanges } from "~/domain/party-exit";
import { yearAccountsAssuming } from "~/models/agreement-money.server";
import { partiesOf, principalsOf, termsOf } from "~/models/agreements.server";
import { idFromQuery, textFromQuery } from "~/utils/query";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Tänk om en part säger upp avtalet – Samverkansportalen" }];

/**
 * What if party X gives written notice on a chosen date: its exit date, and either the end of
 * the collaboration (a principal) or every remaining party's share from the first year after.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { collaboration, version } = await loadAgreementFor(request);
  const today = todayInStockholm();
  const rawDate = textFromQuery(request, "datum");
  const noticeOn = rawDate || today;
  const dateError = parseIsoDate(noticeOn) ? null : "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-03-15.";
  // Only a member has an agreement to give notice of (noticeError): not one that has left, nor
  // one only invited, which pays nothing and so changes no one's share by leaving.
  const candidates = partiesOf(collaboration.id).filter(
    (p) => partyStatusOn(p, today) !== "utträtt" && !isBeforeMembership(p.status),
  );
  const partyId = idFromQuery(request, "part");
  const party = candidates.find((p) => p.id === partyId) ?? null;
  const base = {
    today,
    slug: collaboration.slug,
    noticeOn: rawDate || today,
    dateError,
    parties: candidates.map((p) => ({ id: p.id, name: p.name })),
    partyId,
  };
  if (!party || dateError) return { ...base, result: null };
  const principal = principalsOf(version.id).find((p) => p.organisationId === party.organisationId) ?? null;
  const staffing = JSON.parse(version.staffing) as StaffingLine[];
  const scenario = exitScenario(
    termsOf(version),
    { name: party.name, isPrincipal: principal !== null, staff: principal ? staffText(staffing, principal.side) : "" },
    noticeOn,
  );
  if (!scenario.ok) return { ...base, dateError: scenario.error, result: null };
  const from = scenario.firstAffectedYear;
  // Three years from the first the exit changes: every share without the exit and with it.
  const split = (exit?: { partyId: number; exitDate: string }) =>
    yearAccountsAssuming(collaboration.id, version, from, from + 2, exit);
  const years = scenario.endsCollaboration
    ? []
    : shareChanges(split(), split({ partyId: party.id, exitDate: scenario.exitDate }));
  return { ...base, result: { name: party.name, principal: principal !== null, scenario, years } };
}

export default function WhatIf() {
  const d = useLoaderData<typeof loader>();
  const r = d.result;
  const to = (href: string) => withCollaboration(href, d.slug);
  return (
    <>
      <Breadcrumbs trail={[[to("/avtal"), "Avtal"]]} current="Tänk om" />
      <h1>Tänk om en part säger upp avtalet</h1>
      <Form method="get" className="actions no-print" aria-label="Välj part och datum">
        <input type="hidden" name="samverkan" value={d.slug} />
        <Field name="part" label="Part">
          <select {...controlProps("part")} defaultValue={d.partyId ?? ""}>
            <option value="">Välj part …</option>
            {d.parties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="datum"
          label="Uppsägningen kommer in"
          hint="ÅÅÅÅ-MM-DD; idag om tomt."
          defaultValue={d.noticeOn}
          error={d.dateError ?? undefined}
        />
        <button type="submit" className="button">
          Räkna
        </button>
      </Form>
      {r ? (
        <>
          <p className="notice">
            Om {r.name} lämnar in en skriftlig uppsägning{" "}
            {keepWhole(r.scenario.noticeOn === d.today ? `idag (${d.today})` : `den ${r.scenario.noticeOn}`)} är sista
            dagen som part{" "}
            <strong>
              <DateText date={r.scenario.exitDate} />
            </strong>{" "}
            (sista dag för uppsägning till den dagen: <DateText date={r.scenario.noticeDeadline} />
            ).
          </p>
          {r.scenario.deadlineWarning ? (
            <p className="notice notice--warn" role="note">
              {r.scenario.deadlineWarning}
            </p>
          ) : null}
          {r.scenario.endsCollaboration ? (
            <section aria-labelledby="samverkan-upphor" className="card">
              <h2 id="samverkan-upphor">
                Samverkan upphör den <DateText date={r.scenario.exitDate} />
              </h2>
              <ul>
                {r.scenario.consequences.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </section>
          ) : (
            <>
              <ul>
                {r.scenario.consequences.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
              <h2>Antaganden</h2>
              <ul>
                {r.scenario.assumptions.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
              {r.years.map((y) => (
                <TableRegion label={`Tänk om: ${y.year}`} key={y.year}>
                  <table>
                    <caption>
                      {y.year}: total budget {formatKronor(y.total)}. {y.explained}
                      {y.flags.length ? ` Obs: ${y.flags.join("; ")}.` : ""}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Part</th>
                        <th scope="col" className="num">
                          Som idag
                        </th>
                        <th scope="col" className="num">
                          Om {r.name} lämnar
                        </th>
                        <th scope="col" className="num">
                          Skillnad
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {y.rows.map((row) => (
                        <tr key={row.name}>
                          <th scope="row">{row.name}</th>
                          <td className="num">{formatKronor(row.before)}</td>
                          <td className="num">{row.after === null ? "lämnat" : formatKronor(row.after)}</td>
                          <td className="num">{formatKronor(row.change)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableRegion>
              ))}
            </>
          )}
        </>
      ) : (
        <p>Välj en part och ett datum för att se utträdesdatum och vad det betyder för de andra parterna.</p>
      )}
    </>
  );
}
