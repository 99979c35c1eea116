/**
 * The scheduled jobs, run every minute by each server process under the job's lease
 * (app/jobs/runner.server.ts). Each must be idempotent: whatever it queues has an event key
 * that makes a second run a no-op.
 */
import { todayInStockholm } from "~/domain/format";
import { queueDigests } from "~/models/notifications.server";
import { queueRecommendationReminders, queueReminders } from "~/models/reminders.server";
import { portalOrigin } from "~/utils/origin.server";

export interface ScheduledJob {
  name: string;
  run: () => void | Promise<void>;
}

/** The hour (Stockholm) from which the day's digests go out. */
const DIGEST_HOUR = 7;

function stockholmHour(now: Date): number {
  return Number(
    new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", hour: "2-digit", hourCycle: "h23" }).format(now),
  );
}

export const SCHEDULED_JOBS: ScheduledJob[] = [
  { name: "reminders", run: () => void queueReminders(todayInStockholm(), portalOrigin()) },
  { name: "recommendation-reminders", run: () => void queueRecommendationReminders(todayInStockholm()) },
  {
    name: "digests",
    run: () => {
      const now = new Date();
      if (stockholmHour(now) >= DIGEST_HOUR) queueDigests(todayInStockholm(now), portalOrigin());
    },
  },
];
