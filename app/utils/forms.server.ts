/**
 * The server half of the one form pattern: parse a submission with the form's zod schema
 * (conform), and answer a rejected one with 400 and conform's reply, which carries the
 * Swedish message per field and everything the user typed, so nothing is lost.
 */
import { parse, type Submission, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import type { z } from "zod";
import { unrunChoiceSearch, unrunSearchMessage } from "~/domain/choices";
import { swedishErrors } from "~/forms/fields";

/**
 * A submission parsed with its form's schema. A save that carries a choice search typed but
 * not run (`unrunChoiceSearch`: Enter in the search box without JavaScript) is refused for the
 * whole form, with every typed value kept.
 */
export function parseForm<Schema extends z.ZodTypeAny>(
  formData: FormData,
  schema: Schema,
): Submission<z.input<Schema>, string[], z.output<Schema>> {
  const unrun = unrunChoiceSearch(formData);
  if (unrun !== null)
    return parse(formData, {
      resolve: () => ({ error: { "": [unrunSearchMessage(unrun)] } }),
    }) as Submission<z.input<Schema>, string[], z.output<Schema>>;
  return parseWithZod(formData, { schema, errorMap: swedishErrors });
}

/** Messages found after parsing (a taken §, a stale version): per field, or for the whole form. */
export interface LateErrors {
  fieldErrors?: Record<string, string[]>;
  formErrors?: string[];
  /** Fields whose typed value is not sent back (passwords). */
  hideFields?: string[];
}

/** 400 (or `status`) with the field messages and the typed values. */
export function rejectForm(submission: Submission<unknown, string[], unknown>, late?: LateErrors, status = 400) {
  return data(submission.reply(late) as SubmissionResult<string[]>, { status });
}

/**
 * 409: someone else saved first (optimistic locking). The reply keeps what the user typed and
 * says so for the whole form; `conflict` carries what the other person saved and the version
 * to name when the user saves again (a number; for a set of rows, the text naming each one's).
 */
export function rejectConflict<Theirs, Version extends number | string = number>(
  submission: Submission<unknown, string[], unknown>,
  theirs: Theirs,
  version: Version,
) {
  const reply = submission.reply({
    formErrors: ["Någon annan har sparat ändringar medan du arbetade. Dina ändringar är inte sparade."],
  }) as SubmissionResult<string[]>;
  return data({ ...reply, conflict: { theirs, version } }, { status: 409 });
}

/**
 * `rejectConflict` with the named fields of the row someone else saved (a `conflict` from
 * saveVersioned): only those go to the browser, with the row's version.
 */
export function rejectConflictWith<Row extends { version: number }, Key extends keyof Row>(
  submission: Submission<unknown, string[], unknown>,
  row: Row,
  keys: readonly Key[],
) {
  const theirs = Object.fromEntries(keys.map((key) => [key, row[key]])) as Pick<Row, Key>;
  return rejectConflict(submission, theirs, row.version);
}

/**
 * What the user had typed when they searched beside a choice field (SearchChoiceField): the
 * search is a GET of the whole form, so its fields are in the address. Given to the form as
 * its last result, so every field shows what was typed (no messages: nothing was submitted).
 * Null for an address without a choice search (`sok-…`).
 */
export function carriedForm(url: URL): SubmissionResult<string[]> | null {
  if (![...url.searchParams.keys()].some((key) => key.startsWith("sok-"))) return null;
  const { payload } = parse(url.searchParams, { resolve: () => ({ value: undefined }) });
  return { initialValue: payload as SubmissionResult<string[]>["initialValue"] };
}

/**
 * The version an edit form is to send after a choice search: the one the carried values were
 * typed against (its hidden `version` in the address), else the row's. The row's version after
 * the search would make a colleague's save in between look seen, and the user's typed values,
 * begun from the older row, would overwrite it without a conflict.
 */
export function versionOfCarried(carried: SubmissionResult<string[]> | null, current: number): number {
  const typed = (carried?.initialValue as Record<string, unknown> | undefined)?.version;
  return typeof typed === "string" && /^\d{1,9}$/.test(typed) ? Number(typed) : current;
}
