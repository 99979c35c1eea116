/**
 * `npx tsx bench/profile.ts [scale]`: the signed-in pages measured in-process, without HTTP
 * or a load generator sharing the cores: the built Remix handler is called directly, one
 * request at a time, and each page's requests per second is compared with the bare route
 * (/healthz) of the same handler, per second of CPU time. Median of several rounds, so a busy
 * machine disturbs it less than `npm run bench`. For profiling, run it under `node --cpu-prof` (see
 * docs/benchmarks.md). Not a test: no assertions.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { addYears, createBase } from "./generate";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const scale = Number(process.argv[2] ?? 1);
const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 5);
const MS = Number(process.env.PROFILE_MS ?? 600);

const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-profile-"));
const dbPath = path.join(work, "profile.db");
// Before the data is generated: making the sessions opens the app's connection (db()), which
// the handler below then shares, and it must be this database, not the default data/portal.db.
process.env.NODE_ENV = "production";
process.env.DATABASE_PATH = dbPath;
process.env.UPLOAD_DIR = path.join(work, "uploads");
process.env.MAIL_DIR = path.join(work, "mail");
const g = createBase(dbPath);
addYears(dbPath, g.world, 0, scale);
const { createRequestHandler } = await import("@remix-run/node");
// PROFILE_BUILD: another server build to compare (a copy of build/ made before a change).
const build = await import(path.resolve(process.env.PROFILE_BUILD ?? path.join(ROOT, "build/index.js")));
const handle = createRequestHandler(build, "production");

const signedInPages: [string, string, string | undefined][] = [
  ["bare route /healthz", "/healthz", undefined],
  ["Start (signed in)", "/", g.tokens.member],
  ["Meetings", "/moten", g.tokens.member],
  ["One meeting", `/moten/${g.meetingId}`, g.tokens.member],
  ["Decision register", "/beslut", g.tokens.member],
  ["Recommendations matrix", "/rekommendationer", g.tokens.member],
  ["One recommendation", `/rekommendationer/${g.recommendationId}`, g.tokens.member],
  ["Agreement", "/avtal", g.tokens.member],
  ["Costs", "/avtal/kostnader", g.tokens.member],
  ["Documents", "/dokument", g.tokens.member],
  ["Start (anonymous)", "/", undefined],
];
// Each signed-in page as a first view (an address of its own every time, so the page cache
// of decision 011 never has it) and as a repeat view (served from the page cache).
type View = "first" | "repeat";
const pages: [string, string, string | undefined, View][] = signedInPages.flatMap(
  ([name, pathname, cookie]): [string, string, string | undefined, View][] =>
    cookie
      ? [
          [name, pathname, cookie, "first"],
          [`${name}, repeat view`, pathname, cookie, "repeat"],
        ]
      : [[name, pathname, cookie, "first"]],
);

let requestNo = 0;
async function once(pathname: string, cookie: string | undefined, view: View): Promise<number> {
  const headers = new Headers({ "x-portal-request-id": `profile-${requestNo++}` });
  if (cookie) headers.set("Cookie", `session=${cookie}`);
  const url = view === "first" ? `${pathname}${pathname.includes("?") ? "&" : "?"}v=${requestNo}` : pathname;
  const request = new Request(`http://localhost${url}`, { headers });
  // As server/index.js: a new nonce per request, and the page cache in front of Remix.
  const context = { cspNonce: crypto.randomBytes(16).toString("base64") };
  const { response } = await build.entry.module.withPageCache(request, context, () => handle(request, context));
  await response.arrayBuffer();
  return response.status;
}

/**
 * Requests per second of this process's CPU time (user + system), one request at a time, for
 * MS milliseconds: other processes sharing the cores stretch the wall-clock time of a request
 * but much less the CPU time it uses.
 */
async function rate(pathname: string, cookie: string | undefined, view: View): Promise<number> {
  let n = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  while (performance.now() - t0 < MS) {
    await once(pathname, cookie, view);
    n++;
  }
  const cpu = process.cpuUsage(cpu0);
  return n / ((cpu.user + cpu.system) / 1e6);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = new Map<string, number[]>();
for (const [name, pathname, cookie, view] of pages) {
  const status = await once(pathname, cookie, view);
  if (status !== 200) throw new Error(`${name}: ${status}`);
  for (let i = 0; i < 20; i++) await once(pathname, cookie, view);
  results.set(name, []);
}
for (let round = 0; round < ROUNDS; round++)
  for (const [name, pathname, cookie, view] of pages) results.get(name)!.push(await rate(pathname, cookie, view));

const bare = median(results.get("bare route /healthz")!);
console.log(
  `in-process, per CPU second, ${scale}×, median of ${ROUNDS} rounds of ${MS} ms, load ${os.loadavg()[0].toFixed(1)}`,
);
console.log("| Page | req/s | CPU a request | × bare route |");
console.log("| --- | --- | --- | --- |");
for (const [name] of pages) {
  const r = median(results.get(name)!);
  console.log(`| ${name} | ${r.toFixed(0)} | ${(1000 / r).toFixed(2)} ms | ${(r / bare).toFixed(2)} |`);
}
fs.rmSync(work, { recursive: true, force: true });
