import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ConflictNotice, conflictOf, SaveButton } from "~/components/conflict-notice";
import { FormErrorSummary, formProps, useSchemaForm } from "~/components/forms";
import { MeetingTimeFields } from "~/components/meeting-fields";
import { editMeetingSchema } from "~/forms/meeting";
import { updateMeeting } from "~/models/meetings.server";
import { loadMeetingForManager } from "~/auth/meeting-access.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectConflictWith, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Ändra möte – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await loadMeetingForManager(request, params.meetingId);
  return { meeting };
}

type Theirs = { date: string; startTime: string; endTime: string; place: string; videoUrl: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, viewer } = await loadMeetingForManager(request, params.meetingId);
  const submission = parseForm(await readForm(request), editMeetingSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const { version, ...value } = submission.value;
  const saved = updateMeeting(viewer.user.id, meeting.id, version, value);
  if (!saved.ok && "refusal" in saved) return rejectForm(submission, { fieldErrors: { date: [saved.refusal] } });
  if (!saved.ok)
    return rejectConflictWith(
      submission,
      saved.conflict,
      LABELS.map(([key]) => key),
    );
  return redirectWithStatus(`/moten/${meeting.id}`, "Mötet är sparat.");
}

const LABELS: [keyof Theirs, string][] = [
  ["date", "Datum"],
  ["startTime", "Starttid"],
  ["endTime", "Sluttid"],
  ["place", "Plats"],
  ["videoUrl", "Videolänk"],
];

export default function EditMeeting() {
  const { meeting } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const conflict = conflictOf<Theirs>(lastResult);
  const typed = (lastResult?.initialValue ?? {}) as Record<string, unknown>;
  const [form, fields] = useSchemaForm(editMeetingSchema, {
    lastResult,
    defaultValue: {
      date: meeting.date,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
      place: meeting.place,
      videoUrl: meeting.videoUrl,
    },
  });
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
        <ConflictNotice
          what="mötet"
          rows={LABELS.map(([key, label]) => [label, conflict.theirs[key], String(typed[key] ?? "")] as const)}
        />
      ) : null}
      <p>
        Ändringar skickas till prenumeranternas kalendrar vid nästa uppdatering. Flyttas mötet får dess beslut det nya
        datumet. När protokollet är påbörjat kan mötet bara flyttas inom samma år, och när det är justerat inte alls.
      </p>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <input type="hidden" name={fields.version.name} value={conflict?.version ?? meeting.version} />
        <MeetingTimeFields fields={fields} />
        <SaveButton afterConflict={Boolean(conflict)} />
      </Form>
    </>
  );
}
