/**
 * Key figures (nyckeltal): what a collaboration follows (its definitions, set by the
 * coordinator) and the figures of each year. Aggregates only; never individuals. Every write
 * is one immediate transaction with its audit entry.
 */
import { and, asc, eq, inArray, max } from "drizzle-orm";
import { keyFigureDefinitions, keyFigures, keyFigureValues } from "../../db/schema";
import type { KeyFigureUnit } from "~/domain/key-figures";
import { db, write, type Db } from "~/utils/db.server";
import { insertAudited, recordAudit } from "./audit.server";
import { saveVersioned } from "./versioned.server";

type Definition = typeof keyFigureDefinitions.$inferSelect;

export interface DefinitionValues {
  label: string;
  unit: KeyFigureUnit;
  sumGroup: string;
  chart: boolean;
  position: number;
}

export function definitionsOf(collaborationId: number): Definition[] {
  return db()
    .select()
    .from(keyFigureDefinitions)
    .where(eq(keyFigureDefinitions.collaborationId, collaborationId))
    .orderBy(asc(keyFigureDefinitions.position), asc(keyFigureDefinitions.id))
    .all();
}

export function getDefinition(id: number): Definition | undefined {
  return db().select().from(keyFigureDefinitions).where(eq(keyFigureDefinitions.id, id)).get();
}

export function definitionLabelTaken(collaborationId: number, label: string, exceptId?: number): boolean {
  const row = db()
    .select({ id: keyFigureDefinitions.id })
    .from(keyFigureDefinitions)
    .where(and(eq(keyFigureDefinitions.collaborationId, collaborationId), eq(keyFigureDefinitions.label, label)))
    .get();
  return row !== undefined && row.id !== exceptId;
}

/** The next free position: after the last definition. */
export function nextDefinitionPosition(collaborationId: number): number {
  const row = db()
    .select({ last: max(keyFigureDefinitions.position) })
    .from(keyFigureDefinitions)
    .where(eq(keyFigureDefinitions.collaborationId, collaborationId))
    .get();
  return (row?.last ?? 0) + 1;
}

export function addDefinition(userId: string, collaborationId: number, value: DefinitionValues): Definition {
  return write((tx) =>
    insertAudited(
      tx,
      keyFigureDefinitions,
      { collaborationId, ...value },
      { userId, entityType: "key_figure_definition" },
    ),
  );
}

export function updateDefinition(userId: string, id: number, expectedVersion: number, value: DefinitionValues) {
  return write((tx) =>
    saveVersioned(tx, keyFigureDefinitions, id, expectedVersion, value, {
      userId,
      entityType: "key_figure_definition",
      missing: "Nyckeltalet finns inte",
    }),
  );
}

/** Removes a key figure and its values of every year (the audit entry keeps them). */
export function deleteDefinition(userId: string, id: number): void {
  write((tx) => {
    const before = tx.select().from(keyFigureDefinitions).where(eq(keyFigureDefinitions.id, id)).get();
    if (!before) return;
    const values = tx.select().from(keyFigureValues).where(eq(keyFigureValues.definitionId, id)).all();
    tx.delete(keyFigureDefinitions).where(eq(keyFigureDefinitions.id, id)).run();
    recordAudit(tx, {
      userId,
      action: "delete",
      entityType: "key_figure_definition",
      entityId: id,
      before: { ...before, values },
    });
  });
}

export interface KeyFigureYear {
  year: number;
  note: string;
  documentId: number | null;
  /** definition id → value */
  values: Record<number, number | string>;
}

/** Every year with figures, oldest first. */
export function keyFigureYears(collaborationId: number): KeyFigureYear[] {
  const years = db()
    .select()
    .from(keyFigures)
    .where(eq(keyFigures.collaborationId, collaborationId))
    .orderBy(asc(keyFigures.year))
    .all();
  const values = years.length
    ? db()
        .select()
        .from(keyFigureValues)
        .where(
          inArray(
            keyFigureValues.keyFigureId,
            years.map((y) => y.id),
          ),
        )
        .all()
    : [];
  return years.map((y) => ({
    year: y.year,
    note: y.note,
    documentId: y.documentId,
    values: Object.fromEntries(
      values
        .filter((v) => v.keyFigureId === y.id)
        .map((v) => [v.definitionId, (v.numberValue ?? v.textValue) as number | string]),
    ),
  }));
}

function yearSnapshot(tx: Db, keyFigureId: number) {
  return tx
    .select({
      definitionId: keyFigureValues.definitionId,
      numberValue: keyFigureValues.numberValue,
      textValue: keyFigureValues.textValue,
    })
    .from(keyFigureValues)
    .where(eq(keyFigureValues.keyFigureId, keyFigureId))
    .all();
}

/**
 * Saves a year's figures: the given values replace the year's values (an empty value removes
 * the figure for that year). Only definitions of the same collaboration are accepted.
 */
export function saveKeyFigureYear(
  userId: string,
  collaborationId: number,
  year: number,
  note: string,
  values: ReadonlyMap<number, number | string | null>,
  documentId?: number | null,
): void {
  write((tx) => {
    const own = new Set(
      tx
        .select({ id: keyFigureDefinitions.id })
        .from(keyFigureDefinitions)
        .where(eq(keyFigureDefinitions.collaborationId, collaborationId))
        .all()
        .map((d) => d.id),
    );
    const existing = tx
      .select()
      .from(keyFigures)
      .where(and(eq(keyFigures.collaborationId, collaborationId), eq(keyFigures.year, year)))
      .get();
    const before = existing ? { note: existing.note, values: yearSnapshot(tx, existing.id) } : undefined;
    const row = existing
      ? tx
          .update(keyFigures)
          .set({ note, ...(documentId !== undefined ? { documentId } : {}) })
          .where(eq(keyFigures.id, existing.id))
          .returning()
          .get()
      : tx
          .insert(keyFigures)
          .values({ collaborationId, year, note, documentId: documentId ?? null })
          .returning()
          .get();
    for (const [definitionId, value] of values) {
      if (!own.has(definitionId))
        throw new Error(`Key figure ${definitionId} is not one of collaboration ${collaborationId}'s`);
      tx.delete(keyFigureValues)
        .where(and(eq(keyFigureValues.keyFigureId, row.id), eq(keyFigureValues.definitionId, definitionId)))
        .run();
      if (value === null) continue;
      tx.insert(keyFigureValues)
        .values({
          keyFigureId: row.id,
          definitionId,
          numberValue: typeof value === "number" ? value : null,
          textValue: typeof value === "string" ? value : null,
        })
        .run();
    }
    recordAudit(tx, {
      userId,
      action: existing ? "update" : "create",
      entityType: "key_figures",
      entityId: `${collaborationId}:${year}`,
      before,
      after: { note, values: yearSnapshot(tx, row.id) },
    });
  });
}
