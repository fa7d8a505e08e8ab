/**
 * Rollout scenarios (issue 13): the scenario a planner writes, the year-by-year result the engine
 * computes from it, the gap to the port's targets and the comparisons. Each zod schema is the one
 * definition; the types are derived from it. Quantities carry their unit in the name; money is in
 * the port's currency with its price year.
 */
import { z } from "zod";
import { EQUIPMENT_CATEGORIES } from "./wire.ts";

/** Powertrains a scenario buys (the registry's others — LNG, renewable diesel, H2 ICE — are not offered). */
export const SCENARIO_POWERTRAINS = ["diesel", "hybrid", "battery", "fuel_cell"] as const;
export type ScenarioPowertrain = (typeof SCENARIO_POWERTRAINS)[number];
export const ZE_SCENARIO_POWERTRAINS: readonly ScenarioPowertrain[] = ["battery", "fuel_cell"];

export const MAX_HORIZON_YEAR = 2050;
const category = z.enum(EQUIPMENT_CATEGORIES);
const powertrain = z.enum(SCENARIO_POWERTRAINS);
const year = z.number().int().min(1990).max(MAX_HORIZON_YEAR);
const sourced = { source: z.string().min(1).max(500) };

export const SCENARIO_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,79}$/;

/** One cohort of the starting fleet: units of a type and powertrain bought in one model year. */
export const cohortSchema = z.object({
  category,
  powertrain,
  modelYear: z.number().int().min(1950).max(MAX_HORIZON_YEAR),
  units: z.number().int().min(0).max(100_000),
  ratedKw: z.number().positive().max(20_000).optional(),
});
export type Cohort = z.infer<typeof cohortSchema>;

/** Per-type activity and life overrides (defaults: data/reference/transition/scenario_defaults.csv). */
export const activityOverrideSchema = z.object({
  usefulLifeYears: z.number().int().min(1).max(60).optional(),
  annualHours: z.number().min(0).max(8784).optional(),
  ratedKw: z.number().positive().max(20_000).optional(),
  batteryKwhPerH: z.number().min(0).optional(),
  fuelCellKgH2PerH: z.number().min(0).optional(),
  annualMiles: z.number().min(0).optional(),
  batteryKwhPerMi: z.number().min(0).optional(),
  fuelCellMiPerKg: z.number().positive().optional(),
  loadFactor: z
    .number()
    .gt(0)
    .max(1)
    .optional()
    .describe("diesel engine load factor for the inventory engine (default: NONROAD's for the type)"),
  source: z.string().max(500).optional(),
});

export const scenarioInputSchema = z
  .object({
    port: z.string().regex(/^[A-Z]{2}[A-Z2-9]{3}$/),
    name: z
      .string()
      .regex(SCENARIO_NAME, "1-80 letters, digits, space or . _ - starting with a letter or digit"),
    description: z.string().max(2000).optional(),
    baseYear: year,
    horizonYear: year.describe(`last year computed (≤ ${MAX_HORIZON_YEAR})`),
    startingFleet: z.discriminatedUnion("source", [
      z.object({ source: z.literal("registry") }).describe("the port's stored equipment (not retired)"),
      z.object({
        source: z.literal("cohorts"),
        cohorts: z.array(cohortSchema).max(2000),
        note: z.string().optional(),
      }),
    ]),
    purchases: z
      .array(
        z.object({
          category,
          fromYear: year,
          mixPct: z
            .partialRecord(powertrain, z.number().min(0).max(100))
            .describe("share of new purchases / replacements by powertrain, percent, summing to 100"),
        }),
      )
      .max(500)
      .default([])
      .describe(
        "per type: the purchase mix from a year on (the latest step ≤ the year holds; none: like for like)",
      ),
    extraReplacements: z
      .array(
        z.object({
          year,
          category,
          powertrain,
          units: z.number().int().min(1).max(100_000),
          forceEarly: z
            .boolean()
            .default(true)
            .describe(
              "true: the oldest units not of this powertrain retire early; false: of the units reaching end of life that year, up to this many are replaced by it",
            ),
        }),
      )
      .max(500)
      .default([])
      .describe("units replaced by a powertrain in a year (early, oldest first, unless forceEarly is false)"),
    zeTargets: z
      .array(
        z.object({
          category,
          year,
          zeSharePct: z.number().min(0).max(100),
          powertrain: z.enum(["battery", "fuel_cell"]).default("battery"),
          forceEarly: z
            .boolean()
            .default(true)
            .describe(
              "true: units retire before their end of life until the share is met; false: only purchases (at end of life) turn zero-emission",
            ),
        }),
      )
      .max(100)
      .default([])
      .describe(
        'ZE shares from a year on: e.g. { yard_tractor, 2030, 100 } = "100 % ZE yard tractors by 2030" (forced early unless forceEarly is false)',
      ),
    activity: z.partialRecord(category, activityOverrideSchema).default({}),
    hydrogenPathway: z
      .string()
      .default("grey-smr")
      .describe("hydrogen_carbon_intensity.csv pathway or alias (grey-smr, solar-electrolysis, …)"),
    peakDayFactor: z.number().min(1).max(5).optional(),
    chargingWindowH: z.number().min(1).max(24).optional(),
    stationFacility: z
      .string()
      .optional()
      .describe("hydrogen_supply_reference.csv facility whose kg/day sizes one station (default: Sandia HD)"),
    prices: z
      .object({
        dieselPerL: z.number().min(0).optional(),
        electricityPerKwh: z.number().min(0).optional(),
        h2PerKg: z.number().min(0).optional(),
        currency: z.enum(["USD", "JPY"]),
        priceYear: z.number().int(),
        ...sourced,
      })
      .optional(),
    unitCosts: z
      .array(
        z.object({
          category,
          powertrain,
          cost: z.number().min(0),
          currency: z.enum(["USD", "JPY"]),
          priceYear: z.number().int(),
          ...sourced,
        }),
      )
      .max(100)
      .default([]),
    exchangeRate: z
      .object({ jpyPerUsd: z.number().positive(), year: z.number().int(), ...sourced })
      .optional(),
    ghgBaseline: z
      .object({ year: z.number().int(), tCo2e: z.number().positive(), ...sourced })
      .optional()
      .describe("the modelled fleet's GHG in the target's baseline year (1990 CAAP, FY2013 CNP)"),
    teuPerYear: z.object({ value: z.number().positive(), ...sourced }).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.horizonYear <= s.baseYear)
      ctx.addIssue({ code: "custom", path: ["horizonYear"], message: "must be after baseYear" });
    s.purchases.forEach((p, i) => {
      const total = Object.values(p.mixPct).reduce((a, b) => a + (b ?? 0), 0);
      if (Math.abs(total - 100) > 1e-6)
        ctx.addIssue({
          code: "custom",
          path: ["purchases", i, "mixPct"],
          message: `sums to ${total}, not 100`,
        });
    });
  });
export type ScenarioInput = z.output<typeof scenarioInputSchema>;
export type ScenarioInputIn = z.input<typeof scenarioInputSchema>;

/** A note: code (words in both languages in scenario-messages.ts), its values and the English text. */
export const scenarioNoteSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  text: z.string(),
});

const mixRow = z.object({ category, powertrain, units: z.number().int() });

export const emissionsYearSchema = z.object({
  tailpipeCo2eT: z.number(),
  upstreamCo2eT: z.number().describe("diesel well-to-tank and hydrogen production (pathway intensity)"),
  gridCo2eT: z.number().describe("electricity × the port's grid factor of the year"),
  wtwCo2eT: z.number().describe("tailpipe + upstream + grid: what the GHG targets are judged on"),
  noxT: z.number(),
  dpmT: z.number(),
});

export const scenarioYearSchema = z.object({
  year: z.number().int(),
  fleet: z.array(mixRow).describe("units at the end of the year by type × powertrain"),
  purchases: z.array(mixRow),
  retiredAtEndOfLife: z.number().int(),
  retiredEarly: z.number().int(),
  zeShareChePct: z.number().nullable(),
  zeShareDrayagePct: z.number().nullable(),
  emissions: emissionsYearSchema,
  h2TPerYear: z.number(),
  h2PeakKgPerDay: z.number(),
  electricityMwhPerYear: z.number(),
  peakKw: z.number(),
  stationsNeeded: z.number().int(),
  capex: z.number().describe("priced purchases this year, port currency (costsMissing lists the unpriced)"),
  capexUnpricedUnits: z.number().int().describe("units bought this year without a price (not in capex)"),
  opex: z.number().nullable().describe("energy this year, port currency"),
});
export type ScenarioYear = z.infer<typeof scenarioYearSchema>;

export const earlyRetirementSchema = z.object({
  year: z.number().int(),
  category,
  powertrain,
  modelYear: z.number().int(),
  units: z.number().int(),
  remainingLifeYears: z.number().int(),
  reason: z.enum(["ze_target", "extra_replacement"]),
});
export type EarlyRetirement = z.infer<typeof earlyRetirementSchema>;

export const assumptionSchema = z.object({
  name: z.string(),
  value: z.union([z.number(), z.string()]),
  unit: z.string(),
  source: z.string(),
});
export type Assumption = z.infer<typeof assumptionSchema>;

export const scenarioResultSchema = z.object({
  port: z.string(),
  name: z.string(),
  baseYear: z.number().int(),
  horizonYear: z.number().int(),
  methodVersion: z.string(),
  currency: z.string(),
  priceYear: z.number().int().nullable(),
  years: z.array(scenarioYearSchema),
  earlyRetirements: z.array(earlyRetirementSchema),
  costsMissing: z.array(z.string()).describe("purchases or energy carriers without a price"),
  assumptions: z.array(assumptionSchema),
  warnings: z.array(scenarioNoteSchema),
});
export type ScenarioResult = z.infer<typeof scenarioResultSchema>;

export const targetGapSchema = z.object({
  program: z.string(),
  metric: z.string(),
  kind: z.enum(["ze_share", "ghg"]),
  baselineYear: z.number().int().nullable(),
  targetYear: z.number().int(),
  targetValue: z.number().describe("percent of fleet (ZE share) or percent change (GHG)"),
  unit: z.string(),
  source: z.string(),
  baseline: z.object({ year: z.number().int(), tCo2e: z.number(), source: z.string() }).nullable(),
  scenarioValue: z.number().nullable().describe("the scenario in the target year, same unit as targetValue"),
  requiredT: z.number().nullable().describe("GHG: tonnes CO2e allowed in the target year"),
  scenarioT: z.number().nullable().describe("GHG: the scenario's tonnes CO2e in the target year"),
  met: z.boolean().nullable(),
  toReplace: z.array(
    z.object({
      category,
      units: z.number().int().describe("non-ZE units to replace by the target year"),
      byYear: z.number().int(),
      atEndOfLifeByThen: z
        .number()
        .int()
        .describe("of those, units reaching end of life by the target year anyway"),
      early: z.number().int().describe("of those, units that must retire before their end of life"),
      avoidedT: z.number().describe("GHG cut in the target year from replacing them"),
    }),
  ),
  note: z.string().describe("the notes in English, joined"),
  notes: z.array(scenarioNoteSchema),
});
export type TargetGap = z.infer<typeof targetGapSchema>;

export const targetsGapReplySchema = z.object({
  port: z.string(),
  scenario: z.string(),
  targets: z.array(targetGapSchema),
});
export type TargetsGapReply = z.infer<typeof targetsGapReplySchema>;

export const storedScenarioSchema = z.object({
  port: z.string(),
  name: z.string(),
  savedAt: z.string(),
  input: z.record(z.string(), z.unknown()).describe("the scenario as saved (see scenarioInputSchema)"),
  result: scenarioResultSchema,
  targetsGap: targetsGapReplySchema,
});
export type StoredScenario = z.infer<typeof storedScenarioSchema>;

export const scenarioListSchema = z.object({
  port: z.string(),
  scenarios: z.array(
    z.object({
      name: z.string(),
      description: z.string().nullable(),
      baseYear: z.number().int(),
      horizonYear: z.number().int(),
      savedAt: z.string(),
      zeShareChePctAt2030: z.number().nullable(),
      wtwCo2eTAtHorizon: z.number().nullable(),
    }),
  ),
});

const diffYear = z.object({
  year: z.number().int(),
  a: z.object({
    wtwCo2eT: z.number(),
    zeShareChePct: z.number().nullable(),
    h2TPerYear: z.number(),
    electricityMwhPerYear: z.number(),
    capex: z.number().nullable(),
  }),
  b: z.object({
    wtwCo2eT: z.number(),
    zeShareChePct: z.number().nullable(),
    h2TPerYear: z.number(),
    electricityMwhPerYear: z.number(),
    capex: z.number().nullable(),
  }),
  diff: z.object({
    wtwCo2eT: z.number(),
    zeShareChePct: z.number().nullable(),
    h2TPerYear: z.number(),
    electricityMwhPerYear: z.number(),
    capex: z.number().nullable(),
  }),
});

export const scenarioCompareSchema = z.object({
  port: z.string(),
  a: z.string(),
  b: z.string(),
  currency: z.string(),
  years: z.array(diffYear).describe("years both scenarios cover; diff = b − a"),
});
export type ScenarioCompare = z.infer<typeof scenarioCompareSchema>;

export const portsCompareSchema = z.object({
  ports: z.array(
    z.object({
      port: z.string(),
      scenario: z.string(),
      teuPerYear: z.number().nullable(),
      teuSource: z.string(),
      currency: z.string(),
    }),
  ),
  years: z.array(
    z.object({
      year: z.number().int(),
      byPort: z.array(
        z.object({
          port: z.string(),
          wtwCo2eT: z.number(),
          wtwKgCo2ePerTeu: z.number().nullable(),
          h2KgPerTeu: z.number().nullable(),
          electricityKwhPerTeu: z.number().nullable(),
          zeShareChePct: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export type PortsCompare = z.infer<typeof portsCompareSchema>;

/** Regional hydrogen balance by year (GET /api/transition/hydrogen-regional). */
export const regionalHydrogenSchema = z.object({
  scenarios: z.array(z.object({ port: z.string(), scenario: z.string() })),
  bound: z.enum(["low", "high"]).describe("the estimates' column used"),
  years: z.array(
    z.object({
      year: z.number().int(),
      portsDemandT: z.number().describe("t H2 a year: the ports' scenarios"),
      otherDemandT: z.number().describe("t H2 a year: other users of the region (estimates)"),
      demandT: z.number(),
      supplyT: z.number(),
      gapT: z.number().describe("supply − demand, t; negative: a shortfall"),
      byLineT: z.record(z.string(), z.number()).describe("each port's scenario and each line this year, t"),
    }),
  ),
});
export type RegionalHydrogen = z.output<typeof regionalHydrogenSchema>;
