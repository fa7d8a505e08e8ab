import { describe, expect, it } from "vitest";
import { encodeTrackBlock, SOG_NOT_AVAILABLE, TrackReports } from "./track-block.ts";
import type { AisStore, StoredTrackBlock } from "./track-store.ts";
import { readTrackReports, reportsInRange, trackInRange } from "./tracks.ts";

/** One stored block of reports at these times (positions in 1/10000 minute, as AIS sends them). */
function block(dayUtc: number, rows: [timeS: number, latU: number, lonU: number, sogDeciKn: number][]) {
  const r = new TrackReports(rows.length);
  for (const [t, lat, lon, sog] of rows) r.push(t, lat, lon, sog, 900, 90, 0, 1);
  return {
    mmsi: 366999712,
    dayUtc,
    reportCount: r.count,
    firstTimeS: rows[0]![0],
    lastTimeS: rows[rows.length - 1]![0],
    minLatDeg: 0,
    maxLatDeg: 0,
    minLonDeg: 0,
    maxLonDeg: 0,
    data: encodeTrackBlock(r),
  } satisfies StoredTrackBlock;
}

// 20,224,000 units = 33.706666… degrees: 33° 42.2400' written in ITU-R M.1371-5's 1/10000 minute.
const blocks = [
  block(0, [
    [100, 20_224_000, -70_958_700, 123],
    [200, 20_224_060, -70_958_640, SOG_NOT_AVAILABLE],
  ]),
  block(1, [[86_500, 20_224_120, -70_958_580, 0]]),
];

describe("track reader", () => {
  it("reads the reports in range as stored, as the doc example says", () => {
    const r = reportsInRange(blocks, 150, 86_500);
    expect(Array.from(r.timeS.subarray(0, r.count))).toEqual([200, 86_500]);
    expect(Array.from(r.latU.subarray(0, r.count))).toEqual([20_224_060, 20_224_120]);
    expect(Array.from(r.sogDeciKn.subarray(0, r.count))).toEqual([SOG_NOT_AVAILABLE, 0]);
  });

  it("gives the same reports through the store, and as columns in degrees and knots", async () => {
    const store = { trackBlocks: async () => blocks } as unknown as AisStore;
    const r = await readTrackReports(store, 366999712, 0, 86_399);
    expect(Array.from(r.timeS.subarray(0, r.count))).toEqual([100, 200]);
    const c = trackInRange(blocks, 100, 200);
    expect(c.timeS).toEqual([100, 200]);
    expect(c.latDeg).toEqual([33.706667, 33.706767]); // 33° 42.2400' and 33° 42.2460'
    expect(c.lonDeg).toEqual([-118.2645, -118.2644]); // 118° 15.8700' W and 118° 15.8640' W
    expect(c.sogKnots).toEqual([12.3, null]);
  });
});
