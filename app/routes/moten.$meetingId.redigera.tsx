import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field } from "~/components/forms";
import { validateMeeting, type MeetingInput } from "~/domain/meetings";
import { updateMeeting } from "~/models/meetings.server";
import { loadMeetingForManager } from "~/auth/meeting-access.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Ändra möte – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await loadMeetingForManager(request, params.meetingId);
  return { meeting };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, viewer } = await loadMeetingForManager(request, params.meetingId);
  const form = await readForm(request);
  const input: MeetingInput = {
    bodyId: String(meeting.bodyId),
    date: String(form.get("date") ?? "").trim(),
    startTime: String(form.get("startTime") ?? "").trim(),
    endTime: String(form.get("endTime") ?? "").trim(),
    place: String(form.get("place") ?? ""),
    videoUrl: String(form.get("videoUrl") ?? ""),
  };
  const result = validateMeeting(input);
  if (!result.ok) return data({ errors: result.errors, values: input, conflict: null }, { status: 400 });
  const { bodyId: _body, ...value } = result.value;
  const saved = updateMeeting(viewer.user.id, meeting.id, Number(form.get("version")), value);
  if (!saved.ok) return data({ errors: {}, values: input, conflict: saved.conflict }, { status: 409 });
  return redirectWithStatus(`/moten/${meeting.id}`, "Mötet är sparat.");
}

export default function EditMeeting() {
  const { meeting } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as Partial<Record<keyof MeetingInput, string>> | undefined;
  const values = actionData?.values ?? meeting;
  const conflict = actionData?.conflict;
  return (
    <>
      <Breadcrumbs
        trail={[
          ["/moten", "Möten"],
          [`/moten/${meeting.id}`, `${meeting.bodyShortName} ${meeting.date}`],
        ]}
        current="Ändra tid och plats"
      />
      <h1>Ändra tid och plats</h1>
      {conflict ? (
        <div className="notice notice--error" role="alert">
          <h2>Någon annan har ändrat mötet medan du arbetade</h2>
          <p>
            Sparat av någon annan: {conflict.date} {conflict.startTime}–{conflict.endTime},{" "}
            {conflict.place || "ingen plats"}
            {conflict.videoUrl ? `, ${conflict.videoUrl}` : ""}. Dina uppgifter står kvar i formuläret; spara igen om de
            ska gälla.
          </p>
        </div>
      ) : null}
      <p>Ändringar skickas till prenumeranternas kalendrar vid nästa uppdatering.</p>
      <ErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="version" value={conflict ? conflict.version : meeting.version} />
        <Field name="date" label="Datum" hint="ÅÅÅÅ-MM-DD" defaultValue={values.date} error={errors?.date} required />
        <Field
          name="startTime"
          label="Starttid"
          hint="TT:MM"
          defaultValue={values.startTime}
          error={errors?.startTime}
          required
        />
        <Field
          name="endTime"
          label="Sluttid"
          hint="TT:MM"
          defaultValue={values.endTime}
          error={errors?.endTime}
          required
        />
        <Field name="place" label="Plats" defaultValue={values.place} error={errors?.place} />
        <Field
          name="videoUrl"
          label="Videolänk"
          hint="Börjar med https://"
          defaultValue={values.videoUrl}
          error={errors?.videoUrl}
        />
        <div className="actions">
          <button type="submit" className="button">
            Spara
          </button>
        </div>
      </Form>
    </>
  );
}
