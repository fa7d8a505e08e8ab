/**
 * The tables of the transition capability's fleet half: the equipment registry, per-unit
 * telemetry, ingest runs and their rejects.
 */

export interface TransitionEquipmentTable {
  port: string;
  unit_id: string;
  category: string;
  powertrain: string;
  model_year: number | null;
  rated_power_kw: number | null;
  engine_tier: string | null;
  owner: string | null;
  status: string;
  programme: string | null;
  replaces: string | null;
  updated_at: string;
}

export interface TransitionTelemetryTable {
  port: string;
  unit_id: string;
  period_start_s: number;
  period_end_s: number;
  operating_h: number;
  moves: number | null;
  miles: number | null;
  charged_kwh: number | null;
  h2_kg: number | null;
  diesel_l: number | null;
  downtime_h: number;
  downtime_reason: string | null;
}

export interface TransitionIngestRunsTable {
  id: string;
  kind: string;
  file: string;
  started_at: string;
  finished_at: string;
  read: number;
  accepted: number;
  updated: number;
  rejected: number;
  duplicates: number;
}

export interface TransitionRejectsTable {
  run_id: string;
  file: string;
  line: number;
  field: string;
  reason: string;
}

export interface TransitionDatabase {
  transition_equipment: TransitionEquipmentTable;
  transition_telemetry: TransitionTelemetryTable;
  transition_ingest_runs: TransitionIngestRunsTable;
  transition_rejects: TransitionRejectsTable;
}
