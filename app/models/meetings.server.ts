/**
 * Meetings themselves: lookup, lists, creation and changes of time and place. The agenda,
 * notice, proposals, attendance, minutes and extracts live in their own meeting-*.server.ts
 * modules. Every write is one immediate transaction with its audit entry.
 */
import { and, asc, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { agendaItems, bodies, decisions, meetings, minutes } from "../../db/schema";
import { afterChange } from "~/domain/calendar-sequence";
import { meetingMoveRefusal, type RecordStage, type ValidMeeting } from "~/domain/meetings";
import type { PageRequest } from "~/domain/pagination";
import type { Actor } from "~/domain/policy";
import { readScopeOf } from "~/domain/read-scope";
import { db, preparedQuery, write } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { clearExample } from "./example-facts.server";
import { asNoticedBy } from "./meeting-notice.server";
import { standardItemsForNewMeeting } from "./meeting-agenda.server";
import { paginateQuery } from "./paging.server";
import { meetingDateAsNoticed, meetingsReadableBy } from "./read-scope.server";
import { saveVersioned } from "./versioned.server";

const meetingColumns = {
  id: meetings.id,
  date: meetings.date,
  startTime: meetings.startTime,
  endTime: meetings.endTime,
  place: meetings.place,
  videoUrl: meetings.videoUrl,
  status: meetings.status,
  isPublic: meetings.isPublic,
  version: meetings.version,
  calendarSequence: meetings.calendarSequence,
  bodyId: bodies.id,
  bodyName: bodies.name,
  bodyShortName: bodies.shortName,
  publicRecords: bodies.publicRecords,
  appealable: bodies.appealable,
  proposalDeadlineDays: bodies.proposalDeadlineDays,
};

const meetingById = preparedQuery((d) =>
  d
    .select(meetingColumns)
    .from(meetings)
    .innerJoin(bodies, eq(meetings.bodyId, bodies.id))
    .where(eq(meetings.id, sql.placeholder("id")))
    .prepare(),
);

export function getMeeting(id: number) {
  return meetingById().get({ id });
}

/**
 * One meeting with the date, times, place and video link the `actor` was told (`asNoticedBy`):
 * the published notice's for everyone but the body's secretary until minutes are begun. Every
 * meeting route loads its meeting here (loadMeetingFor), and every mail that names a meeting
 * outside the notice itself asks with `null` (what the called members were told).
 */
export function meetingToldTo(actor: Actor | null, id: number) {
  const meeting = getMeeting(id);
  return meeting && asNoticedBy(actor, [meeting])[0];
}

const listColumns = {
  id: meetings.id,
  date: meetings.date,
  startTime: meetings.startTime,
  endTime: meetings.endTime,
  place: meetings.place,
  videoUrl: meetings.videoUrl,
  status: meetings.status,
  bodyId: meetings.bodyId,
  bodyName: bodies.name,
};

/** `bodyIds`: the bodies of the collaboration the list shows, or the one body chosen in its filter. */
function meetingListWhere(actor: Actor | null, bodyIds: readonly number[]) {
  return and(meetingsReadableBy(readScopeOf(actor)), inArray(meetings.bodyId, bodyIds.length ? [...bodyIds] : [-1]));
}

/**
 * The coming meetings (from `today`) of the given bodies that the actor may open (no dead
 * ends: issue 15), soonest first, as the actor was told of them: coming and past, and their
 * order, by the day the actor was told (`meetingDateAsNoticed`), so a move not yet published
 * does not show by the list a meeting is in. `limit` shortens the list
 * (the start page); the meetings list and a body page show them all (a calendar ahead is short).
 */
export function upcomingMeetings(actor: Actor | null, bodyIds: readonly number[], today: string, limit?: number) {
  const told = meetingDateAsNoticed(readScopeOf(actor));
  const query = db()
    .select(listColumns)
    .from(meetings)
    .innerJoin(bodies, eq(meetings.bodyId, bodies.id))
    .where(and(meetingListWhere(actor, bodyIds), gte(told, today)))
    .orderBy(asc(told), asc(meetings.startTime), asc(meetings.id))
    .$dynamic();
  return asNoticedBy(actor, (limit === undefined ? query : query.limit(limit)).all());
}

/** One page of the past meetings the actor may open, latest first. */
export async function pageOfPastMeetings(
  actor: Actor | null,
  bodyIds: readonly number[],
  today: string,
  request: PageRequest,
) {
  const told = meetingDateAsNoticed(readScopeOf(actor));
  const where = and(meetingListWhere(actor, bodyIds), lt(told, today));
  const order = [desc(told), desc(meetings.startTime), desc(meetings.id)];
  const page = await paginateQuery(request, { table: meetings, id: meetings.id, where, order }, (ofPage) =>
    db()
      .select(listColumns)
      .from(meetings)
      .innerJoin(bodies, eq(meetings.bodyId, bodies.id))
      .where(ofPage)
      .orderBy(...order),
  );
  return { ...page, items: asNoticedBy(actor, page.items) };
}

export function createMeeting(userId: string, value: ValidMeeting, isPublic: boolean) {
  return write((tx) => {
    const meeting = tx
      .insert(meetings)
      .values({ ...value, isPublic })
      .returning()
      .get();
    standardItemsForNewMeeting(tx, value.bodyId).forEach((item, index) => {
      tx.insert(agendaItems)
        .values({ meetingId: meeting.id, position: index + 1, title: item.title, kind: item.kind, standard: item.key })
        .run();
    });
    recordAudit(tx, { userId, action: "create", entityType: "meeting", entityId: meeting.id, after: meeting });
    return meeting;
  });
}

export function updateMeeting(
  userId: string,
  id: number,
  expectedVersion: number,
  value: Omit<ValidMeeting, "bodyId">,
) {
  return write((tx) => {
    // Asked of the meeting as it is now, in the write's transaction, so begun minutes cannot slip in between.
    const current = tx.select({ date: meetings.date }).from(meetings).where(eq(meetings.id, id)).get();
    const record = tx.select({ status: minutes.status }).from(minutes).where(eq(minutes.meetingId, id)).get();
    const paragraphs = tx
      .select({ approval: decisions.approval })
      .from(decisions)
      .where(eq(decisions.meetingId, id))
      .all();
    const stage: RecordStage =
      record?.status === "justerat" || paragraphs.some((d) => d.approval === "justerat")
        ? "justerat"
        : record || paragraphs.length
          ? "påbörjat"
          : "inget";
    const refusal = current && meetingMoveRefusal(current.date, value.date, stage);
    if (refusal) return { ok: false as const, refusal };
    const saved = saveVersioned(
      tx,
      meetings,
      id,
      expectedVersion,
      // A changed meeting is a new calendar event version for every subscriber.
      (before) => ({ ...value, calendarSequence: afterChange(before).calendarSequence }),
      { userId, entityType: "meeting", missing: "Mötet finns inte." },
    );
    // A moved meeting moves the date of the decisions taken at it.
    if (saved.ok && saved.before.date !== saved.row.date)
      tx.update(decisions).set({ decidedOn: saved.row.date }).where(eq(decisions.meetingId, id)).run();
    // What the secretary records is a fact: a changed date, time or place is no longer an example.
    if (saved.ok) {
      const { before, row } = saved;
      clearExample(tx, "meeting", id, [
        ...(before.date !== row.date ? (["date"] as const) : []),
        ...(before.startTime !== row.startTime || before.endTime !== row.endTime ? (["time"] as const) : []),
        ...(before.place !== row.place ? (["place"] as const) : []),
      ]);
    }
    return saved;
  });
}
