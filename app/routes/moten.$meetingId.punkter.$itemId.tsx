import { Breadcrumbs } from "~/components/breadcrumbs";
import { agendaChangeRefusal, immediatelyApprovedRefusal, itemRemovalRefusal } from "~/domain/meetings";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ConflictNotice, conflictOf } from "~/components/conflict-notice";
import { AgendaItemForm } from "~/components/item-form";
import { useSchemaForm } from "~/components/forms";
import { notFound } from "~/auth/session.server";
import { editItemSchema, saveItemSchema } from "~/forms/meeting";
import { checkUploads, parseUploadForm, withStagedFiles } from "~/models/files.server";
import {
  decisionOfAgendaItem,
  getAgendaItem,
  removeAgendaItem,
  updateAgendaItem,
} from "~/models/meeting-agenda.server";
import { minutesOf } from "~/models/meeting-minutes.server";
import { isMatterForBody, ITEM_MATTER_SEARCH, matterChoicesForBody } from "~/models/matter-options.server";
import { choiceSearchFrom, chosenId } from "~/domain/choices";
import { env } from "~/utils/env.server";
import { loadMeetingForManager } from "~/auth/meeting-access.server";
import { idParam } from "~/utils/params";
import { redirectWithStatus } from "~/utils/flash.server";
import { carriedForm, parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Ändra punkt – Samverkansportalen" }];

type Item = NonNullable<ReturnType<typeof getAgendaItem>>;

/** What the comparison after a conflict shows of an item. */
function shown(item: Item) {
  return {
    title: item.title,
    kind: item.kind,
    presenter: item.presenter,
    description: item.description,
    proposedDecision: item.proposedDecision,
  };
}
type Theirs = ReturnType<typeof shown>;

async function load(request: Request, params: { meetingId?: string; itemId?: string }) {
  const access = await loadMeetingForManager(request, params.meetingId);
  const item = getAgendaItem(idParam(params.itemId));
  if (!item || item.meetingId !== access.meeting.id) throw notFound("Punkten finns inte.");
  // Approved minutes lock the agenda; a § approved at the meeting locks its item; a numbered § stays.
  const decision = decisionOfAgendaItem(item.id);
  const locked = agendaChangeRefusal(minutesOf(access.meeting.id)) ?? immediatelyApprovedRefusal(decision);
  return { ...access, item, locked, removalRefused: itemRemovalRefusal(item, decision) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, item, locked, removalRefused } = await load(request, params);
  const url = new URL(request.url);
  return {
    meeting,
    item,
    locked,
    removable: removalRefused === null,
    maxUploadMb: env().MAX_UPLOAD_MB,
    matters: matterChoicesForBody(meeting.bodyId, {
      search: choiceSearchFrom(url.searchParams, ITEM_MATTER_SEARCH),
      chosen: chosenId(url.searchParams.get("matterId")) ?? item.matterId,
    }),
    carried: carriedForm(url),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, item, viewer, locked, removalRefused } = await load(request, params);
  const form = await parseUploadForm(request);
  const submission = parseForm(form, editItemSchema);
  if (locked) return rejectForm(submission, { formErrors: [locked] }, 409);
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value;
  if (value.intent === "remove") {
    if (removalRefused) return rejectForm(submission, { formErrors: [removalRefused] });
    removeAgendaItem(viewer.user.id, item.id);
    return redirectWithStatus(`/moten/${meeting.id}`, "Punkten är borttagen från dagordningen.");
  }
  const uploads = await checkUploads(form);
  if (!uploads.ok) return rejectForm(submission, { fieldErrors: { files: [uploads.error] } });
  if (value.matterId !== null && !isMatterForBody(meeting.bodyId, value.matterId))
    return rejectForm(submission, { fieldErrors: { matterId: ["Välj ärende i listan."] } });
  const { intent: _intent, version, ...fields } = value;
  const saved = withStagedFiles(uploads.files, (staged) =>
    updateAgendaItem(
      viewer.user.id,
      item.id,
      version,
      { ...fields, confidentialReason: fields.confidential ? fields.confidentialReason : "" },
      staged,
    ),
  );
  if (!saved.ok) return rejectConflict(submission, shown(saved.conflict), saved.conflict.version);
  return redirectWithStatus(`/moten/${meeting.id}#punkt-${item.id}`, "Punkten är sparad.");
}

const LABELS: [keyof Theirs, string][] = [
  ["title", "Rubrik"],
  ["kind", "Typ"],
  ["presenter", "Föredragande"],
  ["description", "Beskrivning"],
  ["proposedDecision", "Förslag till beslut"],
];

export default function EditItem() {
  const { meeting, item, locked, removable, maxUploadMb, matters, carried } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const conflict = conflictOf<Theirs>(lastResult);
  const typed = (lastResult?.initialValue ?? {}) as Record<string, unknown>;
  const [form, fields] = useSchemaForm(saveItemSchema, {
    lastResult: lastResult ?? carried,
    defaultValue: {
      title: item.title,
      kind: item.kind,
      presenter: item.presenter,
      minutesEstimate: item.minutesEstimate ? String(item.minutesEstimate) : "",
      description: item.description,
      proposedDecision: item.proposedDecision,
      confidential: item.confidential ? "on" : undefined,
      confidentialReason: item.confidentialReason,
      matterId: item.matterId ? String(item.matterId) : "",
    },
  });
  return (
    <>
      <Breadcrumbs
        trail={[
          ["/moten", "Möten"],
          [`/moten/${meeting.id}`, `${meeting.bodyShortName} ${meeting.date}`],
        ]}
        current="Ändra punkt"
      />
      <h1>Ändra punkten ”{item.title}”</h1>
      {locked ? <p className="notice notice--warn">{locked}</p> : null}
      {conflict ? (
        <ConflictNotice
          what="punkten"
          rows={LABELS.map(([key, label]) => [label, conflict.theirs[key], String(typed[key] ?? "")] as const)}
        />
      ) : null}
      {locked ? null : (
        <AgendaItemForm
          form={form}
          fields={fields}
          submitLabel={conflict ? "Spara min text ändå" : "Spara"}
          version={conflict ? conflict.version : item.version}
          maxUploadMb={maxUploadMb}
          matters={matters}
        />
      )}
      {removable && !locked ? (
        <Form method="post" encType="multipart/form-data" className="no-print">
          <input type="hidden" name="intent" value="remove" />
          <button type="submit" className="button button--danger">
            Ta bort punkten
          </button>
        </Form>
      ) : null}
    </>
  );
}
