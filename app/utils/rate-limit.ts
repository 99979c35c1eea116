/**
 * A fixed-window counter per key (e.g. "signin:ip:1.2.3.4"). Pure apart from the Map it owns;
 * the caller passes the time so tests control the clock. In-memory is enough for one server
 * process; a second instance would need a shared store.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt; returns false when the key is over its limit in this window. */
  hit(key: string, now: number): boolean {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      this.prune(now);
      return true;
    }
    w.count += 1;
    return w.count <= this.limit;
  }

  /** Milliseconds until the key may try again (0 when it may now). */
  retryAfter(key: string, now: number): number {
    const w = this.windows.get(key);
    if (!w || w.count <= this.limit) return 0;
    return Math.max(0, w.start + this.windowMs - now);
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private prune(now: number) {
    if (this.windows.size < 10_000) return;
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}
