/**
 * Population figures (folkmängd) per organisation and date. Which date a budget year uses is
 * the agreement version's rule (app/domain/population.ts).
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { populations } from "../../db/schema";
import {
  changesFigure,
  populationConflicts,
  type PopulationFigure,
  type PopulationRule,
  type SeenVersions,
  type StoredPopulation,
} from "~/domain/population";
import { db, write, type Db } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import type { AgreementVersion } from "./agreements.server";

export function populationRuleOf(version: AgreementVersion): PopulationRule {
  return { monthDay: version.populationMonthDay, yearOffset: version.populationYearOffset };
}

/** Every figure of the organisations, oldest first, per organisation. */
export function populationFiguresOf(organisationIds: number[]): Map<number, PopulationFigure[]> {
  const byOrganisation = new Map<number, PopulationFigure[]>(organisationIds.map((id) => [id, []]));
  if (organisationIds.length === 0) return byOrganisation;
  const rows = db()
    .select()
    .from(populations)
    .where(inArray(populations.organisationId, organisationIds))
    .orderBy(asc(populations.asOf))
    .all();
  for (const r of rows)
    byOrganisation
      .get(r.organisationId)
      ?.push({ asOf: r.asOf, population: r.population, illustrative: r.illustrative });
  return byOrganisation;
}

/** The figures recorded for one date. */
export function populationsOn(asOf: string) {
  return db().select().from(populations).where(eq(populations.asOf, asOf)).all();
}

/** The versions of the organisations' figures for a date, as a form names them (0: none yet). */
export function seenVersionsOn(asOf: string, organisationIds: number[], tx: Db = db()): SeenVersions {
  const stored = storedOn(tx, asOf, organisationIds);
  return new Map(organisationIds.map((id) => [id, stored.find((s) => s.organisationId === id)?.version ?? 0]));
}

function storedOn(tx: Db, asOf: string, organisationIds: number[]) {
  if (organisationIds.length === 0) return [];
  return tx
    .select()
    .from(populations)
    .where(and(eq(populations.asOf, asOf), inArray(populations.organisationId, organisationIds)))
    .all();
}

export type SavedPopulations =
  | { ok: true }
  /** Someone saved some of the figures after the form was read: nothing is written. */
  | { ok: false; conflicts: StoredPopulation[]; seen: SeenVersions };

/**
 * Saves figures for a date (replacing earlier ones for that date, each with its next version),
 * audited with the figures before and after, unless someone saved one of them since the form
 * read `seen` (`populationConflicts`). Saved figures are SCB's, not examples. `shown` are the
 * organisations the page lists: a conflict answers with their versions now, to save over with.
 */
export function savePopulations(
  userId: string,
  asOf: string,
  figures: { organisationId: number; population: number }[],
  source: string,
  seen: SeenVersions,
  shown: number[],
): SavedPopulations {
  return write((tx): SavedPopulations => {
    const before = storedOn(
      tx,
      asOf,
      figures.map((f) => f.organisationId),
    );
    const conflicts = populationConflicts(figures, seen, before);
    if (conflicts.length) return { ok: false, conflicts, seen: seenVersionsOn(asOf, shown, tx) };
    // A figure already saved as it is sent is not written again: its version stays, so a
    // form that re-sends it conflicts with nobody.
    const changed = figures.filter((f) =>
      changesFigure(
        before.find((b) => b.organisationId === f.organisationId),
        f.population,
      ),
    );
    if (changed.length === 0) return { ok: true };
    const after = changed.map((f) => {
      const values = { population: f.population, illustrative: false, source };
      return tx
        .insert(populations)
        .values({ organisationId: f.organisationId, asOf, ...values })
        .onConflictDoUpdate({
          target: [populations.organisationId, populations.asOf],
          set: { ...values, version: sql`${populations.version} + 1` },
        })
        .returning()
        .get();
    });
    const ids = new Set(changed.map((f) => f.organisationId));
    recordAudit(tx, {
      userId,
      action: "update",
      entityType: "population",
      entityId: asOf,
      before: before.filter((b) => ids.has(b.organisationId)),
      after,
    });
    return { ok: true };
  });
}
