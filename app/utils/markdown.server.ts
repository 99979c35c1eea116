/**
 * Markdown → safe HTML.
 *
 * marked renders GitHub-flavoured Markdown and passes raw HTML straight through, so every
 * output goes through sanitize-html with a strict allow-list before it reaches a page:
 *
 * - Elements: headings, p, br, hr, lists, blockquote, pre/code, em/strong/del, a and tables.
 *   Everything else (script, style, iframe, object, embed, form, svg, math, img, …) is
 *   removed; the content of script-like elements is dropped, other content kept as text.
 * - Attributes: a[href, title, rel], th/td[align = left|right|center], ol[start] and
 *   code[class = language-*]. No style, no event handlers, no target, no id.
 * - Links: only http:, https:, mailto: and relative/anchor links survive. sanitize-html
 *   decodes entities and ignores the whitespace/control characters browsers ignore before
 *   it checks the scheme, so `jav&#x09;ascript:` and friends are dropped too.
 *   Protocol-relative links (`//host`) are dropped. Absolute http(s) links get
 *   `rel="noopener noreferrer"`; any other rel the author wrote is removed.
 * - Images are never rendered (no tracking pixels or external content on internal pages):
 *   `![alt](url)` becomes its alt text, raw `<img>` tags are removed.
 * - GFM task-list checkboxes become the characters ☐/☑ instead of <input> elements.
 * - A date in the text becomes `<time class="date">` and the spaces inside a number no-break
 *   spaces, so neither breaks across lines (issue 15, item 2; as app/components/dates.tsx does
 *   for the pages' own text). This is done after sanitising, in text only, never in a tag.
 *
 * Server-only: call it in loaders and send the HTML to the page.
 */
import { Marked, type Renderer, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";
import { keepNumbersWhole } from "~/domain/format";

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Our own instance, so options set elsewhere on the global `marked` never reach us. */
const markdown = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    image(this: Renderer, { text, tokens }: Tokens.Image): string {
      return tokens ? this.parser.parseInline(tokens, this.parser.textRenderer) : escapeText(text);
    },
    checkbox({ checked }: Tokens.Checkbox): string {
      return checked ? "☑ " : "☐ ";
    },
  },
});

const EXTERNAL = /^https?:\/\//i;

/** Elements whose whole content is dropped with them (not kept as text). */
const NON_TEXT_TAGS = [
  "script",
  "style",
  "textarea",
  "option",
  "noscript",
  "title",
  "xmp",
  "template",
  "iframe",
  "noembed",
  "noframes",
  "object",
  "applet",
  "select",
];

const ALLOWED_SCHEMES = ["http", "https", "mailto"];

/** Characters some URL consumer might skip: whitespace, controls, soft hyphen, zero-width, BOM. */
const INVISIBLE =
  /[\u0000-\u0020\u007f-\u009f\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/g;

const SCHEME_ENTITIES: Record<string, string> = { colon: ":", tab: "\t", newline: "\n", nbsp: " ", amp: "&" };

/** Numeric character references and the few named ones that can spell a scheme. */
function decodeReferences(value: string): string {
  let current = value;
  for (let round = 0; round < 5; round++) {
    const next = current
      .replace(/&#x([0-9a-f]{1,8});?/gi, (_, hex: string) => fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d{1,10});?/g, (_, dec: string) => fromCodePoint(parseInt(dec, 10)))
      .replace(/&(colon|tab|newline|nbsp|amp);?/gi, (_, name: string) => SCHEME_ENTITIES[name.toLowerCase()] ?? "");
    if (next === current) break;
    current = next;
  }
  return current;
}

function fromCodePoint(n: number): string {
  return n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "\ufffd";
}

/**
 * Defence in depth on top of sanitize-html's own scheme check: also refuses a link whose
 * scheme only appears after decoding references again or removing invisible characters,
 * so the output stays safe even for a consumer that decodes twice or is more lenient.
 */
function hasForbiddenScheme(href: string): boolean {
  const normalised = decodeReferences(href).replace(INVISIBLE, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(normalised);
  return scheme !== null && !ALLOWED_SCHEMES.includes(scheme[1]);
}

const linkTransform: sanitizeHtml.Transformer = (tagName, attribs) => {
  const result = { ...attribs };
  delete result.rel;
  if (result.href !== undefined && hasForbiddenScheme(result.href)) delete result.href;
  if (result.href !== undefined) {
    result.href = result.href.trim();
    if (EXTERNAL.test(result.href)) result.rel = "noopener noreferrer";
  }
  return { tagName, attribs: result };
};

const ALIGNMENTS = ["left", "right", "center"];

/** Table cells keep align only with a valid value (sanitize-html would leave an empty one). */
const cellTransform: sanitizeHtml.Transformer = (tagName, attribs) => {
  const result = { ...attribs };
  const align = result.align?.trim().toLowerCase();
  if (align && ALIGNMENTS.includes(align)) result.align = align;
  else delete result.align;
  return { tagName, attribs: result };
};

const BLOCK_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "code",
    "em",
    "strong",
    "del",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "title", "rel"], th: ["align"], td: ["align"], ol: ["start"] },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ALLOWED_SCHEMES,
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: NON_TEXT_TAGS,
  transformTags: { a: linkTransform, th: cellTransform, td: cellTransform },
};

const INLINE_OPTIONS: sanitizeHtml.IOptions = {
  ...BLOCK_OPTIONS,
  allowedTags: ["em", "strong", "del", "code", "a", "br"],
  allowedAttributes: { a: ["href", "title", "rel"] },
  allowedClasses: {},
};

const TEXT_OPTIONS: sanitizeHtml.IOptions = { allowedTags: [], allowedAttributes: {}, nonTextTags: NON_TEXT_TAGS };

function toSource(source: string | null | undefined): string {
  return typeof source === "string" ? source : "";
}

/**
 * Dates and amounts in sanitised HTML's text kept whole. sanitize-html escapes "<" and ">" in
 * text and attribute values, so every "<…>" is a tag and everything between tags is text.
 */
function keepUnitsWhole(html: string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part, i) =>
      i % 2
        ? part
        : keepNumbersWhole(part).replace(/\d{4}-\d{2}-\d{2}/g, (d) => `<time class="date" datetime="${d}">${d}</time>`),
    )
    .join("");
}

/** Block Markdown (paragraphs, lists, tables, …) as sanitised HTML. Empty input gives "". */
export function renderMarkdown(source: string | null | undefined): string {
  const text = toSource(source);
  if (!text.trim()) return "";
  return keepUnitsWhole(sanitizeHtml(markdown.parse(text, { async: false }), BLOCK_OPTIONS));
}

/**
 * One line of Markdown (emphasis, code, links) as sanitised HTML without a wrapping <p>,
 * for titles, table cells and similar short texts.
 */
export function renderMarkdownInline(source: string | null | undefined): string {
  const text = toSource(source);
  if (!text.trim()) return "";
  return keepUnitsWhole(sanitizeHtml(markdown.parseInline(text, { async: false }), INLINE_OPTIONS));
}

/** Closing block tags and line breaks after which plain text needs a space. */
const BLOCK_END = /<\/(?:p|li|h[1-6]|blockquote|pre|tr|th|td|table|ul|ol|div)\s*>|<br\s*\/?>|<hr\s*\/?>/gi;

/**
 * Plain text of Markdown for search indexes and snippets: no tags, entities decoded,
 * whitespace collapsed. The result is text, not HTML: escape it before putting it in a page.
 */
export function markdownToPlainText(source: string | null | undefined): string {
  const text = toSource(source);
  if (!text.trim()) return "";
  const html = markdown.parse(text, { async: false }).replace(BLOCK_END, "$& ");
  // sanitize-html decodes entities while parsing and re-escapes only &, <, > and " on output.
  return sanitizeHtml(html, TEXT_OPTIONS)
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** Marks where a block ends in `markdownToPlainParagraphs` (a private-use character, removed from the source first). */
const PARAGRAPH_MARK = "\ue000";
const PARAGRAPH_START = /<(?:p|li|h[1-6]|blockquote|pre|tr|table|ul|ol|div|hr)(?:\s[^>]*)?\/?>/gi;
const PARAGRAPH_END = /<\/(?:p|li|h[1-6]|blockquote|pre|tr|table|ul|ol|div)\s*>|<br\s*\/?>/gi;

/**
 * Plain text of Markdown as paragraphs, for a message's text and HTML parts, which carry no
 * Markdown: each block (paragraph, heading, list item, quote, table row) one paragraph of text,
 * a list item with "- " before it; no tags, entities decoded, whitespace collapsed, raw tags'
 * content dropped as on a page. Link targets are left out, as the page shows only their text.
 */
export function markdownToPlainParagraphs(source: string | null | undefined): string[] {
  const text = toSource(source).replaceAll(PARAGRAPH_MARK, "");
  if (!text.trim()) return [];
  const html = markdown
    .parse(text, { async: false })
    // A block begins and ends a paragraph (a raw tag's block has no end of its own); cells are words of their row.
    .replace(PARAGRAPH_START, `${PARAGRAPH_MARK}$&`)
    .replace(/<li(?:\s[^>]*)?>/gi, "$&- ")
    // A loose list's item holds a paragraph: its text stays on the item's line.
    .replaceAll(`- ${PARAGRAPH_MARK}`, "- ")
    .replace(PARAGRAPH_END, `$&${PARAGRAPH_MARK}`)
    .replace(/<\/t[hd]\s*>/gi, "$& ");
  return sanitizeHtml(html, TEXT_OPTIONS)
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .split(PARAGRAPH_MARK)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p !== "" && p !== "-");
}
