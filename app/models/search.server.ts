/**
 * Search across the portal: FTS5 hits resolved to what they are, where they live, and
 * whether the viewer may see them. A hit the viewer may not read is dropped before it is
 * shown, so search never reveals a title or a snippet.
 */
import { eq } from "drizzle-orm";
import { agendaItems, agreementVersions, decisions, matters, recommendations } from "../../db/schema";
import { canReadDecision } from "~/domain/decisions";
import { can, type Actor } from "~/domain/policy";
import { snippetToHtml } from "~/domain/search";
import { db } from "~/utils/db.server";
import { canReadDocument, getDocument, searchIndex } from "./documents.server";
import { getMeeting } from "./meetings.server";
import { minutesOf } from "./meeting-minutes.server";
import { publishedMeetingIds } from "./meeting-notice.server";
import { recommendationResource } from "~/domain/recommendations";

export interface SearchResult {
  kind: string;
  title: string;
  snippetHtml: string;
  href: string;
  bodyId: number | null;
  year: number | null;
}

function meetingReadable(actor: Actor | null, meetingId: number) {
  const meeting = getMeeting(meetingId);
  if (!meeting) return null;
  const published = publishedMeetingIds([meeting.id]).has(meeting.id);
  return can(actor, "read:meeting", { bodyId: meeting.bodyId, publicRecords: meeting.publicRecords, published })
    ? meeting
    : null;
}

function resolve(
  actor: Actor | null,
  kind: string,
  refId: number,
): Omit<SearchResult, "kind" | "title" | "snippetHtml"> | null {
  switch (kind) {
    case "document": {
      const doc = getDocument(refId);
      if (!doc || !canReadDocument(actor, doc)) return null;
      return { href: `/dokument/${doc.id}`, bodyId: doc.bodyId, year: Number(doc.date.slice(0, 4)) };
    }
    case "agenda_item": {
      const item = db().select().from(agendaItems).where(eq(agendaItems.id, refId)).get();
      const meeting = item ? meetingReadable(actor, item.meetingId) : null;
      if (!item || !meeting) return null;
      // The item's index text holds its minutes: while they are a draft, only the body may match them.
      const draftMinutes =
        (item.minutesNote !== "" || item.decisionText !== "") && minutesOf(meeting.id)?.status !== "justerat";
      if (draftMinutes && !can(actor, "read:meeting", { bodyId: meeting.bodyId })) return null;
      return {
        href: `/moten/${meeting.id}#punkt-${item.id}`,
        bodyId: meeting.bodyId,
        year: Number(meeting.date.slice(0, 4)),
      };
    }
    case "decision": {
      const decision = db().select().from(decisions).where(eq(decisions.id, refId)).get();
      // A procedural § is not in the register; a draft only for the body (app/domain/decisions.ts).
      if (!decision || !decision.inRegister || !canReadDecision(actor, decision)) return null;
      return { href: `/beslut/${decision.id}`, bodyId: decision.bodyId, year: decision.year };
    }
    case "matter": {
      const matter = db().select().from(matters).where(eq(matters.id, refId)).get();
      if (!matter || !actor) return null;
      return { href: `/arenden/${matter.id}`, bodyId: null, year: Number(matter.createdAt.slice(0, 4)) };
    }
    case "agreement_version": {
      const version = db().select().from(agreementVersions).where(eq(agreementVersions.id, refId)).get();
      if (!version || !can(actor, "read:agreement")) return null;
      return {
        href: `/avtal/versioner/${version.id}`,
        bodyId: null,
        year: version.adoptedOn ? Number(version.adoptedOn.slice(0, 4)) : version.baseYear,
      };
    }
    case "recommendation": {
      const rec = db().select().from(recommendations).where(eq(recommendations.id, refId)).get();
      if (!rec || !can(actor, "read:recommendation", recommendationResource(rec))) return null;
      return { href: `/rekommendationer/${rec.id}`, bodyId: null, year: Number(rec.answerDeadline.slice(0, 4)) };
    }
    default:
      return null;
  }
}

export function search(
  actor: Actor | null,
  query: string,
  filter: { kind?: string; bodyId?: number; year?: number },
  limit = 50,
): SearchResult[] {
  const results: SearchResult[] = [];
  for (const hit of searchIndex(query, filter.kind)) {
    const where = resolve(actor, hit.kind, hit.refId);
    if (!where) continue;
    if (filter.bodyId && where.bodyId !== filter.bodyId) continue;
    if (filter.year && where.year !== filter.year) continue;
    results.push({ kind: hit.kind, title: hit.title, snippetHtml: snippetToHtml(hit.snippet), ...where });
    if (results.length >= limit) break;
  }
  return results;
}
