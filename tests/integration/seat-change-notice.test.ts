/**
 * A notice goes to everyone whose seat covers the meeting day. When the coordinator changes
 * seats after the notice was published (at the change of term: the old seats ended on
 * 31 December, the new ones added from 1 January while January's meetings are noticed), the
 * called set changes, and each person it changes for is told in the same transaction: the
 * no longer called a withdrawal with the event cancelled in their calendar, the newly called
 * the notice with its .ics. The new term begins 30 days from today, so the test holds on any day.
 */
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { bodies, bodyCollaborations, mailOutbox, memberships, people, users } from "../../db/schema";
import { addDays } from "~/domain/calendar-dates";
import { todayInStockholm } from "~/domain/format";
import type { ValidMembership } from "~/domain/membership";
import { mayStillOpen } from "~/models/mail-about.server";
import { addAgendaItem } from "~/models/meeting-agenda.server";
import { getMeeting, updateMeeting } from "~/models/meetings.server";
import { publishNotice } from "~/models/meeting-notice.server";
import { addMembership, endMemberships, getMembership, updateMembership } from "~/models/memberships.server";
import { decisionItem, secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
let bodyId: number;
const today = todayInStockholm();
const newTerm = addDays(today, 30);
const lastDay = addDays(newTerm, -1);
const person: Record<string, number> = {};
let january: { id: number };
let december: { id: number };

function account(name: string) {
  const p = db
    .insert(people)
    .values({ name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@seat.example` })
    .returning()
    .get();
  person[name] = p.id;
  db.insert(users)
    .values({
      id: `seat-${p.id}`,
      email: `konto.${p.id}@seat.example`,
      passwordHash: "x",
      role: "member",
      personId: p.id,
    })
    .run();
}

function seatOf(name: string) {
  return db.select().from(memberships).where(eq(memberships.personId, person[name])).all()[0];
}

const mailTo = (name: string) => db.select().from(mailOutbox).where(eq(mailOutbox.personId, person[name])).all();
const icsOf = (row: { attachments: string }) => (JSON.parse(row.attachments) as { content: string }[])[0]?.content;

function asValid(seat: typeof memberships.$inferSelect, change: Partial<ValidMembership>): ValidMembership {
  const { personId, organisationId, role, startDate, endDate, note } = seat;
  return { personId, organisationId, role, startDate, endDate, note, ...change };
}

beforeAll(async () => {
  ({ db, world } = await demoDatabase());
  bodyId = db
    .insert(bodies)
    .values({ slug: "satet", name: "Sätesgruppen", shortName: "Sätet", kind: "Styrgrupp", proposalDeadlineDays: 10 })
    .returning()
    .get().id;
  db.insert(bodyCollaborations).values({ bodyId, collaborationId: world.collaborationId }).run();
  for (const name of [
    "Olga Ordförande",
    "Otto Utgående",
    "Ulla Utgående",
    "Ines Inkommande",
    "Kurt Krock",
    "Petra Före",
    "Hugo Efter",
  ])
    account(name);
  for (const name of ["Olga Ordförande", "Otto Utgående", "Ulla Utgående", "Kurt Krock", "Petra Före"])
    db.insert(memberships).values({ bodyId, personId: person[name], role: "ledamot", startDate: "2023-01-01" }).run();
  december = secretaryMeeting(bodyId, addDays(newTerm, -20));
  january = secretaryMeeting(bodyId, addDays(newTerm, 15));
  addAgendaItem("demo-samordnare", january.id, decisionItem("Verksamhetsplan"), null);
  publishNotice("demo-samordnare", december.id);
  publishNotice("demo-samordnare", january.id);
});
beforeEach(() => {
  db.delete(mailOutbox).run();
});

describe("a seat ended after the January meeting was noticed", () => {
  it("by the single edit: one withdrawal, the event cancelled, no link; December untouched; a re-save sends nothing", () => {
    const otto = seatOf("Otto Utgående");
    const saved = updateMembership("demo-samordnare", otto.id, otto.version, asValid(otto, { endDate: lastDay }));
    expect(saved.ok).toBe(true);
    const his = mailTo("Otto Utgående");
    expect(his).toHaveLength(1);
    expect(his[0].subject).toBe(`Du är inte längre kallad: Sätesgruppen ${addDays(newTerm, 15)}`);
    expect(his[0].textBody).toContain(lastDay);
    expect(his[0].textBody).not.toContain("/moten/");
    const ics = icsOf(his[0]);
    expect(ics).toContain("STATUS:CANCELLED");
    expect(ics).toContain(`UID:meeting-${january.id}@`);
    // It reaches him: he is not called any more when it is sent.
    expect(mayStillOpen(his[0], person["Otto Utgående"], today)).toBe(true);
    expect(db.select().from(mailOutbox).all()).toHaveLength(1);

    // Saved again as it is (a note changed): his calledness is the same, nothing more is sent.
    const again = getMembership(otto.id)!;
    expect(updateMembership("demo-samordnare", otto.id, again.version, asValid(again, { note: "Avgår" })).ok).toBe(
      true,
    );
    expect(db.select().from(mailOutbox).all()).toHaveLength(1);

    // Reopened before the withdrawal is sent (ended by mistake): called again, he gets the
    // notice again, and the withdrawal waiting in the outbox is no longer sent to him.
    const reopened = getMembership(otto.id)!;
    expect(
      updateMembership("demo-samordnare", otto.id, reopened.version, asValid(reopened, { endDate: null })).ok,
    ).toBe(true);
    const now = mailTo("Otto Utgående");
    expect(now.map((r) => r.kind)).toEqual(["notice-change", "notice"]);
    expect(icsOf(now[1])).not.toContain("STATUS:CANCELLED");
    expect(mayStillOpen(now[0], person["Otto Utgående"], today)).toBe(false);
  });

  it('by "Avsluta mandatperiod": one withdrawal each, with the cancelled event', () => {
    const ulla = seatOf("Ulla Utgående");
    const olga = seatOf("Olga Ordförande");
    const ended = endMemberships(
      "demo-samordnare",
      bodyId,
      [
        { id: ulla.id, version: ulla.version },
        { id: olga.id, version: olga.version },
      ],
      lastDay,
    );
    expect(ended.ok).toBe(true);
    for (const name of ["Ulla Utgående", "Olga Ordförande"]) {
      const rows = mailTo(name);
      expect(rows, name).toHaveLength(1);
      expect(rows[0].textBody).toContain("inte längre kallad");
      expect(icsOf(rows[0])).toContain("STATUS:CANCELLED");
    }
    expect(db.select().from(mailOutbox).all()).toHaveLength(2);
  });

  it("a conflicting save sends nothing: the single edit, and the end of a term rolled back as a whole", () => {
    const kurt = seatOf("Kurt Krock");
    expect(updateMembership("demo-samordnare", kurt.id, kurt.version - 1, asValid(kurt, { endDate: lastDay })).ok).toBe(
      false,
    );
    // Kurt's seat ended first (it would be told), then a stale version: nothing is kept.
    const olga = getMembership(seatOf("Olga Ordförande").id)!;
    const ended = endMemberships(
      "demo-samordnare",
      bodyId,
      [
        { id: kurt.id, version: kurt.version },
        { id: olga.id, version: olga.version - 1 },
      ],
      lastDay,
    );
    expect(ended.ok).toBe(false);
    expect(getMembership(kurt.id)!.endDate).toBeNull();
    expect(db.select().from(mailOutbox).all()).toEqual([]);
    // Saved with the versions as they are, it is told, once.
    expect(endMemberships("demo-samordnare", bodyId, [{ id: kurt.id, version: kurt.version }], lastDay).ok).toBe(true);
    expect(mailTo("Kurt Krock")).toHaveLength(1);
  });
});

describe("a seat added for the new term after the January meeting was noticed", () => {
  it("sends the new member the notice with its .ics, once; not December's", () => {
    const seat: ValidMembership = {
      personId: person["Ines Inkommande"],
      organisationId: null,
      role: "ledamot",
      startDate: newTerm,
      endDate: null,
      note: "",
    };
    const added = addMembership("demo-samordnare", bodyId, seat);
    const hers = mailTo("Ines Inkommande");
    expect(hers).toHaveLength(1);
    expect(hers[0].kind).toBe("notice");
    expect(hers[0].textBody).toContain("Verksamhetsplan");
    expect(hers[0].textBody).toContain(`/moten/${january.id}/kallelse`);
    const ics = icsOf(hers[0]);
    expect(ics).toContain(`UID:meeting-${january.id}@`);
    expect(ics).not.toContain("STATUS:CANCELLED");
    expect(db.select().from(mailOutbox).all()).toHaveLength(1);

    // Saved again unchanged: nothing new.
    const row = getMembership(added.id)!;
    expect(updateMembership("demo-samordnare", row.id, row.version, seat).ok).toBe(true);
    expect(db.select().from(mailOutbox).all()).toHaveLength(1);
  });
});

describe("a seat given to another person after the notices", () => {
  it("withdraws both meetings from the one and sends both notices to the other", () => {
    const seat = seatOf("Petra Före");
    const saved = updateMembership(
      "demo-samordnare",
      seat.id,
      seat.version,
      asValid(seat, { personId: person["Hugo Efter"] }),
    );
    expect(saved.ok).toBe(true);
    const hers = mailTo("Petra Före");
    expect(hers.map((r) => r.subject).sort()).toEqual(
      [addDays(newTerm, -20), addDays(newTerm, 15)].map((d) => `Du är inte längre kallad: Sätesgruppen ${d}`),
    );
    expect(hers.every((r) => icsOf(r).includes("STATUS:CANCELLED"))).toBe(true);
    expect(hers[0].textBody).toContain("är ändrat och gäller inte");
    const his = mailTo("Hugo Efter");
    expect(his.map((r) => r.kind)).toEqual(["notice", "notice"]);
    expect(his.map((r) => r.textBody.includes(`/moten/${december.id}/kallelse`)).some(Boolean)).toBe(true);
    expect(his.map((r) => r.textBody.includes(`/moten/${january.id}/kallelse`)).some(Boolean)).toBe(true);
  });
});

/** The SQL of every Drizzle query run while `fn` runs (through the session's logger). */
function queriesDuring(fn: () => void): string[] {
  const session = (db as unknown as { session: { logger: unknown } }).session;
  const saved = session.logger;
  const run: string[] = [];
  session.logger = { logQuery: (sql: string) => run.push(sql) };
  try {
    fn();
  } finally {
    session.logger = saved;
  }
  return run;
}

describe("a seat write reads the body's meetings", () => {
  it("in as many queries however many meetings the body has noticed or left in the past", () => {
    const countBody = db
      .insert(bodies)
      .values({ slug: "rakne", name: "Räknegruppen", shortName: "Räkne", kind: "Styrgrupp", proposalDeadlineDays: 10 })
      .returning()
      .get().id;
    db.insert(bodyCollaborations).values({ bodyId: countBody, collaborationId: world.collaborationId }).run();
    account("Rut Räknare");
    db.insert(memberships)
      .values({ bodyId: countBody, personId: person["Rut Räknare"], role: "ledamot", startDate: "2023-01-01" })
      .run();
    publishNotice("demo-samordnare", secretaryMeeting(countBody, addDays(today, 10)).id);
    const write = () => {
      const seat = seatOf("Rut Räknare");
      return queriesDuring(() =>
        expect(
          updateMembership("demo-samordnare", seat.id, seat.version, asValid(seat, { note: `n${seat.version}` })).ok,
        ).toBe(true),
      );
    };
    const few = write();
    // Ten more noticed meetings to come, and meetings of past years never marked held.
    for (let i = 1; i <= 10; i++)
      publishNotice("demo-samordnare", secretaryMeeting(countBody, addDays(today, 10 + 7 * i)).id);
    for (let i = 1; i <= 10; i++) secretaryMeeting(countBody, addDays(today, -30 * i));
    db.delete(mailOutbox).run();
    const many = write();
    expect(many.length).toBe(few.length);
    expect(db.select().from(mailOutbox).all()).toEqual([]);
  });
});

describe("a body's past meetings", () => {
  it("are told to nobody when a seat changes: never marked held, noticed long ago, or moved into the past", () => {
    const pastBody = db
      .insert(bodies)
      .values({ slug: "forr", name: "Förrgruppen", shortName: "Förr", kind: "Styrgrupp", proposalDeadlineDays: 10 })
      .returning()
      .get().id;
    db.insert(bodyCollaborations).values({ bodyId: pastBody, collaborationId: world.collaborationId }).run();
    account("Vera Varit");
    account("Nils Ny");
    db.insert(memberships)
      .values({ bodyId: pastBody, personId: person["Vera Varit"], role: "ledamot", startDate: "2023-01-01" })
      .run();
    // Held last month and never marked held: still "planerat", no notice in the portal.
    const neverMarked = secretaryMeeting(pastBody, addDays(today, -30));
    // Noticed, held three weeks ago, still "kallelse skickad".
    const noticedLongAgo = secretaryMeeting(pastBody, addDays(today, -20));
    publishNotice("demo-samordnare", noticedLongAgo.id);
    // Noticed for next week, then held three days ago: the secretary recorded the day it was
    // held and published nothing more (the members were told next week).
    const movedIntoPast = secretaryMeeting(pastBody, addDays(today, 7));
    publishNotice("demo-samordnare", movedIntoPast.id);
    const { version, bodyId: _b, ...value } = getMeeting(movedIntoPast.id)!;
    expect(updateMeeting("demo-samordnare", movedIntoPast.id, version, { ...value, date: addDays(today, -3) }).ok).toBe(
      true,
    );
    expect(getMeeting(neverMarked.id)!.status).toBe("planerat");
    db.delete(mailOutbox).run();

    // A new member from a year back, and the old member's seat ended last year.
    addMembership("demo-samordnare", pastBody, {
      personId: person["Nils Ny"],
      organisationId: null,
      role: "ledamot",
      startDate: addDays(today, -365),
      endDate: null,
      note: "",
    });
    const vera = seatOf("Vera Varit");
    expect(
      updateMembership("demo-samordnare", vera.id, vera.version, asValid(vera, { endDate: addDays(today, -40) })).ok,
    ).toBe(true);
    expect(db.select({ subject: mailOutbox.subject }).from(mailOutbox).all()).toEqual([]);
  });
});
