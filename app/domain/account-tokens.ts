/**
 * Rules of the one-time links that set a password (pure): an invitation to a new account (the
 * coordinator no longer types a first password) and a password reset. The link carries a
 * random token; the database keeps only its SHA-256 (app/models/account-tokens.server.ts).
 * A token is used once and expires: an invitation after 7 days, a reset after one hour.
 */

export const ACCOUNT_TOKEN_PURPOSES = ["inbjudan", "återställning"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/** How long a link works, in hours. */
export const TOKEN_LIFETIME_HOURS: Record<AccountTokenPurpose, number> = { inbjudan: 7 * 24, återställning: 1 };

/** The stored password hash of an account whose owner has not chosen a password yet (matches no password). */
export const NO_PASSWORD = "!";

/** The token as it appears in a link: 32 random bytes in base64url. */
export const ACCOUNT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** When a token made at `now` stops working (ISO, UTC). */
export function tokenExpiry(purpose: AccountTokenPurpose, now: Date): string {
  return new Date(now.getTime() + TOKEN_LIFETIME_HOURS[purpose] * 3_600_000).toISOString();
}

export type AccountTokenState = "giltig" | "använd" | "utgången" | "okänd";

/** Whether a stored token (undefined: no such token) can set a password at `now`. */
export function tokenState(
  row: { expiresAt: string; usedAt: string | null } | undefined,
  now: Date,
): AccountTokenState {
  if (!row) return "okänd";
  if (row.usedAt) return "använd";
  return now.toISOString() < row.expiresAt ? "giltig" : "utgången";
}

/** What the page says about a link that cannot be used, in Swedish. */
export const TOKEN_STATE_MESSAGE: Record<Exclude<AccountTokenState, "giltig">, string> = {
  använd: "Länken är redan använd. Varje länk fungerar en gång.",
  utgången: "Länken har slutat gälla.",
  okänd: "Länken är ogiltig. Kontrollera att hela länken kom med.",
};

/** The path of a token's page; the mail's link is the portal's origin and this. */
export function accountTokenPath(token: string): string {
  return `/losenord/${token}`;
}

/**
 * The text of a sent message with its password links made useless, so the outbox kept for the
 * administrator's list never holds a working link after delivery.
 */
export function withoutAccountLinks(text: string): string {
  return text.replace(/\/losenord\/[A-Za-z0-9_-]{43}/g, "/losenord/(länken visas inte här)");
}

/** Whether an account has a password (an invited person who has not chosen one has not). */
export function hasPassword(passwordHash: string): boolean {
  return passwordHash !== NO_PASSWORD;
}
