/**
 * The seam every collection page calls: which collaboration does this request concern?
 * `?samverkan=<slug>` in the URL decides (links can be shared); without it, the viewer's own
 * collaboration (the first one they take part in), else the first one. An unknown slug is a
 * 404, never a silent switch to another collaboration.
 *
 *   const collaboration = collaborationFor(request, viewer?.actor ?? null);
 *   pageOfMatters(collaboration.id, pageRequestFrom(url.searchParams));
 *
 * This answers "which", not "may I": access is still checked per page and per object
 * (`takesPartIn(actor, collaboration.id)` in app/domain/policy.ts for non-public pages).
 */
import { chooseCollaboration, COLLABORATION_PARAM } from "~/domain/collaboration";
import { takesPartIn, type Action, type Actor } from "~/domain/policy";
import { collaborationIdsOfBodies, listCollaborations, type Collaboration } from "~/models/collaborations.server";
import { notFound, requirePermission } from "./session.server";

export function collaborationFor(request: Request, actor: Actor | null): Collaboration {
  const requested = new URL(request.url).searchParams.get(COLLABORATION_PARAM);
  const chosen = chooseCollaboration(listCollaborations(), requested, defaultCollaborationsOf(actor));
  if (chosen === "unknown") throw notFound("Samverkan finns inte. Kontrollera adressen.");
  if (chosen === "none") throw notFound("Det finns ingen samverkan registrerad ännu.");
  return chosen;
}

/**
 * The collaborations a page without `?samverkan=` may mean: those the viewer takes part in; for
 * someone whose only seats are yet to begin (a new term), those of the bodies that call them,
 * whose meetings already open for them (policy.ts, calledAhead). Only the choice: taking part
 * (matters, assignments) still begins with the seat.
 */
function defaultCollaborationsOf(actor: Actor | null): ReadonlySet<number> {
  if (!actor) return new Set();
  if (actor.collaborationIds.size > 0 || !actor.seatsAhead?.length) return actor.collaborationIds;
  return collaborationIdsOfBodies(actor.seatsAhead.map((s) => s.bodyId));
}

/** The collaborations the viewer takes part in (all of them for the coordinator), for the switcher. */
export function collaborationsOf(actor: Actor | null): Collaboration[] {
  return listCollaborations().filter((c) => takesPartIn(actor, c.id));
}

/**
 * For a list that only those who take part may read (matters, assignments): the request's
 * collaboration, or 403 for someone who does not take part in it.
 */
export function collaborationToRead(
  request: Request,
  actor: Actor | null,
  action: Extract<Action, "read:matters" | "read:assignments">,
): Collaboration {
  const collaboration = collaborationFor(request, actor);
  requirePermission(actor, action, { collaborationId: collaboration.id });
  return collaboration;
}

/**
 * The collaborations a list's filter offers (`<CollaborationFilter>`): those the viewer takes
 * part in (every one for the public, whose lists show public records), and always the current.
 */
export function collaborationChoices(actor: Actor | null, current: Collaboration) {
  const offered = actor ? collaborationsOf(actor) : listCollaborations();
  const list = offered.some((c) => c.id === current.id) ? offered : [...offered, current];
  return { current: current.slug, choices: list.map((c) => ({ slug: c.slug, name: c.name })) };
}
