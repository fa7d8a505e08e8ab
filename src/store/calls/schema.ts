/**
 * The tables of the calls capability: port calls (the full record as JSON beside the columns lists
 * filter on), operating-mode segments, and which AIS vessel-days the results were computed from.
 */

export interface PortCallsTable {
  id: string;
  port: string;
  mmsi: number;
  imo: number | null;
  vessel_name: string | null;
  ship_type_group: string;
  terminal: string | null;
  berth: string;
  start_s: number;
  end_s: number;
  berth_arrival_s: number;
  berth_departure_s: number;
  anchorage_wait_h: number;
  time_at_berth_h: number;
  methodology_version: string;
  record_json: string;
  computed_at: string;
}

export interface ModeSegmentsTable {
  port: string;
  mmsi: number;
  start_s: number;
  end_s: number;
  mode: string;
  zone: string | null;
  call_id: string | null;
  duration_h: number;
  distance_nm: number;
  mean_speed_kn: number;
  max_speed_kn: number;
  reports: number;
  methodology_version: string;
}

export interface CallsVesselDaysTable {
  mmsi: number;
  day_utc: number;
  report_count: number;
  last_time_s: number;
  methodology_version: string;
}

export interface CallsDatabase {
  port_calls: PortCallsTable;
  mode_segments: ModeSegmentsTable;
  calls_vessel_days: CallsVesselDaysTable;
}
