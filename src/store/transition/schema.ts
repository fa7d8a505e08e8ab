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

/** Rollout scenarios (issue 13): input and computed results as JSON text, headline figures as columns. */
export interface TransitionScenariosTable {
  port: string;
  name: string;
  description: string | null;
  base_year: number;
  horizon_year: number;
  input_json: string;
  result_json: string;
  gap_json: string;
  ze_share_che_pct_2030: number | null;
  wtw_co2e_t_horizon: number | null;
  saved_at: string;
}

export interface TransitionDatabase {
  transition_equipment: TransitionEquipmentTable;
  transition_telemetry: TransitionTelemetryTable;
  transition_ingest_runs: TransitionIngestRunsTable;
  transition_rejects: TransitionRejectsTable;
  transition_scenarios: TransitionScenariosTable;
}
