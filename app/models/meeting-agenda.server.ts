/**
 * The agenda (dagordning) of a meeting: its items, their documents and their order.
 * Every write is one immediate transaction with its audit entry.
 */
import { and, asc, eq, gte, isNotNull, sql } from "drizzle-orm";
import { agendaItemFiles, agendaItems, decisions, files, itemProposals, meetings, minutes } from "../../db/schema";
import {
  agendaChangeRefusal,
  immediatelyApprovedRefusal,
  itemRemovalRefusal,
  moveItem,
  positionForNewItem,
  type ValidAgendaItem,
} from "~/domain/meetings";
import { draftDecisionOf } from "~/domain/minutes";
import { db, preparedQuery, write, type Db } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { standardItemsOf } from "./bodies.server";
import type { stageFiles } from "./files.server";
import { saveVersioned } from "./versioned.server";

type Staged = ReturnType<typeof stageFiles>;

/**
 * The standard items a new meeting of the body starts with, in order: the body's own list
 * (body_standard_items), kept by the coordinator on the body's edit page.
 */
export function standardItemsForNewMeeting(tx: Db, bodyId: number) {
  return standardItemsOf(bodyId, tx).map((i) => ({ key: i.key, title: i.title, kind: i.kind }));
}

const itemsOfMeeting = preparedQuery((d) =>
  d
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, sql.placeholder("meetingId")))
    .orderBy(asc(agendaItems.position))
    .prepare(),
);

const filesOfMeetingItems = preparedQuery((d) =>
  d
    .select({ itemId: agendaItemFiles.agendaItemId, file: files })
    .from(agendaItems)
    .innerJoin(agendaItemFiles, eq(agendaItemFiles.agendaItemId, agendaItems.id))
    .innerJoin(files, eq(agendaItemFiles.fileId, files.id))
    .where(eq(agendaItems.meetingId, sql.placeholder("meetingId")))
    .orderBy(asc(agendaItemFiles.agendaItemId), asc(agendaItemFiles.fileId))
    .prepare(),
);

const paragraphsOfMeeting = preparedQuery((d) =>
  d
    .select({ itemId: decisions.agendaItemId, paragraph: decisions.paragraph })
    .from(decisions)
    .where(and(eq(decisions.meetingId, sql.placeholder("meetingId")), isNotNull(decisions.agendaItemId)))
    .prepare(),
);

/** The meeting's items in order with their files and § numbers (prepared statements: every meeting page reads it). */
export function agendaOf(meetingId: number) {
  const items = itemsOfMeeting().all({ meetingId });
  const links = items.length ? filesOfMeetingItems().all({ meetingId }) : [];
  const paragraphs = paragraphsOf(meetingId);
  return items.map((item) => ({
    ...item,
    files: links.filter((l) => l.itemId === item.id).map((l) => l.file),
    paragraph: paragraphs.get(item.id) ?? null,
  }));
}

export type AgendaItem = ReturnType<typeof agendaOf>[number];

export function getAgendaItem(id: number) {
  return db().select().from(agendaItems).where(eq(agendaItems.id, id)).get();
}

/** The § numbers given to the meeting's items so far (item id → §). */
export function paragraphsOf(meetingId: number, conn: Db = db()): Map<number, number> {
  // A transaction runs on the one connection (`write` hands it on), so the prepared statement serves it too.
  const rows =
    conn === db()
      ? paragraphsOfMeeting().all({ meetingId })
      : conn
          .select({ itemId: decisions.agendaItemId, paragraph: decisions.paragraph })
          .from(decisions)
          .where(and(eq(decisions.meetingId, meetingId), isNotNull(decisions.agendaItemId)))
          .all();
  return new Map(rows.filter((r) => r.itemId !== null && r.paragraph !== null).map((r) => [r.itemId!, r.paragraph!]));
}

/**
 * An agenda change: the meeting's version (the agenda's lock) and its calendar sequence go up.
 * Every agenda write calls this in its transaction, so it is where a locked agenda (approved
 * minutes, `agendaChangeRefusal`) refuses the change, whatever the page checked before: the
 * whole write is rolled back with a 409.
 */
export function bumpMeeting(tx: Db, meetingId: number) {
  const refused = agendaChangeRefusal(tx.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get());
  if (refused) throw new Response(refused, { status: 409 });
  tx.update(meetings)
    .set({ version: sql`${meetings.version} + 1`, calendarSequence: sql`${meetings.calendarSequence} + 1` })
    .where(eq(meetings.id, meetingId))
    .run();
}

/** Inserts an item before the closing item (if there is one), moving the later items down. */
export function insertItem(tx: Db, meetingId: number, value: ValidAgendaItem) {
  const existing = tx
    .select({ position: agendaItems.position, standard: agendaItems.standard })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .all();
  const { position, shiftFrom } = positionForNewItem(existing);
  if (shiftFrom !== null)
    tx.update(agendaItems)
      .set({ position: sql`${agendaItems.position} + 1` })
      .where(and(eq(agendaItems.meetingId, meetingId), gte(agendaItems.position, shiftFrom)))
      .run();
  return tx
    .insert(agendaItems)
    .values({ meetingId, position, ...value })
    .returning()
    .get();
}

export function addAgendaItem(userId: string, meetingId: number, value: ValidAgendaItem, staged: Staged | null) {
  return write((tx) => {
    const item = insertItem(tx, meetingId, value);
    for (const f of staged?.insert(tx, userId) ?? [])
      tx.insert(agendaItemFiles).values({ agendaItemId: item.id, fileId: f.id }).run();
    bumpMeeting(tx, meetingId);
    recordAudit(tx, { userId, action: "create", entityType: "agenda_item", entityId: item.id, after: item });
    return item;
  });
}

/** The decision row the minutes gave an item (its §), or undefined before they numbered it. */
export function decisionOfAgendaItem(itemId: number, conn: Db = db()) {
  return conn.select().from(decisions).where(eq(decisions.agendaItemId, itemId)).get();
}

/**
 * Copies an edited item into its decision row while the § is a draft (`draftDecisionOf`), so
 * the register never keeps a title, matter or publicity the minutes no longer have.
 */
function syncDraftDecision(tx: Db, userId: string, itemId: number) {
  const decision = decisionOfAgendaItem(itemId, tx);
  if (!decision || decision.approval !== "utkast") return;
  const item = tx.select().from(agendaItems).where(eq(agendaItems.id, itemId)).get()!;
  const meeting = tx.select().from(meetings).where(eq(meetings.id, item.meetingId)).get()!;
  const copy = draftDecisionOf(item, meeting);
  const changed = (Object.keys(copy) as (keyof typeof copy)[]).some((k) => decision[k] !== copy[k]);
  if (!changed) return;
  const after = tx.update(decisions).set(copy).where(eq(decisions.id, decision.id)).returning().get();
  // The register row is a record of its own: its change is logged with before and after.
  recordAudit(tx, { userId, action: "update", entityType: "decision", entityId: decision.id, before: decision, after });
}

export function updateAgendaItem(
  userId: string,
  itemId: number,
  expectedVersion: number,
  value: ValidAgendaItem,
  staged: Staged | null,
) {
  return write((tx) => {
    // A § approved at the meeting is the record: its item no longer changes (409, as a locked agenda).
    const refused = immediatelyApprovedRefusal(decisionOfAgendaItem(itemId, tx));
    if (refused) throw new Response(refused, { status: 409 });
    const saved = saveVersioned(tx, agendaItems, itemId, expectedVersion, value, {
      userId,
      entityType: "agenda_item",
      missing: "Punkten finns inte.",
    });
    if (!saved.ok) return saved;
    for (const f of staged?.insert(tx, userId) ?? [])
      tx.insert(agendaItemFiles).values({ agendaItemId: itemId, fileId: f.id }).run();
    bumpMeeting(tx, saved.before.meetingId);
    syncDraftDecision(tx, userId, itemId);
    return saved;
  });
}

export function moveAgendaItem(userId: string, meetingId: number, itemId: number, direction: "up" | "down") {
  write((tx) => {
    const items = tx
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))
      .orderBy(asc(agendaItems.position))
      .all();
    const before = items.map((i) => i.id);
    const after = moveItem(before, itemId, direction);
    after.forEach((id, index) =>
      tx
        .update(agendaItems)
        .set({ position: index + 1 })
        .where(eq(agendaItems.id, id))
        .run(),
    );
    bumpMeeting(tx, meetingId);
    recordAudit(tx, { userId, action: "update", entityType: "agenda_order", entityId: meetingId, before, after });
  });
}

export function removeAgendaItem(userId: string, itemId: number) {
  write((tx) => {
    const before = tx.select().from(agendaItems).where(eq(agendaItems.id, itemId)).get();
    if (!before) return;
    const refused = itemRemovalRefusal(before, decisionOfAgendaItem(itemId, tx));
    if (refused) throw new Response(refused, { status: 409 });
    tx.delete(agendaItemFiles).where(eq(agendaItemFiles.agendaItemId, itemId)).run();
    tx.update(itemProposals).set({ agendaItemId: null }).where(eq(itemProposals.agendaItemId, itemId)).run();
    tx.delete(agendaItems).where(eq(agendaItems.id, itemId)).run();
    bumpMeeting(tx, before.meetingId);
    recordAudit(tx, { userId, action: "delete", entityType: "agenda_item", entityId: itemId, before });
  });
}
