import { DateText } from "~/components/dates";
import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission, requireViewer } from "~/auth/session.server";
import {
  FileField,
  FormErrorSummary,
  formProps,
  SelectField,
  TextareaField,
  TextField,
  useSchemaForm,
} from "~/components/forms";
import { todayInStockholm } from "~/domain/format";
import { AGENDA_ITEM_KINDS, canProposeOn, proposalDeadline } from "~/domain/meetings";
import { proposalSchema } from "~/forms/meeting";
import { checkUploads, parseUploadForm, withStagedFiles } from "~/models/files.server";
import { createProposal } from "~/models/meeting-proposals.server";
import { env } from "~/utils/env.server";
import { loadMeetingFor } from "~/auth/meeting-access.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Föreslå punkt – Samverkansportalen" }];

async function load(request: Request, meetingId: string | undefined) {
  await requireViewer(request);
  const access = await loadMeetingFor(request, meetingId);
  requirePermission(access.actor, "propose:item", access.resource);
  const deadline = proposalDeadline(access.meeting.date, access.meeting.proposalDeadlineDays);
  return {
    ...access,
    deadline,
    open: canProposeOn(todayInStockholm(), access.meeting.date, access.meeting.proposalDeadlineDays),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, deadline, open } = await load(request, params.meetingId);
  return { meeting, deadline, open, maxUploadMb: env().MAX_UPLOAD_MB };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, viewer, deadline, open } = await load(request, params.meetingId);
  const form = await parseUploadForm(request);
  const submission = parseForm(form, proposalSchema);
  if (!open)
    return rejectForm(submission, {
      formErrors: [
        `Tiden för att föreslå punkter till det här mötet gick ut ${deadline}. Kontakta sekreteraren om ärendet är brådskande.`,
      ],
    });
  if (submission.status !== "success") return rejectForm(submission);
  const uploads = await checkUploads(form);
  if (!uploads.ok) return rejectForm(submission, { fieldErrors: { files: [uploads.error] } });
  const value = submission.value;
  withStagedFiles(uploads.files, (staged) => createProposal(viewer!.user.id, meeting.id, value, staged));
  return redirectWithStatus(
    `/moten/${meeting.id}?forslag=skickat#forslag`,
    "Ditt förslag är skickat till sekreteraren.",
  );
}

export default function Propose() {
  const { meeting, deadline, open, maxUploadMb } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(proposalSchema, { lastResult, defaultValue: { kind: "information" } });
  return (
    <>
      <Breadcrumbs
        trail={[
          ["/moten", "Möten"],
          [`/moten/${meeting.id}`, `${meeting.bodyShortName} ${meeting.date}`],
        ]}
        current="Föreslå punkt"
      />
      <h1>
        Föreslå en punkt till {meeting.bodyShortName} <DateText date={meeting.date} />
      </h1>
      <p>
        Förslag ska vara inne senast{" "}
        <strong>
          <DateText date={deadline} />
        </strong>
        . Sekreteraren tar med förslaget i dagordningen eller avslår det med ett skäl; du ser beslutet på mötets sida.
      </p>
      {!open && !lastResult ? <p className="notice notice--warn">Tiden för förslag har gått ut.</p> : null}
      <FormErrorSummary form={form} />
      <Form method="post" encType="multipart/form-data" className="stack" {...formProps(form)}>
        <TextField field={fields.title} label="Rubrik" />
        <SelectField field={fields.kind} label="Typ" options={AGENDA_ITEM_KINDS.map((k) => ({ value: k, label: k }))} />
        <TextareaField
          field={fields.description}
          label="Beskrivning"
          hint="Vad ska mötet veta eller besluta, och varför?"
          rows={6}
        />
        <TextareaField field={fields.proposedDecision} label="Förslag till beslut" rows={3} />
        <FileField
          form={form}
          name="files"
          multiple
          label="Handlingar"
          hint={`Högst ${maxUploadMb} MB per fil. Inga uppgifter om enskilda klienter.`}
        />
        <div className="actions">
          <button type="submit" className="button">
            Skicka förslaget
          </button>
        </div>
      </Form>
    </>
  );
}
