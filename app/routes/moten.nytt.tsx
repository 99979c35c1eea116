import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, requireViewer } from "~/auth/session.server";
import { controlProps, ErrorSummary, Field } from "~/components/forms";
import { validateMeeting, type MeetingInput } from "~/domain/meetings";
import { can } from "~/domain/policy";
import { getBody, listBodies } from "~/models/bodies.server";
import { createMeeting } from "~/models/meetings.server";
import { redirectWithStatus } from "~/utils/flash.server";
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
  const form = await readForm(request);
  const input: MeetingInput = {
    bodyId: String(form.get("bodyId") ?? ""),
    date: String(form.get("date") ?? "").trim(),
    startTime: String(form.get("startTime") ?? "").trim(),
    endTime: String(form.get("endTime") ?? "").trim(),
    place: String(form.get("place") ?? ""),
    videoUrl: String(form.get("videoUrl") ?? ""),
  };
  const result = validateMeeting(input);
  if (!result.ok) return data({ errors: result.errors, values: input }, { status: 400 });
  // The body must be one this person may create meetings for (checked again on the server).
  if (!bodies.some((b) => b.id === result.value.bodyId))
    return data({ errors: { bodyId: "Du kan inte skapa möten för det organet." }, values: input }, { status: 403 });
  const body = getBody(result.value.bodyId)!;
  const meeting = createMeeting(viewer.user.id, result.value, body.publicRecords);
  return redirectWithStatus(`/moten/${meeting.id}`, "Mötet är skapat.");
}

export default function NewMeeting() {
  const { bodies, preselected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as Partial<Record<keyof MeetingInput, string>> | undefined;
  const values = actionData?.values;
  return (
    <>
      <Breadcrumbs trail={[["/moten", "Möten"]]} current="Nytt möte" />
      <h1>Nytt möte</h1>
      <p>
        Mötet får standardpunkterna (öppnande, val av justerare, godkännande av dagordningen, avslutande). Tider anges i
        svensk tid.
      </p>
      <ErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        <Field name="bodyId" label="Organ" error={errors?.bodyId} required>
          <select {...controlProps("bodyId", errors?.bodyId)} defaultValue={values?.bodyId ?? preselected}>
            {bodies.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </Field>
        <Field name="date" label="Datum" hint="ÅÅÅÅ-MM-DD" defaultValue={values?.date} error={errors?.date} required />
        <Field
          name="startTime"
          label="Starttid"
          hint="TT:MM"
          defaultValue={values?.startTime ?? "09:00"}
          error={errors?.startTime}
          required
        />
        <Field
          name="endTime"
          label="Sluttid"
          hint="TT:MM"
          defaultValue={values?.endTime ?? "12:00"}
          error={errors?.endTime}
          required
        />
        <Field name="place" label="Plats" defaultValue={values?.place} error={errors?.place} />
        <Field
          name="videoUrl"
          label="Videolänk"
          hint="Börjar med https://"
          defaultValue={values?.videoUrl}
          error={errors?.videoUrl}
        />
        <div className="actions">
          <button type="submit" className="button">
            Skapa möte
          </button>
        </div>
      </Form>
    </>
  );
}
