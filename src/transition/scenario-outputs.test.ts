import { describe, expect, it } from "vitest";
import { type CheRecord, computeNonshipLines, emptyActivity, portGridFactor } from "../emissions/index.ts";
import { runScenario } from "./scenario.ts";
import { loadScenarioTables } from "./scenario-tables-io.ts";
import { scenarioInputSchema } from "./scenario-wire.ts";

const tables = loadScenarioTables();

const base = {
  port: "USLAX",
  name: "outputs",
  baseYear: 2025,
  horizonYear: 2026,
  activity: { yard_tractor: { usefulLifeYears: 10, annualHours: 4000, source: "test" } },
};

describe("scenario outputs", () => {
  it("same engine: a diesel cohort of 7 units emits 7 × what the inventory engine gives one such unit", () => {
    const input = scenarioInputSchema.parse({
      ...base,
      startingFleet: {
        source: "cohorts",
        cohorts: [
          { category: "yard_tractor", powertrain: "diesel", modelYear: 2018, units: 7, ratedKw: 149 },
        ],
      },
    });
    const { result } = runScenario(input, tables, { currency: "USD" });
    // The inventory's own engine on one unit, as an inventory user would enter it: 4,000 h in 2025,
    // hour meter 7 × 4,000 at the start of the year.
    const one: CheRecord = {
      unitId: "YT-1",
      terminal: null,
      equipmentType: "yard_tractor",
      powertrain: "diesel",
      ratedHp: null,
      ratedKw: 149,
      modelYear: 2018,
      year: 2025,
      month: null,
      hours: 4000,
      energyKwh: null,
      hydrogenKg: null,
      fuelL: null,
      fuelGal: null,
      cumulativeHoursStart: 7 * 4000,
      loadFactor: null,
      loadFactorSource: null,
      hydrogenPathway: null,
    };
    const activity = emptyActivity();
    activity.che.push(one);
    const r = computeNonshipLines(tables.nonship, activity, {
      port: "USLAX",
      gwp: "AR5",
      wellToWheel: true,
      gridFactor: portGridFactor("USLAX", tables.nonship),
      trace: false,
    });
    const g = { tail: 0, up: 0, nox: 0 };
    for (const l of r.lines) {
      if (l.scope === "tailpipe") {
        g.tail += l.grams.co2e;
        g.nox += l.grams.nox;
      } else if (l.scope === "upstream") g.up += l.grams.co2e;
    }
    expect(g.tail).toBeGreaterThan(0);
    const y = result.years.find((x) => x.year === 2025)!;
    // To the gram: tonnes × 1e6 within a milligram.
    expect(y.emissions.tailpipeCo2eT * 1e6).toBeCloseTo(7 * g.tail, 0);
    expect(y.emissions.upstreamCo2eT * 1e6).toBeCloseTo(7 * g.up, 0);
    expect(y.emissions.noxT * 1e6).toBeCloseTo(7 * g.nox, 0);
    expect(y.emissions.gridCo2eT).toBe(0);
  });

  it("hydrogen t/yr, peak kg/day and stations by hand from the tables' rows", () => {
    const input = scenarioInputSchema.parse({
      ...base,
      startingFleet: {
        source: "cohorts",
        cohorts: [{ category: "yard_tractor", powertrain: "fuel_cell", modelYear: 2024, units: 20 }],
      },
    });
    const { result } = runScenario(input, tables, { currency: "USD" });
    const y = result.years[0]!;
    // Hand calculation: equipment_energy_use.csv yard_tractor battery energy_use 7 kWh/h (NOTES §4)
    // → fuel cell 7 / (0.5 × 33.33) = 0.420042 kg/h (scenario_defaults.csv fuel_cell_system_efficiency
    // 0.5; LHV 33.33 kWh/kg); 20 units × 4,000 h × 0.420042 = 33,603.36 kg = 33.60336 t/yr.
    expect(y.h2TPerYear).toBeCloseTo((20 * 4000 * 7) / (0.5 * 33.33) / 1000, 9);
    expect(y.h2TPerYear).toBeCloseTo(33.60336, 4);
    // Peak day = average day × 1.25 (scenario_defaults.csv peak_day_factor): 33,603.36 / 365 × 1.25
    // = 115.08 kg/day → one Sandia HD station (4,200 kg/day, hydrogen_supply_reference.csv).
    expect(y.h2PeakKgPerDay).toBeCloseTo(115.08, 3);
    expect(y.stationsNeeded).toBe(1);
    // Hydrogen upstream through the engine: 33,603.36 kg × 11.4 kg CO2e/kg (grey SMR) = 383.08 t.
    expect(y.emissions.upstreamCo2eT).toBeCloseTo(33.60336 * 11.4, 3);
    expect(y.emissions.tailpipeCo2eT).toBe(0);
  });

  it("battery electricity: MWh, peak kW over the charging window, grid CO2e, capex in USD and in JPY", () => {
    const input = scenarioInputSchema.parse({
      ...base,
      startingFleet: {
        source: "cohorts",
        cohorts: [
          { category: "yard_tractor", powertrain: "battery", modelYear: 2024, units: 10 },
          { category: "yard_tractor", powertrain: "diesel", modelYear: 2016, units: 2 },
        ],
      },
      purchases: [{ category: "yard_tractor", fromYear: 2026, mixPct: { battery: 100 } }],
    });
    const { result } = runScenario(input, tables, { currency: "USD" });
    const y = result.years[0]!;
    // 10 × 4,000 h × 7 kWh/h = 280,000 kWh = 280 MWh; peak 280,000 / 365 × 1.25 / 8 h = 119.86 kW.
    expect(y.electricityMwhPerYear).toBeCloseTo(280, 9);
    expect(y.peakKw).toBeCloseTo(((280000 / 365) * 1.25) / 8, 9);
    // Grid: 280,000 kWh × 0.2985 kg/kWh (CARB LCFS California 2020, latest ≤ 2025) = 83.58 t.
    expect(y.emissions.gridCo2eT).toBeCloseTo(83.58, 6);
    // 2026: the two 2016 diesel units reach 10 years → 2 battery units × 270,000 USD (costs_and_funding.csv).
    const y26 = result.years[1]!;
    expect(y26.purchases).toEqual([{ category: "yard_tractor", powertrain: "battery", units: 2 }]);
    expect(y26.capex).toBe(540000);
    const jp = runScenario({ ...input, port: "JPNGO" }, tables, { currency: "JPY" }).result;
    // 540,000 USD × 131.5 JPY/USD (scenario_defaults.csv jpy_per_usd, assumption) = 71,010,000 JPY.
    expect(jp.years[1]!.capex).toBeCloseTo(71_010_000, 3);
    expect(jp.assumptions.some((a) => a.name === "exchangeRate")).toBe(true);
  });

  it("flags a type whose engine figure is far from its measured diesel use; a load factor calibrates it", () => {
    const fleet = {
      source: "cohorts",
      cohorts: [{ category: "yard_tractor", powertrain: "diesel", modelYear: 2025, units: 1, ratedKw: 149 }],
    };
    const plain = runScenario(scenarioInputSchema.parse({ ...base, startingFleet: fleet }), tables, {
      currency: "USD",
    }).result;
    // equipment_energy_use.csv line 2: 1.75 US gal/h × 10.21 kg CO2/gal = 17.87 kg CO2/h measured;
    // NONROAD (LF 0.59) gives a 149 kW tractor several times that → a note.
    expect(
      plain.warnings.some((w) => w.code === "n.calibration" && /^yard_tractor: .* 17\.9 kg\/h/.test(w.text)),
    ).toBe(true);
    const lf = runScenario(
      scenarioInputSchema.parse({
        ...base,
        startingFleet: fleet,
        activity: {
          yard_tractor: { usefulLifeYears: 10, annualHours: 4000, loadFactor: 0.17, source: "calibrated" },
        },
      }),
      tables,
      { currency: "USD" },
    ).result;
    expect(lf.years[0]!.emissions.tailpipeCo2eT).toBeLessThan(plain.years[0]!.emissions.tailpipeCo2eT / 3);
    expect(lf.assumptions.some((a) => a.name === "yard_tractor.loadFactor" && a.value === 0.17)).toBe(true);
  });
});
