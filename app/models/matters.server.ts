import { and, asc, desc, eq, inArray } from "drizzle-orm";
import {
  agendaItems,
  bodies,
  decisions,
  matters,
  meetings,
  organisations,
  partyAnswers,
  recommendationParties,
  recommendations,
} from "../../db/schema";
import { isPublicDecision } from "~/domain/decisions";
import type { PageRequest } from "~/domain/pagination";
import { db, write } from "~/utils/db.server";
import { insertAudited } from "./audit.server";
import { paginateQuery } from "./paging.server";
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

export function listMatters(collaborationId: number) {
  return db()
    .select()
    .from(matters)
    .where(eq(matters.collaborationId, collaborationId))
    .orderBy(desc(matters.createdAt))
    .all();
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

export interface TimelineEvent {
  date: string;
  kind: "dagordning" | "beslut" | "rekommendation" | "svar";
  bodyId: number | null;
  bodyName: string | null;
  /** The body keeps public records (its published agendas are public). */
  publicRecords: boolean;
  text: string;
  href: string | null;
  /** The record the event shows, so the page can mark what is an example (exempeluppgift). */
  source?: { entity: "decision" | "recommendation-party"; id: number };
}

/** Everything linked to the matter, in any body, in date order. */
export function matterTimeline(matterId: number): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const items = db()
    .select({ item: agendaItems, meeting: meetings, bodyName: bodies.name, publicRecords: bodies.publicRecords })
    .from(agendaItems)
    .innerJoin(meetings, eq(agendaItems.meetingId, meetings.id))
    .innerJoin(bodies, eq(meetings.bodyId, bodies.id))
    .where(eq(agendaItems.matterId, matterId))
    .all();
  for (const r of items)
    events.push({
      date: r.meeting.date,
      kind: "dagordning",
      bodyId: r.meeting.bodyId,
      bodyName: r.bodyName,
      publicRecords: r.publicRecords,
      text: `På dagordningen: ${r.item.title}`,
      href: `/moten/${r.meeting.id}#punkt-${r.item.id}`,
    });
  const decided = db()
    .select({ d: decisions, bodyName: bodies.name })
    .from(decisions)
    .innerJoin(bodies, eq(decisions.bodyId, bodies.id))
    .where(and(eq(decisions.matterId, matterId), eq(decisions.inRegister, true)))
    .all();
  for (const r of decided)
    events.push({
      date: r.d.decidedOn,
      kind: "beslut",
      bodyId: r.d.bodyId,
      bodyName: r.bodyName,
      // A draft decision is for the body only (app/domain/decisions.ts), like an internal agenda.
      publicRecords: isPublicDecision(r.d),
      text: `${r.d.approval === "utkast" ? "Utkast: " : ""}${r.d.paragraph ? `§ ${r.d.paragraph} ` : ""}${r.d.title}: ${r.d.text}`,
      href: `/beslut/${r.d.id}`,
      source: { entity: "decision", id: r.d.id },
    });
  // Drafts are the coordinator's until sent to the parties.
  const recs = db()
    .select()
    .from(recommendations)
    .where(
      and(
        eq(recommendations.matterId, matterId),
        inArray(recommendations.status, ["skickad", "uppföljd", "avslutad", "återkallad"]),
      ),
    )
    .all();
  for (const rec of recs) {
    const answers = db()
      .select({ a: partyAnswers, org: organisations.name })
      .from(partyAnswers)
      .innerJoin(recommendationParties, eq(partyAnswers.recommendationPartyId, recommendationParties.id))
      .innerJoin(organisations, eq(recommendationParties.organisationId, organisations.id))
      .where(eq(recommendationParties.recommendationId, rec.id))
      .orderBy(asc(partyAnswers.id))
      .all();
    for (const r of answers)
      if (r.a.decisionDate)
        events.push({
          date: r.a.decisionDate,
          kind: "svar",
          bodyId: null,
          publicRecords: true,
          bodyName: r.org,
          text: `${r.org}: ${r.a.status}${r.a.decidingBody ? ` (${r.a.decidingBody})` : ""} – ${rec.title}`,
          href: `/rekommendationer/${rec.id}`,
          source: { entity: "recommendation-party", id: r.a.recommendationPartyId },
        });
    events.push({
      date: rec.answerDeadline,
      kind: "rekommendation",
      bodyId: null,
      bodyName: null,
      publicRecords: true,
      text: `Sista dag för parternas svar: ${rec.title}`,
      href: `/rekommendationer/${rec.id}`,
    });
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}
