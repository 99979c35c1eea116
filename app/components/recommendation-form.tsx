/**
 * The draft form of a recommendation (new and edit), and the text fields a correction shares
 * with it. One schema (app/forms/recommendation.ts); the parties are a list of rows: asked or
 * not, and the party's own deadline when it differs from the common one.
 */
import { getInputProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import {
  CheckboxField,
  FormErrorSummary,
  formProps,
  SelectField,
  TextareaField,
  TextField,
  useSchemaForm,
} from "~/components/forms";
import { draftSchema } from "~/forms/recommendation";
import { SearchChoiceField, type ChoiceList } from "./search-choice";

export interface DraftDefaults {
  title: string;
  ask: string;
  summary: string;
  answerDeadline: string;
  costYear: string;
  isPublic: boolean;
  matterId: string;
  agreementVersionId: string;
  parties: { organisationId: number; name: string; asked: boolean; deadline: string }[];
}

export function DraftForm({
  defaults,
  lastResult,
  matters,
  agreementVersions,
  version,
  submitLabel,
  keep,
  children,
}: {
  defaults: DraftDefaults;
  lastResult: SubmissionResult<string[]> | null | undefined;
  matters: ChoiceList;
  agreementVersions: { id: number; label: string }[];
  /** The optimistic lock when editing. */
  version?: number;
  submitLabel: string;
  /** Parameters of the address a search for a matter keeps (a draft from a decision: `beslut`). */
  keep?: string[];
  children?: ReactNode;
}) {
  const [form, fields] = useSchemaForm(draftSchema, {
    lastResult,
    defaultValue: {
      title: defaults.title,
      ask: defaults.ask,
      summary: defaults.summary,
      answerDeadline: defaults.answerDeadline,
      costYear: defaults.costYear,
      isPublic: defaults.isPublic ? "on" : undefined,
      matterId: defaults.matterId,
      agreementVersionId: defaults.agreementVersionId,
      parties: defaults.parties.map((p) => ({
        organisationId: String(p.organisationId),
        asked: p.asked ? "on" : undefined,
        deadline: p.deadline,
      })),
    },
  });
  const names = new Map(defaults.parties.map((p) => [String(p.organisationId), p.name]));
  const rows = fields.parties.getFieldList();
  return (
    <>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
        {children}
        <TextField field={fields.title} label="Rubrik" />
        <TextareaField field={fields.ask} label="Vad varje part ska besluta" rows={4} />
        <TextareaField
          field={fields.summary}
          label="Vad föreslås och varför"
          hint="Markdown, klarspråk för politiker."
          rows={8}
        />
        <TextField field={fields.answerDeadline} label="Sista svarsdag" hint="ÅÅÅÅ-MM-DD" />
        <SelectField
          field={fields.agreementVersionId}
          label="Avtalsversion som rekommendationen gäller"
          emptyOption="Ingen avtalsversion"
          options={agreementVersions.map((v) => ({ value: v.id, label: v.label }))}
        />
        <TextField
          field={fields.costYear}
          label="Kostnadsår"
          hint="Året vars kostnad per part rekommendationen anger, enligt avtalets kostnadsfördelning. Tomt om den inte anger någon kostnad."
          inputMode="numeric"
        />
        <SearchChoiceField
          field={fields.matterId}
          label="Ärende"
          emptyOption="Inget ärende"
          searchLabel="Sök ärende"
          searchHint="Diarienummer eller ord ur ärendets rubrik."
          choices={matters}
          keep={keep}
        />
        <fieldset
          className="field"
          aria-describedby={fields.parties.errors?.length ? fields.parties.errorId : undefined}
        >
          <legend>Parter som tillfrågas</legend>
          <p className="hint">Egen sista svarsdag bara om den skiljer sig från den gemensamma.</p>
          {fields.parties.errors?.length ? (
            <p className="field-error" id={fields.parties.errorId}>
              {fields.parties.errors[0]}
            </p>
          ) : null}
          {rows.map((row) => {
            const party = row.getFieldset();
            const name = names.get(String(party.organisationId.initialValue ?? "")) ?? "Part";
            return (
              <div key={row.key} className="party-row">
                <input {...getInputProps(party.organisationId, { type: "hidden" })} key={party.organisationId.key} />
                <CheckboxField field={party.asked} label={name} />
                <TextField field={party.deadline} label={`Egen sista svarsdag för ${name}`} hint="ÅÅÅÅ-MM-DD" />
              </div>
            );
          })}
        </fieldset>
        <CheckboxField field={fields.isPublic} label="Offentlig (kan läsas utan inloggning när den skickats)" />
        <div className="actions">
          <button type="submit" className="button">
            {submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}
