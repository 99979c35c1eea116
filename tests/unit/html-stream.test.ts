/**
 * React 18's streaming renderer sends a 2 048-byte buffer whole when a multi-byte character does
 * not fit at its end, so the page gets a NUL byte before that character (facebook/react#31134).
 * The portal's pages are Swedish: any page long enough hits it somewhere ("H\0ärjedalen").
 * app/utils/html-stream.server.ts drops those bytes; entry.server.tsx pipes every page through it.
 */
import { PassThrough, type Readable } from "node:stream";
import { createElement as h } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { htmlStream, withoutStrayNuls } from "~/utils/html-stream.server";

/** A page of short Swedish texts of varying lengths, so characters land on every buffer offset. */
const page = h(
  "ul",
  null,
  Array.from({ length: 600 }, (_, i) => h("li", { key: i, "data-label": "å".repeat(i % 5) }, "x".repeat(i % 7), "ä")),
);

function render(through: (source: Readable) => Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const { pipe } = renderToPipeableStream(page, {
      onAllReady() {
        const out = through(pipe(new PassThrough()) as Readable);
        const chunks: Buffer[] = [];
        out.on("data", (c: Buffer) => chunks.push(c));
        out.on("end", () => resolve(Buffer.concat(chunks)));
        out.on("error", reject);
      },
      onError: reject,
    });
  });
}

describe("rendered HTML", () => {
  it("carries NUL bytes from React's renderer when not filtered (the bug this guards against)", async () => {
    const html = await render((s) => s);
    expect(html.includes(0)).toBe(true);
  });

  it("carries none through htmlStream, and loses nothing else", async () => {
    const html = (await render((s) => s.pipe(htmlStream()))).toString("utf8");
    expect(html).not.toContain("\u0000");
    expect(html).not.toContain("\ufffd");
    expect(html.match(/ä<\/li>/g)).toHaveLength(600);
    const unfiltered = (await render((s) => s)).toString("utf8");
    expect(html).toBe(unfiltered.replaceAll("\u0000", ""));
  });

  it("leaves other chunks alone", () => {
    const chunk = new Uint8Array([104, 0, 0]);
    expect(withoutStrayNuls(chunk)).toBe(chunk);
    const full = new Uint8Array(2048).fill(120);
    full[2047] = 0;
    expect(withoutStrayNuls(full)).toHaveLength(2047);
  });
});
