import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { collaborationFor, collaborationToRead } from "~/auth/collaboration.server";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireViewerWith } from "~/auth/session.server";
import { Pagination } from "~/components/pagination";
import { pageRequestFrom } from "~/domain/pagination";
import { FormErrorSummary, formProps, TextareaField, TextField, useSchemaForm } from "~/components/forms";
import { newMatterSchema } from "~/forms/matter";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { can } from "~/domain/policy";
import { personalNumbersIn, personalDataMessage } from "~/domain/personal-number";
import { createMatter, pageOfMatters, registryNumberTaken } from "~/models/matters.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { readForm } from "~/utils/request-body.server";
import { TableRegion } from "~/components/table-region";
import { exampleMarksOf } from "~/models/example-facts.server";
import { ExampleMark } from "~/components/example-mark";

export const meta: MetaFunction = () => [{ title: "Ärenden – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewerWith(request, "read:matters");
  const page = pageRequestFrom(new URL(request.url).searchParams);
  const matters = await pageOfMatters(collaborationToRead(request, viewer.actor, "read:matters").id, page);
  return {
    matters,
    marks: exampleMarksOf({ matter: matters.items.map((m) => m.id) }),
    canCreate: can(viewer.actor, "manage:decisions"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:decisions");
  const submission = parseForm(await readForm(request), newMatterSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const values = submission.value;
  const collaborationId = collaborationFor(request, viewer.actor).id;
  if (registryNumberTaken(collaborationId, values.registryNumber))
    return rejectForm(submission, {
      fieldErrors: {
        registryNumber: [`Diarienumret ${values.registryNumber} finns redan. Varje ärende har ett eget nummer.`],
      },
    });
  const hits = personalNumbersIn(`${values.title} ${values.description}`);
  if (hits.length) return rejectForm(submission, { fieldErrors: { description: [personalDataMessage(hits)] } });
  const matter = createMatter(viewer.user.id, collaborationId, values);
  return redirectWithStatus(`/arenden/${matter.id}`, "Ärendet är skapat.");
}

export default function Matters() {
  const { matters, canCreate, marks } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Ärenden</h1>
      <TableRegion label="Ärenden">
        <table>
          <thead>
            <tr>
              <th scope="col">Diarienummer</th>
              <th scope="col">Rubrik</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {matters.items.map((m) => (
              <tr key={m.id}>
                <td>
                  {m.registryNumber}
                  <ExampleMark marks={marks} entity="matter" id={m.id} field="registryNumber" />
                </td>
                <td>
                  <Link to={`/arenden/${m.id}`}>{m.title}</Link>
                </td>
                <td>{m.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <Pagination page={matters.page} label="Sidor i ärendelistan" noun={["ärende", "ärenden"]} />
      {canCreate ? (
        <section aria-labelledby="nytt-arende" className="no-print">
          <h2 id="nytt-arende">Nytt ärende</h2>
          <NewMatterForm />
        </section>
      ) : null}
    </>
  );
}

function NewMatterForm() {
  const [form, fields] = useSchemaForm(newMatterSchema, { lastResult: useActionData<typeof action>() });
  return (
    <>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <TextField field={fields.registryNumber} label="Diarienummer" />
        <TextField field={fields.title} label="Rubrik" />
        <TextareaField field={fields.description} label="Beskrivning" />
        <div className="actions">
          <button type="submit" className="button">
            Skapa ärende
          </button>
        </div>
      </Form>
    </>
  );
}
