/**
 * Atom (RFC 4287) feeds, pure: the caller passes every entry, already limited to what the
 * anonymous public may read. Text is escaped for XML and stripped of characters XML 1.0
 * does not allow, so nothing typed into the portal can break the feed or add markup to it.
 */

export interface AtomEntry {
  /** A permanent, unique id (a tag: URI). */
  id: string;
  title: string;
  /** ISO instant of the last change. */
  updated: string;
  url: string;
  summary: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  selfUrl: string;
  alternateUrl: string;
  /** ISO instant; the newest entry's, or the given fallback for an empty feed. */
  updated: string;
  entries: AtomEntry[];
}

/** Escapes XML text and attribute values and drops characters XML 1.0 forbids (control characters, lone surrogates). */
export function escapeXml(value: string): string {
  return value
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      "",
    )
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** An Atom timestamp (RFC 3339) from an ISO instant or a date (midnight UTC). */
function instant(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : new Date(value).toISOString();
}

/**
 * An entry's `updated`: the newest of the times its content was published to the feed's
 * readers (every published version of a notice; a decision's approval and each approved
 * correction of its §), so a republished change of time or place shows as an update in a feed
 * reader. The caller passes published times only, never an unpublished change; `fallback` (a
 * date) when none carries a time.
 */
export function lastPublished(times: readonly (string | null | undefined)[], fallback: string): string {
  const known = times.filter((t): t is string => Boolean(t));
  return known.length ? known.reduce((a, b) => (instant(b) > instant(a) ? b : a)) : fallback;
}

export function buildAtomFeed(feed: AtomFeed): string {
  const newest =
    feed.entries
      .map((e) => instant(e.updated))
      .sort()
      .at(-1) ?? instant(feed.updated);
  const entries = feed.entries.map((e) =>
    [
      "  <entry>",
      `    <id>${escapeXml(e.id)}</id>`,
      `    <title>${escapeXml(e.title)}</title>`,
      `    <updated>${instant(e.updated)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>`,
      `    <summary type="text">${escapeXml(e.summary)}</summary>`,
      "  </entry>",
    ].join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`,
    `  <updated>${newest}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateUrl)}"/>`,
    "  <author><name>Samverkansportalen</name></author>",
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
