import type { FieldMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { MEMBERSHIP_ROLES } from "~/domain/membership";
import { FormErrorSummary, formProps, SelectField, TextareaField, TextField, type AnyForm } from "./forms";
import { SearchChoiceField, type ChoiceList } from "./search-choice";

// conform's metadata types are invariant in the schema; the new and edit forms share these fields.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fields = Record<string, FieldMetadata<any, any, string[]>>;

interface Option {
  id: number;
  name: string;
  organisation?: string | null;
}

/**
 * A person's seat in a body (app/forms/people.ts). The edit form keeps the person: a new
 * person gets a new membership, so `personId` is then a hidden field.
 */
export function MembershipForm({
  form,
  fields,
  people,
  organisations,
  submitLabel,
  version,
  lockedPersonId,
}: {
  form: AnyForm;
  fields: Fields;
  /** Whom to choose from (a new seat); none when the person is kept (`lockedPersonId`). */
  people?: ChoiceList;
  organisations: Option[];
  submitLabel: string;
  version?: number;
  lockedPersonId?: number;
}) {
  return (
    <>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
        {lockedPersonId !== undefined ? (
          <>
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="personId" value={lockedPersonId} />
          </>
        ) : (
          <SearchChoiceField
            field={fields.personId}
            label="Person"
            emptyOption="Välj person …"
            searchLabel="Sök person"
            searchHint="Namn eller organisation."
            choices={people ?? { param: "sok-person", search: "", options: [], shown: 0, total: 0 }}
          />
        )}
        <SelectField field={fields.role} label="Roll" options={MEMBERSHIP_ROLES.map((r) => ({ value: r, label: r }))} />
        <SelectField
          field={fields.organisationId}
          label="Företräder"
          hint="Den part personen företräder i organet."
          emptyOption="Ingen part (t.ex. Mini-Marias chef)"
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <TextField field={fields.startDate} label="Från och med" hint="ÅÅÅÅ-MM-DD" />
        <TextField
          field={fields.endDate}
          label="Till och med"
          hint="ÅÅÅÅ-MM-DD. Lämna tomt om uppdraget gäller tills vidare."
        />
        <TextareaField field={fields.note} label="Anteckning" rows={3} />
        <div className="actions">
          <button type="submit" className="button">
            {submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}
