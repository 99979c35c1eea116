import { describe, expect, it } from "vitest";
import {
  ACCOUNT_TOKEN_PATTERN,
  hasPassword,
  NO_PASSWORD,
  tokenExpiry,
  tokenState,
  withoutAccountLinks,
} from "~/domain/account-tokens";
import { invitationMail, passwordResetMail } from "~/domain/mail-templates";

const now = new Date("2026-11-23T12:00:00.000Z");

describe("account tokens", () => {
  it("expire an invitation after 7 days and a reset after one hour", () => {
    expect(tokenExpiry("inbjudan", now)).toBe("2026-11-30T12:00:00.000Z");
    expect(tokenExpiry("återställning", now)).toBe("2026-11-23T13:00:00.000Z");
  });

  it("work once, until they expire", () => {
    const open = { expiresAt: "2026-11-23T13:00:00.000Z", usedAt: null };
    expect(tokenState(open, now)).toBe("giltig");
    expect(tokenState(open, new Date("2026-11-23T12:59:59.999Z"))).toBe("giltig");
    expect(tokenState(open, new Date("2026-11-23T13:00:00.000Z"))).toBe("utgången");
    expect(tokenState({ ...open, usedAt: "2026-11-23T12:30:00.000Z" }, now)).toBe("använd");
    expect(tokenState(undefined, now)).toBe("okänd");
  });

  it("take the link's token as 43 base64url characters only", () => {
    expect(ACCOUNT_TOKEN_PATTERN.test("a".repeat(43))).toBe(true);
    expect(ACCOUNT_TOKEN_PATTERN.test("a".repeat(42))).toBe(false);
    expect(ACCOUNT_TOKEN_PATTERN.test(`${"a".repeat(42)}/`)).toBe(false);
  });

  it("leave no working link in a delivered message's text", () => {
    const token = "Ab3_-".repeat(8) + "xyz";
    const text = `Välj lösenord:\nhttps://p.example/losenord/${token}\n`;
    const scrubbed = withoutAccountLinks(text);
    expect(scrubbed).not.toContain(token);
    expect(scrubbed).toContain("https://p.example/losenord/(länken visas inte här)");
    expect(withoutAccountLinks("https://p.example/moten/7")).toBe("https://p.example/moten/7");
  });

  it("tell an invited account without a password from one with", () => {
    expect(hasPassword(NO_PASSWORD)).toBe(false);
    expect(hasPassword("scrypt$32768$8$1$c2FsdA==$aGFzaA==")).toBe(true);
  });
});

describe("account mail", () => {
  it("invite with the address to sign in with, the link and how long it works, and no password", () => {
    const m = invitationMail("Lena", { email: "lena@berg.example", url: "https://p/losenord/abc", days: 7 });
    expect(m.subject).toBe("Inbjudan till Samverkansportalen");
    expect(m.text).toContain("Du loggar in med e-postadressen lena@berg.example.");
    expect(m.text).toContain("Välj lösenord:\nhttps://p/losenord/abc");
    expect(m.text).toContain("gäller i 7 dagar");
    expect(m.html).toContain('<a href="https://p/losenord/abc">Välj lösenord</a>');
    // Cannot be turned off: no unsubscribe link.
    expect(m.text).not.toContain("Avsluta den här sortens e-post");
  });

  it("send a reset link that says what to do if you did not ask", () => {
    const m = passwordResetMail("Lena", { url: "https://p/losenord/abc", minutes: 60 });
    expect(m.subject).toBe("Välj ett nytt lösenord i Samverkansportalen");
    expect(m.text).toContain("gäller i 60 minuter");
    expect(m.text).toContain("Har du inte bett om det?");
  });
});
