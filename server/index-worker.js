/**
 * Long texts into the search index off the event loop (app/utils/text-indexer.server.ts starts
 * one of these per server process): a worker thread with its own connection to the database
 * file. A document version whose text is long is stored with text_indexed = 0; here it is set
 * to 1, one version per transaction, and the triggers (migration 0031) write the text into the
 * search indexes. Indexing a million characters takes about 0.2 s of CPU; done in the upload's
 * own transaction it held the server's event loop, and every reader waited. The text itself
 * passed the personal-number guard when it was stored; only the flag is written here. Plain JS
 * so it runs without a build step.
 *
 * Each transaction waits until no write request of the process is in flight, so a request never
 * waits for the lock on its event loop (server/write-gate.js).
 *
 * Input (workerData): { path, gate }. Messages in: { id }; out: { id, result } or { id, error },
 * where result is the number of versions indexed.
 */
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { indexPendingTexts } from "./pending-texts.js";
import { runWhenNoWriteRequests } from "./write-gate.js";

const db = new Database(workerData.path, { fileMustExist: true });
// The server's settings: an acknowledged write survives a power cut, references are kept.
db.pragma("synchronous = FULL");
db.pragma("foreign_keys = ON");
db.pragma("busy_timeout = 5000");

parentPort?.on("message", ({ id }) => {
  try {
    const gated = workerData.gate
      ? (/** @type {() => any} */ transaction) => runWhenNoWriteRequests(workerData.gate, transaction)
      : undefined;
    parentPort?.postMessage({ id, result: indexPendingTexts(db, gated) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
