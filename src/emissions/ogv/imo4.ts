/**
 * Greenhouse gases by the Fourth IMO GHG Study 2020 bottom-up method (METHOD.md §3): fuel mass =
 * energy × SFC (SFC_base by engine type, fuel and year of build; Eq. 10 load curve for main diesel
 * and gas engines), then CO2, CH4 and N2O per gram of fuel; LNG engines add methane slip per kWh
 * and MDO pilot fuel. Pure; numbers from imo4_sfc_base.csv, imo4_methane_slip.csv,
 * fuel_properties_imo.csv (and ogv_bsfc.csv where the IMO table has no row).
 */
import { DomainError } from "../../core/errors.ts";
import { IMO_FUEL_NAME, loadBsfcMultiplier } from "./factors.ts";
import {
  type Component,
  type EfEngine,
  type Fuel,
  type FuelProperties,
  type Imo4SfcRow,
  key,
  type LngEngineType,
  type OgvTables,
} from "./types.ts";

/** Fuel names of imo4_sfc_base.csv. */
const SFC_FUEL: Record<Fuel, string> = { "MGO/MDO": "MDO", "RM/HFO": "HFO", LNG: "LNG" };

/** Engines whose SFC follows the load curve (not turbines: METHOD.md §3, Eq. 10 is for engines). */
const LOAD_CURVE_ENGINES: readonly EfEngine[] = ["SSD", "MSD", "MSD-ED", "HSD", "LNG"];

export interface GhgFactors {
  co2: number;
  ch4: number;
  n2o: number;
}

/** The load-independent part of one engine group's IMO4 greenhouse-gas factors. */
export interface Imo4GhgSet {
  component: Component;
  engine: EfEngine;
  fuel: Fuel;
  /** SFC of the main fuel at the reference load, g/kWh. */
  sfcBaseGPerKwh: number;
  /** MDO pilot fuel of dual-fuel LNG engines, g/kWh (constant, does not follow the load). */
  pilotMdoGPerKwh: number;
  /** Whether the main fuel's SFC follows Eq. 10 (main engines except turbines). */
  loadCurve: boolean;
  sfcSource: string;
  /** Per g of main fuel and per g of pilot fuel. */
  cf: GhgFactors;
  pilotCf: GhgFactors;
  /** Methane slip of LNG engines, g/kWh (0 otherwise). */
  slipGPerKwh: number;
  /** g/kWh at the reference load (curve multiplier 1). */
  base: GhgFactors;
  source: { co2: string; ch4: string; n2o: string };
}

function fuelProps(tables: OgvTables, fuel: Fuel): FuelProperties {
  const p = tables.fuelProperties.get(IMO_FUEL_NAME[fuel]);
  if (!p) throw new DomainError("internal", `fuel_properties_imo.csv: no row for ${IMO_FUEL_NAME[fuel]}`);
  return p;
}

/**
 * The SFC row for a build year; unknown year → the oldest bin (highest SFC, stated in the source),
 * a year outside the table → the nearest bin.
 */
function rowForYear(rows: Imo4SfcRow[], buildYear: number | null): { row: Imo4SfcRow; note: string } {
  const first = rows[0] as Imo4SfcRow;
  const last = rows[rows.length - 1] as Imo4SfcRow;
  if (buildYear === null) return { row: first, note: "build year unknown: oldest bin" };
  const hit = rows.find((r) => buildYear >= r.buildYearFrom && buildYear <= r.buildYearTo);
  if (hit) return { row: hit, note: `built ${buildYear}` };
  return buildYear < first.buildYearFrom
    ? { row: first, note: `built ${buildYear}, before the table: earliest bin` }
    : { row: last, note: `built ${buildYear}, after the table: latest bin` };
}

/**
 * IMO4 greenhouse-gas factors of one engine group. Auxiliary engines take the SFC of their engine
 * type and age (the Fourth IMO GHG Study does the same; the table's rows are labelled main), LNG
 * gensets the LNG-Otto MS row; boilers, steam and gas turbines keep EPA's BSFC (no IMO row here).
 * Example: main SSD on HFO built 2012 → SFC_base 175, CO2 175 × 3.114 = 544.95 g/kWh at the
 * reference load; CH4 175 × 0.00005 = 0.00875; N2O 175 × 0.00018 = 0.0315.
 */
export function imo4GhgSet(
  tables: OgvTables,
  q: {
    component: Component;
    engine: EfEngine;
    fuel: Fuel;
    buildYear: number | null;
    lngEngine: LngEngineType;
  },
): Imo4GhgSet {
  const { component, engine, fuel } = q;
  const imoEngine =
    engine === "LNG"
      ? component === "main"
        ? q.lngEngine
        : "LNG-Otto MS"
      : engine === "MSD-ED"
        ? "MSD"
        : engine === "SSD" || engine === "MSD" || engine === "HSD"
          ? engine
          : null;
  const rows = imoEngine === null ? undefined : tables.imo4Sfc.get(key("main", imoEngine, SFC_FUEL[fuel]));
  let sfcBase: number;
  let pilot = 0;
  let sfcSource: string;
  if (rows && rows.length > 0) {
    const { row, note } = rowForYear(rows, q.buildYear);
    sfcBase = row.sfcBaseGPerKwh;
    pilot = row.pilotFuelMdoGPerKwh;
    sfcSource = `${row.source} (${note}${component === "main" ? "" : "; auxiliary engine takes the row of its engine type"})`;
  } else {
    const epa = tables.bsfc.get(key(component, engine, fuel));
    if (!epa) throw new DomainError("validation", `engine: no SFC for ${component} ${engine} on ${fuel}`);
    sfcBase = epa.value;
    sfcSource = `${epa.source} (no imo4_sfc_base.csv row for ${imoEngine ?? engine}: EPA BSFC)`;
  }
  const props = fuelProps(tables, fuel);
  const mdo = fuelProps(tables, "MGO/MDO");
  let slip = 0;
  let slipSource = "";
  if (fuel === "LNG") {
    const slipEngine = component === "main" ? q.lngEngine : "LNG-Otto MS";
    const s = tables.methaneSlip.get(slipEngine);
    if (!s) throw new DomainError("validation", `engine: no methane slip for ${slipEngine}`);
    slip = s.value;
    slipSource = ` + slip ${s.source}`;
  }
  const cf = { co2: props.cfCo2, ch4: props.cfCh4, n2o: props.cfN2o };
  const pilotCf = { co2: mdo.cfCo2, ch4: mdo.cfCh4, n2o: mdo.cfN2o };
  const pilotNote = pilot > 0 ? ` + pilot ${pilot} g/kWh x ${mdo.source}` : "";
  return {
    component,
    engine,
    fuel,
    sfcBaseGPerKwh: sfcBase,
    pilotMdoGPerKwh: pilot,
    loadCurve: component === "main" && LOAD_CURVE_ENGINES.includes(engine),
    sfcSource,
    cf,
    pilotCf,
    slipGPerKwh: slip,
    base: {
      co2: sfcBase * cf.co2 + pilot * pilotCf.co2,
      ch4: sfcBase * cf.ch4 + pilot * pilotCf.ch4 + slip,
      n2o: sfcBase * cf.n2o + pilot * pilotCf.n2o,
    },
    source: {
      co2: `SFC ${sfcBase} g/kWh (${sfcSource}) x Cf ${cf.co2} (${props.source})${pilotNote}`,
      ch4: `SFC ${sfcBase} g/kWh (${sfcSource}) x ${cf.ch4} (${props.source})${pilotNote}${slipSource}`,
      n2o: `SFC ${sfcBase} g/kWh (${sfcSource}) x ${cf.n2o} (${props.source})${pilotNote}`,
    },
  };
}

/**
 * IMO4 greenhouse-gas g/kWh at a load factor, written into `out`; returns the SFC multiplier of the
 * main fuel (1 where no curve applies). Pilot fuel and methane slip do not follow the load.
 * Example: SSD HFO 2012 at LF 0.5: SFC 175 × 1.03875 = 181.78 g/kWh, CO2 566.07 g/kWh.
 */
export function imo4GhgAtLoad(set: Imo4GhgSet, loadFactor: number, out: GhgFactors): number {
  const m = set.loadCurve ? loadBsfcMultiplier(loadFactor) : 1;
  const sfc = set.sfcBaseGPerKwh * m;
  const p = set.pilotMdoGPerKwh;
  out.co2 = sfc * set.cf.co2 + p * set.pilotCf.co2;
  out.ch4 = sfc * set.cf.ch4 + p * set.pilotCf.ch4 + set.slipGPerKwh;
  out.n2o = sfc * set.cf.n2o + p * set.pilotCf.n2o;
  return m;
}

/** Fuel burnt, g/kWh, at a load factor (main fuel + pilot). */
export function imo4FuelGPerKwh(set: Imo4GhgSet, loadFactor: number): { mainFuel: number; pilotMdo: number } {
  const m = set.loadCurve ? loadBsfcMultiplier(loadFactor) : 1;
  return { mainFuel: set.sfcBaseGPerKwh * m, pilotMdo: set.pilotMdoGPerKwh };
}
