import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { collaborationFor } from "~/auth/collaboration.server";
import { requireViewerWith } from "~/auth/session.server";
import { BodyFields } from "~/components/body-fields";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { FormErrorSummary, formProps, useSchemaForm } from "~/components/forms";
import { bodySchema } from "~/forms/collaboration";
import { bodyKindsInUse, bodySlugTaken, createBody } from "~/models/bodies.server";
import { listCollaborations } from "~/models/collaborations.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { pageTitle } from "~/utils/page-title";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Nytt organ") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:collaborations");
  return {
    collaborations: listCollaborations().map((c) => ({ id: c.id, name: c.name })),
    current: collaborationFor(request, viewer.actor).id,
    kinds: bodyKindsInUse(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:collaborations");
  const submission = parseForm(await readForm(request), bodySchema);
  if (submission.status !== "success") return rejectForm(submission);
  const { collaborationIds, ...value } = submission.value;
  const known = new Set(listCollaborations().map((c) => c.id));
  if (!collaborationIds.every((id) => known.has(id)))
    return rejectForm(submission, { fieldErrors: { collaborationIds: ["Välj samverkan i listan."] } });
  if (bodySlugTaken(value.slug))
    return rejectForm(submission, { fieldErrors: { slug: [`Kortnamnet ${value.slug} används redan.`] } });
  const body = createBody(viewer.user.id, value, collaborationIds);
  return redirectWithStatus(`/organ/${body.id}`, `${body.name} är skapat.`);
}

export default function NewBody() {
  const { collaborations, current, kinds } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(bodySchema, {
    lastResult: useActionData<typeof action>(),
    defaultValue: { collaborationIds: [String(current)], proposalDeadlineDays: "14" },
  });
  return (
    <>
      <Breadcrumbs trail={[["/organ", "Organ"]]} current="Nytt organ" />
      <h1>Nytt organ</h1>
      <p>Nya organ får de vanliga stående punkterna på dagordningen; de kan ändras på organets sida.</p>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <BodyFields fields={fields} collaborations={collaborations} kinds={kinds} />
        <div className="actions">
          <button type="submit" className="button">
            Skapa organet
          </button>
        </div>
      </Form>
    </>
  );
}
