import { eq } from "drizzle-orm";
import { bodyCollaborations } from "../../db/schema";
import { db } from "~/utils/db.server";
import type { ChoiceRequest } from "./choices.server";
import { isMatterOf, matterChoices } from "./matters.server";

/** The collaborations a body serves: a shared body (SVOM) handles matters of several. */
function servedBy(bodyId: number): number[] {
  return db()
    .select({ id: bodyCollaborations.collaborationId })
    .from(bodyCollaborations)
    .where(eq(bodyCollaborations.bodyId, bodyId))
    .all()
    .map((r) => r.id);
}

/** The search beside an agenda item's matter field (choose by searching). */
export const ITEM_MATTER_SEARCH = "sok-arende";

/**
 * Matters of the collaborations the body serves, for linking an agenda item to its matter
 * (ärende): at most a page, the chosen one kept, a search for the rest.
 */
export function matterChoicesForBody(bodyId: number, request: Omit<ChoiceRequest, "param">) {
  return matterChoices(servedBy(bodyId), { ...request, param: ITEM_MATTER_SEARCH });
}

/** A posted matter is one the body handles (never trust the options a page offered). */
export function isMatterForBody(bodyId: number, matterId: number): boolean {
  return isMatterOf(servedBy(bodyId), matterId);
}
