import { describe, expect, it } from "vitest";
import {
  markdownToPlainParagraphs,
  markdownToPlainText,
  renderMarkdown,
  renderMarkdownInline,
} from "~/utils/markdown.server";
import { assertNoExecutableHtml, decodeEntities, executableProblems, regexProblems } from "../fixtures/xss-check";
import { XSS_VECTORS } from "../fixtures/xss-vectors";

/** Every element and attribute the renderer may ever emit. */
const ALLOWED: Record<string, string[]> = {
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  p: [],
  br: [],
  hr: [],
  ul: [],
  ol: ["start"],
  li: [],
  blockquote: [],
  pre: [],
  code: ["class"],
  em: [],
  strong: [],
  del: [],
  a: ["href", "title", "rel"],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ["align"],
  td: ["align"],
};

/** Tags and attributes in `html` that are not on the allow-list (regex over the tags). */
function offAllowList(html: string): string[] {
  const problems: string[] = [];
  for (const [, name, rest] of html.matchAll(/<\/?([^\s/>]+)([^>]*)>/g)) {
    const tag = name.toLowerCase();
    if (!(tag in ALLOWED)) {
      problems.push(`<${tag}>`);
      continue;
    }
    for (const [, attr] of rest.matchAll(/([^\s"'=/]+)(?:="[^"]*")?/g))
      if (!ALLOWED[tag].includes(attr)) problems.push(`${tag}[${attr}]`);
  }
  return problems;
}

const cases = XSS_VECTORS.map((vector, i) => ({ i, vector, label: JSON.stringify(vector).slice(0, 70) }));

describe("renderMarkdown: ordinary Markdown", () => {
  it("renders headings of every level", () => {
    expect(renderMarkdown("# Ett\n## Två\n### Tre\n#### Fyra\n##### Fem\n###### Sex")).toBe(
      "<h1>Ett</h1>\n<h2>Två</h2>\n<h3>Tre</h3>\n<h4>Fyra</h4>\n<h5>Fem</h5>\n<h6>Sex</h6>\n",
    );
    expect(renderMarkdown("Rubrik\n======\n\nUnderrubrik\n-----------")).toBe(
      "<h1>Rubrik</h1>\n<h2>Underrubrik</h2>\n",
    );
  });

  it("renders paragraphs, emphasis, strikethrough and inline code", () => {
    expect(renderMarkdown("Första stycket.\n\nAndra *kursiv* **fet** ~~struken~~ `kod < 1`.")).toBe(
      "<p>Första stycket.</p>\n<p>Andra <em>kursiv</em> <strong>fet</strong> <del>struken</del> <code>kod &lt; 1</code>.</p>\n",
    );
  });

  it("renders unordered, ordered (with start) and nested lists", () => {
    expect(renderMarkdown("- ett\n- två\n  - två a")).toBe(
      "<ul>\n<li>ett</li>\n<li>två<ul>\n<li>två a</li>\n</ul>\n</li>\n</ul>\n",
    );
    expect(renderMarkdown("1. a\n2. b")).toBe("<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n");
    expect(renderMarkdown("3. c\n4. d")).toContain('<ol start="3">');
  });

  it("renders task lists as characters, not form controls", () => {
    const html = renderMarkdown("- [ ] att göra\n- [x] klart");
    expect(html).toBe("<ul>\n<li>☐ att göra</li>\n<li>☑ klart</li>\n</ul>\n");
    expect(html).not.toContain("<input");
  });

  it("renders tables with alignment", () => {
    const html = renderMarkdown("| Part | Andel |\n|:---|---:|\n| Region | 46,75 % |\n| Kommunerna | 53,25 % |");
    expect(html).toContain("<table>");
    expect(html).toContain('<th align="left">Part</th>');
    expect(html).toContain('<th align="right">Andel</th>');
    // A percentage's space is a no-break space in the rendered text (issue 15, item 2).
    expect(html).toContain('<td align="right">46,75\u00a0%</td>');
    expect(html).toContain("<tbody>");
  });

  it("keeps dates and amounts in the text whole, never touching a tag", () => {
    const html = renderMarkdown(
      "Beslut i Styrgruppen 2024-11-29 § 45: 5 720 000 kr, 50 % var. Se [protokollet](/moten/2024-11-29-protokoll). Året 2023 hade 120 möten.",
    );
    expect(html).toBe(
      '<p>Beslut i Styrgruppen <time class="date" datetime="2024-11-29">2024-11-29</time> § 45: 5\u00a0720\u00a0000\u00a0kr, 50\u00a0% var. ' +
        'Se <a href="/moten/2024-11-29-protokoll">protokollet</a>. Året 2023 hade 120 möten.</p>\n',
    );
    expect(renderMarkdownInline("senast 2026-12-31")).toBe(
      'senast <time class="date" datetime="2026-12-31">2026-12-31</time>',
    );
  });

  it("drops table alignment values that are not left, right or center", () => {
    expect(renderMarkdown('<table><tr><td align="justify">x</td><td align="center">y</td></tr></table>')).toBe(
      '<table><tr><td>x</td><td align="center">y</td></tr></table>',
    );
  });

  it("renders blockquotes, horizontal rules and hard line breaks", () => {
    expect(renderMarkdown("> citat\n\n---\n\nrad ett  \nrad två\\\nrad tre")).toBe(
      "<blockquote>\n<p>citat</p>\n</blockquote>\n<hr />\n<p>rad ett<br />rad två<br />rad tre</p>\n",
    );
  });

  it("renders fenced and indented code blocks, escaping their content and keeping only language-* classes", () => {
    expect(renderMarkdown("```js\nconst a = '<b>';\n```")).toBe(
      "<pre><code class=\"language-js\">const a = '&lt;b&gt;';\n</code></pre>\n",
    );
    expect(renderMarkdown("    <script>x</script>")).toBe("<pre><code>&lt;script&gt;x&lt;/script&gt;\n</code></pre>\n");
    expect(renderMarkdown('<code class="language-ts evil">x</code>')).toBe(
      '<p><code class="language-ts">x</code></p>\n',
    );
    expect(renderMarkdown('<pre class="x" id="y">x</pre>')).toBe("<pre>x</pre>");
  });

  it("escapes special characters in text", () => {
    expect(renderMarkdown('Tom & Jerry < 3 > 2 "citat"')).toBe('<p>Tom &amp; Jerry &lt; 3 &gt; 2 "citat"</p>\n');
    expect(renderMarkdown("&lt;script&gt;")).toBe("<p>&lt;script&gt;</p>\n");
  });

  it("returns an empty string for empty, blank or missing input", () => {
    expect(renderMarkdown("")).toBe("");
    expect(renderMarkdown("  \n\t ")).toBe("");
    expect(renderMarkdown(null)).toBe("");
    expect(renderMarkdown(undefined)).toBe("");
  });

  it("is not affected by options set on the global marked instance", async () => {
    const { marked } = await import("marked");
    marked.setOptions({ breaks: true });
    try {
      expect(renderMarkdown("a\nb")).toBe("<p>a\nb</p>\n");
    } finally {
      marked.setOptions({ breaks: false });
    }
  });
});

describe("renderMarkdown: links", () => {
  it("marks absolute http(s) links noopener noreferrer", () => {
    expect(renderMarkdown("[Regionen](https://www.regionjh.se)")).toBe(
      '<p><a href="https://www.regionjh.se" rel="noopener noreferrer">Regionen</a></p>\n',
    );
    expect(renderMarkdown("[gammal](http://example.org/a?b=1&c=2)")).toBe(
      '<p><a href="http://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">gammal</a></p>\n',
    );
    expect(renderMarkdown("[versaler](HTTPS://EXAMPLE.ORG)")).toContain('rel="noopener noreferrer"');
  });

  it("keeps relative, anchor and mailto links without rel", () => {
    expect(renderMarkdown("[dokument](/dokument/12)")).toBe('<p><a href="/dokument/12">dokument</a></p>\n');
    expect(renderMarkdown("[avsnitt](#budget)")).toBe('<p><a href="#budget">avsnitt</a></p>\n');
    expect(renderMarkdown("[relativ](bilaga.pdf)")).toBe('<p><a href="bilaga.pdf">relativ</a></p>\n');
    expect(renderMarkdown("[sök](?q=avtal)")).toBe('<p><a href="?q=avtal">sök</a></p>\n');
    expect(renderMarkdown("[mejl](mailto:kansli@example.se)")).toBe(
      '<p><a href="mailto:kansli@example.se">mejl</a></p>\n',
    );
  });

  it("keeps link titles (escaped)", () => {
    expect(renderMarkdown('[x](https://example.org "En \\"titel\\" <b>")')).toBe(
      '<p><a href="https://example.org" title="En &quot;titel&quot; &lt;b&gt;" rel="noopener noreferrer">x</a></p>\n',
    );
  });

  it("renders reference-style links and autolinks", () => {
    expect(renderMarkdown("Se [avtalet][a].\n\n[a]: https://example.org/avtal")).toBe(
      '<p>Se <a href="https://example.org/avtal" rel="noopener noreferrer">avtalet</a>.</p>\n',
    );
    expect(renderMarkdown("<https://example.org>")).toBe(
      '<p><a href="https://example.org" rel="noopener noreferrer">https://example.org</a></p>\n',
    );
    expect(renderMarkdown("www.example.org")).toBe(
      '<p><a href="http://www.example.org" rel="noopener noreferrer">www.example.org</a></p>\n',
    );
    expect(renderMarkdown("kansli@example.se")).toBe(
      '<p><a href="mailto:kansli@example.se">kansli@example.se</a></p>\n',
    );
  });

  it("drops target and author-written rel, and forces rel on external links", () => {
    expect(renderMarkdown('<a href="https://example.org" target="_blank" rel="opener">x</a>')).toBe(
      '<p><a href="https://example.org" rel="noopener noreferrer">x</a></p>\n',
    );
    expect(renderMarkdown('<a href="/intern" rel="opener" target="_top">x</a>')).toBe(
      '<p><a href="/intern">x</a></p>\n',
    );
  });

  it.each([
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](javascript&#58;alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](//evil.example/x)",
    "[x](file:///etc/passwd)",
    "[x](ftp://example.org/)",
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="java\u0000script:alert(1)">x</a>',
    '<a href="&#14;javascript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="javascript&#0000058alert(1)">x</a>',
    '<a href="\u2028javascript:alert(1)">x</a>',
    '<a href="\uFEFFjavascript:alert(1)">x</a>',
    "[x]\n\n[x]: javascript:alert(1)",
    "<javascript:alert(1)>",
  ])("drops the href of %j but keeps the link text", (source) => {
    const html = renderMarkdown(source);
    expect(html).not.toMatch(/href=/);
    expect(html).toMatch(/x|javascript:alert\(1\)/);
    assertNoExecutableHtml(html);
  });
});

describe("renderMarkdown: images and raw HTML", () => {
  it("never renders images; Markdown images become their alt text (escaped)", () => {
    expect(renderMarkdown("![Karta över länet](https://example.org/karta.png)")).toBe("<p>Karta över länet</p>\n");
    expect(renderMarkdown("![a < b & *c*](x.png)")).toBe("<p>a &lt; b &amp; c</p>\n");
    expect(renderMarkdown('<img src="https://example.org/a.png" alt="x">')).toBe("");
  });

  it("removes disallowed elements, dropping script-like content and keeping other text", () => {
    expect(renderMarkdown("före <script>alert(1)</script> efter")).toBe("<p>före  efter</p>\n");
    expect(renderMarkdown('<div>behållen <span style="color:red">text</span></div>')).toBe("behållen text");
    expect(renderMarkdown('<iframe src="https://example.org">inuti</iframe>')).toBe("");
    expect(renderMarkdown("<svg><text>ord</text></svg>")).toBe("<p>ord</p>\n");
    expect(renderMarkdown("<!-- kommentar -->synlig")).toBe("synlig");
  });

  it("closes unclosed elements", () => {
    expect(renderMarkdown("<strong>fet")).toBe("<p><strong>fet</strong></p>\n");
  });
});

describe("renderMarkdownInline", () => {
  it("renders inline Markdown without a paragraph and without block elements", () => {
    expect(renderMarkdownInline("**Fet** och *kursiv* med `kod` och [länk](https://example.org)")).toBe(
      '<strong>Fet</strong> och <em>kursiv</em> med <code>kod</code> och <a href="https://example.org" rel="noopener noreferrer">länk</a>',
    );
    expect(renderMarkdownInline("# inte rubrik")).toBe("# inte rubrik");
    expect(renderMarkdownInline("<h1>x</h1><table><tr><td>y</td></tr></table>")).toBe("xy");
    expect(renderMarkdownInline("")).toBe("");
    expect(renderMarkdownInline(null)).toBe("");
  });
});

describe("markdownToPlainText", () => {
  it("strips all markup, decodes entities and collapses whitespace", () => {
    expect(markdownToPlainText('# Rubrik\n\nTom & Jerry\'s *"citat"* &lt;x&gt;\n\n- ett\n- två')).toBe(
      'Rubrik Tom & Jerry\'s "citat" <x> ett två',
    );
  });

  it("separates block elements and table cells with spaces", () => {
    expect(markdownToPlainText("| a | b |\n|---|---|\n| c | d |")).toBe("a b c d");
    expect(markdownToPlainText("rad ett  \nrad två")).toBe("rad ett rad två");
    expect(markdownToPlainText("Stycke ett.\n\nStycke två.")).toBe("Stycke ett. Stycke två.");
  });

  it("keeps link texts and image alt texts but no URLs", () => {
    expect(markdownToPlainText("[avtalet](https://example.org/avtal) ![karta](k.png)")).toBe("avtalet karta");
  });

  it("drops script and style contents entirely", () => {
    expect(markdownToPlainText("a <script>alert(1)</script> <style>p{}</style> b")).toBe("a b");
  });

  it("handles empty and missing input", () => {
    expect(markdownToPlainText("")).toBe("");
    expect(markdownToPlainText(null)).toBe("");
  });
});

describe("markdownToPlainParagraphs (a message's text)", () => {
  it("gives each block its own paragraph, list items with a dash, and no markup", () => {
    expect(
      markdownToPlainParagraphs(
        "## Rubrik\n\nMed **fet** och _kursiv_ `kod` &amp; 5 < 6.\n\n- ett\n- två\n\n1. första\n\n   löst\n\n> citat",
      ),
    ).toEqual(["Rubrik", "Med fet och kursiv kod & 5 < 6.", "- ett", "- två", "- första", "löst", "citat"]);
  });

  it("keeps a table row's cells on one line and line breaks as paragraphs", () => {
    expect(markdownToPlainParagraphs("| a | b |\n|---|---|\n| c | d |")).toEqual(["a b", "c d"]);
    expect(markdownToPlainParagraphs("rad ett  \nrad två")).toEqual(["rad ett", "rad två"]);
  });

  it("keeps link texts without URLs and drops raw tags and script contents", () => {
    expect(
      markdownToPlainParagraphs(
        "Se [avtalet](https://example.org/avtal).\n\n<script>alert(1)</script><b>fet</b>\n- punkt",
      ),
    ).toEqual(["Se avtalet.", "fet", "- punkt"]);
  });

  it("handles empty and missing input, and never splits on the marker character itself", () => {
    expect(markdownToPlainParagraphs("")).toEqual([]);
    expect(markdownToPlainParagraphs(null)).toEqual([]);
    expect(markdownToPlainParagraphs("a\ue000b")).toEqual(["ab"]);
  });
});

describe("the executable-HTML checker", () => {
  it.each([
    "<script>alert(1)</script>",
    "<SCRIPT SRC=x></SCRIPT>",
    "</script>",
    "<img src=x onerror=alert(1)>",
    '<img src="x" ONERROR="alert(1)">',
    "<p/onclick=alert(1)>x</p>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JAVASCRIPT:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="jav&Tab;ascript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">x</a>',
    "<a href=' javascript:alert(1)'>x</a>",
    "<a href=vbscript:msgbox(1)>x</a>",
    '<a href="data:text/html,x">x</a>',
    '<form action="javascript:alert(1)"></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
    "<iframe src=x></iframe>",
    "<object data=x></object>",
    "<embed src=x>",
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<style>p{}</style>",
    "<svg></svg>",
    "<math></math>",
    "<form></form>",
    '<link rel="stylesheet" href="x">',
    '<p style="color:red">x</p>',
    "<!-- x -->",
  ])("flags %j", (html) => {
    expect(() => assertNoExecutableHtml(html)).toThrow(/Executable HTML/);
    expect(regexProblems(html)).not.toEqual([]);
  });

  it.each([
    '<p><a href="https://example.org" rel="noopener noreferrer">x</a></p>',
    '<p><a href="/dokument/1" title="onclick=alert(1) javascript:x">x</a></p>',
    "<p>javascript:alert(1) is only text here &lt;script&gt;</p>",
    '<pre><code class="language-js">x.onclick = y;</code></pre>',
    "<p>onload=x as text</p>",
    '<table><tr><td align="left">a</td></tr></table>',
  ])("accepts the harmless %j", (html) => {
    expect(executableProblems(html)).toEqual([]);
    expect(regexProblems(html)).toEqual([]);
    expect(() => assertNoExecutableHtml(html)).not.toThrow();
  });

  it("decodes entities in attribute values, with or without semicolons and padded", () => {
    expect(decodeEntities("&#106;&#x61;&#0000118a&Tab;&colon;&NewLine;&#x3A")).toBe("java\t:\n:");
    expect(decodeEntities("&amp;#106;")).toBe("j");
    expect(decodeEntities("a &unknown; b")).toBe("a &unknown; b");
  });
});

describe("hostile input corpus", () => {
  it("has at least 300 distinct vectors", () => {
    expect(new Set(XSS_VECTORS).size).toBe(XSS_VECTORS.length);
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(300);
  });

  it.each(cases)("vector $i is harmless as block Markdown: $label", ({ vector }) => {
    const html = renderMarkdown(vector);
    assertNoExecutableHtml(html);
    expect(offAllowList(html)).toEqual([]);
    expect(html).not.toMatch(/<img|\starget=|\sstyle=|\sid=/i);
  });

  it.each(cases)("vector $i is harmless inside surrounding Markdown: $label", ({ vector }) => {
    const html = renderMarkdown(
      `# Rubrik\n\nText före ${vector} text efter.\n\n- punkt ${vector}\n\n> ${vector}\n\n| a |\n|---|\n| ${vector.replace(/\n/g, " ")} |`,
    );
    assertNoExecutableHtml(html);
    expect(offAllowList(html)).toEqual([]);
  });

  it.each(cases)("vector $i is harmless as inline Markdown: $label", ({ vector }) => {
    const html = renderMarkdownInline(vector);
    assertNoExecutableHtml(html);
    expect(offAllowList(html)).toEqual([]);
  });

  it("gives, for every vector, plain text that matches the text of the rendered HTML", () => {
    // sanitize-html output escapes only these four characters in text.
    const textOf = (html: string) =>
      html
        .replace(/<[^>]*>/g, "")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&");
    const mismatches = XSS_VECTORS.filter(
      (v) => markdownToPlainText(v).replace(/\s/g, "") !== textOf(renderMarkdown(v)).replace(/\s/g, ""),
    );
    expect(mismatches).toEqual([]);
  });
});
