/**
 * Invitations and password resets by e-mail: the link's token is stored only as a hash, works
 * once and until it expires; every step is audited and its message queued in the same
 * transaction; reset requests are limited; an unknown address learns nothing.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accountTokens, auditLog, mailOutbox, users } from "../../db/schema";
import { resetRequestWait } from "~/auth/limits.server";
import { NO_PASSWORD } from "~/domain/account-tokens";
import {
  accountTokenInfo,
  inviteAccount,
  requestPasswordReset,
  setPasswordWithToken,
} from "~/models/account-tokens.server";
import { markSent } from "~/models/outbox.server";
import { demoDatabase } from "../support/test-db";

let db: Awaited<ReturnType<typeof demoDatabase>>["db"];
let world: Awaited<ReturnType<typeof demoDatabase>>["world"];
beforeAll(async () => {
  ({ db, world } = await demoDatabase());
});

const ORIGIN = "https://portal.example";
const tokenIn = (text: string) => /\/losenord\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];
const outboxOf = (kind: "account-invitation" | "password-reset", address: string) =>
  db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.kind, kind), eq(mailOutbox.toAddress, address)))
    .all();

describe("an invitation", () => {
  it("creates the account without a password and mails a one-time link, kept only as a hash", async () => {
    const personId = world.personIds["IFO-chef Berg"];
    const { userId } = inviteAccount(
      "demo-samordnare",
      { email: "ifochef.berg@demo.example", role: "member", personId },
      ORIGIN,
      new Date("2026-11-23T10:00:00Z"),
    );
    const user = db.select().from(users).where(eq(users.id, userId)).get()!;
    expect(user.passwordHash).toBe(NO_PASSWORD);
    const [mail] = outboxOf("account-invitation", "ifochef.berg@demo.example");
    expect(mail.subject).toBe("Inbjudan till Samverkansportalen");
    const token = tokenIn(mail.textBody)!;
    expect(mail.textBody).toContain(`${ORIGIN}/losenord/${token}`);
    // The database holds the hash, never the token.
    const stored = db.select().from(accountTokens).where(eq(accountTokens.userId, userId)).all();
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0]).toMatchObject({ purpose: "inbjudan", expiresAt: "2026-11-30T10:00:00.000Z", usedAt: null });
    const audit = db.select().from(auditLog).where(eq(auditLog.entityId, userId)).all();
    expect(audit.map((a) => a.action)).toEqual(["create", "invite"]);
    expect(JSON.stringify(audit)).not.toContain(token);

    expect(accountTokenInfo(token, new Date("2026-11-24T10:00:00Z"))).toEqual({
      state: "giltig",
      purpose: "inbjudan",
      email: "ifochef.berg@demo.example",
    });
    const hash = "scrypt$2$1$1$c2FsdA==$aGFzaA==";
    expect(setPasswordWithToken(token, hash, new Date("2026-11-24T10:00:00Z"))).toEqual({ ok: true, userId });
    expect(db.select().from(users).where(eq(users.id, userId)).get()!.passwordHash).toBe(hash);
    // Once only.
    expect(setPasswordWithToken(token, "scrypt$other", new Date("2026-11-24T10:01:00Z"))).toEqual({
      ok: false,
      state: "använd",
    });
    expect(db.select().from(users).where(eq(users.id, userId)).get()!.passwordHash).toBe(hash);
    const last = db.select().from(auditLog).where(eq(auditLog.entityId, userId)).all().at(-1)!;
    expect(last).toMatchObject({ userId, action: "password" });
    expect(JSON.parse(last.after!)).toEqual({ via: "inbjudan" });
  });

  it("stops working after 7 days", () => {
    const personId = world.personIds["IFO-chef Åre"];
    inviteAccount(
      "demo-samordnare",
      { email: "ifochef.are@demo.example", role: "member", personId },
      ORIGIN,
      new Date("2026-11-01T10:00:00Z"),
    );
    const token = tokenIn(outboxOf("account-invitation", "ifochef.are@demo.example")[0].textBody)!;
    expect(accountTokenInfo(token, new Date("2026-11-08T10:00:00Z")).state).toBe("utgången");
    expect(setPasswordWithToken(token, "scrypt$x", new Date("2026-11-08T10:00:00Z"))).toEqual({
      ok: false,
      state: "utgången",
    });
    expect(accountTokenInfo("x".repeat(43)).state).toBe("okänd");
    expect(accountTokenInfo("../../etc").state).toBe("okänd");
  });
});

describe("a password reset", () => {
  it("mails a link for a known address only, and a new link makes the earlier one useless", () => {
    const before = db.select().from(mailOutbox).all().length;
    expect(requestPasswordReset("ingen.alls@nowhere.example", ORIGIN)).toBe(false);
    expect(db.select().from(mailOutbox).all().length).toBe(before);

    const user = db.select().from(users).where(eq(users.id, "demo-samordnare")).get()!;
    const now = new Date("2026-11-23T12:00:00Z");
    expect(requestPasswordReset(user.email.toUpperCase(), ORIGIN, now)).toBe(true);
    expect(requestPasswordReset(user.email, ORIGIN, now)).toBe(true);
    const mails = outboxOf("password-reset", user.email);
    expect(mails).toHaveLength(2);
    const [first, second] = mails.map((m) => tokenIn(m.textBody)!);
    expect(accountTokenInfo(first, now).state).toBe("använd");
    expect(accountTokenInfo(second, new Date("2026-11-23T13:00:00Z")).state).toBe("utgången");
    expect(setPasswordWithToken(second, "scrypt$y", new Date("2026-11-23T12:59:00Z"))).toMatchObject({ ok: true });
    expect(db.select().from(users).where(eq(users.id, "demo-samordnare")).get()!.passwordHash).toBe("scrypt$y");
    expect(
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, "demo-samordnare"), eq(auditLog.action, "password-reset-request")))
        .all(),
    ).toHaveLength(2);
  });

  it("leaves no working link in the outbox once the message is delivered", () => {
    const user = db.select().from(users).where(eq(users.id, "demo-ifochef")).get()!;
    requestPasswordReset(user.email, ORIGIN);
    const [mail] = outboxOf("password-reset", user.email);
    const token = tokenIn(mail.textBody)!;
    db.update(mailOutbox).set({ status: "skickas", claimedBy: "test" }).where(eq(mailOutbox.id, mail.id)).run();
    markSent(mail.id, "test", new Date());
    const sent = db.select().from(mailOutbox).where(eq(mailOutbox.id, mail.id)).get()!;
    expect(sent.status).toBe("skickat");
    expect(sent.textBody + sent.htmlBody).not.toContain(token);
    expect(sent.textBody).toContain("/losenord/(länken visas inte här)");
  });

  it("is limited per account and per address", async () => {
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) waits.push(await resetRequestWait("someone@berg.example", `10.9.0.${i}`));
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    expect(waits[3]).toBeGreaterThan(0);
    const fromOne: number[] = [];
    for (let i = 0; i < 11; i++) fromOne.push(await resetRequestWait(`person${i}@berg.example`, "10.9.1.1"));
    expect(fromOne.slice(0, 10).every((w) => w === 0)).toBe(true);
    expect(fromOne[10]).toBeGreaterThan(0);
  });
});
