/**
 * A port call's timestamps in the shape of DCSA Port Call (JIT) 2.0.0: the Port Call, its Port
 * Call Services (pilot boarding place, anchorage, berth) and ERP-A Timestamps — `ACT` from the
 * AIS track, `EST` from the type 5 ETA. The schemas are in ./dcsa/jit-2.0.0-schemas.json (copied
 * from DCSA's published file, see its $comment); a test validates this output against them.
 *
 * Not produced: Terminal Calls (their required carrier service name/code is not in AIS; the
 * services carry a terminalCallID derived from the call so that a terminal system can attach one).
 */
import { createHash } from "node:crypto";
import { isoUtc } from "../core/time.ts";
import type { PortCallRecord } from "./calls.ts";

/**
 * A stable UUID (version 5 layout, SHA-1 of a name in a fixed namespace) for a DCSA identifier.
 * Example: dcsaUuid("USLAX-1-202601010000", "portCall") is the same string on every run.
 */
export function dcsaUuid(callId: string, role: string): string {
  const h = createHash("sha1").update(`sisterports:calls:${role}:${callId}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** DCSA vessel type code from our ship-type group (AIS types 60-89). */
function vesselTypeCode(c: PortCallRecord): string | undefined {
  if (c.shipTypeGroup === "tanker") return "TANK";
  if (c.shipTypeGroup === "passenger") return "PASS";
  if (c.shipType === 70 || c.shipType === 71 || c.shipTypeGroup === "cargo") return "GCGO";
  return undefined;
}

export interface DcsaPortCallService {
  terminalCallID: string;
  portCallServiceID: string;
  portCallServiceTypeCode: "BERTH" | "PILOT_BOARDING_PLACE" | "ANCHORAGE";
  portCallServiceEventTypeCode: "ARRI" | "DEPA";
  portCallPhaseTypeCode: "INBD" | "ALGS" | "SHIF" | "OUTB";
  facilityTypeCode: "PBPL" | "BRTH" | "ANCH";
  portCallServiceLocation: { locationName?: string; UNLocationCode: string };
}

export interface DcsaTimestamp {
  timestampID: string;
  portCallServiceID: string;
  classifierCode: "ACT" | "EST";
  dateTime: string;
  remark?: string;
}

export interface DcsaPortCallView {
  portCall: {
    portCallID: string;
    portVisitReference: string;
    UNLocationCode: string;
    vessel: {
      vesselIMONumber?: string;
      MMSINumber: string;
      name?: string;
      lengthOverall?: number;
      dimensionUnit?: "MTR";
      callSign?: string;
      typeCode?: string;
    };
  };
  portCallServices: DcsaPortCallService[];
  timestamps: DcsaTimestamp[];
}

/** Pilot boarding precedes berth arrival by this much when only an ETA is known (assumption). */
export const PILOT_TO_BERTH_H = 1.5;

/**
 * Example: a call with pilotBoardingAt 08:00, berth 10:00–20:00 and an AIS ETA of 09:45 gives
 * services PILOT_BOARDING_PLACE/ARRI, BERTH/ARRI, BERTH/DEPA and timestamps ACT 08:00, EST 08:15
 * (ETA − 1.5 h), ACT 10:00, EST 09:45, ACT 20:00.
 */
export function toDcsaTimestamps(call: PortCallRecord): DcsaPortCallView {
  const terminalCallID = dcsaUuid(call.id, "terminalCall");
  const services: DcsaPortCallService[] = [];
  const timestamps: DcsaTimestamp[] = [];
  const loc = (name: string | null) => ({
    ...(name ? { locationName: name.slice(0, 100) } : {}),
    UNLocationCode: call.port,
  });
  const add = (
    key: string,
    type: DcsaPortCallService["portCallServiceTypeCode"],
    event: DcsaPortCallService["portCallServiceEventTypeCode"],
    phase: DcsaPortCallService["portCallPhaseTypeCode"],
    facility: DcsaPortCallService["facilityTypeCode"],
    name: string | null,
    times: { classifierCode: "ACT" | "EST"; at: string | null; remark?: string }[],
  ) => {
    const portCallServiceID = dcsaUuid(call.id, key);
    services.push({
      terminalCallID,
      portCallServiceID,
      portCallServiceTypeCode: type,
      portCallServiceEventTypeCode: event,
      portCallPhaseTypeCode: phase,
      facilityTypeCode: facility,
      portCallServiceLocation: loc(name),
    });
    for (const t of times) {
      if (t.at === null) continue;
      timestamps.push({
        timestampID: dcsaUuid(call.id, `${key}:${t.classifierCode}`),
        portCallServiceID,
        classifierCode: t.classifierCode,
        dateTime: t.at,
        ...(t.remark ? { remark: t.remark } : {}),
      });
    }
  };
  const etaS = call.etaAt === null ? null : Date.parse(call.etaAt) / 1000;
  const estPbp = etaS === null ? null : isoUtc(etaS - PILOT_TO_BERTH_H * 3600);
  add("pbp:arri", "PILOT_BOARDING_PLACE", "ARRI", "INBD", "PBPL", "pilot boarding place", [
    ...(call.pilotBoardingAt
      ? [{ classifierCode: "ACT" as const, at: call.pilotBoardingAt, remark: "from AIS track" }]
      : []),
    { classifierCode: "EST", at: estPbp, remark: `AIS ETA minus ${PILOT_TO_BERTH_H} h` },
  ]);
  call.anchorages.forEach((a, k) => {
    add(`anch:${k}:arri`, "ANCHORAGE", "ARRI", "INBD", "ANCH", a.anchorage, [
      { classifierCode: "ACT", at: a.from },
    ]);
    add(`anch:${k}:depa`, "ANCHORAGE", "DEPA", "INBD", "ANCH", a.anchorage, [
      { classifierCode: "ACT", at: a.to },
    ]);
  });
  call.berths.forEach((b, k) => {
    const last = k === call.berths.length - 1;
    const name = b.berthLabel ? `Berth ${b.berthLabel}` : b.berth;
    add(`berth:${k}:arri`, "BERTH", "ARRI", k === 0 ? "INBD" : "SHIF", "BRTH", name, [
      ...(k > 0 || call.arrivalObserved ? [{ classifierCode: "ACT" as const, at: b.arrivalAt }] : []),
      ...(k === 0 ? [{ classifierCode: "EST" as const, at: call.etaAt, remark: "AIS ETA (type 5)" }] : []),
    ]);
    add(`berth:${k}:depa`, "BERTH", "DEPA", last ? "OUTB" : "SHIF", "BRTH", name, [
      ...(!last || call.departureObserved ? [{ classifierCode: "ACT" as const, at: b.departureAt }] : []),
    ]);
  });
  const type = vesselTypeCode(call);
  const name = call.vesselName?.trim();
  const imo = call.imo === null ? undefined : String(call.imo);
  return {
    portCall: {
      portCallID: dcsaUuid(call.id, "portCall"),
      portVisitReference: call.id.slice(0, 50),
      UNLocationCode: call.port,
      vessel: {
        ...(imo && /^\d{7,8}$/.test(imo) ? { vesselIMONumber: imo } : {}),
        MMSINumber: String(call.mmsi).padStart(9, "0"),
        ...(name ? { name: name.slice(0, 50).trim() } : {}),
        ...(call.lengthM !== null ? { lengthOverall: call.lengthM, dimensionUnit: "MTR" as const } : {}),
        ...(call.callsign?.trim() ? { callSign: call.callsign.trim().slice(0, 10) } : {}),
        ...(type ? { typeCode: type } : {}),
      },
    },
    portCallServices: services,
    timestamps,
  };
}
