import { describe, expect, it } from "vitest";
import { apportion, runScenario } from "./scenario.ts";
import { loadScenarioTables } from "./scenario-tables-io.ts";
import { type ScenarioInputIn, scenarioInputSchema } from "./scenario-wire.ts";

const tables = loadScenarioTables();

/** 10 diesel yard tractors of model years 2016..2025, life 10 years (given), base year 2025. */
function tenTractors(extra: Partial<ScenarioInputIn> = {}): ScenarioInputIn {
  return {
    port: "USLAX",
    name: "hand-worked",
    baseYear: 2025,
    horizonYear: 2036,
    startingFleet: {
      source: "cohorts",
      cohorts: Array.from({ length: 10 }, (_, i) => ({
        category: "yard_tractor" as const,
        powertrain: "diesel" as const,
        modelYear: 2016 + i,
        units: 1,
      })),
    },
    activity: { yard_tractor: { usefulLifeYears: 10, source: "test" } },
    purchases: [{ category: "yard_tractor", fromYear: 2026, mixPct: { battery: 100 } }],
    ...extra,
  };
}

describe("apportion", () => {
  it("splits whole units by largest remainder", () => {
    // 10 × 50/30/20 % = 5, 3, 2 exactly; 7 × 50/50 = 3.5 each → the first listed gets the odd unit.
    expect([
      ...apportion(10, [
        ["a", 50],
        ["b", 30],
        ["c", 20],
      ]).values(),
    ]).toEqual([5, 3, 2]);
    expect([
      ...apportion(7, [
        ["a", 50],
        ["b", 50],
      ]).values(),
    ]).toEqual([4, 3]);
  });
});

describe("fleet turnover", () => {
  it("hand-worked fleet: one tractor a year reaches end of life and is replaced by a battery unit", () => {
    const { result } = runScenario(scenarioInputSchema.parse(tenTractors()), tables, { currency: "USD" });
    // Hand count: in 2026 the 2016 unit is 10 years old → replaced; in year Y, Y − 2025 units are battery.
    const share = (y: number) => result.years.find((r) => r.year === y)!.zeShareChePct;
    expect(share(2025)).toBe(0);
    expect(share(2026)).toBeCloseTo(10, 9);
    expect(share(2030)).toBeCloseTo(50, 9);
    expect(share(2035)).toBeCloseTo(100, 9);
    for (let y = 2026; y <= 2035; y++) {
      const r = result.years.find((x) => x.year === y)!;
      expect(r.retiredAtEndOfLife).toBe(1);
      expect(r.purchases).toEqual([{ category: "yard_tractor", powertrain: "battery", units: 1 }]);
    }
    // 2036: the first battery unit (bought 2026) is 10 years old and is replaced by another.
    expect(result.years.at(-1)!.retiredAtEndOfLife).toBe(1);
    expect(result.earlyRetirements).toEqual([]);
  });

  it("a 100 % ZE target in 2030 forces the five youngest diesel units out early", () => {
    const input = scenarioInputSchema.parse(
      tenTractors({
        purchases: [{ category: "yard_tractor", fromYear: 2026, mixPct: { diesel: 100 } }],
        zeTargets: [{ category: "yard_tractor", year: 2030, zeSharePct: 100, powertrain: "battery" }],
      }),
    );
    const { result } = runScenario(input, tables, { currency: "USD" });
    // By hand: 2026..2029 replace the 2016..2019 units with diesel (like the mix says). In 2030 the
    // 2020 unit retires at end of life and its replacement becomes battery (target); the other nine
    // non-ZE units (2021..2025 originals and 2026..2029 replacements) retire early.
    const y2030 = result.years.find((r) => r.year === 2030)!;
    expect(y2030.zeShareChePct).toBe(100);
    expect(y2030.retiredAtEndOfLife).toBe(1);
    expect(y2030.retiredEarly).toBe(9);
    const left = (my: number) => result.earlyRetirements.find((e) => e.modelYear === my)!.remainingLifeYears;
    // Remaining life = model year + 10 − 2030.
    expect(left(2021)).toBe(1);
    expect(left(2025)).toBe(5);
    expect(left(2029)).toBe(9);
    expect(result.earlyRetirements.every((e) => e.year === 2030 && e.reason === "ze_target")).toBe(true);
    expect(result.earlyRetirements.reduce((a, e) => a + e.units, 0)).toBe(9);
    // After the target year replacements stay battery even though the mix says diesel.
    expect(result.years.find((r) => r.year === 2036)!.zeShareChePct).toBe(100);
  });

  it("without force early a ZE target and a number replaced honour useful life", () => {
    const run = (extra: Partial<ScenarioInputIn>) =>
      runScenario(
        scenarioInputSchema.parse(
          tenTractors({
            purchases: [{ category: "yard_tractor", fromYear: 2026, mixPct: { diesel: 100 } }],
            ...extra,
          }),
        ),
        tables,
        { currency: "USD" },
      ).result;
    // Target 100 % battery by 2030, not forced: from 2030 each year's one end-of-life replacement
    // is battery, nothing retires early → 2030: 1 of 10 = 10 %; 2035: 2030..2035 = 6 → 60 %;
    // 2036: the diesel bought in 2026 reaches end of life → 7 → 70 %.
    const target = run({
      zeTargets: [
        { category: "yard_tractor", year: 2030, zeSharePct: 100, powertrain: "battery", forceEarly: false },
      ],
    });
    const share = (r: typeof target, y: number) => r.years.find((x) => x.year === y)!.zeShareChePct;
    expect(share(target, 2029)).toBe(0);
    expect(share(target, 2030)).toBeCloseTo(10, 9);
    expect(share(target, 2035)).toBeCloseTo(60, 9);
    expect(share(target, 2036)).toBeCloseTo(70, 9);
    expect(target.earlyRetirements).toEqual([]);
    expect(target.years.every((y) => y.retiredEarly === 0)).toBe(true);

    // 3 units to battery in 2030: forced → the 3 oldest non-ZE units (model years 2021, 2022,
    // 2023 — the 2020 unit retires at end of life that year) go early; the 2020 unit's
    // replacement stays diesel → 3 of 10 battery. Not forced → only the one unit reaching end of
    // life that year is replaced (by battery) → 1 of 10, and a note says 1 of 3.
    const forced = run({
      extraReplacements: [{ year: 2030, category: "yard_tractor", powertrain: "battery", units: 3 }],
    });
    expect(share(forced, 2030)).toBeCloseTo(30, 9);
    expect(forced.earlyRetirements.map((e) => [e.modelYear, e.units, e.reason])).toEqual([
      [2021, 1, "extra_replacement"],
      [2022, 1, "extra_replacement"],
      [2023, 1, "extra_replacement"],
    ]);
    const atEnd = run({
      extraReplacements: [
        { year: 2030, category: "yard_tractor", powertrain: "battery", units: 3, forceEarly: false },
      ],
    });
    expect(share(atEnd, 2030)).toBeCloseTo(10, 9);
    expect(share(atEnd, 2031)).toBe(share(atEnd, 2030)); // 2031's replacement: diesel again
    expect(atEnd.earlyRetirements).toEqual([]);
    expect(atEnd.warnings.find((w) => w.code === "n.atEndShort")?.params).toMatchObject({
      done: 1,
      units: 3,
      year: 2030,
    });
  });
});
