import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer, requirePermission } from "~/auth/session.server";
import { listBodies } from "~/models/bodies.server";

export const meta: MetaFunction = () => [{ title: "Organ – Samverkansportalen" }];

const KIND_LABEL: Record<string, string> = {
  politisk: "Politisk ledningsgrupp",
  styrgrupp: "Styrgrupp",
  referensgrupp: "Referensgrupp",
  arbetsgrupp: "Arbetsgrupp",
  beredning: "Beredande forum",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  requirePermission(viewer?.actor ?? null, "read:bodies");
  const myBodyIds = viewer ? [...viewer.actor.bodyRoles.keys()] : [];
  return { bodies: listBodies(), myBodyIds };
}

export default function Bodies() {
  const { bodies, myBodyIds } = useLoaderData<typeof loader>();
  const groups = new Map<string, typeof bodies>();
  for (const b of bodies) groups.set(b.collaborationName, [...(groups.get(b.collaborationName) ?? []), b]);
  return (
    <>
      <h1>Organ</h1>
      {[...groups].map(([collab, list]) => (
        <section key={collab} aria-label={collab}>
          <h2>{collab}</h2>
          <ul className="cards">
            {list.map((b) => (
              <li key={b.id} className="card">
                <h3>
                  <Link to={`/organ/${b.id}`}>{b.name}</Link>
                </h3>
                <p className="muted">{KIND_LABEL[b.kind] ?? b.kind}</p>
                {b.description ? <p>{b.description}</p> : null}
                {myBodyIds.includes(b.id) ? <span className="badge badge--ok">Du är med</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
