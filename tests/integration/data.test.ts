import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { writeTransaction, type Db } from "../../db/connection";
import { buildDemoWorld, type DemoWorld } from "../../db/demo-world";
import { auditLog, bodies, meetings, memberships, organisations, parties, people, users } from "../../db/schema";
import { addMembership, updateMembership } from "~/models/memberships.server";
import { updateParty } from "~/models/organisations.server";
import { membersOfBody, pageOfFormerMembers } from "~/models/bodies.server";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
beforeEach(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
});

const counts = () => ({
  organisations: db.select().from(organisations).all().length,
  parties: db.select().from(parties).all().length,
  bodies: db.select().from(bodies).all().length,
  people: db.select().from(people).all().length,
  memberships: db.select().from(memberships).all().length,
  meetings: db.select().from(meetings).all().length,
  users: db.select().from(users).all().length,
});

describe("demo world", () => {
  it("has the nine parties, the bodies and four demo accounts", () => {
    const c = counts();
    expect(c.parties).toBe(9);
    expect(c.bodies).toBe(7);
    expect(c.users).toBe(4);
  });

  it("is idempotent: building it again changes nothing", () => {
    const before = counts();
    writeTransaction(db, (tx) => buildDemoWorld(tx, "x", "2026-11-23"));
    expect(counts()).toEqual(before);
  });

  it("keeps the coordinator's choice of contact person when built again, 'none' included", () => {
    const partyOfOrg = (name: string) =>
      db.select().from(parties).where(eq(parties.organisationId, world.organisationIds[name])).get()!;
    const choose = (name: string, contactPersonId: number | null) => {
      const p = partyOfOrg(name);
      const { role, registrarEmail, memberSince, branchClinic } = p;
      const saved = updateParty(
        "demo-samordnare",
        p.id,
        p.version,
        { role, registrarEmail, memberSince, branchClinic, contactPersonId },
        "2026-11-23",
      );
      expect(saved.ok).toBe(true);
    };
    // The demo made each IFO chief the municipality's contact person, once.
    expect(partyOfOrg("Östersund").contactPersonId).toBe(world.personIds["Ingrid IFO-chef Östersund"]);
    const other = db
      .insert(people)
      .values({ name: "Annan handläggare Krokom", title: "", organisationId: world.organisationIds.Krokom })
      .returning()
      .get();
    choose("Krokom", other.id);
    choose("Östersund", null);
    // A party no one has chosen for (a database from before the demo named contact persons) is filled.
    db.update(parties)
      .set({ contactPersonId: null })
      .where(eq(parties.id, partyOfOrg("Berg").id))
      .run();
    writeTransaction(db, (tx) => buildDemoWorld(tx, "x", "2026-11-23"));
    expect(partyOfOrg("Östersund").contactPersonId).toBeNull();
    expect(partyOfOrg("Krokom").contactPersonId).toBe(other.id);
    expect(partyOfOrg("Berg").contactPersonId).toBe(world.personIds["IFO-chef Berg"]);
  });

  it("has the real SVOM meeting dates of the Mini-Maria history", () => {
    const dates = db
      .select()
      .from(meetings)
      .where(eq(meetings.bodyId, world.bodyIds.svom))
      .all()
      .map((m) => m.date);
    for (const d of ["2021-12-03", "2022-02-25", "2022-06-03", "2022-10-07", "2022-12-02"]) expect(dates).toContain(d);
  });
});

describe("memberships", () => {
  const value = {
    personId: 0,
    organisationId: null,
    role: "ledamot" as const,
    startDate: "2026-01-01",
    endDate: null,
    note: "",
  };

  it("adds a membership with an audit entry in the same transaction", () => {
    const row = addMembership("demo-samordnare", world.bodyIds.arbetsgrupp, {
      ...value,
      personId: world.personIds["IFO-chef Berg"],
    });
    const entry = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(row.id)))
      .get();
    expect(entry?.action).toBe("create");
    expect(JSON.parse(entry!.after!).personId).toBe(world.personIds["IFO-chef Berg"]);
  });

  it("saves with the right version and refuses a stale one, returning what was saved", () => {
    const row = addMembership("demo-samordnare", world.bodyIds.arbetsgrupp, {
      ...value,
      personId: world.personIds["IFO-chef Berg"],
    });
    const first = updateMembership("demo-samordnare", row.id, 1, { ...value, personId: row.personId, note: "först" });
    expect(first.ok).toBe(true);
    const stale = updateMembership("demo-samordnare", row.id, 1, { ...value, personId: row.personId, note: "sent" });
    expect(stale).toMatchObject({ ok: false, conflict: { note: "först", version: 2 } });
    expect(db.select().from(memberships).where(eq(memberships.id, row.id)).get()?.note).toBe("först");
    const entries = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(row.id)))
      .all();
    expect(entries.map((e) => e.action)).toEqual(["create", "update"]);
    expect(JSON.parse(entries[1].before!).note).toBe("");
  });

  it("rolls back the change when the audit write fails", () => {
    const before = db.select().from(memberships).all().length;
    expect(() =>
      writeTransaction(db, (tx) => {
        tx.insert(memberships)
          .values({ ...value, bodyId: world.bodyIds.arbetsgrupp, personId: world.personIds["IFO-chef Berg"] })
          .run();
        throw new Error("audit failed");
      }),
    ).toThrow("audit failed");
    expect(db.select().from(memberships).all().length).toBe(before);
  });

  it("splits members into current, upcoming and former", async () => {
    const m = membersOfBody(world.bodyIds.styrgrupp, "2026-11-23");
    // The chair, the vice chair, seven members, one deputy and the secretary.
    expect(m.current.length).toBe(11);
    expect(m.current[0].role).toBe("ordförande");
    const former = await pageOfFormerMembers(world.bodyIds.styrgrupp, "2026-11-23", { page: 1, size: 50 });
    expect(former.items.map((f) => f.personName)).toEqual(["Tidigare IFO-chef Bräcke"]);
  });
});

describe("audit log", () => {
  it("cannot be changed or deleted by anyone", () => {
    addMembership("demo-samordnare", world.bodyIds.arbetsgrupp, {
      ...value(),
      personId: world.personIds["IFO-chef Berg"],
    });
    expect(() => db.update(auditLog).set({ action: "x" }).run()).toThrow(/append-only/);
    expect(() => db.delete(auditLog).run()).toThrow(/append-only/);
  });
  function value() {
    return {
      personId: 0,
      organisationId: null,
      role: "ledamot" as const,
      startDate: "2026-01-01",
      endDate: null,
      note: "",
    };
  }
});
