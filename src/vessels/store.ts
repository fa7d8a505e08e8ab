/**
 * What the vessel registry needs from storage; `store/` implements it (inside the AIS store, whose
 * ingest writes the static reports).
 */
import type { VesselParticulars } from "./particulars.ts";

/** A distinct set of static/voyage fields a vessel broadcast (types 5, 19, 24), with when it was seen. */
export interface VesselStaticReport {
  mmsi: number;
  /** Hash of the field values: the same broadcast heard again is the same report. */
  contentHash: string;
  firstSeenS: number;
  lastSeenS: number;
  imo: number | null;
  name: string | null;
  callsign: string | null;
  shipType: number | null;
  toBowM: number | null;
  toSternM: number | null;
  toPortM: number | null;
  toStarboardM: number | null;
  /** Length overall and beam: from the dimensions (bow + stern, port + starboard) or a CSV file. */
  lengthM: number | null;
  beamM: number | null;
  draughtM: number | null;
  destination: string | null;
  /** ETA as broadcast, e.g. "11-27 14:30" (no year in AIS). */
  eta: string | null;
  aisClass: "A" | "B";
}

/** A vessel's latest position, as much of it as the registry shows. */
export interface VesselPosition {
  mmsi: number;
  timeS: number;
  latDeg: number;
  lonDeg: number;
  sogKnots: number | null;
  msgType: number;
}

export interface VesselStore {
  /** Every distinct static report of a vessel, oldest first. */
  staticHistory(mmsi: number): Promise<VesselStaticReport[]>;
  /** MMSIs that broadcast this IMO number (usually one; more after a flag or MMSI change). */
  mmsisWithImo(imo: number): Promise<number[]>;
  /** Static reports of the given vessels (all vessels when omitted), oldest first per vessel. */
  staticReports(mmsis?: number[]): Promise<VesselStaticReport[]>;
  /** The latest position of one vessel. */
  latestPosition(mmsi: number): Promise<VesselPosition | undefined>;
  /**
   * Stores imported particulars by IMO in one transaction: `added` new IMOs, `updated` changed
   * records, `unchanged` identical to what is stored (a re-import changes nothing).
   */
  upsertParticulars(
    records: VesselParticulars[],
    source: string,
  ): Promise<{ added: number; updated: number; unchanged: number }>;
  particulars(imos: number[]): Promise<VesselParticulars[]>;
}
