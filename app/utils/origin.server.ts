import { env } from "./env.server";

/** The portal's public origin: APP_ORIGIN when set, otherwise the request's own. */
export function publicOrigin(request: Request): string {
  return env().APP_ORIGIN?.replace(/\/$/, "") ?? new URL(request.url).origin;
}
