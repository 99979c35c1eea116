import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireViewerWith } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { FormErrorSummary, formProps, SelectField, useSchemaForm } from "~/components/forms";
import { PartyFields } from "~/components/organisation-fields";
import { todayInStockholm } from "~/domain/format";
import { addPartySchema } from "~/forms/collaboration";
import { getCollaboration } from "~/models/collaborations.server";
import { addParty, getOrganisation, listOrganisations, partyOf } from "~/models/organisations.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { pageTitle } from "~/utils/page-title";
import { idParam } from "~/utils/params";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Lägg till part") }];

function load(id: string | undefined) {
  const collaboration = getCollaboration(idParam(id));
  if (!collaboration) throw notFound("Samverkan finns inte.");
  return collaboration;
}

/** Organisations that are not yet a party of the collaboration. */
function candidates(collaborationId: number) {
  return listOrganisations().filter((o) => !partyOf(collaborationId, o.id));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireViewerWith(request, "manage:collaborations");
  const collaboration = load(params.collaborationId);
  return {
    collaboration: { id: collaboration.id, name: collaboration.name },
    organisations: candidates(collaboration.id).map((o) => ({ id: o.id, name: o.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:collaborations");
  const collaboration = load(params.collaborationId);
  const submission = parseForm(await readForm(request), addPartySchema);
  if (submission.status !== "success") return rejectForm(submission);
  const { organisationId, ...value } = submission.value;
  if (!getOrganisation(organisationId))
    return rejectForm(submission, { fieldErrors: { organisationId: ["Välj en organisation i listan."] } });
  if (partyOf(collaboration.id, organisationId))
    return rejectForm(submission, { fieldErrors: { organisationId: ["Organisationen är redan part."] } });
  // A new party is a member from its first day; without a date it is invited until it decides.
  const added = addParty(
    viewer.user.id,
    collaboration.id,
    organisationId,
    { ...value, status: value.memberSince ? "medlem" : "inbjuden" },
    todayInStockholm(),
  );
  if (!added.ok) return rejectForm(submission, { fieldErrors: { memberSince: [added.refused] } });
  return redirectWithStatus(`/samverkan/${collaboration.id}`, "Parten är tillagd.");
}

export default function NewParty() {
  const { collaboration, organisations } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(addPartySchema, {
    lastResult: useActionData<typeof action>(),
    defaultValue: { role: "part" },
  });
  return (
    <>
      <Breadcrumbs
        trail={[
          ["/samverkan", "Samverkan"],
          [`/samverkan/${collaboration.id}`, collaboration.name],
        ]}
        current="Lägg till part"
      />
      <h1>Lägg till part i {collaboration.name}</h1>
      <p>
        Finns organisationen inte i listan? <Link to="/parter/ny">Lägg till organisationen</Link> först.
      </p>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <SelectField
          field={fields.organisationId}
          label="Organisation"
          emptyOption="Välj organisation …"
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <PartyFields fields={fields} memberSinceHint="ÅÅÅÅ-MM-DD. Tomt: inbjuden." />
        <div className="actions">
          <button type="submit" className="button">
            Lägg till part
          </button>
        </div>
      </Form>
    </>
  );
}
