/** The tables of the ports capability: the port registry as loaded (one row per port). */

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

export interface PortsDatabase {
  ports: PortsTable;
}
