/**
 * The tables of the operations capability: facts (events, truck visits and their gate moves, rail
 * moves; each record as JSON beside the columns queries use), ingest runs and their rejects, the
 * per-container dwell state, and the KPI rollups (hourly sums, histograms packed per day and per month, vessel moves).
 */

/** Fact tables (0760): rows in arrival order, unique by `id_key`, the 53-bit key of the id (fact-keys.ts). */
export interface OpsEventsTable {
  id_key: number;
  event_id: string;
  port: string | null;
  terminal: string | null;
  event_s: number;
  event_code: string;
  container_number: string | null;
  bl: string | null;
  booking: string | null;
  record_json: string;
}

export interface OpsTruckVisitsTable {
  id_key: number;
  visit_id: string;
  port: string;
  terminal: string;
  gate_in_s: number;
  /** 0741: the trucking company's SCAC (null before, or when the gate data did not say). */
  carrier_scac: string | null;
  record_json: string;
}

/** A container moved by a truck visit; `visit_key` is the visit's `id_key`. */
export interface OpsGateMovesTable {
  visit_key: number;
  container_number: string;
  direction: string;
}

export interface OpsRailMovesTable {
  id_key: number;
  move_id: string;
  port: string;
  terminal: string;
  container_number: string;
  at_s: number;
  record_json: string;
}

export interface OpsIngestRunsTable {
  id: string;
  port: string;
  file: string;
  started_at: string;
  finished_at: string;
  read: number;
  accepted: number;
  rejected: number;
  duplicates: number;
}

export interface OpsRejectsTable {
  run_id: string;
  file: string;
  line: number;
  field: string;
  reason: string;
}

export interface OpsContainerStateTable {
  port: string;
  container_number: string;
  discharge_s: number | null;
  discharge_terminal: string | null;
  size_ft: number | null;
  exit_s: number | null;
  exit_mode: string | null;
  exit_terminal: string | null;
}

/** Hourly sums (operations/rollup.ts HOURLY_SUMS, in snake case). */
export interface OpsHourlyTable {
  port: string;
  terminal: string;
  day: number;
  hour: number;
  truck_visits: number;
  turn_count: number;
  turn_sum_s: number;
  queue_sum_s: number;
  in_terminal_sum_s: number;
  gate_moves_in: number;
  gate_moves_out: number;
  trouble_known: number;
  trouble_tickets: number;
  gate_in_events: number;
  gate_out_events: number;
  rail_loads: number;
  rail_discharges: number;
  vessel_discharges: number;
  vessel_loads: number;
  dwell_truck_count: number;
  dwell_truck_sum_s: number;
  dwell_truck_over5d: number;
  dwell_truck_over9d: number;
  dwell_rail_count: number;
  dwell_rail_sum_s: number;
  dwell_rail_over5d: number;
  dwell_rail_over9d: number;
  vessel_teu_quarters: number;
}

/**
 * A terminal's histogram of one metric over one local day (grain "day", period = day number) or
 * month (grain "month", period = yyyy·12 + m − 1): its bins as {"bin": count} (rollup.ts bins).
 */
/** The hourly sums of a local day (kept beside ops_hourly: a terminal-month by day reads 31 rows, not 744). */
export type OpsDailyTable = Omit<OpsHourlyTable, "hour">;

export interface OpsHistogramBinsTable {
  port: string;
  terminal: string;
  metric: string;
  grain: "day" | "month";
  period: number;
  bins_json: string;
}

export interface OpsVesselMovesTable {
  port: string;
  terminal: string;
  vessel_imo: number;
  hour_s: number;
  discharges: number;
  loads: number;
}

/** A terminal's receiving rules for a local day as published (history: every publication kept). */
export interface OpsReceivingRulesTable {
  port: string;
  terminal: string;
  day: string;
  published_s: number;
  rules_json: string;
}

/** The import forecast's reduction of the events stored so far, per port (ForecastInputsState). */
export interface OpsForecastInputsTable {
  port: string;
  state_json: string;
}

/** Results computed when data arrives and served as stored: forecast, empty-return board. */
export interface OpsSignalsTable {
  port: string;
  kind: string;
  as_of_s: number;
  computed_s: number;
  result_json: string;
}

/** Webhook subscriptions of operations alerts (issue 12); `kinds_json` is the wire's `kinds`. */
export interface OpsAlertSubscriptionsTable {
  id: string;
  port: string;
  url: string;
  /** The HMAC key (whsec_…): kept to sign, never shown again after creation. */
  secret: string;
  kinds_json: string;
  owner: string;
  created_s: number;
  /** Alerts are raised for what happens from here: the creation, then each re-enabling (0720). */
  since_s: number;
  /** 1 active, 0 disabled (a 410 Gone, or by a user). */
  active: number;
  disabled_reason: string | null;
}

/** The boxes box.moved subscriptions watch (the lookup of an ingest batch). */
export interface OpsAlertWatchTable {
  port: string;
  container_number: string;
  subscription_id: string;
}

/** The alert outbox: one row per message id (derived from the alert's dedupe key). */
export interface OpsAlertOutboxTable {
  id: string;
  dedupe_key: string;
  subscription_id: string;
  port: string;
  type: string;
  data_json: string;
  created_s: number;
  status: string;
  attempts: number;
  next_attempt_s: number | null;
}

/** Every delivery attempt of an outbox message. */
export interface OpsAlertAttemptsTable {
  message_id: string;
  attempt: number;
  at_s: number;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
}

export interface OperationsDatabase {
  ops_alert_subscriptions: OpsAlertSubscriptionsTable;
  ops_alert_watch: OpsAlertWatchTable;
  ops_alert_outbox: OpsAlertOutboxTable;
  ops_alert_attempts: OpsAlertAttemptsTable;
  ops_receiving_rules: OpsReceivingRulesTable;
  ops_forecast_inputs: OpsForecastInputsTable;
  ops_signals: OpsSignalsTable;
  ops_events: OpsEventsTable;
  ops_truck_visits: OpsTruckVisitsTable;
  ops_gate_moves: OpsGateMovesTable;
  ops_rail_moves: OpsRailMovesTable;
  ops_ingest_runs: OpsIngestRunsTable;
  ops_rejects: OpsRejectsTable;
  ops_container_state: OpsContainerStateTable;
  ops_hourly: OpsHourlyTable;
  ops_histogram_bins: OpsHistogramBinsTable;
  ops_daily: OpsDailyTable;
  ops_vessel_moves: OpsVesselMovesTable;
}
