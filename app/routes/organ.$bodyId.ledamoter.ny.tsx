import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireViewerWith } from "~/auth/session.server";
import { MembershipForm, readMembershipForm } from "~/components/membership-form";
import { todayInStockholm } from "~/domain/format";
import { validateMembership } from "~/domain/membership";
import { getBody } from "~/models/bodies.server";
import { addMembership } from "~/models/memberships.server";
import { listOrganisations } from "~/models/organisations.server";
import { getPerson, listPeople } from "~/models/people.server";
import { idParam } from "~/utils/params";
import { redirectWithStatus } from "~/utils/flash.server";
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
  const input = readMembershipForm(await readForm(request));
  const result = validateMembership(input);
  if (!result.ok) return data({ errors: result.errors, values: input }, { status: 400 });
  if (!getPerson(result.value.personId))
    return data(
      { errors: { personId: "Personen finns inte. Välj en person i listan." }, values: input },
      { status: 400 },
    );
  addMembership(viewer.user.id, body.id, result.value);
  return redirectWithStatus(`/organ/${body.id}`, "Ledamoten är tillagd.");
}

export default function NewMembership() {
  const { body, people, organisations, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
        values={actionData?.values ?? { startDate: today, role: "ledamot" }}
        errors={actionData?.errors}
        people={people}
        organisations={organisations}
        submitLabel="Lägg till"
      />
    </>
  );
}
