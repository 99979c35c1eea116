import { eq } from "drizzle-orm";
import { recommendations } from "../../db/schema";
import { db } from "~/utils/db.server";
import { answersOf } from "./recommendations.server";

/** Each party's approval of an agreement version: the answers to the recommendation that adopted it. */
export function approvalsOfVersion(versionId: number) {
  const recs = db().select().from(recommendations).where(eq(recommendations.agreementVersionId, versionId)).all();
  return recs.map((r) => ({
    recommendationId: r.id,
    title: r.title,
    answers: answersOf([r.id]).map((a) => ({ organisation: a.organisation, status: a.status, decisionDate: a.decisionDate, decidingBody: a.decidingBody })),
  }));
}
