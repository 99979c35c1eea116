import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, requireViewer } from "~/auth/session.server";
import { FormErrorSummary, formProps, SelectField, useSchemaForm } from "~/components/forms";
import { MeetingTimeFields } from "~/components/meeting-fields";
import { can } from "~/domain/policy";
import { newMeetingSchema } from "~/forms/meeting";
import { getBody, listBodies } from "~/models/bodies.server";
import { createMeeting } from "~/models/meetings.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Nytt möte – Samverkansportalen" }];

async function creatableBodies(request: Request) {
  const viewer = await requireViewer(request);
  const bodies = listBodies().filter((b) => can(viewer.actor, "create:meeting", { bodyId: b.id }));
  if (bodies.length === 0) throw forbidden();
  return { viewer, bodies };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { bodies } = await creatableBodies(request);
  const url = new URL(request.url);
  return { bodies: bodies.map((b) => ({ id: b.id, name: b.name })), preselected: url.searchParams.get("organ") ?? "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, bodies } = await creatableBodies(request);
  const submission = parseForm(await readForm(request), newMeetingSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value;
  // The body must be one this person may create meetings for (checked again on the server).
  if (!bodies.some((b) => b.id === value.bodyId))
    return rejectForm(submission, { fieldErrors: { bodyId: ["Du kan inte skapa möten för det organet."] } }, 403);
  const body = getBody(value.bodyId)!;
  const meeting = createMeeting(viewer.user.id, value, body.publicRecords);
  return redirectWithStatus(`/moten/${meeting.id}`, "Mötet är skapat.");
}

export default function NewMeeting() {
  const { bodies, preselected } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(newMeetingSchema, {
    lastResult,
    defaultValue: { bodyId: preselected || String(bodies[0]?.id ?? ""), startTime: "09:00", endTime: "12:00" },
  });
  return (
    <>
      <Breadcrumbs trail={[["/moten", "Möten"]]} current="Nytt möte" />
      <h1>Nytt möte</h1>
      <p>
        Mötet får standardpunkterna (öppnande, val av justerare, godkännande av dagordningen, avslutande). Tider anges i
        svensk tid.
      </p>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <SelectField
          field={fields.bodyId}
          label="Organ"
          options={bodies.map((b) => ({ value: b.id, label: b.name }))}
        />
        <MeetingTimeFields fields={fields} />
        <div className="actions">
          <button type="submit" className="button">
            Skapa möte
          </button>
        </div>
      </Form>
    </>
  );
}
