import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  agendaItems,
  assignments,
  bodies,
  decisions,
  matters,
  meetings,
  organisations,
  partyAnswers,
  recommendationParties,
  recommendations,
} from "../../db/schema";
import type { PageRequest } from "~/domain/pagination";
import type { Actor } from "~/domain/policy";
import { readScopeOf, type ReadScope } from "~/domain/read-scope";
import { db, write } from "~/utils/db.server";
import { assigneeName } from "./assignments.server";
import { insertAudited } from "./audit.server";
import { choicesOf, mayChoose, type ChoiceRequest } from "./choices.server";
import { paginateQuery } from "./paging.server";
import {
  agendaItemTitleAsShown,
  decisionsReadableBy,
  meetingDateAsNoticed,
  meetingsReadableBy,
} from "./read-scope.server";
import { saveVersioned } from "./versioned.server";

/** One page of the matters, newest first (the registry number is shown, so no text columns). */
export function pageOfMatters(collaborationId: number, request: PageRequest) {
  const where = eq(matters.collaborationId, collaborationId);
  const order = [desc(matters.createdAt), desc(matters.id)];
  return paginateQuery(request, { table: matters, id: matters.id, where, order }, (page) =>
    db()
      .select({
        id: matters.id,
        registryNumber: matters.registryNumber,
        title: matters.title,
        status: matters.status,
      })
      .from(matters)
      .where(page)
      .orderBy(...order),
  );
}

/** The matters of these collaborations, as a condition for a choice field. */
const mattersOf = (collaborationIds: number[]) =>
  collaborationIds.length === 0 ? false : inArray(matters.collaborationId, collaborationIds);

/**
 * The matters a field offers (choose by searching, choices.server.ts): of the collaborations
 * the form is about (one, or those a shared body serves), whose members may open them.
 */
export function matterChoices(collaborationIds: number[], request: ChoiceRequest) {
  return choicesOf("matter", mattersOf(collaborationIds), request);
}

/** A posted matter is one of these collaborations' (never trust the options a page offered). */
export function isMatterOf(collaborationIds: number[], id: number): boolean {
  return mayChoose("matter", mattersOf(collaborationIds), id);
}

export function getMatter(id: number) {
  return db().select().from(matters).where(eq(matters.id, id)).get();
}

export function registryNumberTaken(collaborationId: number, registryNumber: string, exceptId?: number): boolean {
  const row = db()
    .select({ id: matters.id })
    .from(matters)
    .where(and(eq(matters.collaborationId, collaborationId), eq(matters.registryNumber, registryNumber)))
    .get();
  return row !== undefined && row.id !== exceptId;
}

export function createMatter(
  userId: string,
  collaborationId: number,
  value: { registryNumber: string; title: string; description: string },
) {
  return write((tx) => insertAudited(tx, matters, { collaborationId, ...value }, { userId, entityType: "matter" }));
}

/** Opens or closes a matter; a stale version changes nothing and answers with what is saved now. */
export function setMatterStatus(userId: string, id: number, expectedVersion: number, status: "öppet" | "avslutat") {
  return write((tx) =>
    saveVersioned(
      tx,
      matters,
      id,
      expectedVersion,
      { status },
      {
        userId,
        entityType: "matter",
        missing: "Ärendet finns inte.",
      },
    ),
  );
}

interface TimelineEvent {
  /** The event's own key: its row's id and its kind (ids of four tables never meet), the order's last tie-break. */
  key: number;
  date: string;
  kind: "dagordning" | "beslut" | "rekommendation" | "svar" | "uppdrag";
  bodyId: number | null;
  bodyName: string | null;
  text: string;
  href: string | null;
  /** The record the event shows, so the page can mark what is an example (exempeluppgift). */
  source?: { entity: "decision" | "recommendation-party"; id: number };
}

/** The kinds of event, one arm of the UNION each; the number makes each arm's keys its own. */
const EVENT_KINDS = { dagordning: 0, beslut: 1, rekommendation: 2, svar: 3, uppdrag: 4 } as const;
const KINDS = Object.keys(EVENT_KINDS).length;
const keyOf = (id: SQLiteColumn, kind: TimelineEvent["kind"]) =>
  sql<number>`${id} * ${sql.raw(String(KINDS))} + ${sql.raw(String(EVENT_KINDS[kind]))}`.as("key");

/**
 * Everything linked to the matter that the scope may read, in any body, as one list of rows:
 * agenda items of meetings the viewer may open (read:meeting), each as that meeting's page shows
 * it to the viewer (agendaItemTitleAsShown: as published, or not at all if added since), decisions in the register the
 * viewer may read (canReadDecision), and, once sent to the parties, each recommendation's
 * answer deadline and every party's recorded answer (those who read matters read those).
 */
function timelineOf(matterId: number, scope: ReadScope) {
  // As the meeting's page shows the item to the viewer: as published, for most until the minutes,
  // on the day the notice names.
  const itemTitle = agendaItemTitleAsShown(scope);
  const items = db()
    .select({
      key: keyOf(agendaItems.id, "dagordning"),
      date: sql<string>`${meetingDateAsNoticed(scope)}`.as("date"),
      kind: sql<TimelineEvent["kind"]>`'dagordning'`.as("kind"),
      bodyId: sql<number | null>`${meetings.bodyId}`.as("body_id"),
      name: sql<string | null>`${bodies.name}`.as("name"),
      refId: sql<number>`${agendaItems.id}`.as("ref_id"),
      linkId: sql<number>`${meetings.id}`.as("link_id"),
      title: sql<string>`${itemTitle}`.as("title"),
      detail: sql<string>`''`.as("detail"),
      extra: sql<string>`''`.as("extra"),
      paragraph: sql<number | null>`NULL`.as("paragraph"),
      draft: sql<number>`0`.as("draft"),
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(agendaItems.meetingId, meetings.id))
    .innerJoin(bodies, eq(meetings.bodyId, bodies.id))
    .where(and(eq(agendaItems.matterId, matterId), meetingsReadableBy(scope), sql`(${itemTitle}) IS NOT NULL`));
  const decided = db()
    .select({
      key: keyOf(decisions.id, "beslut"),
      date: sql<string>`${decisions.decidedOn}`.as("date"),
      kind: sql<TimelineEvent["kind"]>`'beslut'`.as("kind"),
      bodyId: sql<number | null>`${decisions.bodyId}`.as("body_id"),
      name: sql<string | null>`${bodies.name}`.as("name"),
      refId: sql<number>`${decisions.id}`.as("ref_id"),
      linkId: sql<number>`${decisions.id}`.as("link_id"),
      title: sql<string>`${decisions.title}`.as("title"),
      detail: sql<string>`${decisions.text}`.as("detail"),
      extra: sql<string>`''`.as("extra"),
      paragraph: sql<number | null>`${decisions.paragraph}`.as("paragraph"),
      draft: sql<number>`${decisions.approval} = 'utkast'`.as("draft"),
    })
    .from(decisions)
    .innerJoin(bodies, eq(decisions.bodyId, bodies.id))
    .where(and(eq(decisions.matterId, matterId), eq(decisions.inRegister, true), decisionsReadableBy(scope)));
  // Drafts are the coordinator's until sent to the parties: not on the timeline, for anyone.
  const sent = and(eq(recommendations.matterId, matterId), inArray(recommendations.status, SENT))!;
  const answers = db()
    .select({
      key: keyOf(partyAnswers.id, "svar"),
      date: sql<string>`${partyAnswers.decisionDate}`.as("date"),
      kind: sql<TimelineEvent["kind"]>`'svar'`.as("kind"),
      bodyId: sql<number | null>`NULL`.as("body_id"),
      name: sql<string | null>`${organisations.name}`.as("name"),
      refId: sql<number>`${partyAnswers.recommendationPartyId}`.as("ref_id"),
      linkId: sql<number>`${recommendations.id}`.as("link_id"),
      title: sql<string>`${recommendations.title}`.as("title"),
      detail: sql<string>`${partyAnswers.status}`.as("detail"),
      extra: sql<string>`${partyAnswers.decidingBody}`.as("extra"),
      paragraph: sql<number | null>`NULL`.as("paragraph"),
      draft: sql<number>`0`.as("draft"),
    })
    .from(partyAnswers)
    .innerJoin(recommendationParties, eq(partyAnswers.recommendationPartyId, recommendationParties.id))
    .innerJoin(recommendations, eq(recommendationParties.recommendationId, recommendations.id))
    .innerJoin(organisations, eq(recommendationParties.organisationId, organisations.id))
    .where(and(sent, isNotNull(partyAnswers.decisionDate), answerStepStandsSql));
  const deadlines = db()
    .select({
      key: keyOf(recommendations.id, "rekommendation"),
      date: sql<string>`${recommendations.answerDeadline}`.as("date"),
      kind: sql<TimelineEvent["kind"]>`'rekommendation'`.as("kind"),
      bodyId: sql<number | null>`NULL`.as("body_id"),
      name: sql<string | null>`NULL`.as("name"),
      refId: sql<number>`${recommendations.id}`.as("ref_id"),
      linkId: sql<number>`${recommendations.id}`.as("link_id"),
      title: sql<string>`${recommendations.title}`.as("title"),
      detail: sql<string>`''`.as("detail"),
      extra: sql<string>`''`.as("extra"),
      paragraph: sql<number | null>`NULL`.as("paragraph"),
      draft: sql<number>`0`.as("draft"),
    })
    .from(recommendations)
    .where(sent);
  // The assignments the matter's decisions gave in the matter's own collaboration (whose
  // participants read both), by the day each is due (or the day of the decision, if none is
  // set), only with a decision the viewer may read: its § is what the assignment tells of.
  const given = db()
    .select({
      key: keyOf(assignments.id, "uppdrag"),
      date: sql<string>`coalesce(${assignments.dueDate}, ${decisions.decidedOn})`.as("date"),
      kind: sql<TimelineEvent["kind"]>`'uppdrag'`.as("kind"),
      bodyId: sql<number | null>`NULL`.as("body_id"),
      name: sql<string | null>`${assigneeName}`.as("name"),
      refId: sql<number>`${assignments.id}`.as("ref_id"),
      linkId: sql<number>`${assignments.id}`.as("link_id"),
      title: sql<string>`${assignments.title}`.as("title"),
      detail: sql<string>`${assignments.status}`.as("detail"),
      extra: sql<string>`coalesce(${assignments.dueDate}, '')`.as("extra"),
      paragraph: sql<number | null>`NULL`.as("paragraph"),
      draft: sql<number>`0`.as("draft"),
    })
    .from(assignments)
    .innerJoin(decisions, eq(assignments.decisionId, decisions.id))
    .innerJoin(matters, eq(decisions.matterId, matters.id))
    .where(
      and(
        eq(decisions.matterId, matterId),
        eq(assignments.collaborationId, matters.collaborationId),
        eq(decisions.inRegister, true),
        decisionsReadableBy(scope),
      ),
    );
  return items.unionAll(decided).unionAll(answers).unionAll(deadlines).unionAll(given).as("timeline");
}

const SENT = ["skickad", "uppföljd", "avslutad", "återkallad"] as const;

/**
 * `standingAnswerSteps` (app/domain/recommendations.ts) as a condition on a party_answers row:
 * no later step of the party sets the answer back to "väntar", and the next step neither
 * corrects it ("rättat") nor restates its stage (the same status). A timeline that listed
 * every recorded step told a politician that the council adopted twice, on the date later
 * corrected too, or had adopted what was set back to "väntar".
 */
const answerStepStandsSql = sql`NOT EXISTS (
    SELECT 1 FROM party_answers later
    WHERE later.recommendation_party_id = ${partyAnswers.recommendationPartyId}
      AND later.id > ${partyAnswers.id}
      AND (later.status = 'väntar' OR (later.id = (
        SELECT min(n.id) FROM party_answers n
        WHERE n.recommendation_party_id = ${partyAnswers.recommendationPartyId} AND n.id > ${partyAnswers.id})
        AND (later.event = 'rättat' OR later.status = ${partyAnswers.status}))))`;

/**
 * One page of the matter's timeline as the actor may see it, in date order (on one day by
 * kind, then by key): access is part of the query, so a page is full and the total true.
 */
export async function pageOfMatterTimeline(actor: Actor | null, matterId: number, request: PageRequest) {
  const timeline = timelineOf(matterId, readScopeOf(actor));
  const order = [asc(timeline.date), asc(timeline.kind), asc(timeline.key)];
  const page = await paginateQuery(request, { table: timeline, id: timeline.key, where: undefined, order }, (ofPage) =>
    db()
      .select()
      .from(timeline)
      .where(ofPage)
      .orderBy(...order),
  );
  return { page: page.page, items: page.items.map(eventOf) };
}

function eventOf(r: {
  key: number;
  date: string;
  kind: TimelineEvent["kind"];
  bodyId: number | null;
  name: string | null;
  refId: number;
  linkId: number;
  title: string;
  detail: string;
  extra: string;
  paragraph: number | null;
  draft: number;
}): TimelineEvent {
  const base = { key: r.key, date: r.date, kind: r.kind, bodyId: r.bodyId, bodyName: r.name };
  switch (r.kind) {
    case "dagordning":
      return { ...base, text: `På dagordningen: ${r.title}`, href: `/moten/${r.linkId}#punkt-${r.refId}` };
    case "beslut":
      return {
        ...base,
        text: `${r.draft ? "Utkast: " : ""}${r.paragraph ? `§ ${r.paragraph} ` : ""}${r.title}: ${r.detail}`,
        href: `/beslut/${r.linkId}`,
        source: { entity: "decision", id: r.refId },
      };
    case "svar":
      return {
        ...base,
        text: `${r.name}: ${r.detail}${r.extra ? ` (${r.extra})` : ""} – ${r.title}`,
        href: `/rekommendationer/${r.linkId}`,
        source: { entity: "recommendation-party", id: r.refId },
      };
    case "rekommendation":
      return { ...base, text: `Sista dag för parternas svar: ${r.title}`, href: `/rekommendationer/${r.linkId}` };
    case "uppdrag":
      return {
        ...base,
        // The assignee leads the line, where other events name their body.
        text: `${r.extra ? "Klart senast" : "Givet"}: ${r.title} (${r.detail})`,
        href: `/uppdrag/${r.linkId}`,
      };
  }
}
