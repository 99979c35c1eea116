import { asc, eq, inArray } from "drizzle-orm";
import { bodyCollaborations, collaborations, matters } from "../../db/schema";
import { db } from "~/utils/db.server";

/**
 * Matters of the collaborations the body serves, for linking an agenda item to its matter
 * (ärende). A shared body (SVOM) handles matters of several collaborations in one meeting,
 * so the label names the collaboration when there is more than one.
 */
export function mattersForSelect(bodyId: number) {
  const served = db()
    .select({ id: bodyCollaborations.collaborationId })
    .from(bodyCollaborations)
    .where(eq(bodyCollaborations.bodyId, bodyId))
    .all()
    .map((r) => r.id);
  if (served.length === 0) return [];
  return db()
    .select({
      id: matters.id,
      registryNumber: matters.registryNumber,
      title: matters.title,
      collaborationName: collaborations.name,
    })
    .from(matters)
    .innerJoin(collaborations, eq(matters.collaborationId, collaborations.id))
    .where(inArray(matters.collaborationId, served))
    .orderBy(asc(matters.collaborationId), asc(matters.registryNumber))
    .all()
    .map((m) => ({
      id: m.id,
      label: `${m.registryNumber} ${m.title}${served.length > 1 ? ` (${m.collaborationName})` : ""}`,
    }));
}
