import { describe, expect, it } from "vitest";
import {
  afterFailure,
  CHOOSABLE_MAIL_KINDS,
  deliveryFor,
  describeDaysLeft,
  dueReminderStep,
  isEmailAddress,
  isPermanentSmtpFailure,
  MAIL_DELIVERIES,
  MAIL_DELIVERY_LABELS,
  MAIL_KIND_LABELS,
  MAIL_KINDS,
  MAX_ATTEMPTS,
  parseMailAbout,
  REMINDER_STEPS,
  retryDelaySeconds,
  senderAddress,
  type MailAbout,
  type MailDelivery,
} from "~/domain/mail";

describe("retries", () => {
  it("back off exponentially and stop growing at 12 hours", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => retryDelaySeconds(n))).toEqual([
      60, 300, 900, 3600, 10800, 21600, 43200, 43200, 43200,
    ]);
  });
  it("spread with jitter by at most a fifth", () => {
    expect(retryDelaySeconds(1, 0.5)).toBe(66);
    expect(retryDelaySeconds(1, 5)).toBeLessThanOrEqual(72);
    expect(retryDelaySeconds(0)).toBe(60);
  });
  it("give up after the last attempt or on a permanent refusal", () => {
    const now = new Date("2026-11-23T10:00:00Z");
    expect(afterFailure(1, false, now)).toEqual({ status: "väntar", nextAttemptAt: "2026-11-23T10:01:00.000Z" });
    expect(afterFailure(MAX_ATTEMPTS - 1, false, now).status).toBe("väntar");
    expect(afterFailure(MAX_ATTEMPTS, false, now)).toEqual({ status: "misslyckat" });
    expect(afterFailure(1, true, now)).toEqual({ status: "misslyckat" });
  });
  it("treat 5xx as permanent and 4xx or no answer as passing", () => {
    expect(isPermanentSmtpFailure(550)).toBe(true);
    expect(isPermanentSmtpFailure(554)).toBe(true);
    expect(isPermanentSmtpFailure(451)).toBe(false);
    expect(isPermanentSmtpFailure(undefined)).toBe(false);
  });
});

describe("reminders", () => {
  const notice = REMINDER_STEPS.agreementNotice;
  it.each([
    [120, null],
    [91, null],
    [90, 90],
    [31, 90],
    [30, 30],
    [20, 30],
    [7, 7],
    [0, 7],
    [-1, null],
  ])("agreement notice deadline in %i days: step %s", (daysLeft, step) => {
    expect(dueReminderStep(daysLeft, notice.steps, notice.floor)).toBe(step);
  });

  it("remind before and after a recommendation's answer deadline, but not about old history", () => {
    const r = REMINDER_STEPS.recommendationAnswer;
    expect(dueReminderStep(15, r.steps, r.floor)).toBeNull();
    expect(dueReminderStep(14, r.steps, r.floor)).toBe(14);
    expect(dueReminderStep(2, r.steps, r.floor)).toBe(3);
    expect(dueReminderStep(0, r.steps, r.floor)).toBe(3);
    expect(dueReminderStep(-1, r.steps, r.floor)).toBe(-1);
    expect(dueReminderStep(-13, r.steps, r.floor)).toBe(-1);
    expect(dueReminderStep(-14, r.steps, r.floor)).toBe(-14);
    expect(dueReminderStep(-30, r.steps, r.floor)).toBe(-14);
    expect(dueReminderStep(-31, r.steps, r.floor)).toBeNull();
    expect(dueReminderStep(-400, r.steps, r.floor)).toBeNull();
  });

  it("remind of the proposal deadline three days before and on the day, never after", () => {
    const p = REMINDER_STEPS.proposalDeadline;
    expect([4, 3, 1, 0, -1].map((d) => dueReminderStep(d, p.steps, p.floor))).toEqual([null, 3, 3, 0, null]);
  });

  it("remind of an assignment a week before, on the day and a week late", () => {
    const a = REMINDER_STEPS.assignmentDue;
    expect([8, 7, 1, 0, -6, -7, -30, -31].map((d) => dueReminderStep(d, a.steps, a.floor))).toEqual([
      null,
      7,
      7,
      0,
      0,
      -7,
      -7,
      null,
    ]);
  });

  it("say how far a deadline is in plain Swedish", () => {
    expect([5, 1, 0, -1, -3].map(describeDaysLeft)).toEqual([
      "om 5 dagar",
      "i morgon",
      "i dag",
      "i går",
      "för 3 dagar sedan",
    ]);
  });
});

describe("preferences", () => {
  it("send at once unless the person chose otherwise", () => {
    expect(deliveryFor("notice", undefined)).toBe("direkt");
    expect(deliveryFor("notice", "av")).toBe("av");
    expect(deliveryFor("minutes-approved", "sammanfattning")).toBe("sammanfattning");
  });
  it("never let a person turn off an invitation, a reset they asked for, or the digest", () => {
    for (const kind of ["account-invitation", "password-reset", "digest"] as const) {
      for (const choice of MAIL_DELIVERIES) expect(deliveryFor(kind, choice as MailDelivery)).toBe("direkt");
      expect(CHOOSABLE_MAIL_KINDS).not.toContain(kind);
    }
  });
  it("label every kind and choice in Swedish", () => {
    for (const kind of MAIL_KINDS) expect(MAIL_KIND_LABELS[kind]).toMatch(/^[A-ZÅÄÖ]/);
    expect(Object.keys(MAIL_DELIVERY_LABELS)).toEqual([...MAIL_DELIVERIES]);
  });
});

describe("addresses", () => {
  it.each([
    ["ingrid@ostersund.se", true],
    ["Ingrid.Testsson+kallelse@region.jamtland.se", true],
    ["ingrid@localhost", false],
    ["ingrid ostersund.se", false],
    ["<ingrid@ostersund.se>", false],
    ["a@b.se, c@d.se", false],
    [`${"x".repeat(250)}@b.se`, false],
  ])("%s is an e-mail address: %s", (value, ok) => {
    expect(isEmailAddress(value)).toBe(ok);
  });
  it("reads the address out of a sender", () => {
    expect(senderAddress("Samverkansportalen <noreply@kommun.se>")).toBe("noreply@kommun.se");
    expect(senderAddress('"Mini-Maria, portalen" <portal@region.se>')).toBe("portal@region.se");
    expect(senderAddress("noreply@kommun.se")).toBe("noreply@kommun.se");
    expect(senderAddress("Samverkansportalen")).toBeNull();
  });
});

describe("what a message is about, read back from the outbox", () => {
  const written: MailAbout[] = [
    { type: "notice", meetingId: 12 },
    { type: "uncalled", meetingId: 12 },
    { type: "meeting", meetingId: 12, needs: ["propose:item"] },
    { type: "meeting", meetingId: 12, needs: ["sign:minutes"], published: false },
    { type: "recommendation", recommendationId: 3 },
    { type: "assignment", assignmentId: 12 },
    { type: "assignments", collaborationId: 1 },
    { type: "agreement" },
  ];
  it.each(written)("reads back what the portal wrote: %o", (about) => {
    expect(parseMailAbout(JSON.stringify(about))).toEqual({
      ...about,
      ...(about.type === "meeting" ? { needs: about.needs ?? [] } : {}),
    });
  });
  it("reads a meeting without needs as needing nothing more than its page", () => {
    expect(parseMailAbout('{"type":"meeting","meetingId":4}')).toEqual({ type: "meeting", meetingId: 4, needs: [] });
  });
  // Undefined: the sender sends it to nobody.
  it.each([
    "",
    "null",
    "[]",
    '"meeting"',
    '{"type":"mötet","meetingId":1}',
    '{"type":"notice"}',
    '{"type":"notice","meetingId":"12"}',
    '{"type":"notice","meetingId":0}',
    '{"type":"uncalled"}',
    '{"type":"notice","meetingId":1.5}',
    '{"type":"meeting","meetingId":1,"needs":["manage:meeting"]}',
    '{"type":"meeting","meetingId":1,"needs":"propose:item"}',
    '{"type":"meeting","meetingId":1,"published":"yes"}',
    '{"type":"recommendation","id":3}',
    '{"type":"assignments"}',
    '{"type":"assignment","assignmentId":-2}',
    '{"type":"assignment","collaborationId":2}',
  ])("refuses what it did not write: %s", (stored) => {
    expect(parseMailAbout(stored)).toBeUndefined();
  });
});
