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
    // The party's contact person: its representative.
    represents: organisationId === null ? [] : [{ collaborationId: 1, organisationId }],
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
const publicRec = { status: "skickad" as RecommendationStatus, isPublic: true, collaborationId: 1 };
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

const DECISION = { kind: "decision" } as const;
const ANSWER = { kind: "answer" } as const;
const EARLIER_ÖSTERSUND = { kind: "earlier-answer", organisationId: 9 } as const;

describe("downloading a recommendation's file", () => {
  it("follows the § for the extract and documents, the recommendation for a party's answer", () => {
    expect(mayOpenRecommendationFile(anonymous, publicRec, confidential, DECISION)).toBe(false);
    expect(mayOpenRecommendationFile(anonymous, publicRec, confidential, ANSWER)).toBe(true);
    expect(mayOpenRecommendationFile(anonymous, publicRec, paragraph(), DECISION)).toBe(true);
    expect(mayOpenRecommendationFile(svomMember, publicRec, confidential, DECISION)).toBe(true);
    expect(mayOpenRecommendationFile(partyReporter, publicRec, confidential, DECISION)).toBe(false);
  });

  it("keeps an extract the answer no longer carries to the party's representative and the coordinator", () => {
    const cases: [string, Actor | null, boolean][] = [
      ["the public", anonymous, false],
      ["a SVOM member", svomMember, false],
      ["another party's representative", actor("member", [], 5), false],
      ["a reader of the same party", actor("reader", [], 9), false],
      ["the party's representative", partyReporter, true],
      ["the coordinator", admin, true],
    ];
    for (const [who, viewer, opens] of cases)
      expect(mayOpenRecommendationFile(viewer, publicRec, paragraph(), EARLIER_ÖSTERSUND), who).toBe(opens);
  });

  it("never opens a file of a recommendation the viewer may not read", () => {
    const draft = { status: "utkast" as RecommendationStatus, isPublic: true, collaborationId: 1 };
    const internal = { status: "skickad" as RecommendationStatus, isPublic: false, collaborationId: 1 };
    for (const link of [DECISION, ANSWER, EARLIER_ÖSTERSUND]) {
      expect(mayOpenRecommendationFile(svomMember, draft, paragraph(), link), link.kind).toBe(false);
      expect(mayOpenRecommendationFile(anonymous, internal, paragraph(), link), link.kind).toBe(false);
      expect(mayOpenRecommendationFile(partyReporter, internal, paragraph(), link), link.kind).toBe(true);
    }
  });
});
