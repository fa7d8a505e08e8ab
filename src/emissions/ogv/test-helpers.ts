/** Helpers shared by the calculator's tests (not shipped code paths). */
import { expect } from "vitest";
import type { CallActivity, CallSegment } from "./call.ts";

/** The tolerance EPA's benchmarks are reproduced to. */
export const ORACLE_REL_TOL = 1e-4;

/** |actual − expected| ≤ tol·|expected| (exact 0 when expected is 0). */
export function expectRel(actual: number, expected: number, label: string, tol = ORACLE_REL_TOL): void {
  const bound = expected === 0 ? 1e-12 : tol * Math.abs(expected);
  expect(Math.abs(actual - expected), `${label}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(
    bound,
  );
}

/** Counts the benchmark numbers compared, so that a test can assert none was skipped. */
export class OracleCounter {
  count = 0;
  rel(actual: number, expected: number, label: string, tol = ORACLE_REL_TOL): void {
    expectRel(actual, expected, label, tol);
    this.count++;
  }
}

/** A segment of a test call starting `startH` hours after 2026-01-05 00:00 UTC. */
export function segment(
  mode: CallSegment["mode"],
  startH: number,
  durationH: number,
  meanSpeedKn: number | null,
): CallSegment {
  const at = (h: number) => new Date(Date.UTC(2026, 0, 5) + h * 3_600_000).toISOString();
  return {
    mode,
    startAt: at(startH),
    endAt: at(startH + durationH),
    durationH,
    meanSpeedKn,
    distanceNm: meanSpeedKn === null ? null : meanSpeedKn * durationH,
    zone: null,
    terminal: mode === "at_berth" ? "USLAX-TRAPAC" : null,
  };
}

/** Container ship of 8,000 TEU (EPA Table C.3 row: SSD, 55,800 kW, 26.5 kn), built 2012, at Los Angeles. */
export function containerCall(shorePower: CallActivity["shorePower"]): CallActivity {
  return {
    callId: "call-8000",
    port: "USLAX",
    location: "ECA",
    locationSource: "North American ECA (test)",
    shorePower,
    vessel: {
      imo: 9_321_483,
      name: "TEST EIGHT THOUSAND",
      shipType: "Container Ship",
      subType: "8,000 TEU",
      dwt: null,
      teu: 8000,
      grossTonnage: null,
      buildYear: 2012,
      mainEngineKw: 55_800,
      engineType: "SSD",
      maxSpeedKn: 26.5,
      serviceSpeedKn: null,
      maxDraftM: 13.9,
      auxKw: null,
      defaulted: [],
    },
    segments: [segment("transit", 0, 2, 12), segment("manoeuvring", 2, 1, 5), segment("at_berth", 3, 20, 0)],
  };
}
