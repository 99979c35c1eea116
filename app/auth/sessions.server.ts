/**
 * Sessions, in the shape of the lucia maintainers' own session code (the exit path of
 * docs/decisions/003-lucia-sessions.md). The cookie holds a random token; the database holds
 * only its SHA-256, so a copy of the database (a backup, a leaked file) holds no usable
 * session. The cookie lives no longer than the session can: its Max-Age is the session's
 * absolute lifetime (SESSION_MAX_HOURS); the sliding idle timeout is enforced here, on the
 * server. Expired sessions are purged at every sign-in.
 */
import crypto from "node:crypto";
import { eq, lt, or } from "drizzle-orm";
import { sessions, users } from "../../db/schema";
import { db } from "~/utils/db.server";
import { env, servedOverHttps } from "~/utils/env.server";

export interface SessionUser {
  id: string;
  email: string;
  role: "admin" | "member" | "reader";
  personId: number | null;
}

export interface ValidatedSession {
  user: SessionUser;
  /** The stored id (the token's hash); never the token itself. */
  sessionId: string;
}

const TOKEN = /^[a-f0-9]{40}$/;

/** The stored id of a session token. */
export function sessionIdOf(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

function cookieName(): string {
  // __Host- requires Secure, Path=/ and no Domain: the cookie cannot be set by a subdomain.
  return servedOverHttps() ? "__Host-session" : "session";
}

function serialize(value: string, maxAgeSeconds: number): string {
  const parts = [`${cookieName()}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (maxAgeSeconds > 0) parts.push(`Expires=${new Date(Date.now() + maxAgeSeconds * 1000).toUTCString()}`);
  else parts.push("Expires=Thu, 01 Jan 1970 00:00:00 GMT");
  if (servedOverHttps()) parts.push("Secure");
  return parts.join("; ");
}

/** The session token from a Cookie header (our cookie name only), or null. */
function readSessionToken(cookieHeader: string | null): string | null {
  const name = cookieName();
  for (const part of (cookieHeader ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return TOKEN.test(value) ? value : null;
  }
  return null;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
const idleSeconds = () => env().SESSION_IDLE_MINUTES * 60;
const maxSeconds = () => env().SESSION_MAX_HOURS * 3600;

/** Removes every session that has ended (idle or absolute); returns how many. */
export function purgeExpiredSessions(now = nowSeconds()): number {
  return db()
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now + 1), lt(sessions.createdAt, now - maxSeconds() + 1)))
    .run().changes;
}

/** A new session (a new token at every sign-in); returns its Set-Cookie header. */
export function createSession(userId: string): string {
  purgeExpiredSessions();
  const token = crypto.randomBytes(20).toString("hex");
  const now = nowSeconds();
  const expiresAt = now + idleSeconds();
  db()
    .insert(sessions)
    .values({ id: sessionIdOf(token), userId, expiresAt, createdAt: now })
    .run();
  return serialize(token, maxSeconds());
}

export function validateSession(cookieHeader: string | null): ValidatedSession | null {
  const token = readSessionToken(cookieHeader);
  if (!token) return null;
  const id = sessionIdOf(token);
  const row = db()
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(eq(sessions.id, id))
    .get();
  if (!row) return null;
  const now = nowSeconds();
  const { session, user } = row;
  if (now >= session.expiresAt || now - session.createdAt >= maxSeconds()) {
    db().delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  // Sliding idle expiry: extended once half of it has passed (one write per half period).
  if (session.expiresAt - now < idleSeconds() / 2)
    db()
      .update(sessions)
      .set({ expiresAt: now + idleSeconds() })
      .where(eq(sessions.id, id))
      .run();
  return { user: { id: user.id, email: user.email, role: user.role, personId: user.personId }, sessionId: id };
}

/** Ends one session; returns the Set-Cookie header that removes the cookie. */
export function endSession(sessionId: string): string {
  db().delete(sessions).where(eq(sessions.id, sessionId)).run();
  return blankSessionCookie();
}

/** Ends every session of an account (password change, role change, account closed). */
export function endAllSessionsOf(userId: string): void {
  db().delete(sessions).where(eq(sessions.userId, userId)).run();
}

export function blankSessionCookie(): string {
  return serialize("", 0);
}
