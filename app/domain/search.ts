/**
 * Search input and output. Pure: turns what a person typed into a safe FTS5 query for the
 * trigram index (every term quoted, so no FTS syntax can be injected), and builds the snippet
 * shown for a hit from the rendered plain text, with <mark> around the hits and everything
 * else escaped. Why trigrams: docs/decisions/010-swedish-search.md.
 */

/** The trigram index cannot match anything shorter than three characters. */
const MIN_TERM_LENGTH = 3;
const MAX_TERMS = 12;

/**
 * bm25 is computed for every match before the first page can be sorted: fine for a few
 * thousand matches, seconds for a word that is in most of 100 000 documents. Past this many
 * matches the newest come first, and the page says so: another word or a filter brings back
 * ranking.
 */
export const RANKED_MAX = 2_000;

export interface ParsedQuery {
  /** Words and "exact phrases", NFC, lower case, each at least three characters. */
  terms: string[];
  /** The terms that were quoted: searched as words in that order in the word index. */
  phrases: string[];
  /** Words left out because they are too short to search for. */
  ignored: string[];
}

/** Folds case the way the index does (Å = å), keeping å, ä and ö letters of their own. */
function foldCase(text: string): string {
  return text.normalize("NFC").toLocaleLowerCase("sv");
}

/**
 * `avtal "uppsägning av" Ös` → terms ["avtal", "uppsägning av"], phrases ["uppsägning av"],
 * ignored ["ös"]. A quoted phrase is matched as whole words in that order, the last of which
 * may continue ("uppsägningen av avtal" finds "uppsägningen av avtalet"); a word anywhere, also
 * inside a longer word ("avtal" finds "samarbetsavtalet", "uppsägning" finds "uppsägningen").
 */
export function parseSearchQuery(input: string): ParsedQuery {
  const text = foldCase(input.slice(0, 200)).replace(/[“”„«»]/g, '"');
  const terms: string[] = [];
  const quoted = new Set<string>();
  const ignored: string[] = [];
  const add = (term: string, isPhrase: boolean) => {
    if ([...term].length < MIN_TERM_LENGTH) ignored.push(term);
    else if (!terms.includes(term)) {
      terms.push(term);
      if (isPhrase) quoted.add(term);
    }
  };
  const rest = text.replace(/"([^"]*)"?/g, (_, phrase: string) => {
    const words = phrase.match(/[\p{L}\p{N}]+(?:[-'’.:/][\p{L}\p{N}]+)*/gu);
    if (words?.length) add(words.join(" "), true);
    return " ";
  });
  for (const word of rest.match(/[\p{L}\p{N}]+/gu) ?? []) add(word, false);
  const kept = terms.slice(0, MAX_TERMS);
  return { terms: kept, phrases: kept.filter((t) => quoted.has(t)), ignored };
}

/**
 * The query for the trigram index (search_fts): every unquoted word as a substring.
 * ["avtal", "kommun"] → `"avtal" AND "kommun"`; null when there is none.
 */
export function ftsQueryOf(words: string[]): string | null {
  if (words.length === 0) return null;
  return words.map((t) => `"${t.replace(/"/g, '""')}"`).join(" AND ");
}

/**
 * The query for the word index (search_words, unicode61): every quoted phrase as its words in
 * that order, the last word as a word beginning unless it is a single character (a number or a
 * letter at the end stays exact). The index tokenizes the quoted text the same way it
 * tokenized the documents, so punctuation between the words does not matter.
 * ["uppsägningen av avtal"] → `"uppsägningen av avtal"*`; null when there is none.
 */
export function phraseQueryOf(phrases: string[]): string | null {
  if (phrases.length === 0) return null;
  return phrases
    .map((p) => {
      const last = p.match(/[\p{L}\p{N}]+/gu)?.at(-1) ?? "";
      return `"${p.replace(/"/g, '""')}"${[...last].length > 1 ? "*" : ""}`;
    })
    .join(" AND ");
}

/**
 * An unquoted word is looked up among the words of the word index (search_terms, migration
 * 0028) when at most this many words contain it: the entries that have one of them are read
 * from search_words. A word that more words contain (short, common: "avtal", "kom") is
 * searched as a substring in the trigram index, where it is a short phrase and its matches are
 * dense, so counting and ranking stop early there.
 */
export const TERM_WORDS_MAX = 40;

/**
 * Whether the word index can stand in for the trigram index for this (folded) word: letters of
 * the Latin script and digits only. Such a word can only occur inside one word of a text (the
 * word index's tokenizer keeps every letter and digit in its words), and these letters are
 * letters to SQLite's Unicode tables as to JavaScript's. Anything else stays with trigrams.
 */
export function isWordLookup(term: string): boolean {
  return /^[0-9a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f]+$/u.test(term);
}

/**
 * The word index query for one unquoted word found among the indexed words: any of them.
 * ["tandvårdsbesök", "tandvårdsbesöket"] → `("tandvårdsbesök" OR "tandvårdsbesöket")`.
 */
export function anyWordQueryOf(words: string[]): string {
  return `(${words.map((w) => `"${w.replace(/"/g, '""')}"`).join(" OR ")})`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const SNIPPET_LENGTH = 200;
/** How much text around the first hit a snippet is worked out from, on either side. */
export const SNIPPET_MARGIN = 4 * SNIPPET_LENGTH;

/**
 * The strings a long text is searched for, in SQL, to find where its snippet lies: each term
 * as written in lower case, with a capital first letter and in capitals (SQLite's instr is
 * exact; these are how a Swedish word appears in running text).
 */
export function hitNeedlesOf(terms: string[]): string[] {
  const needles = terms.flatMap((t) => [
    t,
    t.charAt(0).toLocaleUpperCase("sv") + t.slice(1),
    t.toLocaleUpperCase("sv"),
  ]);
  return [...new Set(needles.filter((n) => n.length > 0))];
}

/**
 * A window of plain (rendered) text around the first hit, as safe HTML with every hit in the
 * window marked. Matching folds case as the index does; a text without a hit (the title
 * matched) gives its beginning. `outside` says the text given is itself a stretch of a longer
 * one (a long document's, cut around its hit in SQL) with more text before or after it.
 */
export function snippetHtml(
  plainText: string,
  terms: string[],
  length = SNIPPET_LENGTH,
  outside: { before: boolean; after: boolean } = { before: false, after: false },
): string {
  const whole = plainText.normalize("NFC");
  const wholeFolded = foldCase(whole);
  // Case folding keeps the length of Swedish text; if some script does not, mark nothing.
  const comparable = wholeFolded.length === whole.length;
  const needles = comparable ? terms.filter((t) => t.length > 0) : [];
  // Only a stretch around the first hit is worked on: a document's text can be 50 kB, and
  // collapsing the whitespace of twenty of them cost more than the rest of a search request.
  const hit = Math.min(...needles.map((t) => wholeFolded.indexOf(t)).filter((i) => i >= 0));
  const margin = (SNIPPET_MARGIN / SNIPPET_LENGTH) * length;
  const cutFrom = Number.isFinite(hit) ? Math.max(0, hit - margin) : 0;
  const cutTo = Math.min(whole.length, (Number.isFinite(hit) ? hit : 0) + margin);
  const text = whole.slice(cutFrom, cutTo).replace(/\s+/g, " ").trim();
  const folded = foldCase(text);
  const first = Math.min(...needles.map((t) => folded.indexOf(t)).filter((i) => i >= 0));
  let start = Number.isFinite(first) ? Math.max(0, first - Math.floor(length / 3)) : 0;
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start + length / 2) end = space;
  }
  // Hit ranges inside the window, merged where they overlap.
  const ranges: [number, number][] = [];
  for (const needle of needles)
    for (let i = folded.indexOf(needle, start); i >= 0 && i < end; i = folded.indexOf(needle, i + 1))
      ranges.push([i, Math.min(end, i + needle.length)]);
  ranges.sort((a, b) => a[0] - b[0]);
  let html = start > 0 || outside.before || (cutFrom > 0 && /\S/.test(whole.slice(0, cutFrom))) ? "…" : "";
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= at) continue;
    const begin = Math.max(from, at);
    html += `${escapeHtml(text.slice(at, begin))}<mark>${escapeHtml(text.slice(begin, to))}</mark>`;
    at = to;
  }
  html += escapeHtml(text.slice(at, end));
  return end < text.length || outside.after || (cutTo < whole.length && /\S/.test(whole.slice(cutTo)))
    ? `${html}…`
    : html;
}

export const SEARCH_KIND_LABEL: Record<string, string> = {
  document: "Dokument",
  agenda_item: "Dagordningspunkt",
  decision: "Beslut",
  matter: "Ärende",
  agreement_version: "Avtal",
  recommendation: "Rekommendation",
};
