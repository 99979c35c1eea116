import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireViewerWith } from "~/auth/session.server";
import { Field } from "~/components/forms";
import { MembershipForm, readMembershipForm } from "~/components/membership-form";
import { todayInStockholm } from "~/domain/format";
import { isIsoDate, validateMembership, type MembershipInput } from "~/domain/membership";
import { getBody } from "~/models/bodies.server";
import { getMembership, updateMembership } from "~/models/memberships.server";
import { getOrganisation, listOrganisations } from "~/models/organisations.server";
import { getPerson, listPeople } from "~/models/people.server";
import { idParam } from "~/utils/params";
import { redirectWithStatus } from "~/utils/flash.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Ändra uppdrag – Samverkansportalen" }];

function load(params: { bodyId?: string; membershipId?: string }) {
  const body = getBody(idParam(params.bodyId));
  const membership = getMembership(idParam(params.membershipId));
  if (!body || !membership || membership.bodyId !== body.id) throw notFound("Uppdraget finns inte.");
  return { body, membership };
}

function asInput(m: NonNullable<ReturnType<typeof getMembership>>): MembershipInput {
  return {
    personId: String(m.personId),
    organisationId: m.organisationId ? String(m.organisationId) : "",
    role: m.role,
    startDate: m.startDate,
    endDate: m.endDate ?? "",
    note: m.note,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { body, membership } = load(params);
  await requireViewerWith(request, "manage:memberships", { bodyId: body.id });
  return {
    body,
    membership,
    values: asInput(membership),
    person: getPerson(membership.personId),
    people: listPeople(),
    organisations: listOrganisations(),
    today: todayInStockholm(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { body, membership } = load(params);
  const viewer = await requireViewerWith(request, "manage:memberships", { bodyId: body.id });
  const form = await readForm(request);
  const version = Number(form.get("version"));
  const intent = form.get("intent");

  let input: MembershipInput;
  if (intent === "end") {
    const endDate = String(form.get("lastDay") ?? "").trim();
    const endError = !isIsoDate(endDate)
      ? "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-31."
      : endDate < membership.startDate
        ? `Slutdatum kan inte vara före startdatum (${membership.startDate}).`
        : null;
    if (endError)
      return data(
        { intent: "end", endError, endValue: endDate, errors: null, values: null, conflict: null },
        { status: 400 },
      );
    input = { ...asInput(membership), endDate };
  } else {
    input = readMembershipForm(form);
    // The person of an existing seat does not change; a new person gets a new membership.
    input.personId = String(membership.personId);
  }
  const result = validateMembership(input);
  if (!result.ok)
    return data(
      { intent: "save", errors: result.errors, values: input, conflict: null, endError: null, endValue: null },
      { status: 400 },
    );
  if (result.value.organisationId && !getOrganisation(result.value.organisationId))
    return data(
      {
        intent: "save",
        errors: { organisationId: "Organisationen finns inte." },
        values: input,
        conflict: null,
        endError: null,
        endValue: null,
      },
      { status: 400 },
    );
  const saved = updateMembership(viewer.user.id, membership.id, version, result.value);
  if (!saved.ok)
    return data(
      {
        intent: "save",
        errors: null,
        values: input,
        conflict: { ...asInput(saved.conflict), version: saved.conflict.version },
        endError: null,
        endValue: null,
      },
      { status: 409 },
    );
  return redirectWithStatus(`/organ/${body.id}`, "Ledamotskapet är sparat.");
}

export default function EditMembership() {
  const { body, membership, values, person, people, organisations, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const conflict = actionData?.conflict ?? null;
  const orgName = (id: string) => organisations.find((o) => String(o.id) === id)?.name ?? "ingen part";
  return (
    <>
      <Breadcrumbs
        trail={[
          ["/organ", "Organ"],
          [`/organ/${body.id}`, `${body.shortName}`],
        ]}
        current="Ändra uppdrag"
      />
      <h1>
        {person?.name} i {body.name}
      </h1>
      {conflict ? (
        <div className="notice notice--error" role="alert">
          <h2>Någon annan har ändrat uppdraget medan du arbetade</h2>
          <p>Dina ändringar är inte sparade. Jämför och spara igen om dina uppgifter ska gälla.</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Uppgift</th>
                  <th scope="col">Sparat av någon annan</th>
                  <th scope="col">Ditt förslag</th>
                </tr>
              </thead>
              <tbody>
                {(
                  [
                    ["Roll", conflict.role, actionData?.values?.role ?? ""],
                    ["Företräder", orgName(conflict.organisationId), orgName(actionData?.values?.organisationId ?? "")],
                    ["Från och med", conflict.startDate, actionData?.values?.startDate ?? ""],
                    ["Till och med", conflict.endDate || "tills vidare", actionData?.values?.endDate || "tills vidare"],
                    ["Anteckning", conflict.note, actionData?.values?.note ?? ""],
                  ] as const
                ).map(([label, theirs, mine]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td>{theirs}</td>
                    <td>{mine}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
      <MembershipForm
        values={actionData?.values ?? values}
        errors={actionData?.errors ?? undefined}
        people={people}
        organisations={organisations}
        submitLabel={conflict ? "Spara mina uppgifter ändå" : "Spara"}
        version={conflict ? conflict.version : membership.version}
        lockPerson
      />
      {membership.endDate === null ? (
        <section aria-labelledby="avsluta">
          <h2 id="avsluta">Avsluta uppdraget</h2>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="end" />
            <input type="hidden" name="version" value={membership.version} />
            <Field
              name="lastDay"
              label="Sista dag i uppdraget"
              hint="ÅÅÅÅ-MM-DD"
              defaultValue={actionData?.endValue ?? today}
              error={actionData?.endError ?? undefined}
              required
            />
            <div className="actions">
              <button type="submit" className="button button--danger">
                Avsluta uppdraget
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
