import { describe, expect, it } from "vitest";
import { ACTIONS, can, POLICY, type Action, type Actor, type BodyRole } from "~/domain/policy";

const BODY_A = 1;
const BODY_B = 2;

function actor(role: Actor["role"], seats: [number, BodyRole][] = []): Actor {
  return {
    userId: `u-${role}`,
    role,
    personId: 10,
    bodyRoles: new Map(seats),
    organisationId: 5,
    collaborationIds: new Set<number>(),
  };
}

const anonymous = null;
const reader = actor("reader");
const memberA = actor("member", [[BODY_A, "ledamot"]]);
const memberB = actor("member", [[BODY_B, "ordförande"]]);
const secretaryA = actor("member", [[BODY_A, "sekreterare"]]);
const admin = actor("admin");

type Case = [string, Actor | null, Action, object, boolean];

const cases: Case[] = [
  ["public reads parties", anonymous, "read:parties", {}, true],
  ["public reads the list of bodies", anonymous, "read:bodies", {}, true],
  ["public reads a body page", anonymous, "read:body", { bodyId: BODY_A }, true],
  [
    "public sees members of a public-records body",
    anonymous,
    "read:body-members",
    { bodyId: BODY_A, publicRecords: true },
    true,
  ],
  [
    "public does not see members of an internal body",
    anonymous,
    "read:body-members",
    { bodyId: BODY_A, publicRecords: false },
    false,
  ],
  ["reader sees members of an internal body", reader, "read:body-members", { bodyId: BODY_A }, true],
  ["public has no start page", anonymous, "read:start", {}, false],
  ["reader has a start page", reader, "read:start", {}, true],
  ["public cannot change a password", anonymous, "change:own-password", {}, false],
  ["reader changes own password", reader, "change:own-password", {}, true],
  ["reader cannot manage memberships", reader, "manage:memberships", { bodyId: BODY_A }, false],
  ["member cannot manage memberships of own body", memberA, "manage:memberships", { bodyId: BODY_A }, false],
  [
    "secretary of a body cannot manage memberships (coordinator only)",
    secretaryA,
    "manage:memberships",
    { bodyId: BODY_A },
    false,
  ],
  ["member of B cannot manage memberships of A", memberB, "manage:memberships", { bodyId: BODY_A }, false],
  ["admin manages memberships", admin, "manage:memberships", { bodyId: BODY_A }, true],
  ["member cannot read the audit log", memberA, "read:audit", {}, false],
  ["reader cannot read the audit log", reader, "read:audit", {}, false],
  ["admin reads the audit log", admin, "read:audit", {}, true],
  ["member cannot manage people", memberA, "manage:people", {}, false],
  ["public cannot manage people", anonymous, "manage:people", {}, false],
  [
    "member reads a draft meeting of own body",
    memberA,
    "read:meeting",
    { bodyId: BODY_A, publicRecords: false, published: false },
    true,
  ],
  [
    "member of B cannot read a meeting of A",
    memberB,
    "read:meeting",
    { bodyId: BODY_A, publicRecords: false, published: true },
    false,
  ],
  [
    "reader cannot read an internal body's meeting",
    reader,
    "read:meeting",
    { bodyId: BODY_A, publicRecords: false, published: true },
    false,
  ],
  [
    "public reads a published meeting of a public-records body",
    anonymous,
    "read:meeting",
    { bodyId: BODY_A, publicRecords: true, published: true },
    true,
  ],
  [
    "public cannot read an unpublished meeting of a public-records body",
    anonymous,
    "read:meeting",
    { bodyId: BODY_A, publicRecords: true, published: false },
    false,
  ],
  ["member of B cannot read A's confidential documents", memberB, "read:confidential", { bodyId: BODY_A }, false],
  ["public cannot read confidential documents", anonymous, "read:confidential", { bodyId: BODY_A }, false],
  ["member reads own body's confidential documents", memberA, "read:confidential", { bodyId: BODY_A }, true],
  ["secretary manages own body's meetings", secretaryA, "manage:meeting", { bodyId: BODY_A }, true],
  ["secretary of A cannot manage B's meetings", secretaryA, "manage:meeting", { bodyId: BODY_B }, false],
  ["ordinary member cannot manage meetings", memberA, "manage:meeting", { bodyId: BODY_A }, false],
  ["secretary creates meetings for own body", secretaryA, "create:meeting", { bodyId: BODY_A }, true],
  ["member proposes items to own body", memberA, "propose:item", { bodyId: BODY_A }, true],
  ["member of B cannot propose to A", memberB, "propose:item", { bodyId: BODY_A }, false],
  ["reader without seat cannot propose", reader, "propose:item", { bodyId: BODY_A }, false],
  ["public cannot sign minutes", anonymous, "sign:minutes", { bodyId: BODY_A }, false],
  ["public reads the agreement", anonymous, "read:agreement", {}, true],
  ["member cannot change the agreement", memberA, "manage:agreement", {}, false],
  ["secretary of a body cannot change the agreement", secretaryA, "manage:agreement", {}, false],
  ["admin changes the agreement", admin, "manage:agreement", {}, true],
  ["public reads a public document", anonymous, "read:document", { visibility: "public" }, true],
  ["public cannot read a members' document", anonymous, "read:document", { visibility: "members" }, false],
  ["reader reads a members' document", reader, "read:document", { visibility: "members" }, true],
  [
    "member of B cannot read a document for body A only",
    memberB,
    "read:document",
    { visibility: "bodies", bodyIds: [BODY_A] },
    false,
  ],
  [
    "member of A reads a document for body A",
    memberA,
    "read:document",
    { visibility: "bodies", bodyIds: [BODY_A] },
    true,
  ],
  [
    "reader cannot read a document for body A only",
    reader,
    "read:document",
    { visibility: "bodies", bodyIds: [BODY_A] },
    false,
  ],
  ["member edits a document of own body", memberA, "edit:document", { bodyId: BODY_A }, true],
  ["member cannot edit another body's document", memberB, "edit:document", { bodyId: BODY_A }, false],
  ["reader cannot create documents", reader, "create:document", {}, false],
  ["member creates documents", memberA, "create:document", {}, true],
  [
    "public reads a public recommendation once sent",
    anonymous,
    "read:recommendation",
    { published: true, publicRecords: true },
    true,
  ],
  [
    "public cannot read an internal recommendation",
    anonymous,
    "read:recommendation",
    { published: true, publicRecords: false },
    false,
  ],
  [
    "reader reads an internal recommendation once sent",
    reader,
    "read:recommendation",
    { published: true, publicRecords: false },
    true,
  ],
  [
    "member cannot read a draft recommendation",
    memberA,
    "read:recommendation",
    { published: false, publicRecords: true },
    false,
  ],
  [
    "public cannot read a draft recommendation",
    anonymous,
    "read:recommendation",
    { published: false, publicRecords: true },
    false,
  ],
  ["coordinator reads a draft recommendation", admin, "read:recommendation", { published: false }, true],
  ["member reports own party's answer", memberA, "report:party-answer", { organisationId: 5 }, true],
  ["member cannot report another party's answer", memberA, "report:party-answer", { organisationId: 6 }, false],
  ["reader cannot report an answer", reader, "report:party-answer", { organisationId: 5 }, false],
  ["member cannot record decisions", memberA, "manage:decisions", {}, false],
  ["assignee updates an assignment", memberA, "update:assignment", { assignee: true }, true],
  ["others cannot update an assignment", memberB, "update:assignment", { assignee: false }, false],
  ["public cannot list matters", anonymous, "read:matters", {}, false],
];

describe("policy", () => {
  it.each(cases)("%s", (_name, who, action, resource, expected) => {
    expect(can(who, action, resource)).toBe(expected);
  });

  it("has a rule for every action and nothing else", () => {
    expect(Object.keys(POLICY).sort()).toEqual([...ACTIONS].sort());
  });

  it("lets the administrator do every action", () => {
    for (const action of ACTIONS) expect(can(admin, action, { bodyId: BODY_B })).toBe(true);
  });

  it("refuses an unknown action", () => {
    expect(can(memberA, "delete:everything" as Action)).toBe(false);
  });
});
