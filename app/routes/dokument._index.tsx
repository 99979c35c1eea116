import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { collaborationChoices, collaborationFor } from "~/auth/collaboration.server";
import { getViewer } from "~/auth/session.server";
import { BodyFilter, CollaborationFilter, controlProps, Field } from "~/components/forms";
import { withCollaboration } from "~/domain/collaboration";
import { Pagination } from "~/components/pagination";
import { DOCUMENT_KINDS, VISIBILITY_LABEL } from "~/domain/documents";
import { pageRequestFrom } from "~/domain/pagination";
import { can } from "~/domain/policy";
import { listBodies } from "~/models/bodies.server";
import { pageOfDocuments } from "~/models/documents.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Dokument – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const url = new URL(request.url);
  const kind = url.searchParams.get("typ") || undefined;
  const bodyId = Number(url.searchParams.get("organ")) || undefined;
  const year = Number(url.searchParams.get("ar")) || undefined;
  const collaboration = collaborationFor(request, viewer?.actor ?? null);
  return {
    collaboration: collaborationChoices(viewer?.actor ?? null, collaboration),
    filter: { typ: kind ?? "", organ: bodyId ? String(bodyId) : "", ar: year ? String(year) : "" },
    documents: await pageOfDocuments(
      viewer?.actor ?? null,
      { collaborationId: collaboration.id, kind, bodyId, year },
      pageRequestFrom(url.searchParams),
    ),
    bodies: listBodies(collaboration.id).map((b) => ({ id: b.id, name: b.name })),
    canCreate: can(viewer?.actor ?? null, "create:document"),
    signedIn: viewer !== null,
  };
}

export default function Documents() {
  const { collaboration, filter, documents, bodies, canCreate, signedIn } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Dokument</h1>
      <p>
        Avtal, protokoll, verksamhetsberättelser, rutiner och rapporter.{" "}
        <Link to={withCollaboration("/sok", collaboration.current)}>Sök i allt</Link>.
        {!signedIn ? " Du ser offentliga dokument; logga in för att se fler." : ""}
      </p>
      {canCreate ? (
        <p className="no-print">
          <Link to={withCollaboration("/dokument/nytt", collaboration.current)} className="button">
            Nytt dokument
          </Link>
        </p>
      ) : null}
      <Form method="get" className="actions no-print" aria-label="Filtrera dokument">
        <CollaborationFilter {...collaboration} />
        <Field name="typ" label="Typ">
          <select {...controlProps("typ")} defaultValue={filter.typ}>
            <option value="">Alla typer</option>
            {DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </Field>
        <BodyFilter bodies={bodies} value={filter.organ} />
        <Field name="ar" label="År" inputMode="numeric" defaultValue={filter.ar} />
        <button type="submit" className="button button--secondary">
          Visa
        </button>
      </Form>
      {documents.items.length === 0 ? (
        <p>Inga dokument.</p>
      ) : (
        <TableRegion label="Dokument">
          <table>
            <thead>
              <tr>
                <th scope="col">Titel</th>
                <th scope="col">Typ</th>
                <th scope="col">Organ</th>
                <th scope="col">Datum</th>
                <th scope="col">Synlighet</th>
              </tr>
            </thead>
            <tbody>
              {documents.items.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={`/dokument/${d.id}`}>{d.title}</Link>
                  </td>
                  <td>{d.kind}</td>
                  <td>{d.bodyName ?? "–"}</td>
                  <td>{d.date}</td>
                  <td>{VISIBILITY_LABEL[d.visibility]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pagination page={documents.page} label="Sidor i dokumentlistan" noun={["dokument", "dokument"]} />
    </>
  );
}
