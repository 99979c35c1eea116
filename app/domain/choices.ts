/**
 * Choosing by searching: a form field that offers objects which grow with the years (matters,
 * people, decisions, meetings, agreement versions) shows a bounded set of them — the chosen
 * one, then the latest or the matches of a search typed beside the field — never all of them.
 * The search is a GET of the same page (`?sok-…=`), so it works without JavaScript.
 */
import { countOf } from "./format";
import { formatCount } from "./pagination";

/** How many objects a choice field offers at most (besides the chosen one). */
export const CHOICE_LIMIT = 50;

/** Longest search text a choice field takes (longer text is cut, not refused). */
const MAX_CHOICE_SEARCH = 100;

/** The search typed for a choice field (`?sok-arende=`), trimmed and bounded; "" when none. */
export function choiceSearchFrom(params: URLSearchParams, param: string): string {
  return (params.get(param) ?? "").trim().slice(0, MAX_CHOICE_SEARCH);
}

/**
 * The hidden field beside a choice search (`sok-arende-visad`) that holds the search the offered
 * options were found by ("" for the latest).
 */
export const SHOWN_SEARCH_SUFFIX = "-visad";

/**
 * A search typed beside a choice field but not run, posted with a save: the search box
 * (`sok-arende`) holds other words than those its options were found by. Enter in the search
 * box does that without JavaScript (the form's default button is its save), as does a save
 * pressed right after typing a search. Such a save is refused, not made with a choice the user
 * was looking past. The typed search, or null when there is none (an emptied box is none).
 */
export function unrunChoiceSearch(form: Iterable<[string, unknown]>): string | null {
  const values = new Map<string, string>();
  for (const [name, value] of form) if (typeof value === "string" && !values.has(name)) values.set(name, value);
  for (const [name, shown] of values) {
    if (!name.endsWith(SHOWN_SEARCH_SUFFIX)) continue;
    const typed = (values.get(name.slice(0, -SHOWN_SEARCH_SUFFIX.length)) ?? "").trim().slice(0, MAX_CHOICE_SEARCH);
    if (typed !== "" && typed !== shown) return typed;
  }
  return null;
}

/**
 * What was typed in a choice field's search box (`param`) according to a rejected form's reply
 * (conform's `initialValue`, every field as posted), or null when the reply has none: a save
 * refused for a search not run comes back with the words still in the box, so pressing Sök is
 * all that is left to do.
 */
export function typedChoiceSearch(reply: unknown, param: string): string | null {
  if (typeof reply !== "object" || reply === null || !("initialValue" in reply)) return null;
  const typed: unknown = (reply.initialValue as Record<string, unknown> | null | undefined)?.[param];
  return typeof typed === "string" ? typed.slice(0, MAX_CHOICE_SEARCH) : null;
}

/** What a refused save with a search not run says (`unrunChoiceSearch`). */
export function unrunSearchMessage(typed: string): string {
  return `Du skrev ”${typed}” i sökrutan men sökte inte, så inget är sparat. Tryck på Sök för att söka, eller töm sökrutan och spara igen.`;
}

/**
 * The id chosen in a choice field's value ("12", or "meeting:12" when the field holds several
 * kinds and `type` names the kind asked about); null for none or anything else.
 */
export function chosenId(value: string | null | undefined, type?: string): number | null {
  const [kind, key] = type === undefined ? [undefined, value] : (value ?? "").split(":");
  return kind === type && key && /^[1-9]\d{0,9}$/.test(key) ? Number(key) : null;
}

/**
 * The words of a search as LIKE patterns on a folded label (see `foldForSearch`): every word
 * must occur; % and _ are matched as themselves (escaped with \).
 */
export function choicePatterns(search: string): string[] {
  return foldForSearch(search)
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 5)
    .map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/**
 * Lower case for matching. SQLite's LIKE folds only ASCII letters, so the model folds Å, Ä, Ö
 * and É in the label and the pattern is folded here the same way.
 */
function foldForSearch(text: string): string {
  return text.toLocaleLowerCase("sv-SE");
}

/**
 * The note under a choice field: how many of how many are offered and how to find the rest.
 * Null when every object is offered.
 */
export function choiceNote(choices: { shown: number; total: number; search: string }): string | null {
  const { shown, total, search } = choices;
  if (search && total === 0) return `Inget träffar ”${search}”. Sök med ett annat ord.`;
  const matches = countOf(total, "träff", "träffar");
  if (search)
    return shown < total
      ? `Visar ${formatCount(shown)} av ${matches} på ”${search}” — skriv mer för att hitta rätt.`
      : `Visar ${matches} på ”${search}”.`;
  if (shown < total) return `Visar ${formatCount(shown)} av ${formatCount(total)} — sök för att hitta äldre.`;
  return null;
}

/** What a choice field offers: the options and how many of how many, for the note. */
export interface ChoiceList {
  /** The search's URL parameter (`sok-arende`) and what was typed. */
  param: string;
  search: string;
  options: { id: number; label: string }[];
  /** How many of the latest or of the matches are offered (the chosen one not counted). */
  shown: number;
  /** How many there are (or match the search) in all. */
  total: number;
}
