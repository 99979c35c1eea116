import { describe, expect, it } from "vitest";
import { isOneClickUnsubscribe, isOriginAllowed, isTooLarge, ownOrigins } from "../../server/security.js";

const own = ["http://localhost:3000"];

describe("isOriginAllowed (CSRF)", () => {
  it("lets safe methods through whatever the origin", () => {
    expect(isOriginAllowed("GET", undefined, own)).toBe(true);
    expect(isOriginAllowed("HEAD", "https://evil.example", own)).toBe(true);
  });
  it("accepts a POST from our own origin", () => {
    expect(isOriginAllowed("POST", "http://localhost:3000", own)).toBe(true);
    expect(isOriginAllowed("post", "HTTP://LOCALHOST:3000", own)).toBe(true);
  });
  it.each([
    ["a foreign origin", "https://evil.example"],
    ["a missing origin", undefined],
    ["the opaque null origin", "null"],
    ["another port", "http://localhost:3001"],
    ["another scheme", "https://localhost:3000"],
    ["a lookalike suffix", "http://localhost:3000.evil.example"],
  ])("refuses a POST with %s", (_n, origin) => {
    expect(isOriginAllowed("POST", origin, own)).toBe(false);
  });
  it("refuses PUT, PATCH and DELETE from a foreign origin", () => {
    for (const m of ["PUT", "PATCH", "DELETE"]) expect(isOriginAllowed(m, "https://evil.example", own)).toBe(false);
  });
});

describe("isOneClickUnsubscribe (RFC 8058)", () => {
  it("lets only a POST to an unsubscribe link past the Origin check", () => {
    const link = "/e-post/avsluta/WMe9Q0V3XheLsEEkPF6__HyDZD32-sFp";
    expect(isOneClickUnsubscribe("POST", link)).toBe(true);
    expect(isOneClickUnsubscribe("post", link)).toBe(true);
  });
  it.each([
    ["another path", "POST", "/konto/e-post"],
    ["a path below the link", "POST", "/e-post/avsluta/WMe9Q0V3XheLsEEkPF6__HyDZD32-sFp/mer"],
    ["a short token", "POST", "/e-post/avsluta/kort"],
    ["a token with other characters", "POST", "/e-post/avsluta/WMe9Q0V3XheLsEEkPF6..HyDZD32-sFp"],
    ["another method", "PUT", "/e-post/avsluta/WMe9Q0V3XheLsEEkPF6__HyDZD32-sFp"],
  ])("refuses %s", (_n, method, pathname) => {
    expect(isOneClickUnsubscribe(method, pathname)).toBe(false);
  });
});

describe("ownOrigins", () => {
  it("prefers the configured origin", () => {
    expect(ownOrigins({ protocol: "http", host: "internal:3000" }, "https://portal.example.se/")).toEqual([
      "https://portal.example.se",
    ]);
  });
  it("falls back to the request's own host", () => {
    expect(ownOrigins({ protocol: "http", host: "127.0.0.1:4000" }, undefined)).toEqual(["http://127.0.0.1:4000"]);
  });
  it("has no origin without a Host header", () => {
    expect(ownOrigins({ protocol: "http", host: undefined }, undefined)).toEqual([]);
  });
});

describe("isTooLarge", () => {
  it("compares the declared length with the limit", () => {
    expect(isTooLarge("1000", 999)).toBe(true);
    expect(isTooLarge("999", 999)).toBe(false);
    expect(isTooLarge(undefined, 1)).toBe(false);
    expect(isTooLarge("abc", 1)).toBe(false);
  });
});
