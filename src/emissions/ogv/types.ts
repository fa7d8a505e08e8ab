/**
 * Vocabulary of the ocean-going-vessel (OGV) calculator: components, fuels, locations, tiers and the
 * parsed reference tables (METHOD.md §1, §3). The words are those of EPA's ShipEF package and of
 * the tables in data/reference/emissions/, so that a row can be quoted as it is.
 */
import type { EngineType } from "../../vessels/index.ts";
import type { GwpSet } from "../model.ts";

export const COMPONENTS = ["main", "aux", "boiler"] as const;
/** Engine group: propulsion (main), auxiliary generators (aux), boilers. */
export type Component = (typeof COMPONENTS)[number];

/** Engine type of a factor row: the propulsion / auxiliary engine types, plus "Boiler". */
export type EfEngine = EngineType | "Boiler";

export const MAIN_ENGINES = ["SSD", "MSD", "MSD-ED", "ST", "GT", "GT-ED", "LNG"] as const;
export const AUX_ENGINES = ["MSD", "HSD", "LNG"] as const;

/** Fuel names as in the EPA tables. */
export const FUELS = ["MGO/MDO", "RM/HFO", "LNG"] as const;
export type Fuel = (typeof FUELS)[number];

export const OGV_LOCATIONS = ["ECA", "OutsideECA", "GreatLakes"] as const;
/** Where the vessel is, for the fuel it burns (ShipEF location). */
export type OgvLocation = (typeof OGV_LOCATIONS)[number];

export const IMO_TIERS = [0, 1, 2, 3] as const;
/** IMO NOx Tier (MARPOL Annex VI Regulation 13); 0 = before Tier I. */
export type ImoTier = (typeof IMO_TIERS)[number];

/** EPA operating modes of the auxiliary and boiler load tables (METHOD.md §1.3, §1.4). */
export const EPA_MODES = ["Transit", "Maneuvering", "Berth", "Anchorage"] as const;
export type EpaMode = (typeof EPA_MODES)[number];

export const AUX_LOAD_METHODS = ["imo3", "starcrest2016"] as const;
/** Which default auxiliary / boiler load table: Third IMO GHG Study or Starcrest POLA 2016. */
export type AuxLoadMethod = (typeof AUX_LOAD_METHODS)[number];

/** LNG engine types of the Fourth IMO GHG Study (imo4_methane_slip.csv, imo4_sfc_base.csv). */
export const LNG_ENGINE_TYPES = ["LNG-Otto MS", "LNG-Otto SS", "LNG-Diesel", "LBSI"] as const;
export type LngEngineType = (typeof LNG_ENGINE_TYPES)[number];

/** Pollutants that have an emission factor (CO2e is derived from CO2, CH4 and N2O). */
export const EF_POLLUTANTS = ["nox", "hc", "co", "pm10", "pm25", "dpm", "so2", "co2", "ch4", "n2o"] as const;
export type EfPollutant = (typeof EF_POLLUTANTS)[number];
export type EfRecord = Record<EfPollutant, number>;

/** A value with the table row it came from, written "file: row". */
export interface Sourced<T> {
  value: T;
  source: string;
}

export interface LlafCoefficients {
  a: number;
  /** Exponent; null for SO2, whose equation has another form. */
  x: number | null;
  b: number;
}

/** Multipliers of one row of ogv_llaf_table.csv (pm applies to PM10, PM2.5 and DPM). */
export interface LlafTableRow {
  loadPct: number;
  nox: number;
  hc: number;
  co: number;
  pm: number;
  so2: number;
  co2: number;
  n2o: number;
  ch4: number;
  source: string;
}

export type SizeUnits = "Deadweight" | "TEU" | "Gross_Tonnage" | "Number_of_Passengers";

export interface LoadRow {
  shipType: string;
  subType: string;
  /** The row holds sizeMin < size ≤ sizeMax (the first row of a ship type also holds 0). */
  sizeMin: number;
  sizeMax: number;
  sizeUnits: SizeUnits;
  auxKw: Record<EpaMode, number>;
  boilerKw: Record<EpaMode, number>;
  source: string;
}

export interface LoadTable {
  file: string;
  bySubType: Map<string, LoadRow>;
  /** Rows of each ship type, ordered by sizeMin. */
  byShipType: Map<string, LoadRow[]>;
}

export interface LoadShipTypeRow {
  method: AuxLoadMethod;
  /** Table C.3 ship type, or "*" for any unknown ship type. */
  shipType: string;
  loadShipType: string;
  fallbackSubType: string;
  confidence: string;
  reasoning: string;
  source: string;
}

export interface SizeClass {
  metric: "TEU" | "DWT" | "GT" | "NONE";
  min: number | null;
  max: number | null;
}

export interface Imo4SfcRow {
  component: string;
  engineType: string;
  fuel: string;
  buildYearFrom: number;
  buildYearTo: number;
  sfcBaseGPerKwh: number;
  pilotFuelMdoGPerKwh: number;
  source: string;
}

export interface FuelProperties {
  fuel: string;
  lcvMjPerKg: number;
  cfCo2: number;
  cfCh4: number;
  cfN2o: number;
  source: string;
}

import type { GwpValues } from "../gwp.ts";

export type { GwpValues };

/**
 * Every table the calculator reads, parsed, validated and indexed so that a segment never scans an
 * array. Keys are written with `key(...)` below.
 */
export interface OgvTables {
  /** component|engine|fuel|Tier N → NOx g/kWh. */
  nox: Map<string, Sourced<number>>;
  /** component|engine → HC and CO g/kWh. */
  hcCo: Map<string, { hc: number; co: number; source: string }>;
  /** component|engine|fuel → baseline BSFC g/kWh. */
  bsfc: Map<string, Sourced<number>>;
  /** component|location|engine → the fuel with share 1. */
  fuelByLocation: Map<string, Sourced<Fuel>>;
  /** fuel → PM10 equation coefficients (diesel engines and boilers). */
  pmSulfur: Map<Fuel, { pmNomGPerKwh: number; fscPct: number; mwr: number; source: string }>;
  /** engine|fuel → fixed PM10 g/kWh (ST, GT, GT-ED, LNG). */
  pm10Fixed: Map<string, Sourced<number>>;
  /** fuel → g CO2 per g fuel (EPA). */
  co2Cf: Map<Fuel, Sourced<number>>;
  /** component|engine|fuel → CH4 and N2O g/kWh; null for LNG (derived from the IMO tables). */
  ch4N2o: Map<string, { ch4: number | null; n2o: number | null; source: string }>;
  /** fuel → default sulfur % by mass (no LNG row). */
  sulfurPct: Map<Fuel, Sourced<number>>;
  /** nox, hc, co, pm10, pm2.5, so2, co2 → a, x, b. */
  llafCoefficients: Map<string, LlafCoefficients>;
  /** Index = load in % (2–20); other slots undefined. */
  llafTable: (LlafTableRow | undefined)[];
  loads: Record<AuxLoadMethod, LoadTable>;
  /** method|shipType → load-table ship type and fallback row. */
  loadShipTypes: Map<string, LoadShipTypeRow>;
  /** shipType|subType (Table C.3 vocabulary) → size class (ogv_size_classes.csv). */
  sizeClasses: Map<string, SizeClass>;
  gwp: Map<GwpSet, GwpValues>;
  /** component|engine|fuel (IMO names: HFO, MDO, LNG) → rows by build year. */
  imo4Sfc: Map<string, Imo4SfcRow[]>;
  methaneSlip: Map<string, Sourced<number>>;
  /** Fuel name of fuel_properties_imo.csv → properties. */
  fuelProperties: Map<string, FuelProperties>;
  /** The files read, with their SHA-256, for the result's provenance. */
  files: { file: string; sha256: string }[];
}

/** Map key from parts. */
export const key = (...parts: (string | number)[]): string => parts.join("|");
