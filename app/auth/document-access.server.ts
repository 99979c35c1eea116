import { getViewer, notFound, requireReadable } from "~/auth/session.server";
import { can } from "~/domain/policy";
import { documentBodiesOf, documentResource, getDocument } from "~/models/documents.server";
import { idParam } from "~/utils/params";

const DOCUMENT_MISSING = "Dokumentet finns inte.";

/** Loads a document the viewer may read (otherwise the 404 of a missing one, also for direct links). */
export async function loadDocumentFor(request: Request, documentIdParam: string | undefined) {
  const viewer = await getViewer(request);
  const doc = getDocument(idParam(documentIdParam));
  if (!doc) throw notFound(DOCUMENT_MISSING);
  const resource = documentResource(doc, documentBodiesOf(doc.id));
  requireReadable(viewer?.actor ?? null, "read:document", resource, DOCUMENT_MISSING);
  return { viewer, doc, resource, canEdit: can(viewer?.actor ?? null, "edit:document", resource) };
}
