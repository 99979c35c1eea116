/**
 * Example data (exempeluppgift): facts of the demo that the source documents do not state
 * (a meeting's place and time, a § number, a registry number, who attended, which
 * municipality first declined, the day the agreement was adopted). The database records
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
