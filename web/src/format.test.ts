import { describe, expect, it } from "vitest";
import {
  featureName,
  formatAgo,
  formatClock,
  formatNumber,
  formatUtcOffset,
  formatZoneAbbrev,
  fromZonedInput,
  toZonedInput,
  utcOffsetMinutes,
} from "./format.ts";

// 2026-01-15 is winter in Los Angeles (PST, UTC−8); 2026-07-15 is summer (PDT, UTC−7). Tokyo has no DST.
const winter = new Date("2026-01-15T12:00:00Z");
const summer = new Date("2026-07-15T12:00:00Z");

describe("format", () => {
  it("reads each port's UTC offset, daylight saving included", () => {
    expect(utcOffsetMinutes(winter, "America/Los_Angeles")).toBe(-480);
    expect(utcOffsetMinutes(summer, "America/Los_Angeles")).toBe(-420);
    expect(utcOffsetMinutes(summer, "Asia/Tokyo")).toBe(540);
    expect(utcOffsetMinutes(summer, "UTC")).toBe(0);
    expect(formatUtcOffset(winter, "America/Los_Angeles")).toBe("UTC−8");
    expect(formatUtcOffset(winter, "Asia/Kolkata")).toBe("UTC+5:30");
  });

  it("shows local clock time in the port's zone, 24-hour", () => {
    expect(formatClock(winter, "America/Los_Angeles", "en")).toBe("04:00:00");
    expect(formatClock(winter, "Asia/Tokyo", "ja")).toBe("21:00:00");
  });

  it("names the zone where the locale has a name, else gives the offset", () => {
    expect(formatZoneAbbrev(winter, "America/Los_Angeles", "en")).toBe("PST");
    expect(formatZoneAbbrev(winter, "Asia/Tokyo", "ja")).toBe("JST");
    expect(formatZoneAbbrev(winter, "Asia/Tokyo", "en")).toBe("UTC+9");
  });

  it("formats numbers per locale and falls back to the English feature name", () => {
    expect(formatNumber(2192.5, "en")).toBe("2,192.5");
    expect(formatNumber(2192.5, "ja")).toBe("2,192.5");
    expect(featureName({ id: "x", name_en: "Anchorage B", name_ja: null }, "ja")).toBe("Anchorage B");
    expect(featureName({ id: "x", name_en: "Port area", name_ja: "港湾区域" }, "ja")).toBe("港湾区域");
    expect(featureName({ id: "x", name_en: null, name_ja: null }, "en")).toBe("x");
  });

  it("converts a port's wall-clock time to a UTC instant and back (DST-aware)", () => {
    expect(fromZonedInput("2026-11-17T00:05", "America/Los_Angeles")?.toISOString()).toBe(
      "2026-11-17T08:05:00.000Z",
    );
    expect(fromZonedInput("2026-07-15T05:00", "America/Los_Angeles")?.toISOString()).toBe(
      "2026-07-15T12:00:00.000Z",
    );
    expect(fromZonedInput("2026-11-17T17:05", "Asia/Tokyo")?.toISOString()).toBe("2026-11-17T08:05:00.000Z");
    expect(fromZonedInput("not a time", "Asia/Tokyo")).toBeNull();
    expect(toZonedInput(summer, "America/Los_Angeles")).toBe("2026-07-15T05:00");
    expect(toZonedInput(winter, "Asia/Tokyo")).toBe("2026-01-15T21:00");
  });

  it("says how long ago in each language", () => {
    const now = new Date("2026-11-17T08:00:00Z");
    expect(formatAgo(new Date("2026-11-17T07:55:00Z"), now, "en")).toBe("5 minutes ago");
    expect(formatAgo(new Date("2026-11-14T08:00:00Z"), now, "ja")).toBe("3 日前");
  });
});
