import { describe, expect, it } from "vitest";
import { etaInstant } from "./text.ts";

describe("etaInstant", () => {
  it("picks the year nearest the report", () => {
    expect(etaInstant("01-02 06:00", new Date("2026-12-30T10:00:00Z"))?.toISOString()).toBe(
      "2027-01-02T06:00:00.000Z",
    );
    expect(etaInstant("11-17 14:30", new Date("2026-11-17T08:00:00Z"))?.toISOString()).toBe(
      "2026-11-17T14:30:00.000Z",
    );
    expect(etaInstant("12-30 23:00", new Date("2027-01-01T00:00:00Z"))?.toISOString()).toBe(
      "2026-12-30T23:00:00.000Z",
    );
  });

  it("rejects what is not an ETA", () => {
    expect(etaInstant("13-01 00:00", new Date())).toBeNull();
    expect(etaInstant("soon", new Date())).toBeNull();
  });
});
