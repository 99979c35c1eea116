import { describe, expect, it } from "vitest";
import { buildAtomFeed, escapeXml, lastPublished } from "~/domain/atom";

const feed = {
  id: "tag:portal.example,2026:organ/1",
  title: "SVOM: beslut och kallelser",
  subtitle: "Offentliga beslut",
  selfUrl: "https://portal.example/organ/1/flode.atom",
  alternateUrl: "https://portal.example/organ/1",
  updated: "2026-01-01T00:00:00Z",
};

describe("Atom feeds", () => {
  it("escape markup and drop characters XML does not allow", () => {
    expect(escapeXml(`<script>"a" & 'b'</script>`)).toBe(
      "&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt;",
    );
    expect(escapeXml("a\u0000b\u0008c\u001fd\ttab\nrad\ud800e")).toBe("abcd\ttab\nrade");
    expect(escapeXml("åäö 😀")).toBe("åäö 😀");
  });

  it("build a feed whose updated is the newest entry's, with each entry's link and summary", () => {
    const xml = buildAtomFeed({
      ...feed,
      entries: [
        {
          id: "tag:p,2026:beslut/1",
          title: "Beslut § 12",
          updated: "2022-06-03",
          url: "https://p/beslut/1",
          summary: "Rekommenderar",
        },
        {
          id: "tag:p,2026:kallelse/2",
          title: "Kallelse",
          updated: "2026-11-20T08:15:00.000Z",
          url: "https://p/moten/2",
          summary: "Sammanträde",
        },
      ],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(
      true,
    );
    expect(xml).toContain('  <updated>2026-11-20T08:15:00.000Z</updated>\n  <link rel="self"');
    expect(xml).toContain("<updated>2022-06-03T00:00:00Z</updated>");
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://p/moten/2"/>');
    expect(xml.match(/<entry>/g)).toHaveLength(2);
  });

  it("keeps hostile titles as text: no element of theirs appears", () => {
    const xml = buildAtomFeed({
      ...feed,
      entries: [
        {
          id: "x",
          title: "</title><entry><title>Falsk</title></entry><title>",
          updated: "2026-01-02",
          url: 'https://p/" onmouseover="x',
          summary: "]]><![CDATA[",
        },
      ],
    });
    expect(xml.match(/<entry>/g)).toHaveLength(1);
    expect(xml).toContain("&lt;/title&gt;&lt;entry&gt;");
    expect(xml).toContain('href="https://p/&quot; onmouseover=&quot;x"');
    expect(xml).not.toContain("]]>");
  });

  it("has an updated time when empty", () => {
    expect(buildAtomFeed({ ...feed, entries: [] })).toContain("<updated>2026-01-01T00:00:00.000Z</updated>");
  });
});

describe("an entry's updated time", () => {
  it("is its last publication, so a republished notice or a corrected § shows as an update", () => {
    // A notice published 1 November and republished with a new time on 20 November.
    expect(lastPublished(["2026-11-01T08:00:00.000Z", "2026-11-20T09:30:00.000Z"], "2026-12-10")).toBe(
      "2026-11-20T09:30:00.000Z",
    );
    expect(lastPublished(["2026-11-20T09:30:00.000Z", "2026-11-01T08:00:00.000Z"], "2026-12-10")).toBe(
      "2026-11-20T09:30:00.000Z",
    );
    // A decision approved, then a correction of its § approved; none corrected yet (null).
    expect(lastPublished(["2026-10-09T10:00:00Z", "2026-10-23T14:00:00.000Z"], "2026-10-02")).toBe(
      "2026-10-23T14:00:00.000Z",
    );
    expect(lastPublished(["2026-10-09T10:00:00Z", null], "2026-10-02")).toBe("2026-10-09T10:00:00Z");
    // A date and an instant on the same scale: the date is its midnight (UTC).
    expect(lastPublished(["2026-10-09", "2026-10-08T23:00:00Z"], "2026-10-02")).toBe("2026-10-09");
  });

  it("falls back to the given date when nothing was published with a time", () => {
    expect(lastPublished([null, undefined], "2022-06-03")).toBe("2022-06-03");
    expect(lastPublished([], "2022-06-03")).toBe("2022-06-03");
  });
});
