/**
 * A message waits: for the person's daily digest, or for a retry after the mail server said
 * "later". Meanwhile the person may lose the right to open what it is about (their seat ends,
 * their role changes). The sender asks the policy again on the day it sends (docs/security.md,
 * class 3): such a message is not sent (it is "misslyckat", with the reason), a digest leaves
 * it out and is not sent when nothing remains, and everyone else still gets theirs. Each
 * object's title carries a canary that must not reach whoever lost the right.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bodies, bodyCollaborations, mailOutbox, mailPreferences, memberships, people, users } from "../../db/schema";
import { addDays } from "~/domain/calendar-dates";
import { todayInStockholm } from "~/domain/format";
import { deliverDueMail } from "~/jobs/mail-sender.server";
import { addAgendaItem } from "~/models/meeting-agenda.server";
import { queueMinutesApprovedMail } from "~/models/meeting-mail.server";
import { getMeeting, updateMeeting } from "~/models/meetings.server";
import { publishNotice } from "~/models/meeting-notice.server";
import { NO_LONGER_READER, queueDigests, setPreferences } from "~/models/notifications.server";
import { enqueueMail } from "~/models/outbox.server";
import { queueReminders } from "~/models/reminders.server";
import { setUserRole } from "~/models/users.server";
import { write } from "~/utils/db.server";
import { portalOrigin } from "~/utils/origin.server";
import { decisionItem, secretaryMeeting } from "../support/meetings";
import { mimeParts, startSmtp, type TestSmtp } from "../support/smtp";
import { demoDatabase } from "../support/test-db";

let smtp: TestSmtp;
let mailDir: string;
let db: Awaited<ReturnType<typeof demoDatabase>>["db"];
let world: Awaited<ReturnType<typeof demoDatabase>>["world"];
const today = todayInStockholm();
const body: Record<string, number> = {};
const person: Record<string, number> = {};
const address = (name: string) => `${name.toLowerCase().replace(/\W+/g, ".")}@kommun.example`;

beforeAll(async () => {
  ({ db, world } = await demoDatabase());
  smtp = await startSmtp();
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-resend-"));
  for (const name of ["Avgruppen", "Kvargruppen"]) {
    body[name] = db
      .insert(bodies)
      .values({ slug: name.toLowerCase(), name, shortName: name, kind: "Styrgrupp", proposalDeadlineDays: 10 })
      .returning()
      .get().id;
    db.insert(bodyCollaborations).values({ bodyId: body[name], collaborationId: world.collaborationId }).run();
  }
  for (const name of ["Lena Ledamot", "Dora Dubbel", "Sven Slutar", "Per Roll", "Fanny Framtida"]) {
    const p = db
      .insert(people)
      .values({ name, email: address(name) })
      .returning()
      .get();
    person[name] = p.id;
    db.insert(users)
      .values({
        id: `resend-${p.id}`,
        email: `konto.${p.id}@kommun.example`,
        passwordHash: "x",
        role: "member",
        personId: p.id,
      })
      .run();
  }
  const seat = (name: string, bodyName: string, startDate = "2026-01-01") =>
    db
      .insert(memberships)
      .values({ bodyId: body[bodyName], personId: person[name], role: "ledamot", startDate, endDate: null })
      .run();
  seat("Lena Ledamot", "Avgruppen");
  seat("Dora Dubbel", "Avgruppen");
  seat("Dora Dubbel", "Kvargruppen");
  seat("Sven Slutar", "Avgruppen");
  seat("Per Roll", "Avgruppen");
  // Her seat begins after today, before the meeting: the notice is her summons.
  seat("Fanny Framtida", "Avgruppen", addDays(today, 5));
});
afterAll(async () => {
  await smtp.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
});
beforeEach(() => {
  db.delete(mailOutbox).run();
  db.delete(mailPreferences).run();
  smtp.received.length = 0;
  smtp.mode = "accept";
});

const viaSmtp = (now = new Date()) => ({ config: { smtpUrl: smtp.url, mailDir }, now: () => now });

/** The seat ends yesterday: from today the person no longer sits in the body. */
function endSeat(name: string, bodyName: string) {
  db.update(memberships)
    .set({ endDate: addDays(today, -1) })
    .where(and(eq(memberships.personId, person[name]), eq(memberships.bodyId, body[bodyName])))
    .run();
}

/** Every seat in the two bodies current again. */
function reopenSeats() {
  db.update(memberships)
    .set({ endDate: null })
    .where(inArray(memberships.bodyId, Object.values(body)))
    .run();
}

/** Everything that reached `name`, subject and text. */
function receivedBy(name: string): string[] {
  return smtp.received
    .filter((m) => m.to.includes(address(name)))
    .map((m) => `${m.subject}\n${mimeParts(m.raw).find((p) => p.contentType === "text/plain")!.body}`);
}

/** The calendar files attached to what reached `name`. */
function calendarsTo(name: string): string[] {
  return smtp.received
    .filter((m) => m.to.includes(address(name)))
    .flatMap((m) => mimeParts(m.raw).filter((p) => p.contentType === "text/calendar"))
    .map((p) => p.body);
}

function rowsOf(name: string) {
  return db.select().from(mailOutbox).where(eq(mailOutbox.personId, person[name])).all();
}

/** A meeting of the body in `days` days whose item is titled with the canary. */
function meetingWithCanary(bodyName: string, days: number, canary: string) {
  const meeting = secretaryMeeting(body[bodyName], addDays(today, days));
  addAgendaItem("demo-samordnare", meeting.id, decisionItem(`Punkt ${canary}`), null);
  return meeting;
}

describe("a message held for the daily digest", () => {
  beforeEach(() => {
    reopenSeats();
  });

  it("is left out of the digest when its person lost the seat overnight; a digest with nothing left is not sent", async () => {
    const av = meetingWithCanary("Avgruppen", 20, "KANARIE-AVGRUPPEN");
    const kvar = meetingWithCanary("Kvargruppen", 20, "KANARIE-KVARGRUPPEN");
    for (const name of ["Dora Dubbel", "Sven Slutar"])
      setPreferences("demo-samordnare", person[name], { "minutes-approved": "sammanfattning" });
    write((tx) => {
      queueMinutesApprovedMail(tx, av.id, today);
      queueMinutesApprovedMail(tx, kvar.id, today);
    });
    expect(rowsOf("Dora Dubbel").map((r) => r.status)).toEqual(["sammanfattning", "sammanfattning"]);
    expect(rowsOf("Sven Slutar").map((r) => r.status)).toEqual(["sammanfattning"]);

    // Overnight both leave Avgruppen; Dora stays in Kvargruppen.
    endSeat("Dora Dubbel", "Avgruppen");
    endSeat("Sven Slutar", "Avgruppen");
    await deliverDueMail(viaSmtp());
    expect(queueDigests(today, portalOrigin())).toBe(2);
    const report = await deliverDueMail(viaSmtp());

    // Lena, who still sits, got hers at once.
    expect(receivedBy("Lena Ledamot").join("\n")).toContain("Avgruppen");
    // Dora's digest holds Kvargruppen's minutes only, and says one message.
    const dora = receivedBy("Dora Dubbel");
    expect(dora).toHaveLength(1);
    expect(dora[0]).toContain(`Sammanfattning ${today}: 1 meddelande`);
    expect(dora[0]).toContain("Kvargruppen");
    expect(dora[0]).not.toContain("Avgruppen");
    // Sven gets no digest at all.
    expect(receivedBy("Sven Slutar")).toEqual([]);
    expect(report).toMatchObject({ withheld: 1 });

    const withheld = [...rowsOf("Dora Dubbel"), ...rowsOf("Sven Slutar")].filter((r) => r.status === "misslyckat");
    expect(withheld.map((r) => [r.kind, r.lastError])).toEqual([
      ["minutes-approved", NO_LONGER_READER],
      ["minutes-approved", NO_LONGER_READER],
      ["digest", NO_LONGER_READER],
    ]);
    expect(rowsOf("Dora Dubbel").filter((r) => r.status === "i sammanfattning")).toHaveLength(1);
  });

  it("keeps the notice for everyone called, but not for a member whose seat ended before the meeting", async () => {
    const meeting = meetingWithCanary("Avgruppen", 20, "KANARIE-KALLELSE");
    for (const name of ["Fanny Framtida", "Sven Slutar"])
      setPreferences("demo-samordnare", person[name], { notice: "sammanfattning" });
    publishNotice("demo-samordnare", meeting.id);
    endSeat("Sven Slutar", "Avgruppen");
    await deliverDueMail(viaSmtp());
    queueDigests(today, portalOrigin());
    await deliverDueMail(viaSmtp());
    // Fanny may open the meeting's page only from her seat's first day: the summons is hers.
    expect(receivedBy("Fanny Framtida").join("\n")).toContain("KANARIE-KALLELSE");
    expect(calendarsTo("Fanny Framtida")).toEqual([expect.stringContaining(`UID:meeting-${meeting.id}@`)]);
    expect(receivedBy("Lena Ledamot").join("\n")).toContain("KANARIE-KALLELSE");
    expect(receivedBy("Sven Slutar")).toEqual([]);
  });
});

describe("a meeting moved past the end of a seat", () => {
  beforeEach(() => {
    reopenSeats();
  });

  it("still tells the member no longer called, after the seat ended, without a link to the meeting", async () => {
    const meeting = meetingWithCanary("Avgruppen", 5, "KANARIE-FLYTT");
    publishNotice("demo-samordnare", meeting.id);
    // Sven's seat ends in a week; the meeting moves past that, and he is no longer called.
    db.update(memberships)
      .set({ endDate: addDays(today, 7) })
      .where(and(eq(memberships.personId, person["Sven Slutar"]), eq(memberships.bodyId, body.Avgruppen)))
      .run();
    setPreferences("demo-samordnare", person["Sven Slutar"], { "notice-change": "sammanfattning" });
    const { version, bodyId: _bodyId, ...value } = getMeeting(meeting.id)!;
    expect(updateMeeting("demo-samordnare", meeting.id, version, { ...value, date: addDays(today, 20) }).ok).toBe(true);
    publishNotice("demo-samordnare", meeting.id);
    expect(rowsOf("Sven Slutar").find((r) => r.eventKey === `notice-uncalled:${meeting.id}:v2`)?.status).toBe(
      "sammanfattning",
    );
    // His seat ends before the digest goes out: the message withdraws the event all the same.
    endSeat("Sven Slutar", "Avgruppen");
    queueDigests(today, portalOrigin());
    await deliverDueMail(viaSmtp());
    const sven = receivedBy("Sven Slutar").join("\n");
    expect(sven).toContain("Mötet är flyttat");
    expect(sven).not.toContain(`/moten/${meeting.id}`);
    expect(sven).not.toContain("KANARIE-FLYTT");
    // The digest carries the withdrawal's calendar event, so it leaves his calendar.
    expect(calendarsTo("Sven Slutar")).toEqual([expect.stringContaining("STATUS:CANCELLED")]);
    expect(calendarsTo("Sven Slutar")[0]).toContain(`UID:meeting-${meeting.id}@`);
  });
});

describe("a message retried after the mail server said 'later'", () => {
  beforeEach(() => {
    reopenSeats();
    db.update(users)
      .set({ role: "member" })
      .where(eq(users.id, `resend-${person["Per Roll"]}`))
      .run();
  });

  it("is not sent to someone whose seat ended or whose role changed before the retry", async () => {
    // The last day to propose is in three days: the reminder to propose is due today.
    const meeting = meetingWithCanary("Avgruppen", 13, "KANARIE-FÖRSLAGSTID");
    publishNotice("demo-samordnare", meeting.id);
    db.delete(mailOutbox).run();
    queueReminders(today, portalOrigin());
    write((tx) =>
      enqueueMail(tx, {
        eventKey: "test:registrar",
        kind: "recommendation",
        to: { address: "registrator@berg.example", name: "Registrator, Berg", personId: null },
        content: { subject: "Rekommendation", text: "Hej!\n\nEtt brev.", html: "<p>Hej!</p>" },
      }),
    );
    const reminded = ["Lena Ledamot", "Dora Dubbel", "Sven Slutar", "Per Roll"];
    for (const name of reminded) expect(rowsOf(name).map((r) => r.kind)).toEqual(["proposal-deadline"]);

    smtp.mode = "tempfail";
    const t0 = new Date();
    expect(await deliverDueMail(viaSmtp(t0))).toMatchObject({ sent: 0 });
    for (const name of reminded) expect(rowsOf(name).map((r) => [r.status, r.attempts])).toEqual([["väntar", 1]]);

    // Before the retry: Sven's seat ends, Per becomes a reader (a reader with a seat may not propose).
    endSeat("Sven Slutar", "Avgruppen");
    expect(setUserRole("demo-samordnare", `resend-${person["Per Roll"]}`, "member", "reader")).toEqual({ ok: true });
    smtp.mode = "accept";
    const later = new Date(t0.getTime() + 5 * 60_000);
    const report = await deliverDueMail(viaSmtp(later));

    for (const name of ["Lena Ledamot", "Dora Dubbel"])
      expect(receivedBy(name).join("\n")).toContain(`/moten/${meeting.id}/forslag`);
    expect(smtp.received.some((m) => m.to.includes("registrator@berg.example"))).toBe(true);
    for (const name of ["Sven Slutar", "Per Roll"]) expect(receivedBy(name)).toEqual([]);
    for (const name of ["Sven Slutar", "Per Roll"])
      expect(rowsOf(name).map((r) => [r.status, r.lastError])).toEqual([["misslyckat", NO_LONGER_READER]]);
    expect(report).toMatchObject({ withheld: 2 });
  });
});
