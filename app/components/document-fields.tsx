import { DOCUMENT_KINDS, VISIBILITY_LABEL, type DocumentInput } from "~/domain/documents";
import { controlProps, Field } from "./forms";

/** The fields describing a document (title, kind, body, date, visibility). */
export function DocumentFields({
  values,
  errors,
  bodies,
}: {
  values: Partial<DocumentInput>;
  errors?: Partial<Record<string, string>>;
  bodies: { id: number; name: string }[];
}) {
  return (
    <>
      <Field name="title" label="Titel" defaultValue={values.title} error={errors?.title} required />
      <Field name="kind" label="Typ" error={errors?.kind} required>
        <select {...controlProps("kind", errors?.kind)} defaultValue={values.kind ?? "rutin"}>
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </Field>
      <Field name="bodyId" label="Ägs av organ" error={errors?.bodyId}>
        <select {...controlProps("bodyId", errors?.bodyId)} defaultValue={values.bodyId ?? ""}>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </Field>
      <Field name="date" label="Datum" hint="ÅÅÅÅ-MM-DD" defaultValue={values.date} error={errors?.date} required />
      <fieldset className="field" aria-describedby={errors?.visibility ? "f-visibility-error" : undefined}>
        <legend>Vem får se dokumentet?</legend>
        {Object.entries(VISIBILITY_LABEL).map(([value, label]) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="visibility"
              value={value}
              defaultChecked={(values.visibility ?? "members") === value}
            />{" "}
            {label}
          </label>
        ))}
        {errors?.visibility ? (
          <p className="field-error" id="f-visibility-error">
            {errors.visibility}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="field" aria-describedby={errors?.bodyIds ? "f-bodyIds-error" : undefined}>
        <legend>Organ som får se dokumentet (om ”Bara valda organ”)</legend>
        {bodies.map((b) => (
          <label key={b.id} className="choice">
            <input
              type="checkbox"
              name="bodyIds"
              value={b.id}
              defaultChecked={values.bodyIds?.includes(String(b.id))}
            />{" "}
            {b.name}
          </label>
        ))}
        {errors?.bodyIds ? (
          <p className="field-error" id="f-bodyIds-error">
            {errors.bodyIds}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}

export function readDocumentFields(form: FormData): DocumentInput {
  return {
    title: String(form.get("title") ?? ""),
    kind: String(form.get("kind") ?? ""),
    bodyId: String(form.get("bodyId") ?? ""),
    date: String(form.get("date") ?? ""),
    visibility: String(form.get("visibility") ?? ""),
    bodyIds: form.getAll("bodyIds").map(String),
  };
}
