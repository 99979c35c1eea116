import { describe, expect, it } from "vitest";
import {
  canReadDecision,
  decisionScope,
  decisionStatusRefusal,
  isPublicDecision,
  type DecisionVisibilityFacts,
} from "~/domain/decisions";
import { bodyRolesOf, type Actor, type BodyRole } from "~/domain/policy";

const SVOM = 1;
const STYRGRUPP = 2;

function actor(role: Actor["role"], seats: [number, BodyRole][] = []): Actor {
  return {
    userId: "u",
    role,
    personId: 7,
    bodyRoles: bodyRolesOf(seats),
    organisationId: null,
    collaborationIds: new Set([1]),
  };
}

const anonymous = null;
const admin = actor("admin");
const svomMember = actor("reader", [[SVOM, "ledamot"]]);
const svomSecretary = actor("member", [[SVOM, "sekreterare"]]);
const otherBody = actor("member", [[STYRGRUPP, "ordförande"]]);
const signedInNoSeat = actor("member");

const decision = (over: Partial<DecisionVisibilityFacts>): DecisionVisibilityFacts => ({
  bodyId: SVOM,
  isPublic: true,
  approval: "justerat",
  ...over,
});

describe("who may read a decision", () => {
  const cases: [string, DecisionVisibilityFacts, [Actor | null, boolean][]][] = [
    [
      "approved, public",
      decision({}),
      [
        [anonymous, true],
        [signedInNoSeat, true],
        [otherBody, true],
        [svomMember, true],
        [admin, true],
      ],
    ],
    [
      "draft of a public body",
      decision({ approval: "utkast" }),
      [
        [anonymous, false],
        [signedInNoSeat, false],
        [otherBody, false],
        [svomMember, true],
        [svomSecretary, true],
        [admin, true],
      ],
    ],
    [
      "approved, not public (internal body or confidential item)",
      decision({ isPublic: false }),
      [
        [anonymous, false],
        [otherBody, false],
        [svomMember, true],
        [admin, true],
      ],
    ],
    [
      "draft, not public",
      decision({ isPublic: false, approval: "utkast" }),
      [
        [anonymous, false],
        [otherBody, false],
        [svomMember, true],
      ],
    ],
  ];
  for (const [name, d, expectations] of cases)
    it.each(expectations)(`${name}: %# `, (who, expected) => {
      expect(canReadDecision(who, d)).toBe(expected);
    });

  it("calls only approved public decisions public records", () => {
    expect(isPublicDecision({ isPublic: true, approval: "justerat" })).toBe(true);
    expect(isPublicDecision({ isPublic: true, approval: "utkast" })).toBe(false);
    expect(isPublicDecision({ isPublic: false, approval: "justerat" })).toBe(false);
  });
});

describe("the register's query scope agrees with the rule", () => {
  it("gives the coordinator everything and others the bodies they sit in", () => {
    expect(decisionScope(admin)).toEqual({ everything: true });
    expect(decisionScope(anonymous)).toEqual({ everything: false, bodyIds: [] });
    expect(decisionScope(svomMember)).toEqual({ everything: false, bodyIds: [SVOM] });
  });

  it("matches canReadDecision for every combination", () => {
    const actors = [anonymous, admin, svomMember, svomSecretary, otherBody, signedInNoSeat];
    for (const who of actors)
      for (const bodyId of [SVOM, STYRGRUPP])
        for (const isPublic of [true, false])
          for (const approval of ["utkast", "justerat"] as const) {
            const d = { bodyId, isPublic, approval };
            const scope = decisionScope(who);
            const inScope = scope.everything || isPublicDecision(d) || scope.bodyIds.includes(bodyId);
            expect(inScope, JSON.stringify({ who: who?.role, d })).toBe(canReadDecision(who, d));
          }
  });
});

describe("decisionStatusRefusal", () => {
  it("lets the status of an approved decision change", () => {
    expect(decisionStatusRefusal({ approval: "justerat" })).toBeNull();
  });

  it("refuses it for a draft, which no one may carry out or revoke before the minutes are approved", () => {
    expect(decisionStatusRefusal({ approval: "utkast" })).toMatch(/utkast tills protokollet är justerat/);
  });
});
