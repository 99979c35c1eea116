import { redirect } from "@remix-run/node";
import { getViewer, notFound, requirePermission, requireViewerWith, type Viewer } from "~/auth/session.server";
import { withCollaboration } from "~/domain/collaboration";
import { todayInStockholm } from "~/domain/format";
import { can } from "~/domain/policy";
import { agreementOf, currentVersion } from "~/models/agreements.server";
import { listCollaborations } from "~/models/collaborations.server";
import { collaborationFor } from "./collaboration.server";

/** The agreement of the request's collaboration (`?samverkan=`) and its version in force, for any agreement page. */
export async function loadAgreementFor(request: Request) {
  const viewer = await getViewer(request);
  requirePermission(viewer?.actor ?? null, "read:agreement");
  return { viewer, canManage: can(viewer?.actor ?? null, "manage:agreement"), ...requireAgreement(request, viewer) };
}

export async function loadAgreementForManager(request: Request) {
  const viewer: Viewer = await requireViewerWith(request, "manage:agreement");
  return { viewer, canManage: true, ...requireAgreement(request, viewer) };
}

function requireAgreement(request: Request, viewer: Viewer | null) {
  const collaboration = collaborationFor(request, viewer?.actor ?? null);
  const collaborationId = collaboration.id;
  const agreement = agreementOf(collaborationId);
  const version = agreement ? currentVersion(agreement.id, todayInStockholm()) : undefined;
  if (!agreement || !version) {
    // The coordinator is taken to the form that creates the collaboration's first agreement.
    if (can(viewer?.actor ?? null, "manage:agreement"))
      throw redirect(withCollaboration("/avtal/nytt", collaboration.slug));
    throw notFound(`Det finns inget samarbetsavtal registrerat för ${collaboration.name}.`);
  }
  return { collaboration, collaborationId, agreement, version };
}

/**
 * For a page about one object of an agreement (a party, a version): the collaboration is the
 * object's, not the URL's (docs/decisions/008-collaboration-in-the-url.md).
 */
export async function loadAgreementOf(request: Request, collaborationId: number, manage = false) {
  const viewer = manage ? await requireViewerWith(request, "manage:agreement") : await getViewer(request);
  requirePermission(viewer?.actor ?? null, "read:agreement");
  const collaboration = listCollaborations().find((c) => c.id === collaborationId);
  const agreement = collaboration ? agreementOf(collaboration.id) : undefined;
  const version = agreement ? currentVersion(agreement.id, todayInStockholm()) : undefined;
  if (!collaboration || !agreement || !version) throw notFound("Det finns inget samarbetsavtal registrerat.");
  return {
    viewer,
    canManage: can(viewer?.actor ?? null, "manage:agreement"),
    collaboration,
    collaborationId: collaboration.id,
    agreement,
    version,
  };
}
