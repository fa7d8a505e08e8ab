/** AIS files end to end into a real store (SQLite, and PostgreSQL when configured). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeAis } from "../../src/ais/encode.ts";
import { ingestFiles } from "../../src/ais/ingest-cli.ts";
import { MARINECADASTRE_CSV2_HEADER, MARINECADASTRE_HEADER } from "../../src/ais/marinecadastre.ts";
import type { AisPayload } from "../../src/ais/messages.ts";
import { decodeTrackBlock, POSITION_UNITS_PER_DEG } from "../../src/ais/track-block.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";
import { writeZip } from "../helpers/zip.ts";

const T0 = 1_795_003_200; // 2026-11-17T08:00:00Z
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-ais-ingest-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function position(mmsi: number, i: number): AisPayload {
  return {
    msgType: 1,
    repeat: 0,
    mmsi,
    navStatus: 0,
    rotDegPerMin: 0,
    sogKnots: 11.8,
    positionAccuracy: 1,
    lonDeg: -118.25 + i * 0.0005,
    latDeg: 33.65 + i * 0.0005,
    cogDeg: 37.5,
    headingDeg: 38,
    utcSecond: i % 60,
    maneuver: null,
    raim: 0,
  } as AisPayload;
}

/** A real-shaped receiver log: tag blocks, a two-part type 5, class B static, a base station, an AtoN, bad lines. */
function nmeaFile(): {
  text: string;
  expected: { read: number; accepted: number; rejected: Record<string, number> };
} {
  const lines: string[] = [];
  const tag = (i: number) => ({ tag: { source: "uslax-rx1", unixTimeS: T0 + i * 10 } });
  for (let i = 0; i < 30; i++) lines.push(...encodeAis(position(366999712, i), tag(i)));
  // The same report heard by a second receiver: one fact.
  lines.push(...encodeAis(position(366999712, 29), { tag: { source: "uslax-rx2", unixTimeS: T0 + 290 } }));
  const voyage = {
    msgType: 5,
    repeat: 0,
    mmsi: 366999712,
    aisVersion: 0,
    imo: 9074729,
    callsign: "WDC1234",
    shipname: "PACIFIC TRADER",
    shipType: 71,
    toBowM: 250,
    toSternM: 50,
    toPortM: 20,
    toStarboardM: 22,
    epfd: 1,
    etaMonth: 11,
    etaDay: 17,
    etaHour: 14,
    etaMinute: 30,
    draughtM: 12.4,
    destination: "USLAX",
    dte: 0,
  } as AisPayload;
  lines.push(...encodeAis(voyage, { tag: { source: "uslax-rx1", unixTimeS: T0 + 300, groupId: 7 } }));
  lines.push(
    ...encodeAis(
      { msgType: 24, repeat: 0, mmsi: 338123456, partNo: 0, shipname: "SEA BREEZE" } as AisPayload,
      tag(31),
    ),
  );
  lines.push(
    ...encodeAis(
      {
        msgType: 18,
        repeat: 0,
        mmsi: 338123456,
        sogKnots: 5.2,
        positionAccuracy: 0,
        lonDeg: -118.27,
        latDeg: 33.72,
        cogDeg: 180,
        headingDeg: null,
        utcSecond: 30,
        csUnit: 1,
        display: 0,
        dsc: 1,
        band: 1,
        msg22: 1,
        assigned: 0,
        raim: 0,
      } as AisPayload,
      tag(32),
    ),
  );
  lines.push(
    ...encodeAis(
      {
        msgType: 4,
        repeat: 0,
        mmsi: 3669702,
        year: 2026,
        month: 11,
        day: 17,
        hour: 8,
        minute: 5,
        second: 30,
        positionAccuracy: 1,
        lonDeg: -118.2717,
        latDeg: 33.7092,
        epfd: 7,
        raim: 0,
      } as AisPayload,
      tag(33),
    ),
  );
  // USCG-style receiver metadata carries the time after the checksum instead of a tag block.
  const uscg = encodeAis(position(366999712, 40))[0]!;
  lines.push(`${uscg},s28399,d-101,T43.7,x104,r003669945,${T0 + 400}`);
  lines.push("!AIVDM,1,1,,A,13aG?P0P00PD;88MD5MTDww@2<0L,0*00"); // bad checksum
  lines.push("$GPGGA,080000,3342.0,N,11816.0,W,1,08,0.9,10.0,M,-33.0,M,,*47"); // not AIS
  lines.push(encodeAis(position(366999714, 1))[0]!); // no time at all
  lines.push(
    ...encodeAis({ ...position(366999715, 1), lonDeg: null, latDeg: null } as AisPayload, tag(34)), // position not available
  );
  return {
    text: `${lines.join("\r\n")}\r\n`,
    // 31 + 1 USCG positions (one repeats: duplicate), type 5, 24A, 18, 4 = 36 records; 4 rejects.
    expected: {
      read: 40,
      accepted: 35,
      rejected: { bad_checksum: 1, not_ais: 1, no_timestamp: 1, no_position: 1 },
    },
  };
}

for (const kind of testDatabaseKinds()) {
  describe(`ais ingest on ${kind.kind}`, () => {
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
