/**
 * Deterministic AIS corpora for the AIS benchmarks, generated with our encoder:
 *  - positions: N position reports (types 1, 2, 3 and 18);
 *  - mixed: real-shaped traffic — positions (some with NMEA 4.0 tag blocks or USCG trailing
 *    metadata), two-sentence type 5 (some linked by g: groups, some with a position between the
 *    parts), 24 A/B, 4, 19, 21, 27, and ~3 % bad lines.
 */
import { encodeAis, nmeaChecksum } from "../src/ais/encode.ts";
import type { AisPayload } from "../src/ais/messages.ts";

// mulberry32: small, fast, deterministic.
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Two harbours: San Pedro Bay and Ise Bay (Nagoya).
const AREAS = [
  { lon: -118.25, lat: 33.72 },
  { lon: 136.85, lat: 34.95 },
];

function position(r: () => number): AisPayload {
  const area = AREAS[r() < 0.55 ? 0 : 1]!;
  const mmsi = 200000000 + Math.floor(r() * 575000000);
  const lonDeg = area.lon + (r() - 0.5) * 0.6;
  const latDeg = area.lat + (r() - 0.5) * 0.4;
  const moving = r() < 0.6;
  const sogKnots = moving ? Math.round(r() * 220) / 10 : Math.round(r() * 3) / 10;
  const cogDeg = Math.round(r() * 3599) / 10;
  const utcSecond = Math.floor(r() * 60);
  if (r() < 0.12) {
    return {
      msgType: 18,
      repeat: 0,
      mmsi,
      sogKnots,
      positionAccuracy: r() < 0.5 ? 1 : 0,
      lonDeg,
      latDeg,
      cogDeg,
      headingDeg: r() < 0.5 ? null : Math.floor(r() * 360),
      utcSecond,
      csUnit: 1,
      display: 0,
      dsc: 1,
      band: 1,
      msg22: 1,
      assigned: 0,
      raim: 0,
      radio: Math.floor(r() * 1048575),
    };
  }
  const t = r();
  return {
    msgType: t < 0.85 ? 1 : t < 0.9 ? 2 : 3,
    repeat: 0,
    mmsi,
    navStatus: moving ? 0 : r() < 0.5 ? 1 : 5,
    rotDegPerMin: moving ? Math.round((r() - 0.5) * 40) : 0,
    sogKnots,
    positionAccuracy: r() < 0.5 ? 1 : 0,
    lonDeg,
    latDeg,
    cogDeg,
    headingDeg: Math.floor(r() * 360),
    utcSecond,
    maneuver: null,
    raim: r() < 0.3 ? 1 : 0,
    radio: Math.floor(r() * 524287),
  };
}

const NAMES = ["EVER ACE", "MSC GULSUN", "ONE APUS", "NYK VEGA", "CMA CGM MARCO POLO", "HMM ALGECIRAS"];
const channel = (r: () => number) => (r() < 0.5 ? "A" : "B");

function staticVoyage(r: () => number): AisPayload {
  return {
    msgType: 5,
    repeat: 0,
    mmsi: 200000000 + Math.floor(r() * 575000000),
    aisVersion: 2,
    imo: 9000000 + Math.floor(r() * 999999),
    callsign: `V${Math.floor(r() * 99999)}`,
    shipname: NAMES[Math.floor(r() * NAMES.length)]!,
    shipType: 70 + Math.floor(r() * 20),
    toBowM: 200,
    toSternM: 100,
    toPortM: 25,
    toStarboardM: 25,
    epfd: 1,
    etaMonth: 1 + Math.floor(r() * 12),
    etaDay: 1 + Math.floor(r() * 28),
    etaHour: Math.floor(r() * 24),
    etaMinute: Math.floor(r() * 60),
    draughtM: Math.round(80 + r() * 80) / 10,
    destination: r() < 0.5 ? "USLAX" : "JPNGO",
    dte: 0,
  };
}

function other(r: () => number, kind: number): AisPayload {
  const mmsi = 200000000 + Math.floor(r() * 575000000);
  const a = AREAS[r() < 0.5 ? 0 : 1]!;
  switch (kind) {
    case 0:
      return { msgType: 24, repeat: 0, mmsi, partNo: 0, shipname: "SEA BREEZE" };
    case 1:
      return {
        msgType: 24,
        repeat: 0,
        mmsi,
        partNo: 1,
        shipType: 37,
        vendorId: "FEC",
        model: 1,
        serial: Math.floor(r() * 1000000),
        callsign: "WDA1234",
        toBowM: 8,
        toSternM: 4,
        toPortM: 2,
        toStarboardM: 2,
        mothershipMmsi: null,
      };
    case 2:
      return {
        msgType: 4,
        repeat: 0,
        mmsi: 3669702,
        year: 2026,
        month: 11,
        day: 27,
        hour: Math.floor(r() * 24),
        minute: Math.floor(r() * 60),
        second: Math.floor(r() * 60),
        positionAccuracy: 1,
        lonDeg: a.lon,
        latDeg: a.lat,
        epfd: 7,
        raim: 0,
        radio: 0,
      };
    case 3:
      return {
        msgType: 21,
        repeat: 0,
        mmsi: 993660000 + Math.floor(r() * 9999),
        aidType: 14,
        name: "LOS ANGELES LIGHT MAIN CHANNEL E",
        positionAccuracy: 1,
        lonDeg: a.lon,
        latDeg: a.lat,
        toBowM: 0,
        toSternM: 0,
        toPortM: 0,
        toStarboardM: 0,
        epfd: 7,
        utcSecond: 10,
        offPosition: 0,
        raim: 0,
        virtualAid: 0,
        assigned: 0,
      };
    case 4:
      return {
        msgType: 19,
        repeat: 0,
        mmsi,
        sogKnots: 8.7,
        positionAccuracy: 0,
        lonDeg: a.lon,
        latDeg: a.lat,
        cogDeg: 335.9,
        headingDeg: null,
        utcSecond: 46,
        shipname: "CAPT.J.RIMES",
        shipType: 70,
        toBowM: 5,
        toSternM: 21,
        toPortM: 4,
        toStarboardM: 4,
        epfd: 1,
        raim: 0,
        dte: 0,
        assigned: 0,
      };
    default:
      return {
        msgType: 27,
        repeat: 0,
        mmsi,
        positionAccuracy: 0,
        raim: 0,
        navStatus: 0,
        lonDeg: a.lon,
        latDeg: a.lat,
        sogKnots: 12,
        cogDeg: 245,
        gnss: 0,
      };
  }
}

export function positionsCorpus(n: number): string[] {
  const r = rng(20261127);
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = encodeAis(position(r), { channel: channel(r) })[0]!;
  return out;
}

export function mixedCorpus(n: number): string[] {
  const r = rng(3);
  const out: string[] = [];
  let seq = 0;
  let group = 1;
  const t0 = 1764201600;
  while (out.length < n) {
    const k = r();
    const time = t0 + out.length;
    if (k < 0.7) {
      const line = encodeAis(position(r), {
        channel: channel(r),
        ...(r() < 0.3 ? { tag: { source: r() < 0.5 ? "rUSLAX1" : "rJPNGO1", unixTimeS: time } } : {}),
      })[0]!;
      out.push(r() < 0.1 ? `${line},s28476,d-107,T48.2,x6719,r003669945,${time}` : line);
    } else if (k < 0.8) {
      seq = (seq + 1) % 10;
      const tagged = r() < 0.5;
      const parts = encodeAis(staticVoyage(r), {
        channel: channel(r),
        seqId: seq,
        ...(tagged ? { tag: { source: "rUSLAX1", unixTimeS: time, groupId: group++ } } : {}),
      });
      out.push(parts[0]!);
      // Real feeds interleave: sometimes a position arrives between the two parts.
      if (r() < 0.3) out.push(encodeAis(position(r), { channel: channel(r) })[0]!);
      out.push(parts[1]!);
    } else if (k < 0.97) {
      const kind = Math.floor(r() * 6);
      seq = (seq + 1) % 10;
      out.push(...encodeAis(other(r, kind), { channel: channel(r), seqId: seq }));
    } else {
      const line = encodeAis(position(r), { channel: channel(r) })[0]!;
      const bad = Math.floor(r() * 4);
      if (bad === 0)
        out.push(`${line.slice(0, -2)}00`); // bad checksum (unless it was 00)
      else if (bad === 1) out.push("$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A");
      else if (bad === 2) {
        const body = `AIVDM,1,1,,A,${line.split(",")[5]!.slice(0, 20)},0`; // truncated type 1
        out.push(`!${body}*${nmeaChecksum(body)}`);
      } else out.push(line.slice(0, 30)); // cut off mid-line
    }
  }
  return out;
}
