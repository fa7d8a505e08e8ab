/** Real-shaped AIS input for tests: what a Los Angeles receiver logs in a few minutes. */
import { encodeAis } from "../../src/ais/encode.ts";
import type { AisPayload } from "../../src/ais/messages.ts";

export const T0 = 1_795_003_200; // 2026-11-17T08:00:00Z

export function position(mmsi: number, i: number): AisPayload {
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
export function nmeaFile(): {
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
