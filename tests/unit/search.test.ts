import { describe, expect, it } from "vitest";
import {
  anyWordQueryOf,
  ftsQueryOf,
  hitNeedlesOf,
  isWordLookup,
  parseSearchQuery,
  phraseQueryOf,
  SNIPPET_MARGIN,
  snippetHtml,
} from "~/domain/search";

describe("search input", () => {
  it("quotes every word, folds case and keeps å, ä and ö", () => {
    const parsed = parseSearchQuery("Uppsäg ÅRSAVTAL Östersund");
    expect(parsed.terms).toEqual(["uppsäg", "årsavtal", "östersund"]);
    expect(ftsQueryOf(parsed.terms)).toBe('"uppsäg" AND "årsavtal" AND "östersund"');
  });
  it("folds decomposed letters (a + ring) to the composed å the text is indexed with", () => {
    expect(parseSearchQuery("A\u030aRSAVTAL").terms).toEqual(["årsavtal"]);
  });
  it("keeps a quoted phrase as one exact term, typographic quotes too", () => {
    expect(parseSearchQuery('"Uppsägning  av avtalet" kommun').terms).toEqual(["uppsägning av avtalet", "kommun"]);
    expect(parseSearchQuery("”uppsägning av” avtal").terms).toEqual(["uppsägning av", "avtal"]);
    // An unclosed quote still makes a phrase of the rest.
    expect(parseSearchQuery('"uppsägning av').terms).toEqual(["uppsägning av"]);
  });
  it("tells quoted phrases (the word index) from words (the trigram index)", () => {
    const parsed = parseSearchQuery('Avtal "Uppsägningen av avtal" "samarbetsavtal" "kapitel 5"');
    expect(parsed.terms).toEqual(["uppsägningen av avtal", "samarbetsavtal", "kapitel 5", "avtal"]);
    expect(parsed.phrases).toEqual(["uppsägningen av avtal", "samarbetsavtal", "kapitel 5"]);
    expect(ftsQueryOf(parsed.terms.filter((t) => !parsed.phrases.includes(t)))).toBe('"avtal"');
    // The last word may continue (avtal → avtalet), unless it is one character.
    expect(phraseQueryOf(parsed.phrases)).toBe('"uppsägningen av avtal"* AND "samarbetsavtal"* AND "kapitel 5"');
    expect(phraseQueryOf([])).toBeNull();
    expect(phraseQueryOf(parseSearchQuery('"MM 2026/99"').phrases)).toBe('"mm 2026/99"*');
  });
  it("looks up among the indexed words only words of Latin letters and digits", () => {
    for (const term of parseSearchQuery("tandvårdsbesök ÖSTERSUND 2026 straße crème").terms)
      expect(isWordLookup(term), term).toBe(true);
    // Other scripts stay with the trigram index (SQLite's Unicode tables are older than JavaScript's).
    for (const term of ["москва", "ελλάδα", "日本語です", "abc×def"]) expect(isWordLookup(term), term).toBe(false);
  });
  it("asks the word index for any of the indexed words that contain a word, quoted", () => {
    expect(anyWordQueryOf(["tandvårdsbesök", "tandvårdsbesöket"])).toBe('("tandvårdsbesök" OR "tandvårdsbesöket")');
    expect(anyWordQueryOf(['a"b'])).toBe('("a""b")');
  });
  it("drops FTS syntax so nothing can be injected", () => {
    const parsed = parseSearchQuery("ÖSTERSUND OR NEAR(abc def) -kommun* col:xyz ^ab");
    expect(parsed.terms).toEqual(["östersund", "near", "abc", "def", "kommun", "col", "xyz"]);
    expect(ftsQueryOf(parsed.terms)).not.toMatch(/[*:^()]/);
    const phrase = parseSearchQuery('"abc* OR def) NEAR(x" ^ghi:"');
    expect(phrase.phrases).toEqual(["abc or def near x"]);
    expect(phraseQueryOf(phrase.phrases)).toBe('"abc or def near x"');
    expect(ftsQueryOf(parseSearchQuery('"a""b"').terms)).toBeNull();
    expect(ftsQueryOf(parseSearchQuery("  ").terms)).toBeNull();
    expect(ftsQueryOf(parseSearchQuery("*:^").terms)).toBeNull();
  });
  it("sets aside words shorter than three characters (the trigram index cannot match them)", () => {
    expect(parseSearchQuery("ös av avtal")).toEqual({ terms: ["avtal"], phrases: [], ignored: ["ös", "av"] });
  });
  it("caps the number of terms and drops repeats", () => {
    expect(parseSearchQuery(Array.from({ length: 40 }, (_, i) => `ord${i}`).join(" ")).terms).toHaveLength(12);
    expect(parseSearchQuery("avtal Avtal AVTAL").terms).toEqual(["avtal"]);
  });
});

describe("snippets", () => {
  it("escapes HTML in the text and marks only the hits, in any case", () => {
    expect(snippetHtml("<script>alert(1)</script> Uppsägningen & mer", ["uppsägning"])).toBe(
      "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Uppsägning</mark>en &amp; mer",
    );
  });
  it("marks a part of a compound word and a phrase", () => {
    expect(snippetHtml("Om samarbetsavtalet och uppsägning av avtalet.", ["avtal", "uppsägning av"])).toBe(
      "Om samarbets<mark>avtal</mark>et och <mark>uppsägning av</mark> <mark>avtal</mark>et.",
    );
  });
  it("shows a window around the first hit of a long text, cut at spaces", () => {
    const text = `${"förord ".repeat(100)}här står uppsägningstiden tydligt ${"efterord ".repeat(100)}`;
    const html = snippetHtml(text, ["uppsägning"], 120);
    expect(html.startsWith("…förord")).toBe(true);
    expect(html.endsWith("…")).toBe(true);
    expect(html).toContain("står <mark>uppsägning</mark>stiden");
    expect(html.length).toBeLessThan(200);
  });
  it("makes the same window of a 50 kB text as of the stretch around its hit, and ellipses only where text is left out", () => {
    const middle = "här står uppsägningstiden tydligt";
    const stretch = `${"förord ".repeat(60)}${middle} ${"efterord ".repeat(60)}`;
    const long = `${"inledning\n\n".repeat(2_000)}${stretch}${"bilaga\t".repeat(4_000)}`;
    expect(long.length).toBeGreaterThan(50_000);
    expect(snippetHtml(long, ["uppsägning"])).toBe(snippetHtml(stretch, ["uppsägning"]).replace(/…$/, "") + "…");
    // Whitespace alone around the text is no left-out text.
    expect(snippetHtml(`${" \n".repeat(5_000)}Uppsägningen gäller.${"\n".repeat(5_000)}`, ["uppsägning"])).toBe(
      "<mark>Uppsägning</mark>en gäller.",
    );
  });
  it("gives the beginning of a text that has no hit (the title matched)", () => {
    expect(snippetHtml("Kort text.", ["avtal"])).toBe("Kort text.");
  });
  it("marks text left out around a stretch cut from a longer text", () => {
    const stretch = "Uppsägningen gäller.";
    expect(snippetHtml(stretch, ["uppsägning"], undefined, { before: true, after: false })).toBe(
      "…<mark>Uppsägning</mark>en gäller.",
    );
    expect(snippetHtml(stretch, ["uppsägning"], undefined, { before: false, after: true })).toBe(
      "<mark>Uppsägning</mark>en gäller.…",
    );
    // A long text and the stretch SQL cuts from it around its first hit give the same snippet.
    const hit = "här står uppsägningstiden tydligt";
    const long = `${"inledning ".repeat(50_000)}${hit} ${"bilaga ".repeat(50_000)}`;
    const at = long.indexOf("uppsägning") - SNIPPET_MARGIN;
    const cut = long.slice(at, at + 2 * SNIPPET_MARGIN);
    expect(snippetHtml(cut, ["uppsägning"], undefined, { before: true, after: true })).toBe(
      snippetHtml(long, ["uppsägning"]),
    );
  });
});

describe("where a long text's snippet lies", () => {
  it("looks for each term in lower case, with a capital first letter and in capitals", () => {
    expect(hitNeedlesOf(["uppsägning", "ärende"])).toEqual([
      "uppsägning",
      "Uppsägning",
      "UPPSÄGNING",
      "ärende",
      "Ärende",
      "ÄRENDE",
    ]);
    expect(hitNeedlesOf(["2026"])).toEqual(["2026"]);
    expect(hitNeedlesOf(["uppsägning av"])).toEqual(["uppsägning av", "Uppsägning av", "UPPSÄGNING AV"]);
  });
});
