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
import {
  inventoryListSchema,
  inventorySchema,
  progressSchema,
  sourcePageSchema,
  sourceTraceSchema,
} from "./wire.ts";

export interface EmissionRouteDeps extends EmissionsServiceDeps {
  hasPort(locode: string): boolean;
}

const yearQuery = z.coerce
  .number()
  .int()
  .min(1990)
  .max(2100)
  .meta({ examples: [2026] })
  .describe("reporting year (FY2026 at a port with April–March years is 2026)");

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
      response: inventoryListSchema,
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
      response: sourcePageSchema,
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
      response: sourceTraceSchema,
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
