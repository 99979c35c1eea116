/**
 * Loading a recommendation for a page: the object, checked against the policy (drafts are the
 * coordinator's; a public one is readable by anyone once sent), and for the coordinator's step
 * pages whether the lifecycle allows the step now.
 */
import { can } from "~/domain/policy";
import { recommendationResource, stepRefusal, type RecommendationStep } from "~/domain/recommendations";
import { getRecommendation } from "~/models/recommendations.server";
import { idParam } from "~/utils/params";
import { getViewer, notFound, requireReadable, requireViewerWith } from "./session.server";

const RECOMMENDATION_MISSING = "Rekommendationen finns inte.";

export async function loadRecommendation(request: Request, params: { recommendationId?: string }) {
  const viewer = await getViewer(request);
  const actor = viewer?.actor ?? null;
  const rec = getRecommendation(idParam(params.recommendationId));
  if (!rec) throw notFound(RECOMMENDATION_MISSING);
  requireReadable(actor, "read:recommendation", recommendationResource(rec), RECOMMENDATION_MISSING);
  return { viewer, actor, rec, isCoordinator: can(actor, "manage:decisions") };
}

/** A coordinator's step (edit, decide, send, correct, withdraw …): `refusal` says why it cannot be taken now. */
export async function loadRecommendationStep(
  request: Request,
  params: { recommendationId?: string },
  step: RecommendationStep,
) {
  const viewer = await requireViewerWith(request, "manage:decisions");
  const rec = getRecommendation(idParam(params.recommendationId));
  if (!rec) throw notFound(RECOMMENDATION_MISSING);
  return { viewer, rec, refusal: stepRefusal(rec.status, step) };
}

/** A search parameter of the request (`?beslut=12`, `?per=2022-10-07`), trimmed; "" when absent. */
export function queryParam(request: Request, name: string): string {
  return new URL(request.url).searchParams.get(name)?.trim() ?? "";
}
