/**
 * The seam around lucia v3 (deprecated upstream; see docs/decisions/003-lucia-sessions.md).
 * Nothing else in the app imports "lucia": replacing it with the maintainers' own session
 * code touches only this file, and the sessions table stays as it is.
 */
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { Lucia, TimeSpan } from "lucia";
import { sessions, users } from "../../db/schema";
import { db } from "~/utils/db.server";
import { env, servedOverHttps } from "~/utils/env.server";

function createLucia() {
  const secure = servedOverHttps();
  return new Lucia(new DrizzleSQLiteAdapter(db(), sessions, users), {
    // Sliding idle timeout: lucia extends the expiry when half of it has passed.
    sessionExpiresIn: new TimeSpan(env().SESSION_IDLE_MINUTES, "m"),
    sessionCookie: {
      // __Host- requires Secure, Path=/ and no Domain: the cookie cannot be set by a subdomain.
      name: secure ? "__Host-session" : "session",
      expires: false,
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
  sessionId: string;
  /** A Set-Cookie header to send when the session was extended or ended. */
  setCookie: string | null;
}

export async function createSession(userId: string): Promise<string> {
  const session = await lucia().createSession(userId, { createdAt: Math.floor(Date.now() / 1000) });
  return lucia().createSessionCookie(session.id).serialize();
}

export async function validateSession(cookieHeader: string | null): Promise<ValidatedSession | null> {
  const sessionId = lucia().readSessionCookie(cookieHeader ?? "");
  if (!sessionId) return null;
  const { session, user } = await lucia().validateSession(sessionId);
  if (!session || !user) return null;
  const ageSeconds = Date.now() / 1000 - session.createdAt;
  if (ageSeconds > env().SESSION_MAX_HOURS * 3600) {
    await lucia().invalidateSession(session.id);
    return null;
  }
  return {
    user: { id: user.id, email: user.email, role: user.role, personId: user.personId },
    sessionId: session.id,
    setCookie: session.fresh ? lucia().createSessionCookie(session.id).serialize() : null,
  };
}

export function sessionCookieName(): string {
  return lucia().sessionCookieName;
}

export async function endSession(sessionId: string): Promise<string> {
  await lucia().invalidateSession(sessionId);
  return lucia().createBlankSessionCookie().serialize();
}

export async function endAllSessionsOf(userId: string): Promise<void> {
  await lucia().invalidateUserSessions(userId);
}

export function blankSessionCookie(): string {
  return lucia().createBlankSessionCookie().serialize();
}
