/**
 * EPA emission factors for ocean-going vessels (METHOD.md §1.5), as EPA's ShipEF package computes
 * them: Tier from build year, fuel from location, baseline or load-based BSFC, and g/kWh for NOx,
 * HC, CO, PM10, PM2.5, DPM, SO2, CO2, CH4 and N2O. Pure; every number comes from OgvTables.
 */
import { z } from "zod";
import { DomainError } from "../../core/errors.ts";
import { type LlafMethod, lowLoadMultipliers } from "./llaf.ts";
import {
  AUX_ENGINES,
  COMPONENTS,
  type Component,
  type EfEngine,
  type EfPollutant,
  type EfRecord,
  type Fuel,
  type ImoTier,
  key,
  LNG_ENGINE_TYPES,
  type LngEngineType,
  MAIN_ENGINES,
  OGV_LOCATIONS,
  type OgvLocation,
  type OgvTables,
  type Sourced,
} from "./types.ts";

/**
 * Below this main-engine load a Tier III engine is assumed to run with its SCR off and gets the
 * Tier II NOx factor (ShipEF calcEF_NOx `scrThreshold`, EPA guidance 2022 revision).
 */
export const SCR_THRESHOLD_LF = 0.25;

/** PM2.5 / PM10 for OGV (ShipEF calcEF_PM; METHOD.md §7). */
export const PM25_PER_PM10 = 0.92;

/** SO2 per fuel sulfur: 64/32 molecular weights × 0.97753, the share emitted as SO2 (the rest is sulfate PM). */
export const SO2_PER_SULFUR = 2 * 0.97753;

/** LNG: SO2 = BSFC × 0.0002 (ShipEF calcEF_SO2; trace sulfur of the gas and pilot fuel). */
export const LNG_SO2_PER_G_FUEL = 0.0002;

/** The LNG engine assumed when nothing says which (see DEFAULT_OGV_OPTIONS in call.ts for why). */
export const DEFAULT_LNG_ENGINE: LngEngineType = "LNG-Otto MS";

/** Turbines and gas engines: always Tier 0 in ShipEF calcTier (MARPOL Tiers are for diesel engines). */
const ALWAYS_TIER_0: readonly EfEngine[] = ["ST", "GT", "GT-ED", "LNG", "Boiler"];

/** Diesel (compression-ignition) engines: DPM = PM10 for these, 0 for turbines, boilers and LNG. */
const DIESEL_ENGINES: readonly EfEngine[] = ["SSD", "MSD", "MSD-ED", "HSD"];

/**
 * IMO Tier from the keel-laid (build) year, as ShipEF calcTier: < 2000 → 0, 2000–2010 → I,
 * 2011–2015 → II, ≥ 2016 → III; ST, GT, GT-ED, LNG and boilers always 0. Unknown year → Tier 0
 * (the highest NOx factor; stated in the source).
 * Example: assignTier("SSD", 2012) → { tier: 2, … }; assignTier("GT", 2020) → { tier: 0, … }.
 */
export function assignTier(engine: EfEngine, buildYear: number | null): { tier: ImoTier; source: string } {
  if (ALWAYS_TIER_0.includes(engine))
    return {
      tier: 0,
      source: `${engine}: always Tier 0 (ShipEF calcTier: ST, GT, GT-ED, LNG; boilers have no Tier)`,
    };
  if (buildYear === null)
    return { tier: 0, source: "build year unknown: Tier 0 assumed (highest NOx factor)" };
  const tier: ImoTier = buildYear < 2000 ? 0 : buildYear < 2011 ? 1 : buildYear < 2016 ? 2 : 3;
  return {
    tier,
    source: `build year ${buildYear} → Tier ${tier} (ShipEF calcTier: <2000 0, 2000-2010 I, 2011-2015 II, >=2016 III)`,
  };
}

/**
 * The fuel an engine burns at a location (ogv_default_fuel_by_location.csv, ShipEF fuel mix tables).
 * Example: defaultFuel(t, "main", "OutsideECA", "SSD") → { value: "RM/HFO", … }.
 */
export function defaultFuel(
  tables: OgvTables,
  component: Component,
  location: OgvLocation,
  engine: EfEngine,
): Sourced<Fuel> {
  const fuel = tables.fuelByLocation.get(key(component, location, engine));
  if (!fuel)
    throw new DomainError("validation", `engine: no ${component} engine ${engine} in the fuel table`);
  return fuel;
}

/**
 * Load-dependent BSFC multiplier, BSFC(LF) = BSFC_base × (0.455·LF² − 0.710·LF + 1.280)
 * (ShipEF calcLoadBSFC, Jalkanen 2012 / IMO GHG3; Eq. 10 of the Fourth IMO GHG Study).
 * Example: loadBsfcMultiplier(0.5) = 1.03875 (185 g/kWh → 192.17; EPA's benchmark 195 → 202.5563).
 */
export function loadBsfcMultiplier(loadFactor: number): number {
  return 0.455 * loadFactor * loadFactor - 0.71 * loadFactor + 1.28;
}

/** Everything about one engine group's factors that does not depend on the load. */
export interface FactorSet {
  component: Component;
  engine: EfEngine;
  location: OgvLocation;
  fuel: Fuel;
  fuelSource: string;
  /** % by mass; 0 for LNG (its SO2 uses BSFC × 0.0002). */
  sulfurPct: number;
  sulfurSource: string;
  /** Sulfur used by the SO2 low-load equation: LNG takes the distillate level, as ShipEF does. */
  llafSulfurPct: number;
  /** Tier asked for, and the NOx row used (rows missing from the table fall back to Tier 0). */
  tier: ImoTier;
  bsfcGPerKwh: number;
  bsfcSource: string;
  /** Factors at baseline BSFC, without the Tier III rule or any low-load adjustment. */
  ef: EfRecord;
  source: Record<EfPollutant, string>;
  /** PM10 = pmNom + pmSulfate × (BSFC(LF)/BSFC); fixed-PM engines have pmSulfate 0. */
  pmNomGPerKwh: number;
  pmSulfateGPerKwh: number;
  /** Tier II NOx for a Tier III main engine (the low-load rule), else null. */
  noxTier2GPerKwh: number | null;
  noxTier2Source: string | null;
  /** Whether N2O scales with the BSFC (LNG: fuel-based N2O). */
  n2oFuelBased: boolean;
  dieselPm: boolean;
}

const setCache = new WeakMap<OgvTables, Map<string, FactorSet>>();

function noxRow(
  tables: OgvTables,
  component: Component,
  engine: EfEngine,
  fuel: Fuel,
  tier: ImoTier,
): Sourced<number> {
  const exact = tables.nox.get(key(component, engine, fuel, `Tier ${tier}`));
  if (exact) return exact;
  const tier0 = tables.nox.get(key(component, engine, fuel, "Tier 0"));
  if (!tier0)
    throw new DomainError("validation", `engine: no ${component} NOx factor for ${engine} on ${fuel}`);
  // ShipEF has no row for, e.g., GT Tier 2: such engines are Tier 0 by calcTier.
  return { value: tier0.value, source: `${tier0.source} (no Tier ${tier} row: Tier 0 as ShipEF)` };
}

/**
 * The factors of one engine group (see FactorSet), cached per tables object.
 * Example: factorSet(t, { component: "main", engine: "SSD", location: "ECA", tier: 2 }) → fuel
 * MGO/MDO, sulfurPct 0.1, BSFC 185, ef.nox 14.4, ef.co2 593.11, ef.pm10 0.18359865, ef.so2 0.3616861.
 */
export function factorSet(
  tables: OgvTables,
  q: {
    component: Component;
    engine: EfEngine;
    location: OgvLocation;
    tier: ImoTier;
    lngEngine?: LngEngineType;
  },
): FactorSet {
  const component = q.component;
  // Boilers: ShipEF ignores the engine type and Tier of a boiler.
  const engine: EfEngine = component === "boiler" ? "Boiler" : q.engine;
  const tier: ImoTier = component === "boiler" ? 0 : q.tier;
  if (component === "main" && !(MAIN_ENGINES as readonly string[]).includes(engine))
    throw new DomainError("validation", `engine: main engines are ${MAIN_ENGINES.join(", ")}, not ${engine}`);
  if (component === "aux" && !(AUX_ENGINES as readonly string[]).includes(engine))
    throw new DomainError(
      "validation",
      `engine: auxiliary engines are ${AUX_ENGINES.join(", ")}, not ${engine}`,
    );
  // Auxiliary gas gensets are four-stroke: LNG-Otto medium speed whatever the main engine is.
  const lngEngine = component === "main" ? (q.lngEngine ?? DEFAULT_LNG_ENGINE) : DEFAULT_LNG_ENGINE;
  const cacheKey = key(component, engine, q.location, tier, lngEngine);
  let cache = setCache.get(tables);
  if (!cache) {
    cache = new Map();
    setCache.set(tables, cache);
  }
  const cached = cache.get(cacheKey);
  if (cached) return cached;

  const fuel = defaultFuel(tables, component, q.location, engine);
  const bsfc = tables.bsfc.get(key(component, engine, fuel.value));
  if (!bsfc)
    throw new DomainError("validation", `engine: no BSFC for ${component} ${engine} on ${fuel.value}`);
  const sulfur = fuel.value === "LNG" ? null : tables.sulfurPct.get(fuel.value);
  const sulfurPct = sulfur?.value ?? 0;
  const distillate = tables.sulfurPct.get("MGO/MDO");
  const cf = tables.co2Cf.get(fuel.value);
  const hcCo = tables.hcCo.get(key(component, engine));
  const ghg = tables.ch4N2o.get(key(component, engine, fuel.value));
  if (!cf || !hcCo || !ghg || !distillate)
    throw new DomainError(
      "validation",
      `engine: incomplete factor tables for ${component} ${engine} on ${fuel.value}`,
    );

  const nox = noxRow(tables, component, engine, fuel.value, tier);
  const noxTier2 =
    component === "main" && tier === 3 ? noxRow(tables, component, engine, fuel.value, 2) : null;

  // PM10: fixed for turbines and gas engines, else ShipEF's sulfur equation without S_nom.
  const fixed = tables.pm10Fixed.get(key(engine, fuel.value));
  let pmNom: number;
  let pmSulfate: number;
  let pmSource: string;
  if (fixed) {
    pmNom = fixed.value;
    pmSulfate = 0;
    pmSource = fixed.source;
  } else {
    const c = tables.pmSulfur.get(fuel.value);
    if (!c) throw new DomainError("validation", `engine: no PM10 coefficients for ${fuel.value}`);
    pmNom = c.pmNomGPerKwh;
    // PM_nom + S × BSFC × FSC × MWR × 0.0001 (S and FSC in %; ShipEF calcEF_PM).
    pmSulfate = sulfurPct * bsfc.value * c.fscPct * c.mwr * 0.0001;
    pmSource = `${c.source} (PM_nom + S ${sulfurPct} x BSFC ${bsfc.value} x FSC ${c.fscPct} x MWR ${c.mwr} x 0.0001; ${bsfc.source})`;
  }
  const pm10 = pmNom + pmSulfate;
  const dieselPm = DIESEL_ENGINES.includes(engine);

  const so2 =
    fuel.value === "LNG" ? bsfc.value * LNG_SO2_PER_G_FUEL : (bsfc.value * SO2_PER_SULFUR * sulfurPct) / 100;
  const so2Source =
    fuel.value === "LNG"
      ? `BSFC x ${LNG_SO2_PER_G_FUEL} for LNG (ShipEF calcEF_SO2; ${bsfc.source})`
      : `BSFC x 2 x 0.97753 x S/100 (${bsfc.source}; ${sulfur?.source})`;

  let ch4: number;
  let n2o: number;
  let ch4Source: string;
  let n2oSource: string;
  if (ghg.ch4 !== null && ghg.n2o !== null) {
    ch4 = ghg.ch4;
    n2o = ghg.n2o;
    ch4Source = ghg.source;
    n2oSource = ghg.source;
  } else {
    // LNG: METHOD.md §1.5 — CH4 is the IMO methane slip; N2O is fuel-based.
    const slip = tables.methaneSlip.get(lngEngine);
    const props = tables.fuelProperties.get(IMO_FUEL_NAME.LNG);
    if (!slip || !props) throw new DomainError("validation", `engine: no methane slip for ${lngEngine}`);
    ch4 = slip.value;
    n2o = bsfc.value * props.cfN2o;
    ch4Source = `${slip.source} (methane slip, ${ghg.source})`;
    n2oSource = `BSFC ${bsfc.value} x ${props.cfN2o} (${props.source}; ${ghg.source})`;
  }

  const set: FactorSet = {
    component,
    engine,
    location: q.location,
    fuel: fuel.value,
    fuelSource: fuel.source,
    sulfurPct,
    sulfurSource: sulfur?.source ?? "LNG: no sulfur row (SO2 = BSFC x 0.0002)",
    llafSulfurPct: fuel.value === "LNG" ? distillate.value : sulfurPct,
    tier,
    bsfcGPerKwh: bsfc.value,
    bsfcSource: bsfc.source,
    ef: {
      nox: nox.value,
      hc: hcCo.hc,
      co: hcCo.co,
      pm10,
      pm25: PM25_PER_PM10 * pm10,
      dpm: dieselPm ? pm10 : 0,
      so2,
      co2: bsfc.value * cf.value,
      ch4,
      n2o,
    },
    source: {
      nox: nox.source,
      hc: hcCo.source,
      co: hcCo.source,
      pm10: pmSource,
      pm25: `0.92 x PM10 (${pmSource})`,
      dpm: dieselPm
        ? `DPM = PM10 for diesel engines (${pmSource})`
        : `no DPM: ${engine} is not a diesel engine`,
      so2: so2Source,
      co2: `BSFC x Cf (${bsfc.source}; ${cf.source})`,
      ch4: ch4Source,
      n2o: n2oSource,
    },
    pmNomGPerKwh: pmNom,
    pmSulfateGPerKwh: pmSulfate,
    noxTier2GPerKwh: noxTier2?.value ?? null,
    noxTier2Source: noxTier2?.source ?? null,
    n2oFuelBased: ghg.n2o === null,
    dieselPm,
  };
  cache.set(cacheKey, set);
  return set;
}

/** Names of our fuels in fuel_properties_imo.csv. */
export const IMO_FUEL_NAME: Record<Fuel, string> = {
  "MGO/MDO": "Distillate (MDO/MGO)",
  "RM/HFO": "Heavy fuel oil",
  LNG: "LNG",
};

export interface LoadOptions {
  /** Apply the load-dependent BSFC curve (main engines; ShipEF loadBasedBSFC = "Y"). */
  loadBasedBsfc: boolean;
  /** Tier III main engines below SCR_THRESHOLD_LF use the Tier II NOx factor. */
  tier3LowLoadRule: boolean;
}

/** How the factors at a load differ from the baseline set. */
export interface LoadEffects {
  /** BSFC(LF) / BSFC_base; 1 without the load-based option. */
  bsfcRatio: number;
  /** True when the Tier III → Tier II rule replaced the NOx factor. */
  tier3Rule: boolean;
}

/**
 * Emission factors (g/kWh) at a main-engine load factor, without the low-load adjustment, written
 * into `out`. `loadFactor` null means "no load known" (baseline BSFC, no Tier III rule).
 * Example: SSD Tier 3 ECA at LF 0.1 with both options on: nox 14.4 (Tier II), co2 593.11 × 1.21355.
 */
export function factorsAtLoad(
  set: FactorSet,
  loadFactor: number | null,
  opts: LoadOptions,
  out: EfRecord,
): LoadEffects {
  const ratio =
    opts.loadBasedBsfc && set.component === "main" && loadFactor !== null
      ? loadBsfcMultiplier(loadFactor)
      : 1;
  const tier3Rule =
    opts.tier3LowLoadRule &&
    set.noxTier2GPerKwh !== null &&
    loadFactor !== null &&
    loadFactor < SCR_THRESHOLD_LF;
  const ef = set.ef;
  const pm10 = set.pmNomGPerKwh + set.pmSulfateGPerKwh * ratio;
  out.nox = tier3Rule ? (set.noxTier2GPerKwh as number) : ef.nox;
  out.hc = ef.hc;
  out.co = ef.co;
  out.pm10 = pm10;
  out.pm25 = PM25_PER_PM10 * pm10;
  out.dpm = set.dieselPm ? pm10 : 0;
  out.so2 = ef.so2 * ratio;
  out.co2 = ef.co2 * ratio;
  out.ch4 = ef.ch4;
  out.n2o = set.n2oFuelBased ? ef.n2o * ratio : ef.n2o;
  return { bsfcRatio: ratio, tier3Rule };
}

export function emptyEfRecord(fill = 0): EfRecord {
  return {
    nox: fill,
    hc: fill,
    co: fill,
    pm10: fill,
    pm25: fill,
    dpm: fill,
    so2: fill,
    co2: fill,
    ch4: fill,
    n2o: fill,
  };
}

// ---------------------------------------------------------------------------------------------
// `emissions factors` query

export const FactorsQuerySchema = z.strictObject({
  component: z.enum(COMPONENTS),
  engine: z.enum(["SSD", "MSD", "MSD-ED", "HSD", "ST", "GT", "GT-ED", "LNG"]),
  location: z.enum(OGV_LOCATIONS),
  tier: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  loadFactor: z.number().min(0).max(1).optional(),
  loadBasedBsfc: z.boolean().optional(),
  /** Not in the contract's required fields: which LNG engine's methane slip (default LNG-Otto MS). */
  lngEngine: z.enum(LNG_ENGINE_TYPES).optional(),
});
export type FactorsQuery = z.infer<typeof FactorsQuerySchema>;

const ANSWER_POLLUTANTS = ["nox", "hc", "co", "pm10", "pm25", "so2", "co2", "ch4", "n2o"] as const;
type AnswerRecord = Record<(typeof ANSWER_POLLUTANTS)[number], number>;

export interface FactorsAnswer {
  fuel: Fuel;
  sulfurPct: number;
  /** BSFC used: baseline, or at the load factor when loadBasedBsfc. */
  bsfcGPerKwh: number;
  /** g/kWh without the low-load adjustment (Tier III rule included when a load factor is given). */
  efGPerKwh: AnswerRecord;
  /** Low-load multipliers at the load factor (EPA equation); 1 where none applies. */
  llaf: AnswerRecord;
}

/**
 * Answers one `emissions factors` query (already validated).
 * Example: { component: "main", engine: "SSD", location: "OutsideECA", tier: 2 } → fuel RM/HFO,
 * sulfurPct 0.5, bsfcGPerKwh 195, efGPerKwh.nox 15.3, co2 607.23, llaf all 1.
 */
export function answerFactorsQuery(
  tables: OgvTables,
  q: FactorsQuery,
  llafMethod: LlafMethod = "equation",
): FactorsAnswer {
  const set = factorSet(tables, { ...q, lngEngine: q.lngEngine ?? DEFAULT_LNG_ENGINE });
  const lf = q.loadFactor ?? null;
  const ef = emptyEfRecord();
  const effects = factorsAtLoad(
    set,
    lf,
    { loadBasedBsfc: q.loadBasedBsfc ?? false, tier3LowLoadRule: true },
    ef,
  );
  const llaf = lowLoadMultipliers(
    tables,
    llafMethod,
    set.component,
    set.engine,
    lf ?? 0,
    set.llafSulfurPct,
    emptyEfRecord(1),
  );
  const pick = (r: EfRecord): AnswerRecord => {
    const o = {} as AnswerRecord;
    for (const p of ANSWER_POLLUTANTS) o[p] = r[p];
    return o;
  };
  return {
    fuel: set.fuel,
    sulfurPct: set.sulfurPct,
    bsfcGPerKwh: set.bsfcGPerKwh * effects.bsfcRatio,
    efGPerKwh: pick(ef),
    llaf: pick(llaf),
  };
}
