/**
 * Access as SQL: what a ReadScope (app/domain/read-scope.ts) may read of each kind of record,
 * as a WHERE condition, so lists, counts and search filter by access inside the query.
 * Each function mirrors one rule of app/domain/policy.ts; tests/integration/read-scope.test.ts
 * holds them to `can` for every row and every kind of actor.
 */
import { and, eq, exists, inArray, not, or, sql, type SQL } from "drizzle-orm";
import {
  agendaItems,
  agendaVersions,
  bodies,
  decisions,
  documentBodies,
  documents,
  meetings,
  memberships,
  minutes,
  recommendations,
} from "../../db/schema";
import type { ReadScope } from "~/domain/read-scope";
import { db } from "~/utils/db.server";

function inBodies(column: Parameters<typeof inArray>[0], scope: ReadScope): SQL | undefined {
  return scope.bodyIds.length ? inArray(column, scope.bodyIds) : undefined;
}

/**
 * canReadDecision (app/domain/decisions.ts): the body's members, drafts included; everyone
 * else only an approved public decision.
 */
export function decisionsReadableBy(scope: ReadScope): SQL | undefined {
  if (scope.everything) return undefined;
  return or(and(eq(decisions.isPublic, true), eq(decisions.approval, "justerat")), inBodies(decisions.bodyId, scope));
}

/**
 * read:meeting: the body's members; everyone for a published meeting of a body with public
 * records. The search index's agenda-item audience (the triggers of migration 0029) states the
 * same condition for the public; tests/integration/search.test.ts holds both to `can`.
 */
export function meetingsReadableBy(scope: ReadScope): SQL | undefined {
  if (scope.everything) return undefined;
  // A published notice, or approved minutes (historic meetings often have no notice in the portal).
  const published = or(
    exists(
      db()
        .select({ one: sql`1` })
        .from(agendaVersions)
        .where(eq(agendaVersions.meetingId, meetings.id)),
    ),
    exists(
      db()
        .select({ one: sql`1` })
        .from(minutes)
        .where(and(eq(minutes.meetingId, meetings.id), eq(minutes.status, "justerat"))),
    ),
  );
  const publicRecords = exists(
    db()
      .select({ one: sql`1` })
      .from(bodies)
      .where(and(eq(bodies.id, meetings.bodyId), eq(bodies.publicRecords, true))),
  );
  return or(
    inBodies(meetings.bodyId, scope),
    and(publicRecords, published),
    calledAheadTo(scope),
    // The meetings whose open minutes the viewer signs (policy.ts, signsOpenMinutes).
    scope.signsMinutesOf.length ? inArray(meetings.id, scope.signsMinutesOf) : undefined,
  );
}

/**
 * The meetings a seat not yet begun calls the scope's viewer to (policy.ts `calledAhead`): of
 * the seat's body, on a day the seat covers, the day as the viewer was told it.
 */
function calledAheadTo(scope: ReadScope): SQL | undefined {
  if (scope.seatsAhead.length === 0) return undefined;
  const told = meetingDateAsNoticed(scope);
  return or(
    ...scope.seatsAhead.map((seat) =>
      and(
        eq(meetings.bodyId, seat.bodyId),
        sql`${told} >= ${seat.startDate}`,
        seat.endDate === null ? undefined : sql`${told} <= ${seat.endDate}`,
      ),
    ),
  );
}

/**
 * read:body-members: every signed-in user; the public only the seats of a body with public
 * records.
 */
export function seatsReadableBy(scope: ReadScope): SQL | undefined {
  if (scope.signedIn) return undefined;
  return inArray(memberships.bodyId, db().select({ id: bodies.id }).from(bodies).where(eq(bodies.publicRecords, true)));
}

/** read:document: public; those who take part in the document's collaboration; or the members of the chosen bodies. */
export function documentsReadableBy(scope: ReadScope): SQL | undefined {
  if (scope.everything) return undefined;
  return or(
    eq(documents.visibility, "public"),
    scope.signedIn && scope.collaborationIds.length
      ? and(eq(documents.visibility, "members"), inArray(documents.collaborationId, scope.collaborationIds))
      : undefined,
    scope.bodyIds.length
      ? and(
          eq(documents.visibility, "bodies"),
          exists(
            db()
              .select({ one: sql`1` })
              .from(documentBodies)
              .where(and(eq(documentBodies.documentId, documents.id), inArray(documentBodies.bodyId, scope.bodyIds))),
          ),
        )
      : undefined,
  );
}

/** read:recommendation: once sent to the parties, public ones for everyone, all for signed-in users; drafts for the coordinator. */
export function recommendationsReadableBy(scope: ReadScope): SQL | undefined {
  if (scope.everything) return undefined;
  const sent = inArray(recommendations.status, ["skickad", "uppföljd", "avslutad", "återkallad"]);
  return scope.signedIn ? sent : and(sent, eq(recommendations.isPublic, true));
}

/**
 * The items of a meeting's last published agenda (agenda_versions.content) as rows of
 * json_each named `j`, for a FROM clause that a condition may follow with AND: `meetingId`
 * is the SQL of the meeting's id. Both stored formats: the first versions held the list of
 * items alone, later ones `{ meeting, items }` (parseNoticeContent in app/domain/meetings.ts).
 */
const latestPublishedItemsOf = (meetingId: string) => `agenda_versions av,
  json_each(av.content, CASE json_type(av.content) WHEN 'array' THEN '$' ELSE '$.items' END) j
  WHERE av.meeting_id = ${meetingId}
    AND av.version_no = (SELECT max(v.version_no) FROM agenda_versions v WHERE v.meeting_id = ${meetingId})`;

/**
 * An agenda item's title as its meeting's page (/moten/:id) shows it to the scope's viewer,
 * NULL when that page does not show the item; over agenda_items joined with meetings. It
 * mirrors the page's two steps: everyone but the body's secretary is shown the last published
 * version of the agenda until minutes are begun (noticeViewFor, meeting-notice.server.ts), and
 * everyone outside the body until the minutes are approved (agendaAsSeen,
 * app/domain/read-scope.ts). Shown the published version, an item has the title it was
 * published with, and an item added since is not on it. Every list that names an agenda item
 * outside its meeting's page (a matter's timeline) takes the title from here;
 * tests/integration/timeline-agenda-as-published.test.ts holds it to the meeting page itself.
 */
export function agendaItemTitleAsShown(scope: ReadScope): SQL<string | null> {
  if (scope.everything) return sql<string>`${agendaItems.title}`;
  const minutesOfMeeting = (approved: boolean) =>
    exists(
      db()
        .select({ one: sql`1` })
        .from(minutes)
        .where(and(eq(minutes.meetingId, meetings.id), approved ? eq(minutes.status, "justerat") : undefined)),
    );
  const noticePublished = exists(
    db()
      .select({ one: sql`1` })
      .from(agendaVersions)
      .where(eq(agendaVersions.meetingId, meetings.id)),
  );
  const member = inArray(meetings.bodyId, scope.bodyIds);
  const asPublished = and(
    not(inArray(meetings.bodyId, scope.managedBodyIds)),
    or(and(member, noticePublished, not(minutesOfMeeting(false))), and(not(member), not(minutesOfMeeting(true)))),
  );
  const publishedTitle = sql<string | null>`(SELECT json_extract(j.value, '$.title') FROM ${sql.raw(
    latestPublishedItemsOf(`"meetings"."id"`),
  )} AND json_extract(j.value, '$.id') = ${agendaItems.id})`;
  return sql<string | null>`CASE WHEN ${asPublished} THEN ${publishedTitle} ELSE ${agendaItems.title} END`;
}

/**
 * A meeting's date as the scope's viewer is told it (asNoticedBy in meeting-notice.server.ts,
 * the rule of every surface that lists meetings): everyone but the body's secretary is told
 * the date of the last published notice until minutes are begun, never a move not yet
 * published. Over meetings; a notice of the first format (no time and place) leaves the date.
 */
export function meetingDateAsNoticed(scope: ReadScope): SQL<string> {
  if (scope.everything) return sql<string>`${meetings.date}`;
  const told = sql<string | null>`(SELECT json_extract(av.content, '$.meeting.date') FROM agenda_versions av
    WHERE av.meeting_id = ${meetings.id}
      AND av.version_no = (SELECT max(v.version_no) FROM agenda_versions v WHERE v.meeting_id = ${meetings.id}))`;
  const noMinutes = not(
    exists(
      db()
        .select({ one: sql`1` })
        .from(minutes)
        .where(eq(minutes.meetingId, meetings.id)),
    ),
  );
  const toldOnly = and(not(inArray(meetings.bodyId, scope.managedBodyIds)), noMinutes);
  return sql<string>`CASE WHEN ${toldOnly} THEN coalesce(${told}, ${meetings.date}) ELSE ${meetings.date} END`;
}

/**
 * An agenda item's entry holds the item as it stands. Outside the body it is shown only when
 * that is what the body's outsiders see (app/domain/read-scope.ts `agendaAsSeen`): not
 * confidential (nor published as confidential, until minutes are approved), and either the minutes are approved or the item, without minutes texts, is
 * exactly as in the last published version of the agenda (no unpublished change).
 */
const AGENDA_ITEM_AS_PUBLISHED = `EXISTS (
  SELECT 1 FROM agenda_items ai WHERE ai.id = e.ref_id AND ai.confidential = 0 AND (
    EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = ai.meeting_id AND mi.status = 'justerat')
    OR (ai.minutes_note = '' AND ai.decision_text = '' AND EXISTS (
      SELECT 1 FROM ${latestPublishedItemsOf("ai.meeting_id")}
        AND json_extract(j.value, '$.id') = ai.id
        AND json_extract(j.value, '$.title') = ai.title
        AND json_extract(j.value, '$.description') = ai.description
        AND json_extract(j.value, '$.proposedDecision') = ai.proposed_decision
        AND coalesce(json_extract(j.value, '$.confidential'), 0) = 0))))`;

/**
 * An agenda item's entry holds the item as it stands. The body's members other than its
 * secretary are told the last published version of the agenda until minutes are begun
 * (`visibleAgendaOf`, agenda-view.server.ts): then the entry is theirs only when the item is
 * exactly as published (a changed item, or one added since, would show a draft in the hit).
 */
const AGENDA_ITEM_AS_TOLD = `EXISTS (
  SELECT 1 FROM agenda_items ai WHERE ai.id = e.ref_id AND (
    EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = ai.meeting_id)
    OR NOT EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = ai.meeting_id)
    OR EXISTS (
      SELECT 1 FROM ${latestPublishedItemsOf("ai.meeting_id")}
        AND json_extract(j.value, '$.id') = ai.id
        AND json_extract(j.value, '$.title') = ai.title
        AND json_extract(j.value, '$.description') = ai.description
        AND json_extract(j.value, '$.proposedDecision') = ai.proposed_decision)))`;

/**
 * An entry's year as its viewer is told it. An agenda item's entry holds the year of its
 * meeting's current date, but everyone but the body's secretary is told the date of the last
 * published notice until minutes are begun (`meetingDateAsNoticed`): a move across New Year not
 * yet published must not show in the hit's year, nor let the year filter find it. A notice of
 * the first format (no date in it) leaves the entry's year.
 */
export const SEARCH_ENTRY_YEAR = `(CASE WHEN e.kind = 'agenda_item' AND :everything = 0
    AND e.body_id NOT IN (SELECT value FROM json_each(:managedBodyIds))
  THEN coalesce((
    SELECT CAST(substr(json_extract(av.content, '$.meeting.date'), 1, 4) AS integer)
    FROM agenda_items ai JOIN agenda_versions av ON av.meeting_id = ai.meeting_id
    WHERE ai.id = e.ref_id AND NOT EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = ai.meeting_id)
    ORDER BY av.version_no DESC LIMIT 1), e.year)
  ELSE e.year END)`;

/**
 * An agenda item of a meeting a seat not yet begun calls the viewer to (policy.ts `calledAhead`,
 * `calledAheadTo` above): of the seat's body, on a day the seat covers, the day as told (the
 * last published notice's until minutes are begun). `:seatsAhead` is the scope's seats as JSON.
 */
const AGENDA_ITEM_CALLED_AHEAD = `EXISTS (
  SELECT 1 FROM agenda_items ai JOIN meetings m ON m.id = ai.meeting_id, json_each(:seatsAhead) s
  WHERE ai.id = e.ref_id AND json_extract(s.value, '$.bodyId') = m.body_id
    AND (CASE WHEN EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = m.id) THEN m.date
      ELSE coalesce((SELECT json_extract(av.content, '$.meeting.date') FROM agenda_versions av
        WHERE av.meeting_id = m.id ORDER BY av.version_no DESC LIMIT 1), m.date) END)
    BETWEEN json_extract(s.value, '$.startDate') AND coalesce(json_extract(s.value, '$.endDate'), '9999-12-31'))`;

/**
 * Search entries (search_entries, db/migrations/0017) carry who may read them as an audience;
 * this is the same rules as above, as SQL over an entry aliased `e`, with the scope as named
 * parameters (constant SQL text, so the statement is prepared once). What is open to every
 * signed-in user of a collaboration (a matter, a members' document) is open to those who take
 * part in that collaboration (`:collaborationIds`). The coordinator reads
 * everything but "none" (a procedural § outside the register).
 */
export const SEARCH_ENTRY_READABLE = `(
  (:everything = 1 AND e.audience <> 'none')
  OR (e.audience = 'public' AND (e.kind <> 'agenda_item' OR ${AGENDA_ITEM_AS_PUBLISHED}))
  OR (:signedIn = 1 AND e.audience = 'signed_in' AND (
    e.kind NOT IN ('matter', 'document')
    OR (e.kind = 'matter' AND EXISTS (
      SELECT 1 FROM matters m
      WHERE m.id = e.ref_id AND m.collaboration_id IN (SELECT value FROM json_each(:collaborationIds))))
    OR (e.kind = 'document' AND EXISTS (
      SELECT 1 FROM documents d
      WHERE d.id = e.ref_id AND d.collaboration_id IN (SELECT value FROM json_each(:collaborationIds))))))
  OR (e.audience IN ('body', 'public') AND e.body_id IN (SELECT value FROM json_each(:bodyIds)) AND (
    e.kind <> 'agenda_item' OR e.body_id IN (SELECT value FROM json_each(:managedBodyIds)) OR ${AGENDA_ITEM_AS_TOLD}))
  OR (:seatsAhead <> '[]' AND e.kind = 'agenda_item' AND e.audience IN ('body', 'public')
    AND ${AGENDA_ITEM_CALLED_AHEAD} AND ${AGENDA_ITEM_AS_TOLD})
  OR (e.audience = 'bodies' AND EXISTS (
    SELECT 1 FROM document_bodies d
    WHERE d.document_id = e.ref_id AND d.body_id IN (SELECT value FROM json_each(:bodyIds))))
)`;

export function searchScopeParams(scope: ReadScope) {
  return {
    everything: scope.everything ? 1 : 0,
    signedIn: scope.signedIn ? 1 : 0,
    bodyIds: JSON.stringify(scope.bodyIds),
    managedBodyIds: JSON.stringify(scope.managedBodyIds),
    collaborationIds: JSON.stringify(scope.collaborationIds),
    seatsAhead: JSON.stringify(scope.seatsAhead),
  };
}
