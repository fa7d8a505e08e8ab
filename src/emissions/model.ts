/**
 * Shapes every part of `emissions/` shares: pollutants, source categories, the traceable inventory
 * line each calculator emits, and the method version stored with every result (DESIGN.md: derived
 * results carry the methodology and reference-table versions that produced them).
 */

/** Bumped whenever a formula, a default or an option's default changes. */
export const EMISSIONS_METHOD_VERSION = "emissions-1.0.0";

/**
 * Pollutants of the inventory (METHOD.md §1.5, §1.7). `pm25` is PM2.5, `dpm` diesel particulate
 * matter, `co2e` CO2 + GWP_CH4 × CH4 + GWP_N2O × N2O with the chosen GWP set.
 */
export const POLLUTANTS = [
  "nox",
  "pm10",
  "pm25",
  "dpm",
  "so2",
  "co",
  "hc",
  "co2",
  "ch4",
  "n2o",
  "co2e",
] as const;
export type Pollutant = (typeof POLLUTANTS)[number];
export type PollutantGrams = Record<Pollutant, number>;

/** How pollutants are written for people (tables, CSV files). */
export const POLLUTANT_LABELS: Record<Pollutant, string> = {
  nox: "NOx",
  pm10: "PM10",
  pm25: "PM2.5",
  dpm: "DPM",
  so2: "SO2",
  co: "CO",
  hc: "HC",
  co2: "CO2",
  ch4: "CH4",
  n2o: "N2O",
  co2e: "CO2e",
};

export function zeroPollutants(): PollutantGrams {
  return { nox: 0, pm10: 0, pm25: 0, dpm: 0, so2: 0, co: 0, hc: 0, co2: 0, ch4: 0, n2o: 0, co2e: 0 };
}

/** Adds b into a (in place) and returns a. */
export function addPollutants(a: PollutantGrams, b: Partial<PollutantGrams>, scale = 1): PollutantGrams {
  for (const p of POLLUTANTS) {
    const v = b[p];
    if (v !== undefined) a[p] += v * scale;
  }
  return a;
}

/** Port source categories (EPA Ports Emissions Inventory Guidance; METHOD.md §2). */
export const SOURCE_CATEGORIES = ["ogv", "harbor_craft", "che", "drayage", "rail"] as const;
export type SourceCategory = (typeof SOURCE_CATEGORIES)[number];

/**
 * Where an emission happens. `tailpipe` is the inventory proper (direct, at the source); `grid` is
 * electricity drawn instead (shore power, battery equipment: kWh × the grid factor, scope-2 style);
 * `upstream` is fuel production (hydrogen, well-to-tank diesel) — reported separately, never added
 * to the tailpipe totals.
 */
export const EMISSION_SCOPES = ["tailpipe", "grid", "upstream"] as const;
export type EmissionScope = (typeof EMISSION_SCOPES)[number];

/** 100-year global warming potential sets (data/reference/emissions/gwp.csv). */
export const GWP_SETS = ["AR4", "AR5", "AR6"] as const;
export type GwpSet = (typeof GWP_SETS)[number];

/**
 * A trace text independent of the reader's language: a code of trace-text.ts's tables and its
 * parameters (plain values, or texts themselves). Example: { code: "what.ogvAux", params: { engine:
 * "MSD", mode: { code: "epaMode.Berth" } } } reads "aux engine MSD, Berth" / "補機 MSD、係留（着岸）中".
 */
export interface TraceText {
  code: string;
  params?: Record<string, TraceValue>;
}
export type TraceValue = string | number | TraceText;

/** A multiplier of a trace step. `name` is `text (detail)` rendered in English. */
export interface TraceAdjustment {
  name: string;
  value: number;
  /** The name's short form, e.g. LLAF nox. */
  text: TraceText;
  /** Where the value comes from or how it is made (a citation, or a text). */
  detail?: TraceValue;
}

/**
 * One step of a computation, enough to redo it by hand:
 * grams = activity × factor × Π adjustments.
 * The English strings (`what`, `activityUnit`, `factorUnit`, adjustment names) are kept for API
 * readers; `whatText`, `activityUnitText`, `factorUnitText` and each adjustment's `text` / `detail`
 * are the same words in a form the portal and the CLI render in the reader's language.
 */
export interface TraceStep {
  /** What is emitting, e.g. "main engine SSD, Transit", "yard tractor (diesel) YT-014". */
  what: string;
  whatText: TraceText;
  pollutant: Pollutant;
  activity: number;
  /** Unit of the activity, e.g. "kWh", "bhp-hr", "gal", "mi", "h". */
  activityUnit: string;
  /** Present when the unit has words to translate. */
  activityUnitText?: TraceText;
  factor: number;
  /** Unit of the factor, e.g. "g/kWh". */
  factorUnit: string;
  factorUnitText?: TraceText;
  adjustments: TraceAdjustment[];
  grams: number;
  /** Where the factor comes from: table file and row, or a user-supplied factor with its source. */
  source: string;
  /** Present when the source has words of its own besides citations. */
  sourceText?: TraceText;
}

/**
 * One emitting source's contribution for one month: what the inventory stores per source and
 * aggregates. `sourceId` is stable (a call id, an equipment unit id, a truck group key) so that
 * recomputation replaces, never adds.
 */
export interface InventoryLine {
  port: string;
  category: SourceCategory;
  scope: EmissionScope;
  /**
   * Calendar year and month (1–12) in the port's time zone. The inventory maps them to the port's
   * reporting year (calendar year for Los Angeles, April–March fiscal year for Nagoya).
   */
  year: number;
  month: number;
  terminal: string | null;
  sourceId: string;
  /** Short label for people (vessel name, equipment type). */
  label: string;
  /** Main activity measure and its unit (kWh for engines, miles for trucks, gal for rail). */
  activity: number;
  activityUnit: string;
  grams: PollutantGrams;
  /** Kept for drill-down; may be omitted for bulk lines (recomputable on demand). */
  trace?: TraceStep[];
}

// Mass conversions (tonnes, US short tons) are in src/core/units.ts.
