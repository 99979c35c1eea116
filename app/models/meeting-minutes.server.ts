/**
 * Minutes (protokoll): the draft, § numbering and the decision rows, signatures (justering)
 * and corrections of approved minutes. Every write is one immediate transaction with its
 * audit entry.
 */
import { and, asc, eq, max } from "drizzle-orm";
import {
  agendaItems,
  attendance,
  decisions,
  meetings,
  minutes,
  minutesRevisions,
  minutesSignatures,
  people,
  users,
} from "../../db/schema";
import { assignParagraphs, isFullySigned, requiredSigners } from "~/domain/meetings";
import { isRegisterDecision } from "~/domain/minutes";
import { db, write, type Db } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { paragraphsOf } from "./meeting-agenda.server";
import { chairsOn, type AttendanceRow } from "./meeting-attendance.server";

export function minutesOf(meetingId: number) {
  return db().select().from(minutes).where(eq(minutes.meetingId, meetingId)).get();
}

/** Numbers every item not yet numbered (§ per body and year) and creates its decision row. */
function numberItems(tx: Db, userId: string, meetingId: number) {
  const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
  const year = Number(meeting.date.slice(0, 4));
  const items = tx
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position))
    .all();
  const existing = paragraphsOf(meetingId, tx);
  const last =
    tx
      .select({ n: max(decisions.paragraph) })
      .from(decisions)
      .where(and(eq(decisions.bodyId, meeting.bodyId), eq(decisions.year, year)))
      .get()?.n ?? 0;
  const numbered = assignParagraphs(
    items.map((i) => i.id),
    existing,
    last,
  );
  for (const item of items) {
    if (existing.has(item.id)) continue;
    tx.insert(decisions)
      .values({
        bodyId: meeting.bodyId,
        meetingId,
        agendaItemId: item.id,
        paragraph: numbered.get(item.id)!,
        year,
        decidedOn: meeting.date,
        matterId: item.matterId,
        title: item.title,
        text: item.decisionText,
        kind: item.kind === "rekommendation till parterna" ? "rekommendation" : "beslut",
        isPublic: meeting.isPublic && !item.confidential,
        approval: "utkast",
        inRegister: isRegisterDecision(item),
        createdBy: userId,
      })
      .run();
  }
}

/** Starts the minutes: a draft, the meeting marked held, every item numbered. */
export function startMinutes(userId: string, meetingId: number) {
  write((tx) => {
    if (tx.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get()) return;
    tx.insert(minutes).values({ meetingId }).run();
    tx.update(meetings).set({ status: "genomfört" }).where(eq(meetings.id, meetingId)).run();
    numberItems(tx, userId, meetingId);
    recordAudit(tx, {
      userId,
      action: "create",
      entityType: "minutes",
      entityId: meetingId,
      after: { status: "utkast" },
    });
  });
}

export interface MinutesItemInput {
  id: number;
  minutesNote: string;
  decisionText: string;
  /** Information, discussion, report-back: the secretary records the § as a register decision. */
  recordAsDecision: boolean;
  /** The § was approved at the meeting (omedelbar justering). */
  approvedImmediately: boolean;
}

export interface MinutesInput {
  attendance: AttendanceRow[];
  items: MinutesItemInput[];
}

/** The § that were approved immediately (their text is locked in the draft). */
export function immediatelyApprovedItemIds(meetingId: number): Set<number> {
  return new Set(
    db()
      .select({ itemId: decisions.agendaItemId })
      .from(decisions)
      .where(and(eq(decisions.meetingId, meetingId), eq(decisions.approvedImmediately, true)))
      .all()
      .map((r) => r.itemId!),
  );
}

/** Saves the draft minutes if nobody saved since `expectedVersion`. */
export function saveMinutes(userId: string, meetingId: number, expectedVersion: number, input: MinutesInput) {
  return write((tx) => {
    const current = tx.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get();
    if (!current) throw new Response("Protokollet är inte påbörjat.", { status: 400 });
    if (current.status === "justerat") return { ok: false as const, locked: true as const };
    if (current.version !== expectedVersion)
      return { ok: false as const, locked: false as const, conflict: current.version };
    const beforeItems = tx.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).all();
    const beforeAttendance = tx.select().from(attendance).where(eq(attendance.meetingId, meetingId)).all();
    tx.delete(attendance).where(eq(attendance.meetingId, meetingId)).run();
    for (const row of input.attendance)
      tx.insert(attendance)
        .values({ meetingId, ...row })
        .run();
    numberItems(tx, userId, meetingId);
    const approvedAt = new Date().toISOString();
    for (const item of input.items) {
      const row = beforeItems.find((i) => i.id === item.id);
      const decision = tx
        .select()
        .from(decisions)
        .where(and(eq(decisions.agendaItemId, item.id), eq(decisions.meetingId, meetingId)))
        .get();
      // A § approved immediately is the record already: the draft no longer changes it.
      if (!row || !decision || decision.approvedImmediately) continue;
      tx.update(agendaItems)
        .set({
          minutesNote: item.minutesNote,
          decisionText: item.decisionText,
          recordAsDecision: item.recordAsDecision,
        })
        .where(eq(agendaItems.id, item.id))
        .run();
      tx.update(decisions)
        .set({
          text: item.decisionText,
          inRegister: isRegisterDecision({ kind: row.kind, recordAsDecision: item.recordAsDecision }),
          ...(item.approvedImmediately ? { approvedImmediately: true, approval: "justerat" as const, approvedAt } : {}),
        })
        .where(eq(decisions.id, decision.id))
        .run();
    }
    tx.update(minutes)
      .set({ version: current.version + 1 })
      .where(eq(minutes.meetingId, meetingId))
      .run();
    recordAudit(tx, {
      userId,
      action: "update",
      entityType: "minutes",
      entityId: meetingId,
      before: {
        attendance: beforeAttendance,
        items: beforeItems.map((i) => ({
          id: i.id,
          minutesNote: i.minutesNote,
          decisionText: i.decisionText,
          recordAsDecision: i.recordAsDecision,
        })),
      },
      after: input,
    });
    return { ok: true as const };
  });
}

export function signaturesOf(meetingId: number) {
  return db()
    .select({
      personId: minutesSignatures.personId,
      role: minutesSignatures.role,
      signedAt: minutesSignatures.signedAt,
      name: people.name,
    })
    .from(minutesSignatures)
    .innerJoin(people, eq(minutesSignatures.personId, people.id))
    .where(eq(minutesSignatures.meetingId, meetingId))
    .orderBy(asc(minutesSignatures.id))
    .all();
}

/** Records one signature; when the chair and every adjuster have signed, the minutes are approved and locked. */
export function signMinutes(userId: string, meetingId: number, personId: number, role: "ordförande" | "justerare") {
  return write((tx) => {
    const current = tx.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get();
    if (!current || current.status === "justerat") return { approved: current?.status === "justerat" };
    const already = tx
      .select()
      .from(minutesSignatures)
      .where(and(eq(minutesSignatures.meetingId, meetingId), eq(minutesSignatures.personId, personId)))
      .get();
    if (!already) tx.insert(minutesSignatures).values({ meetingId, personId, role, signedBy: userId }).run();
    recordAudit(tx, { userId, action: "sign", entityType: "minutes", entityId: meetingId, after: { personId, role } });
    const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
    const adjusters = tx
      .select()
      .from(attendance)
      .where(and(eq(attendance.meetingId, meetingId), eq(attendance.adjuster, true)))
      .all()
      .map((a) => a.personId);
    const required = requiredSigners(chairsOn(meeting.bodyId, meeting.date), adjusters);
    const signed = tx
      .select()
      .from(minutesSignatures)
      .where(eq(minutesSignatures.meetingId, meetingId))
      .all()
      .map((s) => s.personId);
    if (!isFullySigned(required, signed)) return { approved: false };
    const approvedAt = new Date().toISOString();
    tx.update(minutes)
      .set({ status: "justerat", approvedAt, version: current.version + 1 })
      .where(eq(minutes.meetingId, meetingId))
      .run();
    tx.update(meetings).set({ status: "protokoll justerat" }).where(eq(meetings.id, meetingId)).run();
    // The meeting's decisions enter the register (those approved immediately already have).
    tx.update(decisions)
      .set({ approval: "justerat", approvedAt })
      .where(and(eq(decisions.meetingId, meetingId), eq(decisions.approval, "utkast")))
      .run();
    recordAudit(tx, {
      userId,
      action: "approve",
      entityType: "minutes",
      entityId: meetingId,
      before: { status: "utkast" },
      after: { status: "justerat", approvedAt },
    });
    return { approved: true };
  });
}

/** A correction of approved minutes: a recorded revision with a reason; nothing is overwritten silently. */
export function correctMinutes(
  userId: string,
  meetingId: number,
  itemId: number,
  decisionText: string,
  minutesNote: string,
  reason: string,
) {
  return write((tx) => {
    const item = tx
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
      .get();
    if (!item) throw new Response("Punkten finns inte.", { status: 404 });
    const before = { decisionText: item.decisionText, minutesNote: item.minutesNote };
    const after = { decisionText, minutesNote };
    tx.update(agendaItems).set(after).where(eq(agendaItems.id, itemId)).run();
    tx.update(decisions)
      .set({ text: decisionText })
      .where(and(eq(decisions.agendaItemId, itemId), eq(decisions.meetingId, meetingId)))
      .run();
    const revision = tx
      .insert(minutesRevisions)
      .values({
        meetingId,
        agendaItemId: itemId,
        reason,
        before: JSON.stringify(before),
        after: JSON.stringify(after),
        createdBy: userId,
      })
      .returning()
      .get();
    recordAudit(tx, {
      userId,
      action: "correct",
      entityType: "minutes",
      entityId: meetingId,
      before,
      after: { ...after, reason },
    });
    return revision;
  });
}

export function revisionsOf(meetingId: number) {
  return db()
    .select({
      id: minutesRevisions.id,
      agendaItemId: minutesRevisions.agendaItemId,
      reason: minutesRevisions.reason,
      before: minutesRevisions.before,
      after: minutesRevisions.after,
      createdAt: minutesRevisions.createdAt,
      by: users.email,
    })
    .from(minutesRevisions)
    .innerJoin(users, eq(minutesRevisions.createdBy, users.id))
    .where(eq(minutesRevisions.meetingId, meetingId))
    .orderBy(asc(minutesRevisions.id))
    .all();
}
