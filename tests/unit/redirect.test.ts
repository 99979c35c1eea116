/**
 * Hunts the class "an open redirect": known payloads (the audit's `/%09/evil.example`
 * decoded by the query string parser, backslashes, encoded slashes, dot segments, schemes)
 * and thousands of random combinations of the characters browsers normalise go through
 * `safeRedirectTo`; every answer, resolved the way a browser resolves a Location header,
 * must stay on our origin.
 */
import { describe, expect, it } from "vitest";
import { safeRedirectTo } from "~/auth/session.server";
import { randomText, seededRandom } from "../support/random";

const OURS = "https://portal.example.se";

function staysHome(value: string) {
  const resolved = new URL(value, `${OURS}/logga-in`);
  return resolved.origin === OURS && value.startsWith("/") && !/[\u0000-\u001f\u007f]/.test(value);
}

const PAYLOADS = [
  "/\t/evil.example",
  decodeURIComponent("/%09/evil.example"),
  "/\n/evil.example",
  "/\r\n/evil.example",
  "//evil.example",
  "/\\evil.example",
  "\\/evil.example",
  "/\\/evil.example",
  "https://evil.example",
  "http:evil.example",
  "javascript:alert(1)",
  "/./../..//evil.example",
  "/.//evil.example",
  "/a/..//evil.example",
  "/ /evil.example",
  "/%2F%2Fevil.example",
  "/%5Cevil.example",
  "/\u3000/evil.example",
  "/\u2028/evil.example",
  "/\ufeff/evil.example",
  "evil.example",
  "",
  "/" + "a".repeat(5000),
];

describe("safeRedirectTo (class)", () => {
  it.each(PAYLOADS)("keeps %j on our origin", (payload) => {
    expect(staysHome(safeRedirectTo(payload))).toBe(true);
  });

  it("keeps our own paths as they are", () => {
    for (const path of ["/", "/moten/5", "/sok?q=budget%202027&typ=beslut", "/dokument/3#versioner", "/moten/5/../6"])
      expect(staysHome(safeRedirectTo(path))).toBe(true);
    expect(safeRedirectTo("/sok?q=budget%202027&typ=beslut")).toBe("/sok?q=budget%202027&typ=beslut");
  });

  it("keeps 20 000 random combinations on our origin", () => {
    const PIECES = [
      "/",
      "\\",
      "\t",
      "\n",
      "\r",
      " ",
      ".",
      "..",
      "%2f",
      "%5c",
      "%09",
      "@",
      ":",
      "evil.example",
      "http",
      "?",
      "#",
      "\u0000",
    ];
    const random = seededRandom(42);
    let offSite = 0;
    for (let i = 0; i < 20_000; i++) {
      const value = randomText(random, PIECES, 1, 8);
      if (!staysHome(safeRedirectTo(value))) offSite++;
    }
    expect(offSite).toBe(0);
  });
});
