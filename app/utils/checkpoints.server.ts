/**
 * WAL checkpoints in a worker thread (server/checkpoint-worker.js) instead of in a commit on
 * the event loop. SQLite's default (wal_autocheckpoint = 1000 pages) makes the commit that
 * crosses the threshold copy the WAL into the database file and fsync it before it returns:
 * with better-sqlite3 that commit holds the event loop, 40–100 ms at 100× a year's data on a
 * busy disk (issue 14: no request may hold it for more than 50 ms). While the checkpointer runs,
 * the server's connection does not checkpoint by itself, and the worker checkpoints (PASSIVE:
 * never waiting for a reader or the writer) every `everyMs` and when asked. If the worker stops,
 * the connection checkpoints by itself again.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { db } from "./db.server";
import { serverScript } from "./server-script.server";

/** SQLite's default: a commit checkpoints once the WAL holds this many pages. */
const AUTOCHECKPOINT_PAGES = 1000;

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export interface Checkpointer {
  /** A PASSIVE checkpoint now, in the worker. */
  now(): Promise<CheckpointResult>;
  /** Stops the worker; the connection checkpoints by itself again. */
  stop(): Promise<void>;
}

/**
 * Starts the checkpointer for the app's connection, or returns null for a database in memory
 * (nothing to checkpoint).
 */
export function startCheckpoints(everyMs = 1_000): Checkpointer | null {
  const client = db().$client;
  if (client.memory) return null;
  const worker = new Worker(serverScript("checkpoint-worker.js"), {
    workerData: { path: path.resolve(client.name) },
  });
  worker.unref();
  const pending = new Map<number, { resolve: (r: CheckpointResult) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let running = true;
  const byItself = () => {
    if (client.open) client.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  client.pragma("wal_autocheckpoint = 0");
  worker.on("message", (m: { id: number; result?: CheckpointResult; error?: string }) => {
    const waiting = pending.get(m.id);
    pending.delete(m.id);
    if (m.error !== undefined) waiting?.reject(new Error(m.error));
    else waiting?.resolve(m.result!);
  });
  const fail = (error: Error) => {
    running = false;
    clearInterval(timer);
    byItself();
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`checkpoint worker stopped (exit code ${code})`)));
  const now = () =>
    new Promise<CheckpointResult>((resolve, reject) => {
      if (!running) return reject(new Error("checkpoint worker stopped"));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id });
    });
  const timer = setInterval(() => void now().catch(() => {}), everyMs);
  timer.unref();
  return {
    now,
    async stop() {
      if (!running) return;
      running = false;
      clearInterval(timer);
      await worker.terminate();
      byItself();
    },
  };
}
