import { eq } from "drizzle-orm";
import { recommendations } from "../../db/schema";
import { db } from "~/utils/db.server";

export function listRecommendationsForDecision(decisionId: number) {
  return db().select().from(recommendations).where(eq(recommendations.decisionId, decisionId)).all();
}
