import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, sessions, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../db/demo-world";
import { demoDatabase } from "../support/test-db";
import { purgeExpiredSessions, sessionIdOf, validateSession } from "~/auth/sessions.server";
import type { Db } from "../../db/connection";

let db: Db;
beforeEach(async () => {
  ({ db } = await demoDatabase());
});

function post(path: string, fields: Record<string, string>, cookie?: string) {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

async function signIn(email: string, password: string, ip = "10.0.0.1") {
  const { action } = await import("~/routes/logga-in");
  const result = await action({
    request: post("/logga-in", { email, password }),
    params: {},
    context: { clientIp: ip },
  });
  return result as Response | { data: unknown; init: ResponseInit | null };
}

const cookieOf = (res: Response) => (res.headers.get("Set-Cookie") ?? "").split(";")[0];

describe("sign-in", () => {
  it("creates a new session at every sign-in (the session id rotates)", async () => {
    const first = (await signIn("samordnare@demo.example", DEMO_PASSWORD)) as Response;
    const second = (await signIn("samordnare@demo.example", DEMO_PASSWORD)) as Response;
    expect(first.status).toBe(302);
    expect(cookieOf(first)).toMatch(/^session=\w+/);
    expect(cookieOf(second)).not.toBe(cookieOf(first));
    expect(db.select().from(sessions).where(eq(sessions.userId, "demo-samordnare")).all()).toHaveLength(2);
    expect(first.headers.get("Set-Cookie")).toMatch(/HttpOnly/);
    expect(first.headers.get("Set-Cookie")).toMatch(/SameSite=Lax/);
  });

  it("answers a wrong password and an unknown e-mail with the same message, creating no session", async () => {
    const wrong = (await signIn("samordnare@demo.example", "fel-lösenord")) as {
      data: { error: Record<string, string[]> };
      init: ResponseInit;
    };
    const unknown = (await signIn("ingen@demo.example", "fel-lösenord")) as typeof wrong;
    // conform's reply: form-level messages under "", the typed e-mail kept, the password never sent back.
    expect(wrong.data.error[""]).toEqual(["Fel e-postadress eller lösenord."]);
    expect(unknown.data.error).toEqual(wrong.data.error);
    expect(JSON.stringify(wrong.data)).toContain("samordnare@demo.example");
    expect(JSON.stringify(wrong.data)).not.toContain("fel-lösenord");
    expect(wrong.init.status).toBe(401);
    expect(db.select().from(sessions).all()).toHaveLength(0);
  });

  it("locks an account after 10 failures from one address, for that address only", async () => {
    for (let i = 0; i < 10; i++)
      expect(
        ((await signIn("chef.minimaria@demo.example", "fel-lösenord", "10.0.1.1")) as { init: ResponseInit }).init
          .status,
      ).toBe(401);
    // Even the right password waits, from that address.
    const locked = (await signIn("chef.minimaria@demo.example", DEMO_PASSWORD, "10.0.1.1")) as { init: ResponseInit };
    expect(locked.init.status).toBe(429);
    // Guessing from elsewhere cannot lock her out of her own address.
    const own = (await signIn("chef.minimaria@demo.example", DEMO_PASSWORD, "10.0.2.1")) as Response;
    expect(own.status).toBe(302);
  }, 60_000);

  it("limits sign-in attempts per address, whatever the account", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push(
        ((await signIn(`ingen${i}@demo.example`, "fel-lösenord", "10.0.3.1")) as { init: ResponseInit }).init.status!,
      );
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    const other = (await signIn("samordnare@demo.example", DEMO_PASSWORD, "10.0.3.2")) as Response;
    expect(other.status).toBe(302);
  }, 120_000);

  it("audits failed sign-ins: the account when there is one, and the address; never the typed address or password", async () => {
    await signIn("chef.minimaria@demo.example", "fel-lösenord", "10.0.4.1");
    await signIn("finns.inte@demo.example", "hemligt-123", "10.0.4.2");
    const failed = db.select().from(auditLog).where(eq(auditLog.action, "signin-failed")).all();
    expect(failed).toHaveLength(2);
    expect(failed[0].userId).toBe("demo-chef");
    expect(JSON.parse(failed[0].after ?? "{}")).toMatchObject({ address: "10.0.4.1" });
    expect(failed[1].userId).toBeNull();
    const stored = JSON.stringify(failed);
    expect(stored).not.toContain("finns.inte");
    expect(stored).not.toContain("hemligt");
  }, 30_000);

  it("ends every session of the account when the password changes", async () => {
    const a = cookieOf((await signIn("ifochef.ostersund@demo.example", DEMO_PASSWORD)) as Response);
    const b = cookieOf((await signIn("ifochef.ostersund@demo.example", DEMO_PASSWORD)) as Response);
    const { action } = await import("~/routes/konto");
    const res = (await action({
      request: post(
        "/konto",
        {
          intent: "password",
          current: DEMO_PASSWORD,
          next: "ett-nytt-långt-lösenord",
          confirm: "ett-nytt-långt-lösenord",
        },
        a,
      ),
      params: {},
      context: {},
    })) as Response;
    expect(res.status).toBe(302);
    const remaining = db.select().from(sessions).where(eq(sessions.userId, "demo-ifochef")).all();
    expect(remaining).toHaveLength(1);
    const idOf = (c: string) => sessionIdOf(c.split("=")[1]);
    expect(remaining.map((s) => s.id)).not.toContain(idOf(a));
    expect(remaining.map((s) => s.id)).not.toContain(idOf(b));
    expect(remaining[0].id).toBe(idOf(cookieOf(res)));
    expect(db.select().from(auditLog).where(eq(auditLog.action, "password")).all()).toHaveLength(1);
  }, 30_000);
});

describe("session lifetime", () => {
  it("ends a session after the idle timeout and after the absolute lifetime", async () => {
    const cookie = cookieOf((await signIn("samordnare@demo.example", DEMO_PASSWORD)) as Response);
    expect(await validateSession(cookie)).not.toBeNull();
    const id = sessionIdOf(cookie.split("=")[1]);
    // Idle: the sliding expiry has passed.
    db.update(sessions)
      .set({ expiresAt: Math.floor(Date.now() / 1000) - 1 })
      .where(eq(sessions.id, id))
      .run();
    expect(await validateSession(cookie)).toBeNull();
    // Absolute: signed in 13 hours ago, active a minute ago.
    const fresh = cookieOf((await signIn("samordnare@demo.example", DEMO_PASSWORD, "10.9.9.9")) as Response);
    const freshId = sessionIdOf(fresh.split("=")[1]);
    db.update(sessions)
      .set({ createdAt: Math.floor(Date.now() / 1000) - 13 * 3600 })
      .where(eq(sessions.id, freshId))
      .run();
    expect(await validateSession(fresh)).toBeNull();
    expect(db.select().from(sessions).where(eq(sessions.id, freshId)).get()).toBeUndefined();
  });
});

describe("sessions (class 11)", () => {
  it("stores only the hash of the token, and the cookie lives no longer than the session", async () => {
    const res = (await signIn("samordnare@demo.example", DEMO_PASSWORD)) as Response;
    const header = res.headers.get("Set-Cookie") ?? "";
    const token = cookieOf(res).split("=")[1];
    const stored = db.select().from(sessions).all();
    expect(stored).toHaveLength(1);
    expect(stored[0].id).not.toBe(token);
    expect(stored[0].id).toBe(sessionIdOf(token));
    // The database holds nothing that works as a cookie.
    expect(await validateSession(`session=${stored[0].id}`)).toBeNull();
    const maxAge = Number(/Max-Age=(\d+)/.exec(header)?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(12 * 3600);
    const expires = Date.parse(/Expires=([^;]+)/.exec(header)?.[1] ?? "");
    expect(expires - Date.now()).toBeLessThanOrEqual(12 * 3600 * 1000 + 1000);
  });

  it("purges ended sessions", async () => {
    await signIn("samordnare@demo.example", DEMO_PASSWORD);
    await signIn("samordnare@demo.example", DEMO_PASSWORD, "10.0.0.2");
    const now = Math.floor(Date.now() / 1000);
    const [idle, old] = db.select().from(sessions).all();
    db.update(sessions)
      .set({ expiresAt: now - 10 })
      .where(eq(sessions.id, idle.id))
      .run();
    db.update(sessions)
      .set({ createdAt: now - 13 * 3600 })
      .where(eq(sessions.id, old.id))
      .run();
    await purgeExpiredSessions();
    expect(db.select().from(sessions).all()).toHaveLength(0);
  });

  it("slides the idle expiry while the session is used (lucia renews it once half has passed)", async () => {
    const cookie = cookieOf((await signIn("samordnare@demo.example", DEMO_PASSWORD)) as Response);
    const id = sessionIdOf(cookie.split("=")[1]);
    const now = Math.floor(Date.now() / 1000);
    // The idle timeout is 120 minutes by default; 5 minutes left means more than half has passed.
    db.update(sessions)
      .set({ expiresAt: now + 300 })
      .where(eq(sessions.id, id))
      .run();
    expect(await validateSession(cookie)).not.toBeNull();
    const renewed = db.select().from(sessions).where(eq(sessions.id, id)).get();
    expect(renewed?.expiresAt).toBeGreaterThan(now + 300);
  });

  it("ignores cookies that are not our tokens, without touching the database", async () => {
    for (const junk of [
      "",
      "session=",
      "session=abc",
      "session=' OR 1=1 --",
      `session=${"g".repeat(40)}`,
      "session=%E0%A4%A",
      "other=%; session=%zz",
    ])
      expect(await validateSession(junk)).toBeNull();
  });
});

describe("sessions end on a role change", () => {
  it("ends every session of the account whose role the coordinator changes", async () => {
    const coordinator = cookieOf((await signIn("samordnare@demo.example", DEMO_PASSWORD)) as Response);
    const target = cookieOf((await signIn("ifochef.ostersund@demo.example", DEMO_PASSWORD, "10.0.0.3")) as Response);
    expect(await validateSession(target)).not.toBeNull();
    const personId = db.select().from(users).where(eq(users.id, "demo-ifochef")).get()?.personId;
    const { action } = await import("~/routes/personer.$personId.konto");
    const res = await action({
      request: post(`/personer/${personId}/konto`, { intent: "role", was: "member", role: "reader" }, coordinator),
      params: { personId: String(personId) },
      context: { clientIp: "10.0.0.1" },
    });
    expect((res as Response).status).toBe(302);
    expect(await validateSession(target)).toBeNull();
    expect(db.select().from(sessions).where(eq(sessions.userId, "demo-ifochef")).all()).toHaveLength(0);
    expect(await validateSession(coordinator)).not.toBeNull();
  });
});

describe("an account's role", () => {
  async function changeRole(userId: string, fields: Record<string, string>) {
    const coordinator = cookieOf((await signIn("samordnare@demo.example", DEMO_PASSWORD)) as Response);
    const personId = db.select().from(users).where(eq(users.id, userId)).get()!.personId;
    const { action } = await import("~/routes/personer.$personId.konto");
    const res = (await action({
      request: post(`/personer/${personId}/konto`, { intent: "role", ...fields }, coordinator),
      params: { personId: String(personId) },
      context: { clientIp: "10.0.0.1" },
    })) as unknown;
    if (res instanceof Response) return { status: res.status, coordinator };
    const { data, init } = res as { data: Record<string, unknown>; init: ResponseInit | null };
    return { status: init?.status ?? 200, reply: data, coordinator };
  }
  const roleOf = (userId: string) => db.select().from(users).where(eq(users.id, userId)).get()!.role;
  // Role changes in the audit log (signing in writes entries of its own).
  const audits = () =>
    db
      .select()
      .from(auditLog)
      .all()
      .filter((e) => e.entityType === "user" && e.action === "update").length;

  it("is never taken from the last administrator, the coordinator's own included; nothing is written", async () => {
    expect(
      db
        .select()
        .from(users)
        .where(eq(users.role, "admin"))
        .all()
        .map((u) => u.id),
    ).toEqual(["demo-samordnare"]);
    const before = audits();
    const answer = await changeRole("demo-samordnare", { was: "admin", role: "member" });
    expect(answer.status).toBe(400);
    expect((answer.reply!.error as Record<string, string[]>).role).toEqual([
      "Portalen måste ha minst en administratör. Ge någon annan rollen administratör först.",
    ]);
    expect(roleOf("demo-samordnare")).toBe("admin");
    expect(audits()).toBe(before);
    // Her session goes on: nothing changed.
    expect(await validateSession(answer.coordinator)).not.toBeNull();
    // With a second administrator, she may step down.
    expect((await changeRole("demo-chef", { was: "member", role: "admin" })).status).toBe(302);
    expect((await changeRole("demo-samordnare", { was: "admin", role: "member" })).status).toBe(302);
    expect(roleOf("demo-samordnare")).toBe("member");
    db.update(users).set({ role: "admin" }).where(eq(users.id, "demo-samordnare")).run();
    db.update(users).set({ role: "member" }).where(eq(users.id, "demo-chef")).run();
  });

  it("is a conflict when someone else changed it since the page was shown, and nothing is written", async () => {
    db.update(users).set({ role: "reader" }).where(eq(users.id, "demo-chef")).run();
    const before = audits();
    const answer = await changeRole("demo-chef", { was: "member", role: "admin" });
    expect(answer.status).toBe(409);
    expect(answer.reply!.conflict).toEqual({
      theirs: { role: "Läsare (t.ex. politiker som läser)" },
      version: "reader",
    });
    expect(roleOf("demo-chef")).toBe("reader");
    expect(audits()).toBe(before);
    db.update(users).set({ role: "member" }).where(eq(users.id, "demo-chef")).run();
  });
});
