/**
 * Hunts the class "an archive entry that escapes its folder or overwrites another": random
 * item titles and file names built from path separators, dot segments, drive letters,
 * control and bidi characters, case and Unicode-form twins go through `archivePaths`; every
 * result must be exactly "folder/file", with safe components, unique without regard to case.
 */
import { describe, expect, it } from "vitest";
import { archivePaths } from "~/domain/archive";
import { randomText, seededRandom } from "../support/random";

const PIECES = [
  "..",
  ".",
  "/",
  "\\",
  "C:",
  "evil",
  "ÅÄÖ",
  "Å",
  "\u0000",
  "\u202e",
  "\n",
  " ",
  "a.pdf",
  "A.PDF",
  "con",
  "~",
  "%2e%2e",
  "😀",
  "x".repeat(80),
];

function checkPaths(paths: string[]) {
  const seen = new Set<string>();
  for (const p of paths) {
    const parts = p.split("/");
    expect(parts, p).toHaveLength(2);
    for (const part of parts) {
      expect(part.length).toBeGreaterThan(0);
      expect([".", ".."]).not.toContain(part);
      expect(part).not.toMatch(/^[.\s]|[\\:*?"<>|]|[\p{Cc}\p{Cf}]/u);
    }
    const key = p.normalize("NFC").toLowerCase();
    expect(seen.has(key), `duplicate ${p}`).toBe(false);
    seen.add(key);
    expect(Buffer.byteLength(p, "utf8")).toBeLessThan(1024);
  }
}

describe("archive entry names (class)", () => {
  it("keeps the zip-slip case of the audit inside its folder, and unique", () => {
    const paths = archivePaths([
      { folder: "01 ../../../etc", name: "plan.pdf" },
      { folder: "01 ../../../etc", name: "plan.pdf" },
      { folder: "01 ../../../etc", name: "PLAN.pdf" },
    ]);
    checkPaths(paths);
    expect(paths[1]).toMatch(/\(2\)\.pdf$/);
  });

  it("holds for 2 000 random entries", () => {
    const random = seededRandom(7);
    const text = () => randomText(random, PIECES, 1, 7);
    const entries = Array.from({ length: 2000 }, () => ({
      folder: `0${Math.floor(random() * 3)} ${text()}`,
      name: text(),
    }));
    checkPaths(archivePaths(entries));
  }, 30_000);

  it("treats the NFC and NFD forms of a name as one", () => {
    const paths = archivePaths([
      { folder: "01 Budget", name: "Å.pdf" },
      { folder: "01 Budget", name: "A\u030a.pdf" },
    ]);
    expect(paths[0]).not.toBe(paths[1]);
    checkPaths(paths);
  });
});
