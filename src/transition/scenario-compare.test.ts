import { describe, expect, it } from "vitest";
import { regionalBalance } from "./regional-demand.ts";
import { cohortsFromProgress, hydrogenSeries, runScenario, typeParams } from "./scenario.ts";
import { comparePorts, compareScenarios } from "./scenario-compare.ts";
import { loadScenarioTables } from "./scenario-tables-io.ts";
import { type Assumption, type ScenarioResult, scenarioInputSchema } from "./scenario-wire.ts";

const tables = loadScenarioTables();

function result(name: string, port: string, rows: [number, number, number | null][]): ScenarioResult {
  return {
    port,
    name,
    baseYear: rows[0]![0],
    horizonYear: rows.at(-1)![0],
    methodVersion: "test",
    currency: "USD",
    priceYear: null,
    earlyRetirements: [],
    costsMissing: [],
    assumptions: [],
    warnings: [],
    years: rows.map(([year, t, ze]) => ({
      year,
      fleet: [],
      purchases: [],
      retiredAtEndOfLife: 0,
      retiredEarly: 0,
      zeShareChePct: ze,
      zeShareDrayagePct: null,
      emissions: { tailpipeCo2eT: t, upstreamCo2eT: 0, gridCo2eT: 0, wtwCo2eT: t, noxT: 0, dpmT: 0 },
      h2TPerYear: 0,
      h2PeakKgPerDay: 0,
      electricityMwhPerYear: 0,
      peakKw: 0,
      stationsNeeded: 0,
      capex: 0,
      capexUnpricedUnits: 0,
      opex: null,
    })),
  };
}

describe("comparisons", () => {
  it("two scenarios: b − a per common year (doc example: 100 t vs 60 t → −40 t; 50 % vs 80 % → +30)", () => {
    const c = compareScenarios(
      result("a", "USLAX", [
        [2029, 120, 40],
        [2030, 100, 50],
      ]),
      result("b", "USLAX", [
        [2030, 60, 80],
        [2031, 50, 90],
      ]),
    );
    expect(c.years.map((y) => y.year)).toEqual([2030]);
    expect(c.years[0]!.diff.wtwCo2eT).toBe(-40);
    expect(c.years[0]!.diff.zeShareChePct).toBe(30);
  });

  it("two ports per TEU (doc example: 100,000 t / 9,911,159 TEU = 10.09 kg; 30,000 t / 2,709,000 = 11.07 kg)", () => {
    const c = comparePorts([
      { result: result("x", "USLAX", [[2030, 100_000, 50]]), teu: { value: 9_911_159, source: "t" } },
      { result: result("y", "JPNGO", [[2030, 30_000, 20]]), teu: { value: 2_709_000, source: "t" } },
    ]);
    expect(c.years[0]!.byPort[0]!.wtwKgCo2ePerTeu).toBeCloseTo(10.0896, 4);
    expect(c.years[0]!.byPort[1]!.wtwKgCo2ePerTeu).toBeCloseTo(11.0742, 4);
    const none = comparePorts([{ result: result("x", "USLAX", [[2030, 1, 0]]), teu: null }]);
    expect(none.years[0]!.byPort[0]!.wtwKgCo2ePerTeu).toBeNull();
    expect(none.ports[0]!.teuSource).toMatch(/not given/);
  });
});

describe("starting fleet from fleet_progress.csv", () => {
  it("doc example: 3,368 × 0.5 = 1,684 USLAX units; yard tractors 0.55 → 926, 92 or 93 per model year", () => {
    const a: Assumption[] = [];
    const params = typeParams({ activity: {} }, tables, a);
    const cohorts = cohortsFromProgress(tables, { port: "USLAX", baseYear: 2025 }, params, a);
    expect(cohorts.reduce((s, c) => s + c.units, 0)).toBe(1684);
    const yt = cohorts.filter((c) => c.category === "yard_tractor");
    // 1,684 × 0.55 = 926.2 → 926 (largest remainder over the six shares summing to 1.00).
    expect(yt.reduce((s, c) => s + c.units, 0)).toBe(926);
    expect(yt.length).toBe(10);
    expect(new Set(yt.map((c) => c.units))).toEqual(new Set([92, 93]));
    // Nagoya scaled by TEU: 1,684 / 9,911,159 × 2,709,000 = 460.3 → 460.
    const jp = cohortsFromProgress(
      tables,
      { port: "JPNGO", baseYear: 2025, teu: { port: 2_709_000, uslax: 9_911_159 } },
      params,
      a,
    );
    expect(jp.reduce((s, c) => s + c.units, 0)).toBe(460);
  });
});

describe("regional demand", () => {
  it("a scenario's hydrogen feeds regionalBalance", () => {
    const input = scenarioInputSchema.parse({
      port: "JPNGO",
      name: "h2",
      baseYear: 2025,
      horizonYear: 2027,
      startingFleet: {
        source: "cohorts",
        cohorts: [{ category: "yard_tractor", powertrain: "fuel_cell", modelYear: 2024, units: 10 }],
      },
    });
    const r = runScenario(input, tables, { currency: "JPY" }).result;
    const series = hydrogenSeries(r);
    expect(series).toEqual({
      port: "JPNGO",
      fromYear: 2025,
      tonnesPerYear: r.years.map((y) => y.h2TPerYear),
    });
    const rows = regionalBalance(2025, 2027, [series], []);
    // 10 × 4,000 h × 7 / (0.5 × 33.33) kg = 16.80168 t a year, all three years.
    expect(rows.map((x) => x.portsDemandT)).toEqual([1, 2, 3].map(() => expect.closeTo(16.80168, 4)));
  });
});
