/**
 * Markdown → safe HTML. marked renders (and passes raw HTML through), so every output goes
 * through sanitize-html with a strict allow-list: no scripts, styles, event handlers,
 * frames or non-http(s)/mailto links. External links get rel="noopener noreferrer".
 */
import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "blockquote", "pre", "code", "em", "strong", "del", "a", "table", "thead", "tbody", "tr", "th", "td"],
  allowedAttributes: { a: ["href", "title", "rel"], th: ["align"], td: ["align"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href ?? "";
      return /^https?:/i.test(href) ? { tagName, attribs: { ...attribs, rel: "noopener noreferrer" } } : { tagName, attribs };
    },
  },
};

export function renderMarkdown(source: string): string {
  if (!source.trim()) return "";
  const html = marked.parse(source, { async: false, gfm: true, breaks: false }) as string;
  return sanitizeHtml(html, OPTIONS);
}

/** Plain text of Markdown, for search snippets and indexes. */
export function markdownToPlainText(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true }) as string;
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, " ").trim();
}
