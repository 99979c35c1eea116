/**
 * "Current membership" is one rule (isCurrentMembership in app/domain/membership.ts): the
 * seats that give a person rights (loadActor) and the representatives an organisation shows
 * (representativesOf) both follow it, so an end date is the last day in office everywhere.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { memberships, people } from "../../db/schema";
import { pageOfFormerRepresentatives, representativesOf } from "~/models/organisations.server";
import { loadActor } from "~/models/users.server";
import { demoDatabase } from "../support/test-db";

const TODAY = "2026-11-23";
let db: Db;
let world: DemoWorld;
let personId: number;
let organisationId: number;

beforeAll(async () => {
  ({ db, world } = await demoDatabase(TODAY));
  organisationId = world.organisationIds["Berg"];
  personId = db.insert(people).values({ name: "Testa Tidsgräns", organisationId }).returning().get().id;
  const seat = (
    bodyId: number,
    role: "ledamot" | "ersättare" | "ordförande",
    startDate: string,
    endDate: string | null,
  ) => db.insert(memberships).values({ bodyId, personId, organisationId, role, startDate, endDate }).run();
  seat(world.bodyIds.svom, "ledamot", "2023-01-01", "2026-11-22"); // ended yesterday
  seat(world.bodyIds.styrgrupp, "ersättare", "2023-01-01", TODAY); // last day today
  seat(world.bodyIds.referensgrupp, "ordförande", "2026-11-24", null); // starts tomorrow
  seat(world.bodyIds.arbetsgrupp, "ledamot", TODAY, null); // first day today
});

describe("the current-membership rule", () => {
  it("gives rights only for seats current today, end and start dates inclusive", () => {
    const actor = loadActor({ id: "tidsgrans", role: "member", personId }, TODAY);
    expect([...actor.bodyRoles.keys()].sort()).toEqual([world.bodyIds.styrgrupp, world.bodyIds.arbetsgrupp].sort());
    expect([...(actor.bodyRoles.get(world.bodyIds.styrgrupp) ?? [])]).toEqual(["ersättare"]);
  });

  it("lists the same seats as the organisation's current representatives", async () => {
    const signedIn = loadActor({ id: "tidsgrans", role: "member", personId }, TODAY);
    const current = representativesOf(signedIn, organisationId, TODAY);
    const former = (await pageOfFormerRepresentatives(signedIn, organisationId, TODAY, { page: 1, size: 50 })).items;
    const mine = (rows: { personName: string; bodyId: number }[]) =>
      rows
        .filter((r) => r.personName === "Testa Tidsgräns")
        .map((r) => r.bodyId)
        .sort();
    expect(mine(current)).toEqual([world.bodyIds.styrgrupp, world.bodyIds.arbetsgrupp].sort());
    expect(mine(former)).toEqual([world.bodyIds.svom]);
  });

  it("changes with the day: tomorrow the seat that ended today no longer counts", () => {
    const actor = loadActor({ id: "tidsgrans", role: "member", personId }, "2026-11-24");
    expect([...actor.bodyRoles.keys()].sort()).toEqual([world.bodyIds.referensgrupp, world.bodyIds.arbetsgrupp].sort());
  });
});
