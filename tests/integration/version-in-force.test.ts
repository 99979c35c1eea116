/**
 * The version in force on a day is the one adopted last on or before that day: a version
 * recorded as adopted on a later day does not give today's notice deadline, nor does the
 * order in which versions were entered decide. Every surface that names the terms asks
 * `currentVersion`: the agreement pages (through agreement-access), the start page's status
 * (`agreementStatus`) and the notice reminders. Before the fix the last adopted version by
 * entry order was in force, also when its adoption day was still to come: a version adopted
 * from next month with 6 months' notice moved today's deadline from 2026-12-31 to 2027-06-30.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { DemoWorld } from "../../db/demo-world";
import { createSession } from "~/auth/sessions.server";
import { addDays } from "~/domain/calendar-dates";
import { todayInStockholm } from "~/domain/format";
import { addVersion, agreementOf, agreementStatus, currentVersion, principalsOf } from "~/models/agreements.server";
import * as agreementPage from "~/routes/avtal._index";
import { demoDatabase } from "../support/test-db";

let world: DemoWorld;
const today = todayInStockholm();
type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;

beforeEach(async () => {
  ({ world } = await demoDatabase("2026-11-23"));
});

function addAdopted(label: string, adoptedOn: string, noticeMonths: number) {
  const agreement = agreementOf(world.collaborationId)!;
  const v1 = currentVersion(agreement.id, today)!;
  const { id: _id, agreementId: _a, createdAt: _c, createdBy: _b, version: _v, ...terms } = v1;
  return addVersion(
    "demo-samordnare",
    agreement.id,
    { ...terms, label, adoptedOn, noticeMonths },
    principalsOf(v1.id).map((p) => ({
      side: p.side,
      organisationId: p.organisationId,
      invoicesOthers: p.invoicesOthers,
    })),
  );
}

async function shownOnTheAgreementPage() {
  const cookie = (await createSession("demo-samordnare")).split(";")[0];
  const request = new Request("http://localhost/avtal?samverkan=mini-maria-jh", { headers: { Cookie: cookie } });
  return (await (agreementPage.loader as Handler)({ request, params: {}, context: {} })) as Awaited<
    ReturnType<typeof agreementPage.loader>
  >;
}

describe("the version in force", () => {
  it("is not one adopted on a later day: today's deadline keeps today's terms on every surface", async () => {
    const before = agreementStatus(world.collaborationId, today)!;
    const coming = addAdopted("Ändrad uppsägningstid", addDays(today, 30), 6);
    expect(currentVersion(agreementOf(world.collaborationId)!.id, today)!.id).toBe(before.version.id);
    expect(agreementStatus(world.collaborationId, today)!.status).toEqual(before.status);
    const page = await shownOnTheAgreementPage();
    expect([page.version.id, page.status.nextPossibleExit]).toEqual([
      before.version.id,
      before.status.nextPossibleExit,
    ]);
    // From its adoption day it is in force.
    expect(currentVersion(agreementOf(world.collaborationId)!.id, addDays(today, 30))!.id).toBe(coming.id);
  });

  it("is the one adopted last, not the one entered last", () => {
    const later = addAdopted("Ändring 2025", "2025-05-01", 6);
    addAdopted("Ändring 2024, inlagd i efterhand", "2024-05-01", 9);
    expect(currentVersion(agreementOf(world.collaborationId)!.id, today)!.id).toBe(later.id);
    expect(agreementStatus(world.collaborationId, today)!.version.id).toBe(later.id);
  });
});
