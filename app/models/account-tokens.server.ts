/**
 * Invitations and password resets by e-mail: a one-time link whose token is stored only as its
 * SHA-256, used once, with an expiry (rules: app/domain/account-tokens.ts). Each event (an
 * invitation, a reset asked for, a password chosen) is audited, and its message queued, in the
 * same transaction.
 */
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { accountTokens, people, users } from "../../db/schema";
import {
  accountTokenPath,
  ACCOUNT_TOKEN_PATTERN,
  NO_PASSWORD,
  TOKEN_LIFETIME_HOURS,
  tokenExpiry,
  tokenState,
  type AccountTokenPurpose,
  type AccountTokenState,
} from "~/domain/account-tokens";
import { invitationMail, passwordResetMail } from "~/domain/mail-templates";
import { db, write, type Db } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { enqueueMail } from "./outbox.server";

const hashOf = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** Makes a new token for the user (earlier unused ones of the same purpose stop working). Returns the token. */
function issueToken(
  tx: Db,
  userId: string,
  purpose: AccountTokenPurpose,
  byUserId: string | null,
  now: Date,
): { token: string; id: number; expiresAt: string } {
  tx.update(accountTokens)
    .set({ usedAt: now.toISOString() })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)))
    .run();
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = tokenExpiry(purpose, now);
  const row = tx
    .insert(accountTokens)
    .values({ userId, purpose, tokenHash: hashOf(token), expiresAt, createdBy: byUserId })
    .returning({ id: accountTokens.id })
    .get();
  return { token, id: row.id, expiresAt };
}

/**
 * Creates the person's account without a password and sends the invitation to choose one
 * (the link works for 7 days). Audited as the account's creation and as the invitation.
 */
export function inviteAccount(
  byUserId: string,
  value: { email: string; role: "admin" | "member" | "reader"; personId: number },
  origin: string,
  now = new Date(),
): { userId: string } {
  return write((tx) => {
    const user = tx
      .insert(users)
      .values({ id: crypto.randomUUID(), ...value, passwordHash: NO_PASSWORD })
      .returning()
      .get();
    recordAudit(tx, {
      userId: byUserId,
      action: "create",
      entityType: "user",
      entityId: user.id,
      after: { email: user.email, role: user.role, personId: user.personId },
    });
    const person = tx.select({ name: people.name }).from(people).where(eq(people.id, value.personId)).get();
    const issued = issueToken(tx, user.id, "inbjudan", byUserId, now);
    enqueueMail(tx, {
      eventKey: `account-invitation:${issued.id}`,
      kind: "account-invitation",
      to: { address: user.email, name: person?.name ?? user.email, personId: value.personId },
      content: invitationMail(person?.name ?? user.email, {
        email: user.email,
        url: `${origin}${accountTokenPath(issued.token)}`,
        days: TOKEN_LIFETIME_HOURS.inbjudan / 24,
      }),
    });
    recordAudit(tx, {
      userId: byUserId,
      action: "invite",
      entityType: "user",
      entityId: user.id,
      after: { email: user.email, expiresAt: issued.expiresAt },
    });
    return { userId: user.id };
  });
}

/**
 * A reset asked for on /glomt-losenord. For an unknown address nothing happens (the page says
 * the same either way). Returns whether a message was queued.
 */
export function requestPasswordReset(email: string, origin: string, now = new Date()): boolean {
  return write((tx) => {
    const user = tx.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
    if (!user) return false;
    const person =
      user.personId === null
        ? undefined
        : tx.select({ name: people.name }).from(people).where(eq(people.id, user.personId)).get();
    const issued = issueToken(tx, user.id, "återställning", null, now);
    enqueueMail(tx, {
      eventKey: `password-reset:${issued.id}`,
      kind: "password-reset",
      to: { address: user.email, name: person?.name ?? user.email, personId: user.personId },
      content: passwordResetMail(person?.name ?? user.email, {
        url: `${origin}${accountTokenPath(issued.token)}`,
        minutes: TOKEN_LIFETIME_HOURS.återställning * 60,
      }),
    });
    recordAudit(tx, {
      userId: null,
      action: "password-reset-request",
      entityType: "user",
      entityId: user.id,
      after: { expiresAt: issued.expiresAt },
    });
    return true;
  });
}

function findToken(conn: Db, token: string) {
  if (!ACCOUNT_TOKEN_PATTERN.test(token)) return undefined;
  return conn
    .select({
      id: accountTokens.id,
      userId: accountTokens.userId,
      purpose: accountTokens.purpose,
      expiresAt: accountTokens.expiresAt,
      usedAt: accountTokens.usedAt,
      email: users.email,
    })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(eq(accountTokens.tokenHash, hashOf(token)))
    .get();
}

/** What the link's page shows: whether the token works, for what, and the account's address. */
export function accountTokenInfo(
  token: string,
  now = new Date(),
): { state: AccountTokenState; purpose: AccountTokenPurpose | null; email: string | null } {
  const row = findToken(db(), token);
  const state = tokenState(row, now);
  return { state, purpose: row?.purpose ?? null, email: state === "giltig" ? (row?.email ?? null) : null };
}

/**
 * Sets the password with a token: only a valid one, and it is used up (with every other open
 * token of the account). Audited as a password change by the account's owner.
 */
export function setPasswordWithToken(
  token: string,
  passwordHash: string,
  now = new Date(),
): { ok: true; userId: string } | { ok: false; state: Exclude<AccountTokenState, "giltig"> } {
  return write((tx) => {
    const row = findToken(tx, token);
    const state = tokenState(row, now);
    if (!row || state !== "giltig") return { ok: false as const, state: state as Exclude<AccountTokenState, "giltig"> };
    tx.update(users).set({ passwordHash }).where(eq(users.id, row.userId)).run();
    tx.update(accountTokens)
      .set({ usedAt: now.toISOString() })
      .where(and(eq(accountTokens.userId, row.userId), isNull(accountTokens.usedAt)))
      .run();
    // The hash itself never goes into the log.
    recordAudit(tx, {
      userId: row.userId,
      action: "password",
      entityType: "user",
      entityId: row.userId,
      after: { via: row.purpose },
    });
    return { ok: true as const, userId: row.userId };
  });
}
