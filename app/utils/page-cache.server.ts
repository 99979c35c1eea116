/**
 * Signed-in pages served again from memory while nothing they could show has changed
 * (decision 011). A page that costs 8–11 ms of CPU to load and render costs well under a
 * millisecond to send again. What holds, on every request:
 * - Only GET requests with a session cookie whose session is valid now (validated for every
 *   request, a hit included: an ended, expired or revoked session never gets a stored page),
 *   and only pages of the routes listed in CACHED_ROUTES (their loaders read the database,
 *   the session, the URL and the Stockholm day, nothing else; no clock, no files).
 * - The key is a hash of the whole Cookie header (every cookie, the session's included), the
 *   full URL, the User-Agent and the Stockholm calendar day; an entry also names the session it
 *   was rendered for, and is used only for that session.
 * - Every entry is dropped when the database changes: a commit on any connection of any
 *   process (PRAGMA data_version) or a change on this one (total_changes()), as
 *   memoUntilChange. A page is stored only if the database did not change while it was
 *   rendered, so a page whose rendering writes (an audited read) is never stored.
 * - Only 200 text/html responses without Set-Cookie are stored.
 * - The CSP nonce is new on every response: the page is stored cut at its nonce and joined
 *   with the request's own.
 * - At most PAGE_CACHE_MB of page text per process, the least recently used dropped first
 *   (0 turns the cache off).
 */
import crypto from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { validateSession } from "~/auth/sessions.server";
import { todayInStockholm } from "~/domain/format";
import { databaseStamp, db } from "./db.server";
import { env } from "./env.server";

/**
 * The pages that may be stored (Remix route ids of the page; the root is always matched).
 * A route belongs here only if what its loader returns and its page shows follows from the
 * database, the viewer's session, the URL and the Stockholm day alone.
 */
const CACHED_ROUTES = new Set([
  "routes/_index",
  "routes/moten._index",
  "routes/moten.$meetingId._index",
  "routes/beslut._index",
  "routes/rekommendationer._index",
  "routes/rekommendationer.$recommendationId._index",
  "routes/avtal._index",
  "routes/avtal.kostnader._index",
  "routes/dokument._index",
]);

/** Whether a page with these matched routes may be stored (entry.server.tsx asks, per render). */
export function isCachedRoute(routeIds: readonly string[]): boolean {
  const leaf = routeIds[routeIds.length - 1];
  return (
    leaf !== undefined &&
    CACHED_ROUTES.has(leaf) &&
    routeIds.every((id) => id === "root" || id === leaf || CACHED_ROUTES.has(id))
  );
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Set by entry.server.tsx when the rendered page is one of CACHED_ROUTES. */
    pageCacheable?: boolean;
  }
}

interface Entry {
  sessionId: string;
  status: number;
  headers: [string, string][];
  /** The page cut at every occurrence of the nonce it was rendered with. */
  parts: string[];
  bytes: number;
}

interface Store {
  client: unknown;
  stamp: string;
  entries: Map<string, Entry>;
  bytes: number;
}

let store: Store | undefined;

/** The entries valid for the database as it is now (all dropped when it changed). */
function current(stamp: string): Store {
  const client = db().$client;
  if (!store || store.client !== client || store.stamp !== stamp)
    store = { client, stamp, entries: new Map(), bytes: 0 };
  return store;
}

const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?session=/;

function keyOf(request: Request, cookie: string): string {
  return crypto
    .createHash("sha256")
    .update(JSON.stringify([cookie, request.url, request.headers.get("user-agent") ?? "", todayInStockholm()]))
    .digest("base64");
}

function put(into: Store, key: string, entry: Entry, limit: number): void {
  if (entry.bytes > limit) return;
  while (into.bytes + entry.bytes > limit && into.entries.size > 0) {
    const [oldest, dropped] = into.entries.entries().next().value!;
    into.entries.delete(oldest);
    into.bytes -= dropped.bytes;
  }
  into.entries.set(key, entry);
  into.bytes += entry.bytes;
}

/** What server/index.js reads to say how a page was served (`X-Page-Cache`). */
export type PageCacheOutcome = "hit" | "stored" | "miss" | "off";

/**
 * Serves the request from the cache, or renders it with `render` and stores the page when
 * it may be. `context` is the load context `render` passes to Remix (entry.server.tsx marks
 * it for the routes that may be stored); its `cspNonce` is this response's nonce.
 */
export async function withPageCache(
  request: Request,
  context: AppLoadContext,
  render: () => Promise<Response>,
): Promise<{ response: Response; outcome: PageCacheOutcome }> {
  const limit = env().PAGE_CACHE_MB * 1024 * 1024;
  const cookie = request.headers.get("cookie");
  const nonce = context.cspNonce;
  if (limit === 0 || request.method !== "GET" || !cookie || !SESSION_COOKIE.test(cookie) || !nonce)
    return { response: await render(), outcome: "off" };
  // Every request, a stored page or not: a session that ended gets what the app answers
  // without a session (the sign-in page), never a page stored while it was valid.
  const session = await validateSession(cookie);
  if (!session || db().$client.inTransaction) return { response: await render(), outcome: "off" };
  // Taken after validating: lucia may have extended the session (a write), which drops all.
  const stamp = databaseStamp();
  const key = keyOf(request, cookie);
  const found = current(stamp).entries.get(key);
  if (found && found.sessionId === session.sessionId) {
    // Most recently used last.
    store!.entries.delete(key);
    store!.entries.set(key, found);
    return {
      response: new Response(found.parts.join(nonce), { status: found.status, headers: found.headers }),
      outcome: "hit",
    };
  }
  const response = await render();
  if (
    context.pageCacheable !== true ||
    response.status !== 200 ||
    !response.headers.get("content-type")?.startsWith("text/html") ||
    response.headers.has("set-cookie")
  )
    return { response, outcome: "miss" };
  const page = await response.text();
  const headers = [...response.headers.entries()];
  const copy = new Response(page, { status: 200, headers });
  // Nothing changed in the database while the page was rendered (by this request or another).
  if (db().$client.inTransaction || databaseStamp() !== stamp) return { response: copy, outcome: "miss" };
  const entry = {
    sessionId: session.sessionId,
    status: 200,
    headers,
    parts: page.split(nonce),
    bytes: page.length * 2,
  };
  put(current(stamp), key, entry, limit);
  return { response: copy, outcome: "stored" };
}
