import { describe, expect, it } from "vitest";
import {
  formatInZone,
  isoUtc,
  isValidTimeZone,
  localDateTime,
  utcOffsetMinutes,
  zonedMidnightUtcS,
} from "./time.ts";

// 86 400 s after the POSIX epoch is the next midnight (POSIX.1-2017, 4.16 "Seconds Since the Epoch").
describe("isoUtc", () => {
  it("writes epoch seconds as ISO 8601 UTC without milliseconds", () => {
    expect(isoUtc(86400)).toBe("1970-01-02T00:00:00Z");
    expect(isoUtc(86399.6)).toBe("1970-01-02T00:00:00Z");
  });
});

describe("time zones", () => {
  it("knows the ports' zones", () => {
    expect(isValidTimeZone("America/Los_Angeles")).toBe(true);
    expect(isValidTimeZone("Asia/Tokyo")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });

  // US DST 2026: from 8 March 10:00 UTC (02:00 PST) to 1 November 09:00 UTC (02:00 PDT); Japan has none.
  it("follows daylight saving time in Los Angeles and none in Tokyo", () => {
    expect(utcOffsetMinutes(new Date("2026-01-15T12:00:00Z"), "America/Los_Angeles")).toBe(-480);
    expect(utcOffsetMinutes(new Date("2026-07-01T12:00:00Z"), "America/Los_Angeles")).toBe(-420);
    expect(utcOffsetMinutes(new Date("2026-03-08T09:59:59Z"), "America/Los_Angeles")).toBe(-480);
    expect(utcOffsetMinutes(new Date("2026-03-08T10:00:00Z"), "America/Los_Angeles")).toBe(-420);
    expect(utcOffsetMinutes(new Date("2026-07-01T12:00:00Z"), "Asia/Tokyo")).toBe(540);
  });

  it("formats an instant in a port's zone with its offset", () => {
    expect(formatInZone(new Date("2026-11-27T04:00:00Z"), "Asia/Tokyo")).toBe("2026-11-27T13:00:00+09:00");
    expect(formatInZone(new Date("2026-11-27T04:00:00Z"), "America/Los_Angeles")).toBe(
      "2026-11-26T20:00:00-08:00",
    );
    expect(localDateTime(new Date("2026-01-01T00:00:00Z"), "Asia/Tokyo")).toEqual({
      year: 2026,
      month: 1,
      day: 1,
      hour: 9,
      minute: 0,
      second: 0,
    });
  });

  it("finds local midnight in UTC across daylight saving time", () => {
    // 2026-03-08 is the US spring-forward day; midnight is still PST (UTC−8).
    expect(zonedMidnightUtcS(2026, 3, 8, "America/Los_Angeles")).toBe(Date.UTC(2026, 2, 8, 8) / 1000);
    expect(zonedMidnightUtcS(2026, 7, 1, "America/Los_Angeles")).toBe(Date.UTC(2026, 6, 1, 7) / 1000);
    // Tokyo is UTC+9 all year: local midnight 1 April is 15:00Z on 31 March.
    expect(zonedMidnightUtcS(2025, 4, 1, "Asia/Tokyo")).toBe(Date.UTC(2025, 2, 31, 15) / 1000);
  });
});
