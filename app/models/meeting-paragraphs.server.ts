/**
 * What a § records beyond its decision text: proposals (yrkanden) by named members, the
 * procedure (acklamation or votering with each member's vote), jäv, reservations,
 * protokollsanteckningar, "expedieras till", and bordläggning or återremiss, which carries
 * the item to the body's next meeting with a link back. Every write is one immediate
 * transaction with its audit entry.
 */
import { and, asc, eq, gte, inArray } from "drizzle-orm";
import { agendaItems, decisions, itemMotions, itemPositions, meetings, minutes, people } from "../../db/schema";
import {
  carryOverTarget,
  isCarriedOver,
  isRegisterDecision,
  type DECISION_PROCEDURES,
  type ItemOutcome,
} from "~/domain/minutes";
import {
  carriedItemDescription,
  decisionTextAfter,
  isWorthRecording,
  voteRecordOf,
  type RecordedPosition,
} from "~/domain/minutes-paragraph";
import { paragraphStepRefusal } from "~/domain/minutes-steps";
import type { Actor } from "~/domain/policy";
import { db, write, type Db } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { bumpMeeting, decisionOfAgendaItem, insertItem, paragraphsOf } from "./meeting-agenda.server";
import { numberItems } from "./meeting-minutes.server";
import { asNoticedBy } from "./meeting-notice.server";

export interface ParagraphInput {
  procedure: (typeof DECISION_PROCEDURES)[number];
  outcome: ItemOutcome;
  dispatchTo: string;
  motions: { personId: number; text: string }[];
  positions: RecordedPosition[];
}

export function motionsOf(itemId: number) {
  return db()
    .select({ id: itemMotions.id, personId: itemMotions.personId, text: itemMotions.text })
    .from(itemMotions)
    .where(eq(itemMotions.agendaItemId, itemId))
    .orderBy(asc(itemMotions.id))
    .all();
}

export function positionsOf(itemId: number) {
  return db().select().from(itemPositions).where(eq(itemPositions.agendaItemId, itemId)).all();
}

/**
 * Everything a § records besides its text, per item id, with names (for the minutes and the
 * extract). The meeting an item was carried to is named by the day the `actor` was told
 * (`asNoticedBy`): it is a later meeting, often with a move not yet published.
 */
export function paragraphDetailsOf(actor: Actor | null, meetingId: number) {
  const items = db().select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).all();
  const ids = items.map((i) => i.id);
  const result = new Map<number, ReturnType<typeof detailsOf>>();
  if (!ids.length) return result;
  const motions = db()
    .select({ id: itemMotions.id, itemId: itemMotions.agendaItemId, text: itemMotions.text, name: people.name })
    .from(itemMotions)
    .innerJoin(people, eq(itemMotions.personId, people.id))
    .where(inArray(itemMotions.agendaItemId, ids))
    .orderBy(asc(itemMotions.id))
    .all();
  const positions = db()
    .select({ position: itemPositions, name: people.name })
    .from(itemPositions)
    .innerJoin(people, eq(itemPositions.personId, people.id))
    .where(inArray(itemPositions.agendaItemId, ids))
    .orderBy(asc(people.name))
    .all();
  const copies = asNoticedBy(
    actor,
    db()
      .select({ from: agendaItems.carriedFromItemId, id: meetings.id, bodyId: meetings.bodyId, date: meetings.date })
      .from(agendaItems)
      .innerJoin(meetings, eq(agendaItems.meetingId, meetings.id))
      .where(inArray(agendaItems.carriedFromItemId, ids))
      .all(),
  );
  const sources = items.filter((i) => i.carriedFromItemId !== null).map((i) => i.carriedFromItemId!);
  const origins = sources.length
    ? db()
        .select({
          id: agendaItems.id,
          meetingId: agendaItems.meetingId,
          date: meetings.date,
          paragraph: decisions.paragraph,
        })
        .from(agendaItems)
        .innerJoin(meetings, eq(agendaItems.meetingId, meetings.id))
        .leftJoin(decisions, eq(decisions.agendaItemId, agendaItems.id))
        .where(inArray(agendaItems.id, sources))
        .all()
    : [];
  function detailsOf(item: (typeof items)[number]) {
    const mine = positions.filter((p) => p.position.agendaItemId === item.id);
    const copy = copies.find((c) => c.from === item.id);
    const origin = origins.find((o) => o.id === item.carriedFromItemId);
    return {
      motions: motions.filter((m) => m.itemId === item.id).map((m) => ({ id: m.id, name: m.name, text: m.text })),
      vote: voteRecordOf(
        item.procedure,
        mine.map((p) => ({ name: p.name, vote: p.position.vote, disqualified: p.position.disqualified })),
      ),
      disqualified: mine.filter((p) => p.position.disqualified).map((p) => p.name),
      reservations: mine
        .filter((p) => p.position.reservation)
        .map((p) => ({ name: p.name, reason: p.position.reservationReason })),
      notes: mine.filter((p) => p.position.note).map((p) => ({ name: p.name, text: p.position.note })),
      carriedTo: copy ? { meetingId: copy.id, date: copy.date } : null,
      carriedFrom: origin ? { meetingId: origin.meetingId, date: origin.date, paragraph: origin.paragraph } : null,
      dispatchTo: item.dispatchTo,
    };
  }
  for (const item of items) result.set(item.id, detailsOf(item));
  return result;
}

/**
 * Where an item carried over from this meeting goes (`carryOverTarget`): the body's meetings
 * from this one's day on, with their minutes' status, so a locked agenda is never chosen.
 */
function carryOverTargetOf(tx: Db, meetingId: number) {
  const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
  const later = tx
    .select({ id: meetings.id, date: meetings.date, startTime: meetings.startTime, minutesStatus: minutes.status })
    .from(meetings)
    .leftJoin(minutes, eq(minutes.meetingId, meetings.id))
    .where(and(eq(meetings.bodyId, meeting.bodyId), gte(meetings.date, meeting.date)))
    .all()
    .map((m) => ({ ...m, minutes: m.minutesStatus === null ? null : { status: m.minutesStatus } }));
  return carryOverTarget(meeting, later);
}

export type ParagraphSaveResult =
  | { ok: true; carriedTo: { meetingId: number; date: string } | null; noNextMeeting: boolean }
  | { ok: false; locked: true; problem: string };

/**
 * Saves what the § records. An item bordlagd or återremitterad is carried to the body's next
 * meeting whose agenda can still change (once), before its closing item, with a link back to
 * this §; it is not a register decision here.
 */
export function saveParagraph(userId: string, meetingId: number, itemId: number, input: ParagraphInput) {
  return write((tx): ParagraphSaveResult => {
    const record = tx.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get();
    const item = tx
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
      .get();
    // Draft minutes, and a § not approved at the meeting: an approved § is in the register as approved.
    const refused = paragraphStepRefusal(record, item ? decisionOfAgendaItem(item.id, tx) : null);
    if (refused) return { ok: false, locked: true, problem: refused.message };
    if (!item) throw new Response("Punkten finns inte.", { status: 404 });
    numberItems(tx, userId, meetingId);
    const before = {
      procedure: item.procedure,
      outcome: item.outcome,
      dispatchTo: item.dispatchTo,
      motions: tx.select().from(itemMotions).where(eq(itemMotions.agendaItemId, itemId)).all(),
      positions: tx.select().from(itemPositions).where(eq(itemPositions.agendaItemId, itemId)).all(),
    };
    tx.delete(itemMotions).where(eq(itemMotions.agendaItemId, itemId)).run();
    tx.delete(itemPositions).where(eq(itemPositions.agendaItemId, itemId)).run();
    for (const m of input.motions)
      tx.insert(itemMotions)
        .values({ agendaItemId: itemId, ...m })
        .run();
    for (const p of input.positions)
      if (isWorthRecording(p))
        tx.insert(itemPositions)
          .values({ agendaItemId: itemId, ...p })
          .run();
    const carried = isCarriedOver(input.outcome);
    const decisionText = decisionTextAfter(input.outcome, item.decisionText);
    tx.update(agendaItems)
      .set({ procedure: input.procedure, outcome: input.outcome, dispatchTo: input.dispatchTo, decisionText })
      .where(eq(agendaItems.id, itemId))
      .run();
    tx.update(decisions)
      .set({
        text: decisionText,
        inRegister: isRegisterDecision({
          kind: item.kind,
          recordAsDecision: item.recordAsDecision,
          outcome: input.outcome,
        }),
      })
      .where(and(eq(decisions.agendaItemId, itemId), eq(decisions.meetingId, meetingId)))
      .run();
    let carriedTo: { meetingId: number; date: string } | null = null;
    let noNextMeeting = false;
    if (carried) {
      const existing = tx.select().from(agendaItems).where(eq(agendaItems.carriedFromItemId, itemId)).get();
      const next = existing ? null : carryOverTargetOf(tx, meetingId);
      if (existing) {
        const m = tx.select().from(meetings).where(eq(meetings.id, existing.meetingId)).get()!;
        carriedTo = { meetingId: m.id, date: m.date };
      } else if (next) {
        const paragraph = paragraphsOf(meetingId, tx).get(itemId);
        const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
        const copy = insertItem(tx, next.id, {
          title: item.title,
          kind: item.kind,
          presenter: item.presenter,
          minutesEstimate: item.minutesEstimate,
          description: carriedItemDescription({
            outcome: input.outcome as Exclude<ItemOutcome, "beslut">,
            meetingDate: meeting.date,
            paragraph: paragraph ?? null,
            description: item.description,
          }),
          proposedDecision: item.proposedDecision,
          confidential: item.confidential,
          confidentialReason: item.confidentialReason,
          matterId: item.matterId,
        });
        tx.update(agendaItems).set({ carriedFromItemId: itemId }).where(eq(agendaItems.id, copy.id)).run();
        bumpMeeting(tx, next.id);
        carriedTo = { meetingId: next.id, date: next.date };
      } else noNextMeeting = true;
    }
    recordAudit(tx, {
      userId,
      action: "update",
      entityType: "paragraph",
      entityId: itemId,
      before,
      after: { ...input, carriedTo },
    });
    return { ok: true, carriedTo, noNextMeeting };
  });
}
