import { describe, expect, it } from "vitest";
import { accountLocked, minutesToWait, RESET_LIMITS, SIGN_IN_LIMITS, tooManyMessage } from "~/domain/rate-limits";

describe("the rate-limit numbers", () => {
  it("lets an address try 30 sign-ins and an account fail 10 times from one address in 15 minutes", () => {
    expect(SIGN_IN_LIMITS.attemptsByAddress).toEqual({ points: 30, seconds: 900 });
    expect(SIGN_IN_LIMITS.failuresByAccountAndAddress).toEqual({ points: 10, seconds: 900 });
  });

  it("locks an account from one address before that address runs out of attempts", () => {
    expect(SIGN_IN_LIMITS.failuresByAccountAndAddress.points).toBeLessThan(SIGN_IN_LIMITS.attemptsByAddress.points);
  });

  it("allows 10 reset requests per address in 15 minutes and 3 per account an hour", () => {
    expect(RESET_LIMITS.byAddress).toEqual({ points: 10, seconds: 900 });
    expect(RESET_LIMITS.byAccount).toEqual({ points: 3, seconds: 3600 });
  });
});

describe("accountLocked", () => {
  it.each([
    [null, false],
    [10, false],
    [1, false],
    [0, true],
    [-3, true],
  ])("with %s failures left: %s", (left, locked) => {
    expect(accountLocked(left)).toBe(locked);
  });
});

describe("minutesToWait", () => {
  it.each([
    [1, 1],
    [59, 1],
    [60, 1],
    [61, 2],
    [899, 15],
    [900, 15],
    [0, 1],
  ])("%s seconds: %s minutes", (seconds, minutes) => {
    expect(minutesToWait(seconds)).toBe(minutes);
  });
});

describe("tooManyMessage", () => {
  it("says one minute in the singular", () => {
    expect(tooManyMessage("inloggningsförsök", 42)).toBe("För många inloggningsförsök. Vänta 1 minut och försök igen.");
  });

  it("says minutes in the plural, a started minute counted", () => {
    expect(tooManyMessage("förfrågningar", 601)).toBe("För många förfrågningar. Vänta 11 minuter och försök igen.");
  });
});
