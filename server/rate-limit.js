/**
 * A fixed-window counter per key (e.g. "signin:ip:1.2.3.4"). The caller passes the time so
 * tests control the clock. In memory: enough for one server process; a second instance
 * would need a shared store. Plain JS so both the Express server and the app use this one.
 */
export class FixedWindowLimiter {
  /**
   * @param {number} limit
   * @param {number} windowMs
   */
  constructor(limit, windowMs) {
    this.limit = limit;
    this.windowMs = windowMs;
    /** @type {Map<string, { start: number, count: number }>} */
    this.windows = new Map();
  }

  /**
   * Counts one attempt; returns false when the key is over its limit in this window.
   * @param {string} key
   * @param {number} now
   */
  hit(key, now) {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      this.prune(now);
      return true;
    }
    w.count += 1;
    return w.count <= this.limit;
  }

  /**
   * Milliseconds until the key may try again (0 when it may now).
   * @param {string} key
   * @param {number} now
   */
  retryAfter(key, now) {
    const w = this.windows.get(key);
    if (!w || w.count <= this.limit) return 0;
    return Math.max(0, w.start + this.windowMs - now);
  }

  /** @param {string} key */
  reset(key) {
    this.windows.delete(key);
  }

  /** @param {number} now */
  prune(now) {
    if (this.windows.size < 10_000) return;
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}
