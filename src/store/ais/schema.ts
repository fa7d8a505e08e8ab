/**
 * The tables of the AIS capability: per-vessel-day track blocks, latest positions, static reports,
 * fixed stations, ingest rejects and runs, and imported vessel particulars (AisStore keeps them).
 * Column types mean the same in SQLite and PostgreSQL: text, double precision, bigint (as number),
 * and instants as ISO 8601 UTC text where people read them, epoch seconds where they are hot.
 */

export interface AisTrackBlocksTable {
  mmsi: number;
  day_utc: number;
  report_count: number;
  first_time_s: number;
  last_time_s: number;
  min_lat_deg: number;
  max_lat_deg: number;
  min_lon_deg: number;
  max_lon_deg: number;
  data: Uint8Array;
}

export interface AisLatestPositionsTable {
  mmsi: number;
  time_s: number;
  lat_deg: number;
  lon_deg: number;
  sog_knots: number | null;
  cog_deg: number | null;
  heading_deg: number | null;
  nav_status: number | null;
  msg_type: number;
}

export interface VesselStaticReportsTable {
  mmsi: number;
  content_hash: string;
  first_seen_s: number;
  last_seen_s: number;
  ais_class: string;
  imo: number | null;
  name: string | null;
  callsign: string | null;
  ship_type: number | null;
  to_bow_m: number | null;
  to_stern_m: number | null;
  to_port_m: number | null;
  to_starboard_m: number | null;
  length_m: number | null;
  beam_m: number | null;
  draught_m: number | null;
  destination: string | null;
  eta: string | null;
}

export interface AisStationsTable {
  mmsi: number;
  content_hash: string;
  kind: string;
  name: string | null;
  lat_deg: number;
  lon_deg: number;
  first_seen_s: number;
  last_seen_s: number;
}

export interface IngestRejectsTable {
  source: string;
  line: number;
  reason: string;
  text: string;
}

export interface IngestRunsTable {
  id: string;
  kind: string;
  source: string;
  started_at: string;
  finished_at: string | null;
  read: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  detail_json: string;
}

export interface VesselParticularsTable {
  imo: number;
  record_json: string;
  source: string;
  updated_at: string;
}

export interface AisDatabase {
  vessel_particulars: VesselParticularsTable;
  ais_track_blocks: AisTrackBlocksTable;
  ais_latest_positions: AisLatestPositionsTable;
  vessel_static_reports: VesselStaticReportsTable;
  ais_stations: AisStationsTable;
  ingest_rejects: IngestRejectsTable;
  ingest_runs: IngestRunsTable;
}
