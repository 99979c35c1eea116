/**
 * A body's Atom feed: its public decisions and its published notices, exactly what the
 * anonymous public may read (the shared rules of app/models/read-scope.server.ts with the
 * anonymous scope), newest first.
 */
import { and, desc, eq, max, sql } from "drizzle-orm";
import { agendaVersions, bodies, decisions, meetings, minutesRevisions } from "../../db/schema";
import { lastPublished, type AtomEntry } from "~/domain/atom";
import { readScopeOf } from "~/domain/read-scope";
import { db } from "~/utils/db.server";
import { asNoticedBy } from "./meeting-notice.server";
import { decisionsReadableBy, meetingsReadableBy } from "./read-scope.server";

const FEED_SIZE = 50;

export function bodyForFeed(bodyId: number) {
  return db()
    .select({ id: bodies.id, name: bodies.name, slug: bodies.slug })
    .from(bodies)
    .where(eq(bodies.id, bodyId))
    .get();
}

/** The entries of the body's feed; `origin` makes the links absolute, `host` the ids. */
export function bodyFeedEntries(bodyId: number, origin: string, host: string): AtomEntry[] {
  const anonymous = readScopeOf(null);
  const decided = db()
    .select({
      id: decisions.id,
      paragraph: decisions.paragraph,
      decidedOn: decisions.decidedOn,
      title: decisions.title,
      text: decisions.text,
      approvedAt: decisions.approvedAt,
      // The last approved correction of the §'s minutes (rättelse): the text the public reads changed then.
      correctedAt: sql<
        string | null
      >`(select max(coalesce(${minutesRevisions.approvedAt}, ${minutesRevisions.createdAt})) from ${minutesRevisions} where ${minutesRevisions.meetingId} = ${decisions.meetingId} and ${minutesRevisions.agendaItemId} = ${decisions.agendaItemId} and ${minutesRevisions.pending} = 0)`,
    })
    .from(decisions)
    .where(and(eq(decisions.bodyId, bodyId), eq(decisions.inRegister, true), decisionsReadableBy(anonymous)))
    .orderBy(desc(decisions.decidedOn), desc(decisions.id))
    .limit(FEED_SIZE)
    .all()
    .map((d): AtomEntry => ({
      id: `tag:${host},2026:beslut/${d.id}`,
      title: `Beslut${d.paragraph ? ` § ${d.paragraph}` : ""} ${d.decidedOn}: ${d.title}`,
      updated: lastPublished([d.approvedAt, d.correctedAt], d.decidedOn),
      url: `${origin}/beslut/${d.id}`,
      summary: d.text.length > 600 ? `${d.text.slice(0, 600)} …` : d.text,
    }));
  const rows = db()
    .select({
      id: meetings.id,
      bodyId: meetings.bodyId,
      date: meetings.date,
      startTime: meetings.startTime,
      place: meetings.place,
      // Every agenda version is a published notice; the newest is what the public is told now.
      publishedAt: max(agendaVersions.publishedAt),
    })
    .from(meetings)
    .innerJoin(agendaVersions, eq(agendaVersions.meetingId, meetings.id))
    .where(and(eq(meetings.bodyId, bodyId), meetingsReadableBy(anonymous)))
    .groupBy(meetings.id)
    .orderBy(desc(meetings.date), desc(meetings.id))
    .limit(FEED_SIZE)
    .all();
  // The public is told what the published notice says, never a change not yet published.
  const noticed = asNoticedBy(null, rows).map((m): AtomEntry => ({
    id: `tag:${host},2026:kallelse/${m.id}`,
    title: `Kallelse: sammanträde ${m.date} kl. ${m.startTime}`,
    updated: lastPublished([m.publishedAt], m.date),
    url: `${origin}/moten/${m.id}`,
    summary: `Sammanträde ${m.date} kl. ${m.startTime}${m.place ? `, ${m.place}` : ""}. Dagordningen finns i portalen.`,
  }));
  return [...decided, ...noticed].sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
}
