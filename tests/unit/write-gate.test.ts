/**
 * The write gate (server/write-gate.js) between write requests on the event loop and the
 * index worker's transactions, with real worker threads and shared memory: the worker begins
 * nothing while a request is in flight, a request waits for a held transaction without
 * holding the event loop, and under a race neither ever sees the other inside.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { createWriteGate, enterWriteRequest, runWhenNoWriteRequests } from "../../server/write-gate.js";

const GATE_MODULE = pathToFileURL(path.resolve(__dirname, "../../server/write-gate.js")).href;

/** Shared cells the worker's transaction writes: [0] inside now, [1] transactions done. */
const INSIDE = 0;
const DONE = 1;

const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.terminate()));
});

/**
 * A worker that runs `count` gated transactions, each marking itself inside for `holdMs`
 * (blocking its own thread, as an FTS5 insert does), and posts "started" as the first begins.
 */
function backgroundWriter(gate: Int32Array, cells: Int32Array, count: number, holdMs: number, maxWaitMs?: number) {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require("node:worker_threads");
    import(workerData.module).then(({ runWhenNoWriteRequests }) => {
      const { gate, cells, count, holdMs, maxWaitMs } = workerData;
      const sleep = new Int32Array(new SharedArrayBuffer(4));
      for (let i = 0; i < count; i++) {
        runWhenNoWriteRequests(gate, () => {
          Atomics.store(cells, ${INSIDE}, 1);
          if (i === 0) parentPort.postMessage("started");
          if (holdMs > 0) Atomics.wait(sleep, 0, 0, holdMs);
          Atomics.store(cells, ${INSIDE}, 0);
          Atomics.add(cells, ${DONE}, 1);
        }, maxWaitMs);
      }
      parentPort.postMessage("finished");
    });
    `,
    { eval: true, workerData: { module: GATE_MODULE, gate, cells, count, holdMs, maxWaitMs } },
  );
  workers.push(worker);
  const said = (word: string) =>
    new Promise<void>((resolve, reject) => {
      worker.on("message", (m) => m === word && resolve());
      worker.on("error", reject);
    });
  return { started: said("started"), finished: said("finished") };
}

const cellsOf = () => new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("write gate", () => {
  it("the worker begins no transaction while a write request is in flight, and begins once it has ended", async () => {
    const gate = createWriteGate();
    const cells = cellsOf();
    const leave = await enterWriteRequest(gate);
    const writer = backgroundWriter(gate, cells, 1, 0);
    await pause(300);
    expect(Atomics.load(cells, DONE)).toBe(0);
    leave();
    await writer.finished;
    expect(Atomics.load(cells, DONE)).toBe(1);
  });

  it("leaving twice counts the request out once", async () => {
    const gate = createWriteGate();
    const cells = cellsOf();
    const first = await enterWriteRequest(gate);
    const second = await enterWriteRequest(gate);
    first();
    first();
    const writer = backgroundWriter(gate, cells, 1, 0);
    await pause(200);
    expect(Atomics.load(cells, DONE)).toBe(0);
    second();
    await writer.finished;
    expect(Atomics.load(cells, DONE)).toBe(1);
  });

  it("a request waits for a held transaction to end, and the event loop turns meanwhile", async () => {
    const gate = createWriteGate();
    const cells = cellsOf();
    const writer = backgroundWriter(gate, cells, 1, 400);
    await writer.started;
    let turns = 0;
    const ticking = setInterval(() => turns++, 10);
    try {
      const leave = await enterWriteRequest(gate);
      expect(Atomics.load(cells, DONE)).toBe(1);
      expect(Atomics.load(cells, INSIDE)).toBe(0);
      leave();
    } finally {
      clearInterval(ticking);
    }
    expect(turns).toBeGreaterThan(5);
  });

  it("under a race, a request in flight never finds a transaction inside", async () => {
    const gate = createWriteGate();
    const cells = cellsOf();
    const writer = backgroundWriter(gate, cells, 400, 0.2);
    await writer.started;
    let seenInside = 0;
    let requests = 0;
    while (Atomics.load(cells, DONE) < 400) {
      const leave = await enterWriteRequest(gate);
      requests++;
      // A request's synchronous write: the worker must stay out for all of it.
      for (let i = 0; i < 2_000; i++) if (Atomics.load(cells, INSIDE) === 1) seenInside++;
      leave();
      await new Promise((r) => setImmediate(r));
    }
    await writer.finished;
    expect(requests).toBeGreaterThan(10);
    expect(seenInside).toBe(0);
  });

  it("neither side starves: past its wait each goes ahead", async () => {
    const gate = createWriteGate();
    const cells = cellsOf();
    // A request that never ends: the worker defers for its wait, then takes the lock.
    await enterWriteRequest(gate);
    const writer = backgroundWriter(gate, cells, 1, 0, 100);
    await writer.finished;
    expect(Atomics.load(cells, DONE)).toBe(1);
    // A transaction that never ends (marked held by hand): the request waits, then goes ahead.
    Atomics.store(gate, 1, 1);
    const leave = await enterWriteRequest(gate, 100);
    leave();
  });

  it("runs the transaction on the calling thread and hands back its result", () => {
    const gate = createWriteGate();
    expect(runWhenNoWriteRequests(gate, () => 42)).toBe(42);
    expect(() =>
      runWhenNoWriteRequests(gate, () => {
        throw new Error("rolled back");
      }),
    ).toThrow("rolled back");
    // Released after a throw too: a request does not wait.
    expect(Atomics.load(gate, 1)).toBe(0);
  });
});
