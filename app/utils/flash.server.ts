/**
 * The one success message after a save (WCAG 4.1.3): an action answers with
 * `redirectWithStatus(url, "Mötet är sparat.")` instead of `redirect(url)`. The message rides
 * in a short-lived signed cookie; the root loader reads it once (`takeFlash`), clears the
 * cookie, and root.tsx renders it in the page's one role="status" region. No JavaScript is
 * needed: a plain form post gets the same redirect and the same message on the next page.
 */
import crypto from "node:crypto";
import { redirect } from "@remix-run/node";
import { servedOverHttps } from "./env.server";

/** A message is a sentence, not a document; anything longer is cut. */
const MAX_LENGTH = 300;
/** Long enough for a slow redirect, short enough that a stale message never surprises. */
const MAX_AGE_SECONDS = 60;
/**
 * Signed so that no one but this server can put words on our pages. The key lives as long as
 * the process: a restart between the redirect and the next page only loses that message.
 */
const KEY = crypto.randomBytes(32);

function cookieName(): string {
  return servedOverHttps() ? "__Host-flash" : "flash";
}

function attributes(maxAge: number): string {
  return [`Path=/`, `Max-Age=${maxAge}`, "HttpOnly", "SameSite=Lax", servedOverHttps() ? "Secure" : null]
    .filter(Boolean)
    .join("; ");
}

function sign(payload: string): string {
  return crypto.createHmac("sha256", KEY).update(payload).digest("base64url");
}

/** The Set-Cookie header that carries `message` to the next page. */
export function flashCookie(message: string): string {
  const payload = Buffer.from(message.slice(0, MAX_LENGTH), "utf8").toString("base64url");
  return `${cookieName()}=${payload}.${sign(payload)}; ${attributes(MAX_AGE_SECONDS)}`;
}

/** A redirect that shows `message` (Swedish, a full sentence) as a status on the next page. */
export function redirectWithStatus(url: string, message: string, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", flashCookie(message));
  return redirect(url, { ...init, headers });
}

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * The waiting message, if any, and the Set-Cookie that clears it (only when there was a
 * cookie to clear, so ordinary pages send no header). A forged or damaged cookie is dropped.
 */
export function takeFlash(request: Request): { message: string | null; setCookie: string | null } {
  const raw = readCookie(request.headers.get("Cookie"), cookieName());
  if (raw === undefined) return { message: null, setCookie: null };
  const clear = `${cookieName()}=; ${attributes(0)}`;
  const [payload, signature] = raw.split(".");
  if (!payload || !signature) return { message: null, setCookie: clear };
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) {
    return { message: null, setCookie: clear };
  }
  const message = Buffer.from(payload, "base64url").toString("utf8").slice(0, MAX_LENGTH);
  return { message: message || null, setCookie: clear };
}
