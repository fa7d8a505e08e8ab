/** HTTP routes of the emissions capability: inventories, sources, progress, exports, one call's computation. */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { defineRoute, type RouteDef } from "../core/http.ts";
import { inventoryLinesCsv } from "./export.ts";
import { POLLUTANTS, SOURCE_CATEGORIES } from "./model.ts";
import { DEFAULT_OGV_OPTIONS } from "./ogv/index.ts";
import {
  callEmissions,
  computeInventory,
  type EmissionsServiceDeps,
  nonshipSourceTrace,
  progressReport,
  reportingYearAt,
  storedInventoryReport,
  tonnes,
} from "./service.ts";

export interface EmissionRouteDeps extends EmissionsServiceDeps {
  hasPort(locode: string): boolean;
}

const tonnesSchema = z
  .object(Object.fromEntries(POLLUTANTS.map((p) => [p, z.number()])))
  .describe("metric tonnes");
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
const inventorySchema = z.object({
  port: z.string(),
  year: z.number().int(),
  label: z.string().describe('"2025" (calendar year) or "FY2025" (April–March fiscal year)'),
  timeZone: z.string(),
  firstDay: z.string(),
  lastDay: z.string(),
  computedAt: z.string(),
  methodVersion: z.string(),
  unit: z.literal("t"),
  shortTonsPerTonne: z.number(),
  meta: z
    .record(z.string(), z.unknown())
    .describe("options, port settings with sources, reference tables (file, SHA-256), coverage, warnings"),
  lines: z.number().int(),
  scopes: z.object({ tailpipe: scopeSchema, grid: scopeSchema, upstream: scopeSchema }),
});

const baselineSchema = z.object({
  port: z.string(),
  pollutant: z.enum(POLLUTANTS),
  year: z.number().int(),
  tonnes: z.number(),
  source: z.string(),
  enteredAt: z.string(),
});
const progressSchema = z.object({
  port: z.string(),
  reportingYearStartMonth: z.number().int().describe("1: calendar years; 4: April–March fiscal years (FY)"),
  ghgBasis: z.enum(["co2e", "co2"]),
  ghgBasisSource: z.string(),
  ghgScope: z.string(),
  baselines: z.array(baselineSchema),
  targets: z.array(
    z.object({
      target: z.object({
        program: z.string(),
        pollutant: z.enum(POLLUTANTS),
        programPollutant: z.string(),
        baselineYear: z.number().int(),
        targetYear: z.number().int(),
        targetReductionPct: z.number(),
        source: z.string(),
      }),
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
  shares: z.array(
    z.object({
      target: z.object({
        program: z.string(),
        metric: z.string(),
        targetYear: z.number().int(),
        targetPct: z.number(),
        source: z.string(),
      }),
      years: z.array(z.object({ year: z.number().int(), sharePct: z.number(), basis: z.string() })),
    }),
  ),
  inventories: z.array(z.object({ year: z.number().int(), label: z.string(), computedAt: z.string() })),
});

const yearQuery = z.coerce
  .number()
  .int()
  .min(1990)
  .max(2100)
  .meta({ examples: [2026] })
  .describe("reporting year (FY2026 at a port with April–March years is 2026)");

/** A trace text: a code of src/emissions/trace-text.ts and its params (values or texts), any language. */
const traceTextSchema = z
  .object({ code: z.string(), params: z.looseObject({}).optional() })
  .describe("A trace text: `code` and `params` (strings, numbers or trace texts), rendered in en or ja");

function checkPort(deps: EmissionRouteDeps, locode: string): string {
  const port = locode.toUpperCase();
  if (!deps.hasPort(port)) throw new DomainError("not_found", `unknown port ${locode}`);
  return port;
}

export function emissionRoutes(deps: EmissionRouteDeps): RouteDef[] {
  return [
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/emissions/inventories",
      operationId: "listEmissionInventories",
      summary: "The port's stored emission inventories and its current reporting year",
      tags: ["emissions"],
      access: ["analyst", "sister_port", "admin"],
      // currentYear follows the clock: kept for the current second only.
      cache: () => "second",
      params: z.object({ locode: z.string() }),
      response: z.object({
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
      }),
      async handler({ params }) {
        const port = checkPort(deps, params.locode);
        const inventories = await deps.emissions.listInventories(port);
        return {
          port,
          currentYear: reportingYearAt(deps, port, new Date()),
          inventories: inventories.map(({ year, label, computedAt, methodVersion }) => ({
            year,
            label,
            computedAt,
            methodVersion,
          })),
        };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/emissions/inventory",
      operationId: "getEmissionInventory",
      summary:
        "A reporting year's inventory by scope, source category, month and terminal (metric tonnes); computed when missing",
      tags: ["emissions"],
      // Without a year, the current one (clock); a stored year is served from its stored summary.
      access: ["analyst", "sister_port", "admin"],
      cache: ({ query }) => (query.year !== undefined ? "data" : "second"),
      params: z.object({ locode: z.string() }),
      query: z.object({ year: yearQuery.optional() }),
      response: inventorySchema,
      async handler({ params, query }) {
        const port = checkPort(deps, params.locode);
        const year = query.year ?? reportingYearAt(deps, port, new Date());
        return (await storedInventoryReport(deps, port, year)) ?? (await computeInventory(deps, port, year));
      },
    }),
    defineRoute({
      method: "POST",
      path: "/api/ports/:locode/emissions/inventory/compute",
      operationId: "computeEmissionInventory",
      summary: "Recomputes a reporting year's inventory from the stored facts (replaces it; idempotent)",
      tags: ["emissions"],
      access: ["analyst", "admin"],
      params: z.object({ locode: z.string() }),
      query: z.object({ year: yearQuery.optional() }),
      response: inventorySchema,
      async handler({ params, query }) {
        const port = checkPort(deps, params.locode);
        return computeInventory(deps, port, query.year ?? reportingYearAt(deps, port, new Date()));
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/emissions/sources",
      operationId: "listEmissionSources",
      summary:
        "Sources of a stored inventory (calls, equipment, truck groups, rail), largest first (tailpipe)",
      tags: ["emissions"],
      access: ["analyst", "sister_port", "admin"],
      cache: () => "data",
      params: z.object({ locode: z.string() }),
      query: z.object({
        year: yearQuery,
        category: z.enum(SOURCE_CATEGORIES).optional(),
        pollutant: z.enum(POLLUTANTS).default("co2e"),
        limit: z.coerce.number().int().min(1).max(500).default(20),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: z.object({
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
      }),
      async handler({ params, query }) {
        const port = checkPort(deps, params.locode);
        const page = await deps.emissions.topSources(port, query.year, {
          ...(query.category ? { category: query.category } : {}),
          pollutant: query.pollutant,
          limit: query.limit,
          offset: query.offset,
        });
        return {
          total: page.total,
          sources: page.sources.map(({ grams, ...rest }) => ({
            ...rest,
            tonnes: tonnes(grams),
          })),
        };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/emissions/progress",
      operationId: "getEmissionProgress",
      summary: "Progress of the stored inventories against the port's targets (CAAP / CNP) and baselines",
      tags: ["emissions"],
      access: ["analyst", "sister_port", "admin"],
      cache: () => "data",
      params: z.object({ locode: z.string() }),
      response: progressSchema,
      async handler({ params }) {
        return progressReport(deps, checkPort(deps, params.locode));
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/emissions/inventory/export",
      operationId: "exportEmissionInventory",
      summary: "Every line of a stored inventory (source × scope × month) as CSV or JSON",
      tags: ["emissions"],
      access: ["analyst", "sister_port", "admin"],
      cache: () => "data",
      params: z.object({ locode: z.string() }),
      query: z.object({ year: yearQuery, format: z.enum(["csv", "json"]).default("csv") }),
      response: z.string(),
      produces: {
        contentType: "text/csv; charset=utf-8",
        contentTypeOf: ({ query }) =>
          query.format === "json" ? "application/json" : "text/csv; charset=utf-8",
        download: ({ params, query }) =>
          `emissions-${params.locode.toUpperCase()}-${query.year}.${query.format}`,
      },
      async handler({ params, query }) {
        const port = checkPort(deps, params.locode);
        const header = await deps.emissions.getInventory(port, query.year);
        if (!header) throw new DomainError("not_found", `no stored inventory for ${port} ${query.year}`);
        const lines = await deps.emissions.lines(port, query.year);
        if (query.format === "json") return JSON.stringify({ ...header, lines }, null, 1);
        return inventoryLinesCsv(port, header.label, lines);
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/emissions/sources/:category/:sourceId",
      operationId: "getEmissionSourceTrace",
      summary:
        "One non-ship source's computation in a reporting year (CHE unit, harbour craft, truck group, rail): lines per month and scope with trace steps",
      tags: ["emissions"],
      access: ["analyst", "sister_port", "admin"],
      cache: () => "data",
      params: z.object({
        locode: z.string(),
        category: z.enum(["harbor_craft", "che", "drayage", "rail"]),
        sourceId: z.string(),
      }),
      query: z.object({ year: yearQuery }),
      response: z.object({
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
            grams: z.object(Object.fromEntries(POLLUTANTS.map((p) => [p, z.number()]))),
            trace: z.array(
              z.object({
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
              }),
            ),
          }),
        ),
      }),
      async handler({ params, query }) {
        const port = checkPort(deps, params.locode);
        const t = await nonshipSourceTrace(deps, port, query.year, params.category, params.sourceId);
        return { ...t, lines: t.lines.map((l) => ({ ...l, grams: { ...l.grams } })) };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/calls/:id/emissions",
      operationId: "getCallEmissions",
      summary:
        "One call's emissions computation: every segment with activity × factor × adjustments and each factor's source",
      tags: ["emissions"],
      access: ["analyst", "sister_port", "admin"],
      cache: () => "data",
      params: z.object({ id: z.string() }),
      query: z.object({
        method: z.enum(["epa", "imo4"]).default(DEFAULT_OGV_OPTIONS.method),
        gwp: z.enum(["AR4", "AR5", "AR6"]).default(DEFAULT_OGV_OPTIONS.gwp),
      }),
      response: z.looseObject({ callId: z.string().nullable(), methodVersion: z.string() }),
      async handler({ params, query }) {
        return callEmissions(deps, params.id, {
          ...DEFAULT_OGV_OPTIONS,
          method: query.method,
          gwp: query.gwp,
        });
      },
    }),
  ];
}
