/**
 * The fleet tables of data/reference/transition/ (pure: texts in, typed rows out; tables-io.ts
 * reads the files): equipment energy use (the fallback diesel counterfactual), fuel prices from
 * costs_and_funding.csv, and the pilot projects. A malformed table throws (it ships with us).
 */
import { type ReferenceRecord, referenceNumber, referenceRecords } from "../core/csv.ts";

export const TRANSITION_TABLE_FILES = {
  energyUse: "equipment_energy_use.csv",
  costs: "costs_and_funding.csv",
  pilots: "pilot_projects.csv",
} as const;
export type TransitionTableTexts = Record<keyof typeof TRANSITION_TABLE_FILES, string>;

export interface EnergyUseRow {
  category: string;
  powertrain: string;
  metric: string;
  low: number;
  high: number;
  unit: string;
  note: string;
  source: string;
  confidence: string;
  line: number;
}

export interface CostRow {
  item: string;
  low: number | null;
  high: number | null;
  currency: string;
  priceYear: number | null;
  unit: string;
  note: string;
  sourceId: string;
  confidence: string;
  line: number;
}

export interface PilotProject {
  port: string;
  programme: string;
  unitKind: string;
  category: string;
  powertrain: string;
  units: number | null;
  operator: string;
  started: string;
  keyFacts: string;
  sourceId: string;
  confidence: string;
  line: number;
}

export interface TransitionTables {
  energyUse: EnergyUseRow[];
  costs: CostRow[];
  pilots: PilotProject[];
}

const optionalNumber = (r: ReferenceRecord, column: string, file: string): number | null =>
  r.get(column) === "" ? null : referenceNumber(r, column, file);

export function parseTransitionTables(texts: TransitionTableTexts): TransitionTables {
  const f = TRANSITION_TABLE_FILES;
  const energyUse = referenceRecords(texts.energyUse, f.energyUse).map(
    (r): EnergyUseRow => ({
      category: r.get("category"),
      powertrain: r.get("powertrain"),
      metric: r.get("metric"),
      low: referenceNumber(r, "value_low", f.energyUse),
      high: referenceNumber(r, "value_high", f.energyUse),
      unit: r.get("unit"),
      note: r.get("note"),
      source: r.get("source"),
      confidence: r.get("confidence"),
      line: r.line,
    }),
  );
  const costs = referenceRecords(texts.costs, f.costs).map(
    (r): CostRow => ({
      item: r.get("item"),
      low: optionalNumber(r, "value_low", f.costs),
      high: optionalNumber(r, "value_high", f.costs),
      currency: r.get("currency"),
      priceYear: optionalNumber(r, "price_year", f.costs),
      unit: r.get("unit"),
      note: r.get("note"),
      sourceId: r.get("source_id"),
      confidence: r.get("confidence"),
      line: r.line,
    }),
  );
  const pilots = referenceRecords(texts.pilots, f.pilots).map(
    (r): PilotProject => ({
      port: r.get("port"),
      programme: r.get("programme"),
      unitKind: r.get("unit_kind"),
      category: r.get("category"),
      powertrain: r.get("powertrain"),
      units: optionalNumber(r, "units", f.pilots),
      operator: r.get("operator"),
      started: r.get("started"),
      keyFacts: r.get("key_facts"),
      sourceId: r.get("source_id"),
      confidence: r.get("confidence"),
      line: r.line,
    }),
  );
  return { energyUse, costs, pilots };
}
