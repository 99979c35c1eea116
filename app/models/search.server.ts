/**
 * Search across the portal over the trigram index (search_entries + search_fts, migration
 * 0017) and the word index beside it (search_words, migration 0027), which answers quoted
 * phrases and the unquoted words few indexed words contain (search_terms, migration 0028).
 * Access and filters are conditions of the query itself (read-scope.server.ts), so the
 * count is every permitted match and every page is full; order is FTS rank (bm25, title
 * weighted). Snippets are built for the page shown only, from the rendered text.
 */
import { countCap, openPageOf, type PageRequest, type Paged } from "~/domain/pagination";
import type { Actor } from "~/domain/policy";
import { readScopeOf } from "~/domain/read-scope";
import {
  anyWordQueryOf,
  ftsQueryOf,
  isWordLookup,
  hitNeedlesOf,
  parseSearchQuery,
  phraseQueryOf,
  RANKED_MAX,
  SNIPPET_MARGIN,
  snippetHtml,
  TERM_WORDS_MAX,
} from "~/domain/search";
import { readAll, readOne } from "~/utils/read-pool.server";
import { markdownToPlainText } from "~/utils/markdown.server";
import { SEARCH_ENTRY_READABLE, SEARCH_ENTRY_YEAR, searchScopeParams } from "./read-scope.server";

interface SearchResult {
  kind: string;
  /** The id of the object found (of its kind). */
  refId: number;
  title: string;
  snippetHtml: string;
  href: string;
  bodyId: number | null;
  year: number | null;
}

export interface SearchFilter {
  kind?: string;
  bodyId?: number;
  year?: number;
  /** Only what concerns this collaboration (the same rule as each kind's own list). */
  collaborationId?: number;
}

/**
 * What an entry concerns, per kind: a document, matter, recommendation or agreement its own
 * collaboration; a decision or agenda item that of its matter, or without a matter every
 * collaboration its body serves (as the decision register filters).
 */
const ENTRY_OF_COLLABORATION = `(:collaborationId IS NULL
  OR (e.kind = 'document' AND EXISTS (
    SELECT 1 FROM documents d WHERE d.id = e.ref_id AND d.collaboration_id = :collaborationId))
  OR (e.kind = 'matter' AND EXISTS (
    SELECT 1 FROM matters m WHERE m.id = e.ref_id AND m.collaboration_id = :collaborationId))
  OR (e.kind = 'recommendation' AND EXISTS (
    SELECT 1 FROM recommendations r WHERE r.id = e.ref_id AND r.collaboration_id = :collaborationId))
  OR (e.kind = 'agreement_version' AND EXISTS (
    SELECT 1 FROM agreement_versions v JOIN agreements a ON a.id = v.agreement_id
    WHERE v.id = e.ref_id AND a.collaboration_id = :collaborationId))
  OR (e.kind IN ('decision', 'agenda_item') AND EXISTS (
    SELECT 1 FROM (
      SELECT matter_id, body_id FROM decisions WHERE e.kind = 'decision' AND id = e.ref_id
      UNION ALL
      SELECT i.matter_id, m.body_id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
      WHERE e.kind = 'agenda_item' AND i.id = e.ref_id) o
    WHERE (o.matter_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM matters mm WHERE mm.id = o.matter_id AND mm.collaboration_id = :collaborationId))
      OR (o.matter_id IS NULL AND EXISTS (
        SELECT 1 FROM body_collaborations bc
        WHERE bc.body_id = o.body_id AND bc.collaboration_id = :collaborationId)))))`;

/**
 * The matches, from the index that fits the query: unquoted words in the trigram index
 * (search_fts, substrings) or as the indexed words that contain them, quoted phrases in the
 * word index (search_words, words in order), both when the query has both. Each index is read through its own MATCH, so each source is
 * a constant SQL text (prepared once). Access and filters are the same conditions for all.
 */
type Source = "trigram" | "words" | "both";

// Words and phrases from both indexes: the word index's matches that the trigram index's also has. As an INTERSECT of the
// two rowid lists: written as `e.id IN (trigram matches)` the planner probed the trigram
// index per phrase match (seconds at 100 000 documents).
const BOTH = `AND e.id IN (SELECT rowid FROM search_words WHERE search_words MATCH :words
  INTERSECT SELECT rowid FROM search_fts WHERE search_fts MATCH :fts)`;

/**
 * An entry's facts for access and filters, from the covering index search_entries_facts
 * (migration 0028), never from the row: the row holds the text before body_id, year and
 * audience, so reading them walks the text's overflow pages (a 28 kB document is seven pages).
 * At 100× data that was most of a search's time for a word in 2 846 long documents (55 of 56 ms
 * to count it), and it grew with the text, not with the matches.
 */
const ENTRY_FACTS = "search_entries e INDEXED BY search_entries_facts";

function matchesOf(source: Source): string {
  const from =
    source === "trigram"
      ? `FROM search_fts JOIN ${ENTRY_FACTS} ON e.id = search_fts.rowid WHERE search_fts MATCH :fts`
      : `FROM search_words JOIN ${ENTRY_FACTS} ON e.id = search_words.rowid WHERE search_words MATCH :words`;
  return `${from}
    ${source === "both" ? BOTH : ""}
    AND (:kind IS NULL OR e.kind = :kind)
    AND (:bodyId IS NULL OR e.body_id = :bodyId)
    AND (:year IS NULL OR ${SEARCH_ENTRY_YEAR} = :year)
    AND ${ENTRY_OF_COLLABORATION}
    AND ${SEARCH_ENTRY_READABLE}`;
}

// Whether the entry's title alone matches the word index query (one list, made once per query).
const TITLE_MATCHES = `(e.id IN (SELECT rowid FROM search_words WHERE search_words MATCH 'title : (' || :words || ')'))`;

interface SourceSql {
  count: string;
  page: string;
  recent: string;
}

function sqlOf(source: Source): SourceSql {
  const matches = matchesOf(source);
  const index = source === "trigram" ? "search_fts" : "search_words";
  return {
    // Counted only as far as needed (countCap): a common word matches most of the index, and
    // counting every match cost more than the page itself (issue 14's bench: 0.3–1.5 s at 100k).
    count: `SELECT count(*) AS n FROM (SELECT 1 ${matches} LIMIT :cap)`,
    // bm25 is negative (lower is better): primary texts (the agreement, library documents) are
    // weighted up over short texts that merely mention the same words. Ties by id: a stable
    // order. A title hit weighs ten body hits: with the index's default (5:1, migration 0017)
    // the many short procedural §§ of the seeded minutes lowered the average text length
    // enough that a short text mentioning a word outranked the document named by it.
    //
    // In the word index an unquoted word is several indexed words ("verksamhetsberättelse" OR
    // "verksamhetsberättelsens"), and bm25 adds a score per word, the rarer the higher: a long
    // text with a rare form outranked the document the word names. So there, entries whose
    // title matches come first (the trigram index weighs one phrase, where the weights suffice).
    page: `SELECT e.id, e.kind, e.ref_id AS refId, e.body_id AS bodyId, ${SEARCH_ENTRY_YEAR} AS year ${matches}
      ORDER BY ${source === "trigram" ? "" : `${TITLE_MATCHES} DESC, `}bm25(${index}, 10.0, 1.0) * CASE e.kind WHEN 'agreement_version' THEN 2.0 WHEN 'document' THEN 1.5 ELSE 1.0 END, e.id
      LIMIT :limit OFFSET :offset`,
    // Past RANKED_MAX matches the newest come first: the index read backwards, stopping at the page.
    recent: `SELECT e.id, e.kind, e.ref_id AS refId, e.body_id AS bodyId, ${SEARCH_ENTRY_YEAR} AS year ${matches}
      ORDER BY ${index}.rowid DESC
      LIMIT :limit OFFSET :offset`,
  };
}

const SQL: Record<Source, SourceSql> = { trigram: sqlOf("trigram"), words: sqlOf("words"), both: sqlOf("both") };

// The page's titles and texts (for snippets) and an agenda item's meeting (for its link), in one
// read for the page's rows only: carried through the ranking's sort they would cost every match.
// A text longer than WHOLE_TEXT_MAX (only a document's: every other text is at most that) is
// sent as the stretch around a hit, found with instr in the worker (the first of the needles,
// in order, that the text holds): a page of long documents sent whole (up to 2 million
// characters each) held the event loop 100–190 ms to copy, fold and cut (issue 14). `at` is
// where the stretch begins (1 for a text sent whole). The inner selects are kept apart
// (LIMIT -1): flattened, SQLite read the long text once for every mention of it, 14 ms a
// document of a million characters instead of 2.4.
const PAGE_TEXTS_SQL = `SELECT id, title, meetingId, chars, at,
    CASE WHEN chars <= :wholeMax THEN body ELSE substr(body, at, 2 * :margin) END AS body
  FROM (SELECT id, title, body, chars, meetingId, CASE WHEN chars <= :wholeMax THEN 1 ELSE max(1, coalesce((
      SELECT p FROM (SELECT instr(body, n.value) AS p FROM json_each(:needles) n) WHERE p > 0 LIMIT 1), 1) - :margin) END AS at
    FROM (SELECT e.id, e.title, e.body, length(e.body) AS chars,
        (SELECT ai.meeting_id FROM agenda_items ai WHERE e.kind = 'agenda_item' AND ai.id = e.ref_id) AS meetingId
      FROM search_entries e WHERE e.id IN (SELECT value FROM json_each(:ids)) LIMIT -1) LIMIT -1)`;

/** Longest text a search page is sent whole (the longest any but a document's can be). */
const WHOLE_TEXT_MAX = 100_000;

interface PageText {
  id: number;
  title: string;
  /** The text, or for a long one the stretch around its first hit. */
  body: string;
  meetingId: number | null;
  chars: number;
  at: number;
}

/** The texts of a page's entries, a long one cut around its first hit (exported for tests). */
export async function pageTextsOf(ids: number[], terms: string[]): Promise<PageText[]> {
  if (!ids.length) return [];
  return readAll<PageText>(PAGE_TEXTS_SQL, {
    ids: JSON.stringify(ids),
    needles: JSON.stringify(hitNeedlesOf(terms)),
    wholeMax: WHOLE_TEXT_MAX,
    margin: SNIPPET_MARGIN,
  });
}

// The indexed words that contain an unquoted word (search_terms, migration 0028), as far as needed
// to know whether there are more than TERM_WORDS_MAX.
const TERM_WORDS_SQL = `SELECT term FROM search_terms_fts WHERE search_terms_fts MATCH :term LIMIT :limit`;

interface Queries {
  /** Trigram index query: the unquoted words found as substrings there. */
  fts: string | null;
  /** Word index query: the quoted phrases, and the unquoted words found among the indexed words. */
  words: string | null;
  /** A word no indexed word contains: nothing can match. */
  none: boolean;
}

/**
 * Where each part of the query is looked up. A quoted phrase is words in the word index. An
 * unquoted word matches as a substring, and for a word of letters and digits that is the same
 * as matching any indexed word that contains it: when few words do (a long or rare word), the
 * word index is read for those words, whose doclists hold only the entries that have them; in
 * the trigram index a long word is a phrase of many trigrams whose positions FTS5 checks over
 * every text that holds them all (decision 010). Otherwise the trigram index.
 */
async function queriesOf(terms: string[], phrases: string[], wordsMax: number): Promise<Queries> {
  const unquoted = terms.filter((t) => !phrases.includes(t));
  const found = await Promise.all(
    unquoted.map(async (term) =>
      isWordLookup(term) && wordsMax > 0
        ? (await readAll<{ term: string }>(TERM_WORDS_SQL, { term: ftsQueryOf([term]), limit: wordsMax + 1 })).map(
            (r) => r.term,
          )
        : null,
    ),
  );
  const byWords = found.filter((words): words is string[] => words !== null && words.length <= wordsMax);
  const words = [phraseQueryOf(phrases), ...byWords.map(anyWordQueryOf)].filter((q) => q !== null);
  return {
    fts: ftsQueryOf(unquoted.filter((_, i) => !(found[i] && found[i].length <= wordsMax))),
    words: words.length ? words.join(" AND ") : null,
    none: byWords.some((w) => w.length === 0),
  };
}

interface Row {
  id: number;
  kind: string;
  refId: number;
  bodyId: number | null;
  year: number | null;
}

function hrefOf(kind: string, refId: number, meetingId: number | null): string {
  switch (kind) {
    case "document":
      return `/dokument/${refId}`;
    case "agenda_item":
      return meetingId !== null ? `/moten/${meetingId}#punkt-${refId}` : "/moten";
    case "decision":
      return `/beslut/${refId}`;
    case "matter":
      return `/arenden/${refId}`;
    case "agreement_version":
      return `/avtal/versioner/${refId}`;
    case "recommendation":
      return `/rekommendationer/${refId}`;
    default:
      return "/sok";
  }
}

/** The text a reader sees: documents are indexed as plain text already, the rest is Markdown. */
function renderedText(kind: string, indexed: string): string {
  return kind === "document" ? indexed : markdownToPlainText(indexed);
}

export interface SearchPage extends Paged<SearchResult> {
  /** Words left out because they are shorter than three characters. */
  ignored: string[];
  /** "rank": best first (bm25); "newest": too many matches to rank, newest first. */
  order: "rank" | "newest";
}

/**
 * One page of the permitted matches, best first, with the total count of permitted matches.
 * The index is read by a worker thread (app/utils/read-pool.server.ts): a search over a large
 * corpus does not hold the event loop. The snippets are made here, for the page only.
 */
export async function search(
  actor: Actor | null,
  query: string,
  filter: SearchFilter,
  request: PageRequest = { page: 1, size: 20 },
  rankedMax = RANKED_MAX,
  /** At most this many indexed words containing an unquoted word: looked up by words (tests set 0: trigrams only). */
  wordsMax = TERM_WORDS_MAX,
): Promise<SearchPage> {
  const { terms, phrases, ignored } = parseSearchQuery(query);
  const { fts, words, none } = await queriesOf(terms, phrases, wordsMax);
  const source: Source | null = none ? null : words ? (fts ? "both" : "words") : fts ? "trigram" : null;
  const params = {
    fts,
    words,
    kind: filter.kind ?? null,
    bodyId: filter.bodyId ?? null,
    year: filter.year ?? null,
    collaborationId: filter.collaborationId ?? null,
    ...searchScopeParams(readScopeOf(actor)),
  };
  const cap = countCap(request, rankedMax);
  const counted = source ? ((await readOne<{ n: number }>(SQL[source].count, { ...params, cap }))?.n ?? 0) : 0;
  const page = openPageOf(request, counted, cap);
  const ranked = page.total <= rankedMax;
  const rows =
    page.total === 0 || !source
      ? []
      : await readAll<Row>(ranked ? SQL[source].page : SQL[source].recent, {
          ...params,
          limit: page.size,
          offset: page.offset,
        });
  const texts = new Map(
    (
      await pageTextsOf(
        rows.map((r) => r.id),
        terms,
      )
    ).map((t) => [t.id, t]),
  );
  return {
    page,
    ignored,
    order: ranked ? "rank" : "newest",
    items: rows.map((row) => {
      const { title = "", body = "", meetingId = null, chars = 0, at = 1 } = texts.get(row.id) ?? {};
      const outside = { before: at > 1, after: at - 1 + body.length < chars };
      return {
        kind: row.kind,
        refId: row.refId,
        title,
        snippetHtml: snippetHtml(renderedText(row.kind, body), terms, undefined, outside),
        href: hrefOf(row.kind, row.refId, meetingId),
        bodyId: row.bodyId,
        year: row.year,
      };
    }),
  };
}
