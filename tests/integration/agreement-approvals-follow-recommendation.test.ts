/**
 * The agreement version's page is public (read:agreement: anyone). It listed every sent
 * recommendation that adopted the version, with a link, and every party's answer to it in the
 * table "Godkännande per part", whether or not the viewer may read the recommendation: a
 * recommendation that is not public (read by the signed-in only, 404 to the public) reached the
 * public there by its title and its answers. The approvals follow the recommendation's own
 * readability now (`approvalsOfVersion(versionId, actor)`), as if missing to the public.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { recommendations } from "../../db/schema";
import { agreementOf, currentVersion } from "~/models/agreements.server";
import * as versionPage from "~/routes/avtal.versioner.$versionId._index";
import { loadAs } from "../support/loaders";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;

beforeEach(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
});

function adopting() {
  const version = currentVersion(agreementOf(world.collaborationId)!.id, "2026-11-23")!;
  const rec = db.select().from(recommendations).where(eq(recommendations.agreementVersionId, version.id)).get()!;
  return { version, rec };
}

const pageFor = (userId: string | null, versionId: number) =>
  loadAs(db, versionPage, `/avtal/versioner/${versionId}`, userId, { versionId: String(versionId) });

describe("the approvals on an agreement version's page", () => {
  it("tell the public nothing of a recommendation that is not public", async () => {
    const { version, rec } = adopting();
    db.update(recommendations).set({ isPublic: false }).where(eq(recommendations.id, rec.id)).run();
    const anonymous = await pageFor(null, version.id);
    expect(JSON.stringify(anonymous)).not.toContain(rec.title);
    expect(anonymous.recommendations).toEqual([]);
    expect(anonymous.approval.registered).toBe(false);
    for (const userId of ["demo-politiker", "demo-samordnare"]) {
      const page = await pageFor(userId, version.id);
      expect(
        page.recommendations.map((r) => r.title),
        userId,
      ).toEqual([rec.title]);
      expect(page.approval.registered, userId).toBe(true);
      expect(page.approval.state.parties.length, userId).toBeGreaterThan(0);
    }
  });

  it("show a public recommendation and its answers to everyone", async () => {
    const { version, rec } = adopting();
    expect(rec.isPublic).toBe(true);
    for (const userId of [null, "demo-politiker"]) {
      const page = await pageFor(userId, version.id);
      expect(
        page.recommendations.map((r) => r.title),
        String(userId),
      ).toEqual([rec.title]);
      expect(page.approval.registered, String(userId)).toBe(true);
    }
  });
});
