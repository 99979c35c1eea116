/**
 * The seam around lucia v3 (see docs/decisions/003-lucia-sessions.md). Nothing else in the
 * app imports "lucia": leaving it for the maintainers' own session code touches only this
 * file, and the sessions table stays as it is.
 *
 * What holds, whatever lucia's defaults say:
 * - The cookie holds a random token; the database holds only its SHA-256 (lucia is given the
 *   hash as the session id), so a copy of the database holds no usable session.
 * - The cookie lives no longer than the session can: its Max-Age is the session's absolute
 *   lifetime (SESSION_MAX_HOURS), never lucia's 400 days. The idle timeout
 *   (SESSION_IDLE_MINUTES) slides on the server (lucia extends the expiry once half of it has
 *   passed) and the absolute lifetime is checked against created_at.
 * - Ended sessions are purged at every sign-in.
 */
import crypto from "node:crypto";
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { eq, lt, sql } from "drizzle-orm";
import { Lucia, TimeSpan, type DatabaseSession, type DatabaseUser } from "lucia";
import { sessions, users } from "../../db/schema";
import { db, preparedQuery } from "~/utils/db.server";
import { env, servedOverHttps } from "~/utils/env.server";

/** A session with the attributes of its user that lucia hands on: one prepared join. */
const sessionAndUser = preparedQuery((d) =>
  d
    .select({
      id: sessions.id,
      userId: sessions.userId,
      expiresAt: sessions.expiresAt,
      createdAt: sessions.createdAt,
      email: users.email,
      role: users.role,
      personId: users.personId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder("id")))
    .prepare(),
);

/**
 * The customer's drizzle adapter, with the read of every signed-in request (the session and
 * its user) as one statement prepared once per connection instead of two queries built on
 * each call, and without reading columns lucia does not hand on (the password hash).
 */
class SessionAdapter extends DrizzleSQLiteAdapter {
  override async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = sessionAndUser().get({ id: sessionId });
    if (!row) return [null, null];
    return [
      {
        id: row.id,
        userId: row.userId,
        expiresAt: new Date(row.expiresAt * 1000),
        attributes: { createdAt: row.createdAt },
      },
      { id: row.userId, attributes: { email: row.email, role: row.role, personId: row.personId } },
    ];
  }
}

function createLucia() {
  const secure = servedOverHttps();
  return new Lucia(new SessionAdapter(db(), sessions, users), {
    sessionExpiresIn: new TimeSpan(env().SESSION_IDLE_MINUTES, "m"),
    sessionCookie: {
      // __Host- requires Secure, Path=/ and no Domain: the cookie cannot be set by a subdomain.
      name: secure ? "__Host-session" : "session",
      attributes: { secure, sameSite: "lax", path: "/" },
    },
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      role: attributes.role,
      personId: attributes.personId,
    }),
    getSessionAttributes: (attributes) => ({ createdAt: attributes.createdAt }),
  });
}

let instance: ReturnType<typeof createLucia> | undefined;
let instanceDb: unknown;
/** One lucia per database connection (tests swap the connection between cases). */
function lucia() {
  if (!instance || instanceDb !== db()) {
    instance = createLucia();
    instanceDb = db();
  }
  return instance;
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: { email: string; role: "admin" | "member" | "reader"; personId: number | null };
    DatabaseSessionAttributes: { createdAt: number };
  }
}

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

const nowSeconds = () => Math.floor(Date.now() / 1000);
const maxSeconds = () => env().SESSION_MAX_HOURS * 3600;

/** The session cookie with the token; it lives as long as the session can (absolute lifetime). */
function sessionCookie(token: string): string {
  const cookie = lucia().createSessionCookie(token);
  cookie.attributes.maxAge = maxSeconds();
  cookie.attributes.expires = new Date(Date.now() + maxSeconds() * 1000);
  return cookie.serialize();
}

/** Removes every session that has ended: idle (lucia's deleteExpiredSessions) or absolute. */
export async function purgeExpiredSessions(now = nowSeconds()): Promise<void> {
  await lucia().deleteExpiredSessions();
  db()
    .delete(sessions)
    .where(lt(sessions.createdAt, now - maxSeconds() + 1))
    .run();
}

/** A new session (a new token at every sign-in); returns its Set-Cookie header. */
export async function createSession(userId: string): Promise<string> {
  await purgeExpiredSessions();
  const token = crypto.randomBytes(20).toString("hex");
  await lucia().createSession(userId, { createdAt: nowSeconds() }, { sessionId: sessionIdOf(token) });
  return sessionCookie(token);
}

export async function validateSession(cookieHeader: string | null): Promise<ValidatedSession | null> {
  let token: string | null;
  try {
    token = lucia().readSessionCookie(cookieHeader ?? "");
  } catch {
    return null; // lucia decodes every cookie of the header: a malformed %-escape throws
  }
  if (!token || !TOKEN.test(token)) return null;
  const { session, user } = await lucia().validateSession(sessionIdOf(token));
  if (!session || !user) return null;
  if (nowSeconds() - session.createdAt >= maxSeconds()) {
    await lucia().invalidateSession(session.id);
    return null;
  }
  return { user: { id: user.id, email: user.email, role: user.role, personId: user.personId }, sessionId: session.id };
}

/** Ends one session; returns the Set-Cookie header that removes the cookie. */
export async function endSession(sessionId: string): Promise<string> {
  await lucia().invalidateSession(sessionId);
  return blankSessionCookie();
}

/** Ends every session of an account (password change, role change, account closed). */
export async function endAllSessionsOf(userId: string): Promise<void> {
  await lucia().invalidateUserSessions(userId);
}

export function blankSessionCookie(): string {
  return lucia().createBlankSessionCookie().serialize();
}
