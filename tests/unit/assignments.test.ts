import { describe, expect, it } from "vitest";
import {
  assignmentViewFrom,
  decisionOfAssignmentRefusal,
  dueDateRefusal,
  followsUpOverdueAssignments,
  mayEditAssignment,
  isAssignee,
  mayCreateAssignment,
  mayUpdateAssignment,
  mayWriteAssignments,
  seesAssignment,
} from "~/domain/assignments";
import { bodyRolesOf, type Actor, type BodyRole } from "~/domain/policy";
import { isAssignmentOverdue, OPEN_ASSIGNMENT_STATUSES } from "~/domain/recommendations";
import { assignmentSchema } from "~/forms/assignment";
import { errorsOf, formData } from "../support/forms";
import { parseWithZod } from "@conform-to/zod";

const BODY = 3;

function actor(role: Actor["role"], seats: [number, BodyRole][] = [], personId = 10, organisationId = 5): Actor {
  return {
    userId: `u-${role}`,
    role,
    personId,
    bodyRoles: bodyRolesOf(seats),
    organisationId,
    collaborationIds: new Set([1]),
  };
}

const member = actor("member", [[BODY, "ledamot"]]);
const reader = actor("reader", [[BODY, "ledamot"]]);
const admin = actor("admin");
const noPerson: Actor = { ...actor("member"), personId: null, organisationId: null };

describe("assignmentViewFrom", () => {
  it.each([
    ["mina", "mina"],
    ["skapade", "skapade"],
    ["forsenade", "forsenade"],
    ["alla", "alla"],
  ] as const)("keeps the known list %s", (asked, shown) => {
    expect(assignmentViewFrom(asked)).toBe(shown);
  });

  it.each([null, "", "MINA", "försenade", "mina ", "constructor", "__proto__"])("reads %j as all", (asked) => {
    expect(assignmentViewFrom(asked)).toBe("alla");
  });
});

describe("isAssignee", () => {
  it("is the person named", () => {
    expect(isAssignee({ collaborationId: 1, assigneeType: "person", assigneeId: 10 }, member)).toBe(true);
    expect(isAssignee({ collaborationId: 1, assigneeType: "person", assigneeId: 11 }, member)).toBe(false);
  });

  it("is every current member of the body named, whatever the seat", () => {
    expect(isAssignee({ collaborationId: 1, assigneeType: "body", assigneeId: BODY }, member)).toBe(true);
    expect(
      isAssignee(
        { collaborationId: 1, assigneeType: "body", assigneeId: BODY },
        actor("member", [[BODY, "ersättare"]]),
      ),
    ).toBe(true);
    expect(isAssignee({ collaborationId: 1, assigneeType: "body", assigneeId: BODY + 1 }, member)).toBe(false);
  });

  it("is the party's representative in the assignment's collaboration, not everyone employed by it", () => {
    const representative: Actor = { ...member, represents: [{ collaborationId: 1, organisationId: 5 }] };
    expect(isAssignee({ collaborationId: 1, assigneeType: "party", assigneeId: 5 }, representative)).toBe(true);
    // Mini-Maria's manager is employed by Östersund without representing it.
    expect(isAssignee({ collaborationId: 1, assigneeType: "party", assigneeId: 5 }, member)).toBe(false);
    // Another party, or the same organisation as a party of another collaboration.
    expect(isAssignee({ collaborationId: 1, assigneeType: "party", assigneeId: 6 }, representative)).toBe(false);
    expect(isAssignee({ collaborationId: 2, assigneeType: "party", assigneeId: 5 }, representative)).toBe(false);
  });

  it("is not held by a contact person who belongs to another organisation (chosen by mistake, or since moved on)", () => {
    const outsider: Actor = { ...member, organisationId: 6, represents: [{ collaborationId: 1, organisationId: 5 }] };
    expect(isAssignee({ collaborationId: 1, assigneeType: "party", assigneeId: 5 }, outsider)).toBe(false);
    expect(mayUpdateAssignment(outsider, { collaborationId: 1, assigneeType: "party", assigneeId: 5 })).toBe(false);
    expect(
      isAssignee({ collaborationId: 1, assigneeType: "party", assigneeId: 5 }, { ...outsider, organisationId: null }),
    ).toBe(false);
  });

  it("does not confuse the kinds: a person id is not an organisation or a body id", () => {
    const same = actor("member", [[7, "ledamot"]], 7, 8);
    expect(isAssignee({ collaborationId: 1, assigneeType: "party", assigneeId: 7 }, same)).toBe(false);
    expect(isAssignee({ collaborationId: 1, assigneeType: "person", assigneeId: 8 }, same)).toBe(false);
    expect(isAssignee({ collaborationId: 1, assigneeType: "body", assigneeId: 8 }, same)).toBe(false);
  });

  it("is nobody's for an account without a person or an organisation", () => {
    expect(isAssignee({ collaborationId: 1, assigneeType: "person", assigneeId: 0 }, noPerson)).toBe(false);
    expect(isAssignee({ collaborationId: 1, assigneeType: "party", assigneeId: 0 }, noPerson)).toBe(false);
  });

  it("is nobody's for an unknown kind of assignee", () => {
    expect(isAssignee({ collaborationId: 1, assigneeType: "group", assigneeId: 5 }, member)).toBe(false);
  });
});

describe("who may write on /uppdrag", () => {
  it("lets the coordinator create and update any assignment", () => {
    expect(mayWriteAssignments(admin)).toBe(true);
    expect(mayCreateAssignment(admin)).toBe(true);
    expect(mayUpdateAssignment(admin, { collaborationId: 1, assigneeType: "person", assigneeId: 999 })).toBe(true);
  });

  it("lets a member post, but only to change the status of their own", () => {
    expect(mayWriteAssignments(member)).toBe(true);
    expect(mayCreateAssignment(member)).toBe(false);
    expect(mayUpdateAssignment(member, { collaborationId: 1, assigneeType: "body", assigneeId: BODY })).toBe(true);
    expect(mayUpdateAssignment(member, { collaborationId: 1, assigneeType: "person", assigneeId: 999 })).toBe(false);
  });

  it("refuses a reader everything, even an assignment they hold", () => {
    expect(mayWriteAssignments(reader)).toBe(false);
    expect(mayCreateAssignment(reader)).toBe(false);
    expect(mayUpdateAssignment(reader, { collaborationId: 1, assigneeType: "body", assigneeId: BODY })).toBe(false);
  });
});

describe("seesAssignment (another collaboration's answers as a missing one)", () => {
  it("shows a member the assignments of the collaborations they take part in, held or not", () => {
    expect(seesAssignment(member, { collaborationId: 1, assigneeType: "person", assigneeId: 999 })).toBe(true);
    expect(seesAssignment(reader, { collaborationId: 1, assigneeType: "person", assigneeId: 999 })).toBe(true);
  });

  it("hides another collaboration's assignment unless the actor holds it", () => {
    expect(seesAssignment(member, { collaborationId: 2, assigneeType: "person", assigneeId: 999 })).toBe(false);
    expect(seesAssignment(member, { collaborationId: 2, assigneeType: "body", assigneeId: BODY })).toBe(true);
    // A party's assignment is its representative's there.
    const representative: Actor = { ...member, represents: [{ collaborationId: 2, organisationId: 5 }] };
    expect(seesAssignment(representative, { collaborationId: 2, assigneeType: "party", assigneeId: 5 })).toBe(true);
    expect(seesAssignment(member, { collaborationId: 2, assigneeType: "party", assigneeId: 5 })).toBe(false);
  });

  it("shows the coordinator every assignment", () => {
    expect(seesAssignment(admin, { collaborationId: 2, assigneeType: "person", assigneeId: 999 })).toBe(true);
  });
});

describe("overdue assignments", () => {
  it("are the open ones past their due date", () => {
    expect(OPEN_ASSIGNMENT_STATUSES).toEqual(["ej påbörjad", "pågår"]);
    for (const status of OPEN_ASSIGNMENT_STATUSES)
      expect(isAssignmentOverdue({ status, dueDate: "2026-03-01" }, "2026-03-02")).toBe(true);
    expect(isAssignmentOverdue({ status: "återrapporterad", dueDate: "2026-03-01" }, "2026-03-02")).toBe(false);
  });
});

describe("followsUpOverdueAssignments (the start page)", () => {
  it("shows the coordinator the collaboration's overdue assignments", () => {
    expect(followsUpOverdueAssignments(admin)).toBe(true);
    expect(followsUpOverdueAssignments(actor("admin", [[BODY, "sekreterare"]]))).toBe(true);
  });

  it.each([
    ["a member", member],
    ["a body's secretary", actor("member", [[BODY, "sekreterare"]])],
    ["a body's chair", actor("member", [[BODY, "ordförande"]])],
    ["a reader", reader],
    ["a member without a person", noPerson],
    ["the public", null],
  ])("leaves %s to find their own on /uppdrag", (_, who) => {
    expect(followsUpOverdueAssignments(who)).toBe(false);
  });
});

describe("mayEditAssignment", () => {
  it("is the coordinator's alone: the assignee changes only the status", () => {
    expect(mayEditAssignment(admin)).toBe(true);
    expect(mayEditAssignment(member)).toBe(false);
    expect(mayEditAssignment(actor("member", [[BODY, "sekreterare"]]))).toBe(false);
    expect(mayEditAssignment(reader)).toBe(false);
    // The assignee may set the status, not edit what the assignment is.
    expect(mayUpdateAssignment(member, { collaborationId: 1, assigneeType: "person", assigneeId: 10 })).toBe(true);
  });
});

describe("decisionOfAssignmentRefusal", () => {
  const decision = { bodyId: BODY, inRegister: true, decidedOn: "2026-02-25" };

  it("lets a registered decision of a body serving the collaboration give an assignment", () => {
    expect(decisionOfAssignmentRefusal(decision, [BODY, BODY + 1])).toBeNull();
  });

  it("answers a missing decision, or one the viewer may not open (passed as missing), as gone", () => {
    expect(decisionOfAssignmentRefusal(undefined, [BODY])).toBe("Beslutet finns inte.");
  });

  it("refuses a procedural § (formalia), which is not in the register", () => {
    expect(decisionOfAssignmentRefusal({ ...decision, inRegister: false }, [BODY])).toBe("Beslutet finns inte.");
  });

  it("refuses a decision of a body that does not serve the collaboration", () => {
    expect(decisionOfAssignmentRefusal(decision, [BODY + 1])).toMatch(/organ utanför den här samverkan/);
    expect(decisionOfAssignmentRefusal(decision, [])).toMatch(/organ utanför den här samverkan/);
  });
});

describe("dueDateRefusal", () => {
  it("refuses a due date before the day of the decision", () => {
    expect(dueDateRefusal("2026-02-24", "2026-02-25")).toBe("Klart senast kan inte vara före beslutsdagen 2026-02-25.");
    expect(dueDateRefusal("2025-12-31", "2026-01-01")).not.toBeNull();
  });

  it("allows the day itself and any later day, leap day included", () => {
    expect(dueDateRefusal("2026-02-25", "2026-02-25")).toBeNull();
    expect(dueDateRefusal("2028-02-29", "2028-02-28")).toBeNull();
    expect(dueDateRefusal("2028-03-01", "2028-02-29")).toBeNull();
  });

  it("has nothing to check without a due date or without a decision", () => {
    expect(dueDateRefusal(null, "2026-02-25")).toBeNull();
    expect(dueDateRefusal("2020-01-01", null)).toBeNull();
  });
});

describe("assignmentSchema", () => {
  const parse = (fields: Record<string, string>) => parseWithZod(formData(fields), { schema: assignmentSchema });

  it("reads an edit: what, who and by when, with the version it was read at", () => {
    const s = parse({
      intent: "edit",
      id: "4",
      version: "3",
      title: "Rutin",
      description: "",
      assignee: "party:5",
      dueDate: "2027-01-31",
    });
    expect(s.status).toBe("success");
    expect(s.status === "success" && s.value).toMatchObject({
      intent: "edit",
      id: 4,
      version: 3,
      assignee: { type: "party", id: 5 },
      dueDate: "2027-01-31",
    });
  });

  it("refuses an edit without a title, an assignee or a real date, at each field", () => {
    const s = parse({ intent: "edit", id: "4", version: "3", title: " ", assignee: "", dueDate: "2027-02-30" });
    expect(s.status).toBe("error");
    const errors = errorsOf(s);
    expect(errors.title?.[0]).toBe("Ange vad uppdraget gäller.");
    expect(errors.assignee?.[0]).toBe("Välj vem som har uppdraget.");
    expect(errors.dueDate?.[0]).toMatch(/ÅÅÅÅ-MM-DD/);
  });

  it("carries the decision of a new assignment, and none when it is left out", () => {
    const base = { intent: "create", title: "Rutin", assignee: "body:3" };
    const from = parse({ ...base, decisionId: "9" });
    expect(from.status === "success" && from.value).toMatchObject({ decisionId: 9 });
    const without = parse(base);
    expect(without.status === "success" && without.value).toMatchObject({ decisionId: null });
    expect(errorsOf(parse({ ...base, decisionId: "nio" })).decisionId?.[0]).toBe("Beslutet finns inte.");
  });
});
