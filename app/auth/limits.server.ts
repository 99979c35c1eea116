/**
 * Rate limits (issue 11, class 8), with rate-limiter-flexible's SQLite store: the counters live
 * in the portal's database (table `rate_limits`), so every server process sharing the database
 * shares the limits, and a restart does not reset them.
 *
 * - Writes: WRITE_LIMIT_PER_MINUTE state-changing requests per client, keyed on the VALIDATED
 *   session (its stored id) or else the client address, never on a raw cookie value: a fresh
 *   made-up cookie per request is the same client as no cookie at all.
 * - Sign-in and password reset requests: the numbers and the rules are app/domain/rate-limits.ts
 *   (SIGN_IN_LIMITS, RESET_LIMITS, accountLocked); this module counts.
 */
import { RateLimiterRes, RateLimiterSQLite } from "rate-limiter-flexible";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { validateSession } from "./sessions.server";
import { accountLocked, RESET_LIMITS, SIGN_IN_LIMITS, type Limit } from "~/domain/rate-limits";

const TABLE = "rate_limits";

interface Limiters {
  writes: RateLimiterSQLite;
  signInByAddress: RateLimiterSQLite;
  signInFailures: RateLimiterSQLite;
  resetByAddress: RateLimiterSQLite;
  resetByAccount: RateLimiterSQLite;
}

let limiters: Limiters | undefined;
let limitersDb: unknown;

/** The limiters of the current connection (tests swap the connection between cases). */
function current(): Limiters {
  if (limiters && limitersDb === db()) return limiters;
  const client = db().$client;
  // The table rate-limiter-flexible would create; made here, synchronously, before first use.
  client.exec(
    `CREATE TABLE IF NOT EXISTS ${TABLE} (key TEXT PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire INTEGER)`,
  );
  const make = (keyPrefix: string, { points, seconds: duration }: Limit) =>
    new RateLimiterSQLite({
      storeClient: client,
      storeType: "better-sqlite3",
      tableName: TABLE,
      tableCreated: true,
      clearExpiredByTimeout: true,
      keyPrefix,
      points,
      duration,
    });
  limiters = {
    writes: make("write", { points: env().WRITE_LIMIT_PER_MINUTE, seconds: 60 }),
    signInByAddress: make("signin-address", SIGN_IN_LIMITS.attemptsByAddress),
    signInFailures: make("signin-failures", SIGN_IN_LIMITS.failuresByAccountAndAddress),
    resetByAddress: make("reset-address", RESET_LIMITS.byAddress),
    resetByAccount: make("reset-account", RESET_LIMITS.byAccount),
  };
  limitersDb = db();
  return limiters;
}

/** Seconds to wait from a limiter's refusal (rate-limiter-flexible rejects with a RateLimiterRes). */
function waitOf(refusal: unknown): number {
  if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
  throw refusal;
}

/** The client a write counts against: the validated session, else the address. */
export async function writeClientKey(cookieHeader: string | null, address: string): Promise<string> {
  const session = await validateSession(cookieHeader);
  return session ? `session:${session.sessionId}` : `address:${address}`;
}

/** Counts one state-changing request; 0 when allowed, otherwise seconds to wait. */
export async function writeWait(cookieHeader: string | null, address: string): Promise<number> {
  const key = await writeClientKey(cookieHeader, address);
  return current()
    .writes.consume(key)
    .then(
      () => 0,
      (refusal: unknown) => waitOf(refusal),
    );
}

const accountKey = (email: string, address: string) => `${email}\u0000${address}`;

/**
 * Counts one sign-in attempt; 0 when it may go ahead, otherwise seconds to wait (too many
 * attempts from the address, or too many failures for this account from this address).
 */
export async function signInWait(email: string, address: string): Promise<number> {
  const { signInByAddress, signInFailures } = current();
  const failures = await signInFailures.get(accountKey(email, address));
  if (failures && accountLocked(failures.remainingPoints)) return waitOf(failures);
  return signInByAddress.consume(address).then(
    () => 0,
    (refusal: unknown) => waitOf(refusal),
  );
}

/** A failed sign-in counts against the account from this address. */
export async function signInFailed(email: string, address: string): Promise<void> {
  await current()
    .signInFailures.penalty(accountKey(email, address))
    .catch(() => undefined);
}

/** A successful sign-in clears the account's failures from this address. */
export async function signInSucceeded(email: string, address: string): Promise<void> {
  await current().signInFailures.delete(accountKey(email, address));
}

/** Counts one password reset request; 0 when it may go ahead, otherwise seconds to wait. */
export async function resetRequestWait(email: string, address: string): Promise<number> {
  const { resetByAddress, resetByAccount } = current();
  try {
    await resetByAddress.consume(address);
    await resetByAccount.consume(email);
    return 0;
  } catch (refusal) {
    return waitOf(refusal);
  }
}
