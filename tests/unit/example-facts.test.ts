import { describe, expect, it } from "vitest";
import {
  EXAMPLE_FIELD_KEYS,
  exampleDescription,
  exampleKey,
  isExample,
  searchHitExample,
} from "~/domain/example-facts";

describe("example facts (exempeluppgift)", () => {
  const marks = [exampleKey("meeting", 3, "place"), exampleKey("decision", 12, "paragraph")];

  it("marks exactly the field of the record that was recorded as an example", () => {
    expect(isExample(marks, "meeting", 3, "place")).toBe(true);
    expect(isExample(marks, "meeting", 3, "time")).toBe(false);
    expect(isExample(marks, "meeting", 4, "place")).toBe(false);
    expect(isExample(marks, "decision", 12, "paragraph")).toBe(true);
    expect(isExample(marks, "decision", 12, "text")).toBe(false);
  });

  it("never marks a missing record", () => {
    expect(isExample(marks, "meeting", null, "place")).toBe(false);
    expect(isExample(marks, "meeting", undefined, "place")).toBe(false);
  });

  it("does not confuse records of different kinds with the same id", () => {
    expect(isExample([exampleKey("minutes", 3, "attendance")], "meeting", 3, "place")).toBe(false);
  });

  it("says in Swedish what the sources do not state", () => {
    expect(exampleDescription("meeting", "place")).toBe("Exempeluppgift: källorna anger inte mötets plats.");
    expect(exampleDescription("matter", "registryNumber")).toBe("Exempeluppgift: källorna anger inte diarienumret.");
    expect(exampleDescription("agreement-version", "adoptedOn")).toContain("avtalet antogs");
  });

  it("lists every entity.field pair the database accepts", () => {
    expect(EXAMPLE_FIELD_KEYS).toContain("meeting.place");
    expect(EXAMPLE_FIELD_KEYS).toContain("recommendation-party.answer");
    expect(EXAMPLE_FIELD_KEYS).not.toContain("meeting.status");
  });

  it("says which example fact a search hit shows, and where", () => {
    const items = { 40: 7 };
    expect(searchHitExample({ kind: "matter", refId: 5 }, items)).toEqual({
      shownIn: "title",
      entity: "matter",
      id: 5,
      field: "registryNumber",
    });
    expect(searchHitExample({ kind: "decision", refId: 9 }, items)).toEqual({
      shownIn: "snippet",
      entity: "decision",
      id: 9,
      field: "text",
    });
    // An agenda item is found by its § decision's wording: the mark is that decision's.
    expect(searchHitExample({ kind: "agenda_item", refId: 40 }, items)).toEqual({
      shownIn: "snippet",
      entity: "decision",
      id: 7,
      field: "text",
    });
    expect(searchHitExample({ kind: "agenda_item", refId: 41 }, items)).toBeNull();
    for (const kind of ["document", "recommendation", "agreement_version", "unknown"])
      expect(searchHitExample({ kind, refId: 40 }, items)).toBeNull();
  });

  it("names a seat of the history as an example", () => {
    expect(exampleDescription("membership", "term")).toBe(
      "Exempeluppgift: källorna anger inte vem som satt i organet och under vilken period.",
    );
    expect(EXAMPLE_FIELD_KEYS).toContain("membership.term");
  });
});
