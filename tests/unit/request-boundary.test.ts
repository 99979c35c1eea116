/**
 * Hunts the class "a request body read past the limits": every action reads its form through
 * `readForm` (app/utils/request-body.server.ts), which refuses foreign encodings, malformed
 * multipart, oversized parts and control characters with a Swedish 4xx. Reading the body any
 * other way (request.formData(), .text(), .json(), the old multipart parser) fails this test.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = path.resolve(__dirname, "../../app");
const BOUNDARY = path.join(APP, "utils/request-body.server.ts");
const OTHER_READS =
  /\brequest\.(formData|text|json|arrayBuffer|blob)\(|\.body\.getReader\(|unstable_parseMultipartFormData|parseMultipartRequest/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe("request bodies (class 2 and 9)", () => {
  it("are read only through readForm", () => {
    const offenders = sources(APP)
      .filter((f) => f !== BOUNDARY)
      .filter((f) => OTHER_READS.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(APP, f));
    expect(offenders).toEqual([]);
  });
});
