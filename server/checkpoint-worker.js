/**
 * WAL checkpoints off the event loop (app/utils/checkpoints.server.ts starts one of these per
 * server process): a worker thread with its own connection to the database file that copies
 * committed pages from the WAL into the database file when asked. SQLite otherwise does this
 * inside the commit that fills the WAL past 1 000 pages, on the event loop, with an fsync of
 * the database file: 40–100 ms at 100× a year's data on a busy disk, during which nobody else
 * was answered. PASSIVE: it never waits for readers or the writer, and copies what it can.
 * Plain JS so it runs without a build step.
 *
 * Input (workerData): { path }. Messages in: { id }; out: { id, result } or { id, error }, where
 * result is SQLite's { busy, log, checkpointed }.
 */
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const db = new Database(workerData.path, { fileMustExist: true });
db.pragma("busy_timeout = 5000");
// The same durability as the server's connection: the database file is synced after a checkpoint.
db.pragma("synchronous = FULL");
db.pragma("wal_autocheckpoint = 0");

parentPort?.on("message", ({ id }) => {
  try {
    const [result] = db.pragma("wal_checkpoint(PASSIVE)");
    parentPort?.postMessage({ id, result });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
