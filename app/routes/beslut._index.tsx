import { DateText } from "~/components/dates";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { collaborationChoices, collaborationFor } from "~/auth/collaboration.server";
import { getViewer } from "~/auth/session.server";
import { BodyFilter, CollaborationFilter, controlProps, Field } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { withCollaboration } from "~/domain/collaboration";
import { formatCount, pageRequestFrom } from "~/domain/pagination";
import { can } from "~/domain/policy";
import { listBodies } from "~/models/bodies.server";
import { decisionFilterFromUrl, pageOfDecisions } from "~/models/decisions.server";
import { exampleMarksOf } from "~/models/example-facts.server";
import { ExampleMark } from "~/components/example-mark";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Beslutsregister – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const url = new URL(request.url);
  const collaboration = collaborationFor(request, viewer?.actor ?? null);
  const filter = { ...decisionFilterFromUrl(url), collaborationId: collaboration.id };
  const page = await pageOfDecisions(viewer?.actor ?? null, filter, pageRequestFrom(url.searchParams));
  return {
    search: url.search,
    marks: exampleMarksOf({
      decision: page.items.map((x) => x.id),
      meeting: page.items.map((x) => x.meetingId),
      matter: page.items.map((x) => x.matterId),
    }),
    collaboration: collaborationChoices(viewer?.actor ?? null, collaboration),
    filter: Object.fromEntries(Object.entries(Object.fromEntries(url.searchParams)).map(([k, v]) => [k, String(v)])),
    decisions: page,
    bodies: listBodies(collaboration.id).map((b) => ({ id: b.id, name: b.name })),
    canCreate: can(viewer?.actor ?? null, "manage:decisions"),
  };
}

export default function DecisionRegister() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Beslutsregister</h1>
      <p>
        Alla beslut i samverkans organ: från justerade protokoll och inlagda i efterhand. Beslut i protokoll som inte är
        justerade visas bara för organets ledamöter, märkta ”utkast”.
      </p>
      {d.canCreate ? (
        <p className="no-print">
          <Link to={withCollaboration("/beslut/ny", d.collaboration.current)} className="button">
            Lägg in beslut
          </Link>
        </p>
      ) : null}
      <Form method="get" className="stack no-print" aria-label="Filtrera beslut">
        <div className="actions">
          <CollaborationFilter {...d.collaboration} />
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
          <Field
            name="dnr"
            label="Diarienummer"
            hint="Hela numret eller början, t.ex. 2022/"
            defaultValue={d.filter.dnr}
          />
          <Field name="q" label="Fritext" defaultValue={d.filter.q} />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            Filtrera
          </button>
          <a href={`/beslut.csv${d.search}`}>Exportera som CSV</a>
        </div>
      </Form>
      <TableRegion label="Beslut">
        <table>
          <caption>{formatCount(d.decisions.page.total)} beslut</caption>
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
            {d.decisions.items.map((x) => (
              <tr key={x.id}>
                <td>
                  <DateText date={x.decidedOn} />
                  <ExampleMark marks={d.marks} entity="meeting" id={x.meetingId} field="date" />
                </td>
                <td>{x.bodyName}</td>
                <td>
                  {x.paragraph ?? "–"}
                  <ExampleMark marks={d.marks} entity="decision" id={x.id} field="paragraph" />
                </td>
                <td>
                  <Link to={`/beslut/${x.id}`}>{x.title}</Link>
                  {x.approval === "utkast" ? (
                    <>
                      {" "}
                      <span className="badge badge--warn">utkast</span>
                    </>
                  ) : null}
                </td>
                <td>{x.kind}</td>
                <td>
                  {x.registryNumber ?? "–"}
                  <ExampleMark marks={d.marks} entity="matter" id={x.matterId} field="registryNumber" />
                </td>
                <td>{x.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <Pagination page={d.decisions.page} label="Sidor i beslutsregistret" noun={["beslut", "beslut"]} />
    </>
  );
}
