/**
 * The reference tables of the non-ship calculators, parsed from the copies in
 * data/reference/emissions/nonship/ (NONROAD CHE factors, locomotive factors, harbour-craft load
 * factors) and data/reference/emissions/ (GWP, energy). Pure: texts in, lookups out; a malformed
 * table throws (it ships with us). Every value keeps "file: line" for the trace.
 */

import { type ReferenceRecord, referenceNumber, referenceRecords } from "../../core/csv.ts";
import type { EnergyTables } from "../energy.ts";
import { type GwpValues, parseGwpTable } from "../gwp.ts";
import type { GwpSet } from "../model.ts";
import type { EngineUse, RailService } from "./model.ts";
import { CHE_EQUIPMENT_TYPES, RAIL_TIERS } from "./vocab.ts";

export const NONSHIP_TABLE_FILES = {
  loadFactors: "che_load_factors.csv",
  emissionFactors: "che_emission_factors.csv",
  techTypes: "che_tech_type_by_model_year.csv",
  deterioration: "che_deterioration.csv",
  usefulLife: "che_useful_life.csv",
  fuelAdjustments: "che_fuel_adjustments.csv",
  equipmentMap: "che_equipment_map.csv",
  harborCraftLoadFactors: "harbor_craft_load_factors.csv",
  locomotiveDutyCycles: "locomotive_duty_cycles.csv",
  locomotiveEmissionFactors: "locomotive_emission_factors.csv",
  locomotiveFuelConversion: "locomotive_fuel_conversion.csv",
} as const;

export type NonshipTableTexts = Record<keyof typeof NONSHIP_TABLE_FILES, string> & { gwp: string };

/** A table value with where it comes from ("file: line N (source id, confidence)"). */
export interface Sourced {
  value: number;
  source: string;
}

export const TECH_TYPES = ["Base", "T0", "T1", "T2", "T3", "T3B", "T4A", "T4B", "T4", "T4N"] as const;
export type TechType = (typeof TECH_TYPES)[number];

export interface CheLoadFactorRow {
  scc: string;
  equipment: string;
  fuel: string;
  loadFactor: Sourced;
  annualHours: Sourced;
}

export interface CheFactorRow {
  scc: string;
  hpMin: number;
  hpMax: number;
  tech: TechType;
  /** NOx, PM10, THC, CO (g/bhp-hr) or BSFC (lb/bhp-hr). */
  value: number;
  line: number;
  confidence: string;
}

export interface TechTypeRow {
  hpMin: number;
  hpMax: number;
  modelYearFrom: number;
  tech: TechType;
  fraction: number;
  line: number;
}

export interface DeteriorationRow {
  a: number;
  b: number;
  cap: number;
  line: number;
}

export interface UsefulLifeRow {
  scc: string;
  hpMin: number;
  hpMax: number;
  medianLifeH: number;
  line: number;
}

export interface EquipmentMapRow {
  portEquipment: string;
  scc: string;
  equipment: string;
  confidence: string;
  line: number;
}

export type ChePollutantColumn = "NOx" | "PM10" | "THC" | "CO" | "BSFC";

export interface CheTables {
  loadFactors: CheLoadFactorRow[];
  /** By `${scc}|${tech}|${pollutant}`: the horsepower bands. */
  factors: Map<string, CheFactorRow[]>;
  techTypes: TechTypeRow[];
  /** By `${tech}|${pollutant}` (NOx, PM10, THC, CO). */
  deterioration: Map<string, DeteriorationRow>;
  usefulLife: UsefulLifeRow[];
  /** Equipment type id (vocab.ts) → map row. */
  equipmentMap: Map<string, EquipmentMapRow>;
  /** PM base sulfur (weight %) and sulfate conversion by tech type. */
  pmBaseSulfurPct: Map<TechType, Sourced>;
  sulfateConversion: Map<TechType, Sourced>;
  sulfateToSulfurRatio: Sourced;
  gramsPerPound: Sourced;
  carbonMassFraction: Sourced;
  pm25ToPm10Diesel: Sourced;
  pm25ToPm10LpgCng: Sourced;
  /** Sulfur of today's diesel, weight % (15 ppm = 0.0015). */
  ulsdSulfurPct: Sourced;
  /**
   * Every horsepower band edge of the factor, tech-type and useful-life tables, ascending: two
   * engines between the same two edges get the same rows (so their factors can be shared).
   */
  hpEdges: number[];
}

export interface RailTables {
  /** By `${service}|${tier}|${pollutant}` with pollutant HC, CO, NOx, PM10, PM2.5: g/bhp-hr. */
  factors: Map<string, Sourced>;
  bhpHrPerGal: Record<RailService, Sourced>;
  /** Cycle-mean power, % of rated (Σ time weight × notch power; idle and dynamic brake count 0). */
  cycleMeanPowerPct: Record<RailService, Sourced>;
}

export interface NonshipTables {
  che: CheTables;
  rail: RailTables;
  harborCraftLoadFactors: Record<EngineUse, Sourced>;
  gwp: Record<GwpSet, GwpValues>;
  energy: EnergyTables;
}

function src(file: string, r: ReferenceRecord, what: string, extra = ""): string {
  let sourceId = "";
  let confidence = "";
  try {
    sourceId = r.get("source_id");
    confidence = r.get("confidence");
  } catch {
    // gwp.csv has neither column
  }
  const meta = [sourceId, confidence].filter((x) => x !== "").join(", ");
  return `${file}: line ${r.line} — ${what}${extra}${meta ? ` (${meta})` : ""}`;
}

function isTech(t: string): t is TechType {
  return (TECH_TYPES as readonly string[]).includes(t);
}

/** Tech types named in an `applies_to` text ("diesel T2 T3" → T2, T3); empty for "(default)". */
function techsIn(text: string): TechType[] {
  return text.split(/\s+/).filter(isTech);
}

function parseChe(texts: NonshipTableTexts): CheTables {
  const f = NONSHIP_TABLE_FILES;
  const loadFactors = referenceRecords(texts.loadFactors, f.loadFactors).map(
    (r): CheLoadFactorRow => ({
      scc: r.get("nonroad_scc"),
      equipment: r.get("nonroad_equipment"),
      fuel: r.get("fuel"),
      loadFactor: {
        value: referenceNumber(r, "load_factor", f.loadFactors),
        source: src(
          f.loadFactors,
          r,
          `${r.get("nonroad_equipment")} ${r.get("fuel")} load factor ${r.get("load_factor")}`,
        ),
      },
      annualHours: {
        value: referenceNumber(r, "annual_hours", f.loadFactors),
        source: src(
          f.loadFactors,
          r,
          `${r.get("nonroad_equipment")} ${r.get("fuel")} ${r.get("annual_hours")} h/yr`,
        ),
      },
    }),
  );
  const factors = new Map<string, CheFactorRow[]>();
  for (const r of referenceRecords(texts.emissionFactors, f.emissionFactors)) {
    const tech = r.get("tech_type");
    if (!isTech(tech)) throw new Error(`${f.emissionFactors}: line ${r.line}: tech type ${tech}`);
    const pollutant = r.get("pollutant");
    if (pollutant === "CO2") continue; // recomputed from BSFC with deteriorated THC, as NONROAD does
    const row: CheFactorRow = {
      scc: r.get("nonroad_scc"),
      hpMin: referenceNumber(r, "hp_min", f.emissionFactors),
      hpMax: referenceNumber(r, "hp_max", f.emissionFactors),
      tech,
      value: referenceNumber(r, "value", f.emissionFactors),
      line: r.line,
      confidence: r.get("confidence"),
    };
    const key = `${row.scc}|${tech}|${pollutant}`;
    const list = factors.get(key);
    if (list) list.push(row);
    else factors.set(key, [row]);
  }
  const techTypes = referenceRecords(texts.techTypes, f.techTypes).map((r): TechTypeRow => {
    const tech = r.get("tech_type");
    if (!isTech(tech)) throw new Error(`${f.techTypes}: line ${r.line}: tech type ${tech}`);
    return {
      hpMin: referenceNumber(r, "hp_min", f.techTypes),
      hpMax: referenceNumber(r, "hp_max", f.techTypes),
      modelYearFrom: referenceNumber(r, "model_year_from", f.techTypes),
      tech,
      fraction: referenceNumber(r, "fraction_of_new_engines", f.techTypes),
      line: r.line,
    };
  });
  const deterioration = new Map<string, DeteriorationRow>();
  for (const r of referenceRecords(texts.deterioration, f.deterioration)) {
    deterioration.set(`${r.get("tech_type")}|${r.get("pollutant")}`, {
      a: referenceNumber(r, "a_coefficient", f.deterioration),
      b: referenceNumber(r, "b_exponent", f.deterioration),
      cap: referenceNumber(r, "cap_median_life_units", f.deterioration),
      line: r.line,
    });
  }
  const usefulLife = referenceRecords(texts.usefulLife, f.usefulLife)
    .filter((r) => r.get("fuel") === "diesel")
    .map(
      (r): UsefulLifeRow => ({
        scc: r.get("nonroad_scc"),
        hpMin: referenceNumber(r, "hp_min", f.usefulLife),
        hpMax: referenceNumber(r, "hp_max", f.usefulLife),
        medianLifeH: referenceNumber(r, "median_life", f.usefulLife),
        line: r.line,
      }),
    );
  const mapRows = referenceRecords(texts.equipmentMap, f.equipmentMap).map(
    (r): EquipmentMapRow => ({
      portEquipment: r.get("port_equipment"),
      scc: r.get("nonroad_scc"),
      equipment: r.get("nonroad_equipment"),
      confidence: r.get("confidence"),
      line: r.line,
    }),
  );
  const equipmentMap = new Map<string, EquipmentMapRow>();
  for (const t of CHE_EQUIPMENT_TYPES) {
    const row = mapRows.find((m) => m.portEquipment.toLowerCase().includes(t.mapPhrase));
    if (row === undefined) throw new Error(`${f.equipmentMap}: no row for "${t.mapPhrase}" (${t.id})`);
    equipmentMap.set(t.id, row);
  }
  const pmBaseSulfurPct = new Map<TechType, Sourced>();
  const sulfateConversion = new Map<TechType, Sourced>();
  const single = new Map<string, Sourced>();
  const defaults = new Map<string, Sourced>();
  for (const r of referenceRecords(texts.fuelAdjustments, f.fuelAdjustments)) {
    const parameter = r.get("parameter");
    const appliesTo = r.get("applies_to");
    const value: Sourced = {
      value: referenceNumber(r, "value", f.fuelAdjustments),
      source: src(f.fuelAdjustments, r, `${parameter} ${r.get("value")} ${r.get("units")} (${appliesTo})`),
    };
    if (parameter === "pm_base_sulfur" || parameter === "sulfate_conversion_fraction") {
      const target = parameter === "pm_base_sulfur" ? pmBaseSulfurPct : sulfateConversion;
      const techs = techsIn(appliesTo);
      for (const t of techs) target.set(t, value);
      if (/\(default\)/.test(appliesTo)) defaults.set(parameter, value);
    } else if (parameter === "pm25_to_pm10_ratio") {
      if (/^diesel/.test(appliesTo)) single.set("pm25_diesel", value);
      else if (/CNG|LPG/.test(appliesTo)) single.set("pm25_lpg_cng", value);
    } else {
      single.set(parameter, value);
    }
  }
  for (const t of TECH_TYPES) {
    const s = defaults.get("pm_base_sulfur");
    const c = defaults.get("sulfate_conversion_fraction");
    if (!pmBaseSulfurPct.has(t) && s) pmBaseSulfurPct.set(t, s);
    if (!sulfateConversion.has(t) && c) sulfateConversion.set(t, c);
    if (!pmBaseSulfurPct.has(t) || !sulfateConversion.has(t))
      throw new Error(`${f.fuelAdjustments}: no PM sulfur parameters for ${t}`);
  }
  const need = (k: string): Sourced => {
    const v = single.get(k);
    if (v === undefined) throw new Error(`${f.fuelAdjustments}: no ${k} row`);
    return v;
  };
  return {
    loadFactors,
    factors,
    techTypes,
    deterioration,
    usefulLife,
    equipmentMap,
    pmBaseSulfurPct,
    sulfateConversion,
    sulfateToSulfurRatio: need("sulfate_pm_to_sulfur_mass_ratio"),
    gramsPerPound: need("pound_to_gram"),
    carbonMassFraction: need("carbon_mass_fraction"),
    pm25ToPm10Diesel: need("pm25_diesel"),
    pm25ToPm10LpgCng: need("pm25_lpg_cng"),
    ulsdSulfurPct: need("ulsd_sulfur"),
    hpEdges: [
      ...new Set([
        ...[...factors.values()].flat().flatMap((r) => [r.hpMin, r.hpMax]),
        ...techTypes.flatMap((r) => [r.hpMin, r.hpMax]),
        ...usefulLife.flatMap((r) => [r.hpMin, r.hpMax]),
      ]),
    ].sort((a, b) => a - b),
  };
}

const RAIL_CONVERSION_ROW: Record<RailService, string> = {
  "line-haul": "large line-haul and passenger",
  switch: "switching (yard)",
};

const DUTY_CYCLE_CONFIGURATION = "two idle settings (Table 1)";

function parseRail(texts: NonshipTableTexts): RailTables {
  const f = NONSHIP_TABLE_FILES;
  const factors = new Map<string, Sourced>();
  for (const r of referenceRecords(texts.locomotiveEmissionFactors, f.locomotiveEmissionFactors)) {
    const service = r.get("service");
    const tier = r.get("tier");
    if (!(RAIL_TIERS as readonly string[]).includes(tier))
      throw new Error(`${f.locomotiveEmissionFactors}: line ${r.line}: tier ${tier}`);
    factors.set(`${service}|${tier}|${r.get("pollutant")}`, {
      value: referenceNumber(r, "value", f.locomotiveEmissionFactors),
      source: src(
        f.locomotiveEmissionFactors,
        r,
        `${service} ${tier} ${r.get("pollutant")} ${r.get("value")} ${r.get("units")}`,
      ),
    });
  }
  const conversions = referenceRecords(texts.locomotiveFuelConversion, f.locomotiveFuelConversion);
  const bhpHrPerGal = {} as Record<RailService, Sourced>;
  for (const service of ["line-haul", "switch"] as const) {
    const r = conversions.find((c) => c.get("locomotive_service") === RAIL_CONVERSION_ROW[service]);
    if (!r) throw new Error(`${f.locomotiveFuelConversion}: no row ${RAIL_CONVERSION_ROW[service]}`);
    bhpHrPerGal[service] = {
      value: referenceNumber(r, "value", f.locomotiveFuelConversion),
      source: src(
        f.locomotiveFuelConversion,
        r,
        `${r.get("locomotive_service")} ${r.get("value")} ${r.get("units")}`,
      ),
    };
  }
  const cycles = referenceRecords(texts.locomotiveDutyCycles, f.locomotiveDutyCycles);
  const cycleMeanPowerPct = {} as Record<RailService, Sourced>;
  for (const service of ["line-haul", "switch"] as const) {
    const rows = cycles.filter(
      (c) => c.get("duty_cycle") === service && c.get("idle_configuration") === DUTY_CYCLE_CONFIGURATION,
    );
    if (rows.length === 0) throw new Error(`${f.locomotiveDutyCycles}: no ${service} cycle`);
    let mean = 0;
    for (const c of rows) {
      const p = c.get("standard_power_pct_of_rated");
      mean += referenceNumber(c, "time_weight", f.locomotiveDutyCycles) * (p === "" ? 0 : Number(p));
    }
    cycleMeanPowerPct[service] = {
      value: mean,
      source: `${f.locomotiveDutyCycles}: lines ${rows[0]!.line}-${rows[rows.length - 1]!.line} — ${service}, ${DUTY_CYCLE_CONFIGURATION}: Σ time weight × notch power = ${mean.toFixed(3)} % of rated (idle and dynamic brake count 0; cfr-40-1033-530, A)`,
    };
  }
  return { factors, bhpHrPerGal, cycleMeanPowerPct };
}

/** Parses every non-ship table; `energy` comes from parseEnergyTables. */
export function parseNonshipTables(texts: NonshipTableTexts, energy: EnergyTables): NonshipTables {
  const f = NONSHIP_TABLE_FILES;
  const harborCraftLoadFactors = {} as Record<EngineUse, Sourced>;
  for (const r of referenceRecords(texts.harborCraftLoadFactors, f.harborCraftLoadFactors)) {
    const use = r.get("engine_use");
    if (use !== "propulsion" && use !== "auxiliary")
      throw new Error(`${f.harborCraftLoadFactors}: line ${r.line}: engine use ${use}`);
    harborCraftLoadFactors[use] = {
      value: referenceNumber(r, "load_factor", f.harborCraftLoadFactors),
      source: src(
        f.harborCraftLoadFactors,
        r,
        `${use} load factor ${r.get("load_factor")}`,
        "; the regulatory credit value, used as a stand-in: vessel-type load factors were not found",
      ),
    };
  }
  if (!harborCraftLoadFactors.propulsion || !harborCraftLoadFactors.auxiliary)
    throw new Error(`${f.harborCraftLoadFactors}: propulsion and auxiliary rows needed`);
  return {
    che: parseChe(texts),
    rail: parseRail(texts),
    harborCraftLoadFactors,
    gwp: parseGwpTable(texts.gwp),
    energy,
  };
}
