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
import { termEndCut } from "~/domain/membership";
import { pageOfTermSeats } from "~/models/memberships.server";
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
async function call(
  handler: unknown,
  who: string,
  params: Record<string, string>,
  form?: [string, string][],
  search = "",
) {
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
      request: new Request(`http://localhost/organ/${params.bodyId}/mandatperiod${search}`, init),
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
function formFor(
  day: string,
  names: string[],
  unchecked: string[] = [],
  listedFor = day,
  page = 1,
): [string, string][] {
  const fields: [string, string][] = [
    ["lastDay", day],
    ["listedFor", listedFor],
    ["page", String(page)],
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
  it("is offered the last day of the year, the seats it cuts and those of the coming term", async () => {
    type Page = Awaited<ReturnType<typeof endTerm.loader>>;
    const data = (await call(endTerm.loader, "admin", { bodyId: String(bodyId) })) as Page;
    expect(data.listedFor).toBe(`${today.slice(0, 4)}-12-31`);
    // For the day asked (`?sista=`): chair first, then by role and name; a seat that ends
    // before the day is in neither list, one that begins after it is the coming term's.
    const forDay = (await call(
      endTerm.loader,
      "admin",
      { bodyId: String(bodyId) },
      undefined,
      `?sista=${lastDay}`,
    )) as Page;
    expect(forDay.listedFor).toBe(lastDay);
    expect(forDay.cut.items.map((s) => s.personName)).toEqual(["Olga Ordförande", "Lars Ledamot", "Erik Ersättare"]);
    expect(forDay.cut.page).toMatchObject({ page: 1, total: 3, pageCount: 1 });
    expect(forDay.startsAfter.items.map((s) => s.personName)).toEqual(["Ines Inkommande"]);
    // A day before today, or no date: the list is drawn for the last day of the year.
    for (const asked of [addDays(today, -1), "2027-02-30", "x"]) {
      const page = (await call(
        endTerm.loader,
        "admin",
        { bodyId: String(bodyId) },
        undefined,
        `?sista=${asked}`,
      )) as Page;
      expect(page.listedFor).toBe(`${today.slice(0, 4)}-12-31`);
    }
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
    expect(status(result)).toBe(302);
    expect((result as Response).headers.get("Location")).toBe(`/organ/${bodyId}/mandatperiod?sista=${earlier}`);
    const flash = (result as Response).headers.get("Set-Cookie")!.split(";")[0];
    expect(takeFlash(new Request("http://localhost/", { headers: { Cookie: flash } })).message).toBe(
      `Listan visar nu uppdragen som avslutas ${earlier}. Kontrollera den och avsluta igen.`,
    );
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

describe("a body with more seats than a page", () => {
  /** `count` more ledamöter of the outgoing term, named so that binary and Swedish order agree. */
  function manySeats(count: number) {
    for (let i = 0; i < count; i++) {
      const name = `Person ${String(i).padStart(3, "0")}`;
      const person = db.insert(people).values({ name }).returning().get();
      seat[name] = db
        .insert(memberships)
        .values({ bodyId, personId: person.id, role: "ledamot", startDate: "2023-01-01" })
        .returning()
        .get().id;
    }
  }

  it("lists the seats in pages of 50: every seat on exactly one page, in the order of the list, the same as termEndCut", async () => {
    manySeats(60);
    const all = db.select().from(memberships).where(eq(memberships.bodyId, bodyId)).all();
    for (const day of [lastDay, addDays(lastDay, -10), addDays(firstDay, 1), addDays(lastDay, 300)]) {
      const seen: Record<"cut" | "startsAfter", number[]> = { cut: [], startsAfter: [] };
      for (const part of ["cut", "startsAfter"] as const)
        for (let page = 1; page <= 3; page++) {
          const paged = await pageOfTermSeats(bodyId, today, day, part, { page, size: 50 });
          if (paged.page.page !== page) break;
          seen[part].push(...paged.items.map((s) => s.membershipId));
        }
      const open = all.filter((s) => s.endDate === null || s.endDate >= today);
      const rule = termEndCut(open, day);
      expect([...seen.cut].sort((a, b) => a - b)).toEqual(rule.cut.map((s) => s.id).sort((a, b) => a - b));
      expect([...seen.startsAfter].sort((a, b) => a - b)).toEqual(
        rule.startsAfter.map((s) => s.id).sort((a, b) => a - b),
      );
      expect(new Set(seen.cut).size).toBe(seen.cut.length);
    }
    const first = await pageOfTermSeats(bodyId, today, lastDay, "cut", { page: 1, size: 50 });
    const second = await pageOfTermSeats(bodyId, today, lastDay, "cut", { page: 2, size: 50 });
    expect(first.page).toMatchObject({ total: 63, pageCount: 2, first: 1, last: 50 });
    expect(first.items[0].personName).toBe("Olga Ordförande");
    // Ledamöter by name (Lars before the Persons), the ersättare last.
    expect(first.items.slice(1, 3).map((s) => s.personName)).toEqual(["Lars Ledamot", "Person 000"]);
    expect(second.items.map((s) => s.personName).at(-1)).toBe("Erik Ersättare");
    expect(second.items).toHaveLength(13);
  });

  it("the second page, confirmed, ends its seats and goes back to the list for the rest", async () => {
    manySeats(60);
    const second = await pageOfTermSeats(bodyId, today, lastDay, "cut", { page: 2, size: 50 });
    const names = second.items.map((s) => s.personName);
    const result = await call(
      endTerm.action,
      "admin",
      { bodyId: String(bodyId) },
      formFor(lastDay, names, [], lastDay, 2),
      `?sista=${lastDay}&sida=2`,
    );
    expect(status(result)).toBe(302);
    expect((result as Response).headers.get("Location")).toBe(`/organ/${bodyId}/mandatperiod?sista=${lastDay}`);
    for (const name of names) expect(row(name).endDate).toBe(lastDay);
    expect(row("Olga Ordförande").endDate).toBeNull();
    expect((await pageOfTermSeats(bodyId, today, lastDay, "cut", { page: 1, size: 50 })).page.total).toBe(50);
  });

  it("refuses a page whose list changed: a seat moved onto it since it was shown (409, nothing written)", async () => {
    manySeats(60);
    const second = await pageOfTermSeats(bodyId, today, lastDay, "cut", { page: 2, size: 50 });
    const form = formFor(
      lastDay,
      second.items.map((s) => s.personName),
      [],
      lastDay,
      2,
    );
    // Since the page was shown: a seat of the first page ended before the day (the first seat of
    // page 2 moves up) and a seat added that sorts onto page 2, which the user never saw.
    db.update(memberships)
      .set({ endDate: addDays(lastDay, -1) })
      .where(eq(memberships.id, seat["Lars Ledamot"]))
      .run();
    const person = db.insert(people).values({ name: "Ö Sist" }).returning().get();
    db.insert(memberships).values({ bodyId, personId: person.id, role: "ledamot", startDate: "2024-01-01" }).run();
    const result = await call(endTerm.action, "admin", { bodyId: String(bodyId) }, form, `?sista=${lastDay}&sida=2`);
    expect(status(result)).toBe(409);
    expect((result as Reply).data.conflict?.theirs.map((c) => c.label)).toEqual(["Ö Sist (ledamot)"]);
    for (const s of second.items) expect(row(s.personName).endDate).not.toBe(lastDay);
  });
});
