import { DateText, keepWhole } from "~/components/dates";
import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getViewer, notFound, requirePermission, requireViewerWith } from "~/auth/session.server";
import { ConflictNotice, conflictOf, SaveButton } from "~/components/conflict-notice";
import { FormErrorSummary, formProps, useSchemaForm } from "~/components/forms";
import { OrganisationFields } from "~/components/organisation-fields";
import {
  ORGANISATION_KIND_LABEL,
  PARTY_ROLE_LABEL,
  withCollaboration,
  type OrganisationKind,
} from "~/domain/collaboration";
import { todayInStockholm } from "~/domain/format";
import { partyStanding } from "~/domain/party-notice";
import { PartyStatusBadge } from "~/components/party-status";
import { pageRequestFrom } from "~/domain/pagination";
import { Pagination } from "~/components/pagination";
import { can } from "~/domain/policy";
import { editOrganisationSchema } from "~/forms/collaboration";
import {
  getOrganisation,
  organisationClashes,
  pageOfFormerRepresentatives,
  partiesOfOrganisation,
  representativesOf,
  updateOrganisation,
} from "~/models/organisations.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { idParam } from "~/utils/params";
import { readForm } from "~/utils/request-body.server";
import { TableRegion } from "~/components/table-region";
import { ExampleMark } from "~/components/example-mark";
import { exampleMarksOf } from "~/models/example-facts.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.organisation.name ?? "Part"} – Samverkansportalen` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const actor = viewer?.actor ?? null;
  requirePermission(actor, "read:parties");
  const organisation = getOrganisation(idParam(params.organisationId));
  if (!organisation) throw notFound("Parten finns inte.");
  const today = todayInStockholm();
  // Member names follow the body's own visibility (public for bodies with public records), in
  // the query. Today's representatives are whole (a seat or two per body); former ones paged.
  const current = representativesOf(actor, organisation.id, today);
  const former = await pageOfFormerRepresentatives(
    actor,
    organisation.id,
    today,
    pageRequestFrom(new URL(request.url).searchParams),
  );
  return {
    organisation,
    // The status as on the day; "medlem sedan" only once the membership has begun.
    collaborations: partiesOfOrganisation(organisation.id).map((p) => ({
      ...p,
      standing: partyStanding(p, today),
      memberSince: p.memberSince !== null && p.memberSince <= today ? p.memberSince : null,
    })),
    current,
    former,
    marks: exampleMarksOf({ membership: [...current, ...former.items].map((r) => r.membershipId) }),
    signedIn: viewer !== null,
    canManage: can(actor, "manage:collaborations"),
  };
}

type Theirs = { name: string; kind: OrganisationKind; municipalityCode: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:collaborations");
  const organisation = getOrganisation(idParam(params.organisationId));
  if (!organisation) throw notFound("Parten finns inte.");
  const submission = parseForm(await readForm(request), editOrganisationSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const { version, ...value } = submission.value;
  const fieldErrors = organisationClashes(value, organisation.id);
  if (Object.keys(fieldErrors).length) return rejectForm(submission, { fieldErrors });
  const saved = updateOrganisation(viewer.user.id, organisation.id, version, value);
  if (!saved.ok) {
    const o = saved.conflict;
    const theirs: Theirs = { name: o.name, kind: o.kind, municipalityCode: o.municipalityCode };
    return rejectConflict(submission, theirs, o.version);
  }
  return redirectWithStatus(`/parter/${organisation.id}`, "Organisationen är sparad.");
}

function EditOrganisation({
  organisation,
}: {
  organisation: { id: number; name: string; kind: OrganisationKind; municipalityCode: string | null; version: number };
}) {
  const lastResult = useActionData<typeof action>();
  const conflict = conflictOf<Theirs>(lastResult);
  const typed = (lastResult?.initialValue ?? {}) as Record<string, string | undefined>;
  const [form, fields] = useSchemaForm(editOrganisationSchema, {
    lastResult,
    defaultValue: {
      name: organisation.name,
      kind: organisation.kind,
      municipalityCode: organisation.municipalityCode ?? "",
      version: String(organisation.version),
    },
  });
  return (
    <section aria-labelledby="andra-organisation" className="no-print">
      <h2 id="andra-organisation">Ändra organisationen</h2>
      {conflict ? (
        <ConflictNotice
          what="organisationen"
          rows={[
            ["Namn", conflict.theirs.name, typed.name ?? ""],
            [
              "Typ",
              ORGANISATION_KIND_LABEL[conflict.theirs.kind],
              typed.kind ? (ORGANISATION_KIND_LABEL[typed.kind as OrganisationKind] ?? typed.kind) : "",
            ],
            ["Kommun- eller länskod", conflict.theirs.municipalityCode ?? "", typed.municipalityCode ?? ""],
          ]}
        />
      ) : null}
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <input type="hidden" name={fields.version.name} value={conflict?.version ?? organisation.version} />
        <OrganisationFields fields={fields} />
        <SaveButton afterConflict={Boolean(conflict)} />
      </Form>
    </section>
  );
}

export default function PartyPage() {
  const { organisation, collaborations, current, former, marks, signedIn, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs trail={[["/parter", "Parter"]]} current={`${organisation.name}`} />
      <h1>{organisation.name}</h1>
      <p className="muted">
        {ORGANISATION_KIND_LABEL[organisation.kind]}
        {organisation.municipalityCode ? `, kod ${organisation.municipalityCode}` : ""}
      </p>
      <h2>Samverkan</h2>
      {collaborations.length === 0 ? <p>Organisationen är inte part i någon samverkan.</p> : null}
      <ul>
        {collaborations.map((c) => (
          <li key={c.collaborationId}>
            <Link to={withCollaboration("/parter", c.collaborationSlug)}>{c.collaborationName}</Link>:{" "}
            {PARTY_ROLE_LABEL[c.role].toLowerCase()} <PartyStatusBadge standing={c.standing} />
            {keepWhole(c.memberSince ? `, medlem sedan ${c.memberSince}` : "")}
            {c.branchClinic ? `. Mottagning: ${c.branchClinic}` : ""}
          </li>
        ))}
      </ul>
      <h2>Företrädare i organen</h2>
      {current.length === 0 ? (
        <p>
          {signedIn ? "Inga nuvarande företrädare finns registrerade." : "Företrädare visas för inloggade användare."}
        </p>
      ) : (
        <TableRegion label="Uppdrag i organ">
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
                    <ExampleMark marks={marks} entity="membership" id={r.membershipId} field="term" />
                    {r.personTitle ? <div className="muted">{r.personTitle}</div> : null}
                  </td>
                  <td>{r.role}</td>
                  <td>{r.startDate}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {former.items.length ? (
        <>
          <h2>Tidigare företrädare</h2>
          <ul>
            {former.items.map((r) => (
              <li key={r.membershipId}>
                {r.personName}, {r.role} i {r.bodyName} (<DateText date={r.startDate} />–<DateText date={r.endDate} />)
                <ExampleMark marks={marks} entity="membership" id={r.membershipId} field="term" />
              </li>
            ))}
          </ul>
          <Pagination
            page={former.page}
            label="Sidor med tidigare företrädare"
            noun={["tidigare företrädare", "tidigare företrädare"]}
          />
        </>
      ) : null}
      {canManage ? <EditOrganisation organisation={organisation} /> : null}
    </>
  );
}
