import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireViewerWith } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ConflictNotice, conflictOf, SaveButton } from "~/components/conflict-notice";
import { FormErrorSummary, formProps, SelectField, useSchemaForm } from "~/components/forms";
import { PartyFields } from "~/components/organisation-fields";
import { PARTY_ROLE_LABEL, type PartyRole } from "~/domain/collaboration";
import { todayInStockholm } from "~/domain/format";
import { editPartySchema } from "~/forms/collaboration";
import { getCollaboration } from "~/models/collaborations.server";
import { contactPersonOf, listParties, updateParty } from "~/models/organisations.server";
import { peopleOfOrganisation } from "~/models/people.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectConflictWith, rejectForm } from "~/utils/forms.server";
import { pageTitle } from "~/utils/page-title";
import { idParam } from "~/utils/params";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Ändra part") }];

function load(params: { collaborationId?: string; partyId?: string }) {
  const collaboration = getCollaboration(idParam(params.collaborationId));
  const partyId = idParam(params.partyId);
  const party = collaboration ? listParties(collaboration.id).find((p) => p.partyId === partyId) : undefined;
  if (!collaboration || !party) throw notFound("Parten finns inte.");
  return { collaboration, party };
}

/** Whom the contact person may be: a person of the party's own organisation (report:party-answer asks it too). */
function contactChoices(organisationId: number) {
  return peopleOfOrganisation(organisationId).map((p) => ({
    value: String(p.id),
    label: [p.name, p.title, p.hasAccount ? "" : "inget konto"].filter(Boolean).join(", "),
  }));
}

const CONTACT_NOT_OF_PARTY = "Kontaktpersonen ska höra till parten. Välj en person i listan.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireViewerWith(request, "manage:collaborations");
  const { collaboration, party } = load(params);
  return {
    collaboration: { id: collaboration.id, name: collaboration.name },
    party: { ...party, contactPersonId: contactPersonOf(party.partyId) },
    contacts: contactChoices(party.organisationId),
  };
}

type Theirs = {
  role: PartyRole;
  registrarEmail: string;
  memberSince: string | null;
  branchClinic: string;
  contactPersonId: number | null;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:collaborations");
  const { collaboration, party } = load(params);
  const submission = parseForm(await readForm(request), editPartySchema);
  if (submission.status !== "success") return rejectForm(submission);
  const { version, ...value } = submission.value;
  if (
    value.contactPersonId !== null &&
    !contactChoices(party.organisationId).some((c) => c.value === String(value.contactPersonId))
  )
    return rejectForm(submission, { fieldErrors: { contactPersonId: [CONTACT_NOT_OF_PARTY] } });
  const saved = updateParty(viewer.user.id, party.partyId, version, value, todayInStockholm());
  if ("refused" in saved) return rejectForm(submission, { fieldErrors: { memberSince: [saved.refused] } });
  if (!saved.ok)
    return rejectConflictWith(submission, saved.conflict, [
      "role",
      "registrarEmail",
      "memberSince",
      "branchClinic",
      "contactPersonId",
    ]);
  return redirectWithStatus(`/samverkan/${collaboration.id}`, `${party.name} är sparad.`);
}

export default function EditParty() {
  const { collaboration, party, contacts } = useLoaderData<typeof loader>();
  const contactName = (id: number | string | null | undefined) =>
    contacts.find((c) => c.value === String(id ?? ""))?.label ?? "Ingen";
  const lastResult = useActionData<typeof action>();
  const conflict = conflictOf<Theirs>(lastResult);
  const typed = (lastResult?.initialValue ?? {}) as Record<string, string | undefined>;
  const [form, fields] = useSchemaForm(editPartySchema, {
    lastResult,
    defaultValue: {
      role: party.role,
      registrarEmail: party.registrarEmail,
      memberSince: party.memberSince ?? "",
      branchClinic: party.branchClinic,
      contactPersonId: party.contactPersonId === null ? "" : String(party.contactPersonId),
      version: String(party.version),
    },
  });
  return (
    <>
      <Breadcrumbs
        trail={[
          ["/samverkan", "Samverkan"],
          [`/samverkan/${collaboration.id}`, collaboration.name],
        ]}
        current={party.name}
      />
      <h1>
        {party.name} i {collaboration.name}
      </h1>
      {conflict ? (
        <ConflictNotice
          what="parten"
          rows={[
            [
              "Roll",
              PARTY_ROLE_LABEL[conflict.theirs.role],
              typed.role ? PARTY_ROLE_LABEL[typed.role as PartyRole] : "",
            ],
            ["Registraturens e-post", conflict.theirs.registrarEmail, typed.registrarEmail ?? ""],
            ["Medlem från och med", conflict.theirs.memberSince ?? "", typed.memberSince ?? ""],
            ["Mottagning", conflict.theirs.branchClinic, typed.branchClinic ?? ""],
            ["Kontaktperson", contactName(conflict.theirs.contactPersonId), contactName(typed.contactPersonId)],
          ]}
        />
      ) : null}
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <input type="hidden" name={fields.version.name} value={conflict?.version ?? party.version} />
        <PartyFields fields={fields} />
        <SelectField
          field={fields.contactPersonId}
          label="Kontaktperson"
          hint="Partens företrädare i samverkan, oftast IFO-chefen: rapporterar vad parten beslutat om en rekommendation och påminns om svar. Utan kontaktperson rapporterar bara samordnaren partens svar."
          emptyOption="Ingen kontaktperson"
          options={contacts}
        />
        <SaveButton afterConflict={Boolean(conflict)} />
      </Form>
      <p className="muted">Partens status, uppsägning och utträde sköts på avtalets sidor.</p>
    </>
  );
}
