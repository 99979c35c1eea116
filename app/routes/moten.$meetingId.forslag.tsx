import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission, requireViewer } from "~/auth/session.server";
import { controlProps, ErrorSummary, Field } from "~/components/forms";
import { todayInStockholm } from "~/domain/format";
import { AGENDA_ITEM_KINDS, canProposeOn, proposalDeadline, validateAgendaItem } from "~/domain/meetings";
import { checkUploads, parseUploadForm, withStagedFiles } from "~/models/files.server";
import { createProposal } from "~/models/meeting-proposals.server";
import { env } from "~/utils/env.server";
import { loadMeetingFor } from "~/auth/meeting-access.server";
import { redirectWithStatus } from "~/utils/flash.server";

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

type Values = { title: string; kind: string; description: string; proposedDecision: string };
type Errors = Partial<Record<keyof Values | "files" | "form", string>>;

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, viewer, deadline, open } = await load(request, params.meetingId);
  const form = await parseUploadForm(request);
  const values: Values = {
    title: String(form.get("title") ?? ""),
    kind: String(form.get("kind") ?? "information"),
    description: String(form.get("description") ?? ""),
    proposedDecision: String(form.get("proposedDecision") ?? ""),
  };
  if (!open)
    return data(
      {
        errors: {
          form: `Tiden för att föreslå punkter till det här mötet gick ut ${deadline}. Kontakta sekreteraren om ärendet är brådskande.`,
        } as Errors,
        values,
      },
      { status: 400 },
    );
  const result = validateAgendaItem({
    ...values,
    presenter: "",
    minutesEstimate: "",
    confidential: false,
    confidentialReason: "",
    matterId: "",
  });
  if (!result.ok) return data({ errors: result.errors as Errors, values }, { status: 400 });
  const uploads = await checkUploads(form);
  if (!uploads.ok) return data({ errors: { files: uploads.error } as Errors, values }, { status: 400 });
  withStagedFiles(uploads.files, (staged) =>
    createProposal(
      viewer!.user.id,
      meeting.id,
      {
        title: result.value.title,
        kind: result.value.kind,
        description: result.value.description,
        proposedDecision: result.value.proposedDecision,
      },
      staged,
    ),
  );
  return redirectWithStatus(
    `/moten/${meeting.id}?forslag=skickat#forslag`,
    "Ditt förslag är skickat till sekreteraren.",
  );
}

export default function Propose() {
  const { meeting, deadline, open, maxUploadMb } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values = actionData?.values;
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
        Föreslå en punkt till {meeting.bodyShortName} {meeting.date}
      </h1>
      <p>
        Förslag ska vara inne senast <strong>{deadline}</strong>. Sekreteraren tar med förslaget i dagordningen eller
        avslår det med ett skäl; du ser beslutet på mötets sida.
      </p>
      {errors?.form ? (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      ) : !open ? (
        <p className="notice notice--warn">Tiden för förslag har gått ut.</p>
      ) : null}
      <ErrorSummary errors={{ ...errors, form: undefined }} />
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <Field name="title" label="Rubrik" defaultValue={values?.title} error={errors?.title} required />
        <Field name="kind" label="Typ" error={errors?.kind}>
          <select {...controlProps("kind", errors?.kind)} defaultValue={values?.kind ?? "information"}>
            {AGENDA_ITEM_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="description"
          label="Beskrivning"
          hint="Vad ska mötet veta eller besluta, och varför?"
          error={errors?.description}
        >
          <textarea
            {...controlProps("description", errors?.description, "x")}
            defaultValue={values?.description ?? ""}
            rows={6}
          />
        </Field>
        <Field name="proposedDecision" label="Förslag till beslut" error={errors?.proposedDecision}>
          <textarea
            {...controlProps("proposedDecision", errors?.proposedDecision)}
            defaultValue={values?.proposedDecision ?? ""}
            rows={3}
          />
        </Field>
        <Field
          name="files"
          label="Handlingar"
          hint={`Högst ${maxUploadMb} MB per fil. Inga uppgifter om enskilda klienter.`}
          error={errors?.files}
        >
          <input type="file" multiple {...controlProps("files", errors?.files, "x")} />
        </Field>
        <div className="actions">
          <button type="submit" className="button">
            Skicka förslaget
          </button>
        </div>
      </Form>
    </>
  );
}
