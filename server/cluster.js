/**
 * `npm start`: one server process per core when WEB_CONCURRENCY says so (e.g. WEB_CONCURRENCY=2
 * or "auto" for every core), else one. The processes share the port (node:cluster hands out
 * connections) and the SQLite file (WAL: readers never wait for the writer; writes queue on
 * busy_timeout, decision record 004). Background jobs run in every process under leases
 * (job_leases), so a job runs once. Each process keeps its own prepared statements and caches
 * of immutable data only; sessions live in the database.
 */
import cluster from "node:cluster";
import os from "node:os";
import { migrateOrExit } from "./migrate.js";

function processCount(value) {
  if (value === undefined || value === "") return 1;
  if (value === "auto") return os.availableParallelism();
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1 && n <= 64) return n;
  console.error(`Ogiltig konfiguration: WEB_CONCURRENCY ska vara ett heltal 1–64 eller "auto" (nu "${value}").`);
  process.exit(1);
}

const count = processCount(process.env.WEB_CONCURRENCY);

if (count === 1 || !cluster.isPrimary) {
  await import("./index.js");
} else {
  // One process brings the database up to the committed schema before any serves (the
  // processes would otherwise race to migrate the same file); NODE_ENV as server/index.js sets it.
  process.env.NODE_ENV ||= "production";
  migrateOrExit(await import(new URL("../build/index.js", import.meta.url).pathname));
  let stopping = false;
  cluster.setupPrimary({ exec: new URL("./index.js", import.meta.url).pathname });
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A crashed process is replaced; the others keep serving meanwhile.
    console.error(`Serverprocess ${worker.process.pid} avslutades (${signal ?? code}); startar en ny.`);
    cluster.fork();
  });
  const stop = (signal) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(0), 12_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  console.log(`Samverkansportalen: ${count} serverprocesser`);
}
