/**
 * A refusal says why: a signed-in viewer refused something they may see (403) is told who may
 * do it instead, not only that they may not (the reason `forbidden("…")` gives).
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recommendationParties, recommendations } from "../../db/schema";
import { expectAccessible, startApp, waitForText, type TestApp } from "../support/browser";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("a refusal", () => {
  it("tells Mini-Maria's manager that Östersund's contact person reports its answer", async () => {
    const ostersund = app.world.organisationIds.Östersund;
    const asked = app.db
      .select({ id: recommendations.id })
      .from(recommendations)
      .innerJoin(recommendationParties, eq(recommendationParties.recommendationId, recommendations.id))
      .where(and(eq(recommendationParties.organisationId, ostersund)))
      .get()!;
    const { page } = await app.page("demo-chef");
    const response = await page.goto(`/rekommendationer/${asked.id}/svar/${ostersund}`);
    expect(response?.status()).toBe(403);
    await waitForText(page.getByRole("heading", { level: 1 }), "Du saknar behörighet");
    await waitForText(page.locator("main"), "rapporteras av partens kontaktperson i samverkan eller av samordnaren");
    await expectAccessible(page);
    await page.context().close();
  });
});
