import { describe, expect, it } from "vitest";
import { auditChanges, auditSentence, entityTypeLabel, valueText } from "~/domain/audit-text";

const entry = (over: Partial<Parameters<typeof auditSentence>[0]>) => ({
  action: "update",
  entityType: "matter",
  entityId: "12",
  before: null,
  after: null,
  actorName: "Sara Samordnare",
  ...over,
});

describe("auditSentence", () => {
  it.each([
    [
      { action: "confirm", entityType: "party_answer", entityId: "36" },
      "Sara Samordnare bekräftade ett partssvar (nr 36).",
    ],
    [
      { action: "create", entityType: "matter", after: JSON.stringify({ title: "Ny mottagning" }) },
      "Sara Samordnare skapade ett ärende ”Ny mottagning” (nr 12).",
    ],
    [
      { action: "delete", entityType: "agenda_item", entityId: null },
      "Sara Samordnare tog bort en punkt på dagordningen.",
    ],
    [{ action: "signin", entityType: "session", entityId: "x" }, "Sara Samordnare loggade in."],
    [{ action: "password", entityType: "user" }, "Sara Samordnare bytte lösenord."],
    [
      { action: "retry", entityType: "mail", actorName: null },
      "Systemet försökte skicka igen ett e-postmeddelande (nr 12).",
    ],
    [
      { action: "frobnicate", entityType: "widget_thing" },
      "Sara Samordnare gjorde ”frobnicate” på uppgiften ”widget thing” (nr 12).",
    ],
  ])("%j reads as a sentence", (over, sentence) => {
    expect(auditSentence(entry(over))).toBe(sentence);
  });

  it("takes the object's name from the state after, else before", () => {
    expect(
      auditSentence(entry({ action: "delete", entityType: "body", before: JSON.stringify({ name: "SVOM" }) })),
    ).toBe("Sara Samordnare tog bort ett organ ”SVOM” (nr 12).");
  });

  it("never shows raw JSON", () => {
    const s = auditSentence(entry({ after: JSON.stringify({ title: "A", nested: { x: 1 } }) }));
    expect(s).not.toMatch(/[{}]/);
  });
});

describe("auditChanges", () => {
  it("lists only the fields that changed, with their labels", () => {
    expect(
      auditChanges(
        JSON.stringify({ title: "Gammal", status: "öppet", version: 1 }),
        JSON.stringify({ title: "Ny", status: "öppet", version: 2 }),
      ),
    ).toEqual([
      { field: "Rubrik", before: "”Gammal”", after: "”Ny”" },
      { field: "Version", before: "1", after: "2" },
    ]);
  });

  it("shows every field of a new object against a dash", () => {
    expect(auditChanges(null, JSON.stringify({ isPublic: true, registrarEmail: "" }))).toEqual([
      { field: "Offentlig", before: "–", after: "ja" },
    ]);
  });

  it("handles plain values and nothing at all", () => {
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditChanges(JSON.stringify("a"), JSON.stringify("b"))).toEqual([
      { field: "Värde", before: "”a”", after: "”b”" },
    ]);
  });
});

describe("labels", () => {
  it("names entity types for the filter and shortens long values", () => {
    expect(entityTypeLabel("party_answer")).toBe("Partssvar");
    expect(entityTypeLabel("something_new")).toBe("Something new");
    expect(valueText("x".repeat(500))).toHaveLength(162);
    expect(valueText({ bodyId: 3, note: null })).toBe("Organ 3, Anteckning –");
  });
});
