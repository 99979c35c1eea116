/**
 * The seam every collection page calls: which collaboration does this request concern?
 * `?samverkan=<slug>` in the URL decides (links can be shared); without it, the viewer's own
 * collaboration (the first one they take part in), else the first one. An unknown slug is a
 * 404, never a silent switch to another collaboration.
 *
 *   const collaboration = collaborationFor(request, viewer?.actor ?? null);
 *   listMatters(collaboration.id);
 *
 * This answers "which", not "may I": access is still checked per page and per object
 * (`takesPartIn(actor, collaboration.id)` in app/domain/policy.ts for non-public pages).
 */
import { chooseCollaboration, COLLABORATION_PARAM } from "~/domain/collaboration";
import { takesPartIn, type Actor } from "~/domain/policy";
import { listCollaborations, type Collaboration } from "~/models/collaborations.server";
import { notFound } from "./session.server";

export function collaborationFor(request: Request, actor: Actor | null): Collaboration {
  const requested = new URL(request.url).searchParams.get(COLLABORATION_PARAM);
  const chosen = chooseCollaboration(listCollaborations(), requested, actor?.collaborationIds ?? new Set());
  if (chosen === "unknown") throw notFound("Samverkan finns inte. Kontrollera adressen.");
  if (chosen === "none") throw notFound("Det finns ingen samverkan registrerad ännu.");
  return chosen;
}

/** The collaborations the viewer takes part in (all of them for the coordinator), for the switcher. */
export function collaborationsOf(actor: Actor | null): Collaboration[] {
  return listCollaborations().filter((c) => takesPartIn(actor, c.id));
}
