/**
 * "Choose by searching": a choice field whose objects grow with the years (matters, people,
 * decisions, meetings). The select offers what the loader found (choicesOf in
 * app/models/choices.server.ts: the chosen one, then the latest or a search's matches, at most
 * a page), and a search box above it reloads the same page by GET with `?sok-…=`. The search
 * button belongs to the form it sits in and says formmethod="get", so the browser sends every
 * field of the form along and the page fills them in again (`carriedForm`): nothing typed is
 * lost, and nothing needs JavaScript. formNoValidate: a search is not a save, so it is not
 * checked.
 *
 * Enter in a field of the form saves it. The browser's implicit submission clicks the form's
 * default button, its first submit button in tree order, and the search button comes before
 * the form's own save: so the field starts with a copy of the save (`CHOICE_DEFAULT`), a
 * submit without formmethod or formaction, out of sight, focus order and the accessibility
 * tree, which the browser clicks instead. Enter in the search box runs the search (what was
 * typed there) when JavaScript runs; without it Enter saves there too, and a save that carries
 * a search typed but not run is refused (`unrunChoiceSearch`) rather than saved with the
 * choice the user was looking past.
 */
import { useActionData, useLocation } from "@remix-run/react";
import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { choiceNote, SHOWN_SEARCH_SUFFIX, typedChoiceSearch, type ChoiceList } from "~/domain/choices";
import { CHOICE_DEFAULT, CHOICE_SEARCH, SelectField, type AnyField } from "./forms";

export type { ChoiceList };

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
  | { choices?: undefined; groups: Group[] }
) & {
    /** Parameters of the page's address that a search keeps (besides `samverkan`), e.g. `beslut`. */
    keep?: string[];
    /**
     * The name and value the form's save button sends, when it sends any (`intent=save`): the
     * copy the browser clicks on Enter sends the same.
     */
    save?: { name: string; value: string };
  };

/** A group of options in one select: searched (a ChoiceList) or a short fixed list offered whole. */
type Group =
  | { label: string; choices: ChoiceList; value: (id: number) => string }
  | { label: string; choices?: undefined; options: { value: string; label: string }[] };

export function SearchChoiceField(props: Props) {
  const { field, label, searchLabel, searchHint, emptyOption, anchor } = props;
  const { pathname, search: query } = useLocation();
  const searched = props.groups
    ? props.groups.flatMap((g) => (g.choices ? [{ label: g.label, choices: g.choices }] : []))
    : [{ label: null, choices: props.choices }];
  const { param, search } = searched[0].choices;
  // A save refused for a search not run comes back with the search box as it was posted.
  const typed = typedChoiceSearch(useActionData(), param);
  const notes = searched.flatMap(({ label, choices }) => {
    const note = choiceNote(choices);
    return note === null ? [] : [label ? `${label}: ${note}` : note];
  });
  // The collaboration the page is about (decision 008) is in the address; a search keeps it.
  const address = new URLSearchParams(query);
  const kept = ["samverkan", ...(props.keep ?? [])].flatMap((name) => {
    const value = address.get(name);
    return value === null ? [] : [{ name, value }];
  });
  const searchId = `${field.id}-sok`;
  const searchButton = useRef<HTMLButtonElement>(null);
  // Enter in the search box runs the search, not the save the form's default button would.
  const searchOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    if (event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    searchButton.current?.click();
  };
  return (
    <div className="search-choice">
      <button
        type="submit"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        name={props.save?.name}
        value={props.save?.value}
        {...{ [CHOICE_DEFAULT]: "" }}
      />
      <div className="field">
        <label htmlFor={searchId}>{searchLabel}</label>
        <span className="hint" id={`${searchId}-hint`}>
          {searchHint}
        </span>
        <div className="search-choice__row">
          <input
            type="search"
            id={searchId}
            name={param}
            defaultValue={typed ?? search}
            aria-describedby={`${searchId}-hint`}
            onKeyDown={searchOnEnter}
          />
          <button
            ref={searchButton}
            type="submit"
            formMethod="get"
            formNoValidate
            {...{ [CHOICE_SEARCH]: "" }}
            formAction={`${pathname}${anchor ? `#${anchor}` : ""}`}
            className="button button--secondary"
          >
            Sök
          </button>
        </div>
        <input type="hidden" name={`${param}${SHOWN_SEARCH_SUFFIX}`} value={search} />
        {kept.map(({ name, value }) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
      </div>
      <SelectField
        field={field}
        label={label}
        hint={notes.length ? notes.join(" ") : undefined}
        emptyOption={emptyOption}
        options={props.choices ? props.choices.options.map((o) => ({ value: o.id, label: o.label })) : []}
        groups={props.groups?.map((g) => ({
          label: g.label,
          options: g.choices ? g.choices.options.map((o) => ({ value: g.value(o.id), label: o.label })) : g.options,
        }))}
      />
    </div>
  );
}
