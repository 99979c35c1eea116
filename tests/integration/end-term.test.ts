/**
 * Ending a body's term in one step (/organ/:id/mandatperiod), through the route's own loader
 * and action: who may, what the list holds, that the seats chosen end on the day in one
 * transaction with an audit entry each, and that a seat changed since the page was shown
 * makes the whole save write nothing. Dates are counted from today, so the test holds on any day.
 */
import { and, eq, gt } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { auditLog, bodies, bodyCollaborations, memberships, people } from "../../db/schema";
import { createSession } from "~/auth/sessions.server";
import { addDays } from "~/domain/calendar-dates";
import { todayInStockholm } from "~/domain/format";
import * as endTerm from "~/routes/organ.$bodyId.mandatperiod";
import * as bodyPage from "~/routes/organ.$bodyId._index";
import { takeFlash } from "~/utils/flash.server";
import { demoDatabase } from "../support/test-db";

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;

let db: Db;
let world: DemoWorld;
let bodyId: number;
const cookie: Record<string, string> = {};
const today = todayInStockholm();
/** The last day of the outgoing term, and the first of the incoming one. */
const lastDay = addDays(today, 30);
const firstDay = addDays(lastDay, 1);
const seat: Record<string, number> = {};

/** Calls the route's loader or action as `who`; a thrown Response is returned. */
async function call(handler: unknown, who: string, params: Record<string, string>, form?: [string, string][]) {
  const headers: Record<string, string> = { Cookie: cookie[who] };
  const init: RequestInit = form
    ? {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
        body: new URLSearchParams(form),
      }
    : { headers };
  try {
    return await (handler as Handler)({
      request: new Request(`http://localhost/organ/${params.bodyId}/mandatperiod`, init),
      params,
      context: {},
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

type Reply = { data: { error?: Record<string, string[]>; conflict?: { theirs: { label: string }[] } } };
const status = (result: unknown) =>
  result instanceof Response ? result.status : ((result as { init?: { status: number } | null }).init?.status ?? 200);
const errorsOf = (result: unknown) => (result as Reply).data.error ?? {};

function row(name: string) {
  return db.select().from(memberships).where(eq(memberships.id, seat[name])).get()!;
}

/** The form as the page renders it for `day`: every listed seat, with its version, checked unless left out. */
function formFor(day: string, names: string[], unchecked: string[] = [], listedFor = day): [string, string][] {
  const fields: [string, string][] = [
    ["lastDay", day],
    ["listedFor", listedFor],
  ];
  names.forEach((name, i) => {
    fields.push([`seats[${i}].membershipId`, String(seat[name])]);
    fields.push([`seats[${i}].version`, String(row(name).version)]);
    if (!unchecked.includes(name)) fields.push([`seats[${i}].end`, "on"]);
  });
  return fields;
}

const membershipAudits = (since: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "membership"), gt(auditLog.id, since)))
    .all();
const lastAuditId = () => db.select({ id: auditLog.id }).from(auditLog).all().at(-1)?.id ?? 0;

beforeAll(async () => {
  ({ db, world } = await demoDatabase());
  cookie.admin = (await createSession("demo-samordnare")).split(";")[0];
  cookie.member = (await createSession("demo-ifochef")).split(";")[0];
});

/** A body of its own for each test: the outgoing term, one seat already ending, the incoming term. */
beforeEach(() => {
  bodyId = db
    .insert(bodies)
    .values({
      slug: `skifte-${Math.random().toString(36).slice(2)}`,
      name: "Skiftesgruppen",
      shortName: "Skiftet",
      kind: "Styrgrupp",
      proposalDeadlineDays: 10,
    })
    .returning()
    .get().id;
  db.insert(bodyCollaborations).values({ bodyId, collaborationId: world.collaborationId }).run();
  const add = (
    name: string,
    role: (typeof memberships.$inferInsert)["role"],
    startDate: string,
    endDate: string | null,
  ) => {
    const person = db.insert(people).values({ name }).returning().get();
    seat[name] = db
      .insert(memberships)
      .values({ bodyId, personId: person.id, role, startDate, endDate })
      .returning()
      .get().id;
  };
  add("Olga Ordförande", "ordförande", "2023-01-01", null);
  add("Lars Ledamot", "ledamot", "2023-01-01", addDays(lastDay, 200));
  add("Erik Ersättare", "ersättare", "2023-01-01", null);
  add("Annika Avgår", "ledamot", "2023-01-01", addDays(lastDay, -5)); // already ends before the day
  add("Ines Inkommande", "ledamot", firstDay, null); // the coming term
});

describe("who may end a term", () => {
  it("refuses a member without the right in the loader and the action, and writes nothing", async () => {
    const before = lastAuditId();
    expect(status(await call(endTerm.loader, "member", { bodyId: String(bodyId) }))).toBe(403);
    const posted = await call(
      endTerm.action,
      "member",
      { bodyId: String(bodyId) },
      formFor(lastDay, ["Olga Ordförande"]),
    );
    expect(status(posted)).toBe(403);
    expect(row("Olga Ordförande").endDate).toBeNull();
    expect(membershipAudits(before)).toEqual([]);
  });

  it("answers a member 403 for a body that does not exist too, so body ids cannot be probed", async () => {
    expect(status(await call(endTerm.loader, "member", { bodyId: "999999" }))).toBe(403);
    expect(status(await call(endTerm.loader, "admin", { bodyId: "999999" }))).toBe(404);
  });

  it("links the page from the body page for the coordinator only", async () => {
    const asAdmin = (await call(bodyPage.loader, "admin", { bodyId: String(bodyId) })) as { canManage: boolean };
    expect(asAdmin.canManage).toBe(true);
    const asMember = (await call(bodyPage.loader, "member", { bodyId: String(bodyId) })) as { canManage: boolean };
    expect(asMember.canManage).toBe(false);
  });
});

describe("the coordinator ends the term", () => {
  it("is offered the last day of the year and the body's open seats", async () => {
    const data = (await call(endTerm.loader, "admin", { bodyId: String(bodyId) })) as Awaited<
      ReturnType<typeof endTerm.loader>
    >;
    expect(data.defaultLastDay).toBe(`${today.slice(0, 4)}-12-31`);
    // Chair first; what ended before today is not there, what ends later and what begins later is.
    expect(data.seats.map((s) => s.personName)).toEqual([
      "Olga Ordförande",
      "Annika Avgår",
      "Ines Inkommande",
      "Lars Ledamot",
      "Erik Ersättare",
    ]);
  });

  it("ends the checked seats on the day in one go, with an audit entry each, and leaves the rest", async () => {
    const before = lastAuditId();
    const versions = { olga: row("Olga Ordförande").version, lars: row("Lars Ledamot").version };
    const result = await call(
      endTerm.action,
      "admin",
      { bodyId: String(bodyId) },
      formFor(lastDay, ["Olga Ordförande", "Lars Ledamot", "Erik Ersättare"], ["Erik Ersättare"]),
    );
    expect(status(result)).toBe(302);
    expect((result as Response).headers.get("Location")).toBe(`/organ/${bodyId}`);
    const flash = (result as Response).headers.get("Set-Cookie")!.split(";")[0];
    expect(takeFlash(new Request("http://localhost/", { headers: { Cookie: flash } })).message).toBe(
      `2 uppdrag avslutas ${lastDay}.`,
    );
    expect(row("Olga Ordförande")).toMatchObject({ endDate: lastDay, version: versions.olga + 1 });
    expect(row("Lars Ledamot")).toMatchObject({ endDate: lastDay, version: versions.lars + 1 });
    // Unchecked, already ending, and the coming term: untouched.
    expect(row("Erik Ersättare").endDate).toBeNull();
    expect(row("Annika Avgår").endDate).toBe(addDays(lastDay, -5));
    expect(row("Ines Inkommande").endDate).toBeNull();
    const audits = membershipAudits(before);
    expect(audits.map((a) => [a.action, Number(a.entityId), a.userId])).toEqual([
      ["update", seat["Olga Ordförande"], "demo-samordnare"],
      ["update", seat["Lars Ledamot"], "demo-samordnare"],
    ]);
    expect(JSON.parse(audits[0].before!)).toMatchObject({ endDate: null });
    expect(JSON.parse(audits[0].after!)).toMatchObject({ endDate: lastDay });
    expect(JSON.parse(audits[1].before!)).toMatchObject({ endDate: addDays(lastDay, 200) });
  });

  it("writes nothing when one seat changed since the page was shown, and says which (409)", async () => {
    const form = formFor(lastDay, ["Olga Ordförande", "Lars Ledamot", "Erik Ersättare"]);
    const before = lastAuditId();
    // Someone else edits Lars's seat after the page was shown.
    db.update(memberships)
      .set({ note: "ändrat", version: row("Lars Ledamot").version + 1 })
      .where(eq(memberships.id, seat["Lars Ledamot"]))
      .run();
    const result = await call(endTerm.action, "admin", { bodyId: String(bodyId) }, form);
    expect(status(result)).toBe(409);
    expect((result as Reply).data.conflict?.theirs.map((c) => c.label)).toEqual(["Lars Ledamot (ledamot)"]);
    // Olga's seat, saved first in the transaction, is rolled back with the rest.
    expect(row("Olga Ordförande").endDate).toBeNull();
    expect(row("Erik Ersättare").endDate).toBeNull();
    expect(row("Lars Ledamot").endDate).toBe(addDays(lastDay, 200));
    expect(membershipAudits(before)).toEqual([]);
  });

  it("writes nothing when a seat the day cuts was added since the page was shown", async () => {
    const form = formFor(lastDay, ["Olga Ordförande", "Lars Ledamot", "Erik Ersättare"]);
    const person = db.insert(people).values({ name: "Nora Ny" }).returning().get();
    db.insert(memberships).values({ bodyId, personId: person.id, role: "adjungerad", startDate: "2024-01-01" }).run();
    const result = await call(endTerm.action, "admin", { bodyId: String(bodyId) }, form);
    expect(status(result)).toBe(409);
    expect((result as Reply).data.conflict?.theirs.map((c) => c.label)).toEqual(["Nora Ny (adjungerad)"]);
    expect(row("Olga Ordförande").endDate).toBeNull();
  });

  it("refuses a day before today, a day that is no date, and no seat chosen, at the field", async () => {
    const names = ["Olga Ordförande", "Lars Ledamot", "Erik Ersättare"];
    const yesterday = addDays(today, -1);
    const past = await call(endTerm.action, "admin", { bodyId: String(bodyId) }, formFor(yesterday, names));
    expect(status(past)).toBe(400);
    expect(errorsOf(past).lastDay).toEqual([`Sista dagen kan inte vara före i dag (${today}).`]);
    const bad = await call(endTerm.action, "admin", { bodyId: String(bodyId) }, formFor("2027-02-30", names));
    expect(status(bad)).toBe(400);
    expect(errorsOf(bad).lastDay?.[0]).toMatch(/ÅÅÅÅ-MM-DD/);
    const none = await call(endTerm.action, "admin", { bodyId: String(bodyId) }, formFor(lastDay, names, names));
    expect(status(none)).toBe(400);
    expect(errorsOf(none).seats).toEqual(["Välj minst ett uppdrag att avsluta."]);
    expect(row("Olga Ordförande").endDate).toBeNull();
  });

  it("draws the list again, writing nothing, when the day was changed after the list was shown", async () => {
    // The list was shown for the default day; the coordinator typed an earlier one without JavaScript.
    const earlier = addDays(lastDay, -10);
    const result = await call(
      endTerm.action,
      "admin",
      { bodyId: String(bodyId) },
      formFor(earlier, ["Olga Ordförande", "Lars Ledamot", "Erik Ersättare"], [], lastDay),
    );
    expect(status(result)).toBe(400);
    expect(errorsOf(result).lastDay).toEqual([
      `Listan visar nu uppdragen som avslutas ${earlier}. Kontrollera den och avsluta igen.`,
    ]);
    expect(row("Olga Ordförande").endDate).toBeNull();
  });

  it("refuses to end a seat of the coming term through a crafted form", async () => {
    const result = await call(
      endTerm.action,
      "admin",
      { bodyId: String(bodyId) },
      formFor(lastDay, ["Olga Ordförande", "Lars Ledamot", "Erik Ersättare", "Ines Inkommande"]),
    );
    expect(status(result)).toBe(409);
    expect(row("Ines Inkommande").endDate).toBeNull();
    expect(row("Olga Ordförande").endDate).toBeNull();
  });
});
