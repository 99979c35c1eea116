/**
 * Notifying people: each person's choice per kind of message (at once, daily digest, off),
 * the unguessable token of their one-click unsubscribe links (RFC 8058), and `notifyPeople`,
 * which queues one message per person in the caller's transaction with those choices applied.
 */
import crypto from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { mailOutbox, mailPreferences, mailTokens, people } from "../../db/schema";
import {
  CHOOSABLE_MAIL_KINDS,
  deliveryFor,
  MAIL_KIND_LABELS,
  type MailAbout,
  type MailDelivery,
  type MailKind,
} from "~/domain/mail";
import { todayInStockholm } from "~/domain/format";
import { digestAttachments } from "~/domain/ics";
import { digestMail, type Footer, type MailContent } from "~/domain/mail-templates";
import { db, write, type Db } from "~/utils/db.server";
import { portalOrigin } from "~/utils/origin.server";
import { recordAudit } from "./audit.server";
import type { Actor } from "~/domain/policy";
import { mayOpenAbout, mayStillOpen } from "./mail-about.server";
import { enqueueMail, recipientsOf, type MailToQueue, type OutboxRow } from "./outbox.server";
import { actorOfPerson } from "./users.server";

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,64}$/;

/** The person's unsubscribe secret, made on first use (inside the caller's transaction). */
function tokenOf(tx: Db, personId: number): string {
  const existing = tx
    .select({ token: mailTokens.token })
    .from(mailTokens)
    .where(eq(mailTokens.personId, personId))
    .get();
  if (existing) return existing.token;
  const token = crypto.randomBytes(24).toString("base64url");
  tx.insert(mailTokens).values({ personId, token }).run();
  return token;
}

function storedDeliveries(tx: Db, personIds: number[], kind: MailKind): Map<number, MailDelivery> {
  if (personIds.length === 0) return new Map();
  return new Map(
    tx
      .select({ personId: mailPreferences.personId, delivery: mailPreferences.delivery })
      .from(mailPreferences)
      .where(and(inArray(mailPreferences.personId, personIds), eq(mailPreferences.kind, kind)))
      .all()
      .map((r) => [r.personId, r.delivery]),
  );
}

function unsubscribeUrl(origin: string, token: string, kind: MailKind): string {
  return `${origin}/e-post/avsluta/${token}?typ=${encodeURIComponent(kind)}`;
}

export interface Notification {
  /** What caused the messages; with the address it makes each message unique. */
  eventKey: string;
  kind: MailKind;
  personIds: number[];
  /** The portal's public origin, for the links. */
  origin: string;
  /** Why the person gets it, completing "Du får det här meddelandet eftersom …". */
  reason: string;
  /**
   * What the message is about: it goes only to those who may open that object's page (and
   * every page it links to), asked by `mayOpenAbout` with the rights the person has today, and
   * asked again when it is sent (docs/security.md, class 3).
   */
  about: MailAbout;
  /** The message to one recipient; `actor` for links that only some recipients may follow. */
  render: (name: string, footer: Footer, actor: Actor) => MailContent;
  attachments?: MailToQueue["attachments"];
}

/**
 * Queues the notification for every person with an address who may open what it is about
 * (`mayOpenAbout`), unless they turned the kind off; those who chose the daily digest get it held
 * for the digest. Returns how many were queued.
 */
export function notifyPeople(tx: Db, n: Notification): number {
  const today = todayInStockholm();
  const mayOpen = mayOpenAbout(n.about);
  const recipients = recipientsOf(tx, n.personIds)
    .map((to) => ({ to, actor: actorOfPerson(to.personId!, today) }))
    .filter(({ actor }) => mayOpen(actor));
  const stored = storedDeliveries(
    tx,
    recipients.map(({ to }) => to.personId!),
    n.kind,
  );
  let queued = 0;
  for (const { to, actor } of recipients) {
    const delivery = deliveryFor(n.kind, stored.get(to.personId!));
    if (delivery === "av") continue;
    const token = tokenOf(tx, to.personId!);
    const unsubscribe = unsubscribeUrl(n.origin, token, n.kind);
    const footer: Footer = {
      reason: n.reason,
      preferencesUrl: `${n.origin}/konto/e-post`,
      unsubscribeUrl: unsubscribe,
    };
    const sent = enqueueMail(tx, {
      eventKey: n.eventKey,
      kind: n.kind,
      to,
      content: n.render(to.name, footer, actor),
      attachments: n.attachments,
      headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      digest: delivery === "sammanfattning",
      about: n.about,
    });
    if (sent) queued++;
  }
  return queued;
}

// --- Preferences -----------------------------------------------------------------------------

/** Each choosable kind with the person's choice (none stored: at once). */
export function preferencesOf(personId: number): { kind: MailKind; label: string; delivery: MailDelivery }[] {
  const stored = new Map(
    db()
      .select({ kind: mailPreferences.kind, delivery: mailPreferences.delivery })
      .from(mailPreferences)
      .where(eq(mailPreferences.personId, personId))
      .all()
      .map((r) => [r.kind, r.delivery]),
  );
  return CHOOSABLE_MAIL_KINDS.map((kind) => ({
    kind,
    label: MAIL_KIND_LABELS[kind],
    delivery: deliveryFor(kind, stored.get(kind)),
  }));
}

function storeChoice(tx: Db, personId: number, kind: MailKind, delivery: MailDelivery) {
  tx.insert(mailPreferences)
    .values({ personId, kind, delivery })
    .onConflictDoUpdate({
      target: [mailPreferences.personId, mailPreferences.kind],
      set: { delivery, createdAt: new Date().toISOString() },
    })
    .run();
}

/** Saves the person's choices (audited: before and after). */
export function setPreferences(
  userId: string,
  personId: number,
  choices: Partial<Record<MailKind, MailDelivery>>,
): void {
  write((tx) => {
    const before = Object.fromEntries(preferencesOf(personId).map((p) => [p.kind, p.delivery]));
    const changed: Record<string, MailDelivery> = {};
    for (const kind of CHOOSABLE_MAIL_KINDS) {
      const delivery = choices[kind];
      if (!delivery || delivery === before[kind]) continue;
      storeChoice(tx, personId, kind, delivery);
      changed[kind] = delivery;
    }
    if (Object.keys(changed).length === 0) return;
    recordAudit(tx, {
      userId,
      action: "update",
      entityType: "mail_preferences",
      entityId: personId,
      before: Object.fromEntries(Object.keys(changed).map((k) => [k, before[k]])),
      after: changed,
    });
  });
}

/** Who a token belongs to (for the unsubscribe page); undefined for an unknown or malformed token. */
export function personByMailToken(token: string): { personId: number; name: string } | undefined {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  return db()
    .select({ personId: people.id, name: people.name })
    .from(mailTokens)
    .innerJoin(people, eq(people.id, mailTokens.personId))
    .where(eq(mailTokens.token, token))
    .get();
}

/**
 * One-click unsubscribe: the token's person gets no more messages of `kind` (audited without a
 * user: the link is the authority). Returns false for an unknown token or a kind that cannot be turned off.
 */
export function unsubscribe(token: string, kind: MailKind): boolean {
  const person = personByMailToken(token);
  if (!person || !CHOOSABLE_MAIL_KINDS.includes(kind)) return false;
  write((tx) => {
    const before = tx
      .select({ delivery: mailPreferences.delivery })
      .from(mailPreferences)
      .where(and(eq(mailPreferences.personId, person.personId), eq(mailPreferences.kind, kind)))
      .get();
    storeChoice(tx, person.personId, kind, "av");
    // Messages of the kind still held for the digest are not sent either.
    tx.update(mailOutbox)
      .set({ status: "misslyckat", lastError: "Mottagaren avslutade den här sortens e-post." })
      .where(
        and(
          eq(mailOutbox.personId, person.personId),
          eq(mailOutbox.kind, kind),
          eq(mailOutbox.status, "sammanfattning"),
        ),
      )
      .run();
    recordAudit(tx, {
      userId: null,
      action: "unsubscribe",
      entityType: "mail_preferences",
      entityId: person.personId,
      before: { [kind]: before?.delivery ?? "direkt" },
      after: { [kind]: "av" },
    });
  });
  return true;
}

// --- The daily digest ------------------------------------------------------------------------

function digestContent(name: string, day: string, held: OutboxRow[], origin: string): MailContent {
  return digestMail(
    name,
    day,
    held.map((r) => ({ subject: r.subject, text: r.textBody })),
    { reason: "du har valt en daglig sammanfattning", preferencesUrl: `${origin}/konto/e-post`, unsubscribeUrl: null },
  );
}

/**
 * What the held messages carried (a notice's or a withdrawal's calendar event): the digest
 * carries it too, else a withdrawal held for the digest would leave the event in the calendar.
 */
function attachmentsOf(held: OutboxRow[]): NonNullable<MailToQueue["attachments"]> {
  return digestAttachments(held.map((r) => JSON.parse(r.attachments) as NonNullable<MailToQueue["attachments"]>));
}

/**
 * Sends each person one message with everything held for their digest, once per day
 * (`digest:<person>:<day>` is its event key, so a second run the same day sends nothing more;
 * messages held after it wait for the next day). Returns the number of digests queued.
 */
export function queueDigests(today: string, origin: string): number {
  return write((tx) => {
    const held = tx
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.status, "sammanfattning"))
      .orderBy(asc(mailOutbox.personId), asc(mailOutbox.id))
      .all();
    const byPerson = new Map<number, typeof held>();
    for (const row of held) {
      if (row.personId === null) continue;
      byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row]);
    }
    let queued = 0;
    for (const [personId, rows] of byPerson) {
      const eventKey = `digest:${personId}:${today}`;
      const already = tx
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(and(eq(mailOutbox.eventKey, eventKey), eq(mailOutbox.personId, personId)))
        .get();
      if (already) continue;
      const to = { address: rows[0].toAddress, name: rows[0].toName, personId };
      const content = digestContent(to.name, today, rows, origin);
      const attachments = attachmentsOf(rows);
      if (!enqueueMail(tx, { eventKey, kind: "digest", to, content, attachments })) continue;
      const digest = tx
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(and(eq(mailOutbox.eventKey, eventKey), eq(mailOutbox.toAddress, to.address)))
        .get()!;
      tx.update(mailOutbox)
        .set({ status: "i sammanfattning", digestId: digest.id })
        .where(
          inArray(
            mailOutbox.id,
            rows.map((r) => r.id),
          ),
        )
        .run();
      queued++;
    }
    return queued;
  });
}

// --- Asked again when sent --------------------------------------------------------------------

/** Why a message about an object was not sent (shown on the coordinator's outbox page). */
export const NO_LONGER_READER = "Mottagaren får inte längre öppna det meddelandet gäller.";

/**
 * Asks the policy again, on `today` (the day the message is sent), whether the person of the
 * claimed `row` may open what it is about (`mayStillOpen`: the rule `notifyPeople` queued it
 * by): their seat may have ended, their role changed, the object changed while the message
 * waited for a retry or for the digest. A message they may no longer open becomes "misslyckat"
 * with `NO_LONGER_READER`; a digest is written again without such entries and is not sent when
 * none remain. Returns the row to send, or undefined. Rows without a person (a registrar's
 * mailbox) and rows of a kind about nothing the policy guards go as they are; a row of any
 * other kind that does not say what it is about goes to nobody (`mayStillOpen`).
 */
export function stillForItsReader(row: OutboxRow, owner: string, today: string): OutboxRow | undefined {
  const personId = row.personId;
  if (personId === null) return row;
  if (row.kind !== "digest") {
    if (mayStillOpen(row, personId, today)) return row;
    write((tx) => withhold(tx, [row.id], owner));
    return undefined;
  }
  const entries = db()
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.digestId, row.id), eq(mailOutbox.status, "i sammanfattning")))
    .orderBy(asc(mailOutbox.id))
    .all();
  const kept = entries.filter((e) => mayStillOpen(e, personId, today));
  if (kept.length === entries.length && kept.length > 0) return row;
  const lost = entries.filter((e) => !kept.includes(e)).map((e) => e.id);
  return write((tx) => {
    withhold(tx, lost, null);
    if (kept.length === 0) {
      withhold(tx, [row.id], owner);
      return undefined;
    }
    // The digest's day is in its event key, `digest:<person>:<day>`.
    const day = row.eventKey.split(":")[2] ?? today;
    const content = digestContent(row.toName, day, kept, portalOrigin());
    return tx
      .update(mailOutbox)
      .set({
        subject: content.subject.slice(0, 500),
        textBody: content.text,
        htmlBody: content.html,
        attachments: JSON.stringify(attachmentsOf(kept)),
      })
      .where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.claimedBy, owner)))
      .returning()
      .get();
  });
}

/** Not sent: the person may no longer open what it is about. `owner`: the claimed row's lease. */
function withhold(tx: Db, ids: number[], owner: string | null): void {
  if (ids.length === 0) return;
  tx.update(mailOutbox)
    .set({ status: "misslyckat", lastError: NO_LONGER_READER, claimedBy: null, claimedUntil: null, digestId: null })
    .where(and(inArray(mailOutbox.id, ids), owner === null ? undefined : eq(mailOutbox.claimedBy, owner)))
    .run();
}
