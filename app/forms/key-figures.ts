/**
 * The form for a year's key figures. Its fields follow the collaboration's own definitions
 * (`f<definition id>`), so the schema is built from them, on the server and in the browser alike.
 */
import { z } from "zod";
import { overfullGroups, type KeyFigureDefinition } from "~/domain/key-figures";
import { optionalText, optionalWholeNumber, wholeNumber, withoutPersonalNumbers } from "./fields";

export const fieldName = (definitionId: number) => `f${definitionId}`;

export function keyFigureYearSchema(definitions: readonly KeyFigureDefinition[]) {
  const figures: Record<string, z.ZodTypeAny> = {};
  for (const d of definitions)
    figures[fieldName(d.id)] =
      d.unit === "text"
        ? withoutPersonalNumbers(optionalText(500)).transform((v) => v || null)
        : d.unit === "procent"
          ? optionalWholeNumber(`${d.label}: ange en andel i hela procent, 0–100.`, { min: 0, max: 100 })
          : optionalWholeNumber(`${d.label}: ange ett heltal, 0 eller mer.`, { min: 0, max: 100_000_000 });
  return z
    .object({
      year: wholeNumber("Ange året med fyra siffror, till exempel 2025.", { min: 1900, max: 2200 }),
      note: withoutPersonalNumbers(optionalText(2000)),
      ...figures,
    })
    .superRefine((value, ctx) => {
      const values = new Map(
        definitions.map((d) => [d.id, (value as Record<string, unknown>)[fieldName(d.id)] as number | string | null]),
      );
      for (const g of overfullGroups(definitions, values))
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [fieldName(g.lastId)],
          message: `${g.labels.join(", ")} kan tillsammans inte vara över 100 % (nu ${g.sum} %).`,
        });
    });
}

/** The figures of a parsed submission, by definition id (empty fields are null: no figure that year). */
export function figuresOf(
  definitions: readonly KeyFigureDefinition[],
  value: Record<string, unknown>,
): Map<number, number | string | null> {
  return new Map(definitions.map((d) => [d.id, (value[fieldName(d.id)] ?? null) as number | string | null]));
}
