/**
 * Vessel particulars for the emissions engine: the record, a streaming parser for a particulars
 * CSV, engine type from propulsion / stroke / rpm, and defaults by ship type and size class from
 * EPA's default engine characteristics (Ports Emissions Inventory Guidance 2022, Table C.3, as copied
 * in data/reference/emissions/). Pure: the tables come in as text or rows (see particulars-io.ts).
 */

import { referenceTable, splitCsvLine } from "../core/csv.ts";
import { parseImoNumber } from "../core/ids.ts";

export const ENGINE_TYPES = ["SSD", "MSD", "HSD", "ST", "GT", "MSD-ED", "GT-ED", "LNG"] as const;
export type EngineType = (typeof ENGINE_TYPES)[number];

/** One value that came from a default table (or a documented derivation), for traceability. */
export interface DefaultedField {
  field: keyof Omit<VesselParticulars, "defaulted" | "imo">;
  value: string | number | boolean;
  /** The table and row (or rule) it came from. */
  source: string;
}

export interface VesselParticulars {
  imo: number;
  name: string | null;
  /** Ship type in the vocabulary of ogv_default_engine_characteristics.csv (e.g. "Container Ship"). */
  shipType: string | null;
  /** Size class in that table's vocabulary (e.g. "8,000 TEU", "Capesize"). */
  subType: string | null;
  dwt: number | null;
  teu: number | null;
  grossTonnage: number | null;
  buildYear: number | null;
  /** Installed propulsion power (MCR of all propulsion engines). */
  mainEngineKw: number | null;
  engineType: EngineType | null;
  engineStroke: 2 | 4 | null;
  engineRpm: number | null;
  serviceSpeedKn: number | null;
  maxSpeedKn: number | null;
  maxDraftM: number | null;
  /** Installed auxiliary power; not defaulted (per-mode auxiliary loads come from the IMO3 table). */
  auxKw: number | null;
  shorePower: boolean | null;
  /** Length overall and beam: used to pick a size class when no tonnage is known (coarse). */
  lengthM: number | null;
  beamM: number | null;
  defaulted: DefaultedField[];
}

// ---------------------------------------------------------------------------------------------
// Reference tables (rows parsed from data/reference/emissions/*.csv)

export interface DefaultEngineRow {
  shipType: string;
  subType: string;
  engineCategory: number;
  engineType: EngineType;
  installedPropulsionKw: number;
  maxSpeedKn: number;
  maxDraftM: number;
}

export type SizeMetric = "TEU" | "DWT" | "GT" | "NONE";

export interface SizeClassRow {
  shipType: string;
  subType: string;
  sizeMetric: SizeMetric;
  /** Class holds sizeMin < size ≤ sizeMax (the first class also holds 0). */
  sizeMin: number | null;
  sizeMax: number | null;
  confidence: string;
}

export interface DimensionClassRow {
  shipType: string;
  subType: string;
  lengthMaxM: number | null;
  beamMaxM: number | null;
  confidence: string;
}

export interface AisShipTypeRow {
  aisTypeMin: number;
  aisTypeMax: number;
  shipType: string;
  confidence: string;
}

export interface DefaultEngineTable {
  engines: DefaultEngineRow[];
  sizeClasses: SizeClassRow[];
  dimensionClasses: DimensionClassRow[];
  transitSpeedRatios: Map<string, number>;
  aisShipTypes: AisShipTypeRow[];
}

/** File names of the tables in data/reference/emissions/. */
export const DEFAULT_TABLE_FILES = {
  engines: "ogv_default_engine_characteristics.csv",
  sizeClasses: "ogv_size_classes.csv",
  dimensionClasses: "ogv_size_classes_by_dimensions.csv",
  transitSpeedRatios: "ogv_transit_speed_ratio.csv",
  aisShipTypes: "ais_ship_type_to_ogv.csv",
} as const;

export type DefaultTableTexts = Record<keyof typeof DEFAULT_TABLE_FILES, string>;

/** A reference CSV as header-keyed records; throws on a malformed table (it ships with us). */
function csvRecords(text: string, file: string): Record<string, string>[] {
  const { columns, records } = referenceTable(text, file);
  return records.map((r) => Object.fromEntries(columns.map((c) => [c, r.get(c)])));
}

function tableNumber(text: string | undefined, file: string, column: string): number | null {
  if (text === undefined || text === "") return null;
  if (text === "inf") return Number.POSITIVE_INFINITY;
  const v = Number(text);
  if (!Number.isFinite(v)) throw new Error(`${file}: column ${column} holds "${text}", not a number`);
  return v;
}

function required(v: number | null, file: string, column: string): number {
  if (v === null) throw new Error(`${file}: column ${column} is empty`);
  return v;
}

/** Parses the reference tables (text of each file) into a lookup table. */
export function parseDefaultEngineTable(texts: DefaultTableTexts): DefaultEngineTable {
  const f = DEFAULT_TABLE_FILES;
  const engines = csvRecords(texts.engines, f.engines).map((r): DefaultEngineRow => {
    const engineType = r["engine_type"] as EngineType;
    if (!ENGINE_TYPES.includes(engineType)) throw new Error(`${f.engines}: engine type "${engineType}"`);
    return {
      shipType: r["ship_type"] ?? "",
      subType: r["sub_type"] ?? "",
      engineCategory: required(
        tableNumber(r["engine_category"], f.engines, "engine_category"),
        f.engines,
        "c",
      ),
      engineType,
      installedPropulsionKw: required(
        tableNumber(r["installed_propulsion_power_kw"], f.engines, "installed_propulsion_power_kw"),
        f.engines,
        "installed_propulsion_power_kw",
      ),
      maxSpeedKn: required(
        tableNumber(r["max_speed_kn"], f.engines, "max_speed_kn"),
        f.engines,
        "max_speed_kn",
      ),
      maxDraftM: required(tableNumber(r["max_draft_m"], f.engines, "max_draft_m"), f.engines, "max_draft_m"),
    };
  });
  const sizeClasses = csvRecords(texts.sizeClasses, f.sizeClasses).map(
    (r): SizeClassRow => ({
      shipType: r["ship_type"] ?? "",
      subType: r["sub_type"] ?? "",
      sizeMetric: (r["size_metric"] ?? "NONE") as SizeMetric,
      sizeMin: tableNumber(r["size_min"], f.sizeClasses, "size_min"),
      sizeMax: tableNumber(r["size_max"], f.sizeClasses, "size_max"),
      confidence: r["confidence"] ?? "",
    }),
  );
  const dimensionClasses = csvRecords(texts.dimensionClasses, f.dimensionClasses).map(
    (r): DimensionClassRow => ({
      shipType: r["ship_type"] ?? "",
      subType: r["sub_type"] ?? "",
      lengthMaxM: tableNumber(r["length_max_m"], f.dimensionClasses, "length_max_m"),
      beamMaxM: tableNumber(r["beam_max_m"], f.dimensionClasses, "beam_max_m"),
      confidence: r["confidence"] ?? "",
    }),
  );
  const transitSpeedRatios = new Map<string, number>();
  for (const r of csvRecords(texts.transitSpeedRatios, f.transitSpeedRatios)) {
    const ratio = tableNumber(r["transit_speed_to_max_speed_ratio"], f.transitSpeedRatios, "ratio");
    if (ratio !== null) transitSpeedRatios.set(r["ship_type"] ?? "", ratio);
  }
  const aisShipTypes = csvRecords(texts.aisShipTypes, f.aisShipTypes).map(
    (r): AisShipTypeRow => ({
      aisTypeMin: required(tableNumber(r["ais_type_min"], f.aisShipTypes, "min"), f.aisShipTypes, "min"),
      aisTypeMax: required(tableNumber(r["ais_type_max"], f.aisShipTypes, "max"), f.aisShipTypes, "max"),
      shipType: r["ship_type"] ?? "",
      confidence: r["confidence"] ?? "",
    }),
  );
  for (const c of sizeClasses) {
    if (!engines.some((e) => e.shipType === c.shipType && e.subType === c.subType))
      throw new Error(`${f.sizeClasses}: ${c.shipType} / ${c.subType} is not in ${f.engines}`);
  }
  return { engines, sizeClasses, dimensionClasses, transitSpeedRatios, aisShipTypes };
}

// ---------------------------------------------------------------------------------------------
// Ship types

/**
 * Names people write for a ship type → the table's ship_type. Vehicle / car carriers have no row
 * in Table C.3; they are ro-ro ships by build, so they map to "RORO" (an assumption).
 */
const SHIP_TYPE_SYNONYMS: Record<string, string> = {
  "bulk carrier": "Bulk Carrier",
  bulk: "Bulk Carrier",
  bulker: "Bulk Carrier",
  "dry bulk": "Bulk Carrier",
  "ore carrier": "Bulk Carrier",
  "chemical tanker": "Chemical Tanker",
  "chemical/oil tanker": "Chemical Tanker",
  "chemical oil tanker": "Chemical Tanker",
  "container ship": "Container Ship",
  container: "Container Ship",
  containership: "Container Ship",
  "container vessel": "Container Ship",
  cruise: "Cruise",
  "cruise ship": "Cruise",
  "passenger cruise": "Cruise",
  "ferry/roll-on/passenger (c3)": "Ferry/Roll-on/Passenger (C3)",
  ferry: "Ferry/Roll-on/Passenger (C3)",
  "ro-pax": "Ferry/Roll-on/Passenger (C3)",
  ropax: "Ferry/Roll-on/Passenger (C3)",
  "passenger ferry": "Ferry/Roll-on/Passenger (C3)",
  "fishing (c3)": "Fishing (C3)",
  fishing: "Fishing (C3)",
  "general cargo": "General Cargo",
  "general cargo ship": "General Cargo",
  cargo: "General Cargo",
  "multi-purpose": "General Cargo",
  "liquified gas tanker": "Liquified Gas Tanker",
  "liquefied gas tanker": "Liquified Gas Tanker",
  "lng carrier": "Liquified Gas Tanker",
  "lng tanker": "Liquified Gas Tanker",
  "lpg carrier": "Liquified Gas Tanker",
  "lpg tanker": "Liquified Gas Tanker",
  "gas carrier": "Liquified Gas Tanker",
  "miscellaneous (c3)": "Miscellaneous (C3)",
  miscellaneous: "Miscellaneous (C3)",
  "offshore support/drillship": "Offshore Support/Drillship",
  offshore: "Offshore Support/Drillship",
  drillship: "Offshore Support/Drillship",
  "oil tanker": "Oil Tanker",
  "crude oil tanker": "Oil Tanker",
  "crude tanker": "Oil Tanker",
  "product tanker": "Oil Tanker",
  tanker: "Oil Tanker",
  "other tanker": "Other Tanker",
  reefer: "Reefer",
  "refrigerated cargo": "Reefer",
  roro: "RORO",
  "ro-ro": "RORO",
  "ro/ro": "RORO",
  "ro-ro cargo": "RORO",
  "vehicle carrier": "RORO",
  "car carrier": "RORO",
  "pure car carrier": "RORO",
  pctc: "RORO",
  pcc: "RORO",
  "yacht (c2/c3)": "Yacht (C2/C3)",
  yacht: "Yacht (C2/C3)",
};

/**
 * The table's ship_type for a name as written in a particulars file (case-insensitive, synonyms
 * accepted), or null. Example: `normalizeShipType("car carrier")` → "RORO";
 * `normalizeShipType("CONTAINER")` → "Container Ship".
 */
export function normalizeShipType(text: string): string | null {
  const key = text.trim().toLowerCase().replace(/\s+/g, " ");
  return SHIP_TYPE_SYNONYMS[key] ?? null;
}

/**
 * Table ship type for an AIS ship-type code (ITU-R M.1371-5 Table 53) from ais_ship_type_to_ogv.csv,
 * or null for codes that are not ocean-going vessels (tugs, pilot boats, SAR, …). Coarse: AIS "cargo"
 * (70–79) cannot be told apart into container / bulk / car carrier and maps to General Cargo.
 * Example: 71 → { shipType: "General Cargo", source: "ais_ship_type_to_ogv.csv: 70-79 (D)" }.
 */
export function shipTypeFromAis(
  table: DefaultEngineTable,
  aisShipType: number,
): { shipType: string; source: string } | null {
  const row = table.aisShipTypes.find((r) => aisShipType >= r.aisTypeMin && aisShipType <= r.aisTypeMax);
  if (!row || row.shipType === "") return null;
  return {
    shipType: row.shipType,
    source: `${DEFAULT_TABLE_FILES.aisShipTypes}: ${row.aisTypeMin}-${row.aisTypeMax} (${row.confidence})`,
  };
}

// ---------------------------------------------------------------------------------------------
// Size class

export interface SizeClassChoice {
  subType: string;
  source: string;
}

/**
 * The table's sub_type for a ship from its capacity: TEU for container ships, DWT for bulk carriers,
 * tankers and general cargo, GT for cruise, ferries and ro-ro (ogv_size_classes.csv, bins of the
 * Third IMO GHG Study as in EPA's ShipEF; a class holds min < size ≤ max, the top class everything
 * above). Without the capacity, falls back to length / beam (ogv_size_classes_by_dimensions.csv,
 * coarse, confidence D/C). Types with a single class need no size.
 * Examples: Container Ship, 14,000 TEU → "14,500 TEU" (12,000 < 14,000 ≤ 14,500);
 * Bulk Carrier, 180,000 DWT → "Capesize"; Bulk Carrier, 250,000 DWT → "Capesize Largest";
 * Cruise, 168,666 GT → "Largest"; Container Ship, no TEU, 366 m × 51 m → "14,500 TEU".
 */
export function chooseSizeClass(
  table: DefaultEngineTable,
  shipType: string,
  size: {
    teu?: number | null;
    dwt?: number | null;
    grossTonnage?: number | null;
    lengthM?: number | null;
    beamM?: number | null;
  },
): SizeClassChoice | null {
  const classes = table.sizeClasses.filter((c) => c.shipType === shipType);
  const first = classes[0];
  if (!first) return null;
  if (first.sizeMetric === "NONE") {
    return { subType: first.subType, source: `${DEFAULT_TABLE_FILES.sizeClasses}: ${shipType} single class` };
  }
  const metric = first.sizeMetric;
  const value = metric === "TEU" ? size.teu : metric === "DWT" ? size.dwt : size.grossTonnage;
  if (value !== null && value !== undefined) {
    for (const c of classes) {
      const lo = c.sizeMin ?? 0;
      const hi = c.sizeMax ?? Number.POSITIVE_INFINITY;
      if ((value > lo || (lo === 0 && value >= 0)) && value <= hi) {
        const range = hi === Number.POSITIVE_INFINITY ? `> ${lo}` : `${lo}-${hi}`;
        return {
          subType: c.subType,
          source: `${DEFAULT_TABLE_FILES.sizeClasses}: ${shipType} / ${c.subType} (${metric} ${value} in ${range}; ${c.confidence})`,
        };
      }
    }
  }
  const length = size.lengthM;
  if (length === null || length === undefined) return null;
  const beam = size.beamM;
  for (const d of table.dimensionClasses) {
    if (d.shipType !== shipType) continue;
    if (d.lengthMaxM !== null && length > d.lengthMaxM) continue;
    if (d.beamMaxM !== null && beam !== null && beam !== undefined && beam > d.beamMaxM) continue;
    const dims = beam !== null && beam !== undefined ? `${length} m x ${beam} m` : `${length} m`;
    return {
      subType: d.subType,
      source: `${DEFAULT_TABLE_FILES.dimensionClasses}: ${shipType} / ${d.subType} (${dims}, coarse; ${d.confidence})`,
    };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Engine type

/** SSD/MSD cut-off: ShipEF `calcEngineType` default `MSD_SSD_RPM_CutOff = 500` (METHOD.md §1.5). */
export const MSD_SSD_RPM_CUTOFF = 500;

/**
 * Main-engine type from propulsion description, stroke and rpm, in the order of EPA ShipEF
 * `calcEngineType` (METHOD.md §1.5; EPA Ports Emissions Inventory Guidance §3.3.2.2):
 * propulsion naming LNG / dual fuel → LNG (our addition: ShipEF takes LNG from fuel data);
 * "gas turbine" → GT; "steam" → ST; else 4-stroke → MSD, 2-stroke → SSD; else rpm > 500 → MSD,
 * rpm ≤ 500 → SSD; an electric drive turns MSD and GT into MSD-ED and GT-ED. Main engines are
 * never HSD (EPA's main-engine factor tables have no HSD), so a fast 4-stroke is MSD.
 * Examples: ("Oil Engine(s), Direct Drive", 2, 80) → "SSD"; (null, null, 720) → "MSD";
 * ("Oil Engine(s), Electric Drive", 4, 514) → "MSD-ED"; (null, null, null) → null.
 */
export function deriveEngineType(
  propulsion: string | null,
  engineStroke: 2 | 4 | null,
  engineRpm: number | null,
): EngineType | null {
  const p = propulsion?.toLowerCase() ?? "";
  const electric = /electric|\bel\b/.test(p);
  if (/sail|non-propelled/.test(p)) return null;
  if (/\blng\b|dual[\s-]?fuel|gas engine/.test(p)) return "LNG";
  let base: EngineType | null = null;
  if (/gas turbine|\bgt\b/.test(p)) base = "GT";
  else if (/steam/.test(p)) return "ST";
  else if (engineStroke === 4) base = "MSD";
  else if (engineStroke === 2) base = "SSD";
  else if (engineRpm !== null) base = engineRpm > MSD_SSD_RPM_CUTOFF ? "MSD" : "SSD";
  if (base === null) return null;
  if (electric && base === "MSD") return "MSD-ED";
  if (electric && base === "GT") return "GT-ED";
  return base;
}

/** Engine type written in a file: the codes themselves or a few spelled-out names. */
export function parseEngineType(text: string): EngineType | null {
  const t = text.trim().toUpperCase().replace(/_/g, "-");
  if ((ENGINE_TYPES as readonly string[]).includes(t)) return t as EngineType;
  const words: Record<string, EngineType> = {
    "SLOW SPEED DIESEL": "SSD",
    "SLOW-SPEED DIESEL": "SSD",
    "MEDIUM SPEED DIESEL": "MSD",
    "MEDIUM-SPEED DIESEL": "MSD",
    "HIGH SPEED DIESEL": "HSD",
    "HIGH-SPEED DIESEL": "HSD",
    "STEAM TURBINE": "ST",
    "GAS TURBINE": "GT",
    "DIESEL-ELECTRIC": "MSD-ED",
    "DIESEL ELECTRIC": "MSD-ED",
    "GAS TURBINE ELECTRIC": "GT-ED",
    "MSD ED": "MSD-ED",
    "GT ED": "GT-ED",
  };
  return words[t] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Defaults

/**
 * EPA's tool estimates maximum speed as service speed / 0.94 when only the service speed is known
 * (METHOD.md §1.2, ShipPowerModel).
 */
export const SERVICE_TO_MAX_SPEED = 0.94;

const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/**
 * Fills unknown fields from the default table and lists each filled value in `defaulted`:
 * subType from the size class (chooseSizeClass); engineType from propulsion / stroke / rpm
 * (deriveEngineType, done by the parser) else the table row; mainEngineKw, maxDraftM from the row;
 * maxSpeedKn = serviceSpeedKn / 0.94 when the service speed is known, else the row's max speed;
 * serviceSpeedKn = maxSpeedKn × transit-speed ratio of the ship type (ogv_transit_speed_ratio.csv,
 * EPA Table 3.12: the typical transit speed, used as the service speed). auxKw, shorePower,
 * buildYear and tonnages are never defaulted. Known values are never overwritten.
 * Example: Container Ship, 14,000 TEU, nothing else → subType "14,500 TEU", engineType "SSD",
 * mainEngineKw 65,000, maxSpeedKn 25.6, maxDraftM 15.2, serviceSpeedKn 25.6 × 0.74 = 18.9
 * (row Container Ship / 14,500 TEU of Table C.3).
 */
export function applyDefaults(p: VesselParticulars, table: DefaultEngineTable): VesselParticulars {
  const out: VesselParticulars = { ...p, defaulted: [...p.defaulted] };
  if (out.shipType === null) return out;
  const shipType = out.shipType;
  if (out.subType === null) {
    const choice = chooseSizeClass(table, shipType, out);
    if (choice) {
      out.subType = choice.subType;
      out.defaulted.push({ field: "subType", value: choice.subType, source: choice.source });
    }
  }
  const row =
    out.subType === null
      ? undefined
      : table.engines.find((e) => e.shipType === shipType && e.subType === out.subType);
  const rowSource = row
    ? `${DEFAULT_TABLE_FILES.engines}: ${row.shipType} / ${row.subType} (EPA 2022 Table C.3)`
    : "";
  if (row && out.engineType === null) {
    out.engineType = row.engineType;
    out.defaulted.push({ field: "engineType", value: row.engineType, source: rowSource });
  }
  if (row && out.mainEngineKw === null) {
    out.mainEngineKw = row.installedPropulsionKw;
    out.defaulted.push({ field: "mainEngineKw", value: row.installedPropulsionKw, source: rowSource });
  }
  if (out.maxSpeedKn === null && out.serviceSpeedKn !== null) {
    out.maxSpeedKn = round(out.serviceSpeedKn / SERVICE_TO_MAX_SPEED, 2);
    out.defaulted.push({
      field: "maxSpeedKn",
      value: out.maxSpeedKn,
      source: `serviceSpeedKn / ${SERVICE_TO_MAX_SPEED} (METHOD.md 1.2, EPA ShipPowerModel)`,
    });
  } else if (row && out.maxSpeedKn === null) {
    out.maxSpeedKn = row.maxSpeedKn;
    out.defaulted.push({ field: "maxSpeedKn", value: row.maxSpeedKn, source: rowSource });
  }
  if (row && out.maxDraftM === null) {
    out.maxDraftM = row.maxDraftM;
    out.defaulted.push({ field: "maxDraftM", value: row.maxDraftM, source: rowSource });
  }
  const ratio = table.transitSpeedRatios.get(shipType);
  if (out.serviceSpeedKn === null && out.maxSpeedKn !== null && ratio !== undefined) {
    out.serviceSpeedKn = round(out.maxSpeedKn * ratio, 1);
    out.defaulted.push({
      field: "serviceSpeedKn",
      value: out.serviceSpeedKn,
      source: `maxSpeedKn x ${ratio} (${DEFAULT_TABLE_FILES.transitSpeedRatios}: ${shipType}, EPA 2022 Table 3.12)`,
    });
  }
  return out;
}

/** An empty record for an IMO number: every other field unknown. */
export function emptyParticulars(imo: number): VesselParticulars {
  return {
    imo,
    name: null,
    shipType: null,
    subType: null,
    dwt: null,
    teu: null,
    grossTonnage: null,
    buildYear: null,
    mainEngineKw: null,
    engineType: null,
    engineStroke: null,
    engineRpm: null,
    serviceSpeedKn: null,
    maxSpeedKn: null,
    maxDraftM: null,
    auxKw: null,
    shorePower: null,
    lengthM: null,
    beamM: null,
    defaulted: [],
  };
}

/**
 * Particulars of a vessel known only from AIS static data (type 5): ship type from the AIS code,
 * size class from length / beam, then the table defaults. Coarse — see shipTypeFromAis.
 * Example: IMO 9321483, AIS type 71, 366 m × 51 m → shipType "General Cargo" (AIS 70-79),
 * subType "Largest", mainEngineKw 14,900 (General Cargo / Largest), all of them in `defaulted`.
 */
export function particularsFromAis(
  table: DefaultEngineTable,
  vessel: {
    imo: number;
    name?: string | null;
    aisShipType: number | null;
    lengthM?: number | null;
    beamM?: number | null;
  },
): VesselParticulars {
  const p = emptyParticulars(vessel.imo);
  p.name = vessel.name ?? null;
  p.lengthM = vessel.lengthM ?? null;
  p.beamM = vessel.beamM ?? null;
  const t = vessel.aisShipType === null ? null : shipTypeFromAis(table, vessel.aisShipType);
  if (t) {
    p.shipType = t.shipType;
    p.defaulted.push({ field: "shipType", value: t.shipType, source: t.source });
  }
  return applyDefaults(p, table);
}

// ---------------------------------------------------------------------------------------------
// Particulars CSV

/**
 * Accepted header (case-insensitive; spaces, hyphens and brackets count as "_", so "Main Engine (kW)"
 * is main_engine_kw). Only an IMO column is required; unknown columns are listed and ignored.
 * Plausible ranges (inclusive) bound the largest ships afloat with a margin.
 */
export const PARTICULARS_COLUMNS = {
  imo: ["imo", "imo_number", "imo_no", "imo_num", "imo_nr"],
  name: ["name", "ship_name", "vessel_name", "shipname"],
  shipType: ["ship_type", "vessel_type", "type"],
  subType: ["sub_type", "subtype", "size_class"],
  dwt: ["dwt", "deadweight", "deadweight_t", "dwt_t"],
  teu: ["teu", "teu_capacity", "capacity_teu"],
  grossTonnage: ["gross_tonnage", "gt", "grt", "gross_tonnage_gt"],
  buildYear: ["build_year", "year_built", "built", "year_of_build", "keel_laid_year"],
  mainEngineKw: [
    "main_engine_kw",
    "me_kw",
    "installed_kw",
    "propulsion_kw",
    "main_engine_power_kw",
    "mcr_kw",
  ],
  engineType: ["engine_type", "main_engine_type", "me_type"],
  propulsion: ["propulsion", "propulsion_type"],
  engineStroke: ["engine_stroke", "stroke", "stroke_type", "main_engine_stroke"],
  engineRpm: ["engine_rpm", "rpm", "me_rpm", "main_engine_rpm"],
  serviceSpeedKn: ["service_speed_kn", "service_speed", "service_speed_knots"],
  maxSpeedKn: ["max_speed_kn", "max_speed", "max_speed_knots", "maximum_speed_kn"],
  maxDraftM: ["max_draft_m", "max_draft", "draft_m", "max_draught_m", "draught_m", "summer_draft_m"],
  auxKw: ["aux_kw", "auxiliary_kw", "aux_engine_kw", "auxiliary_engine_kw"],
  shorePower: ["shore_power", "shore_power_capable", "shorepower", "amp_capable"],
  lengthM: ["length_m", "loa_m", "length_overall_m", "loa", "length"],
  beamM: ["beam_m", "breadth_m", "beam", "breadth"],
} as const;

export type ParticularsColumn = keyof typeof PARTICULARS_COLUMNS;

type NumericField =
  | "dwt"
  | "teu"
  | "grossTonnage"
  | "buildYear"
  | "mainEngineKw"
  | "engineRpm"
  | "serviceSpeedKn"
  | "maxSpeedKn"
  | "maxDraftM"
  | "auxKw"
  | "lengthM"
  | "beamM";

/** [min, max] accepted for each number; the largest ships (ULCC ~565,000 DWT, 24,000 TEU,
 * 250,000 GT, 80–100 MW installed, 458 m, 69 m beam, 24.6 m draft) fit with a margin. */
export const PLAUSIBLE_RANGES: Record<NumericField, [number, number]> = {
  dwt: [1, 700_000],
  teu: [1, 30_000],
  grossTonnage: [1, 300_000],
  buildYear: [1900, 2100],
  mainEngineKw: [10, 150_000],
  engineRpm: [30, 3_000],
  serviceSpeedKn: [1, 45],
  maxSpeedKn: [1, 50],
  maxDraftM: [0.5, 30],
  auxKw: [1, 100_000],
  lengthM: [5, 500],
  beamM: [1, 80],
};

export interface ParticularsReject {
  line: number;
  field: string;
  reason: string;
}

export interface ParticularsDuplicate {
  imo: number;
  line: number;
  previousLine: number;
}

export interface ParticularsCounts {
  /** Data lines read (blank lines and the header not counted). */
  read: number;
  /** Distinct vessels kept. */
  accepted: number;
  rejected: number;
  /** Valid rows whose IMO an earlier valid row had (the later row wins). */
  duplicates: number;
}

export interface ParticularsParseResult {
  rows: VesselParticulars[];
  rejects: ParticularsReject[];
  duplicates: ParticularsDuplicate[];
  counts: ParticularsCounts;
  /** Header columns that were not recognised and were ignored. */
  ignoredColumns: string[];
}

const normHeader = (h: string): string =>
  h
    .trim()
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");

const YES = new Set(["yes", "y", "true", "t", "1"]);
const NO = new Set(["no", "n", "false", "f", "0"]);

export interface ParticularsParserOptions {
  /** When given, defaults are applied to every accepted row (applyDefaults). */
  table?: DefaultEngineTable | null;
}

/**
 * Streaming parser for a particulars CSV: push each line with its 1-based number (the first
 * non-blank line is the header), then `finish()`. Bad rows become `{line, field, reason}` rejects
 * (one per row, its first problem); nothing throws per row. Later rows for the same IMO replace
 * earlier ones and are counted as duplicates, so read = accepted + rejected + duplicates.
 * Example: header "imo,ship_type,teu" then "9778791,Container Ship,14000", "9778792,Bulk,1",
 * "9778791,Container Ship,14000" → counts { read 3, accepted 1, rejected 1 (line 3: imo check
 * digit), duplicates 1 }.
 */
export class ParticularsCsvParser {
  private columns: Array<ParticularsColumn | null> | null = null;
  private readonly byImo = new Map<number, { row: VesselParticulars; line: number }>();
  private readonly rejects: ParticularsReject[] = [];
  private readonly duplicates: ParticularsDuplicate[] = [];
  private ignored: string[] = [];
  private read = 0;
  private headerProblem: string | null = null;
  private readonly cells: string[] = [];

  constructor(private readonly options: ParticularsParserOptions = {}) {}

  pushLine(text: string, line: number): void {
    const t = text.endsWith("\r") ? text.slice(0, -1) : text;
    if (t.trim() === "") return;
    if (this.columns === null) {
      this.readHeader(t);
      return;
    }
    this.read++;
    if (this.headerProblem !== null) {
      this.rejects.push({ line, field: "imo", reason: this.headerProblem });
      return;
    }
    const n = splitCsvLine(t, this.cells);
    if (n < 0) {
      this.rejects.push({ line, field: "", reason: "unterminated quoted field" });
      return;
    }
    const result = this.parseRow(n, line);
    if ("reason" in result) {
      this.rejects.push(result);
      return;
    }
    const previous = this.byImo.get(result.imo);
    if (previous) this.duplicates.push({ imo: result.imo, line, previousLine: previous.line });
    const row = this.options.table ? applyDefaults(result, this.options.table) : result;
    this.byImo.set(result.imo, { row, line });
  }

  finish(): ParticularsParseResult {
    const rows = [...this.byImo.values()].map((v) => v.row);
    return {
      rows,
      rejects: this.rejects,
      duplicates: this.duplicates,
      counts: {
        read: this.read,
        accepted: rows.length,
        rejected: this.rejects.length,
        duplicates: this.duplicates.length,
      },
      ignoredColumns: this.ignored,
    };
  }

  private readHeader(text: string): void {
    const n = splitCsvLine(text, this.cells);
    const lookup = new Map<string, ParticularsColumn>();
    for (const [col, names] of Object.entries(PARTICULARS_COLUMNS) as [
      ParticularsColumn,
      readonly string[],
    ][])
      for (const name of names) lookup.set(name, col);
    const seen = new Set<ParticularsColumn>();
    this.columns = [];
    for (let i = 0; i < Math.max(n, 0); i++) {
      const raw = this.cells[i] ?? "";
      const col = lookup.get(normHeader(raw)) ?? null;
      // A second column for the same field (e.g. both "imo" and "imo_number") is ignored.
      if (col === null || seen.has(col)) {
        this.columns.push(null);
        this.ignored.push(raw.trim());
      } else {
        this.columns.push(col);
        seen.add(col);
      }
    }
    if (!seen.has("imo")) this.headerProblem = "the header has no IMO column (imo / imo_number)";
  }

  private parseRow(n: number, line: number): VesselParticulars | ParticularsReject {
    const columns = this.columns ?? [];
    const raw: Partial<Record<ParticularsColumn, string>> = {};
    for (let i = 0; i < columns.length; i++) {
      const col = columns[i];
      if (col) raw[col] = i < n ? (this.cells[i] ?? "").trim() : "";
    }
    const imoResult = parseImoNumber(raw.imo ?? "");
    if (!imoResult.ok) return { line, field: "imo", reason: imoResult.reason };
    const p = emptyParticulars(imoResult.value);
    p.name = raw.name ? raw.name : null;
    if (raw.shipType) {
      const t = normalizeShipType(raw.shipType);
      if (t === null) return { line, field: "ship_type", reason: `unknown ship type "${raw.shipType}"` };
      p.shipType = t;
    }
    for (const field of Object.keys(PLAUSIBLE_RANGES) as NumericField[]) {
      const text = raw[field];
      if (!text) continue;
      const v = Number(text.replace(/[,_\s]/g, ""));
      const [lo, hi] = PLAUSIBLE_RANGES[field];
      if (!Number.isFinite(v)) return { line, field: snake(field), reason: `"${text}" is not a number` };
      if (v <= 0) return { line, field: snake(field), reason: `${v} is not positive` };
      if (v < lo || v > hi) return { line, field: snake(field), reason: `${v} is outside ${lo}-${hi}` };
      if (field === "buildYear" && !Number.isInteger(v))
        return { line, field: "build_year", reason: `${v} is not a year` };
      p[field] = v;
    }
    if (raw.subType) {
      if (p.shipType === null) return { line, field: "sub_type", reason: "a sub_type needs a ship_type" };
      const wanted = raw.subType.toLowerCase();
      const known = this.options.table?.engines.find(
        (e) => e.shipType === p.shipType && e.subType.toLowerCase() === wanted,
      );
      if (this.options.table && !known)
        return {
          line,
          field: "sub_type",
          reason: `"${raw.subType}" is not a ${p.shipType} class of Table C.3`,
        };
      p.subType = known?.subType ?? raw.subType;
    }
    if (raw.engineStroke) {
      const s = Number(raw.engineStroke.replace(/-?stroke$/i, "").trim());
      if (s !== 2 && s !== 4)
        return { line, field: "engine_stroke", reason: `"${raw.engineStroke}" is not 2 or 4` };
      p.engineStroke = s;
    }
    if (raw.engineType) {
      const e = parseEngineType(raw.engineType);
      if (e === null)
        return {
          line,
          field: "engine_type",
          reason: `"${raw.engineType}" is not one of ${ENGINE_TYPES.join(", ")}`,
        };
      p.engineType = e;
    } else {
      const derived = deriveEngineType(raw.propulsion || null, p.engineStroke, p.engineRpm);
      if (derived !== null) {
        p.engineType = derived;
        p.defaulted.push({
          field: "engineType",
          value: derived,
          source: `derived from propulsion / stroke / rpm (EPA ShipEF calcEngineType, SSD/MSD cut-off ${MSD_SSD_RPM_CUTOFF} rpm)`,
        });
      }
    }
    if (raw.shorePower) {
      const s = raw.shorePower.toLowerCase();
      if (YES.has(s)) p.shorePower = true;
      else if (NO.has(s)) p.shorePower = false;
      else return { line, field: "shore_power", reason: `"${raw.shorePower}" is not yes/no/true/false/1/0` };
    }
    if (p.maxSpeedKn !== null && p.serviceSpeedKn !== null && p.serviceSpeedKn > p.maxSpeedKn)
      return { line, field: "service_speed_kn", reason: "service speed above maximum speed" };
    return p;
  }
}

const snake = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Parses a whole particulars CSV held in memory (tests, small uploads). */
export function parseParticularsCsv(
  text: string,
  options: ParticularsParserOptions = {},
): ParticularsParseResult {
  const parser = new ParticularsCsvParser(options);
  text.split("\n").forEach((l, i) => {
    parser.pushLine(l, i + 1);
  });
  return parser.finish();
}
