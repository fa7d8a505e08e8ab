/**
 * Parsing and checking of the OGV reference tables (pure: the text of each file comes in, see
 * tables-io.ts). The tables ship with the repository, so a malformed one is a bug: it throws a
 * DomainError "internal" naming the file, line and column. Numbers stay in the CSVs; this file
 * only reads them and builds the lookups the calculator uses.
 */

import { referenceTable } from "../../core/csv.ts";
import { DomainError } from "../../core/errors.ts";
import { ENGINE_TYPES } from "../../vessels/index.ts";
import { parseGwpTable } from "../gwp.ts";
import type { GwpSet } from "../model.ts";
import {
  AUX_LOAD_METHODS,
  type AuxLoadMethod,
  COMPONENTS,
  EPA_MODES,
  type EpaMode,
  FUELS,
  type Fuel,
  type FuelProperties,
  type GwpValues,
  type Imo4SfcRow,
  key,
  type LlafCoefficients,
  type LlafTableRow,
  type LoadRow,
  type LoadShipTypeRow,
  type LoadTable,
  OGV_LOCATIONS,
  type OgvTables,
  type SizeClass,
  type SizeUnits,
  type Sourced,
} from "./types.ts";

/** The files the calculator reads from data/reference/emissions/. */
export const OGV_TABLE_FILES = {
  nox: "ogv_nox_ef.csv",
  hcCo: "ogv_hc_co_ef.csv",
  bsfc: "ogv_bsfc.csv",
  fuelByLocation: "ogv_default_fuel_by_location.csv",
  pmSulfur: "ogv_pm_sulfur_coefficients.csv",
  pm10Fixed: "ogv_pm10_fixed_ef.csv",
  co2Cf: "fuel_co2_conversion_epa.csv",
  ch4N2o: "ogv_ch4_n2o_ef.csv",
  sulfur: "ogv_fuel_sulfur_defaults.csv",
  llafCoefficients: "ogv_llaf_coefficients.csv",
  llafTable: "ogv_llaf_table.csv",
  loadsImo3: "ogv_aux_boiler_load_imo3.csv",
  loadsStarcrest2016: "ogv_aux_boiler_load_starcrest2016.csv",
  loadShipTypes: "ogv_load_ship_type_map.csv",
  sizeClasses: "ogv_size_classes.csv",
  gwp: "gwp.csv",
  imo4Sfc: "imo4_sfc_base.csv",
  methaneSlip: "imo4_methane_slip.csv",
  fuelProperties: "fuel_properties_imo.csv",
} as const;

export type OgvTableName = keyof typeof OGV_TABLE_FILES;
export type OgvTableTexts = Record<OgvTableName, string>;

/** One data row of a CSV with typed getters that name file, line and column when a cell is bad. */
class Row {
  constructor(
    readonly file: string,
    readonly line: number,
    private readonly cells: Map<string, string>,
  ) {}

  fail(column: string, reason: string): never {
    throw new DomainError("internal", `${this.file}: line ${this.line}, column ${column}: ${reason}`, [
      { file: this.file, line: this.line, field: column, reason },
    ]);
  }

  str(column: string): string {
    const v = this.cells.get(column);
    if (v === undefined) this.fail(column, "column missing");
    if (v === "") this.fail(column, "empty");
    return v;
  }

  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const v = this.str(column);
    if (!(allowed as readonly string[]).includes(v))
      this.fail(column, `"${v}" is not one of ${allowed.join(", ")}`);
    return v as T;
  }

  /** A finite number ≥ min (default 0); "inf" only when allowInf. */
  num(column: string, opts: { min?: number; allowInf?: boolean } = {}): number {
    const text = this.str(column);
    const v = text === "inf" && opts.allowInf ? Number.POSITIVE_INFINITY : Number(text);
    if (Number.isNaN(v) || (!Number.isFinite(v) && !opts.allowInf))
      this.fail(column, `"${text}" is not a number`);
    const min = opts.min ?? 0;
    if (v < min) this.fail(column, `${v} is below ${min}`);
    return v;
  }

  optNum(column: string): number | null {
    const text = this.cells.get(column);
    if (text === undefined) this.fail(column, "column missing");
    return text === "" ? null : this.num(column);
  }

  /** "file: cell,cell,…" — how a factor's source is written in a trace. */
  source(...columns: string[]): string {
    return `${this.file}: ${columns.map((c) => this.cells.get(c) ?? "").join(",")}`;
  }
}

function csvRows(text: string, file: string, required: string[]): Row[] {
  const { columns, records } = referenceTable(text, file);
  for (const column of required)
    if (!columns.includes(column))
      throw new DomainError("internal", `${file}: line 1: column ${column} missing from the header`, [
        { file, line: 1, field: column, reason: "missing from the header" },
      ]);
  if (records.length === 0)
    throw new DomainError("internal", `${file}: no data rows`, [{ file, reason: "empty" }]);
  return records.map((r) => new Row(file, r.line, new Map(columns.map((c) => [c, r.get(c)]))));
}

function setOnce<V>(map: Map<string, V>, k: string, v: V, row: Row, column: string): void {
  if (map.has(k)) row.fail(column, `duplicate row for ${k.replaceAll("|", ", ")}`);
  map.set(k, v);
}

const ENGINES_AND_BOILER = [...ENGINE_TYPES, "Boiler"] as const;
const TIER_NAMES = ["Tier 0", "Tier 1", "Tier 2", "Tier 3"] as const;
const SIZE_UNITS: readonly SizeUnits[] = ["Deadweight", "TEU", "Gross_Tonnage", "Number_of_Passengers"];
const LLAF_POLLUTANTS = ["nox", "hc", "co", "pm10", "pm2.5", "so2", "co2"] as const;

function parseLoadTable(text: string, file: string): LoadTable {
  const modeColumn = (prefix: string, mode: EpaMode) => `${prefix}_${mode.toLowerCase()}_kw`;
  const columns = ["ship_type", "sub_type", "size_min", "size_max", "size_units"];
  for (const mode of EPA_MODES) columns.push(modeColumn("aux", mode), modeColumn("boiler", mode));
  const bySubType = new Map<string, LoadRow>();
  const byShipType = new Map<string, LoadRow[]>();
  for (const r of csvRows(text, file, columns)) {
    const auxKw = {} as Record<EpaMode, number>;
    const boilerKw = {} as Record<EpaMode, number>;
    for (const mode of EPA_MODES) {
      auxKw[mode] = r.num(modeColumn("aux", mode));
      boilerKw[mode] = r.num(modeColumn("boiler", mode));
    }
    const row: LoadRow = {
      shipType: r.str("ship_type"),
      subType: r.str("sub_type"),
      sizeMin: r.num("size_min"),
      sizeMax: r.num("size_max", { allowInf: true }),
      sizeUnits: r.oneOf("size_units", SIZE_UNITS),
      auxKw,
      boilerKw,
      source: r.source("ship_type", "sub_type"),
    };
    if (row.sizeMax <= row.sizeMin) r.fail("size_max", `${row.sizeMax} is not above size_min ${row.sizeMin}`);
    setOnce(bySubType, row.subType, row, r, "sub_type");
    const list = byShipType.get(row.shipType) ?? [];
    if (list.length > 0 && list[0]?.sizeUnits !== row.sizeUnits)
      r.fail("size_units", `${row.shipType} mixes size units`);
    list.push(row);
    byShipType.set(row.shipType, list);
  }
  for (const list of byShipType.values()) list.sort((a, b) => a.sizeMin - b.sizeMin);
  return { file, bySubType, byShipType };
}

/**
 * Parses every OGV table and builds the lookups. `sha256` gives each file's digest (computed where
 * the bytes are read). Throws DomainError "internal" naming file, line and column on a bad cell,
 * a duplicate key, or a missing cross-reference (a fuel without BSFC, a map row naming an unknown
 * load-table row, …).
 */
export function parseOgvTables(
  texts: OgvTableTexts,
  sha256: Partial<Record<OgvTableName, string>> = {},
): OgvTables {
  const f = OGV_TABLE_FILES;

  const nox = new Map<string, Sourced<number>>();
  for (const r of csvRows(texts.nox, f.nox, [
    "component",
    "engine_type",
    "fuel_type",
    "imo_tier",
    "nox_g_per_kwh",
  ])) {
    const k = key(
      r.oneOf("component", COMPONENTS),
      r.oneOf("engine_type", ENGINES_AND_BOILER),
      r.oneOf("fuel_type", FUELS),
      r.oneOf("imo_tier", TIER_NAMES),
    );
    setOnce(
      nox,
      k,
      {
        value: r.num("nox_g_per_kwh"),
        source: r.source("component", "engine_type", "fuel_type", "imo_tier"),
      },
      r,
      "imo_tier",
    );
  }

  const hcCo = new Map<string, { hc: number; co: number; source: string }>();
  for (const r of csvRows(texts.hcCo, f.hcCo, ["component", "engine_type", "hc_g_per_kwh", "co_g_per_kwh"])) {
    const k = key(r.oneOf("component", COMPONENTS), r.oneOf("engine_type", ENGINES_AND_BOILER));
    setOnce(
      hcCo,
      k,
      { hc: r.num("hc_g_per_kwh"), co: r.num("co_g_per_kwh"), source: r.source("component", "engine_type") },
      r,
      "engine_type",
    );
  }

  const bsfc = new Map<string, Sourced<number>>();
  for (const r of csvRows(texts.bsfc, f.bsfc, ["component", "engine_type", "fuel_type", "bsfc_g_per_kwh"])) {
    const k = key(
      r.oneOf("component", COMPONENTS),
      r.oneOf("engine_type", ENGINES_AND_BOILER),
      r.oneOf("fuel_type", FUELS),
    );
    setOnce(
      bsfc,
      k,
      {
        value: r.num("bsfc_g_per_kwh", { min: 1 }),
        source: r.source("component", "engine_type", "fuel_type"),
      },
      r,
      "fuel_type",
    );
  }

  // Shares per (component, location, engine): the calculator supports one fuel per engine (the
  // shipped table has only 0 and 1); a mix would need weighting and is rejected here.
  const fuelByLocation = new Map<string, Sourced<Fuel>>();
  const shareSums = new Map<string, { sum: number; row: Row }>();
  for (const r of csvRows(texts.fuelByLocation, f.fuelByLocation, [
    "component",
    "location",
    "engine_type",
    "fuel_type",
    "proportion",
  ])) {
    const k = key(
      r.oneOf("component", COMPONENTS),
      r.oneOf("location", OGV_LOCATIONS),
      r.oneOf("engine_type", ENGINES_AND_BOILER),
    );
    const fuel = r.oneOf("fuel_type", FUELS);
    const share = r.num("proportion");
    if (share !== 0 && share !== 1) r.fail("proportion", `${share}: fuel mixes are not supported (0 or 1)`);
    const s = shareSums.get(k) ?? { sum: 0, row: r };
    s.sum += share;
    shareSums.set(k, s);
    if (share === 1)
      fuelByLocation.set(k, {
        value: fuel,
        source: r.source("component", "location", "engine_type", "fuel_type"),
      });
  }
  for (const [k, s] of shareSums)
    if (s.sum !== 1)
      s.row.fail("proportion", `shares for ${k.replaceAll("|", ", ")} add up to ${s.sum}, not 1`);

  const pmSulfur = new Map<Fuel, { pmNomGPerKwh: number; fscPct: number; mwr: number; source: string }>();
  for (const r of csvRows(texts.pmSulfur, f.pmSulfur, [
    "fuel_type",
    "pm10_base_g_per_kwh",
    "sulfur_to_sulfate_conversion_pct",
    "sulfate_to_sulfur_mw_ratio",
  ])) {
    const fuel = r.oneOf("fuel_type", FUELS);
    if (pmSulfur.has(fuel)) r.fail("fuel_type", "duplicate");
    pmSulfur.set(fuel, {
      pmNomGPerKwh: r.num("pm10_base_g_per_kwh"),
      fscPct: r.num("sulfur_to_sulfate_conversion_pct"),
      mwr: r.num("sulfate_to_sulfur_mw_ratio"),
      source: r.source("fuel_type"),
    });
  }

  const pm10Fixed = new Map<string, Sourced<number>>();
  for (const r of csvRows(texts.pm10Fixed, f.pm10Fixed, ["engine_type", "fuel_type", "pm10_g_per_kwh"])) {
    const k = key(r.oneOf("engine_type", ENGINES_AND_BOILER), r.oneOf("fuel_type", FUELS));
    setOnce(
      pm10Fixed,
      k,
      { value: r.num("pm10_g_per_kwh"), source: r.source("engine_type", "fuel_type") },
      r,
      "fuel_type",
    );
  }

  const co2Cf = new Map<Fuel, Sourced<number>>();
  for (const r of csvRows(texts.co2Cf, f.co2Cf, ["fuel_type", "cf_g_co2_per_g_fuel"])) {
    const fuel = r.oneOf("fuel_type", FUELS);
    if (co2Cf.has(fuel)) r.fail("fuel_type", "duplicate");
    co2Cf.set(fuel, { value: r.num("cf_g_co2_per_g_fuel"), source: r.source("fuel_type") });
  }

  const ch4N2o = new Map<string, { ch4: number | null; n2o: number | null; source: string }>();
  for (const r of csvRows(texts.ch4N2o, f.ch4N2o, [
    "component",
    "engine_type",
    "fuel_type",
    "ch4_g_per_kwh",
    "n2o_g_per_kwh",
  ])) {
    const fuel = r.oneOf("fuel_type", FUELS);
    const k = key(r.oneOf("component", COMPONENTS), r.oneOf("engine_type", ENGINES_AND_BOILER), fuel);
    const ch4 = r.optNum("ch4_g_per_kwh");
    const n2o = r.optNum("n2o_g_per_kwh");
    // Only LNG may leave the cells empty: its CH4 and N2O come from the IMO tables.
    if (fuel !== "LNG" && ch4 === null) r.fail("ch4_g_per_kwh", "empty (only LNG rows may be empty)");
    if (fuel !== "LNG" && n2o === null) r.fail("n2o_g_per_kwh", "empty (only LNG rows may be empty)");
    setOnce(
      ch4N2o,
      k,
      { ch4, n2o, source: r.source("component", "engine_type", "fuel_type") },
      r,
      "fuel_type",
    );
  }

  const sulfurPct = new Map<Fuel, Sourced<number>>();
  for (const r of csvRows(texts.sulfur, f.sulfur, ["fuel_type", "sulfur_pct"])) {
    const fuel = r.oneOf("fuel_type", FUELS);
    if (sulfurPct.has(fuel)) r.fail("fuel_type", "duplicate");
    const v = r.num("sulfur_pct");
    if (v > 5) r.fail("sulfur_pct", `${v} % is not a marine fuel sulfur content`);
    sulfurPct.set(fuel, { value: v, source: r.source("fuel_type") });
  }

  const llafCoefficients = new Map<string, LlafCoefficients>();
  for (const r of csvRows(texts.llafCoefficients, f.llafCoefficients, ["pollutant", "a", "x", "b"])) {
    const p = r.oneOf("pollutant", LLAF_POLLUTANTS);
    const x = r.optNum("x");
    if (p !== "so2" && x === null) r.fail("x", "empty");
    const c = { a: r.num("a", { min: -1e9 }), x, b: r.num("b", { min: -1e9 }) };
    setOnce(llafCoefficients, p, c, r, "pollutant");
  }
  for (const p of LLAF_POLLUTANTS)
    if (!llafCoefficients.has(p)) throw new DomainError("internal", `${f.llafCoefficients}: no row for ${p}`);

  const llafTable: (LlafTableRow | undefined)[] = [];
  for (const r of csvRows(texts.llafTable, f.llafTable, [
    "load_pct",
    "nox",
    "hc",
    "co",
    "pm",
    "so2",
    "co2",
    "n2o",
    "ch4",
  ])) {
    const loadPct = r.num("load_pct");
    if (!Number.isInteger(loadPct) || loadPct < 1 || loadPct > 20)
      r.fail("load_pct", `${loadPct} is not a whole percent 1–20`);
    if (llafTable[loadPct]) r.fail("load_pct", "duplicate");
    llafTable[loadPct] = {
      loadPct,
      nox: r.num("nox"),
      hc: r.num("hc"),
      co: r.num("co"),
      pm: r.num("pm"),
      so2: r.num("so2"),
      co2: r.num("co2"),
      n2o: r.num("n2o"),
      ch4: r.num("ch4"),
      source: r.source("load_pct"),
    };
  }
  for (let pct = 2; pct <= 20; pct++)
    if (!llafTable[pct]) throw new DomainError("internal", `${f.llafTable}: no row for ${pct} %`);

  const loads: Record<AuxLoadMethod, LoadTable> = {
    imo3: parseLoadTable(texts.loadsImo3, f.loadsImo3),
    starcrest2016: parseLoadTable(texts.loadsStarcrest2016, f.loadsStarcrest2016),
  };

  const loadShipTypes = new Map<string, LoadShipTypeRow>();
  for (const r of csvRows(texts.loadShipTypes, f.loadShipTypes, [
    "method",
    "ship_type",
    "load_ship_type",
    "fallback_sub_type",
    "confidence",
    "reasoning",
  ])) {
    const method = r.oneOf("method", AUX_LOAD_METHODS);
    const row: LoadShipTypeRow = {
      method,
      shipType: r.str("ship_type"),
      loadShipType: r.str("load_ship_type"),
      fallbackSubType: r.str("fallback_sub_type"),
      confidence: r.str("confidence"),
      reasoning: r.str("reasoning"),
      source: r.source("method", "ship_type"),
    };
    const table = loads[method];
    if (!table.byShipType.has(row.loadShipType))
      r.fail("load_ship_type", `"${row.loadShipType}" is not a ship_type of ${table.file}`);
    const fallback = table.bySubType.get(row.fallbackSubType);
    if (!fallback || fallback.shipType !== row.loadShipType)
      r.fail(
        "fallback_sub_type",
        `"${row.fallbackSubType}" is not a ${row.loadShipType} sub_type of ${table.file}`,
      );
    setOnce(loadShipTypes, key(method, row.shipType), row, r, "ship_type");
  }
  for (const method of AUX_LOAD_METHODS)
    if (!loadShipTypes.has(key(method, "*")))
      throw new DomainError("internal", `${f.loadShipTypes}: no catch-all row (ship_type *) for ${method}`);

  const sizeClasses = new Map<string, SizeClass>();
  for (const r of csvRows(texts.sizeClasses, f.sizeClasses, [
    "ship_type",
    "sub_type",
    "size_metric",
    "size_min",
    "size_max",
  ])) {
    const metric = r.oneOf("size_metric", ["TEU", "DWT", "GT", "NONE"] as const);
    const min = metric === "NONE" ? null : r.num("size_min");
    const max = metric === "NONE" ? null : r.num("size_max", { allowInf: true });
    setOnce(sizeClasses, key(r.str("ship_type"), r.str("sub_type")), { metric, min, max }, r, "sub_type");
  }

  const gwp = new Map(Object.entries(parseGwpTable(texts.gwp))) as Map<GwpSet, GwpValues>;

  const imo4Sfc = new Map<string, Imo4SfcRow[]>();
  for (const r of csvRows(texts.imo4Sfc, f.imo4Sfc, [
    "component",
    "engine_type",
    "fuel",
    "build_year_from",
    "build_year_to",
    "sfc_base_g_per_kwh",
    "pilot_fuel_mdo_g_per_kwh",
  ])) {
    const row: Imo4SfcRow = {
      component: r.oneOf("component", COMPONENTS),
      engineType: r.str("engine_type"),
      fuel: r.oneOf("fuel", ["HFO", "MDO", "LNG"] as const),
      buildYearFrom: r.num("build_year_from"),
      buildYearTo: r.num("build_year_to"),
      sfcBaseGPerKwh: r.num("sfc_base_g_per_kwh", { min: 1 }),
      pilotFuelMdoGPerKwh: r.num("pilot_fuel_mdo_g_per_kwh"),
      source: r.source("component", "engine_type", "fuel", "build_year_from", "build_year_to"),
    };
    if (row.buildYearTo < row.buildYearFrom) r.fail("build_year_to", "before build_year_from");
    const k = key(row.component, row.engineType, row.fuel);
    const list = imo4Sfc.get(k) ?? [];
    if (list.some((x) => x.buildYearFrom <= row.buildYearTo && row.buildYearFrom <= x.buildYearTo))
      r.fail("build_year_from", `years overlap another ${k.replaceAll("|", ", ")} row`);
    list.push(row);
    imo4Sfc.set(k, list);
  }
  for (const list of imo4Sfc.values()) list.sort((a, b) => a.buildYearFrom - b.buildYearFrom);

  const methaneSlip = new Map<string, Sourced<number>>();
  for (const r of csvRows(texts.methaneSlip, f.methaneSlip, ["engine_type", "ch4_slip_g_per_kwh"]))
    setOnce(
      methaneSlip,
      r.str("engine_type"),
      { value: r.num("ch4_slip_g_per_kwh"), source: r.source("engine_type") },
      r,
      "engine_type",
    );

  const fuelProperties = new Map<string, FuelProperties>();
  for (const r of csvRows(texts.fuelProperties, f.fuelProperties, [
    "fuel",
    "lcv_mj_per_kg",
    "cf_co2_g_per_g_fuel",
    "cf_ch4_g_per_g_fuel",
    "cf_n2o_g_per_g_fuel",
  ])) {
    const fuel = r.str("fuel");
    setOnce(
      fuelProperties,
      fuel,
      {
        fuel,
        lcvMjPerKg: r.num("lcv_mj_per_kg"),
        cfCo2: r.num("cf_co2_g_per_g_fuel"),
        cfCh4: r.num("cf_ch4_g_per_g_fuel"),
        cfN2o: r.num("cf_n2o_g_per_g_fuel"),
        source: r.source("fuel"),
      },
      r,
      "fuel",
    );
  }

  const tables: OgvTables = {
    nox,
    hcCo,
    bsfc,
    fuelByLocation,
    pmSulfur,
    pm10Fixed,
    co2Cf,
    ch4N2o,
    sulfurPct,
    llafCoefficients,
    llafTable,
    loads,
    loadShipTypes,
    sizeClasses,
    gwp,
    imo4Sfc,
    methaneSlip,
    fuelProperties,
    files: (Object.keys(OGV_TABLE_FILES) as OgvTableName[]).map((name) => ({
      file: OGV_TABLE_FILES[name],
      sha256: sha256[name] ?? "",
    })),
  };
  checkCrossReferences(tables);
  return tables;
}

/** Every fuel the location table can pick has the factors the calculator needs. */
function checkCrossReferences(t: OgvTables): void {
  const f = OGV_TABLE_FILES;
  const missing = (file: string, what: string): never => {
    throw new DomainError("internal", `${file}: no row for ${what}`, [
      { file, reason: `no row for ${what}` },
    ]);
  };
  for (const [k, fuel] of t.fuelByLocation) {
    const [component, , engine] = k.split("|") as [string, string, string];
    if (!t.bsfc.has(key(component, engine, fuel.value)))
      missing(f.bsfc, `${component}, ${engine}, ${fuel.value}`);
    if (!t.co2Cf.has(fuel.value)) missing(f.co2Cf, fuel.value);
    if (!t.hcCo.has(key(component, engine))) missing(f.hcCo, `${component}, ${engine}`);
    if (!t.ch4N2o.has(key(component, engine, fuel.value)))
      missing(f.ch4N2o, `${component}, ${engine}, ${fuel.value}`);
    if (!t.nox.has(key(component, engine, fuel.value, "Tier 0")))
      missing(f.nox, `${component}, ${engine}, ${fuel.value}, Tier 0`);
    if (fuel.value !== "LNG" && !t.sulfurPct.has(fuel.value)) missing(f.sulfur, fuel.value);
  }
}
