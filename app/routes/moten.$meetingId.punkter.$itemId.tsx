import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AgendaItemForm, readItemForm, type ItemFormValues } from "~/components/item-form";
import { notFound } from "~/auth/session.server";
import { validateAgendaItem, type AgendaItemInput } from "~/domain/meetings";
import { checkUploads, parseUploadForm, withStagedFiles } from "~/models/files.server";
import { getAgendaItem, removeAgendaItem, updateAgendaItem } from "~/models/meeting-agenda.server";
import { minutesOf } from "~/models/meeting-minutes.server";
import { mattersForSelect } from "~/models/matter-options.server";
import { env } from "~/utils/env.server";
import { loadMeetingForManager } from "~/auth/meeting-access.server";
import { idParam } from "~/utils/params";
import { redirectWithStatus } from "~/utils/flash.server";

export const meta: MetaFunction = () => [{ title: "Ändra punkt – Samverkansportalen" }];

function asValues(item: NonNullable<ReturnType<typeof getAgendaItem>>): ItemFormValues {
  return {
    title: item.title,
    kind: item.kind,
    presenter: item.presenter,
    minutesEstimate: item.minutesEstimate ? String(item.minutesEstimate) : "",
    description: item.description,
    proposedDecision: item.proposedDecision,
    confidential: item.confidential,
    confidentialReason: item.confidentialReason,
    matterId: item.matterId ? String(item.matterId) : "",
  };
}

async function load(request: Request, params: { meetingId?: string; itemId?: string }) {
  const access = await loadMeetingForManager(request, params.meetingId);
  const item = getAgendaItem(idParam(params.itemId));
  if (!item || item.meetingId !== access.meeting.id) throw notFound("Punkten finns inte.");
  return { ...access, item };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, item } = await load(request, params);
  return {
    meeting,
    item,
    values: asValues(item),
    maxUploadMb: env().MAX_UPLOAD_MB,
    matters: mattersForSelect(meeting.bodyId),
  };
}

type Conflict = { values: ItemFormValues; version: number };

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, item, viewer } = await load(request, params);
  if (minutesOf(meeting.id)?.status === "justerat")
    return data(
      {
        errors: { title: "Protokollet är justerat; dagordningen kan inte ändras." } as Partial<Record<string, string>>,
        values: asValues(item),
        conflict: null as Conflict | null,
      },
      { status: 409 },
    );
  const form = await parseUploadForm(request);
  if (form.get("intent") === "remove") {
    if (item.standard)
      return data(
        { errors: { title: "Standardpunkterna kan inte tas bort." }, values: asValues(item), conflict: null },
        { status: 400 },
      );
    removeAgendaItem(viewer.user.id, item.id);
    return redirectWithStatus(`/moten/${meeting.id}`, "Punkten är borttagen från dagordningen.");
  }
  const input = readItemForm(form);
  const result = validateAgendaItem(input);
  if (!result.ok)
    return data(
      { errors: result.errors as Partial<Record<string, string>>, values: input as ItemFormValues, conflict: null },
      { status: 400 },
    );
  const uploads = await checkUploads(form);
  if (!uploads.ok)
    return data({ errors: { files: uploads.error }, values: input as ItemFormValues, conflict: null }, { status: 400 });
  const saved = withStagedFiles(uploads.files, (staged) =>
    updateAgendaItem(viewer.user.id, item.id, Number(form.get("version")), result.value, staged),
  );
  if (!saved.ok)
    return data(
      {
        errors: {},
        values: input as ItemFormValues,
        conflict: { values: asValues(saved.conflict), version: saved.conflict.version },
      },
      { status: 409 },
    );
  return redirectWithStatus(`/moten/${meeting.id}#punkt-${item.id}`, "Punkten är sparad.");
}

const LABELS: [keyof AgendaItemInput, string][] = [
  ["title", "Rubrik"],
  ["kind", "Typ"],
  ["presenter", "Föredragande"],
  ["description", "Beskrivning"],
  ["proposedDecision", "Förslag till beslut"],
];

export default function EditItem() {
  const { meeting, item, values, maxUploadMb, matters } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const conflict = actionData?.conflict ?? null;
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
      {conflict ? (
        <div className="notice notice--error" role="alert">
          <h2>Någon annan har ändrat punkten medan du arbetade</h2>
          <p>Dina ändringar är inte sparade. Jämför och spara igen om din text ska gälla.</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Uppgift</th>
                  <th scope="col">Sparat av någon annan</th>
                  <th scope="col">Din text</th>
                </tr>
              </thead>
              <tbody>
                {LABELS.map(([key, label]) => (
                  <tr key={key}>
                    <th scope="row">{label}</th>
                    <td className="pre">{String(conflict.values[key] ?? "")}</td>
                    <td className="pre">{String(actionData?.values?.[key] ?? "")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
      <AgendaItemForm
        values={actionData?.values ?? values}
        errors={actionData?.errors}
        submitLabel={conflict ? "Spara min text ändå" : "Spara"}
        version={conflict ? conflict.version : item.version}
        maxUploadMb={maxUploadMb}
        matters={matters}
      />
      {!item.standard ? (
        <Form method="post" className="no-print">
          <input type="hidden" name="intent" value="remove" />
          <button type="submit" className="button button--danger">
            Ta bort punkten
          </button>
        </Form>
      ) : null}
    </>
  );
}
