import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireViewerWith } from "~/auth/session.server";
import { FormErrorSummary, formProps, SelectField, TextField, useSchemaForm } from "~/components/forms";
import { personSchema } from "~/forms/people";
import { Pagination } from "~/components/pagination";
import { pageRequestFrom } from "~/domain/pagination";
import { getOrganisation, listOrganisations } from "~/models/organisations.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { addPerson, pageOfPeople, personNameTaken } from "~/models/people.server";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Personer – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewerWith(request, "manage:people");
  const url = new URL(request.url);
  return {
    people: await pageOfPeople(pageRequestFrom(url.searchParams)),
    organisations: listOrganisations(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:people");
  const submission = parseForm(await readForm(request), personSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value;
  if (personNameTaken(value.name))
    return rejectForm(submission, {
      fieldErrors: { name: ["Det finns redan en person med det namnet. Lägg till något som skiljer dem åt."] },
    });
  if (value.organisationId && !getOrganisation(value.organisationId))
    return rejectForm(submission, { fieldErrors: { organisationId: ["Välj en organisation i listan."] } });
  const person = addPerson(viewer.user.id, value);
  return redirectWithStatus("/personer", `${person.name} är tillagd.`);
}

export default function People() {
  const { people, organisations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(personSchema, { lastResult });
  return (
    <>
      <h1>Personer</h1>
      <p>Personer som sitter i organen. Lägg till personen här och ge henne sedan ett uppdrag på organets sida.</p>
      <h2>Lägg till person</h2>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <TextField field={fields.name} label="Namn" />
        <TextField field={fields.title} label="Titel" hint="Till exempel IFO-chef, Bergs kommun." />
        <TextField field={fields.email} label="E-post" type="email" />
        <SelectField
          field={fields.organisationId}
          label="Organisation"
          emptyOption="Ingen"
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <div className="actions">
          <button type="submit" className="button">
            Lägg till person
          </button>
        </div>
      </Form>
      <h2>Alla personer</h2>
      <TableRegion label="Alla personer">
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
                  {/* The visible words begin the link's name (WCAG 2.5.3); the person's name follows. */}
                  <Link to={`/personer/${p.id}/konto`}>
                    {p.hasAccount ? "Visa konto" : "Skapa konto"}
                    <span className="visually-hidden"> för {p.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <Pagination page={people.page} label="Sidor i personlistan" noun={["person", "personer"]} />
    </>
  );
}
