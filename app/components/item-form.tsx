import type { FieldMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { AGENDA_ITEM_KINDS } from "~/domain/meetings";
import { SearchChoiceField, type ChoiceList } from "./search-choice";
import {
  CheckboxField,
  FileField,
  FormErrorSummary,
  formProps,
  SelectField,
  TextareaField,
  TextField,
  type AnyForm,
} from "./forms";

// conform's metadata types are invariant in the schema; the new and edit forms share these fields.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fields = Record<string, FieldMetadata<any, any, string[]>>;

const MARKDOWN_HINT = "Markdown: **fet**, *kursiv*, listor med -, länkar [text](https://…).";

/** Agenda item form (multipart: documents can be attached under `files`). */
export function AgendaItemForm({
  form,
  fields,
  submitLabel,
  version,
  maxUploadMb,
  matters,
}: {
  form: AnyForm;
  fields: Fields;
  submitLabel: string;
  /** Set when editing: the version the form was read at, and the save intent. */
  version?: number;
  maxUploadMb: number;
  matters: ChoiceList;
}) {
  return (
    <>
      <FormErrorSummary form={form} />
      <Form method="post" encType="multipart/form-data" className="stack" {...formProps(form)}>
        {version !== undefined ? (
          <>
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="intent" value="save" />
          </>
        ) : null}
        <TextField field={fields.title} label="Rubrik" />
        <SelectField field={fields.kind} label="Typ" options={AGENDA_ITEM_KINDS.map((k) => ({ value: k, label: k }))} />
        <TextField field={fields.presenter} label="Föredragande" />
        <TextField field={fields.minutesEstimate} label="Beräknad tid (minuter)" inputMode="numeric" />
        <TextareaField field={fields.description} label="Beskrivning" hint={MARKDOWN_HINT} rows={8} />
        <TextareaField field={fields.proposedDecision} label="Förslag till beslut" rows={3} />
        {matters.total > 0 || matters.search !== "" ? (
          <SearchChoiceField
            field={fields.matterId}
            label="Ärende"
            emptyOption="Inget ärende"
            searchLabel="Sök ärende"
            searchHint="Diarienummer eller ord ur ärendets rubrik."
            choices={matters}
          />
        ) : null}
        <FileField
          form={form}
          name="files"
          multiple
          label="Handlingar"
          hint={`PDF, Word, Excel, PowerPoint, OpenDocument, bilder eller text. Högst ${maxUploadMb} MB per fil.`}
        />
        <fieldset className="field">
          <legend>Sekretess</legend>
          <CheckboxField
            field={fields.confidential}
            label="Punkten har sekretess (handlingarna visas bara för organets ledamöter)"
          />
          <TextField
            field={fields.confidentialReason}
            label="Skäl för sekretess"
            hint="Till exempel lagrum i offentlighets- och sekretesslagen."
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
