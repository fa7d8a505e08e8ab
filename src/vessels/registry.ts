/**
 * The vessel registry as people see it: every static broadcast of a vessel (types 5, 19, 24 and
 * CSV rows) merged per MMSI into one current record — each field from the newest report that
 * carries it — with the history kept beside it.
 */
import type { VesselStaticReport } from "./store.ts";

/** Ship-type groups of ITU-R M.1371-5 Table 53 ("type of ship and cargo"), as maps colour them. */
export type ShipTypeGroup =
  | "cargo"
  | "tanker"
  | "passenger"
  | "tug"
  | "pilot"
  | "fishing"
  | "pleasure"
  | "high_speed"
  | "special"
  | "other"
  | "unknown";

/**
 * Example: 71 → "cargo", 84 → "tanker", 60 → "passenger", 52 → "tug", 31 → "tug" (towing),
 * 50 → "pilot", 30 → "fishing", 37 → "pleasure", 0 or null → "unknown".
 */
export function shipTypeGroup(shipType: number | null): ShipTypeGroup {
  if (shipType === null || shipType <= 0 || shipType > 99) return "unknown";
  const tens = Math.floor(shipType / 10);
  if (tens === 7) return "cargo";
  if (tens === 8) return "tanker";
  if (tens === 6) return "passenger";
  if (tens === 4) return "high_speed";
  if (shipType === 52 || shipType === 31 || shipType === 32) return "tug";
  if (shipType === 50) return "pilot";
  if (shipType === 30) return "fishing";
  if (shipType === 36 || shipType === 37) return "pleasure";
  if (tens === 5 || tens === 3) return "special";
  return "other";
}

export interface VesselRecord {
  mmsi: number;
  imo: number | null;
  name: string | null;
  callsign: string | null;
  shipType: number | null;
  shipTypeGroup: ShipTypeGroup;
  aisClass: "A" | "B";
  lengthM: number | null;
  beamM: number | null;
  draughtM: number | null;
  destination: string | null;
  eta: string | null;
  firstSeenS: number;
  lastSeenS: number;
  /** Distinct static broadcasts heard from this MMSI. */
  staticReports: number;
  /** Distinct names broadcast under this MMSI: more than one can mean a reused MMSI. */
  names: string[];
}

const FIELDS = [
  "imo",
  "name",
  "callsign",
  "shipType",
  "lengthM",
  "beamM",
  "draughtM",
  "destination",
  "eta",
] as const;

/**
 * Merges static reports per MMSI. Example: a type 24A report (name "SEA BREEZE", seen at t=100)
 * and a 24B report (type 37, length 12 m, seen at t=130) of one MMSI → one record with name
 * "SEA BREEZE", shipType 37 ("pleasure"), lengthM 12, firstSeenS 100, lastSeenS 130.
 */
export function mergeVesselStatics(reports: readonly VesselStaticReport[]): Map<number, VesselRecord> {
  const byMmsi = new Map<number, VesselStaticReport[]>();
  for (const r of reports) {
    const list = byMmsi.get(r.mmsi);
    if (list) list.push(r);
    else byMmsi.set(r.mmsi, [r]);
  }
  const out = new Map<number, VesselRecord>();
  for (const [mmsi, list] of byMmsi) {
    // Oldest first, so later reports overwrite the fields they carry.
    list.sort((a, b) => a.lastSeenS - b.lastSeenS || a.contentHash.localeCompare(b.contentHash));
    const merged: Record<(typeof FIELDS)[number], string | number | null> = {
      imo: null,
      name: null,
      callsign: null,
      shipType: null,
      lengthM: null,
      beamM: null,
      draughtM: null,
      destination: null,
      eta: null,
    };
    const names = new Set<string>();
    for (const r of list) {
      for (const field of FIELDS) {
        const value = r[field];
        if (value !== null && value !== undefined && value !== "") merged[field] = value;
      }
      if (r.name) names.add(r.name);
    }
    const shipType = merged.shipType as number | null;
    out.set(mmsi, {
      mmsi,
      imo: merged.imo as number | null,
      name: merged.name as string | null,
      callsign: merged.callsign as string | null,
      shipType,
      shipTypeGroup: shipTypeGroup(shipType),
      aisClass: list[list.length - 1]!.aisClass,
      lengthM: merged.lengthM as number | null,
      beamM: merged.beamM as number | null,
      draughtM: merged.draughtM as number | null,
      destination: merged.destination as string | null,
      eta: merged.eta as string | null,
      firstSeenS: Math.min(...list.map((r) => r.firstSeenS)),
      lastSeenS: Math.max(...list.map((r) => r.lastSeenS)),
      staticReports: list.length,
      names: [...names],
    });
  }
  return out;
}

/** What the map adds to a vessel's latest position (null fields when no static data was heard). */
export interface VesselOnMapFields {
  name: string | null;
  imo: number | null;
  shipType: number | null;
  shipTypeGroup: ShipTypeGroup;
  aisClass: "A" | "B";
  lengthM: number | null;
  destination: string | null;
}

/** A vessel on the map: its latest position (as the AIS store keeps it) and what is known of it. */
export type VesselOnMap<P extends { mmsi: number; msgType: number }> = P & VesselOnMapFields;

export function vesselsOnMap<P extends { mmsi: number; msgType: number }>(
  positions: readonly P[],
  registry: Map<number, VesselRecord>,
): VesselOnMap<P>[] {
  return positions.map((p) => {
    const v = registry.get(p.mmsi);
    return {
      ...p,
      name: v?.name ?? null,
      imo: v?.imo ?? null,
      shipType: v?.shipType ?? null,
      shipTypeGroup: v?.shipTypeGroup ?? "unknown",
      aisClass: v?.aisClass ?? (p.msgType === 18 || p.msgType === 19 ? "B" : "A"),
      lengthM: v?.lengthM ?? null,
      destination: v?.destination ?? null,
    };
  });
}
