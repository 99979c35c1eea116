/**
 * A party's status set on the party page never rewrites a year that was already billed: for
 * every party of the demo and every status, the write either refuses and writes nothing, or
 * leaves the cost split (yearAccount, what the cost pages, the invoice basis and the what-if
 * read) of every year before this one as it was. Before the fix a member since 2023 could be
 * set back to "inbjuden" or "inriktningsbeslut fattat", which took it out of 2023–2025 and
 * moved its share onto the others, silently. The join day the form sends is swept too
 * (memberSinceError): moving a member's day across a past year, or emptying it, is refused.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, parties } from "../../db/schema";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { createSession } from "~/auth/sessions.server";
import { PARTY_STATUSES } from "~/domain/agreement-terms";
import { todayInStockholm } from "~/domain/format";
import { firstBudgetYear, yearAccount } from "~/models/agreement-money.server";
import { agreementOf, currentVersion, getParty, partiesOf, updatePartyStatus } from "~/models/agreements.server";
import * as partyPage from "~/routes/avtal.parter.$partyId";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
let collaborationIds: number[];
beforeAll(async () => {
  const built = await demoDatabase("2026-11-23", { exampleCollaboration: true });
  ({ db, world } = built);
  collaborationIds = [world.collaborationId, built.example!.collaborationId];
});

const today = todayInStockholm();
const thisYear = Number(today.slice(0, 4));

/** Every past year's cost split of the collaboration, as the cost pages compute it. */
function pastYears(collaborationId: number) {
  const agreement = agreementOf(collaborationId);
  if (!agreement) return [];
  const version = currentVersion(agreement.id, today)!;
  const years = [];
  for (let year = firstBudgetYear(version); year < thisYear; year++)
    years.push(yearAccount(collaborationId, version, year));
  return years;
}

/** The join days the form may send: the one stored, none, and days in a past, this and a coming year. */
const joinDays = (stored: string | null) => [
  ...new Set([stored, null, `${thisYear - 1}-06-01`, `${thisYear}-01-01`, `${thisYear + 1}-01-01`]),
];

const auditCount = () => db.select().from(auditLog).all().length;

describe("a party's status and the years already billed", () => {
  it("refuses with nothing written, or keeps every past year's cost split, for every party, status and join day", () => {
    let refusals = 0;
    let comparedYears = 0;
    for (const collaborationId of collaborationIds)
      for (const party of partiesOf(collaborationId))
        for (const [status, memberSince] of PARTY_STATUSES.flatMap((st) =>
          joinDays(party.memberSince).map((day) => [st, day] as const),
        )) {
          const row = db.select().from(parties).where(eq(parties.id, party.id)).get()!;
          const before = pastYears(collaborationId);
          const audits = auditCount();
          const saved = updatePartyStatus(
            "demo-samordnare",
            party.id,
            row.version,
            {
              status,
              memberSince,
              withdrawalNote: row.withdrawalNote,
              branchClinic: row.branchClinic,
            },
            today,
          );
          const what = `${party.name} set to "${status}" from ${memberSince ?? "no day"}`;
          if (!saved.ok) {
            expect("refused" in saved, `${what}: refused, not a conflict`).toBe(true);
            refusals++;
            expect(db.select().from(parties).where(eq(parties.id, party.id)).get(), `${what}: nothing written`).toEqual(
              row,
            );
            expect(auditCount(), `${what}: nothing audited`).toBe(audits);
          } else {
            const after = pastYears(collaborationId);
            comparedYears += after.length;
            expect(after, `${what}: every past year's cost split unchanged`).toEqual(before);
            // Put the party back as it was for the next status.
            db.update(parties).set(row).where(eq(parties.id, party.id)).run();
          }
        }
    // The demo's members since 2023 and 2025 are refused going back, and past years were compared.
    expect(refusals).toBeGreaterThan(0);
    expect(comparedYears).toBeGreaterThan(0);
  });

  it("shows the refusal at the status field of the party page, keeping what was typed", async () => {
    const cookie = (await createSession("demo-samordnare")).split(";")[0];
    const berg = partiesOf(world.collaborationId).find((p) => p.organisationId === world.organisationIds.Berg)!;
    const form = {
      intent: "status",
      version: String(berg.version),
      status: "inbjuden",
      withdrawalNote: "Ska inte faktureras längre",
      branchClinic: berg.branchClinic,
    };
    const result = (await partyPage.action({
      request: new Request(`http://localhost/avtal/parter/${berg.id}`, {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
        body: new URLSearchParams(form),
      }),
      params: { partyId: String(berg.id) },
      context: {},
    })) as unknown as { data: { error?: Record<string, string[]>; initialValue?: Record<string, string> } };
    expect(result.data.error?.status?.[0]).toMatch(/^Parten har varit medlem sedan 2023-01-01/);
    expect(result.data.initialValue).toMatchObject({
      status: "inbjuden",
      withdrawalNote: "Ska inte faktureras längre",
    });
    expect(getParty(berg.id)).toMatchObject({ status: "medlem", version: berg.version, withdrawalNote: "" });
  });
});
