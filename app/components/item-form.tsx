import { Form } from "@remix-run/react";
import { AGENDA_ITEM_KINDS, type AgendaItemInput } from "~/domain/meetings";
import { controlProps, ErrorSummary, Field } from "./forms";

export type ItemFormValues = Partial<Omit<AgendaItemInput, "confidential">> & { confidential?: boolean };

/** Agenda item form (multipart: documents can be attached). */
export function AgendaItemForm({
  values,
  errors,
  submitLabel,
  version,
  maxUploadMb,
  matters,
}: {
  values: ItemFormValues;
  errors?: Partial<Record<keyof AgendaItemInput | "files", string>>;
  submitLabel: string;
  version?: number;
  maxUploadMb: number;
  matters: { id: number; label: string }[];
}) {
  return (
    <>
      <ErrorSummary errors={errors} />
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
        <Field name="title" label="Rubrik" defaultValue={values.title} error={errors?.title} required />
        <Field name="kind" label="Typ" error={errors?.kind} required>
          <select {...controlProps("kind", errors?.kind)} defaultValue={values.kind ?? "information"}>
            {AGENDA_ITEM_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </Field>
        <Field name="presenter" label="Föredragande" defaultValue={values.presenter} error={errors?.presenter} />
        <Field
          name="minutesEstimate"
          label="Beräknad tid (minuter)"
          inputMode="numeric"
          defaultValue={values.minutesEstimate}
          error={errors?.minutesEstimate}
        />
        <Field
          name="description"
          label="Beskrivning"
          hint="Markdown: **fet**, *kursiv*, listor med -, länkar [text](https://…)."
          error={errors?.description}
        >
          <textarea
            {...controlProps(
              "description",
              errors?.description,
              "Markdown: **fet**, *kursiv*, listor med -, länkar [text](https://…).",
            )}
            defaultValue={values.description ?? ""}
            rows={8}
          />
        </Field>
        <Field name="proposedDecision" label="Förslag till beslut" error={errors?.proposedDecision}>
          <textarea
            {...controlProps("proposedDecision", errors?.proposedDecision)}
            defaultValue={values.proposedDecision ?? ""}
            rows={3}
          />
        </Field>
        {matters.length ? (
          <Field name="matterId" label="Ärende" error={errors?.matterId}>
            <select {...controlProps("matterId", errors?.matterId)} defaultValue={values.matterId ?? ""}>
              <option value="">Inget ärende</option>
              {matters.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field
          name="files"
          label="Handlingar"
          hint={`PDF, Word, Excel, PowerPoint, OpenDocument, bilder eller text. Högst ${maxUploadMb} MB per fil.`}
          error={errors?.files}
        >
          <input
            type="file"
            multiple
            {...controlProps("files", errors?.files, "x")}
            aria-describedby={`f-files-hint${errors?.files ? " f-files-error" : ""}`}
          />
        </Field>
        <fieldset className="field">
          <legend>Sekretess</legend>
          <label>
            <input type="checkbox" name="confidential" value="1" defaultChecked={values.confidential ?? false} />{" "}
            Punkten har sekretess (handlingarna visas bara för organets ledamöter)
          </label>
          <Field
            name="confidentialReason"
            label="Skäl för sekretess"
            hint="Till exempel lagrum i offentlighets- och sekretesslagen."
            defaultValue={values.confidentialReason}
            error={errors?.confidentialReason}
          />
        </fieldset>
        <div className="actions">
          <button type="submit" className="button">
            {submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}

export function readItemForm(form: FormData): AgendaItemInput {
  const get = (k: string) => String(form.get(k) ?? "");
  return {
    title: get("title"),
    kind: get("kind"),
    presenter: get("presenter"),
    minutesEstimate: get("minutesEstimate"),
    description: get("description"),
    proposedDecision: get("proposedDecision"),
    confidential: form.get("confidential") === "1",
    confidentialReason: get("confidentialReason"),
    matterId: get("matterId"),
  };
}
