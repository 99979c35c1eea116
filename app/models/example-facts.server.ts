/**
 * Example data (exempeluppgift): which fields of which records the sources do not state
 * (app/domain/example-facts.ts). The demo seed marks them; loaders ask for the marks of the
 * records they show and pass them to `<ExampleMark>`; a person who records the real value
 * clears the mark in the same transaction (`clearExample`).
 */
import { and, eq, inArray, or } from "drizzle-orm";
import { decisions, exampleFacts, recommendationParties } from "../../db/schema";
import { exampleKey, type ExampleEntity, type ExampleField, type ExampleMarks } from "~/domain/example-facts";
import { db, type Db } from "~/utils/db.server";

/** Marks fields of one record as example data (idempotent). */
export function markExample<E extends ExampleEntity>(tx: Db, entity: E, entityId: number, fields: ExampleField<E>[]) {
  for (const field of fields) tx.insert(exampleFacts).values({ entity, entityId, field }).onConflictDoNothing().run();
}

/** The real value was recorded: the field is no longer an example. */
export function clearExample<E extends ExampleEntity>(tx: Db, entity: E, entityId: number, fields: ExampleField<E>[]) {
  if (fields.length === 0) return;
  tx.delete(exampleFacts)
    .where(
      and(eq(exampleFacts.entity, entity), eq(exampleFacts.entityId, entityId), inArray(exampleFacts.field, fields)),
    )
    .run();
}

/** The marks of the records a page shows: `{ meeting: [3, 4], decision: [12] }`. */
export function exampleMarksOf(
  refs: Partial<Record<ExampleEntity, readonly (number | null | undefined)[]>>,
  conn: Db = db(),
): ExampleMarks {
  const conditions = Object.entries(refs).flatMap(([entity, ids]) => {
    const known = [...new Set((ids ?? []).filter((id): id is number => typeof id === "number"))];
    return known.length
      ? [and(eq(exampleFacts.entity, entity as ExampleEntity), inArray(exampleFacts.entityId, known))]
      : [];
  });
  if (conditions.length === 0) return [];
  return conn
    .select()
    .from(exampleFacts)
    .where(or(...conditions))
    .all()
    .map((r) => exampleKey(r.entity, r.entityId, r.field as never));
}

/**
 * The marks a meeting's pages need: the meeting, its minutes and the decision row of each §,
 * with which decision belongs to which agenda item (a § number is the decision's field).
 */
export function meetingExampleMarks(
  meetingId: number,
  conn: Db = db(),
): { marks: ExampleMarks; decisionOfItem: Record<number, number> } {
  const rows = conn
    .select({ id: decisions.id, itemId: decisions.agendaItemId })
    .from(decisions)
    .where(eq(decisions.meetingId, meetingId))
    .all();
  const decisionOfItem: Record<number, number> = {};
  for (const r of rows) if (r.itemId !== null) decisionOfItem[r.itemId] = r.id;
  return {
    marks: exampleMarksOf({ meeting: [meetingId], minutes: [meetingId], decision: rows.map((r) => r.id) }, conn),
    decisionOfItem,
  };
}

/** The marks of a recommendation's party answers, with the answer row of each organisation. */
export function recommendationAnswerMarks(
  recommendationId: number,
  conn: Db = db(),
): { marks: ExampleMarks; answerOf: Record<number, number> } {
  const rows = conn
    .select({ id: recommendationParties.id, organisationId: recommendationParties.organisationId })
    .from(recommendationParties)
    .where(eq(recommendationParties.recommendationId, recommendationId))
    .all();
  return {
    marks: exampleMarksOf({ "recommendation-party": rows.map((r) => r.id) }, conn),
    answerOf: Object.fromEntries(rows.map((r) => [r.organisationId, r.id])),
  };
}
