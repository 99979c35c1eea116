import type { ReactNode } from "react";

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
export function Field({ name, label, error, hint, children, type = "text", defaultValue, required, autoComplete, inputMode, placeholder }: FieldProps) {
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
          {hint}
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
          {error}
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

/** A summary at the top of a rejected form, linking to each field (GOV.UK pattern). */
export function ErrorSummary({ errors }: { errors?: Partial<Record<string, string>> | null }) {
  const entries = Object.entries(errors ?? {}).filter(([, v]) => v);
  if (entries.length === 0) return null;
  return (
    <div className="notice notice--error" role="alert">
      <h2>Formuläret har fel som behöver rättas</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#f-${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The "Organ" filter used by lists and search: all bodies, or one. */
export function BodyFilter({ bodies, value, allLabel = "Alla organ" }: { bodies: { id: number; name: string }[]; value: string | number | null | undefined; allLabel?: string }) {
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
