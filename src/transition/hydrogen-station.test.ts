import { describe, expect, it } from "vitest";
import {
  capitalRecoveryFactor,
  dailyDemandProfile,
  levelisedCost,
  runSolarH2Station,
  type StationInputs,
  type StationResult,
} from "./hydrogen-station.ts";
import { costInputsFromTables, defaultStationFromTables, pvSystemFromTables } from "./hydrogen-tables.ts";
import { loadHydrogenTables, loadShippedSolarYear } from "./hydrogen-tables-io.ts";
import { pvYear } from "./solar-pv.ts";

/** The 24-hour case of runSolarH2Station's doc comment. */
function day(overrides: Partial<StationInputs> = {}): StationInputs {
  const pv = new Float64Array(24);
  for (let h = 8; h < 16; h++) pv[h] = 0.5;
  const demand = new Float64Array(24);
  for (let h = 6; h < 10; h++) demand[h] = 0.1;
  demand[16] = 0.2;
  demand[17] = 0.2;
  return {
    pvKwPerKwp: pv,
    demandKgPerH: demand,
    pvKwp: 10,
    electrolyserRatedKw: 4,
    electrolyserKwhPerKg: 50,
    minLoadFraction: 0.25,
    storageCapacityKg: 1,
    storageInitialKg: 0.2,
    gridTopUp: false,
    gridKgCo2PerKwh: 0.3,
    keepHourly: true,
    ...overrides,
  };
}

function balances(r: StationResult): void {
  // produced − dispensed = Δstorage; PV = to electrolyser + curtailed; demand = dispensed + shortfall
  expect(r.producedKg - r.dispensedKg).toBeCloseTo(r.storageEndKg - r.storageStartKg, 9);
  expect(r.pvKwh).toBeCloseTo(r.solarToElectrolyserKwh + r.curtailedKwh, 9);
  expect(r.demandKg).toBeCloseTo(r.dispensedKg + r.shortfallKg, 9);
}

describe("runSolarH2Station — hand-computed days", () => {
  it("the doc comment's day", () => {
    // By hand, hour by hour (storage S at the end of the hour):
    //  00–06  nothing                                   S 0.20
    //  06     demand 0.1 from storage                   S 0.10
    //  07     demand 0.1 from storage                   S 0.00
    //  08, 09 PV 5 kWh, electrolyser 4 kWh → 0.08 kg, curtail 1 kWh; demand 0.1 → short 0.02 each
    //  10–15  6 h × 0.08 kg to storage                  S 0.48
    //  16, 17 demand 0.2 each from storage              S 0.08
    // PV 8 h × 5 = 40 kWh; electrolyser 8 × 4 = 32; curtailed 8; produced 8 × 0.08 = 0.64 kg;
    // dispensed 0.1+0.1+0.08+0.08+0.2+0.2 = 0.76 of 0.8 kg; shortfall 0.04 kg in 2 h; CF 32/96.
    const r = runSolarH2Station(day());
    expect(r.pvKwh).toBeCloseTo(40, 9);
    expect(r.solarToElectrolyserKwh).toBeCloseTo(32, 9);
    expect(r.curtailedKwh).toBeCloseTo(8, 9);
    expect(r.producedKg).toBeCloseTo(0.64, 9);
    expect(r.demandKg).toBeCloseTo(0.8, 9);
    expect(r.dispensedKg).toBeCloseTo(0.76, 9);
    expect(r.shortfallKg).toBeCloseTo(0.04, 9);
    expect(r.shortfallHours).toBe(2);
    expect(r.storageEndKg).toBeCloseTo(0.08, 9);
    expect(r.electrolyserCapacityFactor).toBeCloseTo(1 / 3, 9);
    expect(r.electrolyserHours).toBe(8);
    expect(r.gridKwh).toBe(0);
    expect(r.hourly!.storageKg[15]).toBeCloseTo(0.48, 6);
    balances(r);
  });
  it("grid top-up cannot help when the electrolyser already runs at its rating", () => {
    // Same day with grid: the short hours 08 and 09 have the electrolyser at 4 of 4 kW.
    const r = runSolarH2Station(day({ gridTopUp: true }));
    expect(r.gridKwh).toBe(0);
    expect(r.shortfallKg).toBeCloseTo(0.04, 9);
  });
  it("grid top-up at night, with the minimum load", () => {
    // No PV; demand 0.05 kg/h for 3 h, storage 0: each hour the grid runs 0.05 × 50 = 2.5 kWh
    // (≥ 1 kW minimum) → 7.5 kWh, 2.25 kg CO2 at 0.3 kg/kWh, no shortfall.
    const z = new Float64Array(3);
    const r = runSolarH2Station(
      day({
        pvKwPerKwp: z,
        demandKgPerH: new Float64Array(3).fill(0.05),
        storageInitialKg: 0,
        gridTopUp: true,
      }),
    );
    expect(r.gridKwh).toBeCloseTo(7.5, 9);
    expect(r.gridKgCo2).toBeCloseTo(2.25, 9);
    expect(r.shortfallKg).toBeCloseTo(0, 12);
    // Demand 0.01 kg/h: 0.5 kWh would be under the 1 kW minimum, so the grid runs 1 kWh = 0.02 kg
    // in hour 0 (0.01 stored), hour 1 is served from storage, hour 2 runs again: 2 kWh, 0.04 kg
    // made, 0.03 dispensed, 0.01 left.
    const small = runSolarH2Station(
      day({
        pvKwPerKwp: z,
        demandKgPerH: new Float64Array(3).fill(0.01),
        storageInitialKg: 0,
        gridTopUp: true,
      }),
    );
    expect(small.gridKwh).toBeCloseTo(2, 9);
    expect(small.producedGridKg).toBeCloseTo(0.04, 9);
    expect(small.dispensedKg).toBeCloseTo(0.03, 9);
    expect(small.storageEndKg).toBeCloseTo(0.01, 9);
    balances(small);
  });
  it("a full store curtails PV, and a turn-down under the minimum load stops the electrolyser", () => {
    // Storage 0.1 kg, start empty, no demand: 08 makes 0.08; 09 may add only 0.02 (1 kWh, = the
    // 1 kW minimum: runs); 10–15 store full, 5 kWh curtailed each. Curtailed 1 + 4 + 30 = 35 kWh.
    const none = new Float64Array(24);
    const r = runSolarH2Station(day({ demandKgPerH: none, storageCapacityKg: 0.1, storageInitialKg: 0 }));
    expect(r.producedKg).toBeCloseTo(0.1, 9);
    expect(r.curtailedKwh).toBeCloseTo(35, 9);
    expect(r.storageFullHours).toBe(15); // full from the end of 09:00 to 24:00
    balances(r);
    // Storage 0.09: at 09 the room is 0.01 kg = 0.5 kWh < 1 kW minimum → off; 0.08 kg made.
    const r2 = runSolarH2Station(day({ demandKgPerH: none, storageCapacityKg: 0.09, storageInitialKg: 0 }));
    expect(r2.producedKg).toBeCloseTo(0.08, 9);
    expect(r2.curtailedKwh).toBeCloseTo(36, 9);
    balances(r2);
  });
  it("rejects impossible inputs", () => {
    expect(() => runSolarH2Station(day({ electrolyserRatedKw: 0 }))).toThrow(/electrolyserRatedKw/);
    expect(() => runSolarH2Station(day({ storageInitialKg: 2 }))).toThrow(/storageInitialKg/);
    expect(() => runSolarH2Station(day({ demandKgPerH: new Float64Array(5) }))).toThrow(/demand has 5 hours/);
  });
});

describe("levelised cost", () => {
  it("capital recovery factor and the doc comment's example by hand", () => {
    // 0.06 · 1.06^20 / (1.06^20 − 1) = 0.06 · 3.207135 / 2.207135 = 0.0871846
    expect(capitalRecoveryFactor(0.06, 20)).toBeCloseTo(0.0871846, 7);
    expect(capitalRecoveryFactor(0, 10)).toBe(0.1);
    const c = levelisedCost(
      { pvKwp: 30, electrolyserRatedKw: 10, storageCapacityKg: 19 },
      { gridKwh: 100, dispensedKg: 500 },
      {
        currency: "USD",
        priceYear: 2024,
        pvCapexPerKwp: 1600,
        electrolyserCapexPerKw: 2000,
        storageCapexPerKg: 1200,
        otherCapex: 0,
        opexFractionPerYear: 0.03,
        discountRate: 0.06,
        lifetimeYears: 20,
        gridPricePerKwh: 0.2,
      },
    );
    // capex 48,000 + 20,000 + 22,800 = 90,800; × 0.0871846 = 7,916.36; opex 2,724; grid 20
    expect(c.capex).toBe(90800);
    expect(c.annualCapital).toBeCloseTo(7916.36, 2);
    expect(c.annualTotal).toBeCloseTo(10660.36, 2);
    expect(c.costPerKg).toBeCloseTo(21.3207, 4);
    expect(c.inputs.currency).toBe("USD");
  });
});

describe("a typical year at Los Angeles", () => {
  const tables = loadHydrogenTables();
  const pv = pvYear(loadShippedSolarYear("USLAX").year!, pvSystemFromTables(tables, "USLAX"));
  const st = defaultStationFromTables(tables);
  it("default station (Honda SHS Oirase class): balances hold and the numbers are plausible", () => {
    expect(st).toMatchObject({
      pvKwp: 30,
      storageKg: 19,
      demandKgPerDay: 1.5,
      kwhPerKg: 55.6,
      electrolyserKw: 10,
    });
    const r = runSolarH2Station({
      pvKwPerKwp: pv.acKwPerKwp,
      demandKgPerH: dailyDemandProfile(st.demandKgPerDay, 6, 22),
      pvKwp: st.pvKwp,
      electrolyserRatedKw: st.electrolyserKw,
      electrolyserKwhPerKg: st.kwhPerKg,
      minLoadFraction: 0.1,
      storageCapacityKg: st.storageKg,
      storageInitialKg: 0,
      gridTopUp: false,
      gridKgCo2PerKwh: 0,
    });
    balances(r);
    expect(r.demandKg).toBeCloseTo(1.5 * 365, 6);
    // The electrolyser can take at most 10 kW × 8,760 h; it can never make more than that / 55.6.
    expect(r.electrolyserKwh).toBeLessThanOrEqual(10 * 8760);
    expect(r.producedKg).toBeLessThanOrEqual(r.electrolyserKwh / 55.6 + 1e-9);
    expect(r.electrolyserCapacityFactor).toBeGreaterThan(0.1);
    expect(r.electrolyserCapacityFactor).toBeLessThan(0.35);
    const cost = levelisedCost(
      { pvKwp: st.pvKwp, electrolyserRatedKw: st.electrolyserKw, storageCapacityKg: st.storageKg },
      r,
      costInputsFromTables(tables, "USLAX"),
    );
    expect(cost.currency).toBe("USD");
    expect(cost.costPerKg).toBeGreaterThan(0);
  });
  it("dailyDemandProfile spreads kg/day over the opening hours", () => {
    const d = dailyDemandProfile(1.6, 6, 22);
    expect(d[6]).toBeCloseTo(0.1, 12);
    expect(d[5]).toBe(0);
    expect(d[22]).toBe(0);
    expect(d.reduce((a, b) => a + b, 0)).toBeCloseTo(584, 9);
  });
});
