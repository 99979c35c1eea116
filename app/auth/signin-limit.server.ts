import { FixedWindowLimiter } from "~/utils/rate-limit";

/**
 * Sign-in throttling: at most 10 attempts per e-mail and 30 per client address in
 * 15 minutes. Returns milliseconds to wait when over the limit.
 */
class SignInLimiter {
  private readonly byEmail = new FixedWindowLimiter(10, 15 * 60_000);
  private readonly byIp = new FixedWindowLimiter(30, 15 * 60_000);

  check(ip: string, email: string, now: number): number {
    const ipOk = this.byIp.hit(`ip:${ip}`, now);
    const emailOk = this.byEmail.hit(`email:${email}`, now);
    if (ipOk && emailOk) return 0;
    return Math.max(this.byIp.retryAfter(`ip:${ip}`, now), this.byEmail.retryAfter(`email:${email}`, now), 1000);
  }

  succeeded(email: string) {
    this.byEmail.reset(`email:${email}`);
  }
}

export const signInLimiter = new SignInLimiter();
