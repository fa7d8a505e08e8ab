/**
 * The tables of the emissions capability. Inventories: one header row per port-year (with its
 * lines' summary), one row per source, scope and month with a column per pollutant (grams) so
 * totals are plain SQL sums, each source's tailpipe total, and the user's baselines. Non-ship
 * activity: facts keyed so that re-importing a file adds nothing, each file's rejects, and one row
 * per import run.
 */
import { POLLUTANTS } from "../../emissions/model.ts";

export type PollutantColumns = { [K in (typeof POLLUTANTS)[number] as `${K}_g`]: number };

export interface InventoriesTable {
  port: string;
  year: number;
  label: string;
  computed_at: string;
  method_version: string;
  meta_json: string;
  /** InventorySummary as JSON (migration 0211); null for inventories stored before it. */
  summary_json: string | null;
}

export interface LinesTable extends PollutantColumns {
  port: string;
  year: number;
  category: string;
  scope: string;
  source_id: string;
  cal_year: number;
  month: number;
  terminal: string | null;
  label: string;
  activity: number;
  activity_unit: string;
}

export interface BaselinesTable {
  port: string;
  pollutant: string;
  year: number;
  tonnes: number;
  source: string;
  entered_at: string;
}

/** A source's tailpipe total over the year (migration 0211): the sources list, precomputed. */
export interface SourceTotalsTable extends PollutantColumns {
  port: string;
  year: number;
  category: string;
  source_id: string;
  label: string;
  terminal: string | null;
  activity: number;
  activity_unit: string;
}

export interface EmissionsDatabase {
  emission_inventories: InventoriesTable;
  emission_lines: LinesTable;
  emission_source_totals: SourceTotalsTable;
  emission_baselines: BaselinesTable;
}

export const POLLUTANT_COLUMNS = POLLUTANTS.map((p) => `${p}_g` as const);

export interface EmissionActivityTable {
  port: string;
  kind: string;
  record_key: string;
  year: number | null;
  month: number | null;
  record_json: string;
  source_file: string;
  source_line: number;
  imported_at: string;
}

export interface EmissionActivityRejectsTable {
  port: string;
  kind: string;
  source_file: string;
  line: number;
  seq: number;
  field: string;
  reason: string;
  text: string;
}

export interface EmissionActivityImportsTable {
  id: string;
  port: string;
  kind: string;
  source_file: string;
  imported_at: string;
  read: number;
  accepted: number;
  added: number;
  updated: number;
  rejected: number;
  duplicates: number;
  detail_json: string;
}

export interface EmissionActivityDatabase {
  emission_activity: EmissionActivityTable;
  emission_activity_rejects: EmissionActivityRejectsTable;
  emission_activity_imports: EmissionActivityImportsTable;
}
