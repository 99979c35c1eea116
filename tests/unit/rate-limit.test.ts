import { describe, expect, it } from "vitest";
import { FixedWindowLimiter } from "~/utils/rate-limit";

describe("FixedWindowLimiter", () => {
  it("allows the limit, refuses the next, and opens again after the window", () => {
    const limiter = new FixedWindowLimiter(3, 60_000);
    expect([1, 2, 3].map(() => limiter.hit("k", 0))).toEqual([true, true, true]);
    expect(limiter.hit("k", 1000)).toBe(false);
    expect(limiter.retryAfter("k", 1000)).toBe(59_000);
    expect(limiter.hit("k", 60_000)).toBe(true);
  });
  it("counts keys separately", () => {
    const limiter = new FixedWindowLimiter(1, 1000);
    expect(limiter.hit("a", 0)).toBe(true);
    expect(limiter.hit("b", 0)).toBe(true);
    expect(limiter.hit("a", 1)).toBe(false);
  });
  it("forgets a key on reset", () => {
    const limiter = new FixedWindowLimiter(1, 1000);
    limiter.hit("a", 0);
    limiter.hit("a", 0);
    limiter.reset("a");
    expect(limiter.hit("a", 1)).toBe(true);
  });
});
