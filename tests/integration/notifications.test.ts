/**
 * What the portal sends, over a real SMTP conversation (smtp-server in this process):
 * publishing a notice delivers one message per member and deputy with a valid .ics; a
 * changed notice goes out as a change; a reminder goes out once per deadline even when the
 * job runs twice; an unsubscribed person gets nothing of that kind; the daily digest
 * gathers what a person chose to get once a day.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  assignments,
  auditLog,
  bodies,
  bodyCollaborations,
  mailOutbox,
  mailPreferences,
  memberships,
  parties,
  people,
  recommendations,
} from "../../db/schema";
import { deliverDueMail } from "~/jobs/mail-sender.server";
import { publishNotice } from "~/models/meeting-notice.server";
import {
  personByMailToken,
  preferencesOf,
  queueDigests,
  setPreferences,
  unsubscribe,
} from "~/models/notifications.server";
import { queueRecommendationReminders, queueReminders } from "~/models/reminders.server";
import { createDecision } from "~/models/decisions.server";
import {
  createDraft,
  decideRecommendation,
  sendDueReminders,
  sendRecommendation,
  withdrawRecommendation,
} from "~/models/recommendations.server";
import { addAgendaItem } from "~/models/meeting-agenda.server";
import { markHeld, saveMinutes, sendForSigning, signMinutes, startMinutes } from "~/models/meeting-minutes.server";
import { confirmServing, reportAbsence, responsesOf, withdrawAnswer } from "~/models/meeting-absence.server";
import { attendanceOf } from "~/models/meeting-attendance.server";
import { decisionItem, secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";
import { header, mimeParts, startSmtp, type TestSmtp } from "../support/smtp";

let smtp: TestSmtp;
let mailDir: string;
let db: Awaited<ReturnType<typeof demoDatabase>>["db"];
let world: Awaited<ReturnType<typeof demoDatabase>>["world"];
let bodyId: number;
const person: Record<string, number> = {};

beforeAll(async () => {
  ({ db, world } = await demoDatabase());
  smtp = await startSmtp();
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-notify-"));
  const body = db
    .insert(bodies)
    .values({
      slug: "testgruppen",
      name: "Testgruppen",
      shortName: "Testgruppen",
      kind: "Styrgrupp",
      proposalDeadlineDays: 10,
    })
    .returning()
    .get();
  bodyId = body.id;
  db.insert(bodyCollaborations).values({ bodyId, collaborationId: world.collaborationId }).run();
  const seat = (
    name: string,
    role: (typeof memberships.$inferInsert)["role"],
    email: string | null,
    endDate?: string,
  ) => {
    const p = db.insert(people).values({ name, email }).returning().get();
    person[name] = p.id;
    db.insert(memberships)
      .values({ bodyId, personId: p.id, role, startDate: "2026-01-01", endDate: endDate ?? null })
      .run();
  };
  seat("Olle Ordförande", "ordförande", "olle@berg.example");
  seat("Lena Ledamot", "ledamot", "lena@bracke.example");
  seat("Lars Ledamot", "ledamot", "lars@are.example");
  seat("Erik Ersättare", "ersättare", "erik@berg.example");
  seat("Eva Ersättare", "ersättare", "eva@are.example");
  seat("Saga Sekreterare", "sekreterare", "saga@region.example");
  seat("Utan Adress", "ledamot", null);
  seat("Avgången Ledamot", "ledamot", "avgangen@berg.example", "2026-06-30");
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

const viaSmtp = () => ({ config: { smtpUrl: smtp.url, mailDir } });
const CALLED = ["olle@berg.example", "lena@bracke.example", "lars@are.example", "erik@berg.example", "eva@are.example"];

const newMeeting = (date: string) =>
  secretaryMeeting(bodyId, date, { startTime: "13:00", endTime: "15:30", place: "Regionhuset, Östersund" });

describe("the notice", () => {
  it("delivers one message per member and deputy, each with a valid .ics of the meeting", async () => {
    const meeting = newMeeting("2027-02-11");
    const published = publishNotice("demo-samordnare", meeting.id);
    expect(published.ok && published.version.versionNo).toBe(1);

    const report = await deliverDueMail(viaSmtp());
    expect(report).toMatchObject({ sent: 5, retry: 0, failed: 0, uncertain: 0 });
    // One message each to every member and deputy: not the secretary, not a member whose
    // seat has ended, not a person without an address; nobody twice.
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual([...CALLED].sort());
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(5);

    for (const m of smtp.received) {
      expect(m.subject).toBe("Kallelse: Testgruppen 2027-02-11 kl. 13:00");
      expect(header(m.raw, "List-Unsubscribe")).toMatch(
        /^<http:\/\/localhost:\d+\/e-post\/avsluta\/[\w-]{32}\?typ=notice>$/,
      );
      expect(header(m.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
      const parts = mimeParts(m.raw);
      const text = parts.find((p) => p.contentType === "text/plain")!.body;
      expect(text).toContain("Du kallas till sammanträde med Testgruppen.");
      expect(text).toContain("Dag och tid: torsdag 2027-02-11 kl. 13:00–15:30");
      expect(text).toContain(`/moten/${meeting.id}/forhinder`);
      const html = parts.find((p) => p.contentType === "text/html")!.body;
      expect(html).toContain('<html lang="sv">');
      expect(html).toContain(`/moten/${meeting.id}/kallelse`);

      const ics = parts.find((p) => p.contentType === "text/calendar");
      expect(ics?.filename).toBe("mote.ics");
      const lines = ics!.body.split("\r\n");
      expect(lines[0]).toBe("BEGIN:VCALENDAR");
      expect(lines.at(-2)).toBe("END:VCALENDAR");
      expect(lines.at(-1)).toBe("");
      expect(ics!.body.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      expect(lines.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
      expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
      // The same UID as the meeting's own .ics download, so a calendar updates the event instead of adding one.
      expect(lines).toContain(`UID:meeting-${meeting.id}@localhost:3000`);
      expect(lines).toContain("DTSTART;TZID=Europe/Stockholm:20270211T130000");
      expect(lines).toContain("DTEND;TZID=Europe/Stockholm:20270211T153000");
      expect(lines).toContain("METHOD:PUBLISH");
    }
    // The addresses are each person's own: a message goes to one recipient only.
    expect(smtp.received.every((m) => m.to.length === 1 && header(m.raw, "To").includes(m.to[0]))).toBe(true);
  });

  it("sends a changed notice with what changed when a new version is published, once per version", async () => {
    const meeting = newMeeting("2027-03-11");
    publishNotice("demo-samordnare", meeting.id);
    addAgendaItem("demo-samordnare", meeting.id, decisionItem("Lokalfrågan i Berg"), null);
    publishNotice("demo-samordnare", meeting.id);
    await deliverDueMail(viaSmtp());
    const changed = smtp.received.filter((m) => m.subject.startsWith("Ändrad kallelse"));
    expect(changed).toHaveLength(5);
    const text = mimeParts(changed[0].raw).find((p) => p.contentType === "text/plain")!.body;
    expect(text).toContain("dagordning version 2");
    expect(text).toContain("Lokalfrågan i Berg");
    expect(
      db
        .select()
        .from(mailOutbox)
        .all()
        .map((r) => r.kind)
        .sort(),
    ).toEqual([...Array(5).fill("notice"), ...Array(5).fill("notice-change")]);
  });
});

describe("reminders", () => {
  it("go out once per deadline even when the job runs twice", async () => {
    const meeting = newMeeting("2027-04-20");
    // The deadline is 10 days before: 2027-04-10. Three days before it the reminder is due.
    expect(queueReminders("2027-04-06", "https://portal.example")).toBe(0);
    expect(queueReminders("2027-04-07", "https://portal.example")).toBe(5);
    expect(queueReminders("2027-04-07", "https://portal.example")).toBe(0);
    expect(queueReminders("2027-04-08", "https://portal.example")).toBe(0);
    await deliverDueMail(viaSmtp());
    await deliverDueMail(viaSmtp());
    expect(smtp.received).toHaveLength(5);
    expect(smtp.received[0].subject).toBe("Sista dag för förslag: Testgruppen 2027-04-20");
    const text = mimeParts(smtp.received[0].raw).find((p) => p.contentType === "text/plain")!.body;
    expect(text).toContain("2027-04-10 (om 3 dagar)");
    expect(text).toContain(`https://portal.example/moten/${meeting.id}/forslag`);
    // On the day itself: the second (last) reminder, also once.
    expect(queueReminders("2027-04-10", "https://portal.example")).toBe(5);
    expect(queueReminders("2027-04-10", "https://portal.example")).toBe(0);
    expect(queueReminders("2027-04-11", "https://portal.example")).toBe(0);
  });

  it("remind the assignee before the report-back date and when it is overdue", async () => {
    const a = db
      .insert(assignments)
      .values({
        collaborationId: world.collaborationId,
        title: "Ta fram en lokalplan",
        assigneeType: "person",
        assigneeId: person["Lena Ledamot"],
        dueDate: "2027-05-31",
      })
      .returning()
      .get();
    try {
      expect(queueReminders("2027-05-24", "https://portal.example")).toBe(1);
      expect(queueReminders("2027-05-24", "https://portal.example")).toBe(0);
      expect(queueReminders("2027-06-07", "https://portal.example")).toBe(1);
      await deliverDueMail(viaSmtp());
      expect(smtp.received.map((m) => [m.to[0], m.subject])).toEqual([
        ["lena@bracke.example", "Uppdrag att återrapportera: Ta fram en lokalplan"],
        ["lena@bracke.example", "Försenat uppdrag: Ta fram en lokalplan"],
      ]);
    } finally {
      db.delete(assignments).where(eq(assignments.id, a.id)).run();
    }
  });
});

describe("an assignment given to a party", () => {
  it("reminds its representative, and no one once the contact person belongs to another organisation", () => {
    const ifoChief = world.personIds["Ingrid IFO-chef Östersund"];
    const ostersund = db.select().from(people).where(eq(people.id, ifoChief)).get()!.organisationId!;
    const a = db
      .insert(assignments)
      .values({
        collaborationId: world.collaborationId,
        title: "Östersunds lokala plan",
        assigneeType: "party",
        assigneeId: ostersund,
        dueDate: "2027-05-31",
      })
      .returning()
      .get();
    const toHer = () =>
      db
        .select()
        .from(mailOutbox)
        .all()
        .filter((m) => m.personId === ifoChief && m.subject.endsWith("Östersunds lokala plan")).length;
    try {
      expect(queueReminders("2027-05-24", "https://portal.example")).toBe(1);
      expect(toHer()).toBe(1);
      // She has moved to the region; Östersund's page still names her until the coordinator chooses.
      db.update(people).set({ organisationId: world.organisationIds.region }).where(eq(people.id, ifoChief)).run();
      queueReminders("2027-06-07", "https://portal.example");
      expect(toHer()).toBe(1);
    } finally {
      db.update(people).set({ organisationId: ostersund }).where(eq(people.id, ifoChief)).run();
      db.delete(assignments).where(eq(assignments.id, a.id)).run();
    }
  });
});

describe("people decide what they get", () => {
  it("an unsubscribed person gets nothing of that kind, but still gets other kinds", async () => {
    const meeting = newMeeting("2027-05-06");
    publishNotice("demo-samordnare", meeting.id);
    await deliverDueMail(viaSmtp());
    const toErik = smtp.received.find((m) => m.to[0] === "erik@berg.example")!;
    const link = header(toErik.raw, "List-Unsubscribe").slice(1, -1);
    const url = new URL(link);
    const token = url.pathname.split("/").pop()!;
    expect(personByMailToken(token)?.personId).toBe(person["Erik Ersättare"]);
    expect(personByMailToken(token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"))).toBeUndefined();

    expect(unsubscribe(token, "notice-change")).toBe(true);
    const audit = db.select().from(auditLog).where(eq(auditLog.entityType, "mail_preferences")).all().at(-1)!;
    expect(JSON.parse(audit.after!)).toEqual({ "notice-change": "av" });

    smtp.received.length = 0;
    // A changed notice (an item added): a notice with nothing changed is not published again.
    addAgendaItem("demo-samordnare", meeting.id, decisionItem("Tillkommen punkt"), null);
    publishNotice("demo-samordnare", meeting.id);
    // Erik turned changed notices off; the proposal reminder is another kind and still reaches him.
    queueReminders("2027-04-23", "https://portal.example");
    await deliverDueMail(viaSmtp());
    const kinds = (address: string) => smtp.received.filter((m) => m.to[0] === address).map((m) => m.subject);
    expect(kinds("erik@berg.example")).toEqual(["Sista dag för förslag: Testgruppen 2027-05-06"]);
    expect(kinds("eva@are.example")).toEqual([
      "Ändrad kallelse: Testgruppen 2027-05-06",
      "Sista dag för förslag: Testgruppen 2027-05-06",
    ]);
    expect(preferencesOf(person["Erik Ersättare"]).find((p) => p.kind === "notice-change")?.delivery).toBe("av");
  });

  it("holds a kind chosen for the daily digest and sends it in one message once a day", async () => {
    setPreferences("demo-samordnare", person["Lena Ledamot"], { notice: "sammanfattning" });
    const first = newMeeting("2027-06-10");
    const second = newMeeting("2027-06-17");
    publishNotice("demo-samordnare", first.id);
    publishNotice("demo-samordnare", second.id);
    await deliverDueMail(viaSmtp());
    expect(smtp.received.filter((m) => m.to[0] === "lena@bracke.example")).toEqual([]);
    expect(smtp.received).toHaveLength(8);

    expect(queueDigests("2027-05-01", "https://portal.example")).toBe(1);
    expect(queueDigests("2027-05-01", "https://portal.example")).toBe(0);
    await deliverDueMail(viaSmtp());
    const digest = smtp.received.filter((m) => m.to[0] === "lena@bracke.example");
    expect(digest.map((m) => m.subject)).toEqual(["Sammanfattning 2027-05-01: 2 meddelanden"]);
    const text = mimeParts(digest[0].raw).find((p) => p.contentType === "text/plain")!.body;
    expect(text).toContain("Kallelse: Testgruppen 2027-06-10 kl. 13:00");
    expect(text).toContain("Kallelse: Testgruppen 2027-06-17 kl. 13:00");
    expect(db.select().from(mailOutbox).where(eq(mailOutbox.status, "i sammanfattning")).all()).toHaveLength(2);
  });
});

describe("recommendations to the parties' registrars", () => {
  it("send the recommendation with the extract and the answer link, reminders once, and the withdrawal", async () => {
    const berg = world.organisationIds.Berg;
    const bracke = world.organisationIds.Bräcke;
    db.update(parties)
      .set({ registrarEmail: "registrator@berg.example" })
      .where(eq(parties.organisationId, berg))
      .run();
    // Lena (of Bräcke) named Berg's contact person by mistake (the party page refuses it) does not
    // speak for Berg: she is not reminded of Berg's answer, and Berg has no representative to remind.
    db.update(parties).set({ contactPersonId: person["Lena Ledamot"] }).where(eq(parties.organisationId, berg)).run();
    const decision = createDecision("demo-samordnare", {
      bodyId: world.bodyIds.svom,
      meetingId: null,
      paragraph: 31,
      decidedOn: "2026-11-20",
      matterId: null,
      title: "Rekommendation om verksamhetsplan 2027",
      text: "SVOM rekommenderar parterna att godkänna verksamhetsplanen 2027.",
      kind: "rekommendation",
      isPublic: true,
    });
    const draft = createDraft("demo-samordnare", world.collaborationId, {
      title: "Verksamhetsplan 2027",
      summary: "Planen beskriver prioriteringarna.",
      ask: "Att godkänna verksamhetsplanen 2027.",
      answerDeadline: "2027-01-31",
      costYear: null,
      isPublic: true,
      matterId: null,
      agreementVersionId: null,
      organisationIds: [berg, bracke],
      partyDeadlines: new Map(),
    });
    const decided = decideRecommendation("demo-samordnare", draft.id, 1, decision.id, null);
    if (!decided.ok) throw new Error("not decided");
    const sent = sendRecommendation("demo-samordnare", draft.id, decided.row.version, "2026-11-23");
    if (!sent.ok) throw new Error("not sent");
    await deliverDueMail(viaSmtp());
    // Bräcke has no registrar address: only Berg's registrar gets the letter.
    expect(smtp.received.map((m) => [m.to[0], m.subject])).toEqual([
      ["registrator@berg.example", "Rekommendation: Verksamhetsplan 2027"],
    ]);
    const letter = mimeParts(smtp.received[0].raw).find((p) => p.contentType === "text/plain")!.body;
    expect(letter).toContain("Bergs kommun får härmed en rekommendation att ta ställning till och diarieföra.");
    expect(letter).toContain("Svara senast: 2027-01-31");
    expect(letter).toContain("Utdrag ur protokoll, Sociala vård- och omsorgsgruppen (SVOM) 2026-11-20 § 31:");
    expect(letter).toContain("SVOM rekommenderar parterna att godkänna verksamhetsplanen 2027.");
    expect(letter).toContain(`/rekommendationer/${draft.id}/svar/${berg}`);
    // A registrar's mailbox is the party's, not a person's: no unsubscribe link.
    expect(header(smtp.received[0].raw, "List-Unsubscribe")).toBe("");

    smtp.received.length = 0;
    // The scheduled job reminds every party not heard from (the demo's other recommendations
    // too); a second run the same day sends nothing.
    expect(queueRecommendationReminders("2027-01-20")).toBeGreaterThanOrEqual(2);
    expect(queueRecommendationReminders("2027-01-20")).toBe(0);
    expect(sendDueReminders("demo-samordnare", draft.id, "2027-01-20")).toEqual([]);
    await deliverDueMail(viaSmtp());
    const ours = smtp.received.filter((m) => m.subject.endsWith("Verksamhetsplan 2027"));
    // Bräcke's IFO chief is its contact person in the demo: its representative is reminded too.
    expect(ours.map((m) => [m.to[0], m.subject]).sort()).toEqual([
      ["ifo.chef.bracke@demo.example", "Påminnelse om svar: Verksamhetsplan 2027"],
      ["registrator@berg.example", "Påminnelse om svar på rekommendation: Verksamhetsplan 2027"],
    ]);

    smtp.received.length = 0;
    const current = db.select().from(recommendations).where(eq(recommendations.id, draft.id)).get()!;
    withdrawRecommendation("demo-samordnare", draft.id, current.version, "Planen görs om.", "2027-01-21");
    await deliverDueMail(viaSmtp());
    expect(smtp.received.map((m) => m.subject)).toEqual(["Återkallad rekommendation: Verksamhetsplan 2027"]);
    expect(mimeParts(smtp.received[0].raw).find((p) => p.contentType === "text/plain")!.body).toContain(
      "Skäl: Planen görs om.",
    );
  });
});

describe("minutes", () => {
  it("go to the signers who have not signed when sent for justering, and to the members once approved", async () => {
    const m = newMeeting("2026-11-20");
    startMinutes("demo-samordnare", m.id);
    const present = (name: string, adjuster = false) => ({
      personId: person[name],
      status: "närvarande" as const,
      substituteForPersonId: null,
      adjuster,
    });
    // Before the meeting is held and its signers chosen, there is nothing to send.
    expect(sendForSigning("demo-samordnare", m.id, "2026-11-20")).toMatchObject({ ok: false });
    expect(
      saveMinutes("demo-samordnare", m.id, 1, {
        actingChairPersonId: null,
        secretaryPersonId: null,
        adjustmentPlace: "Regionhuset",
        adjustmentDate: "2026-11-27",
        attendance: [
          present("Olle Ordförande"),
          present("Saga Sekreterare"),
          present("Lena Ledamot", true),
          present("Lars Ledamot"),
        ],
        items: [],
      }).ok,
    ).toBe(true);
    markHeld("demo-samordnare", m.id);
    expect(signMinutes("demo-samordnare", m.id, person["Olle Ordförande"], "2026-11-20")).toMatchObject({
      ok: true,
      approved: false,
    });
    expect(sendForSigning("demo-samordnare", m.id, "2026-11-20")).toEqual({ ok: true, queued: 2 });
    // Pressed twice on the same version: nothing more.
    expect(sendForSigning("demo-samordnare", m.id, "2026-11-20")).toEqual({ ok: true, queued: 0 });
    await deliverDueMail(viaSmtp());
    // The chair has signed already; the secretary and the elected justerare have not.
    expect(smtp.received.flatMap((r) => r.to).sort()).toEqual(["lena@bracke.example", "saga@region.example"]);
    const lena = smtp.received.find((r) => r.to[0] === "lena@bracke.example")!;
    expect(lena.subject).toBe("Protokoll att justera: Testgruppen 2026-11-20");
    const text = mimeParts(lena.raw).find((p) => p.contentType === "text/plain")!.body;
    expect(text).toContain("Du justerar som: justerare");
    expect(text).toContain("Justeras senast: 2026-11-27");
    expect(text).toContain(`/moten/${m.id}/protokoll`);
    const saga = smtp.received.find((r) => r.to[0] === "saga@region.example")!;
    expect(mimeParts(saga.raw).find((p) => p.contentType === "text/plain")!.body).toContain(
      "Du justerar som: sekreterare",
    );
    expect(db.select().from(auditLog).where(eq(auditLog.action, "send-for-signing")).all().at(-1)?.entityId).toBe(
      String(m.id),
    );

    smtp.received.length = 0;
    signMinutes("demo-samordnare", m.id, person["Lena Ledamot"], "2026-11-21");
    expect(db.select().from(mailOutbox).where(eq(mailOutbox.kind, "minutes-approved")).all()).toHaveLength(0);
    signMinutes("demo-samordnare", m.id, person["Saga Sekreterare"], "2026-11-21");
    await deliverDueMail(viaSmtp());
    // Every member and deputy of today; not a member whose seat has ended.
    expect(smtp.received.flatMap((r) => r.to).sort()).toEqual([...CALLED].sort());
    for (const r of smtp.received) {
      expect(r.subject).toBe("Justerat protokoll: Testgruppen 2026-11-20");
      expect(mimeParts(r.raw).find((p) => p.contentType === "text/plain")!.body).toContain(
        "Protokollet från Testgruppens möte 2026-11-20 justerades 2026-11-21.",
      );
    }
  });
});

describe("förhinder withdrawn", () => {
  it("gives the seat back: the serving deputy no longer serves, is told, and the attendance forgets both", async () => {
    const m = newMeeting("2027-03-10");
    const meeting = { id: m.id, bodyId, date: "2027-03-10" };
    expect(reportAbsence("demo-samordnare", meeting, person["Lena Ledamot"])).toEqual({ ok: true });
    expect(confirmServing("demo-samordnare", meeting, person["Erik Ersättare"], person["Lena Ledamot"])).toEqual({
      ok: true,
    });
    expect(
      attendanceOf(m.id)
        .map((a) => [a.personId, a.status])
        .sort(),
    ).toEqual(
      [
        [person["Lena Ledamot"], "frånvarande"],
        [person["Erik Ersättare"], "ersättare tjänstgör"],
      ].sort(),
    );
    await deliverDueMail(viaSmtp());
    smtp.received.length = 0;

    expect(withdrawAnswer("demo-samordnare", meeting, person["Lena Ledamot"])).toEqual({ ok: true });
    expect(responsesOf(m.id)).toEqual([]);
    expect(attendanceOf(m.id)).toEqual([]);
    expect(withdrawAnswer("demo-samordnare", meeting, person["Lena Ledamot"])).toMatchObject({ ok: false });
    await deliverDueMail(viaSmtp());
    expect(smtp.received.map((r) => [r.to[0], r.subject])).toEqual([
      ["erik@berg.example", "Ersättare behövs inte: Testgruppen 2027-03-10"],
    ]);
    expect(
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "withdraw"), eq(auditLog.entityType, "meeting_response")))
        .all()
        .map((a) => JSON.parse(a.before ?? "{}").answer)
        .sort(),
    ).toEqual(["förhinder", "tjänstgör"]);

    // Reported again: the deputies hear of it again.
    smtp.received.length = 0;
    reportAbsence("demo-samordnare", meeting, person["Lena Ledamot"]);
    await deliverDueMail(viaSmtp());
    expect(smtp.received.flatMap((r) => r.to).sort()).toEqual(["erik@berg.example", "eva@are.example"]);
  });
});
