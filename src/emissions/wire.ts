/**
 * The emissions capability's HTTP shapes. Each zod schema is the one definition: the service's
 * reports are typed from them and the portal imports the derived types. Masses cross the wire in
 * the unit their field names (`tonnes` for a year's aggregates, `grams` for one call or source);
 * core/units.ts `convertMass` turns them into the reader's unit.
 */
import { z } from "zod";
import { POLLUTANTS, type Pollutant, SOURCE_CATEGORIES, type TraceText } from "./model.ts";

/** One number per pollutant, in the unit the description names. */
const byPollutant = (unit: string) =>
  z
    .object(Object.fromEntries(POLLUTANTS.map((p) => [p, z.number()])) as Record<Pollutant, z.ZodNumber>)
    .describe(unit);

const tonnesSchema = byPollutant("metric tonnes");
const scopeSchema = z.object({
  total: tonnesSchema,
  byCategory: z.array(
    z.object({
      category: z.enum(SOURCE_CATEGORIES),
      sources: z.number().int(),
      activity: z.array(z.object({ amount: z.number(), unit: z.string() })),
      tonnes: tonnesSchema,
    }),
  ),
  byMonth: z.array(z.object({ year: z.number().int(), month: z.number().int(), tonnes: tonnesSchema })),
  byTerminal: z.array(z.object({ terminal: z.string().nullable(), tonnes: tonnesSchema })),
});

/** A warning in no language: the portal and the CLI word it (en, ja) from its code and params. */
export const inventoryWarningSchema = z
  .object({
    code: z
      .string()
      .describe(
        "ogv_coverage, estimated_particulars, a non-ship warning or note code, or text (a sentence stored before codes: params.text)",
      ),
    params: z.record(z.string(), z.union([z.string(), z.number()])).describe("the values the warning names"),
  })
  .describe("An inventory warning: `code` and `params`, worded in the reader's language");

export const inventoryMetaSchema = z
  .looseObject({
    options: z
      .looseObject({ gwp: z.string(), ogv: z.record(z.string(), z.unknown()) })
      .partial()
      .optional(),
    coverage: z
      .looseObject({ calls: z.number().int(), estimatedVessels: z.number().int(), unaccountedH: z.number() })
      .partial()
      .optional(),
    anchorage: z
      .object({
        calls: z.number().int(),
        hours: z.number(),
        tonnes: tonnesSchema,
      })
      .optional()
      .describe(
        "ocean-going vessels waiting at anchor in the reporting year: calls that waited, hours, and their tailpipe emissions (t) — what just-in-time arrival would take out of the port's inventory area (absent in runs stored before it was measured)",
      ),
    warnings: z.array(inventoryWarningSchema),
  })
  .describe("options, port settings with sources, reference tables (file, SHA-256), coverage, warnings");

export const inventorySchema = z.object({
  port: z.string(),
  year: z.number().int(),
  label: z.string().describe('"2025" (calendar year) or "FY2025" (April–March fiscal year)'),
  timeZone: z.string(),
  firstDay: z.string(),
  lastDay: z.string(),
  computedAt: z.string(),
  methodVersion: z.string(),
  unit: z.literal("t").describe("every mass of the report (`tonnes`, `total`): metric tonnes"),
  meta: inventoryMetaSchema,
  lines: z.number().int(),
  scopes: z.object({ tailpipe: scopeSchema, grid: scopeSchema, upstream: scopeSchema }),
});

export const inventoryListSchema = z.object({
  port: z.string(),
  currentYear: z.number().int(),
  inventories: z.array(
    z.object({
      year: z.number().int(),
      label: z.string(),
      computedAt: z.string(),
      methodVersion: z.string(),
    }),
  ),
});

export const sourcePageSchema = z.object({
  total: z.number().int(),
  sources: z.array(
    z.object({
      category: z.enum(SOURCE_CATEGORIES),
      sourceId: z.string(),
      label: z.string(),
      terminal: z.string().nullable(),
      activity: z.number(),
      activityUnit: z.string(),
      tonnes: tonnesSchema,
    }),
  ),
});

const baselineSchema = z.object({
  port: z.string(),
  pollutant: z.enum(POLLUTANTS),
  year: z.number().int(),
  tonnes: z.number(),
  source: z.string(),
  enteredAt: z.string(),
});
const emissionTargetSchema = z.object({
  program: z.string(),
  // Inventory pollutant the target counts (SOx → so2; GHG → co2e or co2 by the port's basis).
  pollutant: z.enum(POLLUTANTS),
  // The name the program uses (DPM, NOx, SOx, GHG).
  programPollutant: z.string(),
  baselineYear: z.number().int(),
  targetYear: z.number().int(),
  targetReductionPct: z.number(),
  source: z.string(),
});
const shareProgressSchema = z.object({
  target: z.object({
    program: z.string(),
    metric: z.string(),
    targetYear: z.number().int(),
    targetPct: z.number(),
    source: z.string(),
  }),
  years: z.array(z.object({ year: z.number().int(), sharePct: z.number(), basis: z.string() })),
});

export const progressSchema = z.object({
  port: z.string(),
  reportingYearStartMonth: z.number().int().describe("1: calendar years; 4: April–March fiscal years (FY)"),
  ghgBasis: z.enum(["co2e", "co2"]),
  ghgBasisSource: z.string(),
  ghgScope: z.string(),
  baselines: z.array(baselineSchema),
  targets: z.array(
    z.object({
      target: emissionTargetSchema,
      baseline: baselineSchema.nullable(),
      targetTonnes: z.number().nullable(),
      remainingTonnes: z.number().nullable(),
      years: z.array(
        z.object({
          year: z.number().int(),
          label: z.string(),
          tonnes: z.number(),
          changePct: z.number(),
          pathPct: z.number(),
          gapPctPoints: z.number().describe("change − path: above zero behind the path, below ahead"),
        }),
      ),
    }),
  ),
  shares: z.array(shareProgressSchema),
  inventories: z.array(z.object({ year: z.number().int(), label: z.string(), computedAt: z.string() })),
});

/**
 * A trace text: a code of src/emissions/trace-text.ts and its params (values or texts), any
 * language. The document keeps params open (no recursive schema); the type says what they hold.
 */
const traceTextSchema = z
  .object({ code: z.string(), params: z.looseObject({}).optional() })
  .describe(
    "A trace text: `code` and `params` (strings, numbers or trace texts), rendered in en or ja",
  ) as unknown as z.ZodType<TraceText>;

export const traceStepSchema = z.object({
  what: z.string(),
  whatText: traceTextSchema,
  pollutant: z.enum(POLLUTANTS),
  activity: z.number(),
  activityUnit: z.string(),
  activityUnitText: traceTextSchema.optional(),
  factor: z.number(),
  factorUnit: z.string(),
  factorUnitText: traceTextSchema.optional(),
  adjustments: z.array(
    z.object({
      name: z.string(),
      value: z.number(),
      text: traceTextSchema,
      detail: z.union([z.string(), z.number(), traceTextSchema]).optional(),
    }),
  ),
  grams: z.number(),
  source: z.string(),
  sourceText: traceTextSchema.optional(),
});

export const sourceTraceSchema = z.object({
  port: z.string(),
  year: z.number().int(),
  label: z.string(),
  category: z.string(),
  sourceId: z.string(),
  lines: z.array(
    z.object({
      scope: z.enum(["tailpipe", "grid", "upstream"]),
      year: z.number().int(),
      month: z.number().int(),
      terminal: z.string().nullable(),
      label: z.string(),
      activity: z.number(),
      activityUnit: z.string(),
      grams: byPollutant("grams"),
      trace: z.array(traceStepSchema),
    }),
  ),
});

export type InventoryWarning = z.output<typeof inventoryWarningSchema>;
export type InventoryMeta = z.output<typeof inventoryMetaSchema>;
export type InventoryReport = z.output<typeof inventorySchema>;
export type InventoryList = z.output<typeof inventoryListSchema>;
export type EmissionSourcePage = z.output<typeof sourcePageSchema>;
export type ProgressReport = z.output<typeof progressSchema>;
export type Baseline = z.output<typeof baselineSchema>;
export type EmissionTarget = z.output<typeof emissionTargetSchema>;
export type ShareProgress = z.output<typeof shareProgressSchema>;
export type ShareTarget = ShareProgress["target"];
export type EmissionSourceTrace = z.output<typeof sourceTraceSchema>;
/** One call's computation: its response schema is open (`callId`, `methodVersion`); the calculator's type is its definition. */
export type { CallEmissions } from "./ogv/index.ts";

/**
 * A stored inventory's meta as served. Runs stored before warnings had codes hold English
 * sentences: each reads as code "text". Example: ["AIS gap"] → [{ code: "text", params: { text: "AIS gap" } }].
 */
export function inventoryMeta(stored: Record<string, unknown>): InventoryMeta {
  const warnings = Array.isArray(stored.warnings) ? stored.warnings : [];
  return {
    ...stored,
    warnings: warnings.map(
      (w): InventoryWarning => (typeof w === "string" ? { code: "text", params: { text: w } } : w),
    ),
  };
}
