/**
 * The start page's "X betalar N kr ÅR" names the year the figure is for, on every day: before
 * the agreement's first budget year, in it and later, for every party. Before the fix it said
 * the calendar year (2022) beside the first budget year's figures (2023), and linked the
 * invoice basis of a year that shows another.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { DemoWorld } from "../../db/demo-world";
import { partyCostInYear } from "~/models/agreement-money.server";
import { partiesOf } from "~/models/agreements.server";
import { startPageFor } from "~/models/start.server";
import { loadActor } from "~/models/users.server";
import { demoDatabase } from "../support/test-db";

let world: DemoWorld;
beforeAll(async () => {
  ({ world } = await demoDatabase("2026-11-23"));
});

describe("the start page's cost of the viewer's organisation", () => {
  for (const today of ["2022-06-01", "2022-12-31", "2023-01-01", "2026-11-23"])
    it(`names the year of the figure on ${today}, for every party`, () => {
      for (const party of partiesOf(world.collaborationId)) {
        const actor = loadActor(
          { id: "demo-ifochef", role: "member", personId: world.personIds["Ingrid IFO-chef Östersund"] },
          today,
        );
        const start = startPageFor({ ...actor, organisationId: party.organisationId }, today);
        const shown = start.collaborations.find((c) => c.id === world.collaborationId)?.agreement;
        expect(shown?.myOrganisation, party.name).toBeTruthy();
        const cost = partyCostInYear(world.collaborationId, party.organisationId, shown!.year)!;
        expect([shown!.year, shown!.myOrganisation!.net], party.name).toEqual([cost.year, cost.net]);
      }
    });
});
