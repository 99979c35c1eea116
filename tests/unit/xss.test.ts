import { describe, expect, it } from "vitest";
import { escapeHtml, snippetHtml } from "~/domain/search";
import { renderMarkdown } from "~/utils/markdown.server";
import { XSS_VECTORS } from "../fixtures/xss-vectors";
import { executableProblems } from "../fixtures/xss-check";

describe("hostile input", () => {
  it("has a corpus of at least 300 distinct vectors", () => {
    expect(new Set(XSS_VECTORS).size).toBe(XSS_VECTORS.length);
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(300);
  });

  it("the checker itself catches executable HTML (so a pass means something)", () => {
    expect(executableProblems('<img src=x onerror="alert(1)">')).not.toEqual([]);
    expect(executableProblems('<a href="jav&#x09;ascript:alert(1)">x</a>')).not.toEqual([]);
    expect(executableProblems("<script>alert(1)</script>")).not.toEqual([]);
    expect(executableProblems('<a href="https://example.org" rel="noopener noreferrer">x</a>')).toEqual([]);
  });

  it("renders every vector through Markdown with 0 executable outputs", () => {
    const failures = XSS_VECTORS.map((v) => ({ v, problems: executableProblems(renderMarkdown(v)) })).filter(
      (r) => r.problems.length,
    );
    expect(failures).toEqual([]);
  });

  it("renders every vector inside surrounding Markdown with 0 executable outputs", () => {
    const failures = XSS_VECTORS.map((v) => ({
      v,
      problems: executableProblems(renderMarkdown(`# Rubrik\n\nText före ${v} text efter.\n\n- punkt ${v}`)),
    })).filter((r) => r.problems.length);
    expect(failures).toEqual([]);
  });

  it("escapes every vector in search snippets", () => {
    for (const v of XSS_VECTORS) {
      const html = snippetHtml(`träff ${v} träff`, ["träff", v.slice(0, 8).toLowerCase()]);
      expect(executableProblems(html)).toEqual([]);
      expect(html).not.toMatch(/<(?!\/?mark>)/);
    }
    expect(escapeHtml(`"'<>&`)).toBe("&quot;&#39;&lt;&gt;&amp;");
  });

  it("keeps ordinary Markdown working and marks external links noopener", () => {
    const html = renderMarkdown(
      "## Budget\n\n- **5 720 000 kr**\n- [Regionen](https://www.regionjh.se)\n\n| Part | Andel |\n|---|---|\n| Region | 46,75 % |",
    );
    expect(html).toContain("<h2>Budget</h2>");
    expect(html).toContain("<strong>5\u00a0720\u00a0000\u00a0kr</strong>");
    expect(html).toContain('<a href="https://www.regionjh.se" rel="noopener noreferrer">Regionen</a>');
    expect(html).toContain("<table>");
  });
});
