import { describe, expect, it } from "vitest";
import {
  CHOICE_LIMIT,
  choiceNote,
  choicePatterns,
  choiceSearchFrom,
  typedChoiceSearch,
  unrunChoiceSearch,
  unrunSearchMessage,
} from "~/domain/choices";
import { parseForm } from "~/utils/forms.server";
import { z } from "zod";

describe("choiceSearchFrom", () => {
  it("reads the field's own parameter, trimmed and cut at 100 characters", () => {
    const params = new URLSearchParams({ "sok-arende": "  avtal  ", "sok-person": "x".repeat(150) });
    expect(choiceSearchFrom(params, "sok-arende")).toBe("avtal");
    expect(choiceSearchFrom(params, "sok-person")).toHaveLength(100);
    expect(choiceSearchFrom(params, "sok-beslut")).toBe("");
  });
});

describe("unrunChoiceSearch", () => {
  const form = (entries: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(entries)) data.append(name, value);
    return data;
  };

  it("finds words typed in a search box other than those its options were found by", () => {
    expect(unrunChoiceSearch(form({ title: "X", "sok-arende": " äldsta ", "sok-arende-visad": "" }))).toBe("äldsta");
    expect(unrunChoiceSearch(form({ "sok-arende": "äldsta ärendet", "sok-arende-visad": "äldsta" }))).toBe(
      "äldsta ärendet",
    );
    // The second of two choice fields.
    expect(
      unrunChoiceSearch(
        form({ "sok-arende": "", "sok-arende-visad": "", "sok-person": "berg", "sok-person-visad": "" }),
      ),
    ).toBe("berg");
  });

  it("finds none when the search was run, the box is emptied, or the form has no choice search", () => {
    expect(unrunChoiceSearch(form({ "sok-arende": " äldsta", "sok-arende-visad": "äldsta" }))).toBeNull();
    expect(unrunChoiceSearch(form({ "sok-arende": "  ", "sok-arende-visad": "äldsta" }))).toBeNull();
    expect(unrunChoiceSearch(form({ "sok-arende": "x".repeat(150), "sok-arende-visad": "x".repeat(100) }))).toBeNull();
    // A search box without its hidden partner is not a choice search (a list's filter).
    expect(unrunChoiceSearch(form({ "sok-arende": "äldsta", title: "X" }))).toBeNull();
  });

  it("makes parseForm refuse the save for the whole form, keeping what was typed", () => {
    const schema = z.object({ title: z.string() });
    const refused = parseForm(form({ title: "Rubrik", "sok-arende": "äldsta", "sok-arende-visad": "" }), schema);
    expect(refused.status).toBe("error");
    const reply = refused.reply();
    expect(reply.error).toEqual({ "": [unrunSearchMessage("äldsta")] });
    expect(reply.initialValue).toMatchObject({ title: "Rubrik", "sok-arende": "äldsta" });
    const saved = parseForm(form({ title: "Rubrik", "sok-arende": "äldsta", "sok-arende-visad": "äldsta" }), schema);
    expect(saved.status).toBe("success");
  });
});

describe("typedChoiceSearch", () => {
  it("gives back the search box as a refused save posted it, so the form shows it again", () => {
    const data = new FormData();
    for (const [name, value] of Object.entries({ title: "Rubrik", "sok-arende": "äldsta", "sok-arende-visad": "" }))
      data.append(name, value);
    const reply = parseForm(data, z.object({ title: z.string() })).reply();
    expect(typedChoiceSearch(reply, "sok-arende")).toBe("äldsta");
    expect(typedChoiceSearch(reply, "sok-person")).toBeNull();
  });

  it("finds nothing in what is not a form's reply, and cuts a long search as the search does", () => {
    for (const reply of [
      undefined,
      null,
      "text",
      { ok: true },
      { initialValue: null },
      { initialValue: { "sok-arende": ["a"] } },
    ])
      expect(typedChoiceSearch(reply, "sok-arende")).toBeNull();
    expect(typedChoiceSearch({ initialValue: { "sok-arende": "x".repeat(150) } }, "sok-arende")).toHaveLength(100);
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
