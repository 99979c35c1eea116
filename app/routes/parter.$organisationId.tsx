import { Breadcrumbs } from "~/components/breadcrumbs";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer, notFound, requirePermission } from "~/auth/session.server";
import { todayInStockholm } from "~/domain/format";
import { can } from "~/domain/policy";
import { getOrganisation, partiesOfOrganisation, representativesOf } from "~/models/organisations.server";
import { idParam } from "~/utils/params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.organisation.name ?? "Part"} – Samverkansportalen` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const actor = viewer?.actor ?? null;
  requirePermission(actor, "read:parties");
  const organisation = getOrganisation(idParam(params.organisationId));
  if (!organisation) throw notFound("Parten finns inte.");
  const today = todayInStockholm();
  const reps = representativesOf(organisation.id, today);
  // Member names follow the body's own visibility (public for bodies with public records).
  const visible = <T extends { bodyId: number; publicRecords: boolean }>(rows: T[]) =>
    rows.filter((r) => can(actor, "read:body-members", { bodyId: r.bodyId, publicRecords: r.publicRecords }));
  return {
    organisation,
    collaborations: partiesOfOrganisation(organisation.id),
    current: visible(reps.current),
    former: visible(reps.former),
    signedIn: viewer !== null,
  };
}

export default function PartyPage() {
  const { organisation, collaborations, current, former, signedIn } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs trail={[["/parter", "Parter"]]} current={`${organisation.name}`} />
      <h1>{organisation.name}</h1>
      <h2>Samverkan</h2>
      <ul>
        {collaborations.map((c) => (
          <li key={c.collaborationId}>
            {c.collaborationName}
            {c.memberSince ? `, medlem sedan ${c.memberSince}` : ""}
            {c.branchClinic ? `. Mottagning: ${c.branchClinic}` : ""}
          </li>
        ))}
      </ul>
      <h2>Företrädare i organen</h2>
      {current.length === 0 ? (
        <p>{signedIn ? "Inga nuvarande företrädare finns registrerade." : "Företrädare visas för inloggade användare."}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Organ</th>
                <th scope="col">Namn</th>
                <th scope="col">Roll</th>
                <th scope="col">Från</th>
              </tr>
            </thead>
            <tbody>
              {current.map((r) => (
                <tr key={r.membershipId}>
                  <td>
                    <Link to={`/organ/${r.bodyId}`}>{r.bodyName}</Link>
                  </td>
                  <td>
                    {r.personName}
                    {r.personTitle ? <div className="muted">{r.personTitle}</div> : null}
                  </td>
                  <td>{r.role}</td>
                  <td>{r.startDate}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {former.length ? (
        <>
          <h2>Tidigare företrädare</h2>
          <ul>
            {former.map((r) => (
              <li key={r.membershipId}>
                {r.personName}, {r.role} i {r.bodyName} ({r.startDate}–{r.endDate})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
