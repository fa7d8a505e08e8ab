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

export interface Database {
  ports: PortsTable;
}
