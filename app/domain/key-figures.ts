/**
 * Key figures (nyckeltal) are defined per collaboration: Mini-Maria follows contacts, the
 * share of boys and girls and the primary problem (cannabis, alcohol, gambling); another
 * collaboration follows other things. Only aggregates, never individuals.
 */

export const KEY_FIGURE_UNITS = ["antal", "procent", "dagar", "text"] as const;
export type KeyFigureUnit = (typeof KEY_FIGURE_UNITS)[number];

export const KEY_FIGURE_UNIT_LABEL: Record<KeyFigureUnit, string> = {
  antal: "Antal",
  procent: "Procent (%)",
  dagar: "Dagar",
  text: "Text",
};

/** The unit shown after a number ("st", "%", "dagar"); none for text. */
export function unitSuffix(unit: KeyFigureUnit): string {
  return unit === "antal" ? "st" : unit === "procent" ? "%" : unit === "dagar" ? "dagar" : "";
}

export interface KeyFigureDefinition {
  id: number;
  label: string;
  unit: KeyFigureUnit;
  /** Shares in the same group cannot add up to more than 100 % (boys + girls). "" = no group. */
  sumGroup: string;
}

/**
 * Shares of one group that together exceed 100 % in a year: the group and its sum, for the
 * message at the last figure of the group.
 */
export function overfullGroups(
  definitions: readonly KeyFigureDefinition[],
  values: ReadonlyMap<number, number | string | null>,
): { group: string; sum: number; lastId: number; labels: string[] }[] {
  const groups = new Map<string, KeyFigureDefinition[]>();
  for (const d of definitions)
    if (d.unit === "procent" && d.sumGroup) groups.set(d.sumGroup, [...(groups.get(d.sumGroup) ?? []), d]);
  const result = [];
  for (const [group, defs] of groups) {
    const sum = defs.reduce((s, d) => {
      const v = values.get(d.id);
      return s + (typeof v === "number" ? v : 0);
    }, 0);
    if (sum > 100) result.push({ group, sum, lastId: defs.at(-1)!.id, labels: defs.map((d) => d.label) });
  }
  return result;
}
