import { Form } from "@remix-run/react";
import type { VersionInput } from "~/domain/agreement-version";
import { controlProps, ErrorSummary, Field } from "./forms";

export function VersionForm({ values, errors, version, submitLabel }: { values: Partial<VersionInput>; errors?: Partial<Record<keyof VersionInput, string>>; version?: number; submitLabel: string }) {
  return (
    <>
      <ErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
        <Field name="label" label="Versionens namn" defaultValue={values.label} error={errors?.label} required />
        <Field name="adoptedOn" label="Antagen" hint="ÅÅÅÅ-MM-DD. Tomt om versionen inte är antagen." defaultValue={values.adoptedOn} error={errors?.adoptedOn} />
        <fieldset className="field">
          <legend>Avtalstid</legend>
          <Field name="firstTermStart" label="Första avtalsperiod från" hint="ÅÅÅÅ-MM-DD" defaultValue={values.firstTermStart} error={errors?.firstTermStart} required />
          <Field name="firstTermEnd" label="Första avtalsperiod till och med" hint="ÅÅÅÅ-MM-DD" defaultValue={values.firstTermEnd} error={errors?.firstTermEnd} required />
          <Field name="noticeMonths" label="Uppsägningstid (månader)" inputMode="numeric" defaultValue={values.noticeMonths} error={errors?.noticeMonths} required />
          <Field name="noticeForm" label="Form för uppsägning" defaultValue={values.noticeForm ?? "skriftligen"} error={errors?.noticeForm} />
          <Field name="renewalMonths" label="Förlängning utan uppsägning (månader)" inputMode="numeric" defaultValue={values.renewalMonths} error={errors?.renewalMonths} required />
          <Field name="withdrawalRules" label="Utträde och avveckling" error={errors?.withdrawalRules}>
            <textarea {...controlProps("withdrawalRules", errors?.withdrawalRules)} defaultValue={values.withdrawalRules ?? ""} rows={3} />
          </Field>
        </fieldset>
        <fieldset className="field">
          <legend>Budgetmodell</legend>
          <Field name="baseYear" label="Basår" inputMode="numeric" defaultValue={values.baseYear} error={errors?.baseYear} required />
          <Field name="baseBudget" label="Budget basåret (kr)" inputMode="numeric" defaultValue={values.baseBudget} error={errors?.baseBudget} required />
          <Field name="indexPercent" label="Årlig uppräkning (%)" inputMode="decimal" defaultValue={values.indexPercent} error={errors?.indexPercent} required />
          <Field name="regionPercent" label="Regionens andel (%)" inputMode="decimal" defaultValue={values.regionPercent} error={errors?.regionPercent} required />
          <Field name="municipalPercent" label="Kommunernas andel (%)" inputMode="decimal" hint="Fördelas efter folkmängd 1 november föregående år." defaultValue={values.municipalPercent} error={errors?.municipalPercent} required />
          <Field name="regionBaseAmount" label="Regionens belopp basåret enligt beslut (kr)" hint="Tomt om andelen i procent ska gälla." inputMode="numeric" defaultValue={values.regionBaseAmount} error={errors?.regionBaseAmount} />
        </fieldset>
        <Field name="staffing" label="Bemanning" hint='En rad per yrke: huvudman;yrke;årsarbetare, till exempel "Regionen;Sjuksköterska;2,0".' error={errors?.staffing}>
          <textarea {...controlProps("staffing", errors?.staffing, "x")} defaultValue={values.staffing ?? ""} rows={6} />
        </Field>
        <Field name="text" label="Avtalstext" hint="Markdown." error={errors?.text}>
          <textarea {...controlProps("text", errors?.text, "x")} defaultValue={values.text ?? ""} rows={20} />
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

const FIELDS: (keyof VersionInput)[] = [
  "label",
  "adoptedOn",
  "text",
  "firstTermStart",
  "firstTermEnd",
  "noticeMonths",
  "noticeForm",
  "renewalMonths",
  "withdrawalRules",
  "baseYear",
  "baseBudget",
  "indexPercent",
  "regionPercent",
  "municipalPercent",
  "regionBaseAmount",
  "staffing",
];

export function readVersionForm(form: FormData): VersionInput {
  return Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")])) as unknown as VersionInput;
}
