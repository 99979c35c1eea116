import type { FieldMetadata } from "@conform-to/react";
import { DOCUMENT_KINDS, DOCUMENT_VISIBILITIES, VISIBILITY_LABEL } from "~/domain/documents";
import { CheckboxGroupField, SelectField, TextField } from "./forms";

// conform's metadata types are invariant in the schema; the new and edit forms share these fields.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fields = Record<string, FieldMetadata<any, any, string[]>>;

/** The fields describing a document (title, kind, owning body, date, visibility), app/forms/document.ts. */
export function DocumentFields({
  fields,
  owning,
  all,
}: {
  fields: Fields;
  /** Bodies the author may own documents for. */
  owning: { id: number; name: string }[];
  /** Bodies that may be given access. */
  all: { id: number; name: string }[];
}) {
  return (
    <>
      <TextField field={fields.title} label="Titel" />
      <SelectField field={fields.kind} label="Typ" options={DOCUMENT_KINDS.map((k) => ({ value: k, label: k }))} />
      <SelectField
        field={fields.bodyId}
        label="Ägs av organ"
        options={owning.map((b) => ({ value: b.id, label: b.name }))}
      />
      <TextField field={fields.date} label="Datum" hint="ÅÅÅÅ-MM-DD" />
      <CheckboxGroupField
        field={fields.visibility}
        type="radio"
        label="Vem får se dokumentet?"
        options={DOCUMENT_VISIBILITIES.map((v) => ({ value: v, label: VISIBILITY_LABEL[v] }))}
      />
      <CheckboxGroupField
        field={fields.bodyIds}
        label="Organ som får se dokumentet (om ”Bara valda organ”)"
        options={all.map((b) => ({ value: b.id, label: b.name }))}
      />
    </>
  );
}
