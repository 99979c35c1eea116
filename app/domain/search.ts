/**
 * Search input and output. Pure: turns what a person typed into a safe FTS5 query (every word
 * quoted and prefix-matched, so no FTS syntax can be injected), and turns a snippet with
 * markers into HTML with <mark> and everything else escaped.
 */

export const MARK_START = "\u0001";
export const MARK_END = "\u0002";

/** "uppsäg avtal" → "\"uppsäg\"* \"avtal\"*" (all words must match, prefixes allowed). */
export function buildFtsQuery(input: string): string | null {
  const words = input
    .normalize("NFC")
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  return words
    .slice(0, 12)
    .map((w) => `"${w}"*`)
    .join(" ");
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Snippet text from FTS5 (with our markers) → safe HTML with highlighted hits. */
export function snippetToHtml(snippet: string): string {
  return escapeHtml(snippet).split(MARK_START).join("<mark>").split(MARK_END).join("</mark>");
}

export const SEARCH_KIND_LABEL: Record<string, string> = {
  document: "Dokument",
  agenda_item: "Dagordningspunkt",
  decision: "Beslut",
  matter: "Ärende",
  agreement_version: "Avtal",
  recommendation: "Rekommendation",
};
