import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireViewerWith } from "~/auth/session.server";
import { useSchemaForm } from "~/components/forms";
import { MembershipForm } from "~/components/membership-form";
import { newMembershipSchema } from "~/forms/people";
import { todayInStockholm } from "~/domain/format";
import { getBody } from "~/models/bodies.server";
import { addMembership } from "~/models/memberships.server";
import { getOrganisation, listOrganisations } from "~/models/organisations.server";
import { getPerson, listPeople } from "~/models/people.server";
import { idParam } from "~/utils/params";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Lägg till ledamot – Samverkansportalen" }];

function loadBody(bodyId: string | undefined) {
  const body = getBody(idParam(bodyId));
  if (!body) throw notFound("Organet finns inte.");
  return body;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const body = loadBody(params.bodyId);
  await requireViewerWith(request, "manage:memberships", { bodyId: body.id });
  return { body, people: listPeople(), organisations: listOrganisations(), today: todayInStockholm() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const body = loadBody(params.bodyId);
  const viewer = await requireViewerWith(request, "manage:memberships", { bodyId: body.id });
  const submission = parseForm(await readForm(request), newMembershipSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value;
  if (!getPerson(value.personId))
    return rejectForm(submission, { fieldErrors: { personId: ["Personen finns inte. Välj en person i listan."] } });
  if (value.organisationId && !getOrganisation(value.organisationId))
    return rejectForm(submission, { fieldErrors: { organisationId: ["Organisationen finns inte."] } });
  addMembership(viewer.user.id, body.id, value);
  return redirectWithStatus(`/organ/${body.id}`, "Ledamoten är tillagd.");
}

export default function NewMembership() {
  const { body, people, organisations, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(newMembershipSchema, {
    lastResult,
    defaultValue: { startDate: today, role: "ledamot" },
  });
  return (
    <>
      <Breadcrumbs
        trail={[
          ["/organ", "Organ"],
          [`/organ/${body.id}`, `${body.shortName}`],
        ]}
        current="Lägg till ledamot"
      />
      <h1>Lägg till ledamot i {body.name}</h1>
      <MembershipForm
        form={form}
        fields={fields}
        people={people}
        organisations={organisations}
        submitLabel="Lägg till"
      />
    </>
  );
}
