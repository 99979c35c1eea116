import type { FieldMetadata } from "@conform-to/react";
import { ORGANISATION_KIND_LABEL, ORGANISATION_KINDS, PARTY_ROLE_LABEL, PARTY_ROLES } from "~/domain/collaboration";
import { SelectField, TextField } from "./forms";

// conform's metadata types are invariant in the schema; the new and edit forms share these fields.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fields = Record<string, FieldMetadata<any, any, string[]>>;

/** An organisation (region, municipality, other): shared by /parter/ny and /parter/:id. */
export function OrganisationFields({ fields }: { fields: Fields }) {
  return (
    <>
      <TextField field={fields.name} label="Namn" hint="Det officiella namnet, till exempel Bergs kommun." />
      <SelectField
        field={fields.kind}
        label="Typ"
        options={ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABEL[k] }))}
      />
      <TextField
        field={fields.municipalityCode}
        label="Kommun- eller länskod"
        inputMode="numeric"
        hint="Fyra siffror för en kommun (2326 Berg), två för en region (23 Jämtland). Tomt för andra."
      />
    </>
  );
}

/**
 * An organisation's terms as a party of one collaboration: shared by
 * /samverkan/:id/parter/ny and /samverkan/:id/parter/:partyId.
 */
export function PartyFields({ fields, memberSinceHint = "ÅÅÅÅ-MM-DD" }: { fields: Fields; memberSinceHint?: string }) {
  return (
    <>
      <SelectField
        field={fields.role}
        label="Roll"
        hint="Huvudman anställer personal för de andras räkning; part betalar sin andel."
        options={PARTY_ROLES.map((r) => ({ value: r, label: PARTY_ROLE_LABEL[r] }))}
      />
      <TextField
        field={fields.registrarEmail}
        label="Registraturens e-post"
        type="email"
        hint="Dit rekommendationer skickas, till exempel registrator@kommun.se."
      />
      <TextField field={fields.memberSince} label="Medlem från och med" hint={memberSinceHint} />
      <TextField field={fields.branchClinic} label="Mottagning" hint="Var partens invånare tar emot tjänsten." />
    </>
  );
}
