/**
 * The start page's follow-up (app/models/start.server.ts): overdue assignments are the
 * coordinator's to chase (`followsUpOverdueAssignments`, app/domain/assignments.ts); an
 * assignee, even of the overdue assignment itself, finds it on /uppdrag, not on the start page.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { assignments, users } from "../../db/schema";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { startPageFor } from "~/models/start.server";
import { loadActor } from "~/models/users.server";
import { demoDatabase } from "../support/test-db";

const TODAY = "2026-11-23";
let db: Db;
let world: DemoWorld;
let overdueId = 0;
const actorOf = (id: string) => loadActor(db.select().from(users).where(eq(users.id, id)).get()!, TODAY);
const overdueShown = (id: string | null) =>
  startPageFor(id ? actorOf(id) : null, TODAY)
    .collaborations.flatMap((c) => c.followUp.overdueAssignments)
    .map((a) => a.id);

beforeAll(async () => {
  ({ db, world } = await demoDatabase(TODAY));
  overdueId = db
    .insert(assignments)
    .values({
      collaborationId: world.collaborationId,
      title: "Sammanställ avvikelser",
      assigneeType: "body",
      assigneeId: world.bodyIds.styrgrupp,
      dueDate: "2026-10-31",
      status: "pågår",
    })
    .returning()
    .get().id;
});

describe("the start page's overdue assignments", () => {
  it("shows the coordinator the collaboration's overdue assignments", () => {
    expect(overdueShown("demo-samordnare")).toContain(overdueId);
  });

  it.each(["demo-ifochef", "demo-politiker", "demo-chef"])("shows %s none", (id) => {
    expect(overdueShown(id)).toEqual([]);
  });

  it("shows the assignee none either: a member of the steering group finds it on /uppdrag", () => {
    expect(actorOf("demo-ifochef").bodyRoles.has(world.bodyIds.styrgrupp)).toBe(true);
    expect(overdueShown("demo-ifochef")).toEqual([]);
  });

  it("shows the public none", () => {
    expect(overdueShown(null)).toEqual([]);
  });
});
