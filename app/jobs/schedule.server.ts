/**
 * The scheduled jobs, run every minute by each server process under the job's lease
 * (app/jobs/runner.server.ts). Each must be idempotent: whatever it queues has an event key
 * that makes a second run a no-op.
 */
export interface ScheduledJob {
  name: string;
  run: () => void | Promise<void>;
}

export const SCHEDULED_JOBS: ScheduledJob[] = [];
