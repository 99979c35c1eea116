/** Pieces shared by the coordinator's step pages for a recommendation. */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { RECOMMENDATION_STATUS_LABEL, type RecommendationStatus } from "~/domain/recommendations";
import { ConflictNotice, conflictOf } from "./conflict-notice";

interface ConflictValues {
  title: string;
  ask: string;
  answerDeadline: string;
}

/** The text as the other person saved it, for a text save refused on a stale version (RecommendationConflict shows it). */
export function textTheirs(rec: ConflictValues): ConflictValues {
  return { title: rec.title, ask: rec.ask, answerDeadline: rec.answerDeadline };
}

/**
 * What the other person saved beside what the user typed, when a save of a recommendation's
 * text was refused because someone saved in between (`rejectConflict` with ConflictValues).
 */
export function RecommendationConflict({ result }: { result: unknown }) {
  const conflict = conflictOf<ConflictValues>(result);
  if (!conflict) return null;
  const typed = ((result as { initialValue?: Record<string, unknown> }).initialValue ?? {}) as Record<
    string,
    string | undefined
  >;
  return (
    <ConflictNotice
      what="rekommendationen"
      rows={[
        ["Rubrik", conflict.theirs.title, typed.title ?? ""],
        ["Vad parterna ska besluta", conflict.theirs.ask, typed.ask ?? ""],
        ["Sista svarsdag", conflict.theirs.answerDeadline, typed.answerDeadline ?? ""],
      ]}
    />
  );
}

/** A recommendation as the other person left it, for a step refused on a stale version. */
export interface StepTheirs {
  status: string;
  withdrawalReason: string;
  followedUpOn: string;
  followUpNote: string;
}

export function stepTheirs(rec: {
  status: RecommendationStatus;
  withdrawalReason: string;
  followedUpOn: string | null;
  followUpNote: string;
}): StepTheirs {
  return {
    status: RECOMMENDATION_STATUS_LABEL[rec.status],
    withdrawalReason: rec.withdrawalReason,
    followedUpOn: rec.followedUpOn ?? "",
    followUpNote: rec.followUpNote,
  };
}

/**
 * The notice for a step (decide, send, withdraw, follow up) refused because someone changed the
 * recommendation in between: `rows` says, per step, what they left beside what the user sent.
 */
export function StepConflict({
  result,
  rows,
}: {
  result: unknown;
  rows: (theirs: StepTheirs, typed: Record<string, string | undefined>) => [string, string, string][];
}) {
  const conflict = conflictOf<StepTheirs>(result);
  if (!conflict) return null;
  const typed = ((result as { initialValue?: Record<string, unknown> }).initialValue ?? {}) as Record<
    string,
    string | undefined
  >;
  return <ConflictNotice what="rekommendationen" rows={rows(conflict.theirs, typed)} />;
}

/** The frame of a step page: breadcrumbs, heading, and the refusal instead of the form when the step is not allowed now. */
export function StepPage({
  rec,
  step,
  heading,
  refusal,
  children,
}: {
  rec: { id: number; title: string };
  step: string;
  heading: string;
  refusal: string | null;
  children: ReactNode;
}) {
  return (
    <>
      <Breadcrumbs
        trail={[
          ["/rekommendationer", "Rekommendationer"],
          [`/rekommendationer/${rec.id}`, rec.title],
        ]}
        current={step}
      />
      <h1>{heading}</h1>
      {refusal ? (
        <p className="notice notice--warn">
          {refusal} <Link to={`/rekommendationer/${rec.id}`}>Tillbaka till rekommendationen</Link>
        </p>
      ) : (
        children
      )}
    </>
  );
}

/** A file input wired to its schema field (its message comes from `checkUploads` as a late error). */
export function FileField({
  field,
  label,
  hint,
  multiple = false,
}: {
  field: { id: string; name: string; errorId: string; descriptionId: string; errors?: string[] };
  label: string;
  hint: string;
  multiple?: boolean;
}) {
  const error = field.errors?.[0];
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={field.id}>{label}</label>
      <span className="hint" id={field.descriptionId}>
        {hint}
      </span>
      <input
        type="file"
        id={field.id}
        name={field.name}
        multiple={multiple}
        aria-invalid={error ? true : undefined}
        aria-describedby={[field.descriptionId, error ? field.errorId : null].filter(Boolean).join(" ")}
      />
      {error ? (
        <p className="field-error" id={field.errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
