/**
 * Links between library documents and meetings, matters, decisions and agreement versions,
 * in both directions. Reading a link never reveals a document the viewer may not read.
 */
import { and, desc, eq } from "drizzle-orm";
import { agreementVersions, bodies, decisions, documentLinks, documents, matters, meetings } from "../../db/schema";
import type { Actor } from "~/domain/policy";
import { db, write } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { canReadDocument } from "./documents.server";

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

/** What the document is linked to, with labels and links. */
export function targetsOfDocument(documentId: number) {
  return db()
    .select()
    .from(documentLinks)
    .where(eq(documentLinks.documentId, documentId))
    .all()
    .filter((l): l is typeof l & { targetType: LinkType } => l.targetType in HREF)
    .map((l) => ({
      type: l.targetType,
      id: l.targetId,
      typeLabel: TYPE_LABEL[l.targetType],
      label: labelOf(l.targetType, l.targetId),
      href: HREF[l.targetType](l.targetId),
    }));
}

function labelOf(type: LinkType, id: number): string {
  switch (type) {
    case "meeting": {
      const m = db()
        .select({ date: meetings.date, body: bodies.shortName })
        .from(meetings)
        .innerJoin(bodies, eq(meetings.bodyId, bodies.id))
        .where(eq(meetings.id, id))
        .get();
      return m ? `${m.body} ${m.date}` : `#${id}`;
    }
    case "matter": {
      const m = db().select().from(matters).where(eq(matters.id, id)).get();
      return m ? `${m.registryNumber} ${m.title}` : `#${id}`;
    }
    case "decision": {
      const d = db().select().from(decisions).where(eq(decisions.id, id)).get();
      return d ? `${d.decidedOn} ${d.title}` : `#${id}`;
    }
    case "agreement":
      return db().select().from(agreementVersions).where(eq(agreementVersions.id, id)).get()?.label ?? `#${id}`;
  }
}

/** Choices for linking: recent meetings, matters, decisions and agreement versions. */
export function linkOptions() {
  return {
    meeting: db()
      .select({ id: meetings.id, date: meetings.date, body: bodies.shortName })
      .from(meetings)
      .innerJoin(bodies, eq(meetings.bodyId, bodies.id))
      .orderBy(desc(meetings.date))
      .limit(60)
      .all()
      .map((m) => ({ value: `meeting:${m.id}`, label: `${m.body} ${m.date}` })),
    matter: db()
      .select()
      .from(matters)
      .all()
      .map((m) => ({ value: `matter:${m.id}`, label: `${m.registryNumber} ${m.title}` })),
    decision: db()
      .select()
      .from(decisions)
      .orderBy(desc(decisions.decidedOn))
      .limit(100)
      .all()
      .map((d) => ({ value: `decision:${d.id}`, label: `${d.decidedOn} ${d.title}` })),
    agreement: db()
      .select()
      .from(agreementVersions)
      .all()
      .map((v) => ({ value: `agreement:${v.id}`, label: v.label })),
  };
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

/** Documents linked to a target that the actor may read. */
export function documentsLinkedTo(actor: Actor | null, type: LinkType, targetId: number) {
  return db()
    .select({ doc: documents })
    .from(documentLinks)
    .innerJoin(documents, eq(documentLinks.documentId, documents.id))
    .where(and(eq(documentLinks.targetType, type), eq(documentLinks.targetId, targetId)))
    .all()
    .map((r) => r.doc)
    .filter((doc) => canReadDocument(actor, doc))
    .map((doc) => ({ id: doc.id, title: doc.title, kind: doc.kind, date: doc.date }));
}

export function targetExists(type: LinkType, id: number): boolean {
  const table = { meeting: meetings, matter: matters, decision: decisions, agreement: agreementVersions }[type];
  return db().select({ id: table.id }).from(table).where(eq(table.id, id)).get() !== undefined;
}
