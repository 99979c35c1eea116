import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { agendaItems, auditLog } from "../../db/schema";
import {
  addStandardItem,
  createBody,
  getBody,
  listBodies,
  moveStandardItem,
  removeStandardItem,
  standardItemsOf,
  updateBody,
} from "~/models/bodies.server";
import { collaborationIdsOfBodies, createCollaboration, updateCollaboration } from "~/models/collaborations.server";
import { addDefinition, definitionsOf, keyFigureYears, saveKeyFigureYear } from "~/models/key-figures.server";
import { createMeeting } from "~/models/meetings.server";
import { addParty, createOrganisation, listParties, updateParty } from "~/models/organisations.server";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
beforeEach(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
});

const audited = (entityType: string, entityId: number | string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(entityId))))
    .all();

const collaborationValues = { name: "Spelberoende JH", slug: "spel-jh", description: "", isExample: true };
const bodyValues = {
  slug: "styrgrupp-spel",
  name: "Styrgruppen för spel",
  shortName: "Styrgruppen spel",
  kind: "Styrgrupp",
  description: "",
  publicRecords: false,
  appealable: false,
  proposalDeadlineDays: 10,
};

describe("collaborations as data", () => {
  it("creates and edits a collaboration with an audit entry, refusing a stale version", () => {
    const c = createCollaboration("demo-samordnare", collaborationValues);
    const saved = updateCollaboration("demo-samordnare", c.id, 1, { ...collaborationValues, name: "Spel JH" });
    expect(saved.ok).toBe(true);
    const stale = updateCollaboration("demo-samordnare", c.id, 1, { ...collaborationValues, name: "Annat" });
    expect(stale).toMatchObject({ ok: false, conflict: { name: "Spel JH", version: 2 } });
    expect(audited("collaboration", c.id).map((a) => a.action)).toEqual(["create", "update"]);
  });

  it("adds an organisation as principal with its registrar, and edits the party's role", () => {
    const c = createCollaboration("demo-samordnare", collaborationValues);
    const org = createOrganisation("demo-samordnare", {
      name: "Exempelförbundet",
      kind: "annan",
      municipalityCode: null,
    });
    const added = addParty(
      "demo-samordnare",
      c.id,
      org.id,
      {
        role: "huvudman",
        registrarEmail: "registrator@exempel.se",
        memberSince: "2027-01-01",
        branchClinic: "",
        status: "medlem",
      },
      "2026-11-23",
    );
    if (!added.ok) throw new Error(added.refused);
    const party = added.row;
    expect(listParties(c.id)).toMatchObject([{ name: "Exempelförbundet", role: "huvudman" }]);
    const changed = updateParty(
      "demo-samordnare",
      party.id,
      party.version,
      {
        role: "part",
        registrarEmail: "",
        memberSince: "2027-01-01",
        branchClinic: "",
      },
      "2026-11-23",
    );
    expect(changed.ok && changed.row.role).toBe("part");
    expect(audited("party", party.id)).toHaveLength(2);
  });
});

describe("shared bodies", () => {
  it("lets SVOM serve a second collaboration: listed under both, its members take part in both", () => {
    const c = createCollaboration("demo-samordnare", collaborationValues);
    const svom = getBody(world.bodyIds.svom)!;
    updateBody(
      "demo-samordnare",
      svom.id,
      svom.version,
      { ...svom, kind: svom.kind },
      svom.collaborations.map((x) => x.id).concat(c.id),
    );
    expect(listBodies(c.id).map((b) => b.id)).toEqual([svom.id]);
    expect(listBodies(world.collaborationId).map((b) => b.id)).toContain(svom.id);
    expect(getBody(svom.id)!.collaborations.map((x) => x.name)).toEqual([
      "Mini-Maria Jämtland Härjedalen",
      "Spelberoende JH",
    ]);
    expect([...collaborationIdsOfBodies([svom.id])]).toEqual([world.collaborationId, c.id]);
    // The steering group still serves only Mini-Maria.
    expect([...collaborationIdsOfBodies([world.bodyIds.styrgrupp])]).toEqual([world.collaborationId]);
    expect(audited("body", svom.id)[0].after).toContain(`"collaborationIds":[${world.collaborationId},${c.id}]`);
  });

  it("keeps whether a body's decisions can be appealed", () => {
    const body = createBody("demo-samordnare", { ...bodyValues, slug: "namnd", appealable: true }, [
      world.collaborationId,
    ]);
    expect(getBody(body.id)?.appealable).toBe(true);
    expect(getBody(world.bodyIds.svom)?.appealable).toBe(false);
  });

  it("refuses a body that serves no collaboration", () => {
    expect(() => createBody("demo-samordnare", bodyValues, [])).toThrow();
  });
});

describe("standard agenda items per body", () => {
  it("starts a new body with the usual four, and a new meeting with the body's own list", () => {
    const body = createBody("demo-samordnare", bodyValues, [world.collaborationId]);
    expect(standardItemsOf(body.id).map((i) => i.key)).toEqual(["opening", "adjusters", "agenda", "closing"]);
    const extra = addStandardItem("demo-samordnare", body.id, {
      title: "Rapport från verksamheten",
      kind: "information",
    });
    // New items go before the closing item.
    expect(standardItemsOf(body.id).map((i) => i.title)).toEqual([
      "Mötets öppnande",
      "Val av justerare",
      "Godkännande av dagordningen",
      "Rapport från verksamheten",
      "Mötets avslutande",
    ]);
    moveStandardItem("demo-samordnare", body.id, extra.id, "up");
    removeStandardItem("demo-samordnare", body.id, standardItemsOf(body.id)[1].id);
    const meeting = createMeeting(
      "demo-samordnare",
      { bodyId: body.id, date: "2027-01-15", startTime: "09:00", endTime: "10:00", place: "", videoUrl: "" },
      false,
    );
    const agenda = db.select().from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)).all();
    expect(agenda.sort((a, b) => a.position - b.position).map((i) => [i.position, i.title, i.standard])).toEqual([
      [1, "Mötets öppnande", "opening"],
      [2, "Rapport från verksamheten", `egen-${extra.id}`],
      [3, "Godkännande av dagordningen", "agenda"],
      [4, "Mötets avslutande", "closing"],
    ]);
    expect(audited("body_standard_item", extra.id).map((a) => a.action)).toEqual(["create", "update"]);
  });
});

describe("key figures per collaboration", () => {
  it("keeps Mini-Maria's figures as its own data and another collaboration's apart", () => {
    expect(definitionsOf(world.collaborationId).map((d) => d.label)).toContain("Primär problematik: cannabis");
    const c = createCollaboration("demo-samordnare", collaborationValues);
    const def = addDefinition("demo-samordnare", c.id, {
      label: "Antal deltagare",
      unit: "antal",
      sumGroup: "",
      chart: true,
      position: 1,
    });
    saveKeyFigureYear("demo-samordnare", c.id, 2026, "", new Map([[def.id, 12]]));
    expect(keyFigureYears(c.id)).toEqual([{ year: 2026, note: "", documentId: null, values: { [def.id]: 12 } }]);
    expect(keyFigureYears(world.collaborationId)[0].values).not.toHaveProperty(String(def.id));
    // Another collaboration's definition cannot be written through this one.
    const cannabis = definitionsOf(world.collaborationId)[3];
    expect(() => saveKeyFigureYear("demo-samordnare", c.id, 2026, "", new Map([[cannabis.id, 5]]))).toThrow();
    expect(keyFigureYears(c.id)[0].values).toEqual({ [def.id]: 12 });
  });
});
