/**
 * A route's loader called as a viewer would reach it: a GET of the address with the session
 * cookie of `userId` (a session stored as the app stores it), or signed out for null.
 */
import type { Db } from "../../db/connection";
import { sessionCookie } from "./browser";

export async function loadAs<T>(
  db: Db,
  page: { loader: (a: never) => Promise<T> },
  url: string,
  userId: string | null,
  params: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = userId ? { Cookie: sessionCookie(db, userId) } : {};
  const request = new Request(`http://localhost${url}`, { headers });
  return page.loader({ request, params, context: {} } as never);
}
