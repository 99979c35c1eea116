import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { collaborationFor } from "~/auth/collaboration.server";
import { getViewer, requirePermission } from "~/auth/session.server";
import { withCollaboration } from "~/domain/collaboration";
import { can } from "~/domain/policy";
import { listBodies } from "~/models/bodies.server";

export const meta: MetaFunction = () => [{ title: "Organ – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  requirePermission(viewer?.actor ?? null, "read:bodies");
  const myBodyIds = viewer ? [...viewer.actor.bodyRoles.keys()] : [];
  const collaboration = collaborationFor(request, viewer?.actor ?? null);
  return {
    collaboration: { id: collaboration.id, slug: collaboration.slug, name: collaboration.name },
    bodies: listBodies(collaboration.id),
    myBodyIds,
    canManage: can(viewer?.actor ?? null, "manage:collaborations"),
  };
}

export default function Bodies() {
  const { collaboration, bodies, myBodyIds, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Organ</h1>
      {canManage ? (
        <p className="no-print">
          <Link to={withCollaboration("/organ/nytt", collaboration.slug)} className="button">
            Nytt organ
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="organ-i-samverkan">
        <h2 id="organ-i-samverkan">{collaboration.name}</h2>
        {bodies.length === 0 ? <p>Inga organ är registrerade för {collaboration.name}.</p> : null}
        <ul className="cards">
          {bodies.map((b) => (
            <li key={b.id} className="card">
              <h3>
                <Link to={`/organ/${b.id}`}>{b.name}</Link>
              </h3>
              <p className="muted">{b.kind}</p>
              {b.collaborations.length > 1 ? (
                <p className="muted">
                  Organ även för{" "}
                  {b.collaborations
                    .filter((c) => c.id !== collaboration.id)
                    .map((c) => c.name)
                    .join(", ")}
                </p>
              ) : null}
              {b.description ? <p>{b.description}</p> : null}
              {myBodyIds.includes(b.id) ? <span className="badge badge--ok">Du är med</span> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
