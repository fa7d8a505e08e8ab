/**
 * The hydrogen-supply reference tables (data/reference/transition/, provenance in
 * data/reference/README.md), parsed from text. Pure: hydrogen-tables-io.ts reads the files. A cell
 * that should be a number and is not ("not found", "about 2470 (…)") becomes null and is reported
 * with file, line and field — the rest of the table goes through.
 */
import { referenceTable } from "../core/csv.ts";
import type { FieldIssue } from "../core/errors.ts";
import type { CostInputs } from "./hydrogen-station.ts";
import type { PvSystem } from "./solar-pv.ts";

export const HYDROGEN_TABLE_FILES = {
  constants: "fuel_and_hydrogen_constants.csv",
  supply: "hydrogen_supply_reference.csv",
  demand: "hydrogen_demand_estimates.csv",
  gridCalifornia: "electricity_co2_california.csv",
  gridJapan: "electricity_co2_japan.csv",
  assumptions: "solar_h2_assumptions.csv",
} as const;

export type HydrogenTableTexts = Record<keyof typeof HYDROGEN_TABLE_FILES, string>;

/** A number with where it came from. */
export interface SourcedValue {
  value: number;
  unit: string;
  source: string;
  confidence: string;
  file: string;
  line: number;
}

export interface SupplyReferenceRow {
  facility: string;
  type: string;
  h2CapacityKgPerDay: number | null;
  storageKg: number | null;
  electrolyserOrPlantKw: number | null;
  renewableKw: number | null;
  source: string;
  confidence: string;
  line: number;
}

export interface DemandEstimateRow {
  area: string;
  scope: string;
  /** First four-digit year in `year_or_horizon`, null for "per year" rows. */
  year: number | null;
  /** `year_or_horizon` as written ("2030", "from 2020", "per year", …). */
  horizon: string;
  h2TonnesPerYearLow: number | null;
  h2TonnesPerYearHigh: number | null;
  /** True for rows that describe supply ("supply (not demand)"). */
  isSupply: boolean;
  source: string;
  confidence: string;
  line: number;
}

export interface GridFactor {
  port: string;
  kgCo2PerKwh: number;
  label: string;
  source: string;
  confidence: string;
  file: string;
  line: number;
}

export interface AssumptionRow {
  port: string;
  parameter: string;
  value: number;
  unit: string;
  currency: string;
  priceYear: number | null;
  source: string;
  confidence: string;
  line: number;
}

export interface HydrogenTables {
  constants: Map<string, SourcedValue>;
  supply: SupplyReferenceRow[];
  demand: DemandEstimateRow[];
  grid: Map<string, GridFactor>;
  assumptions: AssumptionRow[];
  /** Cells that should have been numbers (kept as null). */
  issues: FieldIssue[];
}

function numberOrNull(
  text: string,
  file: string,
  line: number,
  field: string,
  issues: FieldIssue[],
): number | null {
  if (text === "") return null;
  const v = Number(text);
  if (Number.isFinite(v)) return v;
  issues.push({ file, line, field, reason: `"${text}" is not a number (kept as unknown)` });
  return null;
}

/**
 * Parses the six tables. Grid factors per port follow a stated rule: USLAX takes the latest year
 * of "California average grid (CARB LCFS pathway)" (LCFS lifecycle CI, B; the LADWP 2017 row is a
 * blog estimate, C); JPNGO takes Chubu Electric Power's latest fiscal year "before credits" row.
 *
 * Example: with the shipped tables, grid USLAX = 0.2985 kg/kWh (2020, 82.92 g/MJ × 3.6) and
 * JPNGO = 0.513 kg/kWh (FY2013); constant electrolysis_specific_energy_fh2r = 55.6 kWh/kg.
 */
export function parseHydrogenTables(t: HydrogenTableTexts): HydrogenTables {
  const issues: FieldIssue[] = [];
  const F = HYDROGEN_TABLE_FILES;

  const constants = new Map<string, SourcedValue>();
  for (const r of referenceTable(t.constants, F.constants).records) {
    const v = numberOrNull(r.get("value"), F.constants, r.line, "value", issues);
    if (v === null) continue;
    constants.set(r.get("quantity"), {
      value: v,
      unit: r.get("unit"),
      source: r.get("source_id"),
      confidence: r.get("confidence"),
      file: F.constants,
      line: r.line,
    });
  }

  const supply: SupplyReferenceRow[] = referenceTable(t.supply, F.supply).records.map((r) => ({
    facility: r.get("facility"),
    type: r.get("type"),
    h2CapacityKgPerDay: numberOrNull(
      r.get("h2_capacity_kg_per_day"),
      F.supply,
      r.line,
      "h2_capacity_kg_per_day",
      issues,
    ),
    storageKg: numberOrNull(r.get("storage_kg"), F.supply, r.line, "storage_kg", issues),
    electrolyserOrPlantKw: numberOrNull(
      r.get("electrolyser_or_plant_kw"),
      F.supply,
      r.line,
      "electrolyser_or_plant_kw",
      issues,
    ),
    renewableKw: numberOrNull(r.get("renewable_kw"), F.supply, r.line, "renewable_kw", issues),
    source: r.get("source_id"),
    confidence: r.get("confidence"),
    line: r.line,
  }));

  const demand: DemandEstimateRow[] = referenceTable(t.demand, F.demand).records.map((r) => {
    const y = /\b(19|20)\d{2}\b/.exec(r.get("year_or_horizon"));
    return {
      area: r.get("area"),
      scope: r.get("scope"),
      year: y ? Number(y[0]) : null,
      horizon: r.get("year_or_horizon"),
      h2TonnesPerYearLow: numberOrNull(
        r.get("h2_t_per_year_low"),
        F.demand,
        r.line,
        "h2_t_per_year_low",
        issues,
      ),
      h2TonnesPerYearHigh: numberOrNull(
        r.get("h2_t_per_year_high"),
        F.demand,
        r.line,
        "h2_t_per_year_high",
        issues,
      ),
      isSupply: /supply/i.test(r.get("scope")) && /not demand/i.test(r.get("scope")),
      source: r.get("source_id"),
      confidence: r.get("confidence"),
      line: r.line,
    };
  });

  const grid = new Map<string, GridFactor>();
  let best = -1;
  for (const r of referenceTable(t.gridCalifornia, F.gridCalifornia).records) {
    if (r.get("supplier_or_area") !== "California average grid (CARB LCFS pathway)") continue;
    const year = Number(r.get("year"));
    const v = numberOrNull(r.get("kg_co2e_per_kwh"), F.gridCalifornia, r.line, "kg_co2e_per_kwh", issues);
    if (v === null || !(year > best)) continue;
    best = year;
    grid.set("USLAX", {
      port: "USLAX",
      kgCo2PerKwh: v,
      label: `${r.get("supplier_or_area")} ${year}`,
      source: r.get("source_id"),
      confidence: r.get("confidence"),
      file: F.gridCalifornia,
      line: r.line,
    });
  }
  best = -1;
  for (const r of referenceTable(t.gridJapan, F.gridJapan).records) {
    if (r.get("supplier") !== "Chubu Electric Power" || r.get("basis") !== "before credits") continue;
    const year = Number(r.get("fiscal_year"));
    const v = numberOrNull(r.get("kg_co2_per_kwh"), F.gridJapan, r.line, "kg_co2_per_kwh", issues);
    if (v === null || !(year > best)) continue;
    best = year;
    grid.set("JPNGO", {
      port: "JPNGO",
      kgCo2PerKwh: v,
      label: `Chubu Electric Power FY${year} (before credits)`,
      source: r.get("source_id"),
      confidence: "A",
      file: F.gridJapan,
      line: r.line,
    });
  }

  const assumptions: AssumptionRow[] = [];
  for (const r of referenceTable(t.assumptions, F.assumptions).records) {
    const v = numberOrNull(r.get("value"), F.assumptions, r.line, "value", issues);
    if (v === null) continue;
    assumptions.push({
      port: r.get("port"),
      parameter: r.get("parameter"),
      value: v,
      unit: r.get("unit"),
      currency: r.get("currency"),
      priceYear: r.get("price_year") === "" ? null : Number(r.get("price_year")),
      source: r.get("source"),
      confidence: r.get("confidence"),
      line: r.line,
    });
  }
  return { constants, supply, demand, grid, assumptions, issues };
}

/** An assumption for a port (its own row first, else the `all` row); throws if neither exists. */
export function assumption(tables: HydrogenTables, port: string, parameter: string): AssumptionRow {
  const row =
    tables.assumptions.find((a) => a.port === port && a.parameter === parameter) ??
    tables.assumptions.find((a) => a.port === "all" && a.parameter === parameter);
  if (!row) throw new Error(`${HYDROGEN_TABLE_FILES.assumptions}: no ${parameter} for ${port} or all`);
  return row;
}

/** The PV system from the assumptions table. */
export function pvSystemFromTables(tables: HydrogenTables, port: string): PvSystem {
  const a = (p: string) => assumption(tables, port, p).value;
  return {
    tiltDeg: a("pv_tilt_deg"),
    azimuthDeg: a("pv_azimuth_deg_from_south"),
    albedo: a("pv_albedo"),
    tempCoeffPerC: a("pv_temp_coeff_per_c"),
    noctC: a("pv_noct_c"),
    systemLossFraction: a("pv_system_loss_fraction"),
    inverterEfficiency: a("pv_inverter_efficiency"),
    defaultTempAirC: a("pv_default_temp_air_c"),
  };
}

/** Cost inputs for a port from the assumptions table (currency and price year from its rows). */
export function costInputsFromTables(tables: HydrogenTables, port: string): CostInputs {
  const a = (p: string) => assumption(tables, port, p);
  const pv = a("pv_capex_per_kwp");
  return {
    currency: pv.currency,
    priceYear: pv.priceYear ?? Number.NaN,
    pvCapexPerKwp: pv.value,
    electrolyserCapexPerKw: a("electrolyser_capex_per_kw").value,
    storageCapexPerKg: a("storage_capex_per_kg").value,
    otherCapex: a("other_capex").value,
    opexFractionPerYear: a("opex_fraction_per_year").value,
    discountRate: a("discount_rate").value,
    lifetimeYears: a("lifetime_years").value,
    gridPricePerKwh: a("grid_price_per_kwh").value,
  };
}

/**
 * Default station size: the Honda Smart Hydrogen Station (Oirase) row of the supply reference —
 * 1.5 kg/day, 19 kg storage, 30 kW PV (C, xtech-shs) — the only packaged solar station with all
 * three published; electrolyser kW from the assumptions (not published for either SHS or SHiPS).
 */
export function defaultStationFromTables(tables: HydrogenTables): {
  pvKwp: number;
  storageKg: number;
  demandKgPerDay: number;
  electrolyserKw: number;
  kwhPerKg: number;
  facility: string;
} {
  const row = tables.supply.find((r) => /Honda Smart Hydrogen Station \(Oirase\)/.test(r.facility));
  if (!row || row.renewableKw === null || row.storageKg === null || row.h2CapacityKgPerDay === null)
    throw new Error(`${HYDROGEN_TABLE_FILES.supply}: no complete Honda Smart Hydrogen Station (Oirase) row`);
  const kwhPerKg = tables.constants.get("electrolysis_specific_energy_fh2r");
  if (!kwhPerKg) throw new Error(`${HYDROGEN_TABLE_FILES.constants}: no electrolysis_specific_energy_fh2r`);
  return {
    facility: row.facility,
    pvKwp: row.renewableKw,
    storageKg: row.storageKg,
    demandKgPerDay: row.h2CapacityKgPerDay,
    electrolyserKw: assumption(tables, "all", "station_electrolyser_kw").value,
    kwhPerKg: kwhPerKg.value,
  };
}
