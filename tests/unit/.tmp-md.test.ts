import { it } from "vitest";
import { XSS_VECTORS } from "../fixtures/xss-vectors";
import { renderMarkdown } from "~/utils/markdown.server";
import { assertNoExecutableHtml } from "../fixtures/xss-check";
it("x", () => {
  console.log(XSS_VECTORS.length);
  let bad = 0;
  for (const v of XSS_VECTORS) { try { assertNoExecutableHtml(renderMarkdown(v)); } catch (e) { bad++; console.log(JSON.stringify(v), (e as Error).message); } }
  console.log("bad", bad);
});
