import { describe, expect, it } from "vitest";
import { anchorageQueue, speedCompliance } from "./aggregate.ts";
import type { PortCallRecord } from "./calls.ts";

const base = { mmsi: 1, vesselName: "A", shipTypeGroup: "cargo", anchorages: [], speedZones: [] };
const call = (o: Partial<PortCallRecord>) => ({ ...base, ...o }) as PortCallRecord;

describe("anchorageQueue", () => {
  it("worked example: counts per hour", () => {
    const calls = [
      call({
        anchorages: [
          { anchorage: "b", from: "2026-01-01T01:00:00Z", to: "2026-01-01T03:00:00Z", durationH: 2 },
        ],
      }),
      call({
        anchorages: [
          { anchorage: "b", from: "2026-01-01T02:00:00Z", to: "2026-01-01T05:00:00Z", durationH: 3 },
        ],
      }),
    ];
    const from = Date.UTC(2026, 0, 1) / 1000;
    const q = anchorageQueue(calls, from, from + 6 * 3600, 3600);
    expect(q.map((p) => p.atAnchor)).toEqual([0, 1, 2, 1, 1, 0]);
    expect(q[0]!.time).toBe("2026-01-01T00:00:00Z");
  });
});

describe("speedCompliance", () => {
  it("worked example: two calls of one vessel → share 0.875", () => {
    const z = (distanceNm: number, compliantDistanceNm: number) => ({
      zone: "uslax-vsr-20nm",
      limitKn: 12,
      distanceNm,
      compliantDistanceNm,
      compliantShare: null,
      maxSpeedKn: 13,
      enteredAt: null,
    });
    const rows = speedCompliance(
      [call({ speedZones: [z(20, 15)] }), call({ speedZones: [z(20, 20)] })],
      "vessel",
    );
    expect(rows).toEqual([
      {
        key: "1",
        name: "A",
        zone: "uslax-vsr-20nm",
        limitKn: 12,
        calls: 2,
        distanceNm: 40,
        compliantDistanceNm: 35,
        compliantShare: 0.875,
      },
    ]);
  });
});
