/**
 * Form fields and the one form pattern's browser half. A form is built with
 * `useSchemaForm(schema, lastResult)`: the same zod schema the action parses with
 * (app/forms/), validated in the browser by conform when JavaScript runs, and by the server
 * always. The server's reply (`rejectForm`) brings back the Swedish messages and the typed
 * values, so a page works the same without JavaScript.
 */
import { keepWhole } from "~/components/dates";
import {
  parse,
  getCollectionProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type FormMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useEffect, useRef, type ReactNode } from "react";
import type { z } from "zod";
import { swedishErrors } from "~/forms/fields";

/**
 * conform's form state for a schema. `id` prefixes every field id (`f` gives `f-title`);
 * give a second form on the same page its own id.
 */
export function useSchemaForm<Schema extends z.ZodTypeAny>(
  schema: Schema,
  options: {
    lastResult?: SubmissionResult<string[]> | null | undefined;
    id?: string;
    defaultValue?: Record<string, unknown>;
  } = {},
) {
  return useForm<z.input<Schema>>({
    id: options.id ?? "f",
    lastResult: options.lastResult ?? undefined,
    defaultValue: options.defaultValue as never,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    // A search beside a choice field (SearchChoiceField) reloads the page with what is typed:
    // the form is not checked for it. Asked of that button alone (data-choice-search): conform
    // checks a field on blur and input through a hidden submitter of its own that also says
    // formNoValidate, and answering that one "valid" let the browser post the form to the
    // server on every blur (each post aborting the one before).
    onValidate: ({ formData, submitter }) =>
      isChoiceSearch(submitter)
        ? parse(formData, { resolve: () => ({ error: null }) })
        : parseWithZod(formData, { schema, errorMap: swedishErrors }),
  });
}

/** The search button of a SearchChoiceField. */
export const CHOICE_SEARCH = "data-choice-search";

/** The hidden copy of the save that a SearchChoiceField puts first, so that Enter saves. */
export const CHOICE_DEFAULT = "data-choice-default";

function isChoiceSearch(submitter: HTMLElement | null | undefined): boolean {
  return submitter?.hasAttribute(CHOICE_SEARCH) ?? false;
}

// conform's metadata types are invariant in the schema; these components take any form.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyForm = FormMetadata<any, string[]>;

/** Props for the <Form> element of a schema form. */
export function formProps(form: AnyForm) {
  return getFormProps(form);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyField = FieldMetadata<any, any, string[]>;

interface SchemaFieldProps {
  field: AnyField;
  label: ReactNode;
  hint?: ReactNode;
}

function FieldShell({ field, label, hint, children }: SchemaFieldProps & { children: ReactNode }) {
  const error = field.errors?.[0];
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={field.id}>
        {label}
        {field.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <span className="hint" id={field.descriptionId}>
          {keepWhole(hint)}
        </span>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={field.errorId}>
          {keepWhole(error)}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled text input (also date, number-like text, e-mail, password) wired to its schema field. */
export function TextField({
  field,
  label,
  hint,
  type = "text",
  autoComplete,
  inputMode,
}: SchemaFieldProps & {
  type?: "text" | "email" | "password" | "url" | "search" | "tel";
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "decimal" | "email";
}) {
  return (
    <FieldShell field={field} label={label} hint={hint}>
      <input
        {...getInputProps(field, { type, ariaDescribedBy: hint ? field.descriptionId : undefined })}
        key={field.key}
        autoComplete={autoComplete}
        inputMode={inputMode}
      />
    </FieldShell>
  );
}

export function TextareaField({ field, label, hint, rows = 4 }: SchemaFieldProps & { rows?: number }) {
  return (
    <FieldShell field={field} label={label} hint={hint}>
      <textarea
        {...getTextareaProps(field, { ariaDescribedBy: hint ? field.descriptionId : undefined })}
        key={field.key}
        rows={rows}
      />
    </FieldShell>
  );
}

type SelectOption = { value: string | number; label: string };

export function SelectField({
  field,
  label,
  hint,
  options,
  groups = [],
  emptyOption,
}: SchemaFieldProps & {
  options: readonly SelectOption[];
  /** Options in labelled groups (<optgroup>), after `options`; an empty group is left out. */
  groups?: readonly { label: string; options: readonly SelectOption[] }[];
  /** A first option with the empty value, e.g. "Inget ärende". */
  emptyOption?: string;
}) {
  return (
    <FieldShell field={field} label={label} hint={hint}>
      <select {...getSelectProps(field, { ariaDescribedBy: hint ? field.descriptionId : undefined })} key={field.key}>
        {emptyOption !== undefined ? <option value="">{emptyOption}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups
          .filter((g) => g.options.length > 0)
          .map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
    </FieldShell>
  );
}

/** A checkbox with its label after it. */
export function CheckboxField({ field, label, hint }: SchemaFieldProps) {
  const error = field.errors?.[0];
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label className="choice" htmlFor={field.id}>
        <input
          {...getInputProps(field, { type: "checkbox", ariaDescribedBy: hint ? field.descriptionId : undefined })}
          key={field.key}
        />{" "}
        {label}
      </label>
      {hint ? (
        <span className="hint" id={field.descriptionId}>
          {keepWhole(hint)}
        </span>
      ) : null}
      {error ? (
        <p className="field-error" id={field.errorId}>
          {keepWhole(error)}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A file input. Files are not part of a form's schema (the upload parser checks type, size
 * and personal identity numbers); the action returns their message as a late field error
 * under `name`, shown here like any other field's.
 */
export function FileField({
  form,
  name,
  label,
  hint,
  multiple,
}: {
  form: AnyForm;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Several files under one name. */
  multiple?: boolean;
}) {
  const id = `${form.id}-${name}`;
  const error = form.allErrors[name]?.[0];
  const describedBy = [hint ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-description`}>
          {keepWhole(hint)}
        </span>
      ) : null}
      <input
        type="file"
        id={id}
        name={name}
        multiple={multiple}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {keepWhole(error)}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A group of checkboxes for a list field (several values under one name), or of radio
 * buttons for one choice, in a fieldset whose legend is the label; the message for the
 * whole group follows the boxes.
 */
export function CheckboxGroupField({
  field,
  label,
  hint,
  options,
  type = "checkbox",
}: SchemaFieldProps & {
  options: readonly { value: string | number; label: string }[];
  type?: "checkbox" | "radio";
}) {
  const error = field.errors?.[0];
  const inputs = getCollectionProps(field, {
    type,
    options: options.map((o) => String(o.value)),
    ariaDescribedBy: hint ? field.descriptionId : undefined,
  });
  return (
    <fieldset className={`field${error ? " field--error" : ""}`} id={field.id} tabIndex={-1}>
      <legend>{label}</legend>
      {hint ? (
        <span className="hint" id={field.descriptionId}>
          {keepWhole(hint)}
        </span>
      ) : null}
      {inputs.map((props, i) => (
        <label className="choice" key={props.key} htmlFor={props.id}>
          <input {...props} key={props.key} /> {options[i].label}
        </label>
      ))}
      {error ? (
        <p className="field-error" id={field.errorId}>
          {keepWhole(error)}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * The summary at the top of a rejected schema form: every message, linked to its field, and
 * form-level messages (a stale version, a refused write). Focus moves here after a failed
 * submit so screen-reader and keyboard users land on what to fix.
 */
export function FormErrorSummary({ form }: { form: AnyForm }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(form.allErrors).flatMap(([name, messages]) =>
    (messages ?? []).map((message) => ({ name, message })),
  );
  const count = entries.length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count, form.status]);
  if (count === 0) return null;
  return (
    // autoFocus: without JavaScript the answer to the post is a new page, and the browser starts
    // on the summary (WCAG 2.4.3); with JavaScript the effect above moves focus here.
    // eslint-disable-next-line jsx-a11y/no-autofocus
    <div className="notice notice--error" role="alert" tabIndex={-1} ref={ref} id={`${form.id}-summary`} autoFocus>
      <h2>Formuläret har fel som behöver rättas</h2>
      <ul>
        {entries.map(({ name, message }, i) => (
          <li key={`${name}-${i}`}>
            {name ? <a href={`#${form.id}-${name}`}>{keepWhole(message)}</a> : keepWhole(message)}
          </li>
        ))}
      </ul>
    </div>
  );
}

// --- Hand-wired fields for GET filter forms (nothing is posted, so there is no schema to parse) ---

interface FieldProps {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  children?: ReactNode;
  type?: string;
  defaultValue?: string | null;
  required?: boolean;
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "decimal" | "email";
  placeholder?: string;
}

/** A labelled input with its hint and error wired for screen readers. */
export function Field({
  name,
  label,
  error,
  hint,
  children,
  type = "text",
  defaultValue,
  required,
  autoComplete,
  inputMode,
  placeholder,
}: FieldProps) {
  const id = `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {keepWhole(hint)}
        </span>
      ) : null}
      {children ?? (
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={defaultValue ?? ""}
          required={required}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete={autoComplete}
          inputMode={inputMode}
          placeholder={placeholder}
        />
      )}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {keepWhole(error)}
        </p>
      ) : null}
    </div>
  );
}

/** Props for a custom control inside <Field>, so it gets the same id and ARIA wiring. */
export function controlProps(name: string, error?: string, hint?: string) {
  const id = `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy } as const;
}

/** The "Organ" filter used by lists and search: all bodies, or one. */
export function BodyFilter({
  bodies,
  value,
  allLabel = "Alla organ",
}: {
  bodies: { id: number; name: string }[];
  value: string | number | null | undefined;
  allLabel?: string;
}) {
  return (
    <Field name="organ" label="Organ">
      <select {...controlProps("organ")} defaultValue={value ?? ""}>
        <option value="">{allLabel}</option>
        {bodies.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * The "Samverkan" filter of a list (GET form): a choice when there is more than one, else a
 * hidden field, so filtering never leaves the collaboration the URL names.
 */
export function CollaborationFilter({
  current,
  choices,
  allLabel,
}: {
  current: string;
  choices: { slug: string; name: string }[];
  /** Offer "every collaboration" as the empty choice (search spans them all by default). */
  allLabel?: string;
}) {
  if (choices.length < 2) return current ? <input type="hidden" name="samverkan" value={current} /> : null;
  return (
    <Field name="samverkan" label="Samverkan">
      <select {...controlProps("samverkan")} defaultValue={current}>
        {allLabel ? <option value="">{allLabel}</option> : null}
        {choices.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
