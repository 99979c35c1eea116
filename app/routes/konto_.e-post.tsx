import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireViewerWith } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { FormErrorSummary, formProps, SelectField, useSchemaForm } from "~/components/forms";
import { MAIL_DELIVERIES, MAIL_DELIVERY_LABELS } from "~/domain/mail";
import { mailPreferencesSchema } from "~/forms/mail";
import { preferencesOf, setPreferences } from "~/models/notifications.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { pageTitle } from "~/utils/page-title";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: pageTitle("E-post", "Mitt konto") }];

/** The signed-in person's choices per kind of message (own account only). */
async function load(request: Request) {
  const viewer = await requireViewerWith(request, "change:own-password");
  return { viewer, personId: viewer.user.personId };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { personId } = await load(request);
  return { preferences: personId ? preferencesOf(personId) : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, personId } = await load(request);
  const submission = parseForm(await readForm(request), mailPreferencesSchema);
  if (submission.status !== "success") return rejectForm(submission);
  if (!personId)
    return rejectForm(submission, { formErrors: ["Ditt konto är inte kopplat till en person och får ingen e-post."] });
  setPreferences(viewer.user.id, personId, submission.value);
  return redirectWithStatus("/konto/e-post", "Dina val för e-post är sparade.");
}

export default function MailPreferences() {
  const { preferences } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(mailPreferencesSchema, {
    lastResult: useActionData<typeof action>(),
    defaultValue: Object.fromEntries((preferences ?? []).map((p) => [p.kind, p.delivery])),
  });
  const options = MAIL_DELIVERIES.map((d) => ({ value: d, label: MAIL_DELIVERY_LABELS[d] }));
  return (
    <>
      <Breadcrumbs trail={[["/konto", "Mitt konto"]]} current="E-post" />
      <h1>E-post från portalen</h1>
      {preferences ? (
        <>
          <p>
            Välj för varje sorts meddelande om du vill få det direkt, samlat i en daglig sammanfattning (skickas på
            morgonen) eller inte alls. Inbjudningar och återställning av lösenord skickas alltid.
          </p>
          <FormErrorSummary form={form} />
          <Form method="post" className="stack" {...formProps(form)}>
            {preferences.map((p) => (
              <SelectField key={p.kind} field={fields[p.kind]} label={p.label} options={options} />
            ))}
            <div className="actions">
              <button type="submit" className="button">
                Spara
              </button>
            </div>
          </Form>
        </>
      ) : (
        <p>Ditt konto är inte kopplat till en person i portalen och får därför ingen e-post.</p>
      )}
    </>
  );
}
