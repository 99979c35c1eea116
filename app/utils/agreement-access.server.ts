import { getViewer, notFound, requirePermission, requireViewerWith, type Viewer } from "~/auth/session.server";
import { can } from "~/domain/policy";
import { agreementOf, currentVersion, defaultCollaborationId } from "~/models/agreements.server";

/** The collaboration's agreement and its version in force, for any agreement page. */
export async function loadAgreementFor(request: Request) {
  const viewer = await getViewer(request);
  requirePermission(viewer?.actor ?? null, "read:agreement");
  return { viewer, canManage: can(viewer?.actor ?? null, "manage:agreement"), ...requireAgreement() };
}

export async function loadAgreementForManager(request: Request) {
  const viewer: Viewer = await requireViewerWith(request, "manage:agreement");
  return { viewer, canManage: true, ...requireAgreement() };
}

function requireAgreement() {
  const collaborationId = defaultCollaborationId();
  const agreement = collaborationId ? agreementOf(collaborationId) : undefined;
  const version = agreement ? currentVersion(agreement.id) : undefined;
  if (!collaborationId || !agreement || !version) throw notFound("Det finns inget samarbetsavtal registrerat.");
  return { collaborationId, agreement, version };
}
