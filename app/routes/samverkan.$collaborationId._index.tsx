import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getViewer, notFound, requirePermission, requireViewerWith } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ConflictNotice, conflictOf, ExampleBadge, SaveButton } from "~/components/conflict-notice";
import {
  CheckboxField,
  FormErrorSummary,
  formProps,
  TextareaField,
  TextField,
  useSchemaForm,
} from "~/components/forms";
import { PartyTable } from "~/components/party-table";
import { withCollaboration } from "~/domain/collaboration";
import { todayInStockholm } from "~/domain/format";
import { partyStanding } from "~/domain/party-notice";
import { can } from "~/domain/policy";
import { editCollaborationSchema } from "~/forms/collaboration";
import { listBodies } from "~/models/bodies.server";
import {
  collaborationNameTaken,
  collaborationSlugTaken,
  getCollaboration,
  updateCollaboration,
} from "~/models/collaborations.server";
import { listParties } from "~/models/organisations.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { idParam } from "~/utils/params";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.collaboration.name ?? "Samverkan"} – Samverkansportalen` },
];

function load(id: string | undefined) {
  const collaboration = getCollaboration(idParam(id));
  if (!collaboration) throw notFound("Samverkan finns inte.");
  return collaboration;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  requirePermission(viewer?.actor ?? null, "read:parties");
  const collaboration = load(params.collaborationId);
  const today = todayInStockholm();
  return {
    collaboration,
    parties: listParties(collaboration.id).map((p) => ({ ...p, standing: partyStanding(p, today) })),
    bodies: listBodies(collaboration.id).map((b) => ({ id: b.id, name: b.name, kind: b.kind })),
    canManage: can(viewer?.actor ?? null, "manage:collaborations"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:collaborations");
  const collaboration = load(params.collaborationId);
  const submission = parseForm(await readForm(request), editCollaborationSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const { version, ...value } = submission.value;
  const fieldErrors: Record<string, string[]> = {};
  if (collaborationNameTaken(value.name, collaboration.id))
    fieldErrors.name = ["Det finns redan en samverkan med det namnet."];
  if (collaborationSlugTaken(value.slug, collaboration.id))
    fieldErrors.slug = [`Kortnamnet ${value.slug} används redan.`];
  if (Object.keys(fieldErrors).length) return rejectForm(submission, { fieldErrors });
  const saved = updateCollaboration(viewer.user.id, collaboration.id, version, value);
  if (!saved.ok) {
    const c = saved.conflict;
    return rejectConflict(submission, { name: c.name, slug: c.slug, description: c.description }, c.version);
  }
  return redirectWithStatus(`/samverkan/${collaboration.id}`, "Uppgifterna är sparade.");
}

export default function CollaborationPage() {
  const { collaboration: c, parties, bodies, canManage } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const conflict = conflictOf<{ name: string; slug: string; description: string }>(lastResult);
  const [form, fields] = useSchemaForm(editCollaborationSchema, {
    lastResult,
    defaultValue: {
      name: c.name,
      slug: c.slug,
      description: c.description,
      isExample: c.isExample ? "on" : undefined,
      version: String(c.version),
    },
  });
  const typed = (lastResult?.initialValue ?? {}) as Record<string, string | undefined>;
  return (
    <>
      <Breadcrumbs trail={[["/samverkan", "Samverkan"]]} current={c.name} />
      <h1>
        {c.name} {c.isExample ? <ExampleBadge /> : null}
      </h1>
      {c.description ? <p>{c.description}</p> : null}
      <p>
        <Link to={withCollaboration("/avtal", c.slug)}>Samarbetsavtalet</Link> ·{" "}
        <Link to={withCollaboration("/uppfoljning", c.slug)}>Uppföljning</Link> ·{" "}
        <Link to={withCollaboration("/moten", c.slug)}>Möten</Link>
      </p>

      <section aria-labelledby="parter">
        <h2 id="parter">Parter</h2>
        {parties.length === 0 ? <p>Inga parter är registrerade ännu.</p> : null}
        {parties.length ? (
          <PartyTable
            parties={parties}
            columns={
              canManage
                ? [
                    { header: "Registratur", cell: (p) => p.registrarEmail || "–" },
                    {
                      header: "Åtgärd",
                      className: "no-print",
                      cell: (p) => (
                        <Link to={`/samverkan/${c.id}/parter/${p.partyId}`} aria-label={`Ändra ${p.name} som part`}>
                          Ändra
                        </Link>
                      ),
                    },
                  ]
                : []
            }
          />
        ) : null}
        {canManage ? (
          <p className="no-print">
            <Link to={`/samverkan/${c.id}/parter/ny`} className="button">
              Lägg till part
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="organ">
        <h2 id="organ">Organ</h2>
        {bodies.length === 0 ? <p>Inga organ arbetar för denna samverkan ännu.</p> : null}
        <ul>
          {bodies.map((b) => (
            <li key={b.id}>
              <Link to={`/organ/${b.id}`}>{b.name}</Link> <span className="muted">({b.kind})</span>
            </li>
          ))}
        </ul>
        {canManage ? (
          <p className="no-print">
            <Link to={`/organ/nytt?samverkan=${c.slug}`}>Nytt organ</Link> · Ett befintligt organ (till exempel en
            politisk ledningsgrupp) kan också arbeta för denna samverkan: välj det under Organ och ändra det.
          </p>
        ) : null}
      </section>

      {canManage ? (
        <section aria-labelledby="andra" className="no-print">
          <h2 id="andra">Ändra uppgifterna</h2>
          {conflict ? (
            <ConflictNotice
              what="samverkan"
              rows={[
                ["Namn", conflict.theirs.name, typed.name ?? ""],
                ["Kortnamn", conflict.theirs.slug, typed.slug ?? ""],
                ["Beskrivning", conflict.theirs.description, typed.description ?? ""],
              ]}
            />
          ) : null}
          <FormErrorSummary form={form} />
          <Form method="post" className="stack" {...formProps(form)}>
            <input type="hidden" name={fields.version.name} value={conflict?.version ?? c.version} />
            <TextField field={fields.name} label="Namn" />
            <TextField
              field={fields.slug}
              label="Kortnamn i adressen"
              hint="Ändras det slutar gamla länkar att fungera."
            />
            <TextareaField field={fields.description} label="Beskrivning" />
            <CheckboxField field={fields.isExample} label="Exempel (demodata som inte finns i källorna)" />
            <SaveButton afterConflict={Boolean(conflict)} />
          </Form>
        </section>
      ) : null}
    </>
  );
}
