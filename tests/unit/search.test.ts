import { describe, expect, it } from "vitest";
import { buildFtsQuery, MARK_END, MARK_START, snippetToHtml } from "~/domain/search";

describe("search input", () => {
  it("quotes every word and matches prefixes", () => {
    expect(buildFtsQuery("Uppsäg avtal")).toBe('"uppsäg"* "avtal"*');
  });
  it("keeps Swedish letters and drops FTS syntax", () => {
    expect(buildFtsQuery('ÖSTERSUND OR "x" NEAR(a b) -kommun*')).toBe(
      '"östersund"* "or"* "x"* "near"* "a"* "b"* "kommun"*',
    );
    expect(buildFtsQuery("  ")).toBeNull();
    expect(buildFtsQuery("*:^")).toBeNull();
  });
  it("caps the number of words", () => {
    expect(buildFtsQuery(Array.from({ length: 40 }, (_, i) => `ord${i}`).join(" "))?.split(" ")).toHaveLength(12);
  });
});

describe("snippets", () => {
  it("escapes HTML in the text and marks only the hits", () => {
    const html = snippetToHtml(`<script>alert(1)</script> ${MARK_START}uppsägning${MARK_END} & mer`);
    expect(html).toBe("&lt;script&gt;alert(1)&lt;/script&gt; <mark>uppsägning</mark> &amp; mer");
  });
});
