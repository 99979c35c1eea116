import { eq } from "drizzle-orm";
import { recommendations } from "../../db/schema";
import { partyStatusOn } from "~/domain/agreement-terms";
import { approvalState } from "~/domain/agreement-version";
import { db } from "~/utils/db.server";
import { partiesOf } from "./agreements.server";
import { answersOf } from "./recommendations.server";
import { can, type Actor } from "~/domain/policy";
import { isSent, recommendationResource } from "~/domain/recommendations";

/**
 * Each party's approval of an agreement version: the answers to the recommendations that adopted
 * it that were sent, those the viewer may read (the agreement is public; a recommendation not
 * public is read by the signed-in only: the public is told of it nowhere, as if missing).
 */
export function approvalsOfVersion(versionId: number, actor: Actor | null) {
  const recs = db()
    .select()
    .from(recommendations)
    .where(eq(recommendations.agreementVersionId, versionId))
    .all()
    // Only sent ones count (a draft asked no party yet), even for the coordinator who reads drafts.
    .filter((r) => isSent(r.status) && can(actor, "read:recommendation", recommendationResource(r)));
  return recs.map((r) => ({
    recommendationId: r.id,
    title: r.title,
    answers: answersOf([r.id]).map((a) => ({
      organisation: a.organisation,
      status: a.status,
      decisionDate: a.decisionDate,
      decidingBody: a.decidingBody,
    })),
  }));
}

/**
 * Whether every party has approved a version: each party that has not left, by its answers to
 * the recommendations linked to the version (`registered` is false when none is linked, so the
 * approvals were made outside the portal).
 */
export function approvalOfVersion(versionId: number, collaborationId: number, today: string, actor: Actor | null) {
  const recs = approvalsOfVersion(versionId, actor);
  const names = partiesOf(collaborationId)
    .filter((p) => partyStatusOn(p, today) !== "utträtt")
    .map((p) => p.name);
  return {
    registered: recs.length > 0,
    state: approvalState(
      names,
      recs.flatMap((r) => r.answers),
    ),
  };
}
