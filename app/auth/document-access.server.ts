import { getViewer, notFound, requirePermission } from "~/auth/session.server";
import { can } from "~/domain/policy";
import { documentBodiesOf, documentResource, getDocument } from "~/models/documents.server";
import { idParam } from "~/utils/params";

/** Loads a document the viewer may read (403 otherwise, also for direct links). */
export async function loadDocumentFor(request: Request, documentIdParam: string | undefined) {
  const viewer = await getViewer(request);
  const doc = getDocument(idParam(documentIdParam));
  if (!doc) throw notFound("Dokumentet finns inte.");
  const resource = documentResource(doc, documentBodiesOf(doc.id));
  requirePermission(viewer?.actor ?? null, "read:document", resource);
  return { viewer, doc, resource, canEdit: can(viewer?.actor ?? null, "edit:document", resource) };
}
