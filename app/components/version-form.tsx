import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { versionSchema, type VersionDefaults } from "~/forms/agreement";
import {
  CheckboxField,
  FormErrorSummary,
  formProps,
  SelectField,
  TextareaField,
  TextField,
  useSchemaForm,
} from "./forms";

/** The agreement version form (one schema, app/forms/agreement.ts `versionSchema`). */
export function VersionForm({
  defaults,
  lastResult,
  version,
  organisations,
  submitLabel,
}: {
  defaults: VersionDefaults;
  lastResult: SubmissionResult<string[]> | null | undefined;
  /** The stored version's lock (edit), or undefined (new). */
  version?: number;
  organisations: { id: number; name: string; kind: string }[];
  submitLabel: string;
}) {
  const [form, fields] = useSchemaForm(versionSchema, {
    lastResult,
    defaultValue: {
      ...defaults,
      municipalPrincipalInvoices: defaults.municipalPrincipalInvoices ? "on" : undefined,
      version: version === undefined ? "" : String(version),
    },
  });
  const regions = organisations.filter((o) => o.kind === "region");
  const municipalities = organisations.filter((o) => o.kind !== "region");
  return (
    <>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
        <TextField field={fields.label} label="Versionens namn" />
        <TextField
          field={fields.adoptedOn}
          label="Antagen"
          hint="ÅÅÅÅ-MM-DD. Tomt tills alla parter har godkänt versionen."
        />
        <TextareaField
          field={fields.changeSummary}
          label="Vad versionen ändrar i pengar och villkor"
          hint="Ändringarna i villkoren visas också automatiskt mot föregående version."
          rows={3}
        />
        <fieldset className="field">
          <legend>Avtalstid</legend>
          <TextField field={fields.firstTermStart} label="Första avtalsperiod från" hint="ÅÅÅÅ-MM-DD" />
          <TextField field={fields.firstTermEnd} label="Första avtalsperiod till och med" hint="ÅÅÅÅ-MM-DD" />
          <TextField field={fields.noticeMonths} label="Uppsägningstid (månader)" inputMode="numeric" />
          <TextField field={fields.noticeForm} label="Form för uppsägning" />
          <TextField field={fields.renewalMonths} label="Förlängning utan uppsägning (månader)" inputMode="numeric" />
          <TextareaField field={fields.withdrawalRules} label="Utträde och avveckling" rows={3} />
        </fieldset>
        <fieldset className="field">
          <legend>Budgetmodell</legend>
          <TextField
            field={fields.baseYear}
            label="Basår"
            hint="Budgetmodellen gäller från basåret. Åren före följer den tidigare antagna versionen."
            inputMode="numeric"
          />
          <TextField field={fields.baseBudget} label="Budget basåret (kr)" inputMode="numeric" />
          <TextField
            field={fields.indexPercent}
            label="Årlig uppräkning (%)"
            hint="Varje år räknas upp från föregående års budget."
            inputMode="decimal"
          />
          <TextField field={fields.regionPercent} label="Regionens andel (%)" inputMode="decimal" />
          <TextField field={fields.municipalPercent} label="Kommunernas andel (%)" inputMode="decimal" />
          <TextField
            field={fields.regionBaseAmount}
            label="Regionens belopp basåret enligt beslut (kr)"
            hint="Tomt om andelen i procent ska gälla."
            inputMode="numeric"
          />
          <TextField field={fields.populationMonthDay} label="Folkmängd per dag (MM-DD)" hint="11-01 för 1 november." />
          <TextField
            field={fields.populationYearOffset}
            label="Folkmängd från år"
            hint="−1 för året före budgetåret, 0 för budgetåret."
          />
        </fieldset>
        <fieldset className="field">
          <legend>Huvudmän</legend>
          <SelectField
            field={fields.regionPrincipalId}
            label="Huvudman för regionens del (hälso- och sjukvården)"
            emptyOption="Ingen"
            options={regions.map((o) => ({ value: o.id, label: o.name }))}
          />
          <SelectField
            field={fields.municipalPrincipalId}
            label="Huvudman för kommunernas del (socialtjänsten)"
            emptyOption="Ingen"
            options={municipalities.map((o) => ({ value: o.id, label: o.name }))}
          />
          <CheckboxField
            field={fields.municipalPrincipalInvoices}
            label="Kommunernas huvudman fakturerar övriga kommuner deras andelar"
          />
        </fieldset>
        <TextareaField
          field={fields.staffing}
          label="Bemanning"
          hint='En rad per yrke: betalande sida;yrke;årsarbetare, till exempel "Regionen;Sjuksköterska;2,0".'
          rows={6}
        />
        <TextareaField field={fields.text} label="Avtalstext" hint="Markdown." rows={20} />
        <div className="actions">
          <button type="submit" className="button">
            {submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}
