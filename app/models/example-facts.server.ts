/**
 * Example data (exempeluppgift): which fields of which records the sources do not state
 * (app/domain/example-facts.ts). The demo seed marks them; loaders ask for the marks of the
 * records they show and pass them to `<ExampleMark>`; a person who records the real value
 * clears the mark in the same transaction (`clearExample`).
 */
import { and, eq, inArray, or } from "drizzle-orm";
import { decisions, exampleFacts, recommendationParties } from "../../db/schema";
import { exampleKey, type ExampleEntity, type ExampleField, type ExampleMarks } from "~/domain/example-facts";
import type { Actor } from "~/domain/policy";
import { readScopeOf } from "~/domain/read-scope";
import { db, prepared, type Db } from "~/utils/db.server";
import { decisionsReadableBy } from "./read-scope.server";

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
 * Only of the items the page shows the viewer (`itemIds`, from `visibleAgendaOf`) and only
 * decisions the viewer may open (`decisionsReadableBy`): the loader's data reaches the
 * browser whole, and a decision id of an item added since the notice, of a draft or of a
 * confidential § would tell that such a row exists.
 */
export function meetingExampleMarks(
  actor: Actor | null,
  meetingId: number,
  itemIds: readonly number[],
  conn: Db = db(),
): { marks: ExampleMarks; decisionOfItem: Record<number, number> } {
  const rows = itemIds.length
    ? conn
        .select({ id: decisions.id, itemId: decisions.agendaItemId })
        .from(decisions)
        .where(
          and(
            eq(decisions.meetingId, meetingId),
            inArray(decisions.agendaItemId, [...itemIds]),
            decisionsReadableBy(readScopeOf(actor)),
          ),
        )
        .all()
    : [];
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

// Every mark a page of search hits can show (searchHitExample), in one statement: a matter's
// registry number, a decision's wording, and the wording of an agenda item's § decision.
const SEARCH_HIT_MARKS_SQL = `SELECT f.entity, f.entity_id AS entityId, f.field, NULL AS itemId
  FROM example_facts f
  WHERE f.entity = 'matter' AND f.field = 'registryNumber' AND f.entity_id IN (SELECT value FROM json_each(:matters))
  UNION ALL
  SELECT f.entity, f.entity_id, f.field, NULL
  FROM example_facts f
  WHERE f.entity = 'decision' AND f.field = 'text' AND f.entity_id IN (SELECT value FROM json_each(:decisions))
  UNION ALL
  SELECT f.entity, f.entity_id, f.field, d.agenda_item_id
  FROM decisions d JOIN example_facts f ON f.entity = 'decision' AND f.entity_id = d.id AND f.field = 'text'
  WHERE d.agenda_item_id IN (SELECT value FROM json_each(:items))`;

/**
 * The marks of one page of search hits, with the decision row of each agenda item found
 * (those with a marked decision): one query however many hits the page holds.
 */
export function searchHitMarks(hits: readonly { kind: string; refId: number }[]): {
  marks: ExampleMarks;
  decisionOfItem: Record<number, number>;
} {
  const refsOf = (kind: string) => JSON.stringify(hits.filter((h) => h.kind === kind).map((h) => h.refId));
  if (!hits.some((h) => h.kind === "matter" || h.kind === "decision" || h.kind === "agenda_item"))
    return { marks: [], decisionOfItem: {} };
  const rows = prepared(SEARCH_HIT_MARKS_SQL).all({
    matters: refsOf("matter"),
    decisions: refsOf("decision"),
    items: refsOf("agenda_item"),
  }) as { entity: ExampleEntity; entityId: number; field: string; itemId: number | null }[];
  const decisionOfItem: Record<number, number> = {};
  for (const r of rows) if (r.itemId !== null) decisionOfItem[r.itemId] = r.entityId;
  return { marks: rows.map((r) => exampleKey(r.entity, r.entityId, r.field as never)), decisionOfItem };
}
