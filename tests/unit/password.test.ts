import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "~/auth/password.server";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("rätt-lösenord-åäö");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("rätt-lösenord-åäö", hash)).toBe(true);
    expect(await verifyPassword("fel-lösenord-åäö", hash)).toBe(false);
  });
  it("salts every hash", async () => {
    expect(await hashPassword("samma-lösenord")).not.toBe(await hashPassword("samma-lösenord"));
  });
  it("refuses a malformed stored hash instead of throwing", async () => {
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
    expect(await verifyPassword("x", "")).toBe(false);
  });
});
