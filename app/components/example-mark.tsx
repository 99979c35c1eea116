import {
  exampleDescription,
  isExample,
  type ExampleEntity,
  type ExampleField,
  type ExampleMarks,
} from "~/domain/example-facts";

/**
 * The one mark for demo data the sources do not state (`example_facts`, app/domain/example-facts.ts):
 * a visible "exempeluppgift" after the value, with what is an example in words for screen
 * readers (and on hover). Renders nothing when the value is a recorded fact.
 */
export function ExampleMark<E extends ExampleEntity>({
  marks,
  entity,
  id,
  field,
}: {
  marks: ExampleMarks;
  entity: E;
  id: number | null | undefined;
  field: ExampleField<E>;
}) {
  if (!isExample(marks, entity, id, field)) return null;
  const description = exampleDescription(entity, field);
  return (
    <>
      {" "}
      <span className="badge badge--example" title={description}>
        <span aria-hidden="true">exempeluppgift</span>
        <span className="visually-hidden">{description}</span>
      </span>
    </>
  );
}
