/**
 * Pilot scorecards (pure): how a unit performed over its telemetry, and the emissions it avoided
 * against the diesel unit it replaces.
 *
 *   availability          = (period h − downtime h) / period h
 *   energy kWh            = charged kWh + kg H2 × LHV + diesel L × diesel LHV
 *   energy per h / move / mile, kg H2 per 100 mi, kg H2 per h
 *   fuel cost per h       = Σ quantity × price / operating h (prices in the port's currency only)
 *   diesel counterfactual = what the replaced diesel unit would have burnt for the same work:
 *     1. measured: its own telemetry's litres per operating hour (per mile for trucks) × this
 *        unit's hours (miles);
 *     2. else, cargo-handling equipment with the replaced unit's rated power and model year: the
 *        inventory's NONROAD calculator (emissions/index.ts computeNonshipLines) run on a diesel
 *        record with this unit's hours — the same engine, factors and deterioration as the
 *        inventory, tailpipe and well-to-tank (wellToWheel) lines;
 *     3. else the category's diesel use from equipment_energy_use.csv (gal/h, L/h or mi/gal).
 *   tailpipe avoided      = counterfactual tailpipe CO2 − the unit's own (diesel litres it burnt)
 *   well-to-wheel avoided = counterfactual CO2e (tailpipe + well-to-tank) − the unit's
 *                           kg H2 × pathway intensity + kWh × the port grid factor of the year
 *                           + diesel L × WTW per litre, for each hydrogen pathway: grid
 *                           electrolysis at the port, solar electrolysis, steam methane reforming.
 *
 * Constants (LHV, diesel CO2 per litre, WTW per litre) come from the emissions energy tables,
 * intensities from hydrogen_carbon_intensity.csv, grid factors from the port's series — all as the
 * inventory reads them.
 */
import {
  type CheRecord,
  computeNonshipLines,
  dieselConstants,
  emptyActivity,
  gallonsToLitres,
  hydrogenIntensity,
  type NonshipTables,
  portGridFactor,
} from "../emissions/index.ts";
import type { TransitionTables } from "./tables.ts";
import {
  CHE_CATEGORIES,
  type Equipment,
  type PathwayEmissions,
  type Scorecard,
  type Telemetry,
  ZERO_EMISSION_POWERTRAINS,
} from "./wire.ts";

/** Hydrogen pathways of every scorecard: [label, alias of hydrogen_carbon_intensity.csv by port]. */
const GRID_ELECTROLYSIS_BY_PORT: Record<string, string> = {
  // USLAX: CARB LCFS California average grid (NOTES §4); JPNGO: Chubu Electric (NOTES §2).
  USLAX: "grid-electrolysis-california",
  JPNGO: "grid-electrolysis-chubu",
};
export const SCORECARD_PATHWAYS = ["grid-electrolysis", "solar-electrolysis", "grey-smr"] as const;

export interface FuelPrice {
  carrier: "h2" | "electricity" | "diesel";
  /** Per kg (h2), kWh (electricity) or litre (diesel). */
  value: number;
  currency: string;
  priceYear: number;
  source: string;
}

export interface ScorecardInput {
  unit: Equipment;
  /** The unit's telemetry inside the window. */
  telemetry: readonly Telemetry[];
  /** Registry entry of `unit.replaces` (null when none or unknown). */
  replaced: Equipment | null;
  /** The replaced unit's telemetry (any period): its measured diesel use. */
  replacedTelemetry: readonly Telemetry[];
  timeZone: string;
  /** The port's currency (prices in another currency are not used: no exchange rate is assumed). */
  currency: string;
  fromS: number | null;
  toS: number | null;
}

export interface ScorecardTablesIn {
  transition: TransitionTables;
  nonship: NonshipTables;
  /** Prices given by the user; they come before the table's. */
  prices?: readonly FuelPrice[];
}

function constantOf(tables: NonshipTables, quantity: string) {
  const c = tables.energy.constants.get(quantity);
  if (c === undefined) throw new Error(`fuel_and_hydrogen_constants.csv: no row ${quantity}`);
  return {
    value: c.value,
    source: `fuel_and_hydrogen_constants.csv: line ${c.line} — ${c.quantity} ${c.value} ${c.unit} (${c.sourceId}, ${c.confidence})`,
  };
}

/**
 * Fuel prices from costs_and_funding.csv. Only one row is a fuel price: Japan's government target
 * of 30 JPY/Nm³ of hydrogen (2021), converted with the normal density (0.0899 kg/Nm³) to
 * 30 / 0.0899 = 333.70 JPY/kg. It is a target, not a market price, and its source says so.
 */
export function tablePrices(tables: ScorecardTablesIn): FuelPrice[] {
  const out: FuelPrice[] = [];
  const density = constantOf(tables.nonship, "hydrogen_density_normal");
  for (const r of tables.transition.costs) {
    if (!/hydrogen cost target/i.test(r.item) || !/per Nm3/i.test(r.unit) || r.low === null) continue;
    out.push({
      carrier: "h2",
      value: r.low / density.value,
      currency: r.currency,
      priceYear: r.priceYear ?? 0,
      source: `costs_and_funding.csv: line ${r.line} — ${r.item} ${r.low} ${r.currency}/Nm3 (${r.priceYear}; ${r.sourceId}, ${r.confidence}; a target, not a market price) ÷ ${density.value} kg/Nm3 (${density.source})`,
    });
  }
  return out;
}

/** Local calendar year and month of an instant in a time zone. */
function localYearMonth(s: number, timeZone: string): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
  }).formatToParts(new Date(s * 1000));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { year: get("year"), month: get("month") };
}

const sum = (xs: readonly Telemetry[], f: (t: Telemetry) => number | null) =>
  xs.reduce((a, t) => a + (f(t) ?? 0), 0);

type Counterfactual = NonNullable<Scorecard["dieselCounterfactual"]>;

/** The diesel the replaced unit would have burnt (module doc, methods 1–3); null when none applies. */
function dieselCounterfactual(
  input: ScorecardInput,
  tables: ScorecardTablesIn,
  warnings: string[],
): Counterfactual | null {
  const { unit, telemetry, replaced } = input;
  const diesel = dieselConstants(tables.nonship.energy);
  const byMiles = unit.category === "drayage_truck";
  const hours = sum(telemetry, (t) => t.operatingH);
  const miles = sum(telemetry, (t) => t.miles);
  const fromLitres = (litres: number, method: Counterfactual["method"], source: string): Counterfactual => ({
    method,
    dieselL: litres,
    tailpipeCo2Kg: litres * diesel.co2KgPerL.value,
    wtwCo2eKg: litres * diesel.wtwCo2eKgPerL.value,
    source: `${source}; × ${diesel.co2KgPerL.value} kg CO2/L (${diesel.co2KgPerL.source}); WTW × ${diesel.wtwCo2eKgPerL.value} kg CO2e/L (${diesel.wtwCo2eKgPerL.source})`,
  });

  // 1. The replaced unit's own metered diesel.
  const metered = input.replacedTelemetry.filter(
    (t) => t.dieselL !== null && (byMiles ? (t.miles ?? 0) > 0 : t.operatingH > 0),
  );
  if (replaced !== null && metered.length > 0) {
    const litres = sum(metered, (t) => t.dieselL);
    const per = byMiles ? sum(metered, (t) => t.miles) : sum(metered, (t) => t.operatingH);
    const rate = litres / per;
    const work = byMiles ? miles : hours;
    return fromLitres(
      rate * work,
      "measured_diesel_unit",
      `${replaced.unitId}: ${litres.toFixed(1)} L over ${per.toFixed(1)} ${byMiles ? "mi" : "h"} metered (${metered.length} records) = ${rate.toFixed(4)} L/${byMiles ? "mi" : "h"} × ${work.toFixed(1)} ${byMiles ? "mi" : "h"}`,
    );
  }

  // 2. The inventory's NONROAD engine for cargo-handling equipment.
  if (
    replaced !== null &&
    CHE_CATEGORIES.includes(replaced.category) &&
    replaced.ratedPowerKw !== null &&
    replaced.modelYear !== null
  ) {
    const activity = emptyActivity();
    for (const t of telemetry) {
      const { year, month } = localYearMonth(t.periodStartS, input.timeZone);
      const record: CheRecord = {
        unitId: replaced.unitId,
        terminal: null,
        equipmentType: replaced.category,
        powertrain: "diesel",
        ratedHp: null,
        ratedKw: replaced.ratedPowerKw,
        modelYear: replaced.modelYear,
        year,
        month,
        hours: t.operatingH,
        energyKwh: null,
        hydrogenKg: null,
        fuelL: null,
        fuelGal: null,
        cumulativeHoursStart: null,
        loadFactor: null,
        loadFactorSource: null,
        hydrogenPathway: null,
      };
      activity.che.push(record);
    }
    const result = computeNonshipLines(tables.nonship, activity, {
      port: unit.port,
      gwp: "AR5",
      wellToWheel: true,
      gridFactor: portGridFactor(unit.port, tables.nonship),
      trace: false,
    });
    if (result.warnings.length === 0 && result.notEstimated.length === 0) {
      let tailpipeG = 0;
      let upstreamG = 0;
      for (const l of result.lines) {
        if (l.scope === "tailpipe") tailpipeG += l.grams.co2;
        else if (l.scope === "upstream") upstreamG += l.grams.co2e;
      }
      return {
        method: "nonroad_engine",
        dieselL: null,
        tailpipeCo2Kg: tailpipeG / 1000,
        wtwCo2eKg: (tailpipeG + upstreamG) / 1000,
        source: `emissions engine (NONROAD, as the inventory): ${replaced.unitId} ${replaced.category} ${replaced.ratedPowerKw} kW, model year ${replaced.modelYear}, ${hours.toFixed(1)} h; upstream ${diesel.upstreamCo2ePerTailpipeCo2.source}`,
      };
    }
    for (const w of result.warnings) warnings.push(`diesel counterfactual: ${w.message}`);
  }

  // 3. The category's diesel use from equipment_energy_use.csv.
  const row = tables.transition.energyUse.find(
    (r) =>
      r.category === unit.category &&
      r.powertrain === "diesel" &&
      (byMiles ? r.metric === "fuel_economy" : r.metric === "fuel_use"),
  );
  if (row !== undefined) {
    const mid = (row.low + row.high) / 2;
    const where = `equipment_energy_use.csv: line ${row.line} — ${row.category} diesel ${row.metric} ${mid} ${row.unit} (${row.source}, ${row.confidence})`;
    if (row.unit === "mi/US gal" && byMiles)
      return fromLitres(
        gallonsToLitres(miles / mid),
        "energy_use_table",
        `${miles.toFixed(1)} mi ÷ ${where}`,
      );
    if (row.unit === "US gal/h")
      return fromLitres(gallonsToLitres(hours * mid), "energy_use_table", `${hours.toFixed(1)} h × ${where}`);
    if (row.unit === "L/h")
      return fromLitres(hours * mid, "energy_use_table", `${hours.toFixed(1)} h × ${where}`);
  }
  warnings.push(
    replaced === null
      ? `no replaced diesel unit and no diesel use for ${unit.category} in equipment_energy_use.csv: emissions avoided not computed`
      : `replaced unit ${replaced.unitId} has neither metered diesel nor rated power and model year, and ${unit.category} has no diesel use in equipment_energy_use.csv`,
  );
  return null;
}

/**
 * The scorecard of one unit over its telemetry.
 *
 * Example (test "hand-computed scorecard"): a Nagoya hydrogen top handler, two daily records of
 * 24 h with 10 + 12 operating hours, 1 + 2 h downtime, 100 + 140 moves, 20 + 25 kg H2, replacing
 * a diesel top handler metered at 22 L/h: availability (48 − 3) / 48 = 0.9375; energy 45 × 33.33
 * = 1,499.85 kWh, 68.175 kWh/h, 6.2494 kWh/move; counterfactual 22 × 22 = 484 L → 484 × 2.697 =
 * 1,305.348 kg CO2 tailpipe avoided.
 */
export function computeScorecard(input: ScorecardInput, tables: ScorecardTablesIn): Scorecard {
  const { unit, telemetry } = input;
  const warnings: string[] = [];
  const lhv = constantOf(tables.nonship, "hydrogen_lhv");
  const dieselLhvGal = constantOf(tables.nonship, "diesel_lhv_per_us_gallon");
  const dieselLhvPerL = dieselLhvGal.value / gallonsToLitres(1);
  const diesel = dieselConstants(tables.nonship.energy);

  const periodH = sum(telemetry, (t) => (t.periodEndS - t.periodStartS) / 3600);
  const operatingH = sum(telemetry, (t) => t.operatingH);
  const downtimeH = sum(telemetry, (t) => t.downtimeH);
  const downtimeByReason: Record<string, number> = {};
  for (const t of telemetry)
    if (t.downtimeH > 0) {
      const k = t.downtimeReason ?? "unspecified";
      downtimeByReason[k] = (downtimeByReason[k] ?? 0) + t.downtimeH;
    }
  const chargedKwh = sum(telemetry, (t) => t.chargedKwh);
  const h2Kg = sum(telemetry, (t) => t.h2Kg);
  const dieselL = sum(telemetry, (t) => t.dieselL);
  const energyOf = (t: Telemetry) =>
    (t.chargedKwh ?? 0) + (t.h2Kg ?? 0) * lhv.value + (t.dieselL ?? 0) * dieselLhvPerL;
  const energyKwh = sum(telemetry, energyOf);

  const withMoves = telemetry.filter((t) => t.moves !== null);
  const withMiles = telemetry.filter((t) => t.miles !== null);
  const moves = withMoves.length > 0 ? sum(withMoves, (t) => t.moves) : null;
  const miles = withMiles.length > 0 ? sum(withMiles, (t) => t.miles) : null;
  const ratio = (a: number, b: number | null) => (b !== null && b > 0 ? a / b : null);

  // Fuel cost: every carrier used needs a price in the port's currency.
  const prices = [...(tables.prices ?? []), ...tablePrices(tables)].filter(
    (p) => p.currency === input.currency,
  );
  const used: [FuelPrice["carrier"], number][] = [
    ["h2", h2Kg],
    ["electricity", chargedKwh],
    ["diesel", dieselL],
  ];
  let cost = 0;
  const costSources: string[] = [];
  const missing: string[] = [];
  let priceYear = 0;
  for (const [carrier, qty] of used) {
    if (qty <= 0) continue;
    const p = prices.find((x) => x.carrier === carrier);
    if (p === undefined) {
      missing.push(carrier);
      continue;
    }
    cost += qty * p.value;
    priceYear = Math.max(priceYear, p.priceYear);
    costSources.push(`${carrier} ${p.value.toFixed(2)} ${p.currency} (${p.priceYear}): ${p.source}`);
  }
  const fuelCostPerH =
    missing.length === 0 && costSources.length > 0 && operatingH > 0
      ? { value: cost / operatingH, currency: input.currency, priceYear, sources: costSources }
      : null;

  // The unit's own emissions.
  const unitTailpipeCo2Kg = dieselL * diesel.co2KgPerL.value;
  const grid = portGridFactor(unit.port, tables.nonship);
  let gridKg = 0;
  const gridSources = new Map<string, number>();
  for (const t of telemetry)
    if ((t.chargedKwh ?? 0) > 0) {
      const g = grid(localYearMonth(t.periodStartS, input.timeZone).year);
      gridKg += (t.chargedKwh ?? 0) * g.kgCo2ePerKwh;
      gridSources.set(g.source, g.kgCo2ePerKwh);
    }
  const counterfactual =
    ZERO_EMISSION_POWERTRAINS.includes(unit.powertrain) || unit.powertrain === "hybrid"
      ? dieselCounterfactual(input, tables, warnings)
      : null;
  if (
    counterfactual === null &&
    !ZERO_EMISSION_POWERTRAINS.includes(unit.powertrain) &&
    unit.powertrain !== "hybrid"
  )
    warnings.push(
      `${unit.powertrain} unit: no diesel counterfactual (scorecards compare zero-emission and hybrid units)`,
    );

  const pathways: PathwayEmissions[] = SCORECARD_PATHWAYS.map((name) => {
    const alias = name === "grid-electrolysis" ? GRID_ELECTROLYSIS_BY_PORT[unit.port] : name;
    const ci = alias === undefined ? undefined : hydrogenIntensity(tables.nonship.energy, alias);
    if (ci === undefined && h2Kg > 0) warnings.push(`no ${name} hydrogen intensity for ${unit.port}`);
    const unitWtw = h2Kg * (ci?.kgCo2ePerKgH2 ?? 0) + gridKg + dieselL * diesel.wtwCo2eKgPerL.value;
    return {
      pathway: name,
      intensityKgCo2ePerKgH2: ci?.kgCo2ePerKgH2 ?? null,
      intensitySource: ci?.source ?? "none",
      unitWtwKgCo2e: unitWtw,
      avoidedWtwKgCo2e:
        counterfactual === null || (ci === undefined && h2Kg > 0) ? null : counterfactual.wtwCo2eKg - unitWtw,
    };
  });

  return {
    port: unit.port,
    unitId: unit.unitId,
    category: unit.category,
    powertrain: unit.powertrain,
    programme: unit.programme,
    replaces: unit.replaces,
    fromS: input.fromS,
    toS: input.toS,
    records: telemetry.length,
    periodH,
    operatingH,
    downtimeH,
    downtimeByReason,
    availability: periodH > 0 ? (periodH - downtimeH) / periodH : null,
    moves,
    miles,
    chargedKwh,
    h2Kg,
    dieselL,
    energyKwh,
    energyKwhPerH: ratio(energyKwh, operatingH),
    energyKwhPerMove: moves === null ? null : ratio(sum(withMoves, energyOf), moves),
    energyKwhPerMile: miles === null ? null : ratio(sum(withMiles, energyOf), miles),
    h2KgPer100Mi: miles !== null && miles > 0 ? (sum(withMiles, (t) => t.h2Kg) / miles) * 100 : null,
    h2KgPerH: ratio(h2Kg, operatingH),
    fuelCostPerH,
    fuelCostMissing: missing,
    dieselCounterfactual: counterfactual,
    unitTailpipeCo2Kg,
    avoidedTailpipeCo2Kg: counterfactual === null ? null : counterfactual.tailpipeCo2Kg - unitTailpipeCo2Kg,
    pathways,
    constants: [
      { name: "hydrogen_lhv_kwh_per_kg", ...lhv },
      {
        name: "diesel_lhv_kwh_per_l",
        value: dieselLhvPerL,
        source: `${dieselLhvGal.source} ÷ 3.785411784 L/gal`,
      },
      { name: "diesel_co2_kg_per_l", ...diesel.co2KgPerL },
      { name: "diesel_wtw_co2e_kg_per_l", ...diesel.wtwCo2eKgPerL },
      ...[...gridSources].map(([source, value]) => ({ name: "grid_kg_co2e_per_kwh", value, source })),
    ],
    warnings,
  };
}
