/**
 * The outbox: every e-mail is a row written in the same transaction as the event that causes
 * it, by `enqueueMail(tx, …)`. Nothing here talks to a mail server; the sender
 * (app/jobs/mail-sender.server.ts) claims due rows one at a time and records the outcome.
 *
 * At most once per recipient and event: (event_key, to_address) is unique and a second
 * enqueue of the same pair does nothing. The Message-ID is fixed when the row is written.
 */
import crypto from "node:crypto";
import { and, asc, count, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { mailOutbox, people, users } from "../../db/schema";
import { withoutAccountLinks } from "~/domain/account-tokens";
import {
  afterFailure,
  goesWithoutAbout,
  isEmailAddress,
  type MailAbout,
  type MailKind,
  type OutboxStatus,
} from "~/domain/mail";
import type { MailContent } from "~/domain/mail-templates";
import type { PageRequest } from "~/domain/pagination";
import { db, write, type Db } from "~/utils/db.server";
import { mailFromAddress } from "~/utils/mail-transport.server";
import { recordAudit } from "./audit.server";
import { paginateQuery } from "./paging.server";

export interface MailRecipient {
  address: string;
  name: string;
  /** The person, when the recipient is one (preferences, digest, unsubscribe). */
  personId: number | null;
}

export interface MailToQueue {
  /** What caused the message, e.g. `notice:12:v1`; with the address it makes the message unique. */
  eventKey: string;
  kind: MailKind;
  to: MailRecipient;
  content: MailContent;
  attachments?: { filename: string; contentType: string; content: string }[];
  headers?: Record<string, string>;
  /** Held for the person's daily digest instead of being sent at once. */
  digest?: boolean;
  /** What it is about: the sender asks again whether the person may open it (notifyPeople sets it). */
  about?: MailAbout;
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** The background sender registers here to be woken when mail is queued (after the commit). */
export function onMailQueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The domain of our Message-IDs: the sender's, so they are unique to this portal. */
function messageIdDomain(): string {
  return mailFromAddress().split("@")[1];
}

/**
 * Writes one message to the outbox inside the caller's transaction `tx`, so it exists exactly
 * when the event does. Returns false when this recipient already has a message for the event
 * (or the address is not usable), true when it was queued.
 */
export function enqueueMail(tx: Db, mail: MailToQueue): boolean {
  const address = mail.to.address.trim().toLowerCase();
  if (!isEmailAddress(address)) return false;
  // The sender would send it to nobody (`mayStillOpen`): a message about an object names it.
  if (mail.to.personId !== null && !mail.about && !goesWithoutAbout(mail.kind))
    throw new Error(`A "${mail.kind}" message to a person must say what it is about.`);
  const inserted = tx
    .insert(mailOutbox)
    .values({
      eventKey: mail.eventKey,
      kind: mail.kind,
      toAddress: address,
      toName: mail.to.name,
      personId: mail.to.personId,
      subject: mail.content.subject.slice(0, 500),
      textBody: mail.content.text,
      htmlBody: mail.content.html,
      attachments: JSON.stringify(mail.attachments ?? []),
      headers: JSON.stringify(mail.headers ?? {}),
      messageId: `<${crypto.randomUUID()}@${messageIdDomain()}>`,
      nextAttemptAt: new Date().toISOString(),
      status: mail.digest ? "sammanfattning" : "väntar",
      about: mail.about ? JSON.stringify(mail.about) : null,
    })
    .onConflictDoNothing({ target: [mailOutbox.eventKey, mailOutbox.toAddress] })
    .returning({ id: mailOutbox.id })
    .get();
  // better-sqlite3 is synchronous: the transaction has committed (or rolled back) before this runs.
  if (inserted && !mail.digest) setImmediate(() => listeners.forEach((l) => l()));
  return inserted !== undefined;
}

/** The e-mail address of each person: their own, else their account's. People without one are left out. */
export function recipientsOf(tx: Db, personIds: number[]): MailRecipient[] {
  if (personIds.length === 0) return [];
  const rows = tx
    .select({ id: people.id, name: people.name, email: people.email, accountEmail: users.email })
    .from(people)
    .leftJoin(users, eq(users.personId, people.id))
    .where(inArray(people.id, [...new Set(personIds)]))
    .all();
  const seen = new Set<number>();
  const result: MailRecipient[] = [];
  for (const r of rows) {
    const address = (r.email || r.accountEmail || "").trim().toLowerCase();
    if (seen.has(r.id) || !isEmailAddress(address)) continue;
    seen.add(r.id);
    result.push({ address, name: r.name, personId: r.id });
  }
  return result;
}

// --- For the sender ---------------------------------------------------------------------------

export type OutboxRow = typeof mailOutbox.$inferSelect;

/** Whether any message is due now (a cheap check before a connection is opened). */
export function hasDueMail(now: Date): boolean {
  return (
    db()
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, "väntar"), lte(mailOutbox.nextAttemptAt, now.toISOString())))
      .limit(1)
      .get() !== undefined
  );
}

/**
 * Takes the next due message for `owner`: it becomes "skickas" with a lease, in one immediate
 * transaction, so two processes never take the same row. Committed before the SMTP
 * transaction starts: if the process dies after this, the row says so.
 */
export function claimNextDue(owner: string, via: "smtp" | "fil", now: Date, leaseMs: number): OutboxRow | undefined {
  return write((tx) => {
    const next = tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, "väntar"), lte(mailOutbox.nextAttemptAt, now.toISOString())))
      .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.id))
      .limit(1)
      .get();
    if (!next) return undefined;
    return tx
      .update(mailOutbox)
      .set({
        status: "skickas",
        claimedBy: owner,
        claimedUntil: new Date(now.getTime() + leaseMs).toISOString(),
        via,
        attempts: sql`${mailOutbox.attempts} + 1`,
      })
      .where(and(eq(mailOutbox.id, next.id), eq(mailOutbox.status, "väntar")))
      .returning()
      .get();
  });
}

export function markSent(id: number, owner: string, now: Date): void {
  write((tx) => {
    const row = tx
      .select({ kind: mailOutbox.kind, textBody: mailOutbox.textBody, htmlBody: mailOutbox.htmlBody })
      .from(mailOutbox)
      .where(eq(mailOutbox.id, id))
      .get();
    // A delivered invitation or reset keeps no working link in the outbox the administrator reads.
    const scrub = row && (row.kind === "account-invitation" || row.kind === "password-reset");
    tx.update(mailOutbox)
      .set({
        status: "skickat",
        sentAt: now.toISOString(),
        claimedBy: null,
        claimedUntil: null,
        lastError: "",
        ...(scrub ? { textBody: withoutAccountLinks(row.textBody), htmlBody: withoutAccountLinks(row.htmlBody) } : {}),
      })
      .where(and(eq(mailOutbox.id, id), eq(mailOutbox.claimedBy, owner)))
      .run();
  });
}

/**
 * Records a failed attempt. `refused`: the server answered with an error code, so the message
 * was certainly not accepted (retry with back-off, or give up when `permanent`). Otherwise the
 * connection died during the SMTP transaction: it may have arrived, so it is "osäkert".
 */
export function markFailed(
  row: OutboxRow,
  owner: string,
  outcome: { error: string; refused: boolean; permanent: boolean },
  now: Date,
): void {
  const next = outcome.refused
    ? afterFailure(row.attempts, outcome.permanent, now, Math.random())
    : { status: "osäkert" as const };
  write((tx) =>
    tx
      .update(mailOutbox)
      .set({
        ...next,
        lastError: outcome.error.slice(0, 500),
        claimedBy: null,
        claimedUntil: null,
      })
      .where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.claimedBy, owner)))
      .run(),
  );
}

/**
 * The relay could not be reached: nothing was handed over, so every due message waits with
 * back-off (each counts the attempt, so a relay that stays away ends in "misslyckat").
 */
export function deferDueMail(error: string, now: Date): number {
  return write((tx) => {
    const due = tx
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, "väntar"), lte(mailOutbox.nextAttemptAt, now.toISOString())))
      .all();
    for (const row of due) {
      const attempt = row.attempts + 1;
      tx.update(mailOutbox)
        .set({ ...afterFailure(attempt, false, now, Math.random()), attempts: attempt, lastError: error.slice(0, 500) })
        .where(eq(mailOutbox.id, row.id))
        .run();
    }
    return due.length;
  });
}

/**
 * Rows left "skickas" by a process that is gone (its lease ran out, or `isGone` says its process
 * has died). A message that was being written as a file is written again (the same file); one
 * that was in an SMTP transaction becomes "osäkert": never sent twice by itself.
 */
export function recoverAbandoned(now: Date, isGone: (owner: string) => boolean): number {
  const stuck = db()
    .select({ id: mailOutbox.id, claimedBy: mailOutbox.claimedBy, claimedUntil: mailOutbox.claimedUntil })
    .from(mailOutbox)
    .where(eq(mailOutbox.status, "skickas"))
    .all()
    .filter((r) => !r.claimedBy || (r.claimedUntil ?? "") < now.toISOString() || isGone(r.claimedBy));
  if (stuck.length === 0) return 0;
  return write((tx) => {
    let n = 0;
    for (const r of stuck) {
      n += tx
        .update(mailOutbox)
        .set({
          status: sql`case when ${mailOutbox.via} = 'fil' then 'väntar' else 'osäkert' end`,
          lastError: "Processen avbröts medan meddelandet lämnades över.",
          claimedBy: null,
          claimedUntil: null,
        })
        .where(
          and(
            eq(mailOutbox.id, r.id),
            eq(mailOutbox.status, "skickas"),
            r.claimedBy ? eq(mailOutbox.claimedBy, r.claimedBy) : isNull(mailOutbox.claimedBy),
          ),
        )
        .run().changes;
    }
    return n;
  });
}

/** The file name a message is written under when there is no relay (fixed by the row). */
export function emlFileName(row: Pick<OutboxRow, "id" | "kind">): string {
  return `${String(row.id).padStart(7, "0")}-${row.kind}.eml`;
}

// --- For the administrator ----------------------------------------------------------------------

/** One page of the outbox, newest first (by id: rows are written in order), optionally one status. */
export function pageOfOutbox(status: OutboxStatus | null, request: PageRequest) {
  const where = status ? eq(mailOutbox.status, status) : undefined;
  const order = [desc(mailOutbox.id)];
  return paginateQuery(request, { table: mailOutbox, id: mailOutbox.id, where, order }, (page) =>
    db()
      .select({
        id: mailOutbox.id,
        kind: mailOutbox.kind,
        toAddress: mailOutbox.toAddress,
        toName: mailOutbox.toName,
        subject: mailOutbox.subject,
        status: mailOutbox.status,
        attempts: mailOutbox.attempts,
        nextAttemptAt: mailOutbox.nextAttemptAt,
        via: mailOutbox.via,
        lastError: mailOutbox.lastError,
        sentAt: mailOutbox.sentAt,
        createdAt: mailOutbox.createdAt,
      })
      .from(mailOutbox)
      .where(page)
      .orderBy(...order),
  );
}

export function outboxCounts(): Partial<Record<OutboxStatus, number>> {
  const rows = db().select({ status: mailOutbox.status, n: count() }).from(mailOutbox).groupBy(mailOutbox.status).all();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export function getOutboxMessage(id: number) {
  return db().select().from(mailOutbox).where(eq(mailOutbox.id, id)).get();
}

/**
 * The administrator sends a message again that failed or whose delivery is uncertain (for
 * "osäkert" they have checked that it did not arrive). Audited.
 */
export function retryMessage(userId: string, id: number): boolean {
  return write((tx) => {
    const before = tx.select().from(mailOutbox).where(eq(mailOutbox.id, id)).get();
    if (!before || (before.status !== "osäkert" && before.status !== "misslyckat")) return false;
    tx.update(mailOutbox)
      .set({ status: "väntar", attempts: 0, nextAttemptAt: new Date().toISOString(), lastError: "" })
      .where(eq(mailOutbox.id, id))
      .run();
    recordAudit(tx, {
      userId,
      action: "retry",
      entityType: "mail",
      entityId: id,
      before: { status: before.status, to: before.toAddress, subject: before.subject },
      after: { status: "väntar" },
    });
    setImmediate(() => listeners.forEach((l) => l()));
    return true;
  });
}
