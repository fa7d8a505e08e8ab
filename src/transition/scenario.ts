/**
 * Zero-emission rollout scenarios (issue 13), pure: fleet turnover year by year to the horizon
 * (≤ 2050) and what the fleet of each year emits, needs and costs.
 *
 * Turnover (at the start of every year after the base year):
 *   1. units whose age (year − model year) reached the type's useful life retire; as many are
 *      bought, split by the type's purchase mix of that year (largest remainder, whole units;
 *      no mix step: like for like);
 *   2. extra replacements: the oldest non-ZE units of a type retire early, replaced as stated
 *      (`forceEarly: false`: up to that many of the year's end-of-life replacements take the
 *      stated powertrain instead — useful life honoured);
 *   3. ZE targets (from their year on): non-ZE purchases of the type become the target's
 *      powertrain, then (unless `forceEarly: false`) the oldest non-ZE units retire early until
 *      the ZE share is met. Every early retirement is listed (cohort, year, life years left).
 *
 * Outputs per year: the fleet by type × powertrain; emissions from the inventory's own engine
 * (emissions/index.ts `computeNonshipLines` — NONROAD for diesel and hybrid CHE, the grid factor of
 * the year for electricity, the hydrogen pathway's intensity for hydrogen, diesel well-to-tank;
 * not a separate formula); hydrogen t/yr and peak kg/day (average day × peak-day factor);
 * electricity MWh/yr and peak kW (peak day's kWh over the charging window); stations (peak kg/day
 * ÷ a reference station's kg/day, rounded up); capex of the year's purchases and energy opex in
 * the port's currency (USD ↔ JPY at the stated exchange rate; price years as the sources give
 * them, no inflation adjustment).
 *
 * Each cohort-year is one whole-year activity record (n units: n × hours), so a 25-year run of a
 * port is one engine call over a few hundred records; emissions are linear in hours, so this
 * equals n runs of one unit (test "same engine").
 */
import {
  type CheRecord,
  computeNonshipLines,
  dieselConstants,
  emptyActivity,
  hydrogenIntensity,
  type NonshipTables,
  portGridFactor,
} from "../emissions/index.ts";
import type { SupplyReferenceRow } from "./hydrogen-tables.ts";
import type { PortHydrogenSeries } from "./regional-demand.ts";
import { note, type ScenarioNote } from "./scenario-messages.ts";
import { defaultValue, type ScenarioRefTables } from "./scenario-tables.ts";
import {
  type Assumption,
  type Cohort,
  type EarlyRetirement,
  SCENARIO_POWERTRAINS,
  type ScenarioInput,
  type ScenarioPowertrain,
  type ScenarioResult,
  type ScenarioYear,
  ZE_SCENARIO_POWERTRAINS,
} from "./scenario-wire.ts";
import { type FuelPrice, tablePrices } from "./scorecard.ts";
import type { TransitionTables } from "./tables.ts";
import { CHE_CATEGORIES, EQUIPMENT_CATEGORIES, type Equipment, type EquipmentCategory } from "./wire.ts";

/** The engine's activity shapes (emissions/index.ts exports the CHE record; the rest by inference). */
type NonshipActivity = ReturnType<typeof emptyActivity>;
type DrayageRecord = NonshipActivity["drayage"][number];

export const SCENARIO_METHOD_VERSION = "ze-scenario-1";

export interface ScenarioTablesIn {
  scenario: ScenarioRefTables;
  transition: TransitionTables;
  supply: readonly SupplyReferenceRow[];
  nonship: NonshipTables;
}

export interface ScenarioContext {
  /** The port's currency (USD for USLAX, JPY for JPNGO). */
  currency: string;
  /** The port's stored equipment (for `startingFleet: registry`). */
  registry?: readonly Equipment[];
}

/** Per-type parameters after defaults and overrides. */
export interface TypeParams {
  usefulLifeYears: number;
  annualHours: number;
  ratedKw: number;
  batteryKwhPerH: number;
  fuelCellKgH2PerH: number;
  annualMiles: number;
  batteryKwhPerMi: number;
  fuelCellMiPerKg: number;
  dieselMiPerGal: number;
  /** Diesel load factor override and its source (null: NONROAD's, as the inventory). */
  loadFactor: { value: number; source: string } | null;
}

/** A cohort of one year's fleet with what it emitted and used that year. */
export interface CohortYear extends Cohort {
  year: number;
  ratedKw: number;
  wtwCo2eT: number;
}

export interface ScenarioRun {
  result: ScenarioResult;
  /** Cohorts by year (for the gap to targets). */
  cohorts: Map<number, CohortYear[]>;
  params: Map<EquipmentCategory, TypeParams>;
}

const isZe = (p: ScenarioPowertrain) => ZE_SCENARIO_POWERTRAINS.includes(p);
const isChe = (c: EquipmentCategory) => CHE_CATEGORIES.includes(c);
const ESTIMATED: readonly EquipmentCategory[] = [...CHE_CATEGORIES, "drayage_truck"];

/**
 * Whole units from shares, largest remainder (ties: listed order).
 * Example: 10 units at 50 / 30 / 20 % → 5, 3, 2; 7 units at 50 / 50 % → 4, 3.
 */
export function apportion<K>(total: number, weights: ReadonlyArray<[K, number]>): Map<K, number> {
  const sum = weights.reduce((a, [, w]) => a + w, 0);
  const out = new Map<K, number>();
  if (total <= 0 || sum <= 0) return out;
  const raw = weights.map(([k, w], i) => ({ k, i, exact: (total * w) / sum }));
  let given = 0;
  for (const r of raw) {
    const n = Math.floor(r.exact + 1e-9);
    out.set(r.k, n);
    given += n;
  }
  const frac = (x: number) => x - Math.floor(x + 1e-9);
  const order = [...raw].sort((a, b) => frac(b.exact) - frac(a.exact) || a.i - b.i);
  for (let j = 0; given < total; j++, given++) {
    const r = order[j % order.length]!;
    out.set(r.k, (out.get(r.k) ?? 0) + 1);
  }
  return out;
}

/** Resolves every type's parameters: the scenario's override, else the default table (listed as an assumption). */
export function typeParams(
  input: Pick<ScenarioInput, "activity">,
  tables: ScenarioTablesIn,
  assumptions: Assumption[],
): Map<EquipmentCategory, TypeParams> {
  const lhv = tables.nonship.energy.constants.get("hydrogen_lhv");
  if (lhv === undefined) throw new Error("fuel_and_hydrogen_constants.csv: no hydrogen_lhv");
  const out = new Map<EquipmentCategory, TypeParams>();
  const eff = defaultValue(tables.scenario, "all", "fuel_cell_system_efficiency");
  for (const c of EQUIPMENT_CATEGORIES) {
    const o = input.activity[c] ?? {};
    const pick = (key: keyof TypeParams, override: number | undefined, parameter: string, unit: string) => {
      if (override !== undefined) {
        assumptions.push({
          name: `${c}.${key}`,
          value: override,
          unit,
          source: o.source ?? "scenario input",
        });
        return override;
      }
      const d = defaultValue(tables.scenario, c, parameter);
      if (d === undefined) return Number.NaN;
      if (ESTIMATED.includes(c) || parameter === "useful_life_years")
        assumptions.push({ name: `${c}.${key}`, value: d.value, unit: d.unit, source: d.source });
      return d.value;
    };
    const batteryKwhPerH = pick("batteryKwhPerH", o.batteryKwhPerH, "battery_kwh_per_h", "kWh/h");
    let fuelCellKgH2PerH = o.fuelCellKgH2PerH;
    if (fuelCellKgH2PerH !== undefined)
      assumptions.push({
        name: `${c}.fuelCellKgH2PerH`,
        value: fuelCellKgH2PerH,
        unit: "kg/h",
        source: o.source ?? "scenario input",
      });
    else if (eff !== undefined && Number.isFinite(batteryKwhPerH)) {
      // NOTES §4 planner rule: kg H2/h = battery kWh/h ÷ (FC system efficiency × LHV).
      fuelCellKgH2PerH = batteryKwhPerH / (eff.value * lhv.value);
      if (isChe(c))
        assumptions.push({
          name: `${c}.fuelCellKgH2PerH`,
          value: Number(fuelCellKgH2PerH.toFixed(4)),
          unit: "kg/h",
          source: `${batteryKwhPerH} kWh/h ÷ (${eff.value} × ${lhv.value} kWh/kg): ${eff.source}; LHV fuel_and_hydrogen_constants.csv line ${lhv.line}`,
        });
    }
    out.set(c, {
      usefulLifeYears: pick("usefulLifeYears", o.usefulLifeYears, "useful_life_years", "years"),
      annualHours: pick("annualHours", o.annualHours, "annual_hours", "h/yr"),
      ratedKw: pick("ratedKw", o.ratedKw, "rated_kw", "kW"),
      batteryKwhPerH,
      fuelCellKgH2PerH: fuelCellKgH2PerH ?? Number.NaN,
      annualMiles: c === "drayage_truck" ? pick("annualMiles", o.annualMiles, "annual_miles", "mi/yr") : 0,
      batteryKwhPerMi:
        c === "drayage_truck"
          ? pick("batteryKwhPerMi", o.batteryKwhPerMi, "battery_kwh_per_mi", "kWh/mi")
          : 0,
      fuelCellMiPerKg:
        c === "drayage_truck"
          ? pick("fuelCellMiPerKg", o.fuelCellMiPerKg, "fuel_cell_mi_per_kg", "mi/kg")
          : 0,
      dieselMiPerGal:
        c === "drayage_truck" ? pick("dieselMiPerGal", undefined, "diesel_mi_per_gal", "mi/US gal") : 0,
      loadFactor:
        o.loadFactor === undefined
          ? null
          : {
              value: pick("loadFactor" as keyof TypeParams, o.loadFactor, "", "fraction"),
              source: o.source ?? "scenario input",
            },
    });
  }
  return out;
}

/** The registry's units (not retired, not planned) as cohorts. */
export function cohortsFromRegistry(
  units: readonly Equipment[],
  baseYear: number,
  params: Map<EquipmentCategory, TypeParams>,
  warnings: ScenarioNote[],
): Cohort[] {
  const map = new Map<string, Cohort>();
  let noYear = 0;
  const other = new Map<string, number>();
  for (const u of units) {
    if (u.status === "retired" || u.status === "planned") continue;
    let p: ScenarioPowertrain;
    if ((SCENARIO_POWERTRAINS as readonly string[]).includes(u.powertrain))
      p = u.powertrain as ScenarioPowertrain;
    else {
      // LNG and renewable diesel burn in an engine: counted as diesel; hydrogen ICE as fuel cell.
      p = u.powertrain === "hydrogen_ice" ? "fuel_cell" : "diesel";
      other.set(u.powertrain, (other.get(u.powertrain) ?? 0) + 1);
    }
    let modelYear = u.modelYear;
    if (modelYear === null) {
      modelYear = baseYear - Math.floor((params.get(u.category)?.usefulLifeYears ?? 0) / 2);
      noYear++;
    }
    const kw = u.ratedPowerKw ?? undefined;
    const key = `${u.category}|${p}|${modelYear}|${kw ?? ""}`;
    const c = map.get(key) ?? {
      category: u.category,
      powertrain: p,
      modelYear,
      units: 0,
      ...(kw !== undefined ? { ratedKw: kw } : {}),
    };
    c.units++;
    map.set(key, c);
  }
  if (noYear > 0) warnings.push(note("n.registryNoYear", { n: noYear }));
  for (const [p, n] of other)
    warnings.push(
      note("n.registryPowertrain", { n, from: p, to: p === "hydrogen_ice" ? "fuel_cell" : "diesel" }),
    );
  return [...map.values()];
}

/**
 * A CHE count from fleet_progress.csv split into cohorts (for a port whose registry is thin).
 * Rule: units = the San Pedro Bay CHE count × the USLAX share (scenario_defaults.csv), for
 * JPNGO scaled by TEU (USLAX CHE per TEU × Nagoya TEU); split by type with
 * share_of_che_units; ages spread evenly over each type's useful life (one cohort per model year).
 * Example (shipped tables): 3,368 × 0.5 = 1,684 USLAX units; yard tractors 0.55 → 926, over
 * 10 model years 92 or 93 each.
 */
export function cohortsFromProgress(
  tables: ScenarioTablesIn,
  opts: { port: string; baseYear: number; teu?: { port: number; uslax: number } },
  params: Map<EquipmentCategory, TypeParams>,
  assumptions: Assumption[],
): Cohort[] {
  const row = tables.scenario.progress.find((r) => /cargo-handling equipment units/i.test(r.metric));
  if (row === undefined) throw new Error("fleet_progress.csv: no cargo-handling equipment count");
  const share = defaultValue(tables.scenario, "all", "san_pedro_bay_share_uslax");
  if (share === undefined) throw new Error("scenario_defaults.csv: no san_pedro_bay_share_uslax");
  let total = row.value * share.value;
  let rule = `fleet_progress.csv: line ${row.line} — ${row.portOrArea} ${row.asOf}: ${row.value} ${row.unit} (${row.sourceId}, ${row.confidence}) × ${share.source}`;
  if (opts.port !== "USLAX") {
    if (opts.teu === undefined) throw new Error(`${opts.port}: a TEU ratio is needed to scale the CHE count`);
    total = (total / opts.teu.uslax) * opts.teu.port;
    rule += ` ÷ ${opts.teu.uslax} TEU (USLAX) × ${opts.teu.port} TEU (${opts.port})`;
  }
  const shares: [EquipmentCategory, number][] = [];
  for (const c of CHE_CATEGORIES) {
    const d = tables.scenario.defaults.has(`${c}|share_of_che_units`)
      ? defaultValue(tables.scenario, c, "share_of_che_units")
      : undefined;
    if (d === undefined) continue;
    shares.push([c, d.value]);
    assumptions.push({ name: `startingFleet.share.${c}`, value: d.value, unit: d.unit, source: d.source });
  }
  const byType = apportion(Math.round(total), shares);
  assumptions.push({ name: "startingFleet.cheUnits", value: Math.round(total), unit: "units", source: rule });
  const out: Cohort[] = [];
  for (const [c, n] of byType) {
    const life = params.get(c)!.usefulLifeYears;
    const years = Array.from({ length: life }, (_, i) => [opts.baseYear - i, 1] as [number, number]);
    for (const [modelYear, units] of apportion(n, years))
      if (units > 0) out.push({ category: c, powertrain: "diesel", modelYear, units });
  }
  return out;
}

export interface LiveCohort {
  category: EquipmentCategory;
  powertrain: ScenarioPowertrain;
  modelYear: number;
  ratedKw: number;
  units: number;
}

/**
 * The engine's source id of a cohort: the same in every year (the engine names a source once while
 * its rows follow each other); zero-emission units of a type are one source (their emissions do not
 * depend on model year or power). Lines carry the year.
 */
export const cohortId = (
  c: { category: string; powertrain: string; modelYear: number; ratedKw: number },
  tag = "",
) =>
  ZE_SCENARIO_POWERTRAINS.includes(c.powertrain as ScenarioPowertrain)
    ? `${c.category}/${c.powertrain}${tag}`
    : `${c.category}/${c.powertrain}/MY${c.modelYear}/${c.ratedKw}kW${tag}`;

const CHE_POWERTRAIN = {
  diesel: "diesel",
  hybrid: "hybrid",
  battery: "battery_electric",
  fuel_cell: "fuel_cell",
} as const;

/**
 * The engine's activity record of one cohort in one year. The record is dated January and carries
 * the whole year's hours (miles): the engine is linear in activity and its factors, engine age and
 * grid factor are per calendar year, so the year's total is the same as twelve monthly rows — with
 * a twelfth of the lines.
 */
export function cohortActivity(
  c: LiveCohort,
  year: number,
  p: TypeParams,
  pathway: string,
  activity: NonshipActivity,
  tag = "",
): { kwh: number; h2Kg: number } {
  const unitId = cohortId(c, tag);
  if (isChe(c.category)) {
    const hours = c.units * p.annualHours;
    const kwh = c.powertrain === "battery" ? hours * p.batteryKwhPerH : 0;
    const h2Kg = c.powertrain === "fuel_cell" ? hours * p.fuelCellKgH2PerH : 0;
    const r: CheRecord = {
      unitId,
      terminal: null,
      equipmentType: c.category,
      powertrain: CHE_POWERTRAIN[c.powertrain],
      ratedHp: null,
      ratedKw: c.ratedKw,
      modelYear: c.modelYear,
      year,
      month: 1,
      hours,
      energyKwh: c.powertrain === "battery" ? kwh : null,
      hydrogenKg: c.powertrain === "fuel_cell" ? h2Kg : null,
      fuelL: null,
      fuelGal: null,
      // Per unit: years of use × the scenario's hours a year (the engine's age for deterioration).
      cumulativeHoursStart: Math.max(0, year - c.modelYear) * p.annualHours,
      loadFactor: p.loadFactor?.value ?? null,
      loadFactorSource: p.loadFactor?.source ?? null,
      hydrogenPathway: c.powertrain === "fuel_cell" ? pathway : null,
    };
    activity.che.push(r);
    return { kwh, h2Kg };
  }
  if (c.category === "drayage_truck") {
    const powertrain =
      c.powertrain === "battery" ? "battery_electric" : c.powertrain === "fuel_cell" ? "fuel_cell" : "diesel";
    {
      // One "visit" per truck covering its year's miles: VMT = visits × 2 × one-way.
      const r: DrayageRecord = {
        terminal: unitId,
        year,
        month: 1,
        powertrain,
        modelYearGroup: null,
        gateVisits: c.units,
        oneWayMi: p.annualMiles / 2,
        oneWayKm: null,
        idleMinPerVisit: 0,
        startsPerVisit: null,
        kwhPerMi: c.powertrain === "battery" ? p.batteryKwhPerMi : null,
        h2KgPerMi: c.powertrain === "fuel_cell" ? 1 / p.fuelCellMiPerKg : null,
        energySource: "scenario_defaults.csv (see the scenario's assumptions)",
        hydrogenPathway: c.powertrain === "fuel_cell" ? pathway : null,
      };
      activity.drayage.push(r);
    }
    const miles = c.units * p.annualMiles;
    return {
      kwh: c.powertrain === "battery" ? miles * p.batteryKwhPerMi : 0,
      h2Kg: c.powertrain === "fuel_cell" ? miles / p.fuelCellMiPerKg : 0,
    };
  }
  return { kwh: 0, h2Kg: 0 };
}

/** The CO2 user factor of diesel drayage (g/mi) from diesel CO2 per gallon and the trucks' mi/gal. */
export function drayageDieselFactor(tables: ScenarioTablesIn, mpg: number, activity: NonshipActivity): void {
  const diesel = dieselConstants(tables.nonship.energy);
  activity.factors.push({
    category: "drayage",
    key: "diesel",
    pollutant: "co2",
    value: (diesel.co2KgPerGal.value * 1000) / mpg,
    unit: "g/mi",
    source: `${diesel.co2KgPerGal.value} kg CO2/gal (${diesel.co2KgPerGal.source}) ÷ ${mpg} mi/gal (scenario_defaults.csv drayage diesel_mi_per_gal)`,
  });
}

interface YearTotals {
  tailpipeCo2eG: number;
  upstreamCo2eG: number;
  gridCo2eG: number;
  noxG: number;
  dpmG: number;
  co2TailpipeG: number;
}

/** Runs the engine over `activity` and sums its lines per year and per cohort-year source. */
export function engineTotals(
  tables: ScenarioTablesIn,
  port: string,
  pathway: string,
  activity: NonshipActivity,
): { byYear: Map<number, YearTotals>; bySource: Map<string, number>; warnings: string[] } {
  // Rows of one source next to each other (stable: years stay in order).
  activity.che.sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  const result = computeNonshipLines(tables.nonship, activity, {
    port,
    gwp: "AR5",
    wellToWheel: true,
    gridFactor: portGridFactor(port, tables.nonship),
    defaultHydrogenPathway: pathway,
    trace: false,
  });
  const byYear = new Map<number, YearTotals>();
  const bySource = new Map<string, number>();
  for (const l of result.lines) {
    let t = byYear.get(l.year);
    if (t === undefined) {
      t = { tailpipeCo2eG: 0, upstreamCo2eG: 0, gridCo2eG: 0, noxG: 0, dpmG: 0, co2TailpipeG: 0 };
      byYear.set(l.year, t);
    }
    if (l.scope === "tailpipe") {
      t.tailpipeCo2eG += l.grams.co2e;
      t.co2TailpipeG += l.grams.co2;
      t.noxG += l.grams.nox;
      t.dpmG += l.grams.dpm;
    } else if (l.scope === "upstream") t.upstreamCo2eG += l.grams.co2e;
    else t.gridCo2eG += l.grams.co2e;
    const src = l.sourceId
      .replace(/^che:/, "")
      .replace(/^drayage:/, "")
      .replace(/:[a-z_]+:all$/, "");
    const key = `${src}|${l.year}`;
    bySource.set(key, (bySource.get(key) ?? 0) + l.grams.co2e);
  }
  const warnings = [...new Set(result.warnings.map((w) => w.message))].filter(
    // Diesel drayage has a CO2 factor only (NOx, PM: EMFAC/MOVES not in the reference).
    (m) => !/drayage|Diesel trucks/i.test(m),
  );
  return { byYear, bySource, warnings };
}

/** Unit purchase cost for a type and powertrain: the scenario's, else costs_and_funding.csv. */
function unitCost(
  input: ScenarioInput,
  tables: ScenarioTablesIn,
  category: EquipmentCategory,
  powertrain: ScenarioPowertrain,
): { cost: number; currency: string; priceYear: number; source: string } | undefined {
  const own = input.unitCosts.find((u) => u.category === category && u.powertrain === powertrain);
  if (own !== undefined)
    return { cost: own.cost, currency: own.currency, priceYear: own.priceYear, source: own.source };
  // Which costs_and_funding.csv row prices which purchase (the table's own item names).
  const ITEM: Partial<Record<string, RegExp>> = {
    "yard_tractor|diesel": /^diesel yard tractor .*purchase$/i,
    "yard_tractor|battery": /^battery-electric yard tractor incl\. charging/i,
  };
  const re = ITEM[`${category}|${powertrain}`];
  const row = re === undefined ? undefined : tables.transition.costs.find((r) => re.test(r.item));
  if (row === undefined || row.low === null) return undefined;
  return {
    cost: row.high !== null ? (row.low + row.high) / 2 : row.low,
    currency: row.currency,
    priceYear: row.priceYear ?? 0,
    source: `costs_and_funding.csv: line ${row.line} — ${row.item} ${row.low} ${row.currency} ${row.unit} (${row.priceYear}; ${row.sourceId}, ${row.confidence})`,
  };
}

/**
 * Runs a scenario to its horizon.
 *
 * Worked example (test "hand-worked fleet"): 10 diesel yard tractors of model years 2016..2025,
 * life 10 years, base year 2025, purchases 100 % battery from 2026 → each year one unit (the
 * oldest) reaches end of life and is replaced by a battery unit: ZE share 10 % in 2026, 50 % in
 * 2030, 100 % in 2035. With a target { yard_tractor, 2030, 100 % } the 2030 step retires the five
 * diesel units of 2021..2025 early (remaining life 1..5 years).
 */
export function runScenario(
  input: ScenarioInput,
  tables: ScenarioTablesIn,
  ctx: ScenarioContext,
): ScenarioRun {
  const assumptions: Assumption[] = [];
  const warnings: ScenarioNote[] = [];
  const params = typeParams(input, tables, assumptions);
  const paramsOf = (c: EquipmentCategory) => params.get(c)!;

  // Starting fleet.
  const start =
    input.startingFleet.source === "registry"
      ? cohortsFromRegistry(ctx.registry ?? [], input.baseYear, params, warnings)
      : input.startingFleet.cohorts;
  if (input.startingFleet.source === "cohorts" && input.startingFleet.note)
    assumptions.push({ name: "startingFleet", value: "cohorts", unit: "", source: input.startingFleet.note });
  let fleet: LiveCohort[] = start
    .filter((c) => c.units > 0)
    .map((c) => ({ ...c, ratedKw: c.ratedKw ?? paramsOf(c.category).ratedKw }));
  for (const c of new Set(fleet.map((f) => f.category)))
    if (!ESTIMATED.includes(c)) warnings.push(note("n.notEstimated", { category: c }));

  const mixFor = (c: EquipmentCategory, y: number): [ScenarioPowertrain, number][] | null => {
    const steps = input.purchases.filter((p) => p.category === c && p.fromYear <= y);
    if (steps.length === 0) return null;
    const step = steps.reduce((a, b) => (b.fromYear >= a.fromYear ? b : a));
    return SCENARIO_POWERTRAINS.flatMap((p) => ((step.mixPct[p] ?? 0) > 0 ? [[p, step.mixPct[p]!]] : [])) as [
      ScenarioPowertrain,
      number,
    ][];
  };

  const early = new Map<string, EarlyRetirement>();
  const addEarly = (y: number, c: LiveCohort, n: number, reason: EarlyRetirement["reason"]) => {
    const k = `${y}|${c.category}|${c.powertrain}|${c.modelYear}|${reason}`;
    const e = early.get(k) ?? {
      year: y,
      category: c.category,
      powertrain: c.powertrain,
      modelYear: c.modelYear,
      units: 0,
      remainingLifeYears: c.modelYear + paramsOf(c.category).usefulLifeYears - y,
      reason,
    };
    e.units += n;
    early.set(k, e);
  };
  /** Retires up to n of the oldest non-ZE units of a type; returns how many. */
  const retireOldest = (y: number, cat: EquipmentCategory, n: number, reason: EarlyRetirement["reason"]) => {
    let left = n;
    const candidates = fleet
      .filter((c) => c.category === cat && !isZe(c.powertrain) && c.units > 0 && c.modelYear < y)
      .sort((a, b) => a.modelYear - b.modelYear);
    for (const c of candidates) {
      if (left === 0) break;
      const k = Math.min(left, c.units);
      c.units -= k;
      left -= k;
      addEarly(y, c, k, reason);
    }
    return n - left;
  };
  const buy = (
    y: number,
    cat: EquipmentCategory,
    p: ScenarioPowertrain,
    n: number,
    bought: Map<string, number>,
  ) => {
    if (n <= 0) return;
    const kw = paramsOf(cat).ratedKw;
    const existing = fleet.find(
      (c) => c.category === cat && c.powertrain === p && c.modelYear === y && c.ratedKw === kw,
    );
    if (existing) existing.units += n;
    else fleet.push({ category: cat, powertrain: p, modelYear: y, ratedKw: kw, units: n });
    const k = `${cat}|${p}`;
    bought.set(k, (bought.get(k) ?? 0) + n);
  };

  const activity = emptyActivity();
  const dray = paramsOf("drayage_truck");
  drayageDieselFactor(tables, dray.dieselMiPerGal, activity);
  const cohortsByYear = new Map<number, CohortYear[]>();
  const perYear: {
    year: number;
    fleet: Map<string, number>;
    bought: Map<string, number>;
    natural: number;
    early: number;
    kwh: number;
    h2Kg: number;
  }[] = [];

  for (let y = input.baseYear; y <= input.horizonYear; y++) {
    const bought = new Map<string, number>();
    let natural = 0;
    const earlyBefore = [...early.values()].reduce((a, e) => a + e.units, 0);
    if (y > input.baseYear) {
      // 1. End of life, replaced by the year's mix (no mix: like for like).
      const toReplace = new Map<EquipmentCategory, Map<ScenarioPowertrain, number>>();
      for (const c of fleet)
        if (c.units > 0 && y - c.modelYear >= paramsOf(c.category).usefulLifeYears) {
          const m = toReplace.get(c.category) ?? new Map<ScenarioPowertrain, number>();
          m.set(c.powertrain, (m.get(c.powertrain) ?? 0) + c.units);
          toReplace.set(c.category, m);
          natural += c.units;
          c.units = 0;
        }
      const purchases = new Map<EquipmentCategory, Map<ScenarioPowertrain, number>>();
      for (const [cat, retired] of toReplace) {
        const mix = mixFor(cat, y);
        purchases.set(cat, mix === null ? new Map(retired) : apportion(sumMap(retired), mix));
      }
      // 2 (at end of life). Replacements that honour useful life: of the year's purchases of the
      // type, up to `units` not already of the powertrain take it (diesel first, listed order).
      for (const x of input.extraReplacements.filter((e) => e.year === y && !e.forceEarly)) {
        const m = purchases.get(x.category);
        let left = x.units;
        if (m !== undefined)
          for (const p of SCENARIO_POWERTRAINS) {
            if (left === 0) break;
            if (p === x.powertrain) continue;
            const n = Math.min(left, m.get(p) ?? 0);
            if (n === 0) continue;
            m.set(p, (m.get(p) ?? 0) - n);
            m.set(x.powertrain, (m.get(x.powertrain) ?? 0) + n);
            left -= n;
          }
        if (left > 0)
          warnings.push(
            note("n.atEndShort", {
              year: y,
              category: x.category,
              powertrain: x.powertrain,
              done: x.units - left,
              units: x.units,
            }),
          );
      }
      // 3 (purchases part). ZE targets in force: non-ZE purchases become the target's powertrain as needed.
      const targetsNow = input.zeTargets.filter((t) => t.year <= y);
      for (const t of targetsNow) {
        const m = purchases.get(t.category);
        if (m === undefined) continue;
        const total =
          fleet.filter((c) => c.category === t.category).reduce((a, c) => a + c.units, 0) + sumMap(m);
        const zeNow =
          fleet
            .filter((c) => c.category === t.category && isZe(c.powertrain))
            .reduce((a, c) => a + c.units, 0) +
          [...m].filter(([p]) => isZe(p)).reduce((a, [, n]) => a + n, 0);
        let need = Math.max(0, Math.ceil((t.zeSharePct / 100) * total - 1e-9) - zeNow);
        for (const p of SCENARIO_POWERTRAINS) {
          if (need === 0) break;
          if (isZe(p)) continue;
          const n = Math.min(need, m.get(p) ?? 0);
          if (n === 0) continue;
          m.set(p, (m.get(p) ?? 0) - n);
          m.set(t.powertrain, (m.get(t.powertrain) ?? 0) + n);
          need -= n;
        }
      }
      fleet = fleet.filter((c) => c.units > 0);
      for (const [cat, m] of purchases) for (const [p, n] of m) buy(y, cat, p, n, bought);

      // 2. Extra replacements of the year.
      for (const x of input.extraReplacements.filter((e) => e.year === y && e.forceEarly)) {
        const n = retireOldest(y, x.category, x.units, "extra_replacement");
        if (n < x.units)
          warnings.push(
            note("n.extraShort", { year: y, category: x.category, missing: x.units - n, units: x.units }),
          );
        buy(y, x.category, x.powertrain, n, bought);
      }
      // 3 (fleet part). ZE targets: early retirements until the share is met.
      for (const t of targetsNow) {
        if (!t.forceEarly) continue;
        const total = fleet.filter((c) => c.category === t.category).reduce((a, c) => a + c.units, 0);
        const ze = fleet
          .filter((c) => c.category === t.category && isZe(c.powertrain))
          .reduce((a, c) => a + c.units, 0);
        const need = Math.max(0, Math.ceil((t.zeSharePct / 100) * total - 1e-9) - ze);
        if (need > 0) {
          const n = retireOldest(y, t.category, need, "ze_target");
          buy(y, t.category, t.powertrain, n, bought);
        }
      }
      fleet = fleet.filter((c) => c.units > 0);
    }

    // Outputs of the year.
    const mix = new Map<string, number>();
    let kwh = 0;
    let h2Kg = 0;
    const cy: CohortYear[] = [];
    const zeMerged = new Map<string, LiveCohort>();
    for (const c of fleet) {
      const k = `${c.category}|${c.powertrain}`;
      mix.set(k, (mix.get(k) ?? 0) + c.units);
      cy.push({ ...c, year: y, wtwCo2eT: 0 });
      if (isZe(c.powertrain)) {
        const m = zeMerged.get(k);
        if (m === undefined) zeMerged.set(k, { ...c });
        else m.units += c.units;
        continue;
      }
      const e = cohortActivity(c, y, paramsOf(c.category), input.hydrogenPathway, activity);
      kwh += e.kwh;
      h2Kg += e.h2Kg;
    }
    for (const c of zeMerged.values()) {
      const e = cohortActivity(c, y, paramsOf(c.category), input.hydrogenPathway, activity);
      kwh += e.kwh;
      h2Kg += e.h2Kg;
    }
    cohortsByYear.set(y, cy);
    const earlyAfter = [...early.values()].reduce((a, e) => a + e.units, 0);
    perYear.push({ year: y, fleet: mix, bought, natural, early: earlyAfter - earlyBefore, kwh, h2Kg });
  }

  const h2ci = hydrogenIntensity(tables.nonship.energy, input.hydrogenPathway);
  if (h2ci === undefined) warnings.push(note("n.unknownPathway", { pathway: input.hydrogenPathway }));
  else
    assumptions.push({
      name: "hydrogenPathway",
      value: h2ci.kgCo2ePerKgH2,
      unit: `kg CO2e/kg H2 (${input.hydrogenPathway})`,
      source: h2ci.source,
    });
  // The grid factor of each year, as the engine takes it (latest year known ≤ the year).
  const grid = portGridFactor(input.port, tables.nonship);
  const gridSeen = new Map<string, number[]>();
  for (let y = input.baseYear; y <= input.horizonYear; y++) {
    const g = grid(y);
    const k = `${g.kgCo2ePerKwh}|${g.source.replace(/; (year \d+|latest year ≤ \d+|earliest year available; none ≤ \d+);/, ";")}`;
    gridSeen.set(k, [...(gridSeen.get(k) ?? []), y]);
  }
  for (const [k, ys] of gridSeen) {
    const [v, src] = [Number(k.split("|")[0]), k.slice(k.indexOf("|") + 1)];
    assumptions.push({
      name: `gridFactor.${ys[0]}-${ys.at(-1)}`,
      value: v,
      unit: "kg CO2e/kWh",
      source: src,
    });
  }
  const engine = engineTotals(tables, input.port, input.hydrogenPathway, activity);
  warnings.push(...calibrationNotes(input, tables, cohortsByYear, paramsOf));
  if (
    [...cohortsByYear.values()].some((l) =>
      l.some((c) => c.category === "drayage_truck" && !isZe(c.powertrain)),
    )
  )
    warnings.push(note("n.drayageCo2Only"));
  for (const text of engine.warnings) warnings.push(note("n.engine", { text }));
  for (const [y, list] of cohortsByYear)
    for (const c of list) {
      const total = (engine.bySource.get(`${cohortId(c)}|${y}`) ?? 0) / 1e6;
      if (!isZe(c.powertrain)) c.wtwCo2eT = total;
      else {
        // A type's ZE units are one source: each cohort's part by its units (same hours and rate).
        const units = list
          .filter((x) => x.category === c.category && x.powertrain === c.powertrain)
          .reduce((a, x) => a + x.units, 0);
        c.wtwCo2eT = (total * c.units) / units;
      }
    }

  // Demand peaks and stations.
  const peakDay = pickDefault(tables, input.peakDayFactor, "peak_day_factor", assumptions);
  const window = pickDefault(tables, input.chargingWindowH, "charging_window_h", assumptions);
  const stationRe = input.stationFacility ?? "Sandia heavy-duty reference station";
  const station = tables.supply.find(
    (s) => s.facility.toLowerCase().includes(stationRe.toLowerCase()) && s.h2CapacityKgPerDay !== null,
  );
  if (station === undefined) warnings.push(note("n.noStation", { facility: stationRe }));
  else
    assumptions.push({
      name: "stationCapacityKgPerDay",
      value: station.h2CapacityKgPerDay!,
      unit: "kg/day",
      source: `hydrogen_supply_reference.csv: line ${station.line} — ${station.facility} (${station.source}, ${station.confidence})`,
    });

  // Money.
  const currency = ctx.currency;
  const fx =
    input.exchangeRate ??
    (() => {
      const d = defaultValue(tables.scenario, "all", "jpy_per_usd");
      return d === undefined ? undefined : { jpyPerUsd: d.value, year: 2022, source: d.source };
    })();
  const convert = (value: number, from: string): number | null => {
    if (from === currency) return value;
    if (fx === undefined) return null;
    if (from === "USD" && currency === "JPY") return value * fx.jpyPerUsd;
    if (from === "JPY" && currency === "USD") return value / fx.jpyPerUsd;
    return null;
  };
  let fxUsed = false;
  const costsMissing = new Set<string>();
  const priceYears = new Set<number>();
  const costCache = new Map<string, number | null>();
  const capexOf = (bought: Map<string, number>): { capex: number; unpriced: number } => {
    let sum = 0;
    let unpriced = 0;
    for (const [k, n] of bought) {
      if (n === 0) continue;
      let v = costCache.get(k);
      if (v === undefined) {
        const [cat, p] = k.split("|") as [EquipmentCategory, ScenarioPowertrain];
        const c = unitCost(input, tables, cat, p);
        v = c === undefined ? null : convert(c.cost, c.currency);
        if (c !== undefined && v !== null) {
          priceYears.add(c.priceYear);
          if (c.currency !== currency) fxUsed = true;
          assumptions.push({
            name: `unitCost.${cat}.${p}`,
            value: v,
            unit: `${currency}/unit`,
            source: c.source,
          });
        }
        costCache.set(k, v);
      }
      if (v === null) {
        costsMissing.add(`capex: ${k.replace("|", " ")}`);
        unpriced += n;
      } else sum += v * n;
    }
    return { capex: sum, unpriced };
  };
  const energyPrices = resolvePrices(input, tables, currency, convert, assumptions, () => {
    fxUsed = true;
  });
  const diesel = dieselConstants(tables.nonship.energy);

  const years: ScenarioYear[] = perYear.map((py) => {
    const t = engine.byYear.get(py.year) ?? {
      tailpipeCo2eG: 0,
      upstreamCo2eG: 0,
      gridCo2eG: 0,
      noxG: 0,
      dpmG: 0,
      co2TailpipeG: 0,
    };
    const fleetRows = [...py.fleet].map(([k, units]) => {
      const [category, powertrain] = k.split("|") as [EquipmentCategory, ScenarioPowertrain];
      return { category, powertrain, units };
    });
    const share = (pred: (c: EquipmentCategory) => boolean) => {
      const rows = fleetRows.filter((r) => pred(r.category));
      const total = rows.reduce((a, r) => a + r.units, 0);
      return total === 0
        ? null
        : (100 * rows.filter((r) => isZe(r.powertrain)).reduce((a, r) => a + r.units, 0)) / total;
    };
    const h2PeakKgPerDay = (py.h2Kg / 365) * peakDay;
    const dieselL = t.co2TailpipeG / 1000 / diesel.co2KgPerL.value;
    let opex: number | null = 0;
    for (const [carrier, qty] of [
      ["diesel", dieselL],
      ["electricity", py.kwh],
      ["h2", py.h2Kg],
    ] as const) {
      if (qty <= 0) continue;
      const price = energyPrices.get(carrier);
      if (price === undefined) {
        costsMissing.add(`opex: ${carrier} price`);
        opex = null;
      } else if (opex !== null) opex += qty * price;
    }
    return {
      year: py.year,
      fleet: fleetRows,
      purchases: [...py.bought].flatMap(([k, units]) => {
        const [category, powertrain] = k.split("|") as [EquipmentCategory, ScenarioPowertrain];
        return units > 0 ? [{ category, powertrain, units }] : [];
      }),
      retiredAtEndOfLife: py.natural,
      retiredEarly: py.early,
      zeShareChePct: share(isChe),
      zeShareDrayagePct: share((c) => c === "drayage_truck"),
      emissions: {
        tailpipeCo2eT: t.tailpipeCo2eG / 1e6,
        upstreamCo2eT: t.upstreamCo2eG / 1e6,
        gridCo2eT: t.gridCo2eG / 1e6,
        wtwCo2eT: (t.tailpipeCo2eG + t.upstreamCo2eG + t.gridCo2eG) / 1e6,
        noxT: t.noxG / 1e6,
        dpmT: t.dpmG / 1e6,
      },
      h2TPerYear: py.h2Kg / 1000,
      h2PeakKgPerDay,
      electricityMwhPerYear: py.kwh / 1000,
      peakKw: ((py.kwh / 365) * peakDay) / window,
      stationsNeeded:
        station === undefined || h2PeakKgPerDay <= 0
          ? 0
          : Math.ceil(h2PeakKgPerDay / station.h2CapacityKgPerDay! - 1e-9),
      ...(() => {
        const c = capexOf(py.bought);
        return { capex: c.capex, capexUnpricedUnits: c.unpriced };
      })(),
      opex,
    };
  });
  if (fxUsed && fx !== undefined)
    assumptions.push({
      name: "exchangeRate",
      value: fx.jpyPerUsd,
      unit: `JPY/USD (${fx.year})`,
      source: fx.source,
    });
  warnings.push(note("n.priceYears"));
  // Parameters of types the scenario never has are left out of its assumptions.
  const present = new Set([...cohortsByYear.values()].flatMap((l) => l.map((c) => c.category)));
  const shown = assumptions.filter((a) => {
    const cat = a.name.split(".")[0] as EquipmentCategory;
    return !(EQUIPMENT_CATEGORIES as readonly string[]).includes(cat) || present.has(cat);
  });

  return {
    result: {
      port: input.port,
      name: input.name,
      baseYear: input.baseYear,
      horizonYear: input.horizonYear,
      methodVersion: SCENARIO_METHOD_VERSION,
      currency,
      priceYear: priceYears.size === 0 ? null : Math.max(...priceYears),
      years,
      earlyRetirements: [...early.values()].sort(
        (a, b) => a.year - b.year || a.category.localeCompare(b.category) || a.modelYear - b.modelYear,
      ),
      costsMissing: [...costsMissing].sort(),
      assumptions: shown,
      warnings,
    },
    cohorts: cohortsByYear,
    params,
  };
}

const sumMap = (m: Map<unknown, number>) => [...m.values()].reduce((a, b) => a + b, 0);

function pickDefault(
  tables: ScenarioTablesIn,
  given: number | undefined,
  parameter: string,
  assumptions: Assumption[],
): number {
  if (given !== undefined) {
    assumptions.push({ name: parameter, value: given, unit: "", source: "scenario input" });
    return given;
  }
  const d = defaultValue(tables.scenario, "all", parameter);
  if (d === undefined) throw new Error(`scenario_defaults.csv: no ${parameter}`);
  assumptions.push({ name: parameter, value: d.value, unit: d.unit, source: d.source });
  return d.value;
}

/** Energy prices per kg H2, kWh and litre in the port's currency: the scenario's, else the tables'. */
function resolvePrices(
  input: ScenarioInput,
  tables: ScenarioTablesIn,
  currency: string,
  convert: (v: number, from: string) => number | null,
  assumptions: Assumption[],
  onFx: () => void,
): Map<"diesel" | "electricity" | "h2", number> {
  const out = new Map<"diesel" | "electricity" | "h2", number>();
  const p = input.prices;
  if (p !== undefined) {
    const add = (carrier: "diesel" | "electricity" | "h2", v: number | undefined, unit: string) => {
      if (v === undefined) return;
      const c = convert(v, p.currency);
      if (c === null) return;
      if (p.currency !== currency) onFx();
      out.set(carrier, c);
      assumptions.push({
        name: `price.${carrier}`,
        value: c,
        unit: `${currency}/${unit} (${p.priceYear})`,
        source: p.source,
      });
    };
    add("diesel", p.dieselPerL, "L");
    add("electricity", p.electricityPerKwh, "kWh");
    add("h2", p.h2PerKg, "kg");
  }
  const table: FuelPrice[] = tablePrices({ transition: tables.transition, nonship: tables.nonship });
  for (const t of table) {
    // A table price applies where it was set (Japan's hydrogen cost target is no Los Angeles price).
    if (out.has(t.carrier) || t.currency !== currency) continue;
    const c = t.value;
    out.set(t.carrier, c);
    assumptions.push({
      name: `price.${t.carrier}`,
      value: c,
      unit: `${currency}/kg (${t.priceYear})`,
      source: t.source,
    });
  }
  return out;
}

/**
 * Where a type's diesel use was measured (equipment_energy_use.csv, gal/h or L/h), compares it
 * with what the inventory engine gives one such unit per operating hour, and says so when they
 * differ by more than half: NONROAD's load factors are national averages, port units idle a lot
 * (NOTES §4). The scenario's `activity.<type>.loadFactor` calibrates.
 */
function calibrationNotes(
  input: ScenarioInput,
  tables: ScenarioTablesIn,
  cohortsByYear: Map<number, CohortYear[]>,
  paramsOf: (c: EquipmentCategory) => TypeParams,
): ScenarioNote[] {
  const first = cohortsByYear.get(input.baseYear) ?? [];
  const cats = [
    ...new Set(first.filter((c) => c.powertrain === "diesel" && isChe(c.category)).map((c) => c.category)),
  ];
  const diesel = dieselConstants(tables.nonship.energy);
  const out: ScenarioNote[] = [];
  const activity = emptyActivity();
  const measured = new Map<EquipmentCategory, { kgPerH: number; where: string }>();
  for (const c of cats) {
    const row = tables.transition.energyUse.find(
      (r) => r.category === c && r.powertrain === "diesel" && r.metric === "fuel_use",
    );
    if (row === undefined) continue;
    const mid = (row.low + row.high) / 2;
    const kgPerH =
      row.unit === "US gal/h"
        ? mid * diesel.co2KgPerGal.value
        : row.unit === "L/h"
          ? mid * diesel.co2KgPerL.value
          : null;
    if (kgPerH === null) continue;
    measured.set(c, { kgPerH, where: `equipment_energy_use.csv line ${row.line}: ${mid} ${row.unit}` });
    const p = paramsOf(c);
    cohortActivity(
      { category: c, powertrain: "diesel", modelYear: input.baseYear, ratedKw: p.ratedKw, units: 1 },
      input.baseYear,
      { ...p, annualHours: 1 },
      input.hydrogenPathway,
      activity,
      "#calibration",
    );
  }
  if (activity.che.length === 0) return out;
  const r = computeNonshipLines(tables.nonship, activity, {
    port: input.port,
    gwp: "AR5",
    wellToWheel: false,
    gridFactor: portGridFactor(input.port, tables.nonship),
    trace: false,
  });
  for (const [c, m] of measured) {
    const g = r.lines
      .filter((l) => l.scope === "tailpipe" && l.sourceId.includes(`${c}/diesel/`))
      .reduce((a, l) => a + l.grams.co2, 0);
    const kgPerH = g / 1000;
    if (kgPerH <= 0) continue;
    const ratio = m.kgPerH / kgPerH;
    if (ratio < 2 / 3 || ratio > 1.5)
      out.push(
        note("n.calibration", {
          category: c,
          kw: paramsOf(c).ratedKw,
          engine: kgPerH.toFixed(1),
          where: m.where,
          measured: m.kgPerH.toFixed(1),
          ratio: ratio.toFixed(2),
        }),
      );
  }
  return out;
}

/**
 * A scenario's hydrogen demand as the regional balance takes it (regional-demand.ts
 * `regionalBalance`): t/yr for consecutive years from the base year.
 * Example: years 2025, 2026 with 0 and 805.9 t → { port, fromYear: 2025, tonnesPerYear: [0, 805.9] }.
 */
export function hydrogenSeries(
  result: Pick<ScenarioResult, "port" | "baseYear" | "years">,
): PortHydrogenSeries {
  return {
    port: result.port,
    fromYear: result.baseYear,
    tonnesPerYear: [...result.years].sort((a, b) => a.year - b.year).map((y) => y.h2TPerYear),
  };
}
