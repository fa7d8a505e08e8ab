/**
 * One solar-hydrogen station year, composed for the CLI and the HTTP route: the reference tables'
 * defaults, the caller's overrides, the PV model, the station model and the levelised cost — with
 * every input shown next to its source. Pure: tables and the solar year come in as arguments.
 */
import { DomainError } from "../core/errors.ts";
import { demandForHours } from "./hydrogen-demand.ts";
import {
  type CostInputs,
  dailyDemandProfile,
  type LevelisedCost,
  levelisedCost,
  runSolarH2Station,
  type StationResult,
} from "./hydrogen-station.ts";
import {
  assumption,
  costInputsFromTables,
  defaultStationFromTables,
  type HydrogenTables,
  pvSystemFromTables,
} from "./hydrogen-tables.ts";
import { type PvSystem, pvYear } from "./solar-pv.ts";
import type { SolarYear } from "./tmy.ts";

/** What a caller may set; everything left out comes from the reference tables. */
export interface SolarH2Params {
  port: string;
  pvKwp?: number;
  electrolyserKw?: number;
  kwhPerKg?: number;
  minLoadFraction?: number;
  storageKg?: number;
  storageStartKg?: number;
  demandKgPerDay?: number;
  openFromH?: number;
  openToH?: number;
  gridTopUp?: boolean;
  /** Hourly demand (a 24-h profile or whole days, repeated over the year); replaces kg/day and opening hours. */
  demandKgPerH?: Float64Array;
  /** Where demandKgPerH came from (a file name), shown with the inputs. */
  demandSource?: string;
  cost?: Partial<CostInputs>;
  keepHourly?: boolean;
}

/** One input as shown: value, unit and where it came from. */
export interface ShownInput {
  name: string;
  value: number | string | boolean;
  unit: string;
  source: string;
}

export interface SolarH2Report {
  port: string;
  solar: {
    file: string;
    kind: SolarYear["kind"];
    site: string;
    irradianceSplit: string;
    annualPvKwhPerKwp: number;
    annualPoaKwhPerM2: number;
  };
  inputs: ShownInput[];
  result: StationResult;
  cost: LevelisedCost;
  grid: { kgCo2PerKwh: number; label: string; source: string };
}

const positive = (name: string, v: number | undefined, min = 0): void => {
  if (v !== undefined && !(Number.isFinite(v) && v >= min))
    throw new DomainError("validation", `${name}: a number ≥ ${min}, not ${v}`, [
      { field: name, reason: `must be ≥ ${min}` },
    ]);
};

/**
 * Runs the year. Example: USLAX with the shipped TMY3 and the defaults (Honda SHS Oirase class:
 * 30 kWp, 10 kW at 55.6 kWh/kg, 19 kg, 1.5 kg/day over 06–22) — the CLI prints the figures; the
 * test checks the balances and that the inputs listed carry their sources.
 */
export function solarH2Report(tables: HydrogenTables, solar: SolarYear, p: SolarH2Params): SolarH2Report {
  positive("pvKwp", p.pvKwp);
  positive("electrolyserKw", p.electrolyserKw, 1e-9);
  positive("kwhPerKg", p.kwhPerKg, 1e-9);
  positive("storageKg", p.storageKg);
  positive("storageStartKg", p.storageStartKg);
  positive("demandKgPerDay", p.demandKgPerDay);
  if (p.minLoadFraction !== undefined && !(p.minLoadFraction >= 0 && p.minLoadFraction <= 1))
    throw new DomainError("validation", `minLoadFraction: 0 … 1, not ${p.minLoadFraction}`);
  const grid = tables.grid.get(p.port);
  if (!grid) throw new DomainError("validation", `port: ${p.port} has no grid factor (USLAX, JPNGO)`);
  const def = defaultStationFromTables(tables);
  const a = (name: string) => assumption(tables, p.port, name);
  const ref = (row: { source: string; confidence: string }) => `${row.source} (${row.confidence})`;
  const supplyRef = `hydrogen_supply_reference.csv: ${def.facility}`;
  const kwhRow = tables.constants.get("electrolysis_specific_energy_fh2r")!;
  const pvKwp = p.pvKwp ?? def.pvKwp;
  const electrolyserKw = p.electrolyserKw ?? def.electrolyserKw;
  const kwhPerKg = p.kwhPerKg ?? def.kwhPerKg;
  const minLoad = p.minLoadFraction ?? a("electrolyser_min_load_fraction").value;
  const storageKg = p.storageKg ?? def.storageKg;
  const storageStartKg = p.storageStartKg ?? storageKg * a("storage_initial_fraction").value;
  if (storageStartKg > storageKg)
    throw new DomainError("validation", `storageStartKg: at most the storage capacity (${storageKg} kg)`);
  const demandKgPerDay = p.demandKgPerDay ?? def.demandKgPerDay;
  const openFromH = p.openFromH ?? 6;
  const openToH = p.openToH ?? 22;
  if (
    !(
      Number.isInteger(openFromH) &&
      Number.isInteger(openToH) &&
      openFromH >= 0 &&
      openToH <= 24 &&
      openFromH < openToH
    )
  )
    throw new DomainError(
      "validation",
      `opening hours: whole hours 0 ≤ from < to ≤ 24, not ${openFromH}-${openToH}`,
    );
  const gridTopUp = p.gridTopUp ?? false;
  const system: PvSystem = pvSystemFromTables(tables, p.port);
  const pv = pvYear(solar, system);
  const result = runSolarH2Station({
    pvKwPerKwp: pv.acKwPerKwp,
    demandKgPerH: p.demandKgPerH
      ? demandForHours(p.demandKgPerH, pv.acKwPerKwp.length)
      : dailyDemandProfile(demandKgPerDay, openFromH, openToH, pv.acKwPerKwp.length),
    pvKwp,
    electrolyserRatedKw: electrolyserKw,
    electrolyserKwhPerKg: kwhPerKg,
    minLoadFraction: minLoad,
    storageCapacityKg: storageKg,
    storageInitialKg: storageStartKg,
    gridTopUp,
    gridKgCo2PerKwh: grid.kgCo2PerKwh,
    keepHourly: p.keepHourly ?? false,
  });
  const baseCost = costInputsFromTables(tables, p.port);
  const costIn: CostInputs = { ...baseCost, ...p.cost };
  for (const [k, v] of Object.entries(p.cost ?? {})) if (typeof v === "number") positive(k, v);
  const cost = levelisedCost(
    { pvKwp, electrolyserRatedKw: electrolyserKw, storageCapacityKg: storageKg },
    result,
    costIn,
  );
  const given = "given";
  const src = (isGiven: boolean, s: string) => (isGiven ? given : s);
  const costSrc = (k: keyof CostInputs, param: string) =>
    p.cost?.[k] !== undefined ? given : `solar_h2_assumptions.csv ${param} (${a(param).confidence})`;
  const inputs: ShownInput[] = [
    { name: "pv_kwp", value: pvKwp, unit: "kWp", source: src(p.pvKwp !== undefined, supplyRef) },
    { name: "pv_tilt", value: system.tiltDeg, unit: "°", source: ref(a("pv_tilt_deg")) },
    {
      name: "pv_losses",
      value: system.systemLossFraction,
      unit: "fraction",
      source: ref(a("pv_system_loss_fraction")),
    },
    {
      name: "inverter_efficiency",
      value: system.inverterEfficiency,
      unit: "fraction",
      source: ref(a("pv_inverter_efficiency")),
    },
    {
      name: "electrolyser_kw",
      value: electrolyserKw,
      unit: "kW",
      source: src(p.electrolyserKw !== undefined, ref(a("station_electrolyser_kw"))),
    },
    {
      name: "electrolyser_kwh_per_kg",
      value: kwhPerKg,
      unit: "kWh/kg",
      source: src(p.kwhPerKg !== undefined, ref(kwhRow)),
    },
    {
      name: "min_load",
      value: minLoad,
      unit: "fraction",
      source: src(p.minLoadFraction !== undefined, ref(a("electrolyser_min_load_fraction"))),
    },
    { name: "storage_kg", value: storageKg, unit: "kg", source: src(p.storageKg !== undefined, supplyRef) },
    {
      name: "storage_start_kg",
      value: storageStartKg,
      unit: "kg",
      source: src(p.storageStartKg !== undefined, ref(a("storage_initial_fraction"))),
    },
    ...(p.demandKgPerH
      ? [
          {
            name: "demand_hourly",
            value: `${p.demandKgPerH.length} h profile`,
            unit: "kg/h",
            source: p.demandSource ?? given,
          },
        ]
      : [
          {
            name: "demand_kg_per_day",
            value: demandKgPerDay,
            unit: "kg/day",
            source: src(p.demandKgPerDay !== undefined, supplyRef),
          },
          {
            name: "open_hours",
            value: `${openFromH}-${openToH}`,
            unit: "h (standard time)",
            source: src(p.openFromH !== undefined, "assumption (D)"),
          },
        ]),
    { name: "grid_top_up", value: gridTopUp, unit: "", source: given },
    {
      name: "grid_co2",
      value: grid.kgCo2PerKwh,
      unit: "kg CO2/kWh",
      source: `${grid.label}: ${grid.source} (${grid.confidence})`,
    },
    {
      name: "pv_capex",
      value: costIn.pvCapexPerKwp,
      unit: `${costIn.currency}/kWp`,
      source: costSrc("pvCapexPerKwp", "pv_capex_per_kwp"),
    },
    {
      name: "electrolyser_capex",
      value: costIn.electrolyserCapexPerKw,
      unit: `${costIn.currency}/kW`,
      source: costSrc("electrolyserCapexPerKw", "electrolyser_capex_per_kw"),
    },
    {
      name: "storage_capex",
      value: costIn.storageCapexPerKg,
      unit: `${costIn.currency}/kg`,
      source: costSrc("storageCapexPerKg", "storage_capex_per_kg"),
    },
    {
      name: "other_capex",
      value: costIn.otherCapex,
      unit: costIn.currency,
      source: costSrc("otherCapex", "other_capex"),
    },
    {
      name: "opex",
      value: costIn.opexFractionPerYear,
      unit: "of capex per year",
      source: costSrc("opexFractionPerYear", "opex_fraction_per_year"),
    },
    {
      name: "discount_rate",
      value: costIn.discountRate,
      unit: "per year",
      source: costSrc("discountRate", "discount_rate"),
    },
    {
      name: "lifetime",
      value: costIn.lifetimeYears,
      unit: "years",
      source: costSrc("lifetimeYears", "lifetime_years"),
    },
    {
      name: "grid_price",
      value: costIn.gridPricePerKwh,
      unit: `${costIn.currency}/kWh`,
      source: costSrc("gridPricePerKwh", "grid_price_per_kwh"),
    },
  ];
  return {
    port: p.port,
    solar: {
      file: solar.file,
      kind: solar.kind,
      site: solar.site.name,
      irradianceSplit: pv.irradianceSplit,
      annualPvKwhPerKwp: pv.annualAcKwhPerKwp,
      annualPoaKwhPerM2: pv.annualPoaKwhPerM2,
    },
    inputs,
    result,
    cost,
    grid: { kgCo2PerKwh: grid.kgCo2PerKwh, label: grid.label, source: grid.source },
  };
}
