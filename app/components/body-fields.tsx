import type { FieldMetadata } from "@conform-to/react";
import { CheckboxField, CheckboxGroupField, TextareaField, TextField } from "./forms";

// conform's metadata types are invariant in the schema; the body forms share these fields.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fields = Record<string, FieldMetadata<any, any, string[]>>;

/** The fields of a body (organ), shared by the new-body and edit-body forms. */
export function BodyFields({
  fields,
  collaborations,
  kinds,
}: {
  fields: Fields;
  collaborations: { id: number; name: string }[];
  kinds: string[];
}) {
  return (
    <>
      <TextField field={fields.name} label="Namn" hint="Organets fullständiga namn, som det står i protokollen." />
      <TextField
        field={fields.shortName}
        label="Kort namn"
        hint="Används i listor och brödsmulor, till exempel en förkortning."
      />
      <TextField
        field={fields.slug}
        label="Kortnamn i adressen"
        hint="Små bokstäver, siffror och bindestreck, unikt för organet."
      />
      <TextField
        field={fields.kind}
        label="Typ av organ"
        hint={`Med samverkans egna ord${kinds.length ? `, till exempel ${kinds.slice(0, 4).join(", ")}` : ""}.`}
      />
      <TextareaField field={fields.description} label="Beskrivning" />
      <CheckboxGroupField
        field={fields.collaborationIds}
        label="Arbetar för"
        hint="Ett organ kan arbeta för flera samverkan och har då en gemensam paragrafserie."
        options={collaborations.map((c) => ({ value: c.id, label: c.name }))}
      />
      <CheckboxField
        field={fields.publicRecords}
        label="Allmänna handlingar: publicerade dagordningar och justerade protokoll är öppna för alla"
      />
      <CheckboxField
        field={fields.appealable}
        label="Organets beslut kan överklagas (laglighetsprövning)"
        hint="Då anger protokollet sista dag att överklaga. Annars står det att organets beslut inte kan överklagas."
      />
      <TextField
        field={fields.proposalDeadlineDays}
        label="Sista dag för förslag till dagordningen (dagar före mötet)"
        inputMode="numeric"
      />
    </>
  );
}
