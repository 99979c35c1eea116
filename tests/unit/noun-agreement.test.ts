/**
 * Hunts the class "a number whose noun does not agree with it" (issue 15, plain Swedish: "1
 * personer", "förlängt 1 gånger"): in app/, a counted value written straight before a plural
 * noun must go through `countOf` (app/domain/format.ts) or a Pagination `noun` pair, which
 * choose "1 person" / "2 personer". A constant that is never 1 (written in capitals) may stand
 * before a plural.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = path.resolve(__dirname, "../../app");

/** Plurals that differ from their singular (år, svar, beslut, dokument and uppdrag do not). */
const PLURALS = [
  "personer",
  "gånger",
  "möten",
  "parter",
  "ärenden",
  "rekommendationer",
  "händelser",
  "punkter",
  "ledamöter",
  "filer",
  "versioner",
  "dagar",
  "träffar",
  "meddelanden",
  "kontakter",
  "ändringar",
  "rader",
  "sidor",
  "månader",
  "veckor",
  "timmar",
  "minuter",
  "kommuner",
  "regioner",
  "organisationer",
  "rapporter",
  "handlingar",
  "paragrafer",
  "bilagor",
  "mottagare",
  "frågor",
  "platser",
  "nyckeltal",
  "underskrifter",
  "justerare",
  "ersättare",
  "brev",
  "påminnelser",
];

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
    );
}

function countsBeforePlurals(file: string) {
  const text = fs.readFileSync(file, "utf8");
  // `${n} personer` in a template, or {n} personer in JSX.
  const pattern = new RegExp(`(\\$?\\{([^{}]+)\\})(?:\\{" "\\})?\\s+(${PLURALS.join("|")})\\b`, "g");
  return [...text.matchAll(pattern)]
    .filter((m) => !/^(formatCount\()?[A-Z_][A-Z0-9_.]*\)?$/.test(m[2].trim()))
    .map((m) => `${path.relative(APP, file)}:${text.slice(0, m.index).split("\n").length}: ${m[0]}`);
}

describe("numbers and nouns", () => {
  it("writes every counted value before a plural noun through countOf", () => {
    expect(sources(APP).flatMap(countsBeforePlurals)).toEqual([]);
  });
});
