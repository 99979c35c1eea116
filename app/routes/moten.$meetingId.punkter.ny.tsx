import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AgendaItemForm, readItemForm } from "~/components/item-form";
import { validateAgendaItem } from "~/domain/meetings";
import { checkUploads, parseUploadForm, withStagedFiles } from "~/models/files.server";
import { addAgendaItem } from "~/models/meeting-agenda.server";
import { minutesOf } from "~/models/meeting-minutes.server";
import { mattersForSelect } from "~/models/matter-options.server";
import { env } from "~/utils/env.server";
import { loadMeetingForManager } from "~/auth/meeting-access.server";
import { redirectWithStatus } from "~/utils/flash.server";

export const meta: MetaFunction = () => [{ title: "Ny punkt – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await loadMeetingForManager(request, params.meetingId);
  return { meeting, maxUploadMb: env().MAX_UPLOAD_MB, matters: mattersForSelect(meeting.bodyId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, viewer } = await loadMeetingForManager(request, params.meetingId);
  if (minutesOf(meeting.id)?.status === "justerat")
    return data(
      { errors: { title: "Protokollet är justerat; dagordningen kan inte ändras." }, values: null },
      { status: 409 },
    );
  const form = await parseUploadForm(request);
  const input = readItemForm(form);
  const result = validateAgendaItem(input);
  if (!result.ok) return data({ errors: result.errors, values: input }, { status: 400 });
  const uploads = await checkUploads(form);
  if (!uploads.ok) return data({ errors: { files: uploads.error }, values: input }, { status: 400 });
  const item = withStagedFiles(uploads.files, (staged) =>
    addAgendaItem(viewer.user.id, meeting.id, result.value, staged),
  );
  return redirectWithStatus(`/moten/${meeting.id}#punkt-${item.id}`, "Punkten är tillagd på dagordningen.");
}

export default function NewItem() {
  const { meeting, maxUploadMb, matters } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
      <AgendaItemForm
        values={actionData?.values ?? {}}
        errors={actionData?.errors}
        submitLabel="Lägg till punkten"
        maxUploadMb={maxUploadMb}
        matters={matters}
      />
    </>
  );
}
