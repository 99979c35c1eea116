/**
 * Leases for background jobs (reminders, digests), so that with several server processes on
 * one database a job runs in one of them at a time. A lease is a row; taking it is one
 * immediate transaction; a lease whose holder died runs out (or is taken over at once when the
 * caller can tell that the holder's process is gone).
 */
import { eq, sql } from "drizzle-orm";
import { jobLeases } from "../../db/schema";
import { bookkeepingWrite, db } from "~/utils/db.server";

/** Takes the lease on `name` for `owner` until now + `leaseMs`; false when another holder has it. */
export function acquireJobLease(
  name: string,
  owner: string,
  now: Date,
  leaseMs: number,
  isGone: (owner: string) => boolean,
): boolean {
  // Bookkeeping: a lease changes nothing a cached page or remembered read shows, so taking and
  // giving it back every minute does not empty those caches (/admin/e-post reads it uncached).
  return bookkeepingWrite((tx) => {
    const row = tx.select().from(jobLeases).where(eq(jobLeases.name, name)).get();
    const held = row?.owner && row.owner !== owner && (row.leaseUntil ?? "") > now.toISOString() && !isGone(row.owner);
    if (held) return false;
    const values = {
      owner,
      leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
      lastStartedAt: now.toISOString(),
    };
    tx.insert(jobLeases)
      .values({ name, ...values })
      .onConflictDoUpdate({ target: jobLeases.name, set: values })
      .run();
    return true;
  });
}

/** Gives the lease back and records how the run went. */
export function releaseJobLease(name: string, owner: string, now: Date, error: string): void {
  bookkeepingWrite((tx) =>
    tx
      .update(jobLeases)
      .set({
        owner: null,
        leaseUntil: null,
        lastFinishedAt: now.toISOString(),
        lastError: error.slice(0, 1000),
        runs: sql`${jobLeases.runs} + 1`,
      })
      .where(sql`${jobLeases.name} = ${name} and ${jobLeases.owner} = ${owner}`)
      .run(),
  );
}

export function jobStatuses() {
  return db().select().from(jobLeases).all();
}
