/** AIS files end to end into a real store (SQLite, and PostgreSQL when configured). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/ais/ingest-cli.ts";
import { MARINECADASTRE_CSV2_HEADER, MARINECADASTRE_HEADER } from "../../src/ais/marinecadastre.ts";
import { decodeTrackBlock, POSITION_UNITS_PER_DEG } from "../../src/ais/track-block.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { nmeaFile, T0 } from "../helpers/ais-samples.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";
import { writeZip } from "../helpers/zip.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-ais-ingest-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`ais ingest on ${kind.kind}`, () => {
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

    it("stores an NMEA log with counts that balance, and nothing more the second time", async () => {
      const { text, expected } = nmeaFile();
      const file = path.join(dir, `feed-${kind.kind}.nmea.gz`);
      fs.writeFileSync(file, gzipSync(text));

      const first = (await ingestFiles(store.ais, [file], { progress: false, flushEveryRecords: 7 })).total;
      expect(first.read).toBe(expected.read);
      expect(first.rejectedByReason).toEqual(expected.rejected);
      expect(first.accepted).toBe(expected.accepted);
      expect(first.read).toBe(first.accepted + first.rejected + first.duplicates);

      const second = (await ingestFiles(store.ais, [file], { progress: false })).total;
      expect(second).toMatchObject({
        read: expected.read,
        accepted: 0,
        rejected: 4,
        duplicates: expected.accepted + 1,
      });
      expect(await store.ais.rejectCounts(file)).toEqual(expected.rejected);

      // The track holds each distinct report once, in time order, at AIS's native resolution.
      const blocks = await store.ais.trackBlocks(366999712, T0, T0 + 3600);
      expect(blocks).toHaveLength(1);
      const track = decodeTrackBlock(blocks[0]!.data);
      expect(track.count).toBe(31);
      expect(track.timeS[0]).toBe(T0);
      expect(track.timeS[30]).toBe(T0 + 400);
      expect(track.latU[0]! / POSITION_UNITS_PER_DEG).toBeCloseTo(33.65, 6);
      expect(track.sogDeciKn[0]).toBe(118);

      const history = await store.ais.staticHistory(366999712);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({
        imo: 9074729,
        name: "PACIFIC TRADER",
        lengthM: 300,
        beamM: 42,
        draughtM: 12.4,
        eta: "11-17 14:30",
        aisClass: "A",
      });
      expect(await store.ais.stations()).toEqual([
        {
          mmsi: 3669702,
          kind: "base_station",
          name: null,
          latDeg: 33.7092,
          lonDeg: -118.2717,
          lastSeenS: T0 + 330,
        },
      ]);
      const latest = await store.ais.latestPositions(T0);
      expect(latest.map((l) => [l.mmsi, l.timeS])).toEqual([
        [338123456, T0 + 320],
        [366999712, T0 + 400],
      ]);
      const runs = await store.ais.ingestRuns(10);
      expect(runs[0]).toMatchObject({ kind: "ais-nmea", source: file, read: expected.read, accepted: 0 });
    });

    it("reads MarineCadastre CSV in both layouts, zipped, with rejects named by line", async () => {
      const legacy = [
        MARINECADASTRE_HEADER,
        "367701230,2026-11-18T00:00:00,33.73880,-118.26920,0.0,251.3,511,TUG ONE,,WDH9999,52,0,30,10,4.0,,A",
        "367701230,2026-11-18T00:01:00,33.73881,-118.26921,0.1,251.3,511,TUG ONE,,WDH9999,52,0,30,10,4.0,,A",
        "367701230,not-a-time,33.7,-118.2,0,0,511,TUG ONE,,WDH9999,52,0,30,10,4.0,,A",
        "367701230,2026-11-18T00:02:00,91.00000,181.00000,0.0,0.0,511,TUG ONE,,WDH9999,52,0,30,10,4.0,,A",
      ].join("\n");
      const csv2 = [
        MARINECADASTRE_CSV2_HEADER,
        "431999001,2026-11-18 00:00:00,136.83000,35.04000,0.1,12.0,300,NAGOYA MARU,IMO9321483,JD1234,70,5,200,32,11.0,70,A",
      ].join("\n");
      const zipFile = path.join(dir, `AIS_2026_11_18-${kind.kind}.zip`);
      writeZip(zipFile, "AIS_2026_11_18.csv", Buffer.from(legacy));
      const csv2File = path.join(dir, `ais-2026-11-18-${kind.kind}.csv`);
      fs.writeFileSync(csv2File, csv2);

      const result = await ingestFiles(store.ais, [zipFile, csv2File], { progress: false });
      expect(result.files.map((f) => f.format)).toEqual(["csv", "csv"]);
      const [zipped, snake] = result.files;
      expect(zipped!.counts).toMatchObject({ read: 4, accepted: 2, rejected: 2, duplicates: 0 });
      expect(snake!.counts).toMatchObject({ read: 1, accepted: 1, rejected: 0 });
      const reasons = Object.keys(await store.ais.rejectCounts(path.resolve(zipFile)));
      expect(reasons).toHaveLength(2);
      const nagoya = await store.ais.staticHistory(431999001);
      expect(nagoya[0]).toMatchObject({
        name: "NAGOYA MARU",
        imo: 9321483,
        lengthM: 200,
        beamM: 32,
        draughtM: 11,
      });
      const latest = await store.ais.latestPositions(0, [136, 34, 137, 36]);
      expect(latest).toEqual([expect.objectContaining({ mmsi: 431999001, latDeg: 35.04, lonDeg: 136.83 })]);
    });
  });
}
