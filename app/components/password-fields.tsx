import type { FieldMetadata } from "@conform-to/react";
import { TextField } from "./forms";

// conform's metadata types are invariant in the schema; both password forms share these fields.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Field = FieldMetadata<any, any, string[]>;

/**
 * A new password typed twice, with the rule the schema holds (app/forms/account.ts), and the
 * form's submit button: shared by /konto (change the own password) and /losenord/:token
 * (choose one from an invitation or reset link), so both say the same thing.
 */
export function NewPasswordFields({ next, confirm, submit }: { next: Field; confirm: Field; submit: string }) {
  return (
    <>
      <TextField
        field={next}
        label="Nytt lösenord"
        type="password"
        autoComplete="new-password"
        hint="Minst 12 tecken. En mening av flera ord är lätt att minnas och svår att gissa."
      />
      <TextField field={confirm} label="Samma lösenord igen" type="password" autoComplete="new-password" />
      <div className="actions">
        <button type="submit" className="button">
          {submit}
        </button>
      </div>
    </>
  );
}
