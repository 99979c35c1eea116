import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireViewerWith } from "~/auth/session.server";
import { controlProps, ErrorSummary, Field } from "~/components/forms";
import { can } from "~/domain/policy";
import { findPersonalNumbers, personalDataMessage } from "~/domain/personal-number";
import { defaultCollaborationId } from "~/models/agreements.server";
import { createMatter, listMatters, registryNumberTaken } from "~/models/matters.server";

export const meta: MetaFunction = () => [{ title: "Ärenden – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewerWith(request, "read:matters");
  return { matters: listMatters(defaultCollaborationId()!), canCreate: can(viewer.actor, "manage:decisions") };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:decisions");
  const form = await request.formData();
  const values = { registryNumber: String(form.get("registryNumber") ?? "").trim(), title: String(form.get("title") ?? "").trim(), description: String(form.get("description") ?? "") };
  const errors: Record<string, string> = {};
  const collaborationId = defaultCollaborationId()!;
  if (!values.registryNumber) errors.registryNumber = "Ange diarienummer.";
  else if (values.registryNumber.length > 60) errors.registryNumber = "Högst 60 tecken.";
  else if (registryNumberTaken(collaborationId, values.registryNumber)) errors.registryNumber = `Diarienumret ${values.registryNumber} finns redan. Varje ärende har ett eget nummer.`;
  if (!values.title) errors.title = "Ange ärendets rubrik.";
  const hits = findPersonalNumbers(`${values.title} ${values.description}`);
  if (hits.length) errors.description = personalDataMessage(hits);
  if (Object.keys(errors).length) return data({ errors, values }, { status: 400 });
  const matter = createMatter(viewer.user.id, collaborationId, values);
  return redirect(`/arenden/${matter.id}`);
}

export default function Matters() {
  const { matters, canCreate } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  return (
    <>
      <h1>Ärenden</h1>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Diarienummer</th>
              <th scope="col">Rubrik</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {matters.map((m) => (
              <tr key={m.id}>
                <td>{m.registryNumber}</td>
                <td>
                  <Link to={`/arenden/${m.id}`}>{m.title}</Link>
                </td>
                <td>{m.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canCreate ? (
        <section aria-labelledby="nytt-arende" className="no-print">
          <h2 id="nytt-arende">Nytt ärende</h2>
          <ErrorSummary errors={a?.errors} />
          <Form method="post" className="stack" noValidate>
            <Field name="registryNumber" label="Diarienummer" defaultValue={a?.values.registryNumber} error={a?.errors.registryNumber} required />
            <Field name="title" label="Rubrik" defaultValue={a?.values.title} error={a?.errors.title} required />
            <Field name="description" label="Beskrivning" error={a?.errors.description}>
              <textarea {...controlProps("description", a?.errors.description)} defaultValue={a?.values.description ?? ""} rows={4} />
            </Field>
            <div className="actions">
              <button type="submit" className="button">
                Skapa ärende
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
