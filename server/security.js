/**
 * HTTP-level protections that must run before Remix sees a request. Plain JS so the
 * production server runs without a TypeScript step; unit-tested in tests/unit/server-security.test.ts.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence: a state-changing request must carry an Origin header equal to our own origin.
 * Browsers send Origin on every cross-site and same-site POST; a missing Origin on a
 * non-GET request is refused too (a form post from our pages always has one).
 * @param {string} method
 * @param {string | undefined} originHeader
 * @param {string[]} allowedOrigins e.g. ["http://localhost:3000"]
 */
export function isOriginAllowed(method, originHeader, allowedOrigins) {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (!originHeader || originHeader === "null") return false;
  return allowedOrigins.includes(originHeader.toLowerCase().replace(/\/$/, ""));
}

/**
 * RFC 8058 one-click unsubscribe: a mail provider POSTs `List-Unsubscribe=One-Click` to the
 * link in the message's List-Unsubscribe header, from its own servers and without an Origin.
 * The unguessable token in the path is the authority, and such a request can only turn a
 * kind of mail off, so it is let through the Origin check (and only it).
 * @param {string} method
 * @param {string} pathname
 */
export function isOneClickUnsubscribe(method, pathname) {
  return method.toUpperCase() === "POST" && /^\/e-post\/avsluta\/[A-Za-z0-9_-]{20,64}$/.test(pathname);
}

/**
 * The origins that count as our own: the configured public origin (APP_ORIGIN) or, when
 * none is set, the origin the request was addressed to (Host header, protocol as seen).
 * @param {{ protocol: string, host: string | undefined }} req
 * @param {string | undefined} configuredOrigin
 */
export function ownOrigins(req, configuredOrigin) {
  if (configuredOrigin) return [configuredOrigin.toLowerCase().replace(/\/$/, "")];
  if (!req.host) return [];
  return [`${req.protocol}://${req.host}`.toLowerCase()];
}

/** Thrown into the body stream when a request sends more bytes than allowed. */
export class RequestTooLargeError extends Error {
  constructor() {
    super("request body too large");
    this.name = "RequestTooLargeError";
  }
}

const FORM_LIMIT = 2 * 1024 * 1024;

/**
 * The most bytes a request body may have: a multipart form (files) up to the request limit,
 * a URL-encoded form 2 MB, anything else nothing.
 * @param {string | undefined} contentType
 * @param {number} maxRequestBytes
 */
export function bodyLimitFor(contentType, maxRequestBytes) {
  const type = (contentType ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) return maxRequestBytes;
  if (type.startsWith("application/x-www-form-urlencoded")) return FORM_LIMIT;
  return 0;
}

/**
 * Refuses what no page of the portal sends: methods other than GET, HEAD, POST and OPTIONS
 * (405), and a POST whose body is not an HTML form (415), before anything reads it.
 * @param {string} method
 * @param {string | undefined} contentType
 * @returns {{ status: number, message: string } | null}
 */
export function refusedBody(method, contentType) {
  const m = method.toUpperCase();
  if (m === "GET" || m === "HEAD" || m === "OPTIONS") return null;
  if (m !== "POST") return { status: 405, message: "Metoden stöds inte." };
  const type = (contentType ?? "").toLowerCase().trim();
  if (/^multipart\/form-data\s*;.*\bboundary=/.test(type) || type.startsWith("application/x-www-form-urlencoded"))
    return null;
  return {
    status: 415,
    message: "Förfrågan måste skickas som ett formulär (application/x-www-form-urlencoded eller multipart/form-data).",
  };
}

/**
 * True when the declared body is larger than allowed (answered with 413 before parsing).
 * @param {string | undefined} contentLength
 * @param {number} maxBytes
 */
export function isTooLarge(contentLength, maxBytes) {
  if (!contentLength) return false;
  const n = Number(contentLength);
  return Number.isFinite(n) && n > maxBytes;
}
