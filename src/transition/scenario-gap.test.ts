import { describe, expect, it } from "vitest";
import { runScenario } from "./scenario.ts";
import { loadScenarioTables } from "./scenario-tables-io.ts";
import { scenarioInputSchema } from "./scenario-wire.ts";
import { portTargets, targetsGap } from "./targets-gap.ts";

const tables = loadScenarioTables();

const tractors = (port: string, extra: object = {}) =>
  scenarioInputSchema.parse({
    port,
    name: "gap",
    baseYear: 2025,
    horizonYear: 2050,
    startingFleet: {
      source: "cohorts",
      cohorts: Array.from({ length: 10 }, (_, i) => ({
        category: "yard_tractor",
        powertrain: "diesel",
        modelYear: 2016 + i,
        units: 1,
      })),
    },
    activity: { yard_tractor: { usefulLifeYears: 10, source: "test" } },
    purchases: [{ category: "yard_tractor", fromYear: 2026, mixPct: { battery: 100 } }],
    ...extra,
  });

describe("targets the port tracks (from the copied tables, not typed in)", () => {
  it("Los Angeles: CAAP ZE CHE 2030, ZE drayage 2035, GHG −40 % 2030 and −80 % 2050 vs 1990", () => {
    const t = portTargets(tables, "USLAX").map((x) => [x.kind, x.row.targetYear, x.row.targetValue]);
    expect(t).toEqual([
      ["ze_share", 2030, 100],
      ["ghg", 2030, -40],
      ["ze_share", 2035, 100],
      ["ghg", 2050, -80],
    ]);
  });
  it("Nagoya: CNP −46 % FY2030 and net zero 2050 vs FY2013", () => {
    const t = portTargets(tables, "JPNGO").map((x) => [
      x.kind,
      x.row.baselineYear,
      x.row.targetYear,
      x.row.targetValue,
    ]);
    expect(t).toEqual([
      ["ghg", 2013, 2030, -46],
      ["ghg", 2013, 2050, -100],
    ]);
  });
});

describe("gap to targets", () => {
  it("worked example: ZE CHE 50 % in 2030, five early replacements; GHG met against a given baseline", () => {
    const input = tractors("USLAX");
    const run = runScenario(input, tables, { currency: "USD" });
    const e2025 = run.result.years[0]!.emissions.wtwCo2eT;
    const withBaseline = {
      ...input,
      ghgBaseline: { year: 1990, tCo2e: 2 * e2025, source: "test: twice 2025" },
    };
    const gap = targetsGap(runScenario(withBaseline, tables, { currency: "USD" }), withBaseline, tables);
    const che = gap.targets.find((t) => t.kind === "ze_share" && t.targetYear === 2030)!;
    // 2030: units of 2021..2025 are still diesel (5 of 10) → 50 %.
    expect(che.scenarioValue).toBeCloseTo(50, 9);
    expect(che.met).toBe(false);
    expect(che.toReplace).toEqual([
      expect.objectContaining({
        category: "yard_tractor",
        units: 5,
        byYear: 2030,
        early: 5,
        atEndOfLifeByThen: 0,
      }),
    ]);
    // Each replaced diesel unit cuts its own emissions minus a battery unit's grid CO2e: > 0.
    expect(che.toReplace[0]!.avoidedT).toBeGreaterThan(0);
    const ghg2030 = gap.targets.find((t) => t.kind === "ghg" && t.targetYear === 2030)!;
    // Allowed = 2 × E2025 × (1 − 0.40) = 1.2 × E2025; 2030 emits less than 2025 (half the fleet is battery).
    expect(ghg2030.requiredT).toBeCloseTo(1.2 * e2025, 6);
    expect(ghg2030.met).toBe(true);
    // No drayage in the scenario: the 2035 drayage target cannot be judged.
    expect(gap.targets.find((t) => /drayage/.test(t.metric))!.met).toBeNull();
  });

  it("Nagoya net zero 2050 with grid electricity: not met, and the note says why", () => {
    const input = tractors("JPNGO");
    const gap = targetsGap(runScenario(input, tables, { currency: "JPY" }), input, tables);
    const nz = gap.targets.find((t) => t.targetYear === 2050)!;
    expect(nz.requiredT).toBe(0);
    expect(nz.baseline!.source).toMatch(/proxy/);
    // All ten units are battery by 2050; what is left is Chubu grid electricity: 10 × 4,000 h × 7 kWh/h
    // × 0.513 kg/kWh (Chubu Electric FY2013 before credits, latest ≤ 2050) = 143.64 t.
    expect(nz.scenarioT).toBeCloseTo(143.64, 6);
    expect(nz.met).toBe(false);
    expect(nz.toReplace).toEqual([]);
    expect(nz.note).toMatch(/electricity and hydrogen/);
  });

  it("GHG not met: the units cutting most are listed by type and year", () => {
    const input = tractors("USLAX", {
      purchases: [{ category: "yard_tractor", fromYear: 2026, mixPct: { diesel: 100 } }],
      ghgBaseline: { year: 1990, tCo2e: 1000, source: "test" },
    });
    const gap = targetsGap(runScenario(input, tables, { currency: "USD" }), input, tables);
    const g = gap.targets.find((t) => t.kind === "ghg" && t.targetYear === 2030)!;
    // All-diesel fleet: allowed 1,000 × (1 − 0.40) = 600 t. Ten 149 kW diesel tractors at 4,000 h
    // emit far more (order of 250 t each by NONROAD at LF 0.59), so units are listed until the cut
    // covers the gap — the fewest units, those cutting most first.
    expect(g.requiredT).toBeCloseTo(600, 9);
    expect(g.met).toBe(false);
    const cut = g.toReplace.reduce((a, r) => a + r.avoidedT, 0);
    const gapT = g.scenarioT! - g.requiredT!;
    expect(cut).toBeGreaterThanOrEqual(gapT - 1e-6);
    const units = g.toReplace.reduce((a, r) => a + r.units, 0);
    expect(units).toBeLessThan(10);
    // One unit fewer would not close it: the last unit taken was needed.
    const perUnit = cut / units;
    expect(cut - perUnit).toBeLessThan(gapT + perUnit);
  });
});
