/**
 * Long document texts are indexed for search after their write, in a worker thread
 * (server/index-worker.js), not in the write's transaction on the event loop. The trigram and
 * word indexes take about 0.2 s of CPU per million characters (issue 14: no request may hold
 * the loop for more than 50 ms). A version whose text is longer than `INDEXED_IN_WRITE_MAX` is
 * stored with text_indexed = 0: its document is found by its title at once and by its text
 * when the worker has indexed it (well under a second later). The worker also indexes what a
 * stopped process left pending, when it starts.
 *
 * Without a running indexer (scripts, the demo seed, tests that do not start one) the pending
 * texts are indexed here, right after the write, so nothing stays unindexed.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { indexPendingTexts as indexPendingTextsOn } from "../../server/pending-texts.js";
import { processWriteGate } from "../../server/write-gate.js";
import { db } from "./db.server";
import { serverScript } from "./server-script.server";

/** Characters indexed inside the write's own transaction (about 20 ms of indexing). */
export const INDEXED_IN_WRITE_MAX = 100_000;

export function indexedInWrite(text: string): boolean {
  return text.length <= INDEXED_IN_WRITE_MAX;
}

export interface TextIndexer {
  /** Indexes every pending text in the worker; resolves with how many versions it indexed. */
  now(): Promise<number>;
  stop(): Promise<void>;
}

let running: TextIndexer | null = null;

/** Starts the indexer for the app's database file (null for a database in memory). */
export function startTextIndexer(): TextIndexer | null {
  const client = db().$client;
  if (client.memory) return null;
  const worker = new Worker(serverScript("index-worker.js"), {
    workerData: { path: path.resolve(client.name), gate: processWriteGate() },
  });
  worker.unref();
  const pending = new Map<number, { resolve: (n: number) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let alive = true;
  worker.on("message", (m: { id: number; result?: number; error?: string }) => {
    const waiting = pending.get(m.id);
    pending.delete(m.id);
    if (m.error !== undefined) waiting?.reject(new Error(m.error));
    else waiting?.resolve(m.result ?? 0);
  });
  const fail = (error: Error) => {
    alive = false;
    if (running === indexer) running = null;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`index worker stopped (exit code ${code})`)));
  const indexer: TextIndexer = {
    now: () =>
      new Promise<number>((resolve, reject) => {
        if (!alive) return reject(new Error("index worker stopped"));
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id });
      }),
    async stop() {
      if (!alive) return;
      alive = false;
      if (running === indexer) running = null;
      await worker.terminate();
    },
  };
  running = indexer;
  // What a stopped process left pending.
  void indexer.now().catch(logFailure);
  return indexer;
}

/** After a write that stored a long text: the worker indexes it, or this process does now. */
export function indexPendingTexts(): void {
  if (running) void running.now().catch(logFailure);
  else indexPendingTextsHere();
}

/** The worker's work on the app's own connection, one version per transaction. */
export function indexPendingTextsHere(): number {
  return indexPendingTextsOn(db().$client);
}

function logFailure(error: unknown) {
  console.error("Sökindexeringen misslyckades:", error);
}
