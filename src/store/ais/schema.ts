/**
 * The one typed schema of the database, shared by SQLite and PostgreSQL. Column types are chosen
 * to mean the same in both: text, double precision, bigint (as number), and instants as ISO 8601
 * UTC text where they are read by people, epoch seconds where they are hot (AIS, later).
 */

export interface PortsTable {
  locode: string;
  /** Position in the shipped registry: lists show ports in this order. */
  display_order: number;
  name_en: string;
  name_ja: string;
  country: string;
  time_zone: string;
  currency: string;
  sister_port: string | null;
  center_lon: number;
  center_lat: number;
  zoom: number;
  bbox_json: string;
  attribution_json: string;
  geography_json: string;
  geography_sha256: string;
  /** ISO 8601 UTC instant of the last change. */
  updated_at: string;
}

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

export interface Database {
  vessel_particulars: VesselParticularsTable;
  ports: PortsTable;
  ais_track_blocks: AisTrackBlocksTable;
  ais_latest_positions: AisLatestPositionsTable;
  vessel_static_reports: VesselStaticReportsTable;
  ais_stations: AisStationsTable;
  ingest_rejects: IngestRejectsTable;
  ingest_runs: IngestRunsTable;
}
