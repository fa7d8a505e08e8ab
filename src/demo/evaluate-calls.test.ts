import { describe, expect, it } from "vitest";
import type { PortCallRecord } from "../calls/index.ts";
import { compareWithTruth } from "./evaluate-calls.ts";
import type { DemoPortTruth } from "./world.ts";

const truth = {
  port: "USLAX",
  window: { from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z" },
  calls: [
    {
      callId: "c1",
      mmsi: 1,
      port: "USLAX",
      berthArrivalAt: "2026-01-01T10:00:00Z",
      berthDepartureAt: "2026-01-01T20:00:00Z",
      shifts: [],
      hardCases: [],
    },
  ],
  harbourCraft: [{ mmsi: 9, port: "USLAX" }],
} as unknown as DemoPortTruth;

const detected = (o: Partial<PortCallRecord>) =>
  ({
    id: "d1",
    port: "USLAX",
    mmsi: 1,
    berth: "b",
    berthArrivalAt: "2026-01-01T10:02:00Z",
    berthDepartureAt: "2026-01-01T19:59:00Z",
    lastBerthDepartureAt: "2026-01-01T19:59:00Z",
    departureObserved: true,
    berthShifts: 0,
    ...o,
  }) as PortCallRecord;

describe("compareWithTruth", () => {
  it("worked example: one call, 2 min and 1 min off", () => {
    const d = compareWithTruth([detected({})], [truth]);
    expect(d.result).toEqual({
      expected: 1,
      matched: 1,
      missed: 0,
      spurious: 0,
      berthArrivalErrorMin: { median: 2, p95: 2 },
      berthDepartureErrorMin: { median: 1, p95: 1 },
    });
  });
  it("a harbour craft call is spurious; a missing call is missed", () => {
    const d = compareWithTruth([detected({ id: "t", mmsi: 9 })], [truth]);
    expect(d.result.missed).toBe(1);
    expect(d.result.spurious).toBe(1);
    expect(d.harbourCraftCalls).toBe(1);
  });
});
