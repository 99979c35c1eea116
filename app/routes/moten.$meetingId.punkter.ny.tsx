import { Breadcrumbs } from "~/components/breadcrumbs";
import { agendaChangeRefusal } from "~/domain/meetings";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AgendaItemForm } from "~/components/item-form";
import { useSchemaForm } from "~/components/forms";
import { agendaItemSchema } from "~/forms/meeting";
import { checkUploads, parseUploadForm, withStagedFiles } from "~/models/files.server";
import { addAgendaItem } from "~/models/meeting-agenda.server";
import { minutesOf } from "~/models/meeting-minutes.server";
import { isMatterForBody, ITEM_MATTER_SEARCH, matterChoicesForBody } from "~/models/matter-options.server";
import { choiceSearchFrom, chosenId } from "~/domain/choices";
import { env } from "~/utils/env.server";
import { loadMeetingForManager } from "~/auth/meeting-access.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { carriedForm, parseForm, rejectForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Ny punkt – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await loadMeetingForManager(request, params.meetingId);
  const url = new URL(request.url);
  return {
    meeting,
    locked: agendaChangeRefusal(minutesOf(meeting.id)),
    maxUploadMb: env().MAX_UPLOAD_MB,
    matters: matterChoicesForBody(meeting.bodyId, {
      search: choiceSearchFrom(url.searchParams, ITEM_MATTER_SEARCH),
      chosen: chosenId(url.searchParams.get("matterId")),
    }),
    carried: carriedForm(url),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, viewer } = await loadMeetingForManager(request, params.meetingId);
  const form = await parseUploadForm(request);
  const submission = parseForm(form, agendaItemSchema);
  const locked = agendaChangeRefusal(minutesOf(meeting.id));
  if (locked) return rejectForm(submission, { formErrors: [locked] }, 409);
  if (submission.status !== "success") return rejectForm(submission);
  const uploads = await checkUploads(form);
  if (!uploads.ok) return rejectForm(submission, { fieldErrors: { files: [uploads.error] } });
  const value = submission.value;
  if (value.matterId !== null && !isMatterForBody(meeting.bodyId, value.matterId))
    return rejectForm(submission, { fieldErrors: { matterId: ["Välj ärende i listan."] } });
  const item = withStagedFiles(uploads.files, (staged) => addAgendaItem(viewer.user.id, meeting.id, value, staged));
  return redirectWithStatus(`/moten/${meeting.id}#punkt-${item.id}`, "Punkten är tillagd på dagordningen.");
}

export default function NewItem() {
  const { meeting, locked, maxUploadMb, matters, carried } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>() ?? carried;
  const [form, fields] = useSchemaForm(agendaItemSchema, { lastResult, defaultValue: { kind: "information" } });
  return (
    <>
      <Breadcrumbs
        trail={[
          ["/moten", "Möten"],
          [`/moten/${meeting.id}`, `${meeting.bodyShortName} ${meeting.date}`],
        ]}
        current="Ny punkt"
      />
      <h1>Ny punkt på dagordningen</h1>
      {locked ? (
        <p className="notice notice--warn">{locked}</p>
      ) : (
        <AgendaItemForm
          form={form}
          fields={fields}
          submitLabel="Lägg till punkten"
          maxUploadMb={maxUploadMb}
          matters={matters}
        />
      )}
    </>
  );
}
