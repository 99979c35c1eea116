/**
 * Server rendering. Streams HTML for browsers, waits for everything for bots; passes the
 * request's CSP nonce to Remix's inline scripts. Validates the environment at start.
 */
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { htmlStream } from "./utils/html-stream.server";
import { isCachedRoute } from "./utils/page-cache.server";
import { NonceProvider } from "./utils/nonce";
import { env } from "./utils/env.server";

env(); // a bad configuration stops the server here, with a message saying what to fix

/** The mail sender and scheduled jobs; server/index.js starts them once it listens. */
export { startBackgroundWork } from "./jobs/background.server";

/** The schema brought up to date, before the server listens (server/index.js, server/cluster.js). */
export { migrateAtStart } from "./utils/db.server";

/** Work done once before the server listens, so that no first request pays for it (server/index.js). */
export { warmNoticePdf as warmUp } from "./models/notice-pdf.server";

/** The validated settings, for server/index.js (it reaches them through the build's entry module). */
export const serverSettings = env;
/** The write limit, for the HTTP server (server/index.js): seconds to wait, or 0. */
export { writeWait } from "~/auth/limits.server";
/** Signed-in pages served again until the database changes (server/index.js; decision 011). */
export { withPageCache } from "./utils/page-cache.server";

const ABORT_DELAY = 5_000;

export const streamTimeout = ABORT_DELAY;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  // Whether app/utils/page-cache.server.ts may store this page (it also checks the status).
  loadContext.pageCacheable =
    responseStatusCode === 200 && isCachedRoute(remixContext.staticHandlerContext.matches.map((m) => m.route.id));
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = htmlStream();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1000);
  });
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce?: string;
    clientIp?: string;
  }
}
