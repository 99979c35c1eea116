/**
 * Guards used by every loader and action. `require…` functions throw a Response
 * (a redirect to sign-in, or the 403 page) so routes stay linear.
 */
import { redirect } from "@remix-run/node";
import { can, type Action, type Actor, type Resource } from "~/domain/policy";
import { todayInStockholm } from "~/domain/format";
import { loadActor } from "~/models/users.server";
import { validateSession, type SessionUser } from "./sessions.server";
import { NO_ACCESS } from "~/utils/page-title";

export interface Viewer {
  user: SessionUser;
  actor: Actor;
  sessionId: string;
}

async function loadViewer(request: Request): Promise<Viewer | null> {
  const session = await validateSession(request.headers.get("Cookie"));
  if (!session) return null;
  return { user: session.user, actor: loadActor(session.user, todayInStockholm()), sessionId: session.sessionId };
}

/**
 * A page's loaders (root, layout, route) run in parallel, each on its own copy of the
 * Request: the session and the actor are loaded once per request, keyed by the id the server
 * gives every request (server/index.js sets it, overwriting any the client sent). Only for
 * reads: an action may end or change the session, and the loaders after it must see that.
 */
const viewerOfRead = new Map<string, Promise<Viewer | null>>();
const VIEWER_REUSE_MS = 10_000;

/** The signed-in viewer, or null for the public. Never throws for a bad or expired cookie. */
export function getViewer(request: Request): Promise<Viewer | null> {
  const requestId = request.headers.get("x-portal-request-id");
  if (!requestId || (request.method !== "GET" && request.method !== "HEAD")) return loadViewer(request);
  let viewer = viewerOfRead.get(requestId);
  if (!viewer) {
    viewerOfRead.set(requestId, (viewer = loadViewer(request)));
    setTimeout(() => viewerOfRead.delete(requestId), VIEWER_REUSE_MS).unref();
  }
  return viewer;
}

const REDIRECT_BASE = "http://portal.invalid";

/**
 * Only paths of our own origin, after the normalisation a browser applies: an open redirect
 * must not be possible through ?redirectTo=. The value is resolved as a browser would
 * (WHATWG URL: tabs and newlines removed, backslashes read as slashes, dot segments
 * resolved), and the result is used only if it stays on our origin and is itself a plain
 * path; control characters and backslashes refuse the value outright.
 */
export function safeRedirectTo(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2048) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(to) || !to.startsWith("/") || to.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(to, REDIRECT_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== REDIRECT_BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}

export async function requireViewer(request: Request): Promise<Viewer> {
  const viewer = await getViewer(request);
  if (!viewer) {
    const url = new URL(request.url);
    const redirectTo = safeRedirectTo(url.pathname + url.search);
    const hadCookie = /(?:^|;\s*)(?:__Host-)?session=/.test(request.headers.get("Cookie") ?? "");
    const params = new URLSearchParams({ redirectTo });
    if (hadCookie) params.set("orsak", "utgangen");
    throw redirect(`/logga-in?${params}`);
  }
  return viewer;
}

/**
 * 403 for a signed-in viewer refused something they may see. A `message` saying why (who may
 * do it instead) is shown on the error page; the default is the page's own general text.
 */
export function forbidden(message = NO_ACCESS): Response {
  return new Response(message, { status: 403, statusText: "Forbidden" });
}

export function notFound(message = "Sidan finns inte."): Response {
  return new Response(message, { status: 404, statusText: "Not Found" });
}

/**
 * Throws the same 404 as a missing object unless the policy lets the actor read `resource`.
 * For one object (a meeting, a document, a matter) a 403 would tell, id by id, which hidden
 * ones exist: drafts, other bodies' meetings, other collaborations' matters. So an object the
 * viewer may not read answers exactly as one that does not exist, with the route's own
 * not-found message; the 404 page offers sign-in to the public (root's ErrorBoundary).
 * Refusals to act on an object the viewer may read stay 403 (requirePermission).
 */
export function requireReadable(actor: Actor | null, action: Action, resource: Resource, missing: string): void {
  if (!can(actor, action, resource)) throw notFound(missing);
}

/** Throws the 403 page unless the policy allows `action` on `resource`. */
export function requirePermission(actor: Actor | null, action: Action, resource: Resource = {}): void {
  if (!can(actor, action, resource)) throw forbidden();
}

/** Signed in and allowed: the common case for pages that change things. */
export async function requireViewerWith(request: Request, action: Action, resource: Resource = {}): Promise<Viewer> {
  const viewer = await requireViewer(request);
  requirePermission(viewer.actor, action, resource);
  return viewer;
}
