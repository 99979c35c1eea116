import type { FieldMetadata } from "@conform-to/react";
import { TextField } from "./forms";
import { SearchChoiceField, type ChoiceList } from "./search-choice";

// conform's metadata types are invariant in the schema; the new and edit forms share these fields.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fields = Record<string, FieldMetadata<any, any, string[]>>;

/** Who may hold an assignment in a collaboration: its bodies and parties, and people found by a search. */
export interface AssignmentOptions {
  bodies: { id: number; name: string }[];
  parties: { id: number; name: string }[];
  people: ChoiceList;
}

/** What an assignment is (app/forms/assignment.ts): what, who and by when; on /uppdrag and /uppdrag/:id. */
export function AssignmentFields({ fields, options }: { fields: Fields; options: AssignmentOptions }) {
  return (
    <>
      <TextField field={fields.title} label="Uppdrag" />
      <TextField field={fields.description} label="Beskrivning" />
      <SearchChoiceField
        field={fields.assignee}
        label="Ansvarig"
        emptyOption="Välj …"
        searchLabel="Sök person"
        searchHint="Namn eller organisation. Organ och parter finns alltid i listan."
        groups={[
          { label: "Organ", options: options.bodies.map((b) => ({ value: `body:${b.id}`, label: b.name })) },
          { label: "Parter", options: options.parties.map((p) => ({ value: `party:${p.id}`, label: p.name })) },
          { label: "Personer", choices: options.people, value: (id) => `person:${id}` },
        ]}
      />
      <TextField field={fields.dueDate} label="Klart senast" hint="ÅÅÅÅ-MM-DD" />
    </>
  );
}
