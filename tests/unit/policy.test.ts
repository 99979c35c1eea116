import { describe, expect, it } from "vitest";
import { MEMBERSHIP_ROLES } from "~/domain/membership";
import {
  ACTIONS,
  bodyRolesOf,
  can,
  onlyReads,
  POLICY,
  representsParty,
  roleChangeRefusal,
  type Action,
  type Actor,
  type BodyRole,
} from "~/domain/policy";

const BODY_A = 1;
const BODY_B = 2;

function actor(role: Actor["role"], seats: [number, BodyRole][] = []): Actor {
  return {
    userId: `u-${role}`,
    role,
    personId: 10,
    bodyRoles: bodyRolesOf(seats),
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
  [
    "a member employed by the party who is not its contact person cannot report its answer",
    memberA,
    "report:party-answer",
    { collaborationId: 1, organisationId: 5 },
    false,
  ],
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

/**
 * Class 5 of the audit: roles mean what they say. A reader holds seats (a politician chairs
 * SVOM) but never writes; a person with two seats in one body has the rights of both.
 */
describe("the party's representative reports its answer (report:party-answer)", () => {
  const COLLAB = 1;
  const ÖSTERSUND = 5;
  const KROKOM = 6;
  // Contact person of Östersund in collaboration 1 (parties.contact_person_id).
  const contact: Actor = {
    ...actor("member"),
    organisationId: ÖSTERSUND,
    represents: [{ collaborationId: COLLAB, organisationId: ÖSTERSUND }],
  };
  const party = (organisationId: number, collaborationId: number | undefined = COLLAB) => ({
    collaborationId,
    organisationId,
  });

  it("lets the party's contact person report its answer in that collaboration", () => {
    expect(can(contact, "report:party-answer", party(ÖSTERSUND))).toBe(true);
    expect(representsParty(contact, party(ÖSTERSUND))).toBe(true);
  });

  it("refuses one employed by the party who is not its contact person (Mini-Maria's manager)", () => {
    const employee: Actor = { ...actor("member", [[BODY_A, "ledamot"]]), organisationId: ÖSTERSUND, represents: [] };
    expect(can(employee, "report:party-answer", party(ÖSTERSUND))).toBe(false);
    // Without the parties loaded the actor represents none.
    expect(can(actor("member"), "report:party-answer", party(ÖSTERSUND))).toBe(false);
  });

  it("refuses a contact person who does not belong to the party (chosen by mistake, or since moved on)", () => {
    const outsider: Actor = { ...contact, organisationId: KROKOM };
    expect(can(outsider, "report:party-answer", party(ÖSTERSUND))).toBe(false);
    expect(can({ ...contact, organisationId: null }, "report:party-answer", party(ÖSTERSUND))).toBe(false);
  });

  it("does not reach another party, nor the same organisation in another collaboration", () => {
    expect(can(contact, "report:party-answer", party(KROKOM))).toBe(false);
    expect(can(contact, "report:party-answer", party(ÖSTERSUND, 2))).toBe(false);
  });

  it("refuses a resource that does not name the party whole", () => {
    expect(can(contact, "report:party-answer", { organisationId: ÖSTERSUND })).toBe(false);
    expect(can(contact, "report:party-answer", { collaborationId: COLLAB })).toBe(false);
    expect(can(contact, "report:party-answer")).toBe(false);
  });

  it("refuses a reader even as contact person, and the public; the coordinator may", () => {
    const readerContact: Actor = { ...contact, role: "reader" };
    expect(can(readerContact, "report:party-answer", party(ÖSTERSUND))).toBe(false);
    expect(can(null, "report:party-answer", party(ÖSTERSUND))).toBe(false);
    expect(can(admin, "report:party-answer", party(ÖSTERSUND))).toBe(true);
  });
});

describe("roles mean what they say (class)", () => {
  const writes = ACTIONS.filter((a) => !onlyReads(a) && a !== "change:own-password");
  const resources = [
    { bodyId: BODY_A },
    { bodyId: BODY_A, publicRecords: true, published: true },
    { bodyId: BODY_A, visibility: "bodies" as const, bodyIds: [BODY_A] },
    { organisationId: 5, assignee: true },
  ];

  it("lists the writes it checks (every action that is not a read)", () => {
    expect(writes).toContain("create:meeting");
    expect(writes).toContain("propose:item");
    expect(writes).toContain("sign:minutes");
    expect(writes.length + ACTIONS.filter(onlyReads).length + 1).toBe(ACTIONS.length);
  });

  it.each(MEMBERSHIP_ROLES)("a reader who is %s of the body still writes nothing", (role) => {
    const seated = actor("reader", [
      [BODY_A, role],
      [BODY_B, role],
    ]);
    for (const action of writes)
      for (const resource of resources) expect(can(seated, action, resource), `${action} as ${role}`).toBe(false);
    expect(can(seated, "change:own-password")).toBe(true);
  });

  it("a reader with every seat in every body still writes nothing", () => {
    const everything = actor(
      "reader",
      [BODY_A, BODY_B].flatMap((b) => MEMBERSHIP_ROLES.map((r) => [b, r] as [number, BodyRole])),
    );
    for (const action of writes)
      for (const resource of resources) expect(can(everything, action, resource), action).toBe(false);
  });

  it("a reader's seat still lets them read what the body's members read", () => {
    const seated = actor("reader", [[BODY_A, "ordförande"]]);
    expect(can(seated, "read:meeting", { bodyId: BODY_A, publicRecords: false, published: false })).toBe(true);
    expect(can(seated, "read:confidential", { bodyId: BODY_A })).toBe(true);
    expect(can(seated, "read:document", { visibility: "bodies", bodyIds: [BODY_A] })).toBe(true);
    expect(can(seated, "read:meeting", { bodyId: BODY_B, publicRecords: false, published: true })).toBe(false);
  });

  it.each(MEMBERSHIP_ROLES.flatMap((a) => MEMBERSHIP_ROLES.map((b) => [a, b] as const)))(
    "seats %s and %s in one body give the rights of both, in either order",
    (first, second) => {
      const both = actor("member", [
        [BODY_A, first],
        [BODY_A, second],
      ]);
      for (const action of ACTIONS) {
        const alone = [first, second].some((r) => can(actor("member", [[BODY_A, r]]), action, { bodyId: BODY_A }));
        expect(can(both, action, { bodyId: BODY_A }), action).toBe(alone);
      }
    },
  );

  it("a member of several bodies has each body's rights and no other's", () => {
    const several = actor("member", [
      [BODY_A, "sekreterare"],
      [BODY_B, "ledamot"],
    ]);
    expect(can(several, "manage:meeting", { bodyId: BODY_A })).toBe(true);
    expect(can(several, "manage:meeting", { bodyId: BODY_B })).toBe(false);
    expect(can(several, "propose:item", { bodyId: BODY_B })).toBe(true);
    expect(can(several, "propose:item", { bodyId: 3 })).toBe(false);
  });

  it("groups seats by body without losing one", () => {
    const roles = bodyRolesOf([
      [BODY_A, "ledamot"],
      [BODY_A, "sekreterare"],
      [BODY_B, "ersättare"],
      [BODY_A, "ledamot"],
    ]);
    expect([...roles.get(BODY_A)!].sort()).toEqual(["ledamot", "sekreterare"]);
    expect([...roles.get(BODY_B)!]).toEqual(["ersättare"]);
  });
});

/**
 * A seat not yet begun (a new term from 1 January): the notice goes to everyone whose seat
 * covers the meeting's day, so the person called may open that meeting before the seat begins,
 * and nothing else of the body.
 */
describe("called to a meeting by a seat not yet begun", () => {
  const toBe = (role: Actor["role"], endDate: string | null = null): Actor => ({
    ...actor(role),
    seatsAhead: [{ bodyId: BODY_A, startDate: "2027-01-01", endDate }],
  });
  const meeting = (meetingDate: string | undefined) => ({ bodyId: BODY_A, published: false, meetingDate });

  it("opens a meeting the seat covers, its confidential items included, from the seat's first day on", () => {
    for (const day of ["2027-01-01", "2027-01-15", "2030-06-30"]) {
      expect(can(toBe("member"), "read:meeting", meeting(day)), day).toBe(true);
      expect(can(toBe("member"), "read:confidential", meeting(day)), day).toBe(true);
    }
  });

  it("does not open a meeting before the seat begins or after it ends (both days inclusive)", () => {
    expect(can(toBe("member"), "read:meeting", meeting("2026-12-31"))).toBe(false);
    expect(can(toBe("member", "2027-03-31"), "read:meeting", meeting("2027-03-31"))).toBe(true);
    expect(can(toBe("member", "2027-03-31"), "read:meeting", meeting("2027-04-01"))).toBe(false);
    expect(can(toBe("member"), "read:confidential", meeting("2026-12-31"))).toBe(false);
  });

  it("does not open another body's meeting, nor a meeting whose day is not asked", () => {
    expect(can(toBe("member"), "read:meeting", { bodyId: BODY_B, meetingDate: "2027-01-15" })).toBe(false);
    expect(can(toBe("member"), "read:meeting", meeting(undefined))).toBe(false);
  });

  it("gives no right but reading and proposing items to the meeting: not to sign, manage or edit", () => {
    for (const action of ["sign:minutes", "manage:meeting", "edit:document"] as const)
      expect(can(toBe("member"), action, meeting("2027-01-15")), action).toBe(false);
  });

  it("lets her propose items to a meeting she is called to, and to no other", () => {
    // The proposal deadline of the new term's first meeting falls before the term begins.
    expect(can(toBe("member"), "propose:item", meeting("2027-01-15"))).toBe(true);
    expect(can(toBe("member"), "propose:item", meeting("2026-12-15"))).toBe(false);
    expect(can(toBe("member"), "propose:item", { bodyId: BODY_B, meetingDate: "2027-01-15" })).toBe(false);
    expect(can(toBe("member"), "propose:item", meeting(undefined))).toBe(false);
  });

  it("lets a reader with a seat ahead read the meeting, as a reader with a seat today does", () => {
    expect(can(toBe("reader"), "read:meeting", meeting("2027-01-15"))).toBe(true);
    expect(can(toBe("reader"), "propose:item", meeting("2027-01-15"))).toBe(false);
  });
});

/**
 * A signer of a meeting's open minutes (acting chair, secretary, justerare): the December
 * meeting's minutes are signed in January, after an outgoing member's seat has ended.
 */
describe("signs the open minutes of a meeting after the seat has ended", () => {
  const signer = (role: Actor["role"] = "member"): Actor => ({ ...actor(role), signsMinutesOf: [7] });
  const meeting = (meetingId: number | undefined) => ({ bodyId: BODY_A, published: false, meetingId });

  it("reads that meeting, its confidential items included, and signs its minutes", () => {
    for (const action of ["read:meeting", "read:confidential", "sign:minutes"] as const)
      expect(can(signer(), action, meeting(7)), action).toBe(true);
  });

  it("nothing of another meeting, nor a meeting whose id is not asked, and no other right", () => {
    for (const action of ["read:meeting", "read:confidential", "sign:minutes"] as const) {
      expect(can(signer(), action, meeting(8)), action).toBe(false);
      expect(can(signer(), action, meeting(undefined)), action).toBe(false);
    }
    for (const action of ["propose:item", "manage:meeting", "create:meeting", "edit:document"] as const)
      expect(can(signer(), action, meeting(7)), action).toBe(false);
  });

  it("a reader reads the minutes but does not sign, as with a seat", () => {
    expect(can(signer("reader"), "read:meeting", meeting(7))).toBe(true);
    expect(can(signer("reader"), "sign:minutes", meeting(7))).toBe(false);
  });
});

describe("roleChangeRefusal", () => {
  it("never takes the role from the last administrator", () => {
    expect(roleChangeRefusal("admin", "member", 1)).toMatch(/minst en administratör/);
    expect(roleChangeRefusal("admin", "reader", 1)).toMatch(/minst en administratör/);
    // A count of none (data broken by hand) is no licence either.
    expect(roleChangeRefusal("admin", "member", 0)).toMatch(/minst en administratör/);
  });

  it("lets an administrator step down while another remains, and any other change", () => {
    expect(roleChangeRefusal("admin", "member", 2)).toBeNull();
    expect(roleChangeRefusal("admin", "admin", 1)).toBeNull();
    expect(roleChangeRefusal("member", "reader", 1)).toBeNull();
    expect(roleChangeRefusal("reader", "admin", 1)).toBeNull();
  });
});
