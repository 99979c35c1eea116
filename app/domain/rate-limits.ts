/**
 * The rate-limit rules (issue 11, class 8) as numbers and words: how many attempts, in what
 * window, and what a refused person is told. app/auth/limits.server.ts counts with
 * rate-limiter-flexible against these numbers; the routes only pass on the message.
 */

/** A limit: at most `points` requests in `seconds`. */
export interface Limit {
  points: number;
  seconds: number;
}

const QUARTER = 15 * 60;

/**
 * Sign-in: 30 attempts per client address, and 10 failures per account AND address, in 15
 * minutes. The account lock is per address: someone guessing from elsewhere can never lock a
 * person out of the account from her own address.
 */
export const SIGN_IN_LIMITS = {
  attemptsByAddress: { points: 30, seconds: QUARTER },
  failuresByAccountAndAddress: { points: 10, seconds: QUARTER },
} as const satisfies Record<string, Limit>;

/**
 * Password reset requests: 10 per client address in 15 minutes and 3 per account (the typed
 * address) an hour, so nobody floods a person's inbox with reset links.
 */
export const RESET_LIMITS = {
  byAddress: { points: 10, seconds: QUARTER },
  byAccount: { points: 3, seconds: 60 * 60 },
} as const satisfies Record<string, Limit>;

/** An account is locked from an address when its failures there have used every point. */
export function accountLocked(failuresLeft: number | null): boolean {
  return failuresLeft !== null && failuresLeft <= 0;
}

/** Whole minutes to tell a person to wait: a started minute counts, and never less than one. */
export function minutesToWait(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

/** What a refused person reads: what there were too many of, and how long to wait. */
export function tooManyMessage(what: "inloggningsförsök" | "förfrågningar", seconds: number): string {
  const minutes = minutesToWait(seconds);
  return `För många ${what}. Vänta ${minutes} ${minutes === 1 ? "minut" : "minuter"} och försök igen.`;
}
