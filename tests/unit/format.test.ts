import { describe, expect, it } from "vitest";
import { formatDateTime, formatDateWithWeekday, formatKronor, formatPercent, todayInStockholm } from "~/domain/format";

describe("Swedish formatting", () => {
  it("formats kronor with spaces between thousands", () => {
    expect(formatKronor(5_720_000)).toBe("5\u00a0720\u00a0000\u00a0kr");
    expect(formatKronor(0)).toBe("0\u00a0kr");
    expect(formatKronor(-22_570)).toBe("−22\u00a0570\u00a0kr");
    expect(formatKronor(999)).toBe("999\u00a0kr");
  });
  it("formats percentages with a decimal comma", () => {
    expect(formatPercent(46.75)).toBe("46,75\u00a0%");
    expect(formatPercent(50)).toBe("50\u00a0%");
  });
  it("takes today's date in Stockholm, not UTC", () => {
    expect(todayInStockholm(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(todayInStockholm(new Date("2026-06-30T21:59:00Z"))).toBe("2026-06-30");
    expect(todayInStockholm(new Date("2026-06-30T22:00:00Z"))).toBe("2026-07-01");
  });
  it("shows instants in Stockholm time", () => {
    expect(formatDateTime("2026-11-23T08:05:00Z")).toBe("2026-11-23 09:05");
    expect(formatDateTime("2026-07-01T08:05:00Z")).toBe("2026-07-01 10:05");
  });
  it("names the weekday", () => {
    expect(formatDateWithWeekday("2026-12-31")).toBe("torsdag 2026-12-31");
  });
});
