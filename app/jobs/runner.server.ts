/**
 * Runs a background job under its lease (app/models/job-leases.server.ts): at most one process
 * runs a given job at a time. The jobs themselves are idempotent (each message they queue has
 * a unique event key), so a job that runs twice, or runs again after a crash halfway, sends
 * nothing twice.
 */
import { acquireJobLease, releaseJobLease } from "~/models/job-leases.server";
import { ownerIsGone, processOwner } from "./owner.server";

const LEASE_MS = 10 * 60_000;

/** Runs `job` unless another process holds its lease; returns whether it ran. */
export async function runJob(name: string, job: () => void | Promise<void>, owner = processOwner()): Promise<boolean> {
  if (!acquireJobLease(name, owner, new Date(), LEASE_MS, ownerIsGone)) return false;
  let error = "";
  try {
    await job();
  } catch (err) {
    error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    console.error(`Bakgrundsjobbet ${name} misslyckades:`, err);
  } finally {
    releaseJobLease(name, owner, new Date(), error);
  }
  return true;
}
