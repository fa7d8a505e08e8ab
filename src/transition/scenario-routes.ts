/**
 * HTTP routes of rollout scenarios (issue 13). Who may use each (DESIGN.md "Access") — decided
 * here: a port's saved scenarios are its published planning figures (fleet mix by type, totals,
 * no unit, owner or programme named), so every read is public; computing and saving are the
 * analyst's (and admin's) work:
 * - GET  /api/ports/{locode}/transition/scenarios                   public — saved scenarios, headline figures
 * - POST /api/ports/{locode}/transition/scenarios                   analyst, admin — compute and save (replaces by name)
 * - POST /api/ports/{locode}/transition/scenarios/run               analyst, admin — compute without saving
 * - GET  /api/ports/{locode}/transition/scenarios/compare?a=&b=     public — two saved scenarios, b − a per year
 * - GET  /api/ports/{locode}/transition/scenarios/{name}            public — a saved scenario with its result and gaps
 * - GET  /api/ports/{locode}/transition/targets-gap?scenario=       public — a saved scenario's gap to the port's targets
 * - GET  /api/transition/compare-ports?a=PORT:name&b=PORT:name      public — two ports per TEU
 * - GET  /api/transition/hydrogen-regional?scenarios=PORT:name…     public — regional hydrogen demand
 *   (the scenarios' t/yr and the reference estimates' lines) against supply, by year
 * Reads serve the results stored at save time (a read never recomputes 25 years).
 */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { defineRoute, knownPort, type RouteDef } from "../core/http.ts";
import { textOf } from "../core/json-text.ts";
import type { DemandEstimateRow } from "./hydrogen-tables.ts";
import type { ScenarioTablesIn } from "./scenario.ts";
import {
  comparePortsStored,
  compareStored,
  computeScenario,
  parseScenario,
  regionalHydrogen,
  saveScenario,
  storedScenario,
} from "./scenario-service.ts";
import {
  portsCompareSchema,
  regionalHydrogenSchema,
  scenarioCompareSchema,
  scenarioListSchema,
  scenarioResultSchema,
  storedScenarioSchema,
  targetsGapReplySchema,
} from "./scenario-wire.ts";
import type { TransitionStore } from "./store.ts";

export interface ScenarioRouteDeps {
  transition: TransitionStore;
  timeZoneOf(locode: string): string | undefined;
  currencyOf(locode: string): string | undefined;
  /** The scenario tables, loaded once by the composer (or on first use). */
  scenarioTables(): ScenarioTablesIn;
  /** hydrogen_demand_estimates.csv rows (regional demand and supply lines), loaded once. */
  demandEstimates(): readonly DemandEstimateRow[];
}

const scenarioBody = z
  .record(z.string(), z.unknown())
  .describe(
    "a scenario: name, baseYear, horizonYear (≤ 2050), startingFleet (registry or cohorts), purchases (per type: fromYear and mixPct by powertrain), zeTargets, extraReplacements, activity overrides, prices, unitCosts, exchangeRate, ghgBaseline, teuPerYear — see the scenario document format in the CLI help (`ze scenario run --help`)",
  );

const portScenario = z
  .string()
  .regex(/^[A-Za-z]{2}[A-Za-z2-9]{3}:.+$/)
  .describe("PORT:scenario name, e.g. USLAX:natural replacement");

export function scenarioRoutes(deps: ScenarioRouteDeps): RouteDef[] {
  const service = {
    transition: deps.transition,
    tables: deps.scenarioTables,
    currencyOf: deps.currencyOf,
  };
  const input = (port: string, body: Record<string, unknown>) => {
    if (body.port !== undefined && textOf(body.port).toUpperCase() !== port)
      throw new DomainError("validation", `port: the body names ${textOf(body.port)}, the path ${port}`, [
        { field: "port", reason: `must be ${port} (the path's port)` },
      ]);
    return parseScenario({ ...body, port }, "body");
  };
  return [
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/transition/scenarios",
      operationId: "listScenarios",
      summary:
        "Saved rollout scenarios of a port: name, years, ZE CHE share in 2030, well-to-wheel CO2e at the horizon",
      tags: ["transition"],
      access: ["public"],
      cache: () => "data",
      params: z.object({ locode: z.string() }),
      response: scenarioListSchema,
      async handler({ params }) {
        const { port } = knownPort(deps.timeZoneOf, params.locode);
        const rows = await deps.transition.listScenarios(port);
        return { port, scenarios: rows.map(({ port: _p, ...r }) => r) };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/api/ports/:locode/transition/scenarios",
      operationId: "saveScenario",
      summary:
        "Compute a rollout scenario to its horizon and save it with its gap to the port's targets (a scenario of the same name is replaced)",
      tags: ["transition"],
      access: ["analyst", "admin"],
      params: z.object({ locode: z.string() }),
      body: scenarioBody,
      response: storedScenarioSchema,
      async handler({ params, body }) {
        const { port } = knownPort(deps.timeZoneOf, params.locode);
        const { stored } = await saveScenario(service, input(port, body));
        return { ...stored };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/api/ports/:locode/transition/scenarios/run",
      operationId: "runScenario",
      summary:
        "Compute a rollout scenario without saving it: trajectory by year and gap to the port's targets",
      tags: ["transition"],
      access: ["analyst", "admin"],
      params: z.object({ locode: z.string() }),
      body: scenarioBody,
      response: z.object({ result: scenarioResultSchema, targetsGap: targetsGapReplySchema }),
      async handler({ params, body }) {
        const { port } = knownPort(deps.timeZoneOf, params.locode);
        const { run, gap } = await computeScenario(service, input(port, body));
        return { result: run.result, targetsGap: gap };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/transition/scenarios/compare",
      operationId: "compareScenarios",
      summary:
        "Two saved scenarios of a port side by side: CO2e, ZE share, hydrogen, electricity, capex per year (b − a)",
      tags: ["transition"],
      access: ["public"],
      cache: () => "data",
      params: z.object({ locode: z.string() }),
      query: z.object({ a: z.string().min(1).max(80), b: z.string().min(1).max(80) }),
      response: scenarioCompareSchema,
      async handler({ params, query }) {
        const { port } = knownPort(deps.timeZoneOf, params.locode);
        return compareStored(deps.transition, port, query.a, query.b);
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/transition/scenarios/:name",
      operationId: "getScenario",
      summary:
        "A saved scenario: its input, year-by-year result (fleet mix, emissions, hydrogen, electricity, stations, costs) and gap to targets",
      tags: ["transition"],
      access: ["public"],
      cache: () => "data",
      params: z.object({ locode: z.string(), name: z.string().min(1).max(80) }),
      response: storedScenarioSchema,
      async handler({ params }) {
        const { port } = knownPort(deps.timeZoneOf, params.locode);
        return { ...(await storedScenario(deps.transition, port, params.name)) };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/transition/targets-gap",
      operationId: "getTargetsGap",
      summary:
        "Gap of a saved scenario to the port's targets (CAAP for USLAX, CNP for JPNGO): value in the target year, met or not, units to replace per type by when",
      tags: ["transition"],
      access: ["public"],
      cache: () => "data",
      params: z.object({ locode: z.string() }),
      query: z.object({ scenario: z.string().min(1).max(80) }),
      response: targetsGapReplySchema,
      async handler({ params, query }) {
        const { port } = knownPort(deps.timeZoneOf, params.locode);
        return (await storedScenario(deps.transition, port, query.scenario)).targetsGap;
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/transition/compare-ports",
      operationId: "compareScenarioPorts",
      summary:
        "Two ports' saved scenarios side by side per TEU (TEU a year from each scenario's teuPerYear with its source; absent: per-TEU figures null)",
      tags: ["transition"],
      access: ["public"],
      cache: () => "data",
      query: z.object({ a: portScenario, b: portScenario }),
      response: portsCompareSchema,
      async handler({ query }) {
        const sides = [query.a, query.b].map((s) => {
          const i = s.indexOf(":");
          const { port } = knownPort(deps.timeZoneOf, s.slice(0, i));
          return { port, scenario: s.slice(i + 1) };
        });
        return comparePortsStored(deps.transition, sides);
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/transition/hydrogen-regional",
      operationId: "getRegionalHydrogenBalance",
      summary:
        "Regional hydrogen demand against supply by year: the saved scenarios' tonnes a year per port plus the other users and supply of hydrogen_demand_estimates.csv (Chubu-class study)",
      tags: ["transition"],
      access: ["public"],
      cache: () => "data",
      query: z.object({
        scenarios: z
          .union([portScenario, z.array(portScenario).min(1).max(4)])
          .transform((v) => (Array.isArray(v) ? v : [v]))
          .describe("one or more PORT:scenario name (repeat the parameter)"),
        from: z.coerce.number().int().min(2000).max(2100).default(2025),
        to: z.coerce.number().int().min(2000).max(2100).default(2050),
        bound: z.enum(["low", "high"]).default("high").describe("which column of the estimates"),
      }),
      response: regionalHydrogenSchema,
      async handler({ query }) {
        const sides = query.scenarios.map((s) => {
          const i = s.indexOf(":");
          const { port } = knownPort(deps.timeZoneOf, s.slice(0, i));
          return { port, scenario: s.slice(i + 1) };
        });
        return regionalHydrogen(deps.transition, sides, deps.demandEstimates(), {
          fromYear: query.from,
          toYear: query.to,
          bound: query.bound,
        });
      },
    }),
  ];
}
