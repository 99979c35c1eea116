import { Breadcrumbs } from "~/components/breadcrumbs";
import { LinkedDocuments } from "~/components/linked-documents";
import { documentsLinkedTo } from "~/models/document-links.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireViewerWith } from "~/auth/session.server";
import { can } from "~/domain/policy";
import { getMatter, matterTimeline, setMatterStatus } from "~/models/matters.server";
import { idParam } from "~/utils/params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.matter.title ?? "Ärende"} – Samverkansportalen` }];

const KIND_LABEL = { dagordning: "Dagordning", beslut: "Beslut", rekommendation: "Rekommendation", svar: "Partens beslut" } as const;

/** A matter's timeline across bodies: agenda items, decisions, recommendations and every party's answer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewerWith(request, "read:matters");
  const matter = getMatter(idParam(params.matterId));
  if (!matter) throw notFound("Ärendet finns inte.");
  // Events from bodies the viewer cannot read (internal agenda items) are left out.
  const events = matterTimeline(matter.id).filter((e) => e.bodyId === null || can(viewer.actor, "read:meeting", { bodyId: e.bodyId, publicRecords: e.publicRecords, published: true }));
  return { matter, canManage: can(viewer.actor, "manage:decisions"), events, documents: documentsLinkedTo(viewer.actor, "matter", matter.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:decisions");
  const matter = getMatter(idParam(params.matterId));
  if (!matter) throw notFound("Ärendet finns inte.");
  const form = await request.formData();
  const status = form.get("status") === "avslutat" ? "avslutat" : "öppet";
  if (!setMatterStatus(viewer.user.id, matter.id, Number(form.get("version")), status))
    return data({ error: "Någon annan har ändrat ärendet under tiden. Läs in sidan igen." }, { status: 409 });
  return redirect(`/arenden/${matter.id}`);
}

export default function MatterPage() {
  const { matter, events, documents, canManage } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs trail={[["/arenden", "Ärenden"]]} current={`${matter.registryNumber}`} />
      <h1>{matter.title}</h1>
      <p className="muted">
        Diarienummer {matter.registryNumber} · {matter.status}
      </p>
      {matter.description ? <p className="pre">{matter.description}</p> : null}
      {a?.error ? (
        <p className="notice notice--error" role="alert">
          {a.error}
        </p>
      ) : null}
      {canManage ? (
        <Form method="post" className="no-print">
          <input type="hidden" name="version" value={matter.version} />
          <input type="hidden" name="status" value={matter.status === "öppet" ? "avslutat" : "öppet"} />
          <button type="submit" className="button button--secondary">
            {matter.status === "öppet" ? "Avsluta ärendet" : "Öppna ärendet igen"}
          </button>
        </Form>
      ) : null}
      <LinkedDocuments documents={documents} />
      <h2>Tidslinje</h2>
      {events.length === 0 ? (
        <p>Inget är kopplat till ärendet ännu.</p>
      ) : (
        <ol className="timeline matter-timeline">
          {events.map((e, i) => (
            <li key={`${e.date}-${i}`}>
              <strong>{e.date}</strong> <span className="badge badge--neutral">{KIND_LABEL[e.kind]}</span> {e.bodyName && e.kind !== "svar" ? `${e.bodyName}: ` : ""}
              {e.href ? <Link to={e.href}>{e.text}</Link> : e.text}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
