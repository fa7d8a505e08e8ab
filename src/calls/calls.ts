/**
 * Port-call records as stored and served: a detected call joined with the vessel's particulars,
 * times as UTC ISO 8601, the methodology that produced it, and which vessels may make calls.
 */
import { isoUtc, SECONDS_PER_DAY } from "../core/time.ts";
import { CALLS_METHODOLOGY_VERSION, type CallOptions, type DetectedCall, type ModeSegment } from "./model.ts";
import type { PortCallRecord } from "./wire.ts";

/** The record's fields are defined once, by its schema in wire.ts (what the API serves). */
export type { PortCallRecord };

/** Vessel particulars a call carries (from AIS static reports; every field may be missing). */
export interface CallVessel {
  mmsi: number;
  imo: number | null;
  name: string | null;
  shipType: number | null;
  shipTypeGroup: string;
  aisClass: "A" | "B";
  lengthM: number | null;
  callsign: string | null;
}

export interface StoredSegment extends ModeSegment {
  port: string;
  callId: string | null;
}

const isoOrNull = (s: number | null): string | null => (s === null ? null : isoUtc(s));

/**
 * A call's stable id: port, MMSI and the first berth arrival to the minute.
 * Example: USLAX, 367000001, 2026-01-02T03:04:59Z → "USLAX-367000001-202601020304".
 */
export function callId(port: string, mmsi: number, berthArrivalS: number): string {
  const d = isoUtc(berthArrivalS);
  return `${port}-${mmsi}-${d.slice(0, 4)}${d.slice(5, 7)}${d.slice(8, 10)}${d.slice(11, 13)}${d.slice(14, 16)}`;
}

/**
 * Whether a vessel can make a port call: tugs, pilot boats, harbour craft, fishing, pleasure,
 * high-speed craft and other service vessels (AIS ship types 30–59 and 40–49) never do; class B
 * transponders only when they say cargo, tanker or passenger. Missing static data: class A ships
 * are candidates (the berth-stay rule still applies).
 *
 * Example: type 52 (tug) → false; type 70 class A → true; null class A → true; null class B → false.
 */
export function isCallCandidate(v: Pick<CallVessel, "shipType" | "aisClass">): boolean {
  const t = v.shipType;
  if (t !== null && t >= 30 && t <= 59) return false;
  if (v.aisClass === "B") return t !== null && t >= 60 && t <= 89;
  return true;
}

/**
 * Resolves an AIS ETA "MM-DD HH:mm" (no year) against the time it was heard: the nearest future
 * instant within 11 months, else the same year. Example: "01-03 06:00" heard 2026-12-30 →
 * 2027-01-03T06:00:00Z. Returns null for "not available" values (month 0, day 0, hour 24).
 */
export function resolveAisEta(eta: string | null, heardS: number): number | null {
  if (eta === null) return null;
  const m = /^(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(eta.trim());
  if (m === null) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const hour = Number(m[3]);
  const minute = Number(m[4]);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const year = new Date(heardS * 1000).getUTCFullYear();
  for (const y of [year, year + 1]) {
    const s = Date.UTC(y, month - 1, day, hour, minute) / 1000;
    if (s >= heardS - 30 * SECONDS_PER_DAY) return s;
  }
  return null;
}

/**
 * A detected call as a record. `eta` is the vessel's last type 5 destination/ETA heard before the
 * berth arrival, if any.
 *
 * Example: berths APM 10:00–22:00 and Fenix 23:00–(next day) 05:00 → berthShifts 1, timeAtBerthH 18.
 */
export function toPortCallRecord(
  call: DetectedCall,
  vessel: CallVessel | undefined,
  options: CallOptions,
  eta: { destination: string | null; etaS: number | null } = { destination: null, etaS: null },
): PortCallRecord {
  const first = call.berths[0]!;
  const last = call.berths[call.berths.length - 1]!;
  let atBerthS = 0;
  for (const b of call.berths) atBerthS += b.departureS - b.arrivalS;
  let waitS = 0;
  for (const a of call.anchorages)
    if (a.fromS < first.arrivalS) waitS += Math.min(a.toS, first.arrivalS) - a.fromS;
  const before = call.anchorages.filter((a) => a.fromS < first.arrivalS);
  const r2 = (v: number) => Math.round(v * 100) / 100;
  return {
    id: callId(call.port, call.mmsi, first.arrivalS),
    port: call.port,
    neighbourOf: call.neighbourOf,
    mmsi: call.mmsi,
    imo: vessel?.imo ?? null,
    vesselName: vessel?.name ?? null,
    shipType: vessel?.shipType ?? null,
    shipTypeGroup: vessel?.shipTypeGroup ?? "unknown",
    aisClass: vessel?.aisClass ?? "A",
    callsign: vessel?.callsign ?? null,
    lengthM: vessel?.lengthM ?? null,
    terminal: first.terminal,
    berth: first.berth,
    berthLabel: first.berthLabel,
    berthDistanceM: first.berthDistanceM,
    startAt: isoUtc(call.startS),
    endAt: isoUtc(call.endS),
    crossed40nmAt: isoOrNull(call.crossed40nmS),
    crossed20nmAt: isoOrNull(call.crossed20nmS),
    enteredPortAreaAt: isoOrNull(call.enteredPortAreaS),
    anchoredFrom: before.length > 0 ? isoUtc(before[0]!.fromS) : null,
    anchoredTo: before.length > 0 ? isoUtc(before[before.length - 1]!.toS) : null,
    anchorages: call.anchorages.map((a) => ({
      anchorage: a.anchorage,
      from: isoUtc(a.fromS),
      to: isoUtc(a.toS),
      durationH: r2((a.toS - a.fromS) / 3600),
    })),
    pilotBoardingAt: isoOrNull(call.pilotBoardingS),
    berthArrivalAt: isoUtc(first.arrivalS),
    berthDepartureAt: isoUtc(first.departureS),
    lastBerthDepartureAt: isoUtc(last.departureS),
    leftPortAreaAt: isoOrNull(call.leftPortAreaS),
    anchorageWaitH: r2(waitS / 3600),
    timeAtBerthH: r2(atBerthS / 3600),
    berthShifts: call.berths.length - 1,
    berths: call.berths.map((b) => ({
      berth: b.berth,
      terminal: b.terminal,
      berthLabel: b.berthLabel,
      port: b.port,
      berthDistanceM: b.berthDistanceM,
      arrivalAt: isoUtc(b.arrivalS),
      departureAt: isoUtc(b.departureS),
      durationH: r2((b.departureS - b.arrivalS) / 3600),
    })),
    speedZones: call.speedZones.map((z) => ({
      zone: z.zone,
      limitKn: z.limitKn,
      distanceNm: z.distanceNm,
      compliantDistanceNm: z.compliantDistanceNm,
      compliantShare: z.compliantShare,
      maxSpeedKn: z.maxSpeedKn,
      enteredAt: isoOrNull(z.enteredS),
    })),
    arrivalObserved: call.arrivalObserved,
    departureObserved: call.departureObserved,
    destination: eta.destination,
    etaAt: isoOrNull(eta.etaS),
    methodology: { version: CALLS_METHODOLOGY_VERSION, options },
  };
}
