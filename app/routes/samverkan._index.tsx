import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getViewer, requirePermission, requireViewerWith } from "~/auth/session.server";
import { ExampleBadge } from "~/components/conflict-notice";
import {
  CheckboxField,
  FormErrorSummary,
  formProps,
  TextareaField,
  TextField,
  useSchemaForm,
} from "~/components/forms";
import { withCollaboration } from "~/domain/collaboration";
import { can } from "~/domain/policy";
import { collaborationSchema } from "~/forms/collaboration";
import {
  collaborationNameTaken,
  collaborationSlugTaken,
  createCollaboration,
  listCollaborations,
} from "~/models/collaborations.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { pageTitle } from "~/utils/page-title";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Samverkan") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  requirePermission(viewer?.actor ?? null, "read:parties");
  return {
    collaborations: listCollaborations().map((c) => ({
      id: c.id,
      slug: c.slug,
      name: c.name,
      description: c.description,
      isExample: c.isExample,
    })),
    canManage: can(viewer?.actor ?? null, "manage:collaborations"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:collaborations");
  const submission = parseForm(await readForm(request), collaborationSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value;
  const fieldErrors: Record<string, string[]> = {};
  if (collaborationNameTaken(value.name)) fieldErrors.name = ["Det finns redan en samverkan med det namnet."];
  if (collaborationSlugTaken(value.slug)) fieldErrors.slug = [`Kortnamnet ${value.slug} används redan.`];
  if (Object.keys(fieldErrors).length) return rejectForm(submission, { fieldErrors });
  const row = createCollaboration(viewer.user.id, value);
  return redirectWithStatus(`/samverkan/${row.id}`, `${row.name} är skapad.`);
}

export default function Collaborations() {
  const { collaborations, canManage } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(collaborationSchema, { lastResult: useActionData<typeof action>() });
  return (
    <>
      <h1>Samverkan</h1>
      <p>Varje samverkan har sina parter, sitt avtal och sina organ. Ett organ kan arbeta för flera.</p>
      <ul className="cards">
        {collaborations.map((c) => (
          <li className="card" key={c.id}>
            <h2>
              <Link to={`/samverkan/${c.id}`}>{c.name}</Link> {c.isExample ? <ExampleBadge /> : null}
            </h2>
            {c.description ? <p>{c.description}</p> : null}
            <p>
              <Link to={withCollaboration("/parter", c.slug)}>Parter</Link> ·{" "}
              <Link to={withCollaboration("/organ", c.slug)}>Organ</Link> ·{" "}
              <Link to={withCollaboration("/avtal", c.slug)}>Avtal</Link>
            </p>
          </li>
        ))}
      </ul>
      {canManage ? (
        <section aria-labelledby="ny-samverkan" className="no-print">
          <h2 id="ny-samverkan">Ny samverkan</h2>
          <FormErrorSummary form={form} />
          <Form method="post" className="stack" {...formProps(form)}>
            <TextField field={fields.name} label="Namn" />
            <TextField
              field={fields.slug}
              label="Kortnamn i adressen"
              hint="Små bokstäver, siffror och bindestreck, till exempel spelberoende-jh. Syns i länkar: ?samverkan=…"
            />
            <TextareaField field={fields.description} label="Beskrivning" />
            <CheckboxField field={fields.isExample} label="Exempel (demodata som inte finns i källorna)" />
            <div className="actions">
              <button type="submit" className="button">
                Skapa samverkan
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
