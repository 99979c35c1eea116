/**
 * The status a party is shown with and what it is billed agree: for every status the party
 * page's status form accepts, a party shown as "Utträdd" is in no later invoice basis, and a
 * party shown as "Uppsagd" or "Utträdd" has the last day as a party that takes it out of the
 * split. Before the fix a member set to "Utträdd" (or "Uppsagd") by hand, without a recorded
 * notice, was shown as gone while the invoice basis billed it every year.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { DemoWorld } from "../../db/demo-world";
import { createSession } from "~/auth/sessions.server";
import { PARTY_STATUSES } from "~/domain/agreement-terms";
import { todayInStockholm } from "~/domain/format";
import { yearAccount } from "~/models/agreement-money.server";
import { agreementOf, currentVersion, getParty, partiesOf, recordNotice } from "~/models/agreements.server";
import * as partyPage from "~/routes/avtal.parter.$partyId";
import { demoDatabase } from "../support/test-db";

let world: DemoWorld;
let cookie: string;
type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;

async function call(handler: unknown, partyId: number, form?: Record<string, string>) {
  const init: RequestInit = form
    ? {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
        body: new URLSearchParams(form),
      }
    : { headers: { Cookie: cookie } };
  try {
    return await (handler as Handler)({
      request: new Request(`http://localhost/avtal/parter/${partyId}`, init),
      params: { partyId: String(partyId) },
      context: {},
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const statusOf = (result: unknown) =>
  result instanceof Response ? result.status : ((result as { init?: { status: number } | null }).init?.status ?? 200);

beforeEach(async () => {
  ({ world } = await demoDatabase("2026-11-23"));
  cookie = (await createSession("demo-samordnare")).split(";")[0];
});

const today = todayInStockholm();
const nextYear = Number(today.slice(0, 4)) + 1;

describe("a party's status set by hand", () => {
  for (const withNotice of [false, true])
    for (const status of PARTY_STATUSES)
      it(`"${status}" on a member ${withNotice ? "that has given notice for next year's end" : "without a notice"}: the page and the invoice basis agree`, async () => {
        let berg = partiesOf(world.collaborationId).find((p) => p.organisationId === world.organisationIds.Berg)!;
        if (withNotice) {
          const saved = recordNotice("demo-samordnare", berg.id, berg.version, today, `${nextYear}-12-31`, "", null);
          expect(saved.ok).toBe(true);
          berg = partiesOf(world.collaborationId).find((p) => p.id === berg.id)!;
        }
        const result = await call(partyPage.action, berg.id, {
          intent: "status",
          version: String(berg.version),
          status,
          memberSince: berg.memberSince ?? "",
          withdrawalNote: "",
          branchClinic: berg.branchClinic,
        });
        const saved = statusOf(result) < 400;
        const page = (await call(partyPage.loader, berg.id)) as Awaited<ReturnType<typeof partyPage.loader>>;
        const version = currentVersion(agreementOf(world.collaborationId)!.id, "2026-11-23")!;
        const billedNextYear = yearAccount(world.collaborationId, version, nextYear).invoice.parties.some(
          (p) => p.key === String(berg.organisationId),
        );
        if (page.party.status === "utträtt") expect(billedNextYear, "shown as Utträdd, billed next year").toBe(false);
        if (page.party.status === "uppsagd" || page.party.status === "utträtt")
          expect(page.party.exitDate, `shown as ${page.party.status} without a last day`).not.toBeNull();
        if (!saved) {
          // Refused with a Swedish message on the status field, and nothing changed.
          const error = (result as { data: { error?: Record<string, string[]> } }).data.error ?? {};
          expect(error.status?.[0]).toMatch(/uppsägning/);
          expect(getParty(berg.id)!.version).toBe(berg.version);
        }
      });
});
