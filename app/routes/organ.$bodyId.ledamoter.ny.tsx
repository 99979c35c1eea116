import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireViewerWith } from "~/auth/session.server";
import { useSchemaForm } from "~/components/forms";
import { MembershipForm } from "~/components/membership-form";
import { newMembershipSchema } from "~/forms/people";
import { todayInStockholm } from "~/domain/format";
import { seatOverlapProblem } from "~/domain/membership";
import { getBody } from "~/models/bodies.server";
import { addMembership, seatsOfPerson } from "~/models/memberships.server";
import { getOrganisation, listOrganisations } from "~/models/organisations.server";
import { getPerson, personChoices } from "~/models/people.server";
import { choiceSearchFrom, chosenId } from "~/domain/choices";
import { idParam } from "~/utils/params";
import { redirectWithStatus } from "~/utils/flash.server";
import { carriedForm, parseForm, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Lägg till ledamot – Samverkansportalen" }];

function loadBody(bodyId: string | undefined) {
  const body = getBody(idParam(bodyId));
  if (!body) throw notFound("Organet finns inte.");
  return body;
}

/** The search beside the person field (choose by searching). */
const PERSON_SEARCH = "sok-person";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const body = loadBody(params.bodyId);
  await requireViewerWith(request, "manage:memberships", { bodyId: body.id });
  const url = new URL(request.url);
  return {
    body,
    people: personChoices({
      param: PERSON_SEARCH,
      search: choiceSearchFrom(url.searchParams, PERSON_SEARCH),
      chosen: chosenId(url.searchParams.get("personId")),
    }),
    organisations: listOrganisations(),
    today: todayInStockholm(),
    carried: carriedForm(url),
  };
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
  const overlap = seatOverlapProblem(
    value,
    seatsOfPerson(value.personId).filter((s) => s.bodyId === body.id),
  );
  if (overlap) return rejectForm(submission, { fieldErrors: { startDate: [overlap] } });
  addMembership(viewer.user.id, body.id, value);
  return redirectWithStatus(`/organ/${body.id}`, "Ledamoten är tillagd.");
}

export default function NewMembership() {
  const { body, people, organisations, today, carried } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>() ?? carried;
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
