import { asc, eq } from "drizzle-orm";
import { bodies, matters } from "../../db/schema";
import { db } from "~/utils/db.server";

/** Matters of the body's collaboration, for linking an agenda item to its matter (ärende). */
export function mattersForSelect(bodyId: number) {
  const body = db().select().from(bodies).where(eq(bodies.id, bodyId)).get();
  if (!body) return [];
  return db()
    .select({ id: matters.id, registryNumber: matters.registryNumber, title: matters.title })
    .from(matters)
    .where(eq(matters.collaborationId, body.collaborationId))
    .orderBy(asc(matters.registryNumber))
    .all()
    .map((m) => ({ id: m.id, label: `${m.registryNumber} ${m.title}` }));
}
