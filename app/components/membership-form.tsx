import { Form } from "@remix-run/react";
import { MEMBERSHIP_ROLES, type MembershipInput } from "~/domain/membership";
import { controlProps, ErrorSummary, Field } from "./forms";

interface Option {
  id: number;
  name: string;
  organisation?: string | null;
}

export function MembershipForm({
  values,
  errors,
  people,
  organisations,
  submitLabel,
  version,
  lockPerson,
}: {
  values: Partial<MembershipInput>;
  errors?: Partial<Record<keyof MembershipInput, string>>;
  people: Option[];
  organisations: Option[];
  submitLabel: string;
  version?: number;
  lockPerson?: boolean;
}) {
  return (
    <>
      <ErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
        <input type="hidden" name="intent" value="save" />
        <Field name="personId" label="Person" error={errors?.personId} required>
          {lockPerson ? (
            <>
              <select {...controlProps("personId", errors?.personId)} defaultValue={values.personId ?? ""} disabled>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              <input type="hidden" name="personId" value={values.personId ?? ""} />
            </>
          ) : (
            <select
              {...controlProps("personId", errors?.personId)}
              defaultValue={values.personId ?? ""}
              aria-required="true"
            >
              <option value="">Välj person …</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.organisation ? ` (${p.organisation})` : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="role" label="Roll" error={errors?.role} required>
          <select {...controlProps("role", errors?.role)} defaultValue={values.role ?? "ledamot"} aria-required="true">
            {MEMBERSHIP_ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="organisationId"
          label="Företräder"
          hint="Den part personen företräder i organet."
          error={errors?.organisationId}
        >
          <select
            {...controlProps("organisationId", errors?.organisationId, "Den part personen företräder i organet.")}
            defaultValue={values.organisationId ?? ""}
          >
            <option value="">Ingen part (t.ex. Mini-Marias chef)</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="startDate"
          label="Från och med"
          hint="ÅÅÅÅ-MM-DD"
          defaultValue={values.startDate}
          error={errors?.startDate}
          required
        />
        <Field
          name="endDate"
          label="Till och med"
          hint="ÅÅÅÅ-MM-DD. Lämna tomt om uppdraget gäller tills vidare."
          defaultValue={values.endDate}
          error={errors?.endDate}
        />
        <Field name="note" label="Anteckning" error={errors?.note}>
          <textarea {...controlProps("note", errors?.note)} defaultValue={values.note ?? ""} rows={3} />
        </Field>
        <div className="actions">
          <button type="submit" className="button">
            {submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}

export function readMembershipForm(form: FormData): MembershipInput {
  const get = (k: string) => String(form.get(k) ?? "").trim();
  return {
    personId: get("personId"),
    organisationId: get("organisationId"),
    role: get("role"),
    startDate: get("startDate"),
    endDate: get("endDate"),
    note: get("note"),
  };
}
