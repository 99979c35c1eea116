/**
 * The document library: documents with versions, visibility and links. Visibility is decided
 * by the policy for every row a list returns; search is app/models/search.server.ts.
 */
import { and, desc, eq, gte, lte, max, sql, type SQL } from "drizzle-orm";
import { bodies, documentBodies, documents, documentVersions, files, people, users } from "../../db/schema";
import type { ValidDocument } from "~/domain/documents";
import type { PageRequest } from "~/domain/pagination";
import { can, type Actor, type Resource } from "~/domain/policy";
import { readScopeOf } from "~/domain/read-scope";
import { db, write, type Db } from "~/utils/db.server";
import { indexedInWrite, indexPendingTexts } from "~/utils/text-indexer.server";
import { recordAudit } from "./audit.server";
import type { stageFiles } from "./files.server";
import { paginateQuery } from "./paging.server";
import { documentsReadableBy } from "./read-scope.server";

type Staged = ReturnType<typeof stageFiles>;

type DocumentRow = typeof documents.$inferSelect;

function bodyIdsOf(documentId: number): number[] {
  return db()
    .select({ id: documentBodies.bodyId })
    .from(documentBodies)
    .where(eq(documentBodies.documentId, documentId))
    .all()
    .map((r) => r.id);
}

type DocumentFacts = Pick<DocumentRow, "id" | "visibility" | "bodyId" | "collaborationId">;

export function documentResource(doc: DocumentFacts, bodyIds = bodyIdsOf(doc.id)): Resource {
  return { visibility: doc.visibility, bodyIds, bodyId: doc.bodyId ?? undefined, collaborationId: doc.collaborationId };
}

export function canReadDocument(actor: Actor | null, doc: DocumentFacts): boolean {
  return can(actor, "read:document", documentResource(doc));
}

export function getDocument(id: number) {
  return db().select().from(documents).where(eq(documents.id, id)).get();
}

export function documentBodiesOf(documentId: number) {
  return bodyIdsOf(documentId);
}

export interface DocumentFilter {
  /** The collaboration the library shows (the request's, `?samverkan=`). */
  collaborationId?: number;
  kind?: string;
  bodyId?: number;
  year?: number;
}

const documentOrder = [desc(documents.date), desc(documents.id)];

/** One page of the documents the actor may read, newest first; access and filters in SQL. */
export function pageOfDocuments(actor: Actor | null, filter: DocumentFilter, request: PageRequest) {
  const where = and(
    documentsReadableBy(readScopeOf(actor)),
    filter.collaborationId ? eq(documents.collaborationId, filter.collaborationId) : undefined,
    filter.kind ? eq(documents.kind, filter.kind as DocumentRow["kind"]) : undefined,
    filter.bodyId ? eq(documents.bodyId, filter.bodyId) : undefined,
    // A range on the date, not substr(), so the date index serves the year filter.
    filter.year
      ? and(gte(documents.date, `${filter.year}-01-01`), lte(documents.date, `${filter.year}-12-31`))
      : undefined,
  );
  return paginateQuery(request, { table: documents, id: documents.id, where, order: documentOrder }, (page) =>
    db()
      .select({
        id: documents.id,
        title: documents.title,
        kind: documents.kind,
        date: documents.date,
        visibility: documents.visibility,
        bodyName: bodies.shortName,
      })
      .from(documents)
      .leftJoin(bodies, eq(documents.bodyId, bodies.id))
      .where(page)
      .orderBy(...documentOrder),
  );
}

const versionColumns = {
  version: documentVersions,
  // Histories name people, not their sign-in addresses (issue 15).
  author: sql<string | null>`coalesce(${people.name}, ${users.email})`,
  file: files,
};

function versionRows(where: SQL) {
  return db()
    .select(versionColumns)
    .from(documentVersions)
    .leftJoin(users, eq(documentVersions.authorId, users.id))
    .leftJoin(people, eq(users.personId, people.id))
    .leftJoin(files, eq(documentVersions.fileId, files.id))
    .where(where);
}

type VersionRow = {
  version: typeof documentVersions.$inferSelect;
  author: string | null;
  file: typeof files.$inferSelect | null;
};
const flatVersion = (r: VersionRow) => ({ ...r.version, author: r.author, file: r.file });

/** One version of a document (with its author's name and its file), or undefined. */
export function versionOfDocument(documentId: number, versionId: number) {
  const row = versionRows(and(eq(documentVersions.documentId, documentId), eq(documentVersions.id, versionId))!).get();
  return row ? flatVersion(row) : undefined;
}

const versionOrder = [desc(documentVersions.versionNo), desc(documentVersions.id)];

/** The version a document's page shows: the one marked current, else the newest. */
export function currentVersionOf(doc: Pick<DocumentRow, "id" | "currentVersionId">) {
  const marked = doc.currentVersionId ? versionOfDocument(doc.id, doc.currentVersionId) : undefined;
  if (marked) return marked;
  const newest = versionRows(eq(documentVersions.documentId, doc.id))
    .orderBy(...versionOrder)
    .limit(1)
    .get();
  return newest ? flatVersion(newest) : undefined;
}

/** One page of a document's versions, newest first: a document edited for years has many. */
export async function pageOfDocumentVersions(documentId: number, request: PageRequest) {
  const where = eq(documentVersions.documentId, documentId);
  const page = await paginateQuery(
    request,
    { table: documentVersions, id: documentVersions.id, where, order: versionOrder },
    (ofPage) => versionRows(ofPage).orderBy(...versionOrder),
  );
  return { page: page.page, items: page.items.map(flatVersion) };
}

export interface VersionContent {
  markdown: string | null;
  searchText: string;
  comment: string;
}

function insertVersion(tx: Db, userId: string, documentId: number, content: VersionContent, staged: Staged | null) {
  const [file] = staged?.insert(tx, userId) ?? [];
  const last =
    tx
      .select({ n: max(documentVersions.versionNo) })
      .from(documentVersions)
      .where(eq(documentVersions.documentId, documentId))
      .get()?.n ?? 0;
  const version = tx
    .insert(documentVersions)
    .values({
      documentId,
      versionNo: last + 1,
      fileId: file?.id ?? null,
      markdown: content.markdown,
      searchText: content.searchText,
      // A long text is indexed after this write, off the event loop (text-indexer.server.ts).
      textIndexed: indexedInWrite(content.searchText),
      comment: content.comment,
      authorId: userId,
    })
    .returning()
    .get();
  // Updating the document re-indexes it (trigger) with the new version's text, in this transaction.
  tx.update(documents).set({ currentVersionId: version.id }).where(eq(documents.id, documentId)).run();
  return version;
}

export function createDocument(
  userId: string,
  collaborationId: number,
  value: ValidDocument,
  content: VersionContent,
  staged: Staged | null,
) {
  const doc = write((tx) => {
    const { bodyIds, ...fields } = value;
    const doc = tx
      .insert(documents)
      .values({ ...fields, collaborationId, createdBy: userId })
      .returning()
      .get();
    for (const bodyId of bodyIds) tx.insert(documentBodies).values({ documentId: doc.id, bodyId }).run();
    const version = insertVersion(tx, userId, doc.id, content, staged);
    recordAudit(tx, {
      userId,
      action: "create",
      entityType: "document",
      entityId: doc.id,
      after: { ...doc, bodyIds, versionId: version.id },
    });
    return doc;
  });
  if (!indexedInWrite(content.searchText)) indexPendingTexts();
  return doc;
}

/** A new version (upload or edit); refused if someone else saved a version since `expectedVersion`. */
export function addDocumentVersion(
  userId: string,
  documentId: number,
  expectedVersion: number,
  content: VersionContent,
  staged: Staged | null,
) {
  const result = write((tx) => {
    const before = tx.select().from(documents).where(eq(documents.id, documentId)).get();
    if (!before) throw new Response("Dokumentet finns inte.", { status: 404 });
    if (before.version !== expectedVersion) return { ok: false as const, current: before };
    const version = insertVersion(tx, userId, documentId, content, staged);
    tx.update(documents)
      .set({ version: before.version + 1 })
      .where(eq(documents.id, documentId))
      .run();
    recordAudit(tx, {
      userId,
      action: "create",
      entityType: "document_version",
      entityId: version.id,
      before: { currentVersionId: before.currentVersionId },
      after: { documentId, versionNo: version.versionNo, comment: content.comment },
    });
    return { ok: true as const, version };
  });
  if (result.ok && !indexedInWrite(content.searchText)) indexPendingTexts();
  return result;
}

/** The description of a document (title, kind, owner, date, who may see it); refused if someone else saved since `expectedVersion`. */
export function updateDocumentMeta(userId: string, documentId: number, expectedVersion: number, value: ValidDocument) {
  return write((tx) => {
    const before = tx.select().from(documents).where(eq(documents.id, documentId)).get();
    if (!before) throw new Response("Dokumentet finns inte.", { status: 404 });
    if (before.version !== expectedVersion) return { ok: false as const, current: before };
    const { bodyIds, ...fields } = value;
    const after = tx
      .update(documents)
      .set({ ...fields, version: before.version + 1 })
      .where(eq(documents.id, documentId))
      .returning()
      .get();
    tx.delete(documentBodies).where(eq(documentBodies.documentId, documentId)).run();
    for (const bodyId of bodyIds) tx.insert(documentBodies).values({ documentId, bodyId }).run();
    recordAudit(tx, {
      userId,
      action: "update",
      entityType: "document",
      entityId: documentId,
      before,
      after: { ...after, bodyIds },
    });
    return { ok: true as const };
  });
}

/** The documents that contain this file (any version), for download checks. */
export function documentsWithFile(fileId: number) {
  return db()
    .select({ doc: documents })
    .from(documentVersions)
    .innerJoin(documents, eq(documentVersions.documentId, documents.id))
    .where(eq(documentVersions.fileId, fileId))
    .all()
    .map((r) => r.doc);
}
