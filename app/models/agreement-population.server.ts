/**
 * Population figures (folkmängd) per organisation and date. Which date a budget year uses is
 * the agreement version's rule (app/domain/population.ts).
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { populations } from "../../db/schema";
import type { PopulationFigure, PopulationRule } from "~/domain/population";
import { db, write } from "~/utils/db.server";
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

/** Saves figures for a date (replacing earlier ones for that date), audited. Saved figures are SCB's, not examples. */
export function savePopulations(
  userId: string,
  asOf: string,
  figures: { organisationId: number; population: number }[],
  source: string,
) {
  write((tx) => {
    const ids = figures.map((f) => f.organisationId);
    const before = tx
      .select()
      .from(populations)
      .where(and(eq(populations.asOf, asOf), inArray(populations.organisationId, ids)))
      .all();
    for (const f of figures) {
      const values = { population: f.population, illustrative: false, source };
      tx.insert(populations)
        .values({ organisationId: f.organisationId, asOf, ...values })
        .onConflictDoUpdate({ target: [populations.organisationId, populations.asOf], set: values })
        .run();
    }
    recordAudit(tx, {
      userId,
      action: "update",
      entityType: "population",
      entityId: asOf,
      before,
      after: figures.map((f) => ({ ...f, source })),
    });
  });
}
