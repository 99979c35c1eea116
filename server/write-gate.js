/**
 * Keeps a process's background writer (the index worker, server/index-worker.js) from holding
 * the database's write lock while a write request of the same process wants it.
 *
 * better-sqlite3 is synchronous: a write that finds the lock taken waits in SQLite's busy
 * handler, on the event loop, and every reader of the process waits with it. Indexing a long
 * text holds the lock for 0.1–0.4 s (one FTS5 insert; it cannot be split), so a save right
 * after an upload held the loop 100–160 ms (issue 14: at most 50 ms). Here the waiting is moved
 * to where it costs nothing: a write request that arrives while the worker is in a transaction
 * waits for it asynchronously (Atomics.waitAsync) before it writes anything, and the worker
 * begins no transaction while a write request is in flight (it waits on its own thread).
 *
 * Two counters in shared memory, and the two sides check each other in opposite order
 * (Dekker's handshake with sequentially consistent atomics): a request counts itself in, then
 * looks for a held transaction; the worker marks its transaction held, then looks for requests.
 * At least one of them sees the other, so a request never writes into a held transaction.
 * Each side waits only so long (`REQUEST_WAIT_MS`, `WORKER_WAIT_MS`), so neither can starve
 * the other: past that, the old behaviour (SQLite's busy wait) applies.
 *
 * One process only: another process's writes and indexer are not seen (server/cluster.js),
 * and their lock waits stay SQLite's. Plain JS so the worker runs it without a build step.
 */

const REQUESTS_IN_FLIGHT = 0;
const TRANSACTION_HELD = 1;

/** How long a write request waits for a background transaction before it goes ahead anyway. */
const REQUEST_WAIT_MS = 2_000;
/** How long the worker defers to write requests before it takes the lock anyway. */
const WORKER_WAIT_MS = 5_000;

/** A new gate: two 32-bit counters in shared memory, passed to the worker as workerData. */
export function createWriteGate() {
  return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

/** This process's gate (on globalThis: the server and the app's bundle share one). */
export function processWriteGate() {
  globalThis.__portalWriteGate ??= createWriteGate();
  return globalThis.__portalWriteGate;
}

/**
 * Main thread, when a request that may write arrives: counts it in, then waits (without
 * holding the event loop) until no background transaction holds the lock. Resolves with the
 * function that counts it out again; call it when the request has ended.
 *
 * @param {Int32Array} gate
 * @param {number} [maxWaitMs]
 * @returns {Promise<() => void>}
 */
export async function enterWriteRequest(gate = processWriteGate(), maxWaitMs = REQUEST_WAIT_MS) {
  Atomics.add(gate, REQUESTS_IN_FLIGHT, 1);
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    Atomics.sub(gate, REQUESTS_IN_FLIGHT, 1);
    Atomics.notify(gate, REQUESTS_IN_FLIGHT);
  };
  const until = Date.now() + maxWaitMs;
  while (Atomics.load(gate, TRANSACTION_HELD) === 1 && Date.now() < until) {
    const waiting = Atomics.waitAsync(gate, TRANSACTION_HELD, 1, until - Date.now());
    if (waiting.async) await waiting.value;
  }
  return leave;
}

/**
 * Worker thread: runs `transaction` (which takes the write lock and releases it before it
 * returns) once no write request of the process is in flight, marked as held while it runs.
 * Blocks only the worker's own thread while it waits.
 *
 * @template T
 * @param {Int32Array} gate
 * @param {() => T} transaction
 * @param {number} [maxWaitMs]
 * @returns {T}
 */
export function runWhenNoWriteRequests(gate, transaction, maxWaitMs = WORKER_WAIT_MS) {
  const until = Date.now() + maxWaitMs;
  for (;;) {
    const inFlight = Atomics.load(gate, REQUESTS_IN_FLIGHT);
    const patient = Date.now() < until;
    if (inFlight > 0 && patient) {
      Atomics.wait(gate, REQUESTS_IN_FLIGHT, inFlight, Math.min(50, until - Date.now()));
      continue;
    }
    Atomics.store(gate, TRANSACTION_HELD, 1);
    // A request may have counted itself in after the look above and before the mark: it did
    // not see the mark, so it is about to write. Step back for it.
    if (patient && Atomics.load(gate, REQUESTS_IN_FLIGHT) > 0) {
      release(gate);
      continue;
    }
    try {
      return transaction();
    } finally {
      release(gate);
    }
  }
}

/** @param {Int32Array} gate */
function release(gate) {
  Atomics.store(gate, TRANSACTION_HELD, 0);
  Atomics.notify(gate, TRANSACTION_HELD);
}
