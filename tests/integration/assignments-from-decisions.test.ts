/**
 * Assignments given by decisions, and the assignment's own page. A decision's "Från beslut"
 * was only ever set by the demo seed: the coordinator could not give an assignment from a
 * decision, nor edit one once given (a postponed due date, a new assignee). Now a decision
 * gives assignments in a collaboration its body serves, the decision page lists those the
 * viewer may know of, and /uppdrag/:id shows and edits one, each write audited.
 */
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import {
  assignments,
  auditLog,
  bodies,
  collaborations,
  decisions,
  matters,
  parties,
  people,
  users,
} from "../../db/schema";
import { withCollaboration } from "~/domain/collaboration";
import { createDecision } from "~/models/decisions.server";
import * as decisionPage from "~/routes/beslut.$decisionId";
import * as matterPage from "~/routes/arenden.$matterId";
import * as assignmentPage from "~/routes/uppdrag_.$assignmentId";
import * as assignmentsPage from "~/routes/uppdrag";
import { sessionCookie } from "../support/browser";
import { formData } from "../support/forms";
import { loadAs } from "../support/loaders";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
let spel: { id: number; slug: string; bodyId: number };

beforeEach(async () => {
  ({ db, world } = await demoDatabase("2026-11-23", { exampleCollaboration: true }));
  const c = db.select().from(collaborations).where(eq(collaborations.slug, "spelprevention-jh")).get()!;
  const body = db.select().from(bodies).where(eq(bodies.slug, "styrgrupp-spelprevention")).get()!;
  spel = { id: c.id, slug: c.slug, bodyId: body.id };
});

const MINI_MARIA = "mini-maria-jh";

let paragraph = 100;
function decisionOf(bodyId: number, isPublic = true, matterId: number | null = null) {
  return createDecision("demo-samordnare", {
    bodyId,
    meetingId: null,
    paragraph: paragraph++,
    decidedOn: "2026-09-01",
    matterId,
    title: `Beslut om rutin (${bodyId}, ${isPublic ? "offentligt" : "ej offentligt"})`,
    text: "Organet uppdrar åt arbetsgruppen att ta fram en rutin.",
    kind: "uppdrag",
    isPublic,
  });
}

/** The action's answer: a thrown Response (403/404) as well as a returned one, or conform's reply. */
async function post(
  route: { action: (a: never) => Promise<unknown> },
  url: string,
  userId: string,
  fields: Record<string, string>,
  params: Record<string, string> = {},
): Promise<{ status: number; location?: string | null; reply?: Record<string, unknown> }> {
  const request = new Request(`http://localhost${url}`, {
    method: "POST",
    body: formData(fields),
    headers: { Cookie: sessionCookie(db, userId) },
  });
  try {
    const result = await route.action({ request, params, context: {} } as never);
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location") };
    const { data, init } = result as { data: Record<string, unknown>; init: ResponseInit | null };
    return { status: init?.status ?? 200, reply: data };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status };
    throw thrown;
  }
}

const count = (table: typeof assignments | typeof auditLog) => db.select().from(table).all().length;

function give(decisionId: number, fields: Record<string, string> = {}, slug = MINI_MARIA) {
  return post(assignmentsPage, `/uppdrag?samverkan=${slug}&beslut=${decisionId}`, "demo-samordnare", {
    intent: "create",
    decisionId: String(decisionId),
    title: "Ta fram en rutin",
    description: "",
    assignee: `body:${world.bodyIds.arbetsgrupp}`,
    dueDate: "2026-12-15",
    ...fields,
  });
}

describe("an assignment given by a decision", () => {
  it("is created with the decision named, audited, and the coordinator is taken back to the decision", async () => {
    const decision = decisionOf(world.bodyIds.svom);
    const audits = count(auditLog);
    const answer = await give(decision.id);
    expect(answer).toMatchObject({ status: 302, location: `/beslut/${decision.id}` });
    const row = db.select().from(assignments).where(eq(assignments.decisionId, decision.id)).get();
    expect(row).toMatchObject({
      collaborationId: world.collaborationId,
      title: "Ta fram en rutin",
      dueDate: "2026-12-15",
    });
    expect(count(auditLog)).toBe(audits + 1);
  });

  it("is refused from a decision of a body that does not serve the collaboration, and nothing is written", async () => {
    const decision = decisionOf(spel.bodyId);
    const [rows, audits] = [count(assignments), count(auditLog)];
    const answer = await give(decision.id);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.reply)).toContain("organ utanför den här samverkan");
    // What was typed comes back.
    expect((answer.reply!.initialValue as Record<string, string>).title).toBe("Ta fram en rutin");
    expect([count(assignments), count(auditLog)]).toEqual([rows, audits]);
    // In the collaboration the body serves, it is given.
    expect((await give(decision.id, { assignee: `body:${spel.bodyId}` }, spel.slug)).status).toBe(302);
  });

  it("is refused from a procedural § (not in the register) as from a missing decision", async () => {
    const decision = decisionOf(world.bodyIds.svom);
    db.update(decisions).set({ inRegister: false }).where(eq(decisions.id, decision.id)).run();
    const rows = count(assignments);
    const answer = await give(decision.id);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.reply)).toContain("Beslutet finns inte.");
    expect(count(assignments)).toBe(rows);
  });

  it("cannot be due before the day of the decision: the message is at the field", async () => {
    const decision = decisionOf(world.bodyIds.svom);
    const answer = await give(decision.id, { dueDate: "2026-08-31" });
    expect(answer.status).toBe(400);
    expect((answer.reply!.error as Record<string, string[]>).dueDate).toEqual([
      "Klart senast kan inte vara före beslutsdagen 2026-09-01.",
    ]);
    expect((await give(decision.id, { dueDate: "2026-09-01" })).status).toBe(302);
  });

  it("is the coordinator's to give: a member's post is refused before the form is read", async () => {
    const decision = decisionOf(world.bodyIds.svom);
    const rows = count(assignments);
    const answer = await post(assignmentsPage, `/uppdrag?beslut=${decision.id}`, "demo-ifochef", {
      intent: "create",
      decisionId: String(decision.id),
      title: "Egen",
      assignee: `body:${world.bodyIds.styrgrupp}`,
    });
    expect(answer.status).toBe(403);
    expect(count(assignments)).toBe(rows);
  });
});

describe("the decision page lists the assignments it gave", () => {
  it("to each viewer only those of collaborations they take part in, and offers the coordinator each collaboration", async () => {
    const decision = decisionOf(world.bodyIds.svom);
    await give(decision.id, { title: "Mini-Marias del" });
    await give(decision.id, { title: "Spelpreventionens del", assignee: `body:${spel.bodyId}` }, spel.slug);
    const titlesFor = async (userId: string | null) => {
      const page = await loadAs(db, decisionPage, `/beslut/${decision.id}`, userId, {
        decisionId: String(decision.id),
      });
      return { titles: page.assignments?.items.map((a) => a.title) ?? null, offers: page.newAssignmentIn };
    };
    const coordinator = await titlesFor("demo-samordnare");
    expect(coordinator.titles?.sort()).toEqual(["Mini-Marias del", "Spelpreventionens del"]);
    expect(coordinator.offers.map((o) => o.href)).toEqual([
      expect.stringContaining(`samverkan=${MINI_MARIA}`),
      expect.stringContaining(`samverkan=${spel.slug}`),
    ]);
    expect(await titlesFor("demo-ifochef")).toEqual({ titles: ["Mini-Marias del"], offers: [] });
    expect(await titlesFor("demo-spel")).toEqual({ titles: ["Spelpreventionens del"], offers: [] });
    // The politician takes part in both.
    expect((await titlesFor("demo-politiker")).titles?.sort()).toEqual(["Mini-Marias del", "Spelpreventionens del"]);
    // The public reads the public decision, not the collaborations' follow-up.
    expect(await titlesFor(null)).toEqual({ titles: null, offers: [] });
  });
});

describe("an assignment's page", () => {
  async function given(decisionId: number) {
    await give(decisionId);
    return db
      .select()
      .from(assignments)
      .where(and(eq(assignments.decisionId, decisionId), eq(assignments.title, "Ta fram en rutin")))
      .get()!;
  }
  const load = (id: number, userId: string | null) =>
    loadAs(db, assignmentPage, `/uppdrag/${id}`, userId, { assignmentId: String(id) });

  it("answers 404 to a viewer of another collaboration, and names the decision only to those who may open it", async () => {
    const decision = decisionOf(world.bodyIds.svom, false);
    const a = await given(decision.id);
    await expect(load(a.id, "demo-spel")).rejects.toMatchObject({ status: 404 });
    await expect(load(a.id, null)).rejects.toMatchObject({ status: 302 });
    // Östersund's IFO chief takes part in Mini-Maria but does not sit in SVOM, whose § is not public.
    const member = await load(a.id, "demo-ifochef");
    expect(member.assignment.title).toBe("Ta fram en rutin");
    expect(member.decision).toBeNull();
    expect(member.edit).toBeNull();
    const coordinator = await load(a.id, "demo-samordnare");
    expect(coordinator.decision).toMatchObject({ id: decision.id });
    expect(coordinator.edit?.current).toBe(`body:${world.bodyIds.arbetsgrupp}`);
  });

  it("leads to the collaboration's list only a viewer who may open it, not an assignee from outside", async () => {
    const outsider = db.select().from(users).where(eq(users.id, "demo-spel")).get()!;
    await give(decisionOf(world.bodyIds.svom).id, { title: "Spelets del", assignee: `person:${outsider.personId}` });
    const a = db.select().from(assignments).where(eq(assignments.title, "Spelets del")).get()!;
    // The person holds it and opens it, but does not take part in Mini-Maria: its list refuses them.
    const theirs = await load(a.id, "demo-spel");
    expect(theirs.assignment.title).toBe("Spelets del");
    expect(theirs.list).toBeNull();
    await expect(loadAs(db, assignmentsPage, `/uppdrag?samverkan=${MINI_MARIA}`, "demo-spel")).rejects.toBeInstanceOf(
      Response,
    );
    expect((await load(a.id, "demo-ifochef")).list).toBe(`/uppdrag?samverkan=${MINI_MARIA}`);
  });

  it("lets the coordinator change what, who and by when, audited with before and after", async () => {
    const a = await given(decisionOf(world.bodyIds.svom).id);
    const answer = await post(
      assignmentPage,
      `/uppdrag/${a.id}`,
      "demo-samordnare",
      {
        intent: "edit",
        id: String(a.id),
        version: String(a.version),
        title: "Ta fram en rutin för närmottagningar",
        description: "Skjuts upp till februari.",
        assignee: `body:${world.bodyIds.styrgrupp}`,
        dueDate: "2027-02-15",
      },
      { assignmentId: String(a.id) },
    );
    expect(answer).toMatchObject({ status: 302, location: `/uppdrag/${a.id}` });
    const after = db.select().from(assignments).where(eq(assignments.id, a.id)).get()!;
    expect(after).toMatchObject({
      title: "Ta fram en rutin för närmottagningar",
      assigneeId: world.bodyIds.styrgrupp,
      dueDate: "2027-02-15",
      version: a.version + 1,
    });
    const entry = db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityType, "assignment"), eq(auditLog.entityId, String(a.id)), eq(auditLog.action, "update")),
      )
      .get()!;
    expect(JSON.parse(entry.before!)).toMatchObject({ dueDate: "2026-12-15" });
    expect(JSON.parse(entry.after!)).toMatchObject({ dueDate: "2027-02-15" });
  });

  it("refuses an assignee outside the collaboration and a due date before the decision, at the fields", async () => {
    const a = await given(decisionOf(world.bodyIds.svom).id);
    const answer = await post(
      assignmentPage,
      `/uppdrag/${a.id}`,
      "demo-samordnare",
      {
        intent: "edit",
        id: String(a.id),
        version: String(a.version),
        title: a.title,
        assignee: `body:${spel.bodyId}`,
        dueDate: "2026-01-01",
      },
      { assignmentId: String(a.id) },
    );
    expect(answer.status).toBe(400);
    const errors = answer.reply!.error as Record<string, string[]>;
    expect(errors.assignee).toEqual(["Välj vem som har uppdraget i listan."]);
    expect(errors.dueDate).toEqual(["Klart senast kan inte vara före beslutsdagen 2026-09-01."]);
    expect(db.select().from(assignments).where(eq(assignments.id, a.id)).get()).toEqual(a);
  });

  it("lets the assignee set the status but not edit the assignment", async () => {
    const a = await given(decisionOf(world.bodyIds.svom).id);
    // Maja (Mini-Maria's manager) sits in the working group, which holds the assignment.
    const edit = await post(
      assignmentPage,
      `/uppdrag/${a.id}`,
      "demo-chef",
      {
        intent: "edit",
        id: String(a.id),
        version: String(a.version),
        title: "Klart redan",
        assignee: `body:${world.bodyIds.arbetsgrupp}`,
      },
      { assignmentId: String(a.id) },
    );
    expect(edit.status).toBe(403);
    const status = await post(
      assignmentPage,
      `/uppdrag/${a.id}`,
      "demo-chef",
      { intent: "status", id: String(a.id), version: String(a.version), status: "pågår" },
      { assignmentId: String(a.id) },
    );
    expect(status).toMatchObject({ status: 302, location: `/uppdrag/${a.id}` });
    expect(db.select().from(assignments).where(eq(assignments.id, a.id)).get()).toMatchObject({
      title: "Ta fram en rutin",
      status: "pågår",
    });
    // Östersund's IFO chief does not hold it: no status either.
    const other = await post(
      assignmentPage,
      `/uppdrag/${a.id}`,
      "demo-ifochef",
      { intent: "status", id: String(a.id), version: String(a.version + 1), status: "klar" },
      { assignmentId: String(a.id) },
    );
    expect(other.status).toBe(403);
  });
});

describe("an assignment given to a party", () => {
  it("is held by the party's representative (its contact person), not by everyone the party employs", async () => {
    const decision = decisionOf(world.bodyIds.svom);
    await give(decision.id, { title: "Östersunds del", assignee: `party:${world.organisationIds.Östersund}` });
    const a = db.select().from(assignments).where(eq(assignments.title, "Östersunds del")).get()!;
    const setStatus = (userId: string, version: number) =>
      post(
        assignmentPage,
        `/uppdrag/${a.id}`,
        userId,
        { intent: "status", id: String(a.id), version: String(version), status: "pågår" },
        { assignmentId: String(a.id) },
      );
    // Mini-Maria's manager is employed by Östersund but does not represent it.
    expect((await setStatus("demo-chef", a.version)).status).toBe(403);
    expect(db.select().from(assignments).where(eq(assignments.id, a.id)).get()!.status).toBe("ej påbörjad");
    // Östersund's IFO chief is its contact person in Mini-Maria.
    expect((await setStatus("demo-ifochef", a.version)).status).toBe(302);
    expect(db.select().from(assignments).where(eq(assignments.id, a.id)).get()!.status).toBe("pågår");
  });

  it("is no longer held, nor listed as theirs, once the contact person leaves the party or is replaced", async () => {
    const decision = decisionOf(world.bodyIds.svom);
    await give(decision.id, { title: "Östersunds del", assignee: `party:${world.organisationIds.Östersund}` });
    const a = db.select().from(assignments).where(eq(assignments.title, "Östersunds del")).get()!;
    const setStatus = (userId: string) =>
      post(
        assignmentPage,
        `/uppdrag/${a.id}`,
        userId,
        {
          intent: "status",
          id: String(a.id),
          version: String(db.select().from(assignments).where(eq(assignments.id, a.id)).get()!.version),
          status: "pågår",
        },
        { assignmentId: String(a.id) },
      );
    const mine = async () =>
      (await loadAs(db, assignmentsPage, withCollaboration("/uppdrag?visa=mina", MINI_MARIA), "demo-ifochef")).rows.map(
        (x) => x.id,
      );
    const ifoChief = db.select().from(users).where(eq(users.id, "demo-ifochef")).get()!.personId!;
    const ostersund = db.select().from(parties).where(eq(parties.contactPersonId, ifoChief)).get()!;
    expect(await mine()).toContain(a.id);
    // Her person now belongs to the region (moved jobs); the party still names her until the
    // coordinator chooses another: she no longer speaks for Östersund.
    db.update(people).set({ organisationId: world.organisationIds.region }).where(eq(people.id, ifoChief)).run();
    expect((await setStatus("demo-ifochef")).status).toBe(403);
    expect(await mine()).not.toContain(a.id);
    // Back at Östersund, but the coordinator has chosen someone else: the change holds at once.
    db.update(people).set({ organisationId: ostersund.organisationId }).where(eq(people.id, ifoChief)).run();
    expect(await mine()).toContain(a.id);
    db.update(parties).set({ contactPersonId: null }).where(eq(parties.id, ostersund.id)).run();
    expect((await setStatus("demo-ifochef")).status).toBe(403);
    expect(await mine()).not.toContain(a.id);
    expect(db.select().from(assignments).where(eq(assignments.id, a.id)).get()!.status).toBe("ej påbörjad");
  });
});

describe("the matter's timeline", () => {
  it("shows the assignments its decisions gave in the matter's collaboration, by the day each is due", async () => {
    const matter = db.select().from(matters).where(eq(matters.collaborationId, world.collaborationId)).get()!;
    const seeded = db.select().from(assignments).all().length;
    const open = decisionOf(world.bodyIds.svom, true, matter.id);
    const closed = decisionOf(world.bodyIds.svom, false, matter.id);
    await give(open.id, { title: "Följ upp rutinen", dueDate: "2026-12-15" });
    await give(open.id, { title: "Utan slutdatum", dueDate: "" });
    await give(closed.id, { title: "Från en § som inte är offentlig" });
    // The same decision's assignment in the other collaboration is that one's business.
    await give(open.id, { title: "Spelpreventionens del", assignee: `body:${spel.bodyId}` }, spel.slug);
    const eventsFor = async (userId: string) => {
      const page = await loadAs(db, matterPage, `/arenden/${matter.id}`, userId, { matterId: String(matter.id) });
      const mine = db.select().from(assignments).all().slice(seeded);
      return page.events
        .filter((e) => e.kind === "uppdrag" && mine.some((a) => e.href === `/uppdrag/${a.id}`))
        .map((e) => `${e.date} ${e.bodyName}: ${e.text} ${e.href}`);
    };
    const ids = Object.fromEntries(
      db
        .select()
        .from(assignments)
        .all()
        .map((a) => [a.title, a.id]),
    );
    expect(await eventsFor("demo-ifochef")).toEqual([
      `2026-09-01 Arbetsgruppen (operativ): Givet: Utan slutdatum (ej påbörjad) /uppdrag/${ids["Utan slutdatum"]}`,
      `2026-12-15 Arbetsgruppen (operativ): Klart senast: Följ upp rutinen (ej påbörjad) /uppdrag/${ids["Följ upp rutinen"]}`,
    ]);
    // The coordinator reads the § that is not public too; never the other collaboration's assignment.
    const coordinator = await eventsFor("demo-samordnare");
    expect(coordinator).toHaveLength(3);
    expect(coordinator.join("\n")).toContain("Från en § som inte är offentlig");
    expect(coordinator.join("\n")).not.toContain("Spelpreventionens del");
  });
});
