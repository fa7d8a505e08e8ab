import { describe, expect, it } from "vitest";
import {
  maxH2KgPerH,
  parseTelemetryCsv,
  parseTelemetryJson,
  TELEMETRY_CSV_COLUMNS,
  type TelemetryContext,
} from "./telemetry.ts";
import type { Equipment } from "./wire.ts";

const HEADER = TELEMETRY_CSV_COLUMNS.join(",");
const th: Equipment = {
  port: "JPNGO",
  unitId: "TH-01",
  category: "top_handler",
  powertrain: "fuel_cell",
  modelYear: 2025,
  ratedPowerKw: 90,
  engineTier: null,
  owner: null,
  status: "pilot",
  programme: null,
  replaces: null,
};
const ctx: TelemetryContext = {
  unit: (port, id) => (port === th.port && id === th.unitId ? th : undefined),
  timeZone: (port) => ({ JPNGO: "Asia/Tokyo", USLAX: "America/Los_Angeles" })[port],
  h2LhvKwhPerKg: 33.33,
};

describe("maxH2KgPerH", () => {
  it("is rated power at 30 % efficiency: 90 kW → 90 / (0.3 × 33.33) = 9.0009 kg/h", () => {
    expect(maxH2KgPerH(90, 33.33)).toBeCloseTo(9.0009, 4);
    // Without a rated power: the T680 FCEV's 310 kW → 31.0031 kg/h.
    expect(maxH2KgPerH(null, 33.33)).toBeCloseTo(31.0031, 4);
  });
});

describe("parseTelemetryCsv", () => {
  it("reads a day in the port's zone and a date-time period", () => {
    const p = parseTelemetryCsv(
      `${HEADER}
JPNGO,TH-01,2026-03-01,2026-03-02,14.5,112,,,9.8,,2,fuel cell fault
JPNGO,TH-01,2026-03-02T00:00:00+09:00,2026-03-02T12:00:00+09:00,8,,,,,,,
`,
      "t.csv",
      ctx,
    );
    expect(p.rejects).toEqual([]);
    const [a, b] = p.records.map((r) => r.telemetry);
    // 2026-03-01 00:00 JST = 2026-02-28T15:00Z.
    expect(a?.periodStartS).toBe(Date.UTC(2026, 1, 28, 15) / 1000);
    expect(a?.periodEndS).toBe(Date.UTC(2026, 2, 1, 15) / 1000);
    expect(a).toMatchObject({ operatingH: 14.5, moves: 112, h2Kg: 9.8, downtimeH: 2, chargedKwh: null });
    expect(b).toMatchObject({ operatingH: 8, downtimeH: 0, downtimeReason: null, h2Kg: null });
  });

  it("rejects bad telemetry with reasons: unknown unit, order, ranges, implausible hydrogen", () => {
    const p = parseTelemetryCsv(
      `${HEADER}
JPNGO,NOPE,2026-03-01,2026-03-02,1,,,,,,,
JPNGO,TH-01,2026-03-02,2026-03-01,1,,,,,,,
JPNGO,TH-01,2026-03-03,2026-03-04,25,,,,,,,
JPNGO,TH-01,2026-03-04,2026-03-05,20,,,,,,6,maintenance
JPNGO,TH-01,2026-03-05,2026-03-06,10,,,,120,,,
JPNGO,TH-01,2026-03-06,2026-03-07,-2,,,,,,,
JPNGO,TH-01,2026-03-07,2026-03-08,10,5000,,,,,,
JPNGO,TH-01,2026-03-08,2026-03-09,10,,,,,,3,
JPNGO,TH-01,03/09/2026,2026-03-10,10,,,,,,,
JPNGO,TH-01,2026-03-10,2026-03-11,10,,,,99,,,
`,
      "bad.csv",
      ctx,
    );
    const fields = (line: number) => p.rejects.filter((r) => r.line === line).map((r) => r.field);
    expect(fields(2)).toEqual(["unit_id"]);
    expect(fields(3)).toEqual(["period_end"]);
    expect(fields(4)).toEqual(["operating_h"]);
    expect(fields(5)).toEqual(["downtime_h"]);
    // 120 kg in 10 h: above (10 + 1) × 9.0009 = 99.01 kg.
    expect(fields(6)).toEqual(["h2_kg"]);
    expect(fields(7)).toEqual(["operating_h"]);
    expect(fields(8)).toEqual(["moves"]);
    expect(fields(9)).toEqual(["downtime_reason"]);
    expect(fields(10)).toEqual(["period_start"]);
    // 99 kg in 10 h is (just) plausible and goes through.
    expect(p.records.map((r) => r.line)).toEqual([11]);
    expect(p.rejectedRows).toBe(9);
    expect(p.records.length + p.rejectedRows + p.duplicateRows).toBe(p.read);
    expect(p.rejects.find((r) => r.line === 6)?.reason).toMatch(/9\.0 kg\/h/);
  });

  it("counts a repeated identical row as a duplicate and rejects a conflicting one", () => {
    const row = "JPNGO,TH-01,2026-03-01,2026-03-02,10,,,,,,,";
    const p = parseTelemetryCsv(
      `${HEADER}\n${row}\n${row}\nJPNGO,TH-01,2026-03-01,2026-03-02,11,,,,,,,\n`,
      "d.csv",
      ctx,
    );
    expect(p.records).toHaveLength(1);
    expect(p.duplicateRows).toBe(1);
    expect(p.rejectedRows).toBe(1);
  });
});

describe("parseTelemetryJson", () => {
  it("checks posted records as CSV rows; rejects name the record's position and JSON field", () => {
    const p = parseTelemetryJson(
      [
        { unitId: "TH-01", periodStart: "2026-03-01", periodEnd: "2026-03-02", operatingH: 10, h2Kg: 20 },
        { unitId: "TH-01", periodStart: "2026-03-02", periodEnd: "2026-03-03", operatingH: "ten" },
        { unitId: "TH-01", periodStart: "2026-03-03", periodEnd: "2026-03-04", operatingH: 9, h2Kg: 200 },
      ],
      "JPNGO",
      "api:JPNGO:x",
      ctx,
    );
    expect(p.records.map((r) => r.telemetry.h2Kg)).toEqual([20]);
    expect(p.rejects.map((r) => [r.line, r.field])).toEqual([
      [2, "operatingH"],
      [3, "h2Kg"],
    ]);
    expect(p.read).toBe(3);
    expect(p.rejectedRows).toBe(2);
  });
});
