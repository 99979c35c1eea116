/**
 * An invited party made a member on the party page's status form: the form asks the day its
 * membership begins, and the cost split counts it from that year, not in the years before.
 * Before the fix the form had no such field, the party was saved as a member without a day,
 * and every past year's split (and invoice basis) counted it, lowering the others' shares.
 */
import { and, desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, parties } from "../../db/schema";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { createSession } from "~/auth/sessions.server";
import { todayInStockholm } from "~/domain/format";
import { yearAccount } from "~/models/agreement-money.server";
import { agreementOf, currentVersion, getParty, partiesOf } from "~/models/agreements.server";
import * as agreementPage from "~/routes/avtal._index";
import * as partyPage from "~/routes/avtal.parter.$partyId";
import * as whatIf from "~/routes/avtal.tank-om";
import * as organisationPage from "~/routes/parter.$organisationId";
import * as partiesPage from "~/routes/parter._index";
import * as collaborationPage from "~/routes/samverkan.$collaborationId._index";
import * as editParty from "~/routes/samverkan.$collaborationId.parter.$partyId";
import { loadAs } from "../support/loaders";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
let cookie: string;
let ragunda: ReturnType<typeof partiesOf>[number];

const today = todayInStockholm();
const thisYear = Number(today.slice(0, 4));

beforeEach(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
  cookie = (await createSession("demo-samordnare")).split(";")[0];
  const id = partiesOf(world.collaborationId).find((p) => p.organisationId === world.organisationIds.Ragunda)!.id;
  db.update(parties).set({ status: "inbjuden", memberSince: null }).where(eq(parties.id, id)).run();
  ragunda = partiesOf(world.collaborationId).find((p) => p.id === id)!;
});

type Reply = { init?: { status: number } | null; data: { error?: Record<string, string[]>; initialValue?: object } };

async function saveStatus(form: Record<string, string>): Promise<Reply | Response> {
  const request = new Request(`http://localhost/avtal/parter/${ragunda.id}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
    body: new URLSearchParams({
      intent: "status",
      version: String(ragunda.version),
      withdrawalNote: "",
      branchClinic: ragunda.branchClinic,
      ...form,
    }),
  });
  return (await partyPage.action({ request, params: { partyId: String(ragunda.id) }, context: {} })) as
    Reply | Response;
}

const inSplit = (year: number) => {
  const version = currentVersion(agreementOf(world.collaborationId)!.id, today)!;
  const account = yearAccount(world.collaborationId, version, year);
  return account.rows.some((r) => r.organisationId === ragunda.organisationId);
};

describe("an invited party becomes a member", () => {
  it("from the day typed: counted in the split from that year, not before, and audited", async () => {
    const joinsOn = `${thisYear}-03-01`;
    const result = await saveStatus({ status: "medlem", memberSince: joinsOn });
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).status).toBe(302);
    expect(getParty(ragunda.id)).toMatchObject({ status: "medlem", memberSince: joinsOn });
    expect(inSplit(thisYear - 1), `not in ${thisYear - 1}`).toBe(false);
    expect(inSplit(thisYear), `in ${thisYear}`).toBe(true);
    const entry = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "party"), eq(auditLog.entityId, String(ragunda.id))))
      .orderBy(desc(auditLog.id))
      .get()!;
    expect(JSON.parse(entry.before!)).toMatchObject({ status: "inbjuden", memberSince: null });
    expect(JSON.parse(entry.after!)).toMatchObject({ status: "medlem", memberSince: joinsOn });
  });

  it.each([
    ["missing", "", /^Ange datumet då medlemskapet börjar/],
    ["not a day", "2026-02-30", /^Skriv datumet som ÅÅÅÅ-MM-DD/],
    ["before the agreement", "2022-12-31", /^Medlemskapet kan inte börja före avtalets början \(2023-01-01\)/],
    [
      "in a year already billed",
      `${thisYear - 1}-06-01`,
      new RegExp(`^Medlemskapet kan börja tidigast ${thisYear}-01-01`),
    ],
  ])("refuses a day %s at the field, keeps what was typed, and writes nothing", async (_, memberSince, message) => {
    const result = (await saveStatus({ status: "medlem", memberSince, withdrawalNote: "Beslut i KF" })) as Reply;
    expect(result.init?.status).toBe(400);
    expect(result.data.error?.memberSince?.[0]).toMatch(message);
    expect(result.data.initialValue).toMatchObject({ status: "medlem", withdrawalNote: "Beslut i KF" });
    expect(getParty(ragunda.id)).toMatchObject({ status: "inbjuden", memberSince: null, version: ragunda.version });
    expect(inSplit(thisYear)).toBe(false);
  });
});

describe("the collaboration's party form (/samverkan/:id/parter/:partyId)", () => {
  it("does not move a member's join day across billed years: refused at the field, nothing written", async () => {
    const berg = partiesOf(world.collaborationId).find((p) => p.organisationId === world.organisationIds.Berg)!;
    const version = currentVersion(agreementOf(world.collaborationId)!.id, today)!;
    const before = yearAccount(world.collaborationId, version, 2023);
    const request = new Request(`http://localhost/samverkan/${world.collaborationId}/parter/${berg.id}`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
      body: new URLSearchParams({
        role: berg.role,
        registrarEmail: berg.registrarEmail,
        memberSince: "2025-01-01",
        branchClinic: berg.branchClinic,
        version: String(berg.version),
      }),
    });
    const result = (await editParty.action({
      request,
      params: { collaborationId: String(world.collaborationId), partyId: String(berg.id) },
      context: {},
    })) as Reply;
    expect(result.init?.status).toBe(400);
    expect(result.data.error?.memberSince?.[0]).toMatch(/^Parten har varit medlem sedan 2023-01-01/);
    expect(getParty(berg.id)).toMatchObject({ memberSince: "2023-01-01", version: berg.version });
    expect(yearAccount(world.collaborationId, version, 2023)).toEqual(before);
  });
});

describe("a written notice from a party that is not a member", () => {
  it("is refused at the field and bills nothing: an invited party has no agreement to leave", async () => {
    const body = new FormData();
    for (const [k, v] of Object.entries({
      intent: "notice",
      version: String(ragunda.version),
      receivedOn: today,
      note: "",
    }))
      body.set(k, v);
    const request = new Request(`http://localhost/avtal/parter/${ragunda.id}`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: "http://localhost" },
      body,
    });
    const result = (await partyPage.action({ request, params: { partyId: String(ragunda.id) }, context: {} })) as Reply;
    expect(result.init?.status).toBe(400);
    expect(result.data.error?.receivedOn?.[0]).toMatch(/^Parten är inte medlem och har inget avtal att säga upp/);
    expect(getParty(ragunda.id)).toMatchObject({ status: "inbjuden", exitDate: null, version: ragunda.version });
    expect(inSplit(2023)).toBe(false);
    expect(inSplit(thisYear)).toBe(false);
  });
});

describe("a member recorded without a join day", () => {
  it("is one since the agreement began: in every year's split, and said so in the list of parties", async () => {
    const berg = partiesOf(world.collaborationId).find((p) => p.organisationId === world.organisationIds.Berg)!;
    db.update(parties).set({ memberSince: null }).where(eq(parties.id, berg.id)).run();
    const version = currentVersion(agreementOf(world.collaborationId)!.id, today)!;
    for (const year of [2023, thisYear])
      expect(yearAccount(world.collaborationId, version, year).rows.map((r) => r.organisationId)).toContain(
        berg.organisationId,
      );
    const page = await loadAs(db, agreementPage, "/avtal", null);
    const row = (id: number) => page.parties.find((p) => p.id === id)!;
    expect(row(berg.id).memberSince).toBe("avtalets början");
    expect(row(ragunda.id).memberSince).toBeNull();
  });
});

describe("a member whose membership begins on a coming day", () => {
  it("is shown on every page that lists parties as member from that day, not as a member", async () => {
    const joins = `${thisYear + 1}-01-01`;
    db.update(parties).set({ status: "medlem", memberSince: joins }).where(eq(parties.id, ragunda.id)).run();
    const shown = { text: `Medlem från ${joins}`, tone: "neutral" };
    const who = "demo-samordnare";
    const collaboration = String(world.collaborationId);
    const agreement = await loadAs(db, agreementPage, "/avtal", who);
    expect(agreement.parties.find((p) => p.id === ragunda.id)!.standing, "/avtal").toEqual(shown);
    const party = await loadAs(db, partyPage, `/avtal/parter/${ragunda.id}`, who, { partyId: String(ragunda.id) });
    expect(party.party.standing, "/avtal/parter/:id").toEqual(shown);
    const list = await loadAs(db, partiesPage, "/parter", who);
    expect(list.parties.find((p) => p.partyId === ragunda.id)!.standing, "/parter").toEqual(shown);
    const own = await loadAs(db, collaborationPage, `/samverkan/${collaboration}`, who, {
      collaborationId: collaboration,
    });
    expect(own.parties.find((p) => p.partyId === ragunda.id)!.standing, "/samverkan/:id").toEqual(shown);
    const organisation = await loadAs(db, organisationPage, `/parter/${ragunda.organisationId}`, who, {
      organisationId: String(ragunda.organisationId),
    });
    const membership = organisation.collaborations.find((c) => c.collaborationId === world.collaborationId)!;
    expect(membership.standing, "/parter/:organisationId").toEqual(shown);
    expect(membership.memberSince, "not yet 'medlem sedan'").toBeNull();
  });
});

describe("the what-if of a notice (/avtal/tank-om)", () => {
  it("is not offered for an invited party, which pays nothing and so has no share to leave", async () => {
    const page = await loadAs(db, whatIf, `/avtal/tank-om?part=${ragunda.id}&datum=${today}`, null);
    expect(page.parties.map((p) => p.id)).not.toContain(ragunda.id);
    expect(page.result).toBeNull();
    const berg = partiesOf(world.collaborationId).find((p) => p.organisationId === world.organisationIds.Berg)!;
    const member = await loadAs(db, whatIf, `/avtal/tank-om?part=${berg.id}&datum=${today}`, null);
    expect(member.result?.name).toBe("Bergs kommun");
  });
});
