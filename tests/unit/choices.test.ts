import { describe, expect, it } from "vitest";
import { CHOICE_LIMIT, choiceNote, choicePatterns, choiceSearchFrom } from "~/domain/choices";

describe("choiceSearchFrom", () => {
  it("reads the field's own parameter, trimmed and cut at 100 characters", () => {
    const params = new URLSearchParams({ "sok-arende": "  avtal  ", "sok-person": "x".repeat(150) });
    expect(choiceSearchFrom(params, "sok-arende")).toBe("avtal");
    expect(choiceSearchFrom(params, "sok-person")).toHaveLength(100);
    expect(choiceSearchFrom(params, "sok-beslut")).toBe("");
  });
});

describe("choicePatterns", () => {
  it("makes one folded LIKE pattern per word", () => {
    expect(choicePatterns(" Årlig  ÖVERSYN ")).toEqual(["%årlig%", "%översyn%"]);
    expect(choicePatterns("")).toEqual([]);
  });

  it("matches %, _ and \\ as themselves", () => {
    expect(choicePatterns("50% a_b c\\d")).toEqual(["%50\\%%", "%a\\_b%", "%c\\\\d%"]);
  });

  it("takes at most five words", () => {
    expect(choicePatterns("a b c d e f g")).toHaveLength(5);
  });
});

describe("choiceNote", () => {
  it("says nothing when everything is offered", () => {
    expect(choiceNote({ shown: 7, total: 7, search: "" })).toBeNull();
  });

  it("says how many of how many, and to search for older ones", () => {
    expect(choiceNote({ shown: CHOICE_LIMIT, total: 3120, search: "" })).toBe(
      `Visar ${CHOICE_LIMIT} av 3\u00a0120 — sök för att hitta äldre.`,
    );
  });

  it("counts a search's matches, and says when none match", () => {
    expect(choiceNote({ shown: 1, total: 1, search: "avtal" })).toBe("Visar 1 träff på ”avtal”.");
    expect(choiceNote({ shown: 3, total: 3, search: "avtal" })).toBe("Visar 3 träffar på ”avtal”.");
    expect(choiceNote({ shown: 50, total: 75, search: "avtal" })).toBe(
      "Visar 50 av 75 träffar på ”avtal” — skriv mer för att hitta rätt.",
    );
    expect(choiceNote({ shown: 0, total: 0, search: "xyz" })).toBe("Inget träffar ”xyz”. Sök med ett annat ord.");
  });
});
