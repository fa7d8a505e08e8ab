import { describe, expect, it } from "vitest";
import { offsetTimeS, parsePlace, zonedTimeS } from "./records.ts";

describe("operations records helpers", () => {
  it("converts local wall-clock times with the zone's offset on the right side of DST changes", () => {
    // 2026-07-01 08:00 PDT (UTC−7) = 15:00Z (the doc comment's example).
    expect(zonedTimeS(2026, 7, 1, 8, 0, 0, "America/Los_Angeles")).toBe(1782918000);
    // US DST ends 2026-11-01 02:00: 03:00 local is PST (UTC−8) → 11:00Z; 2026-03-08 03:00 is PDT → 10:00Z.
    expect(zonedTimeS(2026, 11, 1, 3, 0, 0, "America/Los_Angeles")).toBe(
      Date.parse("2026-11-01T11:00:00Z") / 1000,
    );
    expect(zonedTimeS(2026, 3, 8, 3, 0, 0, "America/Los_Angeles")).toBe(
      Date.parse("2026-03-08T10:00:00Z") / 1000,
    );
    // Japan has no DST: UTC+9.
    expect(zonedTimeS(2026, 1, 1, 9, 0, 0, "Asia/Tokyo")).toBe(Date.parse("2026-01-01T00:00:00Z") / 1000);
  });

  it("requires an offset on ISO times", () => {
    expect(offsetTimeS("2026-11-01T08:00:00-08:00")).toBe(1793548800);
    expect(offsetTimeS("2026-11-01T08:00:00")).toMatch(/no UTC offset/);
    expect(offsetTimeS("yesterday")).toMatch(/not an ISO 8601/);
  });

  it("refuses UN/LOCODEs of user-assigned ISO 3166 codes, but not XZ (international waters)", () => {
    expect(parsePlace("FRPAR")).toEqual({ ok: true, value: "FRPAR" });
    expect(parsePlace("XYABC").ok).toBe(false);
    expect(parsePlace("QZABC").ok).toBe(false);
    expect(parsePlace("XZABC").ok).toBe(true);
  });
});
