import { describe, expect, it } from "vitest";
import { flashCookie, redirectWithStatus, takeFlash } from "~/utils/flash.server";
import { errorHeading, forbiddenText, NO_ACCESS, pageTitle } from "~/utils/page-title";

function requestWith(cookie: string | null): Request {
  return new Request("http://localhost/", { headers: cookie ? { Cookie: cookie } : {} });
}

/** The name=value part of a Set-Cookie header, as the browser sends it back. */
function sentBack(setCookie: string): string {
  return setCookie.split(";")[0];
}

describe("success messages after a save (flash)", () => {
  it("carries the message through a redirect to the next page, once", () => {
    const response = redirectWithStatus("/moten/5", "Mötet är sparat.");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/moten/5");
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Max-Age=60/);
    const taken = takeFlash(requestWith(sentBack(setCookie)));
    expect(taken.message).toBe("Mötet är sparat.");
    expect(taken.setCookie).toMatch(/^flash=; .*Max-Age=0/);
  });

  it("keeps the other cookies of the response (sign-out ends the session too)", () => {
    const response = redirectWithStatus("/", "Du är utloggad.", { headers: { "Set-Cookie": "session=; Max-Age=0" } });
    expect(response.headers.getSetCookie()).toHaveLength(2);
    expect(response.headers.getSetCookie()[0]).toBe("session=; Max-Age=0");
  });

  it("keeps Swedish letters and punctuation intact", () => {
    const message = "Åtgärden är sparad: 5 720 000 kr, § 12 – klart.";
    expect(takeFlash(requestWith(sentBack(flashCookie(message)))).message).toBe(message);
  });

  it("sends no header on an ordinary page", () => {
    expect(takeFlash(requestWith(null))).toEqual({ message: null, setCookie: null });
    expect(takeFlash(requestWith("session=abc; other=1"))).toEqual({ message: null, setCookie: null });
  });

  it("drops a forged or damaged message and clears the cookie", () => {
    const forged = `flash=${Buffer.from("Ring 010-123 45 67 och uppge lösenordet").toString("base64url")}.AAAA`;
    expect(takeFlash(requestWith(forged))).toMatchObject({
      message: null,
      setCookie: expect.stringMatching(/Max-Age=0/),
    });
    expect(takeFlash(requestWith("flash=nonsense")).message).toBeNull();
    const real = sentBack(flashCookie("Sparat."));
    const tampered = real.replace(/^flash=./, (m) => (m.endsWith("A") ? "flash=B" : "flash=A"));
    expect(takeFlash(requestWith(tampered)).message).toBeNull();
  });

  it("cuts a message that is longer than a sentence", () => {
    const taken = takeFlash(requestWith(sentBack(flashCookie("x".repeat(1000)))));
    expect(taken.message).toHaveLength(300);
  });
});

describe("page titles", () => {
  it("puts the most specific part first and the portal last", () => {
    expect(pageTitle("Protokoll", "SVOM 2026-12-03")).toBe("Protokoll – SVOM 2026-12-03 – Samverkansportalen");
    expect(pageTitle()).toBe("Samverkansportalen");
  });
  it("leaves out parts that are not loaded", () => {
    expect(pageTitle(undefined, "Beslut", null, "", false, " ")).toBe("Beslut – Samverkansportalen");
    expect(pageTitle("Kostnader", 2026)).toBe("Kostnader – 2026 – Samverkansportalen");
  });
  it("names each error page", () => {
    expect(errorHeading(403)).toBe("Du saknar behörighet");
    expect(errorHeading(404)).toBe("Sidan finns inte");
    expect(errorHeading(500)).toBe("Något gick fel");
    expect(errorHeading(null)).toBe("Något gick fel");
  });
});

describe("the error page's text for a refusal (403)", () => {
  it("gives the refusal's own reason, who may do it instead", () => {
    expect(forbiddenText("Bara den som har uppdraget, eller samordnaren, kan ändra status.")).toBe(
      "Bara den som har uppdraget, eller samordnaren, kan ändra status. Kontakta samordnaren om du behöver tillgång.",
    );
  });

  it("falls back to the general text for a refusal without a reason, or with anything else", () => {
    const general = forbiddenText(NO_ACCESS);
    expect(general).toMatch(/^Du har inte behörighet till den här sidan\. Sidan kan höra till ett organ/);
    for (const data of [undefined, null, "", "   ", { message: "x" }, 403, "x".repeat(301)])
      expect(forbiddenText(data)).toBe(general);
  });
});
