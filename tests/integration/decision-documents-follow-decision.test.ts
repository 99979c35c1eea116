/**
 * The recommendation page lists the documents linked to the deciding decision. The documents
 * were filtered by the library's rule, but the list was shown whether or not the viewer may
 * read the decision itself: a public document linked to a § the viewer may not read told them
 * the § exists and what it rests on. The list follows the decision's own readability
 * (`canReadDecision`, the register's rule), for every kind of viewer.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { documents } from "../../db/schema";
import { getViewer } from "~/auth/session.server";
import { canReadDecision } from "~/domain/decisions";
import { createDecision, getDecision } from "~/models/decisions.server";
import { addDocumentLink } from "~/models/document-links.server";
import { createDraft, decideRecommendation, sendRecommendation } from "~/models/recommendations.server";
import * as recommendationPage from "~/routes/rekommendationer.$recommendationId._index";
import { sessionCookie } from "../support/browser";
import { loadAs } from "../support/loaders";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;

beforeEach(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
});

/** The public, a politician of Krokom (reader), Östersund's IFO chief (member), the coordinator. */
const VIEWERS = [null, "demo-politiker", "demo-ifochef", "demo-samordnare"] as const;

async function pageFor(userId: string | null, id: number) {
  const page = await loadAs(db, recommendationPage, `/rekommendationer/${id}`, userId, {
    recommendationId: String(id),
  });
  const headers: Record<string, string> = userId ? { Cookie: sessionCookie(db, userId) } : {};
  const actor = (await getViewer(new Request("http://localhost/", { headers })))?.actor ?? null;
  return { page, actor };
}

/** A public recommendation, sent, decided by a SVOM § (public or not) with a public document linked to it. */
function recommendationDecidedBy(isPublic: boolean) {
  const decision = createDecision("demo-samordnare", {
    bodyId: world.bodyIds.svom,
    meetingId: null,
    paragraph: 71,
    decidedOn: "2026-09-01",
    matterId: null,
    title: "Rekommendation om gemensam rutin",
    text: "SVOM rekommenderar parterna att anta rutinen.",
    kind: "rekommendation",
    isPublic,
  });
  const doc = db
    .insert(documents)
    .values({
      collaborationId: world.collaborationId,
      title: "Underlag till § 71",
      kind: "rutin",
      date: "2026-08-20",
      visibility: "public",
      createdBy: "demo-samordnare",
    })
    .returning()
    .get();
  addDocumentLink("demo-samordnare", doc.id, "decision", decision.id);
  const draft = createDraft("demo-samordnare", world.collaborationId, {
    title: "Gemensam rutin",
    ask: "Att anta rutinen.",
    summary: "",
    answerDeadline: "2026-12-15",
    costYear: null,
    isPublic: true,
    matterId: null,
    agreementVersionId: null,
    organisationIds: [...new Set(Object.values(world.organisationIds))],
    partyDeadlines: new Map(),
  });
  const decided = decideRecommendation("demo-samordnare", draft.id, 1, decision.id, null);
  if (!decided.ok) throw new Error("not decided");
  const sent = sendRecommendation("demo-samordnare", draft.id, decided.row.version, "2026-09-02");
  if (!sent.ok) throw new Error("not sent");
  return { id: draft.id, decisionId: decision.id };
}

describe("documents of the deciding decision on the recommendation page", () => {
  it("are listed only to a viewer who may read the decision, whoever views", async () => {
    const { id, decisionId } = recommendationDecidedBy(false);
    const decision = getDecision(decisionId)!;
    const listed: Record<string, boolean> = {};
    for (const viewer of VIEWERS) {
      const { page, actor } = await pageFor(viewer, id);
      const mayRead = canReadDecision(actor, decision);
      const shown = (page.decisionDocuments?.items.length ?? 0) > 0;
      listed[String(viewer)] = shown;
      expect(shown, `${viewer}: documents of a decision ${mayRead ? "readable" : "not readable"}`).toBe(mayRead);
      expect(page.decision !== null, String(viewer)).toBe(mayRead);
    }
    // Neither side is empty: the public may not read the § and its members may.
    expect(listed).toMatchObject({ null: false, "demo-samordnare": true });
  });

  it("are listed to every viewer when the decision is public", async () => {
    const { id } = recommendationDecidedBy(true);
    for (const viewer of VIEWERS) {
      const { page } = await pageFor(viewer, id);
      expect(
        page.decisionDocuments?.items.map((d) => d.title),
        String(viewer),
      ).toEqual(["Underlag till § 71"]);
    }
  });
});
