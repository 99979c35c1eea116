/**
 * Production and test server: Express in front of the Remix request handler.
 * It adds security headers (CSP with a per-request nonce), the Origin check for
 * state-changing requests, a request size limit, and graceful shutdown on SIGTERM.
 */
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import express from "express";
import helmet from "helmet";
import { clientKey, createWriteLimiter, isOriginAllowed, isTooLarge, ownOrigins } from "./security.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const build = await import(path.join(root, "build/index.js"));

// The app validates the environment on import of the build; these are the server's own.
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;
const appOrigin = process.env.APP_ORIGIN || undefined;
const maxRequestBytes = (Number(process.env.MAX_UPLOAD_MB || 25) + 1) * 1024 * 1024;
const isProduction = process.env.NODE_ENV === "production";
const writeLimiter = createWriteLimiter(Number(process.env.WRITE_LIMIT_PER_MINUTE || 120), 60_000);

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", process.env.TRUST_PROXY === "1" ? 1 : false);

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

app.use((req, res, next) => {
  if (isTooLarge(req.get("content-length"), maxRequestBytes)) {
    res.status(413).type("text/plain; charset=utf-8").send("Förfrågan är för stor.");
    return;
  }
  const origins = ownOrigins({ protocol: req.protocol, host: req.get("host") }, appOrigin);
  // Behind a proxy the Host header may be internal; the configured public origin is the truth
  // (Remix compares Host with Origin on actions, and builds absolute links from it).
  if (appOrigin) req.headers.host = new URL(appOrigin).host;
  if (!isOriginAllowed(req.method, req.get("origin"), origins)) {
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send("Förfrågan avvisades: den kom inte från portalens egna sidor (Origin saknas eller är fel).");
    return;
  }
  if (!["GET", "HEAD", "OPTIONS"].includes(req.method)) {
    const wait = writeLimiter.hit(clientKey(req.get("cookie"), req.ip), Date.now());
    if (wait > 0) {
      res.status(429).set("Retry-After", String(wait)).type("text/plain; charset=utf-8").send(`För många ändringar på kort tid. Vänta ${wait} sekunder och försök igen.`);
      return;
    }
  }
  next();
});

app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h", index: false }));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: isProduction ? "production" : "development",
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip }),
  }),
);

const onListening = () => console.log(`Samverkansportalen lyssnar på http://${host ?? "localhost"}:${port}`);
const server = host ? app.listen(port, host, onListening) : app.listen(port, onListening);

function shutdown(signal) {
  console.log(`${signal}: stänger servern …`);
  server.close(() => process.exit(0));
  // Idle keep-alive connections must not hold the process open.
  server.closeIdleConnections?.();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
