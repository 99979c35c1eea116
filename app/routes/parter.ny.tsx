import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { requireViewerWith } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { FormErrorSummary, formProps, useSchemaForm } from "~/components/forms";
import { OrganisationFields } from "~/components/organisation-fields";
import { organisationSchema } from "~/forms/collaboration";
import { createOrganisation, organisationClashes } from "~/models/organisations.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { pageTitle } from "~/utils/page-title";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Ny organisation") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewerWith(request, "manage:collaborations");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:collaborations");
  const submission = parseForm(await readForm(request), organisationSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value;
  const fieldErrors = organisationClashes(value);
  if (Object.keys(fieldErrors).length) return rejectForm(submission, { fieldErrors });
  const row = createOrganisation(viewer.user.id, value);
  return redirectWithStatus(`/parter/${row.id}`, `${row.name} är tillagd.`);
}

export default function NewOrganisation() {
  const [form, fields] = useSchemaForm(organisationSchema, {
    lastResult: useActionData<typeof action>(),
    defaultValue: { kind: "kommun" },
  });
  return (
    <>
      <Breadcrumbs trail={[["/parter", "Parter"]]} current="Ny organisation" />
      <h1>Ny organisation</h1>
      <p>En region, kommun eller annan organisation som kan bli part i en samverkan.</p>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <OrganisationFields fields={fields} />
        <div className="actions">
          <button type="submit" className="button">
            Spara organisationen
          </button>
        </div>
      </Form>
    </>
  );
}
