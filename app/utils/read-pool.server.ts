/**
 * Long reads off the event loop. better-sqlite3 is synchronous: a search over 100 000
 * documents held the event loop for up to half a second, and every other request of the
 * process waited (issue 14: no request may hold it for more than 50 ms). A few worker threads
 * (server/read-worker.js, READ_WORKERS, default 2) each keep a read-only connection to the same
 * database file and run the SQL they are given; the event loop only sends the parameters and
 * takes the rows back. The SQL is the same text that would run here, access conditions
 * included, so what a reader may see is decided in SQL exactly as before.
 *
 * Runs on this process's own connection instead (the same statement, answered at once) when
 * the database is in memory (tests: a worker cannot open it), inside a transaction (the
 * transaction's own writes must be seen) or when READ_WORKERS is 0.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { db, prepared } from "./db.server";
import { env } from "./env.server";
import { serverScript } from "./server-script.server";

type Params = Record<string, unknown>;

interface Pending {
  resolve: (rows: unknown) => void;
  reject: (error: Error) => void;
}

interface Reader {
  worker: Worker;
  pending: Map<number, Pending>;
}

interface Pool {
  file: string;
  readers: Reader[];
}

let pool: Pool | undefined;
let nextId = 0;

function startReader(current: Pool): Reader {
  const worker = new Worker(serverScript("read-worker.js"), { workerData: { path: current.file } });
  // An idle reader does not keep the process alive (scripts, tests); a busy one does.
  worker.unref();
  const reader: Reader = { worker, pending: new Map() };
  worker.on("message", (message: { id: number; result?: unknown; error?: string }) => {
    const waiting = reader.pending.get(message.id);
    if (!waiting) return;
    reader.pending.delete(message.id);
    if (reader.pending.size === 0) worker.unref();
    if (message.error !== undefined) waiting.reject(new Error(message.error));
    else waiting.resolve(message.result);
  });
  const fail = (error: Error) => {
    current.readers = current.readers.filter((r) => r !== reader);
    for (const waiting of reader.pending.values()) waiting.reject(error);
    reader.pending.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`read worker stopped (exit code ${code})`)));
  current.readers.push(reader);
  return reader;
}

/** The least busy reader for this database file, started when all are busy and there is room. */
function readerFor(file: string, size: number): Reader {
  if (pool?.file !== file) {
    for (const reader of pool?.readers ?? []) void reader.worker.terminate();
    pool = { file, readers: [] };
  }
  const current = pool;
  const idlest = current.readers.reduce<Reader | undefined>(
    (best, r) => (!best || r.pending.size < best.pending.size ? r : best),
    undefined,
  );
  if (idlest && (idlest.pending.size === 0 || current.readers.length >= size)) return idlest;
  return startReader(current);
}

function run<T>(sql: string, params: Params, mode: "get" | "all"): Promise<T> {
  const client = db().$client;
  const size = env().READ_WORKERS;
  if (client.memory || client.inTransaction || size === 0) {
    try {
      const statement = prepared(sql);
      return Promise.resolve((mode === "get" ? statement.get(params) : statement.all(params)) as T);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }
  const reader = readerFor(path.resolve(client.name), size);
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    reader.pending.set(id, { resolve: resolve as (rows: unknown) => void, reject });
    reader.worker.ref();
    reader.worker.postMessage({ id, sql, params, mode });
  });
}

/** Every row of a read, off the event loop (see above). */
export function readAll<T>(sql: string, params: Params): Promise<T[]> {
  return run<T[]>(sql, params, "all");
}

/** The first row of a read (undefined when there is none), off the event loop. */
export function readOne<T>(sql: string, params: Params): Promise<T | undefined> {
  return run<T | undefined>(sql, params, "get");
}
