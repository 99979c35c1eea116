import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireViewerWith } from "~/auth/session.server";
import { controlProps, ErrorSummary, Field } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { pageRequestFrom } from "~/domain/pagination";
import { validatePerson, type PersonInput } from "~/domain/person";
import { listOrganisations } from "~/models/organisations.server";
import { addPerson, getPerson, pageOfPeople, personNameTaken } from "~/models/people.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Personer – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewerWith(request, "manage:people");
  const url = new URL(request.url);
  const added = Number(url.searchParams.get("tillagd")) || null;
  return {
    people: pageOfPeople(pageRequestFrom(url.searchParams)),
    added: added ? (getPerson(added)?.name ?? null) : null,
    organisations: listOrganisations(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:people");
  const form = await readForm(request);
  const input: PersonInput = {
    name: String(form.get("name") ?? ""),
    title: String(form.get("title") ?? ""),
    email: String(form.get("email") ?? ""),
    organisationId: String(form.get("organisationId") ?? ""),
  };
  const result = validatePerson(input);
  if (!result.ok) return data({ errors: result.errors, values: input }, { status: 400 });
  if (personNameTaken(result.value.name))
    return data(
      {
        errors: { name: "Det finns redan en person med det namnet. Lägg till något som skiljer dem åt." },
        values: input,
      },
      { status: 400 },
    );
  const person = addPerson(viewer.user.id, result.value);
  return redirect(`/personer?tillagd=${person.id}`);
}

export default function People() {
  const { people, added, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as Partial<Record<keyof PersonInput, string>> | undefined;
  const values = actionData?.values;
  return (
    <>
      <h1>Personer</h1>
      <p>Personer som sitter i organen. Lägg till personen här och ge henne sedan ett uppdrag på organets sida.</p>
      {added && !actionData ? (
        <p className="notice notice--ok" role="status">
          {added} är tillagd.
        </p>
      ) : null}
      <h2>Lägg till person</h2>
      <ErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        <Field name="name" label="Namn" defaultValue={values?.name} error={errors?.name} required />
        <Field
          name="title"
          label="Titel"
          hint="Till exempel IFO-chef, Bergs kommun."
          defaultValue={values?.title}
          error={errors?.title}
        />
        <Field name="email" label="E-post" type="email" defaultValue={values?.email} error={errors?.email} />
        <Field name="organisationId" label="Organisation" error={errors?.organisationId}>
          <select
            {...controlProps("organisationId", errors?.organisationId)}
            defaultValue={values?.organisationId ?? ""}
          >
            <option value="">Ingen</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
        <div className="actions">
          <button type="submit" className="button">
            Lägg till person
          </button>
        </div>
      </Form>
      <h2>Alla personer</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Titel</th>
              <th scope="col">Organisation</th>
              <th scope="col">Konto</th>
            </tr>
          </thead>
          <tbody>
            {people.items.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{p.title || "–"}</td>
                <td>{p.organisation ?? "–"}</td>
                <td>
                  <Link to={`/personer/${p.id}/konto`} aria-label={`Konto för ${p.name}`}>
                    {p.hasAccount ? "Har konto" : "Skapa konto"}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={people.page} label="Sidor i personlistan" noun="personer" />
    </>
  );
}
