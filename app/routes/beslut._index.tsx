import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/session.server";
import { BodyFilter, controlProps, Field } from "~/components/forms";
import { can } from "~/domain/policy";
import { defaultCollaborationId } from "~/models/agreements.server";
import { listBodies } from "~/models/bodies.server";
import { decisionFilterFromUrl, listDecisions } from "~/models/decisions.server";
import { listMatters } from "~/models/matters.server";

export const meta: MetaFunction = () => [{ title: "Beslutsregister – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const url = new URL(request.url);
  const filter = decisionFilterFromUrl(url);
  return {
    search: url.search,
    filter: Object.fromEntries(Object.entries(Object.fromEntries(url.searchParams)).map(([k, v]) => [k, String(v)])),
    decisions: listDecisions(viewer?.actor ?? null, filter),
    bodies: listBodies().map((b) => ({ id: b.id, name: b.name })),
    matters: viewer ? listMatters(defaultCollaborationId()!).map((m) => ({ id: m.id, label: `${m.registryNumber} ${m.title}` })) : [],
    canCreate: can(viewer?.actor ?? null, "manage:decisions"),
  };
}

export default function DecisionRegister() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Beslutsregister</h1>
      <p>Alla beslut i samverkans organ: från justerade protokoll och inlagda i efterhand.</p>
      {d.canCreate ? (
        <p className="no-print">
          <Link to="/beslut/ny" className="button">
            Lägg in beslut
          </Link>
        </p>
      ) : null}
      <Form method="get" className="stack no-print" aria-label="Filtrera beslut">
        <div className="actions">
          <BodyFilter bodies={d.bodies} value={d.filter.organ} allLabel="Alla" />
          <Field name="ar" label="År" inputMode="numeric" defaultValue={d.filter.ar} />
          <Field name="typ" label="Typ">
            <select {...controlProps("typ")} defaultValue={d.filter.typ ?? ""}>
              <option value="">Alla</option>
              <option value="beslut">beslut</option>
              <option value="uppdrag">uppdrag</option>
              <option value="rekommendation">rekommendation</option>
            </select>
          </Field>
          <Field name="status" label="Status">
            <select {...controlProps("status")} defaultValue={d.filter.status ?? ""}>
              <option value="">Alla</option>
              <option value="gäller">gäller</option>
              <option value="verkställt">verkställt</option>
              <option value="upphävt">upphävt</option>
            </select>
          </Field>
          {d.matters.length ? (
            <Field name="arende" label="Ärende">
              <select {...controlProps("arende")} defaultValue={d.filter.arende ?? ""}>
                <option value="">Alla</option>
                {d.matters.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          <Field name="q" label="Fritext" defaultValue={d.filter.q} />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            Filtrera
          </button>
          <a href={`/beslut.csv${d.search}`}>Exportera som CSV</a>
        </div>
      </Form>
      <div className="table-wrap">
        <table>
          <caption>{d.decisions.length} beslut</caption>
          <thead>
            <tr>
              <th scope="col">Datum</th>
              <th scope="col">Organ</th>
              <th scope="col">§</th>
              <th scope="col">Beslut</th>
              <th scope="col">Typ</th>
              <th scope="col">Ärende</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {d.decisions.map((x) => (
              <tr key={x.id}>
                <td>{x.decidedOn}</td>
                <td>{x.bodyName}</td>
                <td>{x.paragraph ?? "–"}</td>
                <td>
                  <Link to={`/beslut/${x.id}`}>{x.title}</Link>
                </td>
                <td>{x.kind}</td>
                <td>{x.registryNumber ?? "–"}</td>
                <td>{x.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
