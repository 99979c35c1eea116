/**
 * Collaborations (samverkan): the list, one by id or URL slug, who takes part in which, and
 * the coordinator's writes. Every write is one immediate transaction with its audit entry;
 * edits name the version they read (optimistic locking).
 */
import { asc, eq, inArray } from "drizzle-orm";
import { bodyCollaborations, collaborations } from "../../db/schema";
import { db, memoUntilChange, write } from "~/utils/db.server";
import { insertAudited } from "./audit.server";
import { saveVersioned } from "./versioned.server";

export type Collaboration = typeof collaborations.$inferSelect;

export interface CollaborationValues {
  slug: string;
  name: string;
  description: string;
  isExample: boolean;
}

/** Every collaboration, oldest first. Asked several times a request (menu, switcher, access): remembered until the data changes. */
export const listCollaborations: () => readonly Readonly<Collaboration>[] = memoUntilChange(
  "listCollaborations",
  () =>
    Object.freeze(
      db()
        .select()
        .from(collaborations)
        .orderBy(asc(collaborations.id))
        .all()
        .map((c) => Object.freeze(c)),
    ),
  () => "",
);

export function getCollaboration(id: number): Collaboration | undefined {
  return db().select().from(collaborations).where(eq(collaborations.id, id)).get();
}

export function collaborationSlugTaken(slug: string, exceptId?: number): boolean {
  const row = db().select({ id: collaborations.id }).from(collaborations).where(eq(collaborations.slug, slug)).get();
  return row !== undefined && row.id !== exceptId;
}

export function collaborationNameTaken(name: string, exceptId?: number): boolean {
  const row = db().select({ id: collaborations.id }).from(collaborations).where(eq(collaborations.name, name)).get();
  return row !== undefined && row.id !== exceptId;
}

/** The collaborations served by these bodies (a person takes part through their seats). */
export function collaborationIdsOfBodies(bodyIds: readonly number[]): Set<number> {
  if (bodyIds.length === 0) return new Set();
  const rows = db()
    .selectDistinct({ id: bodyCollaborations.collaborationId })
    .from(bodyCollaborations)
    .where(inArray(bodyCollaborations.bodyId, [...bodyIds]))
    .all();
  return new Set(rows.map((r) => r.id));
}

export function createCollaboration(userId: string, value: CollaborationValues): Collaboration {
  return write((tx) => insertAudited(tx, collaborations, value, { userId, entityType: "collaboration" }));
}

/** Saves only if nobody else saved since `expectedVersion`; otherwise returns what they saved. */
export function updateCollaboration(userId: string, id: number, expectedVersion: number, value: CollaborationValues) {
  return write((tx) =>
    saveVersioned(tx, collaborations, id, expectedVersion, value, {
      userId,
      entityType: "collaboration",
      missing: "Samverkan finns inte",
    }),
  );
}
