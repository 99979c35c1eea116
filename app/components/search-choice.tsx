/**
 * "Choose by searching": a choice field whose objects grow with the years (matters, people,
 * decisions, meetings). The select offers what the loader found (choicesOf in
 * app/models/choices.server.ts: the chosen one, then the latest or a search's matches, at most
 * a page), and a search box above it reloads the same page by GET with `?sok-…=`. The search
 * button belongs to the form it sits in and says formmethod="get", so the browser sends every
 * field of the form along and the page fills them in again (`carriedForm`): nothing typed is
 * lost, and nothing needs JavaScript. formNoValidate: a search is not a save, so it is not
 * checked.
 */
import { useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { choiceNote } from "~/domain/choices";
import { SelectField, type AnyField } from "./forms";

interface ChoiceList {
  param: string;
  search: string;
  options: { id: number; label: string }[];
  shown: number;
  total: number;
}

type Props = {
  field: AnyField;
  label: ReactNode;
  /** The search box's label, e.g. "Sök ärende". */
  searchLabel: string;
  /** What can be searched for, e.g. "Diarienummer eller ord ur rubriken." */
  searchHint: string;
  emptyOption?: string;
  /** Where the page should open after a search (an element id), so the field is in view. */
  anchor?: string;
} & (
  | { choices: ChoiceList; groups?: undefined }
  /** Several kinds in one select (a document's link target "meeting:12"), one search for all. */
  | { choices?: undefined; groups: { label: string; choices: ChoiceList; value: (id: number) => string }[] }
);

export function SearchChoiceField(props: Props) {
  const { field, label, searchLabel, searchHint, emptyOption, anchor } = props;
  const { pathname, search: query } = useLocation();
  const lists = props.groups ? props.groups.map((g) => g.choices) : [props.choices];
  const { param, search } = lists[0];
  const notes = props.groups
    ? props.groups.flatMap((g) => {
        const note = choiceNote(g.choices);
        return note ? [`${g.label}: ${note}`] : [];
      })
    : [choiceNote(props.choices)].filter((n): n is string => n !== null);
  // The collaboration the page is about (decision 008) is in the address; a search keeps it.
  const collaboration = new URLSearchParams(query).get("samverkan");
  const searchId = `${field.id}-sok`;
  return (
    <div className="search-choice">
      <div className="field">
        <label htmlFor={searchId}>{searchLabel}</label>
        <span className="hint" id={`${searchId}-hint`}>
          {searchHint}
        </span>
        <div className="search-choice__row">
          <input type="search" id={searchId} name={param} defaultValue={search} aria-describedby={`${searchId}-hint`} />
          <button
            type="submit"
            formMethod="get"
            formNoValidate
            formAction={`${pathname}${anchor ? `#${anchor}` : ""}`}
            className="button button--secondary"
          >
            Sök
          </button>
        </div>
        {collaboration ? <input type="hidden" name="samverkan" value={collaboration} /> : null}
      </div>
      <SelectField
        field={field}
        label={label}
        hint={notes.length ? notes.join(" ") : undefined}
        emptyOption={emptyOption}
        options={props.choices ? props.choices.options.map((o) => ({ value: o.id, label: o.label })) : []}
        groups={props.groups?.map((g) => ({
          label: g.label,
          options: g.choices.options.map((o) => ({ value: g.value(o.id), label: o.label })),
        }))}
      />
    </div>
  );
}
