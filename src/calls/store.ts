/**
 * What calls/ needs from storage; `src/store/calls/store.ts` implements it on SQLite and PostgreSQL.
 */
import type { PortCallRecord, StoredSegment } from "./calls.ts";

/** A stored AIS vessel-day block's state (what a computation saw), with its bounding box. */
export interface VesselDayState {
  mmsi: number;
  dayUtc: number;
  reportCount: number;
  lastTimeS: number;
  minLatDeg: number;
  maxLatDeg: number;
  minLonDeg: number;
  maxLonDeg: number;
}

export interface CallQuery {
  port?: string;
  /** Calls whose visit overlaps [fromS, toS]. */
  fromS?: number;
  toS?: number;
  /** Calls whose berth arrival is in [berthArrivalFromS, berthArrivalToS) (read by its own index). */
  berthArrivalFromS?: number;
  berthArrivalToS?: number;
  mmsi?: number;
  terminal?: string;
  shipTypeGroup?: string;
  limit: number;
  offset: number;
}

export interface CallStore {
  /** AIS vessel-days whose block changed (or was never computed with `methodologyVersion`). */
  pendingVesselDays(methodologyVersion: string, limit: number): Promise<VesselDayState[]>;
  /** Every AIS vessel-day overlapping [fromS, toS]. */
  vesselDaysInRange(fromS: number, toS: number): Promise<VesselDayState[]>;
  /** Records that these vessel-days were computed as seen. */
  markVesselDays(methodologyVersion: string, days: readonly VesselDayState[]): Promise<void>;
  /**
   * In one transaction: removes the port's calls and segments of the vessel starting in
   * [fromS, toS) and stores these instead.
   */
  replaceVesselResults(
    port: string,
    mmsi: number,
    fromS: number,
    toS: number,
    calls: readonly PortCallRecord[],
    segments: readonly StoredSegment[],
  ): Promise<void>;
  listCalls(query: CallQuery): Promise<{ total: number; calls: PortCallRecord[] }>;
  getCall(id: string): Promise<PortCallRecord | undefined>;
  /** Segments of a vessel at a port starting in [fromS, toS], in time order. */
  segments(port: string, mmsi: number, fromS: number, toS: number): Promise<StoredSegment[]>;
  /** Segments that belong to these calls, grouped by call id, each in time order (one query per chunk). */
  segmentsOfCalls(callIds: readonly string[]): Promise<Map<string, StoredSegment[]>>;
}
