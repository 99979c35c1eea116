import { env } from "./env.server";

/** The portal's public origin: APP_ORIGIN when set, otherwise the request's own. */
export function publicOrigin(request: Request): string {
  return env().APP_ORIGIN?.replace(/\/$/, "") ?? new URL(request.url).origin;
}

/**
 * The origin for links in e-mail and feeds written without a request (jobs, queued mail):
 * APP_ORIGIN, required whenever a relay is configured; in the demo, the local server.
 */
export function portalOrigin(): string {
  return env().APP_ORIGIN?.replace(/\/$/, "") ?? `http://localhost:${env().PORT}`;
}
