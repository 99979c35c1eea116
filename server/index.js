/**
 * Production and test server: Express in front of the Remix request handler.
 * It adds security headers (CSP with a per-request nonce), the Origin check for
 * state-changing requests, limits on the bytes of every request body (counted as they
 * arrive, chunked or not), the allowed methods and body encodings, and graceful shutdown.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Transform } from "node:stream";
import { fileURLToPath } from "node:url";
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import {
  bodyLimitFor,
  isOneClickUnsubscribe,
  isOriginAllowed,
  isTooLarge,
  ownOrigins,
  refusedBody,
  RequestTooLargeError,
} from "./security.js";
import { migrateOrExit } from "./migrate.js";
import { enterWriteRequest } from "./write-gate.js";

// Production unless told otherwise (`npm run dev` says development): before the build is
// imported, because React and Remix read NODE_ENV when they load.
process.env.NODE_ENV ||= "production";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The build, and every setting validated by its one schema (app/utils/env.server.ts). */
async function load() {
  try {
    const build = await import(path.join(root, "build/index.js"));
    return { build, settings: build.entry.module.serverSettings() };
  } catch (error) {
    // A configuration error is a message for the operator, not a stack trace.
    console.error(error instanceof Error && error.message.startsWith("Ogiltig konfiguration") ? error.message : error);
    process.exit(1);
  }
}
const { build, settings } = await load();

// The database file is created, or brought up to the committed schema, before anything is
// served (server/cluster.js has already done it when there are several processes).
migrateOrExit(build);

const port = settings.PORT;
const host = settings.HOST;
const appOrigin = settings.APP_ORIGIN;
const maxRequestBytes = settings.MAX_REQUEST_MB * 1024 * 1024;
const incomingDir = path.join(path.resolve(settings.UPLOAD_DIR), ".incoming");
const isProduction = settings.NODE_ENV === "production";

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", settings.TRUST_PROXY || false);

app.use((req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  next();
});

app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
        ...(isProduction && appOrigin?.startsWith("https:") ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    // HSTS only means something over HTTPS; helmet sends it, browsers ignore it over HTTP.
    strictTransportSecurity: appOrigin?.startsWith("https:") ? { maxAge: 31536000 } : false,
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  }),
);

// HTML, JS, CSS, JSON, CSV and text compressed (the library's list of compressible types; PDFs,
// images and zips are not). Pages carry no secret that stays the same between requests (the
// CSP nonce is new each time, the session is only in the cookie), so BREACH has nothing to
// recover. Level 1 for gzip (nginx's default): a 45 kB page costs about a quarter less CPU to
// compress and comes out about a tenth larger; browsers that take brotli get it at quality 4.
app.use(compression({ level: 1 }));

function answer(res, status, message, headers = {}) {
  res.status(status).set(headers).type("text/plain; charset=utf-8").send(message);
}

/** How long, and how many more bytes, a refused request's body is read and thrown away. */
const LINGER_MS = 5_000;
const LINGER_BYTES = 16 * 1024 * 1024;

/**
 * Answers a request whose body is not (all) read yet, then reads and throws away what the
 * client still sends, for at most LINGER_MS and LINGER_BYTES, before closing the connection
 * (the "lingering close" of Apache and nginx). Closing at once with bytes unread makes the
 * kernel send a reset, and a client still sending gets ECONNRESET instead of the answer.
 */
function refuse(req, res, status, message, headers = {}) {
  if (req.method === "GET" || req.method === "HEAD" || req.readableEnded) return answer(res, status, message, headers);
  lingerAndClose(req, res);
  answer(res, status, message, headers);
}

/**
 * For an answer given with the body not all read: read and throw away what is still coming,
 * so the connection can serve the client's next request; past LINGER_MS or LINGER_BYTES it is
 * closed. (Not `Connection: close`: Node would then close at once and reset a client that is
 * still sending.)
 */
function lingerAndClose(req, res) {
  req.unpipe();
  let drained = 0;
  // Closed only once the answer is out: what is still queued for the client is not thrown away.
  // Then half-closed first (FIN, and no more reading, so the client's writes stall instead of
  // meeting a reset that can make its kernel drop the unread answer), destroyed a moment later.
  let closing = false;
  const shut = () => {
    req.pause();
    req.socket.end();
    setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
  };
  const close = () => {
    if (closing) return;
    closing = true;
    if (res.writableFinished) shut();
    else res.once("finish", shut);
  };
  const timer = setTimeout(close, LINGER_MS);
  req.socket.once("close", () => clearTimeout(timer));
  // A client that sent `Connection: close` (Node's own client without an agent, curl with -H)
  // gets its answer and then Node's destroySoon(): FIN and, once the answer is written, a
  // destroy with the body still arriving, which makes the kernel send a reset that can reach
  // the client before it has read the answer (and its kernel then drops it). Here it is only
  // the FIN: the body is still read and thrown away, within the same limits, and the
  // connection closed once all of it has come.
  let finishedByNode = false;
  req.socket.destroySoon = () => {
    finishedByNode = true;
    req.socket.end();
  };
  // Reading from here on (and not letting Node drain the body without bound after the answer).
  req.on("data", (chunk) => {
    drained += chunk.length;
    if (drained > LINGER_BYTES) close();
  });
  // All of it arrived: nothing is left unread, and the connection may serve the next request
  // (or, if the client asked to close it, is closed without a reset).
  req.once("end", () => {
    clearTimeout(timer);
    delete req.socket.destroySoon;
    if (finishedByNode) req.socket.destroy();
  });
  req.once("error", close);
  req.resume();
}

app.use(async (req, res, next) => {
  const origins = ownOrigins({ protocol: req.protocol, host: req.get("host") }, appOrigin);
  // Behind a proxy the Host header may be internal; the configured public origin is the truth
  // (Remix compares Host with Origin on actions, and builds absolute links from it).
  if (appOrigin) req.headers.host = new URL(appOrigin).host;
  if (!isOneClickUnsubscribe(req.method, req.path) && !isOriginAllowed(req.method, req.get("origin"), origins))
    return refuse(
      req,
      res,
      403,
      "Förfrågan avvisades: den kom inte från portalens egna sidor (Origin saknas eller är fel).",
    );
  // The origin is checked first: a foreign request learns nothing about what the body should be.
  const refusal = refusedBody(req.method, req.get("content-type"));
  if (refusal)
    return refuse(
      req,
      res,
      refusal.status,
      refusal.message,
      refusal.status === 405 ? { Allow: "GET, HEAD, POST" } : {},
    );
  if (isTooLarge(req.get("content-length"), bodyLimitFor(req.get("content-type"), maxRequestBytes)))
    return refuse(req, res, 413, "Förfrågan är för stor.");
  if (!["GET", "HEAD", "OPTIONS"].includes(req.method)) {
    // A request that may write waits here, off the event loop, while this process's index
    // worker holds the write lock, and keeps the worker from taking it until it has ended
    // (server/write-gate.js); the limit below already writes.
    const leave = await enterWriteRequest();
    res.on("close", leave);
    // Keyed on the validated session or the address, counted in the database (app/auth/limits.server.ts).
    let wait;
    try {
      wait = await build.entry.module.writeWait(req.get("cookie") ?? null, req.ip ?? "okänd");
    } catch (error) {
      return next(error);
    }
    if (wait > 0)
      return refuse(req, res, 429, `För många ändringar på kort tid. Vänta ${wait} sekunder och försök igen.`, {
        "Retry-After": String(wait),
      });
  }
  next();
});

app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h", index: false }));

/** Removes what a request left in UPLOAD_DIR/.incoming (files it did not store). */
async function removeIncoming(requestId) {
  const names = await fs.promises.readdir(incomingDir).catch(() => []);
  await Promise.all(
    names
      .filter((name) => name.startsWith(`${requestId}-`))
      .map((name) => fs.promises.rm(path.join(incomingDir, name), { force: true })),
  );
}

/**
 * The request body as Remix reads it, counting the bytes that actually arrive: past the
 * limit the client gets 413 at once and the connection is closed, whatever Content-Length
 * said (or did not say, for a chunked body).
 */
function countedBody(req, res, maxBytes, controller) {
  let seen = 0;
  const counter = new Transform({
    transform(chunk, _encoding, done) {
      seen += chunk.length;
      if (seen <= maxBytes) return done(null, chunk);
      if (!res.headersSent) {
        req.unpipe(counter);
        refuse(req, res, 413, "Förfrågan är för stor.");
      }
      controller.abort();
      done(new RequestTooLargeError());
    },
  });
  req.on("error", (error) => counter.destroy(error));
  req.pipe(counter);
  return createReadableStreamFromReadable(counter);
}

function remixRequest(req, res, requestId) {
  const controller = new AbortController();
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  // Ours, never the client's: it names the request's files in .incoming.
  headers.set("x-portal-request-id", requestId);
  const init = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = countedBody(req, res, bodyLimitFor(req.get("content-type"), maxRequestBytes), controller);
    init.duplex = "half";
  }
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return new Request(new URL(req.originalUrl, `${req.protocol}://${req.get("host")}`).href, init);
}

async function sendResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (!response.body) return res.end();
  // A page is written as one piece: React renders it in 2 kB pieces, and each write would be
  // its own round through the compressor (and its own TCP segment). Measured for a 45 kB page
  // through Express and compression: 4.1–4.7 ms of CPU in pieces, 1.6–2.0 ms whole. The page
  // is whole within the request anyway (loaders return plain data, nothing is deferred).
  if (response.headers.get("content-type")?.startsWith("text/html")) {
    let page;
    try {
      page = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      if (res.destroyed) return; // the client went away and the render was aborted
      throw error;
    }
    return res.end(page);
  }
  await writeReadableStreamToWritable(response.body, res);
}

const handleRequest = createRequestHandler(build, isProduction ? "production" : "development");

app.all("*", async (req, res, next) => {
  const requestId = crypto.randomUUID();
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  if (hasBody) res.on("close", () => void removeIncoming(requestId));
  let request;
  try {
    request = remixRequest(req, res, requestId);
  } catch {
    return answer(res, 400, "Förfrågan kunde inte läsas.");
  }
  try {
    // A signed-in page may be served again from memory until the database changes (decision 011).
    const context = { cspNonce: res.locals.cspNonce, clientIp: req.ip };
    const { response, outcome } = await build.entry.module.withPageCache(request, context, () =>
      handleRequest(request, context),
    );
    if (outcome !== "off") res.set("X-Page-Cache", outcome);
    if (res.headersSent) return; // already answered (413 while reading the body)
    // Received files the action did not store are gone before the answer is.
    if (hasBody) await removeIncoming(requestId);
    // An action that answered without reading its whole body (a 404 before the form): the
    // rest is drained, bounded, and the connection closed, never reused half-read.
    if (hasBody && !req.readableEnded) lingerAndClose(req, res);
    await sendResponse(res, response);
  } catch (error) {
    if (!res.headersSent) next(error);
  }
});

// A crash or a kill may have left received files that were never stored (an hour is more
// than any request takes; other processes sharing UPLOAD_DIR keep their files in flight).
for (const name of fs.existsSync(incomingDir) ? fs.readdirSync(incomingDir) : []) {
  const file = path.join(incomingDir, name);
  if (Date.now() - fs.statSync(file).mtimeMs > 3600_000) fs.rmSync(file, { force: true });
}

// The mail sender and scheduled jobs (app/jobs/background.server.ts) run in every process.
let stopBackgroundWork = async () => {};
const onListening = () => {
  stopBackgroundWork = build.entry.module.startBackgroundWork();
  console.log(`Samverkansportalen lyssnar på http://${host ?? "localhost"}:${port} (${settings.NODE_ENV})`);
};
// Before it listens, the server renders a notice PDF and the public start page once: the first
// request after a start paid for compiling the render path and reading the PDF fonts' metrics,
// 50–190 ms of the event loop in that one request (issue 14: at most 50 ms).
await build.entry.module.warmUp();
await (await handleRequest(new Request("http://localhost/"), { cspNonce: "", clientIp: "127.0.0.1" })).arrayBuffer();
const server = host ? app.listen(port, host, onListening) : app.listen(port, onListening);

function shutdown(signal) {
  console.log(`${signal}: stänger servern …`);
  server.close(() => stopBackgroundWork().finally(() => process.exit(0)));
  // Idle keep-alive connections must not hold the process open.
  server.closeIdleConnections?.();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));

// `npm run bench` asks how long the event loop was held (EVENT_LOOP_REPORT=1, then SIGUSR2):
// the longest delay since the last report, in ms, on one line of stdout.
if (process.env.EVENT_LOOP_REPORT === "1") {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  process.on("SIGUSR2", () => {
    console.log(`event-loop ${JSON.stringify({ maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6 })}`);
    delay.reset();
  });
}
process.on("SIGINT", () => shutdown("SIGINT"));
