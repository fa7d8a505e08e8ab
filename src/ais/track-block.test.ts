import { describe, expect, it } from "vitest";
import {
  decodeTrackBlock,
  encodeTrackBlock,
  mergeIntoBlock,
  mergeTrackReports,
  POSITION_UNITS_PER_DEG,
  TrackReports,
} from "./track-block.ts";

function reports(rows: [timeS: number, latDeg: number, lonDeg: number, sogKn?: number][]): TrackReports {
  const r = new TrackReports(2);
  for (const [t, lat, lon, sog = 12.3] of rows) {
    r.push(
      t,
      Math.round(lat * POSITION_UNITS_PER_DEG),
      Math.round(lon * POSITION_UNITS_PER_DEG),
      Math.round(sog * 10),
      1234,
      123,
      0,
      1,
    );
  }
  return r;
}

function times(r: TrackReports): number[] {
  return Array.from(r.timeS.subarray(0, r.count));
}

describe("track blocks", () => {
  it("round-trips every column exactly, including negative coordinates and n/a codes", () => {
    const r = reports([
      [1_795_000_000, 33.7361, -118.2645],
      [1_795_000_010, 33.73611, -118.26449, 0],
      [1_795_086_399, -33.9, 151.2],
    ]);
    r.push(1_795_086_400, 91 * POSITION_UNITS_PER_DEG, 181 * POSITION_UNITS_PER_DEG, 1023, 3600, 511, 15, 18);
    const back = decodeTrackBlock(encodeTrackBlock(r));
    expect(back.count).toBe(4);
    for (const column of [
      "timeS",
      "latU",
      "lonU",
      "sogDeciKn",
      "cogDeciDeg",
      "headingDeg",
      "navStatus",
      "msgType",
    ] as const) {
      expect(Array.from(back[column].subarray(0, 4))).toEqual(Array.from(r[column].subarray(0, 4)));
    }
  });

  it("compresses a realistic track well below the raw 20 bytes per report", () => {
    const r = new TrackReports();
    // A ship at 12 kn heading north, one report every 10 s for a day (8,640 reports).
    for (let i = 0; i < 8640; i++) {
      r.push(1_795_000_000 + i * 10, 20_000_000 + i * 20, -70_000_000, 120, 0, 0, 0, 1);
    }
    const block = encodeTrackBlock(r);
    expect(block.length / r.count).toBeLessThan(6);
  });

  it("merges in time order and drops reports already stored or repeated", () => {
    const stored = reports([
      [10, 33.7, -118.2],
      [20, 33.71, -118.2],
    ]);
    const incoming = reports([
      [20, 33.71, -118.2], // same second and position: heard again
      [15, 33.705, -118.2],
      [15, 33.705, -118.2], // repeated within the input
      [20, 33.712, -118.2], // same second, other position: a different report
    ]);
    const { merged, added, duplicates } = mergeTrackReports(stored, incoming);
    expect(times(merged)).toEqual([10, 15, 20, 20]);
    expect(added).toBe(2);
    expect(duplicates).toBe(2);
  });

  it("appends reports that all follow the stored ones, still dropping repeats among them", () => {
    const stored = reports([
      [10, 33.7, -118.2],
      [20, 33.71, -118.2],
    ]);
    const incoming = reports([
      [40, 33.73, -118.2],
      [30, 33.72, -118.2],
      [30, 33.72, -118.2],
    ]);
    const { merged, added, duplicates } = mergeTrackReports(stored, incoming);
    expect(times(merged)).toEqual([10, 20, 30, 40]);
    expect(Array.from(merged.latU.subarray(0, 4))).toEqual(
      [33.7, 33.71, 33.72, 33.73].map((d) => Math.round(d * POSITION_UNITS_PER_DEG)),
    );
    expect([added, duplicates]).toEqual([2, 1]);
  });

  it("re-merging the same reports adds nothing", () => {
    const input = reports([
      [100, 35.0, 136.8],
      [160, 35.001, 136.8],
    ]);
    const first = mergeIntoBlock(undefined, input);
    expect(first).toMatchObject({ reportCount: 2, firstTimeS: 100, lastTimeS: 160, added: 2, duplicates: 0 });
    expect(first.minLatDeg).toBeCloseTo(35.0, 9);
    expect(first.maxLatDeg).toBeCloseTo(35.001, 6);
    const again = mergeIntoBlock(first.data, input);
    expect(again).toMatchObject({ reportCount: 2, added: 0, duplicates: 2 });
  });
});
