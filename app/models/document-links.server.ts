/**
 * Links between library documents and meetings, matters, decisions and agreement versions,
 * in both directions. Reading a link never reveals a document the viewer may not read.
 */
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  agreements,
  agreementVersions,
  bodies,
  decisions,
  documentLinks,
  documents,
  matters,
  meetings,
} from "../../db/schema";
import { chosenId } from "~/domain/choices";
import { can, type Actor } from "~/domain/policy";
import { readScopeOf } from "~/domain/read-scope";
import type { PageRequest } from "~/domain/pagination";
import { db, write } from "~/utils/db.server";
import { paginateQuery } from "./paging.server";
import { recordAudit } from "./audit.server";
import { choiceLabels, choicesOf, mayChoose } from "./choices.server";
import { asNoticedBy } from "./meeting-notice.server";
import { decisionsReadableBy, documentsReadableBy, meetingsReadableBy } from "./read-scope.server";

export type LinkType = "meeting" | "matter" | "decision" | "agreement";

const HREF: Record<LinkType, (id: number) => string> = {
  meeting: (id) => `/moten/${id}`,
  matter: (id) => `/arenden/${id}`,
  decision: (id) => `/beslut/${id}`,
  agreement: (id) => `/avtal/versioner/${id}`,
};

const TYPE_LABEL: Record<LinkType, string> = {
  meeting: "Möte",
  matter: "Ärende",
  decision: "Beslut",
  agreement: "Avtalsversion",
};

/**
 * Which targets of a type the actor may read (the same rules as the targets' own pages, as
 * SQL). Matters are read by those who take part in the matter's collaboration (the
 * coordinator everywhere); agreement versions by everyone.
 */
function readableWhere(actor: Actor | null, type: LinkType): SQL | undefined | false {
  const scope = readScopeOf(actor);
  switch (type) {
    case "meeting":
      return meetingsReadableBy(scope);
    case "decision":
      return and(eq(decisions.inRegister, true), decisionsReadableBy(scope)) ?? undefined;
    case "matter":
      if (!can(actor, "read:matters")) return false;
      return inCollaborationsOf(actor, matters.collaborationId);
    case "agreement":
      return can(actor, "read:agreement") ? undefined : false;
  }
}

/**
 * Rows of the collaborations the actor takes part in (every one for the coordinator). The
 * policy's collaboration rules answer "yes" when asked without a collaboration, so a query
 * over every collaboration must narrow by this itself.
 */
function inCollaborationsOf(actor: Actor | null, column: SQLiteColumn): SQL | undefined | false {
  if (actor === null) return false;
  if (actor.role === "admin") return undefined;
  const ids = [...actor.collaborationIds];
  return ids.length === 0 ? false : inArray(column, ids);
}

/**
 * Where the actor may place a document: meetings and decisions of a body they sit in (a
 * member must not put a document on another body's meeting), any matter they may read, and
 * the agreement versions of a collaboration they take part in. The coordinator everywhere.
 */
function placeableWhere(actor: Actor | null, type: LinkType): SQL | undefined | false {
  const readable = readableWhere(actor, type);
  if (readable === false || actor === null) return false;
  if (actor.role === "admin" || type === "matter") return readable;
  if (type === "agreement") {
    const own = inCollaborationsOf(actor, agreements.collaborationId);
    if (own === false) return false;
    return and(
      readable,
      inArray(agreementVersions.agreementId, db().select({ id: agreements.id }).from(agreements).where(own)),
    );
  }
  const bodyIds = [...actor.bodyRoles.keys()].filter((bodyId) => can(actor, "edit:document", { bodyId }));
  if (bodyIds.length === 0) return false;
  return and(readable, inArray(type === "meeting" ? meetings.bodyId : decisions.bodyId, bodyIds));
}

/** What the document is linked to, with labels and links: only targets the actor may read. */
export function targetsOfDocument(actor: Actor | null, documentId: number) {
  const links = db()
    .select()
    .from(documentLinks)
    .where(eq(documentLinks.documentId, documentId))
    .all()
    .filter((l): l is typeof l & { targetType: LinkType } => Object.hasOwn(HREF, l.targetType))
    .filter((l) => mayChoose(l.targetType, readableWhere(actor, l.targetType), l.targetId));
  const meetingLabels = noticedMeetingLabels(
    actor,
    links.filter((l) => l.targetType === "meeting").map((l) => l.targetId),
  );
  return links.map((l) => ({
    type: l.targetType,
    id: l.targetId,
    typeLabel: TYPE_LABEL[l.targetType],
    label:
      (l.targetType === "meeting" ? meetingLabels.get(l.targetId) : undefined) ?? labelOf(l.targetType, l.targetId),
    href: HREF[l.targetType](l.targetId),
  }));
}

/**
 * Meetings named as in the choices ("SVOM 2026-12-10"), on the day the viewer is told
 * (asNoticedBy): a meeting moved without publishing keeps its published day for all but the
 * body's secretary, as on the meeting's page.
 */
function noticedMeetingLabels(actor: Actor | null, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = db()
    .select({ id: meetings.id, bodyId: meetings.bodyId, date: meetings.date, shortName: bodies.shortName })
    .from(meetings)
    .innerJoin(bodies, eq(meetings.bodyId, bodies.id))
    .where(inArray(meetings.id, ids))
    .all();
  return new Map(asNoticedBy(actor, rows).map((m) => [m.id, `${m.shortName} ${m.date}`]));
}

/** How a target is named in a document's links: as in the choices for linking (choices.server.ts). */
function labelOf(type: LinkType, id: number): string {
  return choiceLabels(type, [id]).get(id) ?? `#${id}`;
}

/**
 * Choices for linking, by type: the meetings, matters, decisions and agreement versions the
 * actor may place a document on, the latest of each or those matching `search`, at most a
 * page of each (a search reaches the oldest).
 */
export function linkOptions(actor: Actor | null, search: string, chosen: string | null = null) {
  const viewer = readScopeOf(actor);
  const of = (type: LinkType) =>
    choicesOf(type, placeableWhere(actor, type), {
      param: LINK_SEARCH,
      search,
      chosen: chosenId(chosen, type),
      viewer,
    });
  return { meeting: of("meeting"), matter: of("matter"), decision: of("decision"), agreement: of("agreement") };
}

/** The URL parameter of the search beside the link choices. */
export const LINK_SEARCH = "sok-koppling";

/** The actor may place a document on (or take it off) this target. */
export function mayPlaceOn(actor: Actor | null, type: LinkType, id: number): boolean {
  return mayChoose(type, placeableWhere(actor, type), id);
}

export function addDocumentLink(userId: string, documentId: number, type: LinkType, targetId: number) {
  write((tx) => {
    tx.insert(documentLinks).values({ documentId, targetType: type, targetId }).onConflictDoNothing().run();
    recordAudit(tx, {
      userId,
      action: "create",
      entityType: "document_link",
      entityId: documentId,
      after: { type, targetId },
    });
  });
}

export function removeDocumentLink(userId: string, documentId: number, type: LinkType, targetId: number) {
  write((tx) => {
    tx.delete(documentLinks)
      .where(
        and(
          eq(documentLinks.documentId, documentId),
          eq(documentLinks.targetType, type),
          eq(documentLinks.targetId, targetId),
        ),
      )
      .run();
    recordAudit(tx, {
      userId,
      action: "delete",
      entityType: "document_link",
      entityId: documentId,
      before: { type, targetId },
    });
  });
}

/**
 * A page of the documents linked to a target that the actor may read, newest first: access is
 * a condition of the query (`documentsReadableBy`, the library's own), so a page is full and
 * the total is what the viewer may open; a matter that runs for years gathers many.
 */
export function pageOfDocumentsLinkedTo(actor: Actor | null, type: LinkType, targetId: number, request: PageRequest) {
  const linked = db()
    .select({ id: documentLinks.documentId })
    .from(documentLinks)
    .where(and(eq(documentLinks.targetType, type), eq(documentLinks.targetId, targetId)));
  const where = and(inArray(documents.id, linked), documentsReadableBy(readScopeOf(actor)));
  const order = [desc(documents.date), desc(documents.id)];
  return paginateQuery(request, { table: documents, id: documents.id, where, order }, (page) =>
    db()
      .select({ id: documents.id, title: documents.title, kind: documents.kind, date: documents.date })
      .from(documents)
      .where(page)
      .orderBy(...order),
  );
}
