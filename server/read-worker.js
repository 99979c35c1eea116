/**
 * Long reads off the event loop (app/utils/read-pool.server.ts starts a few of these): a
 * worker thread with its own READ-ONLY better-sqlite3 connection to the same database file.
 * better-sqlite3 is synchronous, so a search over 100 000 documents held the server's event
 * loop, and every other request waited; here it holds only this thread. WAL lets this
 * connection read while the server writes; each statement sees the last commit. Plain JS so it
 * runs without a build step.
 *
 * Input (workerData): { path }. Messages in: { id, sql, params, mode: "get" | "all" };
 * out: { id, result } or { id, error }. The SQL is the portal's own constant text (the caller
 * prepares nothing from user input but parameters); statements are prepared once and reused.
 */
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
db.pragma("busy_timeout = 5000");

/** @type {Map<string, import("better-sqlite3").Statement>} */
const statements = new Map();

parentPort?.on("message", ({ id, sql, params, mode }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    const result = mode === "get" ? statement.get(params) : statement.all(params);
    parentPort?.postMessage({ id, result });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
