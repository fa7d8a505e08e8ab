import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabaseKinds } from "../../../test/helpers/databases.ts";
import {
  decodeTrackBlock,
  mergeIntoBlock,
  POSITION_UNITS_PER_DEG,
  TrackReports,
} from "../../ais/track-block.ts";
import { type AisWriteBatch, trackKey, type VesselStaticReport } from "../../ais/track-store.ts";
import { openStore, type Store } from "../index.ts";

const DAY_S = 86_400;
const T0 = 20_400 * DAY_S; // 2025-11-08T00:00Z

function track(mmsi: number, rows: [number, number, number][]): AisWriteBatch["tracks"] {
  const map: AisWriteBatch["tracks"] = new Map();
  for (const [t, lat, lon] of rows) {
    const dayUtc = Math.floor(t / DAY_S);
    const key = trackKey(mmsi, dayUtc);
    let entry = map.get(key);
    if (!entry) {
      entry = { key: { mmsi, dayUtc }, reports: new TrackReports() };
      map.set(key, entry);
    }
    entry.reports.push(
      t,
      Math.round(lat * POSITION_UNITS_PER_DEG),
      Math.round(lon * POSITION_UNITS_PER_DEG),
      120,
      900,
      90,
      0,
      1,
    );
  }
  return map;
}

const staticReport = (over: Partial<VesselStaticReport> = {}): VesselStaticReport => ({
  mmsi: 366999712,
  contentHash: "h1",
  firstSeenS: T0 + 60,
  lastSeenS: T0 + 60,
  aisClass: "A",
  imo: 9074729,
  name: "EVER GIVEN",
  callsign: "H3RC",
  shipType: 71,
  toBowM: 300,
  toSternM: 100,
  toPortM: 29,
  toStarboardM: 30,
  lengthM: 400,
  beamM: 59,
  draughtM: 14.5,
  destination: "USLAX",
  eta: "11-08 14:00",
  ...over,
});

function batch(over: Partial<AisWriteBatch> = {}): AisWriteBatch {
  return {
    tracks: new Map(),
    latest: [],
    staticReports: [],
    sideStaticReports: [],
    stations: [],
    rejects: [],
    ...over,
  };
}

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`AIS store on ${kind.kind}`, () => {
    let database: TestDatabase;
    let store: Store;
    beforeAll(async () => {
      database = await kind.create();
      store = openStore({ databaseUrl: database.url });
      await store.migrate();
    });
    afterAll(async () => {
      await store?.close();
      await database?.drop();
    });

    it("stores per-vessel-day blocks across midnight and adds nothing when written again", async () => {
      const rows: [number, number, number][] = [
        [T0 + DAY_S - 20, 33.7, -118.27],
        [T0 + DAY_S - 10, 33.701, -118.27],
        [T0 + DAY_S + 5, 33.702, -118.27],
      ];
      const first = await store.ais.writeBatch(batch({ tracks: track(366999712, rows) }), mergeIntoBlock);
      expect(first).toMatchObject({ reportsAdded: 3, reportsDuplicate: 0 });
      const again = await store.ais.writeBatch(batch({ tracks: track(366999712, rows) }), mergeIntoBlock);
      expect(again).toMatchObject({ reportsAdded: 0, reportsDuplicate: 3 });

      const blocks = await store.ais.trackBlocks(366999712, T0, T0 + 2 * DAY_S);
      expect(blocks.map((b) => [b.dayUtc, b.reportCount])).toEqual([
        [T0 / DAY_S, 2],
        [T0 / DAY_S + 1, 1],
      ]);
      const decoded = decodeTrackBlock(blocks[0]!.data);
      expect(Array.from(decoded.timeS.subarray(0, decoded.count))).toEqual([
        T0 + DAY_S - 20,
        T0 + DAY_S - 10,
      ]);
      expect(blocks[0]!.minLatDeg).toBeCloseTo(33.7, 6);
      expect(await store.ais.trackBlocks(366999712, T0 + 3 * DAY_S, T0 + 4 * DAY_S)).toEqual([]);
    });

    it("keeps the newest latest position even when older reports arrive later", async () => {
      const p = (timeS: number, latDeg: number) => ({
        mmsi: 431000001,
        timeS,
        latDeg,
        lonDeg: 136.8,
        sogKnots: 0.1,
        cogDeg: null,
        headingDeg: 511,
        navStatus: 5,
        msgType: 1,
      });
      await store.ais.writeBatch(batch({ latest: [p(T0 + 100, 35.0), p(T0 + 200, 35.1)] }), mergeIntoBlock);
      await store.ais.writeBatch(batch({ latest: [p(T0 + 150, 35.05)] }), mergeIntoBlock);
      const latest = await store.ais.latestPositions(T0);
      expect(latest.find((l) => l.mmsi === 431000001)).toMatchObject({
        timeS: T0 + 200,
        latDeg: 35.1,
        cogDeg: null,
      });
      expect(await store.ais.latestPositions(T0, [-119, 33, -118, 34])).not.toContainEqual(
        expect.objectContaining({ mmsi: 431000001 }),
      );
    });

    it("keeps each distinct static broadcast once with the interval it was heard", async () => {
      const r1 = staticReport();
      const r1Later = staticReport({ firstSeenS: T0 + 400, lastSeenS: T0 + 400 });
      const r2 = staticReport({
        contentHash: "h2",
        draughtM: 12.1,
        firstSeenS: T0 + 900,
        lastSeenS: T0 + 900,
      });
      const first = await store.ais.writeBatch(batch({ staticReports: [r1, r1Later, r2] }), mergeIntoBlock);
      expect(first).toMatchObject({ staticAdded: 2, staticDuplicate: 1 });
      const history = await store.ais.staticHistory(366999712);
      expect(history.map((h) => [h.contentHash, h.firstSeenS, h.lastSeenS, h.draughtM])).toEqual([
        ["h1", T0 + 60, T0 + 400, 14.5],
        ["h2", T0 + 900, T0 + 900, 12.1],
      ]);
      expect(await store.ais.writeBatch(batch({ staticReports: [r1] }), mergeIntoBlock)).toMatchObject({
        staticAdded: 0,
        staticDuplicate: 1,
      });
      expect((await store.ais.staticReports([366999712])).length).toBe(2);
      // Side reports (static fields of a counted position) are stored but not counted.
      const side = staticReport({ contentHash: "h3", name: "EVER GIVEN II" });
      expect(
        await store.ais.writeBatch(batch({ sideStaticReports: [side, side] }), mergeIntoBlock),
      ).toMatchObject({ staticAdded: 0, staticDuplicate: 0 });
      expect((await store.ais.staticReports([366999712])).length).toBe(3);
      expect(await store.ais.staticReports([])).toEqual([]);
    });

    it("stores rejects once per source line, and fixed stations", async () => {
      const rejects = [
        {
          source: "feed.nmea",
          line: 7,
          reason: "bad_checksum",
          text: "!AIVDM,1,1,,A,13aG?P0P00PD;88MD5MTDww@2<0L,0*00",
        },
        { source: "feed.nmea", line: 9, reason: "not_ais", text: "$GPGGA,..." },
      ];
      expect(await store.ais.writeBatch(batch({ rejects }), mergeIntoBlock)).toMatchObject({
        rejectsAdded: 2,
        rejectsDuplicate: 0,
      });
      expect(await store.ais.writeBatch(batch({ rejects }), mergeIntoBlock)).toMatchObject({
        rejectsAdded: 0,
        rejectsDuplicate: 2,
      });
      expect(await store.ais.rejectCounts("feed.nmea")).toEqual({ bad_checksum: 1, not_ais: 1 });

      const station = {
        mmsi: 3669702,
        kind: "base_station" as const,
        name: null,
        latDeg: 33.71,
        lonDeg: -118.26,
        lastSeenS: T0 + 10,
      };
      expect(
        await store.ais.writeBatch(
          batch({ stations: [station, { ...station, lastSeenS: T0 + 20 }] }),
          mergeIntoBlock,
        ),
      ).toMatchObject({ stationsAdded: 1, stationsDuplicate: 1 });
      expect(await store.ais.stations()).toEqual([{ ...station, lastSeenS: T0 + 20 }]);
    });

    it("writes nothing of a batch that fails part-way", async () => {
      const before = await store.ais.trackBlocks(538000001, T0, T0 + DAY_S);
      const bad = batch({
        tracks: track(538000001, [[T0 + 5, 1, 1]]),
        rejects: [{ source: "x", line: 1, reason: "r", text: JSON.parse("null") }], // text is NOT NULL
      });
      await expect(store.ais.writeBatch(bad, mergeIntoBlock)).rejects.toThrow();
      expect(await store.ais.trackBlocks(538000001, T0, T0 + DAY_S)).toEqual(before);
    });
  });
}
