/**
 * The scenario engine's reference tables (pure: texts in, typed rows out; scenario-tables-io.ts
 * reads the files): per-type defaults (useful life, hours, power, energy per hour — each row with
 * its source and confidence, most of them marked assumption D), the CAAP / CNP targets, the fleet
 * counts of fleet_progress.csv and which targets each port tracks (port_emissions_settings.csv of
 * the emissions tables). A malformed table throws (it ships with us).
 */
import { type ReferenceRecord, referenceNumber, referenceRecords } from "../core/csv.ts";

export const SCENARIO_TABLE_FILES = {
  defaults: "scenario_defaults.csv",
  targets: "targets_caap_cnp.csv",
  progress: "fleet_progress.csv",
} as const;
/** In data/reference/emissions/: which target programmes and ZE metrics a port tracks. */
export const PORT_SETTINGS_FILE = "port_emissions_settings.csv";

export interface DefaultRow {
  category: string;
  parameter: string;
  value: number;
  unit: string;
  note: string;
  source: string;
  confidence: string;
  line: number;
}

export interface TargetRow {
  program: string;
  jurisdiction: string;
  metric: string;
  baselineYear: number | null;
  targetYear: number | null;
  targetValue: number;
  unit: string;
  sourceId: string;
  confidence: string;
  line: number;
}

export interface ProgressRow {
  portOrArea: string;
  asOf: string;
  metric: string;
  value: number;
  unit: string;
  sourceId: string;
  confidence: string;
  line: number;
}

export interface ScenarioRefTables {
  defaults: Map<string, DefaultRow>;
  targets: TargetRow[];
  progress: ProgressRow[];
  /** Per port: target programmes (GHG) and ZE share metrics it tracks. */
  portTargets: Map<string, { programs: string[]; zeMetrics: string[] }>;
}

export type ScenarioTableTexts = Record<keyof typeof SCENARIO_TABLE_FILES | "portSettings", string>;

const num = (r: ReferenceRecord, c: string, f: string): number | null =>
  r.get(c) === "" ? null : referenceNumber(r, c, f);

export function parseScenarioTables(t: ScenarioTableTexts): ScenarioRefTables {
  const F = SCENARIO_TABLE_FILES;
  const defaults = new Map<string, DefaultRow>();
  for (const r of referenceRecords(t.defaults, F.defaults)) {
    const row: DefaultRow = {
      category: r.get("category"),
      parameter: r.get("parameter"),
      value: referenceNumber(r, "value", F.defaults),
      unit: r.get("unit"),
      note: r.get("note"),
      source: r.get("source"),
      confidence: r.get("confidence"),
      line: r.line,
    };
    const key = `${row.category}|${row.parameter}`;
    if (defaults.has(key)) throw new Error(`${F.defaults}: line ${r.line}: ${key} given twice`);
    defaults.set(key, row);
  }
  const targets = referenceRecords(t.targets, F.targets).flatMap((r): TargetRow[] => {
    const value = r.get("target_value");
    if (value === "" || !Number.isFinite(Number(value))) return [];
    return [
      {
        program: r.get("program"),
        jurisdiction: r.get("jurisdiction"),
        metric: r.get("metric"),
        baselineYear: num(r, "baseline_year", F.targets),
        targetYear: num(r, "target_year", F.targets),
        targetValue: Number(value),
        unit: r.get("unit"),
        sourceId: r.get("source_id"),
        confidence: r.get("confidence"),
        line: r.line,
      },
    ];
  });
  const progress = referenceRecords(t.progress, F.progress).map(
    (r): ProgressRow => ({
      portOrArea: r.get("port_or_area"),
      asOf: r.get("as_of"),
      metric: r.get("metric"),
      value: referenceNumber(r, "value", F.progress),
      unit: r.get("unit"),
      sourceId: r.get("source_id"),
      confidence: r.get("confidence"),
      line: r.line,
    }),
  );
  const portTargets = new Map<string, { programs: string[]; zeMetrics: string[] }>();
  for (const r of referenceRecords(t.portSettings, PORT_SETTINGS_FILE)) {
    const port = r.get("port");
    const entry = portTargets.get(port) ?? { programs: [], zeMetrics: [] };
    if (r.get("setting") === "target_program") entry.programs.push(r.get("value"));
    if (r.get("setting") === "ze_target_metric") entry.zeMetrics.push(r.get("value"));
    portTargets.set(port, entry);
  }
  return { defaults, targets, progress, portTargets };
}

/** A default value with its "file: line — …" source, or undefined when the table has none. */
export function defaultValue(
  tables: ScenarioRefTables,
  category: string,
  parameter: string,
): { value: number; unit: string; source: string } | undefined {
  const row = tables.defaults.get(`${category}|${parameter}`) ?? tables.defaults.get(`all|${parameter}`);
  if (row === undefined) return undefined;
  return {
    value: row.value,
    unit: row.unit,
    source: `${SCENARIO_TABLE_FILES.defaults}: line ${row.line} — ${row.category} ${row.parameter} ${row.value} ${row.unit} (${row.source}; ${row.confidence})`,
  };
}
