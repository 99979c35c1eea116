import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer, requirePermission } from "~/auth/session.server";
import { PartyStatusBadge } from "~/components/party-status";
import { listParties } from "~/models/organisations.server";

export const meta: MetaFunction = () => [{ title: "Parter – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  requirePermission(viewer?.actor ?? null, "read:parties");
  return { parties: listParties() };
}

export default function Parties() {
  const { parties } = useLoaderData<typeof loader>();
  const groups = new Map<string, typeof parties>();
  for (const p of parties) groups.set(p.collaborationName, [...(groups.get(p.collaborationName) ?? []), p]);
  return (
    <>
      <h1>Parter</h1>
      {[...groups].map(([collab, list]) => (
        <section key={collab} aria-label={collab}>
          <h2>{collab}</h2>
          <p>
            {list.length} parter: {list.filter((p) => p.kind === "region").length} region och {list.filter((p) => p.kind === "kommun").length}{" "}
            kommuner.
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Part</th>
                  <th scope="col">Typ</th>
                  <th scope="col">Status</th>
                  <th scope="col">Medlem sedan</th>
                  <th scope="col">Mottagning</th>
                </tr>
              </thead>
              <tbody>
                {list.map((p) => (
                  <tr key={p.partyId}>
                    <td>
                      <Link to={`/parter/${p.organisationId}`}>{p.name}</Link>
                    </td>
                    <td>{p.kind === "region" ? "Region" : p.kind === "kommun" ? "Kommun" : "Annan"}</td>
                    <td>
                      <PartyStatusBadge status={p.status} exitDate={p.exitDate} />
                    </td>
                    <td>{p.memberSince ?? "–"}</td>
                    <td>{p.branchClinic || "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
