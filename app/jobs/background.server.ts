/**
 * Background work of a server process: the mail sender, woken when mail is queued and every
 * few seconds, the scheduled jobs (reminders, digests) every minute under their leases, and the
 * WAL checkpoints in a worker thread (app/utils/checkpoints.server.ts), and long document
 * texts indexed for search in another (app/utils/text-indexer.server.ts).
 * Every server process may run this; leases and row claims keep them from doing anything
 * twice. Started by server/index.js through the build's entry module.
 */
import { onMailQueued } from "~/models/outbox.server";
import { startCheckpoints } from "~/utils/checkpoints.server";
import { startTextIndexer } from "~/utils/text-indexer.server";
import { enterWriteRequest } from "../../server/write-gate.js";
import { deliverDueMail } from "./mail-sender.server";
import { processOwner } from "./owner.server";
import { runJob } from "./runner.server";
import { SCHEDULED_JOBS } from "./schedule.server";

const MAIL_POLL_MS = 5_000;
const JOBS_EVERY_MS = 60_000;

/** Starts the loop; the returned function stops it and waits for the current round to end. */
export function startBackgroundWork(): () => Promise<void> {
  const owner = processOwner();
  const checkpoints = startCheckpoints();
  const textIndexer = startTextIndexer();
  let stopped = false;
  let wake: (() => void) | null = null;
  let woken = false;
  const unsubscribe = onMailQueued(() => {
    woken = true;
    wake?.();
  });

  async function loop() {
    let jobsDueAt = 0;
    while (!stopped) {
      woken = false;
      // Its writes are on the event loop too: counted in like a write request, so they never
      // wait there for the index worker's lock (server/write-gate.js).
      const leave = await enterWriteRequest();
      try {
        try {
          await deliverDueMail({ owner });
        } catch (err) {
          console.error("E-postutskicket misslyckades:", err);
        }
        if (Date.now() >= jobsDueAt) {
          jobsDueAt = Date.now() + JOBS_EVERY_MS;
          for (const job of SCHEDULED_JOBS) if (!stopped) await runJob(job.name, job.run, owner);
        }
      } finally {
        leave();
      }
      if (stopped || woken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, MAIL_POLL_MS);
        timer.unref();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  const done = loop();
  return async () => {
    stopped = true;
    unsubscribe();
    wake?.();
    await done;
    await checkpoints?.stop();
    await textIndexer?.stop();
  };
}
