import { describe, expect, it } from "vitest";
import type { OperationsKpis } from "../api.ts";
import {
  addDays,
  checkReference,
  chosenPeriod,
  daysInclusive,
  gateHourProfile,
  localDay,
  withUnit,
} from "./text.ts";

describe("the period in the port's calendar", () => {
  it("today differs between the two ports at the same instant", () => {
    // 2026-01-15T05:00Z is 21:00 on the 14th in Los Angeles (PST = UTC−8) and 14:00 on the 15th in Nagoya (JST = UTC+9).
    const now = new Date("2026-01-15T05:00:00Z");
    expect(localDay(now, "America/Los_Angeles")).toBe("2026-01-14");
    expect(localDay(now, "Asia/Tokyo")).toBe("2026-01-15");
  });

  it("defaults to the last 7 days, today included; keeps valid days from the address", () => {
    const now = new Date("2026-03-02T12:00:00Z");
    expect(chosenPeriod(null, null, now, "Asia/Tokyo")).toEqual({
      from: "2026-02-24",
      to: "2026-03-02",
      valid: true,
    });
    expect(chosenPeriod("2026-01-12", "2026-01-18", now, "Asia/Tokyo")).toEqual({
      from: "2026-01-12",
      to: "2026-01-18",
      valid: true,
    });
    expect(chosenPeriod("2026-01-19", "2026-01-18", now, "Asia/Tokyo").valid).toBe(false);
    expect(chosenPeriod("yesterday", "2026-01-18", now, "Asia/Tokyo").from).toBe("2026-01-12");
  });

  it("counts calendar days across a month end and a leap day", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(daysInclusive("2026-01-12", "2026-01-18")).toBe(7);
  });
});

describe("container search input", () => {
  it("accepts the ISO 6346 Annex A example with or without spaces, and B/L numbers as typed", () => {
    expect(checkReference(" CSQU 305438 3 ")).toEqual({ ok: true, ref: "CSQU3054383" });
    expect(checkReference("csqu3054383")).toEqual({ ok: true, ref: "CSQU3054383" });
    expect(checkReference("MAEU123456789")).toEqual({ ok: true, ref: "MAEU123456789" });
  });

  it("names the check digit a container number should have", () => {
    // ISO 6346:1995 Annex A: CSQU305438 → check digit 3.
    expect(checkReference("CSQU3054384")).toEqual({
      ok: false,
      reason: "checkDigit",
      container: "CSQU3054384",
      expected: 3,
    });
  });

  it("refuses empty, over-long and odd input", () => {
    expect(checkReference("   ")).toEqual({ ok: false, reason: "empty" });
    expect(checkReference("X".repeat(65))).toEqual({ ok: false, reason: "tooLong" });
    expect(checkReference("BL<script>")).toEqual({ ok: false, reason: "characters" });
  });
});

describe("gate moves by hour of day", () => {
  it("adds each terminal's hours across days and averages over the period's days", () => {
    const period = (p: string, movesIn: number, movesOut: number) => ({
      period: p,
      truckVisits: 0,
      gateMovesIn: movesIn,
      gateMovesOut: movesOut,
      gateEvents: 0,
      turnMeanMin: null,
      queueMeanMin: null,
      dwellCount: 0,
      dwellMeanH: null,
      vesselMoves: 0,
      railMoves: 0,
    });
    const kpis = {
      terminals: [
        {
          terminal: "t1",
          series: [
            period("2026-01-14T08", 3, 1),
            period("2026-01-15T08", 2, 0),
            period("2026-01-15T23", 0, 2),
          ],
        },
      ],
    } as unknown as OperationsKpis;
    const [t1] = gateHourProfile(kpis, 2);
    // Hour 8: (3 + 1 + 2 + 0) / 2 days = 3; hour 23: 2 / 2 = 1.
    expect(t1?.perHour[8]).toBe(3);
    expect(t1?.perHour[23]).toBe(1);
    expect(t1?.perHour.reduce((a, b) => a + b, 0)).toBe(4);
  });
});

describe("numbers with units", () => {
  it("formats per language and shows a dash when there is no value", () => {
    expect(withUnit(1234.5, "h", "en", 1)).toBe("1,234.5 h");
    expect(withUnit(65, "分", "ja")).toBe("65 分");
    expect(withUnit(null, "min", "en")).toBe("—");
  });
});
