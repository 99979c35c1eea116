/**
 * Example data (exempeluppgift): facts of the demo that the source documents do not state
 * (a meeting's place and time, a § number, a registry number, who attended, who sat in a body
 * in the history's years, which municipality first declined, the day the agreement was
 * adopted). The database records
 * which field of which record is an example (`example_facts`); every page that shows such a
 * value renders the one mark (`<ExampleMark>`), so the reader never takes it for the record.
 * Pure.
 */

/** The records and fields that can be marked, each with what the mark tells the reader. */
const EXAMPLE_FIELDS = {
  meeting: { date: "mötets datum", time: "mötets tid", place: "mötets plats" },
  minutes: {
    attendance: "vilka som deltog och deras namn",
    adjustment: "justeringens plats, tid och underskrifter",
    posting: "anslaget och förvaringsplatsen",
  },
  decision: { paragraph: "paragrafnumret", text: "beslutets ordalydelse" },
  matter: { registryNumber: "diarienumret" },
  // The seats that let the history's minutes have members (SVOM's term before 2023, Barnarenan).
  membership: { term: "vem som satt i organet och under vilken period" },
  "agreement-version": { adoptedOn: "dagen då avtalet antogs" },
  "recommendation-party": { answer: "vilken part som svarade så och när" },
} as const;

export type ExampleEntity = keyof typeof EXAMPLE_FIELDS;
export type ExampleField<E extends ExampleEntity> = keyof (typeof EXAMPLE_FIELDS)[E] & string;

export const EXAMPLE_ENTITIES = Object.keys(EXAMPLE_FIELDS) as ExampleEntity[];

/** Every `entity.field` pair the database accepts. */
export const EXAMPLE_FIELD_KEYS = EXAMPLE_ENTITIES.flatMap((e) =>
  Object.keys(EXAMPLE_FIELDS[e]).map((f) => `${e}.${f}`),
);

/**
 * The marks a page needs, as plain strings so a loader can return them: `entity:id:field`.
 * A page asks `isExample(marks, …)` for each value it shows.
 */
export type ExampleMarks = readonly string[];

export function exampleKey<E extends ExampleEntity>(entity: E, id: number, field: ExampleField<E>): string {
  return `${entity}:${id}:${field}`;
}

export function isExample<E extends ExampleEntity>(
  marks: ExampleMarks,
  entity: E,
  id: number | null | undefined,
  field: ExampleField<E>,
): boolean {
  return id !== null && id !== undefined && marks.includes(exampleKey(entity, id, field));
}

/** What the mark says in full (read by screen readers, shown on hover and in print). */
export function exampleDescription<E extends ExampleEntity>(entity: E, field: ExampleField<E>): string {
  const what = (EXAMPLE_FIELDS[entity] as Record<string, string>)[field];
  return `Exempeluppgift: källorna anger inte ${what}.`;
}

/**
 * The example fact a search hit shows, if any, and where: a matter's title starts with its
 * registry number; a decision's snippet is its wording, and so is the end of the text an
 * agenda item is found by (its § decision). Other kinds show no field that is an example in
 * the demo (an agreement version's hit shows only the year it was adopted, 2023, which the
 * sources give; the day is the example, and the hit does not show it).
 * `decisionOfItem` gives an agenda item's decision row.
 */
export type SearchHitExample =
  | { shownIn: "title"; entity: "matter"; id: number; field: "registryNumber" }
  | { shownIn: "snippet"; entity: "decision"; id: number; field: "text" };

export function searchHitExample(
  hit: { kind: string; refId: number },
  decisionOfItem: Readonly<Record<number, number>>,
): SearchHitExample | null {
  switch (hit.kind) {
    case "matter":
      return { shownIn: "title", entity: "matter", id: hit.refId, field: "registryNumber" };
    case "decision":
      return { shownIn: "snippet", entity: "decision", id: hit.refId, field: "text" };
    case "agenda_item": {
      const decision = decisionOfItem[hit.refId];
      return decision === undefined ? null : { shownIn: "snippet", entity: "decision", id: decision, field: "text" };
    }
    default:
      return null;
  }
}
