/**
 * A small AIS world for the browser tests: vessels of several types in both ports, each reporting
 * every 10 minutes for three days before `FLEET_END`, with their static broadcasts.
 */
import { encodeAis } from "../../src/ais/encode.ts";
import type { AisPayload } from "../../src/ais/messages.ts";

export const FLEET_END_S = 1_795_003_200; // 2026-11-18T12:00:00Z
const STEP_S = 600;
const SPAN_S = 3 * 86_400;
/** Reports per vessel: three days every 10 minutes, both ends included. */
export const REPORTS_PER_VESSEL = SPAN_S / STEP_S + 1;

export interface FleetVessel {
  locode: "USLAX" | "JPNGO";
  mmsi: number;
  name: string | null;
  shipType: number | null;
  group: string;
  aisClass: "A" | "B";
  navStatus: number;
  /** Where it is three days before the end, and at the end. */
  from: [number, number];
  to: [number, number];
  sogKnots: number;
  headingDeg: number | null;
  imo?: number;
  callsign?: string;
  destination?: string;
}

export const FLEET: FleetVessel[] = [
  {
    locode: "USLAX",
    mmsi: 366999701,
    name: "PACIFIC TRADER",
    shipType: 71,
    group: "cargo",
    aisClass: "A",
    navStatus: 0,
    from: [-118.2, 33.55],
    to: [-118.262, 33.728],
    sogKnots: 11.8,
    headingDeg: 345,
    imo: 9074729,
    callsign: "WDC1234",
    destination: "USLAX",
  },
  {
    locode: "USLAX",
    mmsi: 366999702,
    name: "HARBOR STAR",
    shipType: 80,
    group: "tanker",
    aisClass: "A",
    navStatus: 1,
    from: [-118.24, 33.715],
    to: [-118.2405, 33.7155],
    sogKnots: 0.1,
    headingDeg: 250,
    imo: 9321483,
    callsign: "V7AB2",
    destination: "LONG BEACH",
  },
  {
    locode: "USLAX",
    mmsi: 366999703,
    name: "MILLIE BRAND",
    shipType: 52,
    group: "tug",
    aisClass: "A",
    navStatus: 0,
    from: [-118.275, 33.705],
    to: [-118.27, 33.742],
    sogKnots: 7.5,
    headingDeg: 10,
  },
  {
    locode: "USLAX",
    mmsi: 366999704,
    name: "CATALINA EXPRESS",
    shipType: 60,
    group: "passenger",
    aisClass: "A",
    navStatus: 5,
    from: [-118.2775, 33.7385],
    to: [-118.2775, 33.7385],
    sogKnots: 0,
    headingDeg: null,
  },
  {
    locode: "USLAX",
    mmsi: 338123456,
    name: "SEA BREEZE",
    shipType: 37,
    group: "pleasure",
    aisClass: "B",
    navStatus: 15,
    from: [-118.25, 33.76],
    to: [-118.235, 33.71],
    sogKnots: 5.2,
    headingDeg: null,
  },
  {
    locode: "JPNGO",
    mmsi: 431000001,
    name: "NAGOYA MARU",
    shipType: 70,
    group: "cargo",
    aisClass: "A",
    navStatus: 5,
    from: [136.835, 35.045],
    to: [136.835, 35.045],
    sogKnots: 0,
    headingDeg: 120,
    imo: 9412345,
    callsign: "JD1234",
    destination: "JPNGO",
  },
  {
    locode: "JPNGO",
    mmsi: 431000002,
    name: "ISE BAY",
    shipType: 81,
    group: "tanker",
    aisClass: "A",
    navStatus: 0,
    from: [136.8, 34.94],
    to: [136.845, 35.02],
    sogKnots: 10.4,
    headingDeg: 20,
  },
  {
    locode: "JPNGO",
    mmsi: 431000003,
    name: "CHITA",
    shipType: 52,
    group: "tug",
    aisClass: "A",
    navStatus: 0,
    from: [136.82, 35.06],
    to: [136.86, 35.03],
    sogKnots: 6,
    headingDeg: 130,
  },
  {
    locode: "JPNGO",
    mmsi: 431000004,
    name: "KAIYO",
    shipType: 30,
    group: "fishing",
    aisClass: "A",
    navStatus: 7,
    from: [136.79, 34.99],
    to: [136.8, 34.98],
    sogKnots: 2.5,
    headingDeg: 200,
  },
  {
    locode: "JPNGO",
    mmsi: 431000005,
    name: null,
    shipType: null,
    group: "unknown",
    aisClass: "A",
    navStatus: 15,
    from: [136.87, 35.0],
    to: [136.88, 35.01],
    sogKnots: 3,
    headingDeg: null,
  },
];

const lerp = (a: number, b: number, f: number) => a + (b - a) * f;

export function fleetNmea(): string {
  const lines: string[] = [];
  let group = 1;
  for (const v of FLEET) {
    const tag = (timeS: number) => ({ tag: { source: `${v.locode.toLowerCase()}-rx1`, unixTimeS: timeS } });
    const start = FLEET_END_S - SPAN_S;
    for (let i = 0; i < REPORTS_PER_VESSEL; i++) {
      const timeS = start + i * STEP_S;
      const f = i / (REPORTS_PER_VESSEL - 1);
      const lonDeg = lerp(v.from[0], v.to[0], f);
      const latDeg = lerp(v.from[1], v.to[1], f);
      // Moving vessels slow down in their last hours (harbour speed), so the track shows two colours.
      const sogKnots = f > 0.9 && v.sogKnots > 5 ? 4 : v.sogKnots;
      const cogDeg = v.sogKnots > 0.5 ? (v.headingDeg ?? 180) : null;
      const report: AisPayload =
        v.aisClass === "A"
          ? ({
              msgType: 1,
              repeat: 0,
              mmsi: v.mmsi,
              navStatus: v.navStatus,
              rotDegPerMin: 0,
              sogKnots,
              positionAccuracy: 1,
              lonDeg,
              latDeg,
              cogDeg,
              headingDeg: v.headingDeg,
              utcSecond: timeS % 60,
              maneuver: null,
              raim: 0,
            } as AisPayload)
          : ({
              msgType: 18,
              repeat: 0,
              mmsi: v.mmsi,
              sogKnots,
              positionAccuracy: 0,
              lonDeg,
              latDeg,
              cogDeg,
              headingDeg: null,
              utcSecond: timeS % 60,
              csUnit: 1,
              display: 0,
              dsc: 1,
              band: 1,
              msg22: 1,
              assigned: 0,
              raim: 0,
            } as AisPayload);
      lines.push(...encodeAis(report, tag(timeS)));
    }
    if (v.name === null) continue;
    const staticAt = FLEET_END_S - 3600;
    if (v.aisClass === "A") {
      const voyage = {
        msgType: 5,
        repeat: 0,
        mmsi: v.mmsi,
        aisVersion: 0,
        imo: v.imo ?? null,
        callsign: v.callsign ?? null,
        shipname: v.name,
        shipType: v.shipType,
        toBowM: 150,
        toSternM: 50,
        toPortM: 14,
        toStarboardM: 14,
        epfd: 1,
        etaMonth: 11,
        etaDay: 17,
        etaHour: 14,
        etaMinute: 30,
        draughtM: 9.8,
        destination: v.destination ?? null,
        dte: 0,
      } as AisPayload;
      lines.push(...encodeAis(voyage, { tag: { ...tag(staticAt).tag, groupId: group++ } }));
    } else {
      lines.push(
        ...encodeAis(
          { msgType: 24, repeat: 0, mmsi: v.mmsi, partNo: 0, shipname: v.name } as AisPayload,
          tag(staticAt),
        ),
        ...encodeAis(
          {
            msgType: 24,
            repeat: 0,
            mmsi: v.mmsi,
            partNo: 1,
            shipType: v.shipType,
            vendorId: "SRT",
            model: 1,
            serial: 1234,
            callsign: "WYZ9876",
            toBowM: 8,
            toSternM: 4,
            toPortM: 2,
            toStarboardM: 2,
            mothershipMmsi: null,
          } as AisPayload,
          tag(staticAt + 1),
        ),
      );
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
