import type { VesselStaticReport, VesselStore } from "../vessels/index.ts";

// The static report is the vessel registry's input (defined in vessels/); AIS ingest produces it.
export type { VesselStaticReport };

/**
 * What AIS ingest and reads need from storage; `store/` implements it on SQLite and PostgreSQL.
 * Track reports are kept as per-vessel-day blocks (see track-block.ts for why and the layout).
 */

/** A vessel's reports of one UTC day: `dayUtc` = floor(epoch seconds / 86 400). */
export interface VesselDayKey {
  mmsi: number;
  dayUtc: number;
}

export interface StoredTrackBlock extends VesselDayKey {
  reportCount: number;
  firstTimeS: number;
  lastTimeS: number;
  /** Bounding box in degrees, for spatial pre-filtering. */
  minLatDeg: number;
  maxLatDeg: number;
  minLonDeg: number;
  maxLonDeg: number;
  data: Uint8Array;
}

/** The latest known position of a vessel (for live maps), one row per MMSI. */
export interface LatestPosition {
  mmsi: number;
  timeS: number;
  latDeg: number;
  lonDeg: number;
  sogKnots: number | null;
  cogDeg: number | null;
  headingDeg: number | null;
  navStatus: number | null;
  msgType: number;
}

/** A fixed AIS station: base station (type 4) or aid to navigation (type 21). */
export interface AisFixedStation {
  mmsi: number;
  kind: "base_station" | "aid_to_navigation";
  name: string | null;
  latDeg: number;
  lonDeg: number;
  lastSeenS: number;
}

export interface IngestRejectRecord {
  source: string;
  line: number;
  reason: string;
  text: string;
}

/** One transaction's worth of ingest: everything in it is stored, or nothing is. */
export interface AisWriteBatch {
  /** Reports per vessel-day to merge into the stored blocks. */
  /** Keyed by `trackKey(mmsi, dayUtc)`. */
  tracks: Map<number, { key: VesselDayKey; reports: import("./track-block.ts").TrackReports }>;
  latest: LatestPosition[];
  /** Static reports that are their record's counted fact (types 5, 24). */
  staticReports: VesselStaticReport[];
  /** Static fields riding along with a counted position (type 19, CSV rows): stored, not counted. */
  sideStaticReports: VesselStaticReport[];
  stations: AisFixedStation[];
  rejects: IngestRejectRecord[];
}

export interface AisWriteResult {
  /** Position reports that were new. */
  reportsAdded: number;
  /** Position reports already stored (or repeated in the batch). */
  reportsDuplicate: number;
  staticAdded: number;
  staticDuplicate: number;
  stationsAdded: number;
  stationsDuplicate: number;
  rejectsAdded: number;
  rejectsDuplicate: number;
}

/** AIS storage; the vessel registry's tables (static reports, particulars) are kept with it. */
export interface AisStore extends VesselStore {
  /**
   * Stores a batch in one transaction. Track reports are merged into the stored blocks with
   * `merge` (pure, from track-block.ts) so the store knows nothing of the block layout.
   */
  writeBatch(
    batch: AisWriteBatch,
    merge: (stored: Uint8Array | undefined, incoming: import("./track-block.ts").TrackReports) => MergedBlock,
  ): Promise<AisWriteResult>;
  /** Blocks of one vessel overlapping [fromS, toS], in day order. */
  trackBlocks(mmsi: number, fromS: number, toS: number): Promise<StoredTrackBlock[]>;
  /** Latest positions seen at or after `sinceS`, optionally inside a bounding box [minLon, minLat, maxLon, maxLat]. */
  latestPositions(sinceS: number, bbox?: [number, number, number, number]): Promise<LatestPosition[]>;
  /** The latest position of one vessel. */
  latestPosition(mmsi: number): Promise<LatestPosition | undefined>;
  /** Fixed stations, the newest report of each. */
  stations(): Promise<AisFixedStation[]>;
  rejectCounts(source?: string): Promise<Record<string, number>>;
  /** Keeps the ledger of ingest runs: what was read from where, and the counts. */
  recordIngestRun(run: IngestRunRecord): Promise<void>;
  /** The newest runs first; only runs of `kind` when given. */
  ingestRuns(limit: number, kind?: string): Promise<IngestRunRecord[]>;
}

export interface IngestRunRecord {
  id: string;
  kind: string;
  source: string;
  startedAt: string;
  finishedAt: string | null;
  read: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  detail: Record<string, unknown>;
}

/** A merged vessel-day block ready to store, with the counts of what the merge added. */
export interface MergedBlock extends Omit<StoredTrackBlock, "mmsi" | "dayUtc"> {
  added: number;
  duplicates: number;
}

/** A number unique per vessel-day (days fit in 16 bits until the year 2149; MMSIs in 30 bits). */
export function trackKey(mmsi: number, dayUtc: number): number {
  return mmsi * 65_536 + dayUtc;
}
