/**
 * Rules of the mail path (pure): the kinds of message the portal sends, what a person may
 * choose for each kind, the outbox's states, when a failed delivery is tried again, and
 * which reminder of a deadline is due on a given day. No clock: `today` and `now` are passed in.
 */
import { countOf } from "./format";

/** Every kind of message. The key is stored in the outbox and in preferences. */
export const MAIL_KINDS = [
  "notice",
  "notice-change",
  "proposal-deadline",
  "proposal-decided",
  "minutes-for-signing",
  "minutes-approved",
  "recommendation",
  "recommendation-reminder",
  "assignment-due",
  "agreement-notice-deadline",
  "absence",
  "digest",
  "account-invitation",
  "password-reset",
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** What the kind is called in the interface (preferences, admin list, unsubscribe page). */
export const MAIL_KIND_LABELS: Record<MailKind, string> = {
  notice: "Kallelser till möten",
  "notice-change": "Ändrade kallelser",
  "proposal-deadline": "Påminnelse om sista dag för förslag till dagordningen",
  "proposal-decided": "Besked om mina förslag till dagordningen",
  "minutes-for-signing": "Protokoll att justera",
  "minutes-approved": "Justerade protokoll",
  recommendation: "Rekommendationer till min organisation",
  "recommendation-reminder": "Påminnelser om svar på rekommendationer",
  "assignment-due": "Uppdrag som ska återrapporteras",
  "agreement-notice-deadline": "Avtalets sista dag för uppsägning",
  absence: "Förhinder och ersättare",
  digest: "Daglig sammanfattning",
  "account-invitation": "Inbjudan till konto",
  "password-reset": "Återställning av lösenord",
};

/**
 * Kinds a person cannot turn off: they answer the person's own request (a reset) or are
 * needed to get into the portal at all, and the digest is the carrier of the others.
 */
const ALWAYS_SENT: ReadonlySet<MailKind> = new Set(["account-invitation", "password-reset", "digest"]);

/**
 * The kinds about nothing the policy guards (an invitation, a password reset, the digest that
 * carries the others): their outbox rows keep no `about`. A message of any other kind to a
 * person is about an object only some may open, and must say which: a row of such a kind
 * without `about` (queued before migration 0032 kept it, and not derivable by 0036) is sent to
 * nobody, since "may they?" has no answer and an unanswered "may they?" is no.
 */
const ABOUT_NOTHING_GUARDED: ReadonlySet<MailKind> = new Set(["account-invitation", "password-reset", "digest"]);

/** Whether a message of `kind` to a person may be queued or sent without saying what it is about. */
export function goesWithoutAbout(kind: MailKind): boolean {
  return ABOUT_NOTHING_GUARDED.has(kind);
}

/** The kinds shown on the preferences page, in this order. */
export const CHOOSABLE_MAIL_KINDS = MAIL_KINDS.filter((k) => !ALWAYS_SENT.has(k));

/** A person's choice per kind: at once (the default), in the daily digest, or not at all. */
export const MAIL_DELIVERIES = ["direkt", "sammanfattning", "av"] as const;
export type MailDelivery = (typeof MAIL_DELIVERIES)[number];

export const MAIL_DELIVERY_LABELS: Record<MailDelivery, string> = {
  direkt: "Direkt",
  sammanfattning: "I en daglig sammanfattning",
  av: "Skicka inte",
};

/** How a message of `kind` reaches a person with the stored choice (none stored: at once). */
export function deliveryFor(kind: MailKind, stored: MailDelivery | undefined): MailDelivery {
  if (ALWAYS_SENT.has(kind)) return "direkt";
  return stored ?? "direkt";
}

/**
 * The life of an outbox row:
 * - väntar: to be delivered when `nextAttemptAt` has come;
 * - skickas: a process is handing it to the SMTP server right now (its lease says until when);
 * - skickat: the server accepted it (or the .eml file is written);
 * - misslyckat: refused for good, or still failing after MAX_ATTEMPTS;
 * - osäkert: the process died while the SMTP server was receiving it. Whether it arrived is
 *   unknown, so it is not sent again by itself (at most once); an administrator decides;
 * - sammanfattning: waits for the person's daily digest;
 * - i sammanfattning: went out inside a digest (`digestId`).
 */
export const OUTBOX_STATUSES = [
  "väntar",
  "skickas",
  "skickat",
  "misslyckat",
  "osäkert",
  "sammanfattning",
  "i sammanfattning",
] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Delivery attempts before a message is given up (about a day and a half of trying). */
export const MAX_ATTEMPTS = 8;

const RETRY_DELAYS_SECONDS = [60, 5 * 60, 15 * 60, 60 * 60, 3 * 60 * 60, 6 * 60 * 60, 12 * 60 * 60];

/**
 * Seconds to wait after failed attempt number `attempt` (1-based): exponential back-off,
 * capped at 12 hours. `jitter` in [0, 1) spreads retries of many messages (up to +20 %).
 */
export function retryDelaySeconds(attempt: number, jitter = 0): number {
  const base = RETRY_DELAYS_SECONDS[Math.min(Math.max(attempt, 1), RETRY_DELAYS_SECONDS.length) - 1];
  return Math.round(base * (1 + 0.2 * Math.min(Math.max(jitter, 0), 0.999)));
}

/** What to do after a failed attempt: try again later, or give up. */
export function afterFailure(
  attempt: number,
  permanent: boolean,
  now: Date,
  jitter = 0,
): { status: "väntar"; nextAttemptAt: string } | { status: "misslyckat" } {
  if (permanent || attempt >= MAX_ATTEMPTS) return { status: "misslyckat" };
  return {
    status: "väntar",
    nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(attempt, jitter) * 1000).toISOString(),
  };
}

/** SMTP reply codes 5xx are permanent (unknown mailbox, refused); 4xx and lost connections are not. */
export function isPermanentSmtpFailure(responseCode: number | undefined): boolean {
  return responseCode !== undefined && responseCode >= 500 && responseCode < 600;
}

/**
 * Which reminder of a deadline is due when `daysLeft` days remain (negative: overdue).
 * `steps` are the days before (positive) or after (negative) the deadline at which people are
 * reminded, e.g. [90, 30, 7]. The due step is the smallest step not below `daysLeft`, so a
 * portal that was down on the 30-day mark sends the 30-day reminder late once, never the
 * 90-day one too; the step is part of the reminder's key, so each goes out once. Nothing is
 * due before the first step or below `floor` (so old history is not reminded about).
 */
export function dueReminderStep(daysLeft: number, steps: readonly number[], floor: number): number | null {
  if (daysLeft < floor) return null;
  const candidates = steps.filter((s) => daysLeft <= s);
  return candidates.length ? Math.min(...candidates) : null;
}

/** Reminder steps (days before the deadline; negative: after) for each kind of deadline. */
export const REMINDER_STEPS = {
  /** The last day to propose agenda items: three days before it, and on the day. */
  proposalDeadline: { steps: [3, 0], floor: 0 },
  /** A recommendation's answer deadline: two weeks and three days before, then one and fourteen days late. */
  recommendationAnswer: { steps: [14, 3, -1, -14], floor: -30 },
  /** An assignment's report-back date: a week before, on the day, and a week late. */
  assignmentDue: { steps: [7, 0, -7], floor: -30 },
  /** The agreement's last day for notice of termination. */
  agreementNotice: { steps: [90, 30, 7], floor: 0 },
} as const;

/** "om 3 dagar", "i dag", "för 2 dagar sedan": how far a deadline is, in plain Swedish. */
export function describeDaysLeft(daysLeft: number): string {
  if (daysLeft === 0) return "i dag";
  if (daysLeft === 1) return "i morgon";
  if (daysLeft === -1) return "i går";
  if (daysLeft > 0) return `om ${countOf(daysLeft, "dag", "dagar")}`;
  return `för ${countOf(-daysLeft, "dag", "dagar")} sedan`;
}

/** A plausible e-mail address (one @, a dot in the domain, no spaces, at most 254 characters). */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/.test(value);
}

/** A sender such as `Samverkansportalen <noreply@example.se>` or a bare address; the address part. */
export function senderAddress(value: string): string | null {
  const match = /^\s*(?:"?([^"<>]*)"?\s*)?<([^<>]+)>\s*$/.exec(value);
  const address = (match ? match[2] : value).trim();
  return isEmailAddress(address) ? address : null;
}

/**
 * What a message is about, recorded on its outbox row so that the sender can ask the policy
 * again on the day it is sent (app/models/mail-about.server.ts holds the one question per type):
 * - notice: the notice of a meeting (or its change), the summons itself: for everyone called;
 * - uncalled: the notice withdrawn from someone a seat change no longer calls: for whoever is
 *   not called (still so when sent: called again, they get the notice instead); it links to
 *   nothing and names only the body and the day the notice told them;
 * - meeting: a meeting's page, and `needs` there (the proposal page asks `propose:item`);
 *   `published` when the page's state is fixed by the message (minutes to sign: a draft);
 * - recommendation, assignment, assignments (a collaboration's list), agreement: their pages
 *   (an assignment's page opens for the collaboration's participants and for whoever holds it).
 */
export type MailAbout =
  | { type: "notice"; meetingId: number }
  | { type: "uncalled"; meetingId: number }
  | { type: "meeting"; meetingId: number; needs?: MeetingNeed[]; published?: boolean }
  | { type: "recommendation"; recommendationId: number }
  | { type: "assignment"; assignmentId: number }
  | { type: "assignments"; collaborationId: number }
  | { type: "agreement" };

const MEETING_NEEDS = ["propose:item", "sign:minutes"] as const;
type MeetingNeed = (typeof MEETING_NEEDS)[number];

/**
 * The stored `about` read back. Undefined when it is not one the portal writes: the caller then
 * sends the message to nobody (an unreadable answer to "may they?" is no).
 */
export function parseMailAbout(stored: string): MailAbout | undefined {
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const id = (key: string) => (Number.isSafeInteger(v[key]) && (v[key] as number) > 0 ? (v[key] as number) : null);
  switch (v.type) {
    case "notice": {
      const meetingId = id("meetingId");
      return meetingId ? { type: "notice", meetingId } : undefined;
    }
    case "uncalled": {
      const meetingId = id("meetingId");
      return meetingId ? { type: "uncalled", meetingId } : undefined;
    }
    case "meeting": {
      const meetingId = id("meetingId");
      const needs = v.needs ?? [];
      const needsOk = Array.isArray(needs) && needs.every((n) => (MEETING_NEEDS as readonly unknown[]).includes(n));
      if (!meetingId || !needsOk || (v.published !== undefined && typeof v.published !== "boolean")) return undefined;
      return {
        type: "meeting",
        meetingId,
        needs: needs as MeetingNeed[],
        ...(typeof v.published === "boolean" ? { published: v.published } : {}),
      };
    }
    case "recommendation": {
      const recommendationId = id("recommendationId");
      return recommendationId ? { type: "recommendation", recommendationId } : undefined;
    }
    case "assignment": {
      const assignmentId = id("assignmentId");
      return assignmentId ? { type: "assignment", assignmentId } : undefined;
    }
    case "assignments": {
      const collaborationId = id("collaborationId");
      return collaborationId ? { type: "assignments", collaborationId } : undefined;
    }
    case "agreement":
      return { type: "agreement" };
    default:
      return undefined;
  }
}
