import { describe, expect, it } from "vitest";
import type { DecisionVisibilityFacts } from "~/domain/decisions";
import { bodyRolesOf, type Actor, type BodyRole } from "~/domain/policy";
import type { RecommendationStatus } from "~/domain/recommendations";
import {
  decidingParagraphFor,
  mayOpenRecommendationFile,
  recommendationFilesFor,
} from "~/domain/recommendation-visibility";

const SVOM = 1;
const STYRGRUPP = 2;

function actor(role: Actor["role"], seats: [number, BodyRole][] = [], organisationId: number | null = null): Actor {
  return {
    userId: "u",
    role,
    personId: 7,
    bodyRoles: bodyRolesOf(seats),
    organisationId,
    collaborationIds: new Set([1]),
  };
}

const anonymous = null;
const admin = actor("admin");
const svomMember = actor("reader", [[SVOM, "ledamot"]]);
const otherBody = actor("member", [[STYRGRUPP, "ordförande"]]);
// A party's IFO chief, who reports the council's answer but sits in no SVOM seat.
const partyReporter = actor("member", [], 9);

const paragraph = (over: Partial<DecisionVisibilityFacts> = {}) => ({
  id: 41,
  bodyId: SVOM,
  isPublic: true,
  approval: "justerat" as const,
  ...over,
});
const confidential = paragraph({ isPublic: false });
const publicRec = { status: "skickad" as RecommendationStatus, isPublic: true };
const FILES = [
  { id: 1, role: "utdrag" },
  { id: 2, role: "underlag" },
];

describe("the deciding § of a recommendation", () => {
  it("is shown with a public § to everyone", () => {
    for (const viewer of [anonymous, partyReporter, otherBody, svomMember, admin]) {
      expect(decidingParagraphFor(viewer, paragraph())).toEqual(paragraph());
      expect(recommendationFilesFor(viewer, paragraph(), FILES)).toEqual(FILES);
    }
  });

  it("is shown, with its extract and documents, only to those who may open a § that is not public", () => {
    const cases: [string, Actor | null, boolean][] = [
      ["the public (and a registrar's letter)", anonymous, false],
      ["a party's reporter without a seat", partyReporter, false],
      ["a member of another body", otherBody, false],
      ["a SVOM member", svomMember, true],
      ["the coordinator", admin, true],
    ];
    for (const [who, viewer, shown] of cases) {
      expect(decidingParagraphFor(viewer, confidential) !== null, who).toBe(shown);
      expect(recommendationFilesFor(viewer, confidential, FILES), who).toEqual(shown ? FILES : []);
    }
  });

  it("is nothing without a § linked, and its files are shown to no one", () => {
    expect(decidingParagraphFor(admin, null)).toBeNull();
    expect(decidingParagraphFor(admin, undefined)).toBeNull();
    expect(recommendationFilesFor(admin, null, FILES)).toEqual([]);
  });

  it("hides a § whose minutes are not approved from those outside the body", () => {
    const draft = paragraph({ approval: "utkast" });
    expect(decidingParagraphFor(anonymous, draft)).toBeNull();
    expect(decidingParagraphFor(svomMember, draft)).toEqual(draft);
  });
});

describe("downloading a recommendation's file", () => {
  it("follows the § for the extract and documents, the recommendation for a party's answer", () => {
    expect(mayOpenRecommendationFile(anonymous, publicRec, confidential, "decision")).toBe(false);
    expect(mayOpenRecommendationFile(anonymous, publicRec, confidential, "answer")).toBe(true);
    expect(mayOpenRecommendationFile(anonymous, publicRec, paragraph(), "decision")).toBe(true);
    expect(mayOpenRecommendationFile(svomMember, publicRec, confidential, "decision")).toBe(true);
    expect(mayOpenRecommendationFile(partyReporter, publicRec, confidential, "decision")).toBe(false);
  });

  it("never opens a file of a recommendation the viewer may not read", () => {
    const draft = { status: "utkast" as RecommendationStatus, isPublic: true };
    const internal = { status: "skickad" as RecommendationStatus, isPublic: false };
    for (const link of ["decision", "answer"] as const) {
      expect(mayOpenRecommendationFile(svomMember, draft, paragraph(), link), link).toBe(false);
      expect(mayOpenRecommendationFile(anonymous, internal, paragraph(), link), link).toBe(false);
      expect(mayOpenRecommendationFile(partyReporter, internal, paragraph(), link), link).toBe(true);
    }
  });
});
