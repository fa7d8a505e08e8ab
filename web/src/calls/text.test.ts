import { describe, expect, it } from "vitest";
import { formatPercent, prettifyId, timeTicks } from "./text.ts";

describe("call text helpers", () => {
  it("makes ids without a published name readable", () => {
    expect(prettifyId("uslax-demo-pier400-liquid-bulk", "USLAX")).toBe("Pier400 Liquid Bulk");
    expect(prettifyId("uslax-demo-berth-liquid-bulk-408", "USLAX")).toBe("Liquid Bulk 408");
  });

  it("puts ticks on whole hours in the port's zone", () => {
    const from = Date.parse("2026-11-25T05:10:00Z");
    const to = Date.parse("2026-11-26T07:00:00Z");
    const ticks = timeTicks(from, to, "Asia/Tokyo");
    expect(ticks.length).toBeGreaterThan(2);
    expect(ticks.length).toBeLessThanOrEqual(8);
    // 6-hourly in JST (UTC+9): 05:10Z is 14:10 JST, so the first tick is 18:00 JST = 09:00Z.
    expect(new Date(ticks[0] ?? 0).toISOString()).toBe("2026-11-25T09:00:00.000Z");
  });

  it("formats shares as percentages", () => {
    expect(formatPercent(0.8971, "en")).toBe("89.7 %");
    expect(formatPercent(null, "ja")).toBe("—");
  });
});
