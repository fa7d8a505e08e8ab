/**
 * Activity records of the non-ship source categories as the CSV parsers produce them and the store
 * keeps them, and the result of the calculators. Quantities carry their unit in their name; a value
 * is null when the input did not give it (never a silent default).
 *
 * Months are calendar months in the port's own time zone (America/Los_Angeles, Asia/Tokyo), as the
 * port's records are kept; `month: null` means the row covers the whole calendar year.
 */
import type { EmissionScope, InventoryLine, Pollutant, SourceCategory } from "../model.ts";

/** The five input kinds, named as on the command line (`emissions import che|…`). */
export const ACTIVITY_KINDS = ["che", "harbor-craft", "drayage", "rail", "factors"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Where a record came from: file and 1-based line (header = line 1). */
export interface RecordRef {
  file: string;
  line: number;
}

/** A rejected input row: one entry per bad field (a row with two bad fields gives two entries). */
export interface ActivityReject {
  file: string;
  line: number;
  field: string;
  reason: string;
  /** The raw line (shortened to 500 characters). */
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Cargo-handling equipment

export const CHE_POWERTRAINS = ["diesel", "hybrid", "lpg", "cng", "battery_electric", "fuel_cell"] as const;
export type ChePowertrain = (typeof CHE_POWERTRAINS)[number];

/** One unit's use in one month (or one year when `month` is null). */
export interface CheRecord {
  unitId: string;
  /** Terminal feature id of data/ports/<port>.geojson, or null for port-wide equipment. */
  terminal: string | null;
  /** Canonical equipment type id (see CHE_EQUIPMENT_TYPES in vocab.ts), e.g. "yard_tractor". */
  equipmentType: string;
  powertrain: ChePowertrain;
  /** Rated engine (or motor) power as given: one of the two, the other null. */
  ratedHp: number | null;
  ratedKw: number | null;
  modelYear: number | null;
  year: number;
  month: number | null;
  hours: number | null;
  /** Metered electricity drawn (battery charging or cable), kWh. */
  energyKwh: number | null;
  /** Metered hydrogen dispensed, kg. */
  hydrogenKg: number | null;
  /** Metered diesel, as given: litres or US gallons (one of the two). */
  fuelL: number | null;
  fuelGal: number | null;
  /** Hour-meter reading at the start of the calendar year. */
  cumulativeHoursStart: number | null;
  /** Load-factor override (fraction of rated power) and where it comes from. */
  loadFactor: number | null;
  loadFactorSource: string | null;
  /** Hydrogen production pathway (hydrogen_carbon_intensity.csv row or alias). */
  hydrogenPathway: string | null;
  /** Set when the port's equipment registry holds the unit (registry.ts `withRegistry`). */
  registry?: { mismatches: { field: "equipmentType" | "powertrain"; registry: string }[] };
  ref?: RecordRef;
}

// ---------------------------------------------------------------------------------------------
// Harbour craft

export const HARBOR_CRAFT_TYPES = [
  "assist_tug",
  "escort_tug",
  "pilot_boat",
  "ferry",
  "crew_boat",
  "work_boat",
] as const;
export type HarborCraftType = (typeof HARBOR_CRAFT_TYPES)[number];
export type EngineUse = "propulsion" | "auxiliary";

/** One engine group (same use, size and tier) of one vessel in one month (or year). */
export interface HarborCraftRecord {
  vesselId: string;
  vesselName: string | null;
  vesselType: HarborCraftType;
  engineUse: EngineUse;
  /** Engine (group) id within the vessel; defaults to the engine use. */
  engineId: string;
  engineCount: number;
  /** Rated power of each engine as given: one of the two. */
  engineKw: number | null;
  engineHp: number | null;
  modelYear: number | null;
  /** Tier as a normalised token ("2", "3", "4", "imoii"), or null. */
  tier: string | null;
  year: number;
  month: number | null;
  /** Operating hours of each engine in the period. */
  hours: number;
  ref?: RecordRef;
}

// ---------------------------------------------------------------------------------------------
// Drayage trucks

export const DRAYAGE_POWERTRAINS = ["diesel", "natural_gas", "battery_electric", "fuel_cell"] as const;
export type DrayagePowertrain = (typeof DRAYAGE_POWERTRAINS)[number];

/** Gate visits of one truck group (powertrain, model-year group) at one terminal in one month. */
/**
 * Truck idling of a terminal-month measured at the gate (operations: mean turn time of the timed
 * visits), which the drayage lines take in place of the imported idle minutes per visit.
 */
export interface MeasuredDrayageIdle {
  terminal: string;
  year: number;
  month: number;
  timedVisits: number;
  idleMinPerVisit: number;
}

export interface DrayageRecord {
  terminal: string;
  year: number;
  month: number;
  powertrain: DrayagePowertrain;
  /** Normalised model-year group ("2010-2013", "2021+", "pre-2007"), or null. */
  modelYearGroup: string | null;
  gateVisits: number;
  /** One-way distance inside the inventory boundary, as given (one of the two). */
  oneWayMi: number | null;
  oneWayKm: number | null;
  /** Idling per visit (gate queue + in terminal), minutes. */
  idleMinPerVisit: number;
  /** Set when idleMinPerVisit is the terminal-month's measured mean turn time (`withMeasuredIdle`). */
  idleMeasured?: { timedVisits: number; assumedMinPerVisit: number };
  /** Engine starts per visit inside the boundary; null = not given (no starts counted). */
  startsPerVisit: number | null;
  /** Energy per mile of zero-emission trucks (user input) and its source. */
  kwhPerMi: number | null;
  h2KgPerMi: number | null;
  energySource: string | null;
  hydrogenPathway: string | null;
  ref?: RecordRef;
}

// ---------------------------------------------------------------------------------------------
// Rail

export const RAIL_SERVICES = ["line-haul", "switch"] as const;
export type RailService = (typeof RAIL_SERVICES)[number];

/** Locomotive activity of one service and tier in one month: fuel, or hours × rated power. */
export interface RailRecord {
  year: number;
  month: number;
  service: RailService;
  /** Tier as in locomotive_emission_factors.csv: "Uncontrolled", "Tier 0", "Tier 0+", … "Tier 4". */
  tier: string;
  /** Locomotive or group id (optional; rows with different ids are different sources). */
  locomotiveId: string | null;
  terminal: string | null;
  fuelGal: number | null;
  fuelL: number | null;
  /** Locomotive-hours in the period and the rated power of each locomotive (as given: hp or kW). */
  hours: number | null;
  ratedHp: number | null;
  ratedKw: number | null;
  ref?: RecordRef;
}

// ---------------------------------------------------------------------------------------------
// User factors

export const USER_FACTOR_CATEGORIES = ["che", "harbor_craft", "drayage"] as const;
export type UserFactorCategory = (typeof USER_FACTOR_CATEGORIES)[number];

/** Canonical units of user factors. g/km is converted to g/mi and g/kWh kept; see vocab.ts. */
export const USER_FACTOR_UNITS = ["g/mi", "g/km", "g/h", "g/start", "g/kWh", "g/bhp-hr"] as const;
export type UserFactorUnit = (typeof USER_FACTOR_UNITS)[number];

/** User factor pollutants: the inventory's pollutants except CO2e (always computed with a GWP set). */
export type FactorPollutant = Exclude<Pollutant, "co2e">;

/** One emission factor the user supplies (no sourced default exists), with its source. */
export interface UserFactorRecord {
  category: UserFactorCategory;
  /** The class the factor applies to, normalised (lower case, single spaces). */
  key: string;
  pollutant: FactorPollutant;
  value: number;
  unit: UserFactorUnit;
  source: string;
  ref?: RecordRef;
}

/** Everything the calculators read, per port. */
export interface NonshipActivity {
  che: CheRecord[];
  harborCraft: HarborCraftRecord[];
  drayage: DrayageRecord[];
  rail: RailRecord[];
  factors: UserFactorRecord[];
}

export function emptyActivity(): NonshipActivity {
  return { che: [], harborCraft: [], drayage: [], rail: [], factors: [] };
}

// ---------------------------------------------------------------------------------------------
// Results

export type NonshipWarningCode =
  | "missing_user_factor"
  | "missing_pollutant_factors"
  | "no_energy_reading"
  | "no_energy_rate"
  | "no_hydrogen_reading"
  | "no_hydrogen_pathway"
  | "unknown_hydrogen_pathway"
  | "no_emission_factor"
  | "no_rated_power"
  | "no_hours"
  | "no_useful_life"
  | "annual_and_monthly"
  | "unit_factor_mismatch"
  | "no_grid_factor"
  | "che_registry_powertrain"
  | "che_registry_type";

/** A problem with one activity row; `message` is English, `nonshipMessage(code, params, lang)` words it in any language. */
export interface NonshipWarning {
  code: NonshipWarningCode;
  category: SourceCategory;
  sourceId: string;
  ref: RecordRef | null;
  /** Values named in the message (key, pollutants, unit, …). */
  params: Record<string, string | number>;
  message: string;
}

/** Activity (or some of its pollutants) that no line covers, and why. */
export interface NotEstimated {
  category: SourceCategory;
  sourceId: string;
  scope: EmissionScope;
  year: number;
  /** Calendar months (port time) left out, ascending. */
  months: number[];
  /** "all" when nothing was estimated for this scope; else the pollutants left out. */
  pollutants: FactorPollutant[] | "all";
  reason: NonshipWarningCode;
  ref: RecordRef | null;
}

export type NonshipNoteCode =
  | "che_ch4_n2o_not_estimated"
  | "rail_ch4_n2o_so2_not_estimated"
  | "ulsd_assumed"
  | "che_age_start_of_year"
  | "hybrid_as_diesel"
  | "grid_upstream_ghg_only"
  | "wtw_diesel_only"
  | "drayage_round_trip"
  | "drayage_starts_given_only"
  | "drayage_idle_measured"
  | "che_registry"
  | "harbor_craft_regulatory_load_factors"
  | "user_factors_ch4_n2o_optional";

export interface NonshipNote {
  code: NonshipNoteCode;
  params: Record<string, string | number>;
  message: string;
}

/** Per category: activity records read, lines written, source-months not (fully) estimated. */
export interface NonshipCoverage {
  records: number;
  sources: number;
  lines: number;
  notEstimatedSourceMonths: number;
}

export interface NonshipResult {
  lines: InventoryLine[];
  coverage: Record<"che" | "harbor_craft" | "drayage" | "rail", NonshipCoverage>;
  warnings: NonshipWarning[];
  notEstimated: NotEstimated[];
  /** Assumptions that hold for the whole result (English; `formatNonshipNote` gives Japanese). */
  notes: NonshipNote[];
}
