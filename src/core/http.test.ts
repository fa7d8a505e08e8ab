import { describe, expect, it } from "vitest";
import { dateOrInstantS, isCalendarDate, isInstant } from "./time.ts";

describe("dates and instants in requests", () => {
  it("accepts real calendar dates and date-times with an offset, nothing else", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true); // 2028 is a leap year
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isInstant("2026-11-01T08:00:00Z")).toBe(true);
    expect(isInstant("2026-11-01T00:00-07:00")).toBe(true);
    expect(isInstant("2026-11-01T08:00:00.123+09:00")).toBe(true);
    // No offset: which zone would it be in? Refused rather than guessed.
    expect(isInstant("2026-11-01T08:00:00")).toBe(false);
    expect(isInstant("2026-11-01")).toBe(false);
    expect(isInstant("yesterday")).toBe(false);
  });

  it("reads a date as its midnight in the port's zone", () => {
    // US daylight saving time ends on the first Sunday of November at 02:00 (Energy Policy Act of
    // 2005, 15 U.S.C. 260a): on 2026-11-01 midnight is still PDT (UTC−7), so 07:00Z.
    expect(new Date(dateOrInstantS("2026-11-01", "America/Los_Angeles") * 1000).toISOString()).toBe(
      "2026-11-01T07:00:00.000Z",
    );
    // Japan keeps UTC+9 all year: Nagoya's fiscal year starts at 2026-03-31T15:00Z.
    expect(new Date(dateOrInstantS("2026-04-01", "Asia/Tokyo") * 1000).toISOString()).toBe(
      "2026-03-31T15:00:00.000Z",
    );
    expect(dateOrInstantS("2026-11-01T00:00:00-07:00", "Asia/Tokyo")).toBe(Date.UTC(2026, 10, 1, 7) / 1000);
  });
});
