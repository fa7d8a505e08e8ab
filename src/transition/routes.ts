/**
 * HTTP routes of the transition fleet. Who may use each (DESIGN.md "Access"):
 * - GET  /api/ports/{locode}/transition/summary     public — fleet mix counts (category × powertrain
 *   × status) and the pilots' port-level aggregate; no unit, owner or programme named;
 * - GET  /api/ports/{locode}/transition/equipment   analyst, partner, admin — the registry (owners
 *   and programmes are commercial data);
 * - GET  /api/ports/{locode}/transition/scorecards  analyst, partner, admin — per-unit scorecards;
 * - POST /api/ports/{locode}/transition/telemetry   partner, admin — a batch of telemetry records
 *   (an equipment maker or fuel supplier reporting its pilots).
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { ownerReach } from "../access/index.ts";
import {
  cacheByTo,
  defineRoute,
  knownPort,
  type RouteDef,
  timeWindow,
  timeWindowQuery,
} from "../core/http.ts";
import { ingestTelemetry } from "./fleet-ingest.ts";
import { fleetScorecards, summarizeScorecards } from "./service.ts";
import type { TransitionStore } from "./store.ts";
import type { ScorecardTables } from "./tables-io.ts";
import {
  EQUIPMENT_CATEGORIES,
  EQUIPMENT_STATUSES,
  equipmentListSchema,
  fleetIngestReplySchema,
  fleetSummarySchema,
  scorecardsReplySchema,
} from "./wire.ts";

export interface FleetRouteDeps {
  transition: TransitionStore;
  /** The port's time zone (IANA), or undefined when the node does not know the port. */
  timeZoneOf(locode: string): string | undefined;
  /** The port's currency (ISO 4217). */
  currencyOf(locode: string): string | undefined;
  /** The reference tables (loaded once by the composer). */
  tables(): ScorecardTables;
}

/** Scorecard windows: 90 days unless asked, at most 400. */
const WINDOW_DAYS = { defaultDays: 90, maxDays: 400 };
/** Telemetry records per POST: a batch is one transaction. */
export const MAX_TELEMETRY_PER_POST = 10_000;

export function fleetRoutes(deps: FleetRouteDeps): RouteDef[] {
  const scorecards = async (port: string, timeZone: string, fromS: number, toS: number, unitId?: string) => {
    const cards = await fleetScorecards(deps.transition, deps.tables(), {
      port,
      timeZone,
      currency: deps.currencyOf(port) ?? "",
      fromS,
      toS,
      ...(unitId !== undefined ? { unitId } : {}),
    });
    return { cards, summary: summarizeScorecards(port, cards) };
  };
  return [
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/transition/summary",
      operationId: "getFleetSummary",
      summary:
        "Fleet mix (units by category, powertrain and status) and the zero-emission pilots' port totals: availability, hydrogen, emissions avoided",
      tags: ["transition"],
      access: ["public"],
      cache: cacheByTo,
      params: z.object({ locode: z.string() }),
      query: z.object(timeWindowQuery(WINDOW_DAYS.defaultDays)),
      response: fleetSummarySchema,
      async handler({ params, query }) {
        const { port, timeZone } = knownPort(deps.timeZoneOf, params.locode);
        const { fromS, toS } = timeWindow(query, timeZone, WINDOW_DAYS);
        const units = await deps.transition.listEquipment({ port });
        const mix = new Map<
          string,
          {
            category: (typeof units)[number]["category"];
            powertrain: (typeof units)[number]["powertrain"];
            status: (typeof units)[number]["status"];
            units: number;
          }
        >();
        for (const u of units) {
          const k = `${u.category}|${u.powertrain}|${u.status}`;
          const m = mix.get(k) ?? {
            category: u.category,
            powertrain: u.powertrain,
            status: u.status,
            units: 0,
          };
          m.units++;
          mix.set(k, m);
        }
        const { summary } = await scorecards(port, timeZone, fromS, toS);
        return { port, fromS, toS, fleetMix: [...mix.values()], pilots: summary };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/transition/equipment",
      operationId: "listEquipment",
      summary:
        "The port's equipment registry: units with category, powertrain, model year, power, owner, status, programme",
      tags: ["transition"],
      access: ["analyst", "partner", "admin"],
      cache: () => "data",
      params: z.object({ locode: z.string() }),
      query: z.object({
        status: z.enum(EQUIPMENT_STATUSES).optional(),
        category: z.enum(EQUIPMENT_CATEGORIES).optional(),
      }),
      response: equipmentListSchema,
      async handler({ params, query, context }) {
        const { port } = knownPort(deps.timeZoneOf, params.locode);
        const units = await deps.transition.listEquipment({
          port,
          ...(query.status ? { status: query.status } : {}),
          ...(query.category ? { category: query.category } : {}),
        });
        // A partner sees its own units only (issue 14: data reach).
        const owner = ownerReach(context?.principal);
        return { port, units: owner === undefined ? units : units.filter((u) => u.owner === owner) };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/transition/scorecards",
      operationId: "getPilotScorecards",
      summary:
        "Pilot scorecards per unit: availability, energy per hour / move / mile, fuel cost, emissions avoided vs the diesel unit replaced (tailpipe and well-to-wheel by hydrogen pathway)",
      tags: ["transition"],
      access: ["analyst", "partner", "admin"],
      cache: cacheByTo,
      params: z.object({ locode: z.string() }),
      query: z.object({
        ...timeWindowQuery(WINDOW_DAYS.defaultDays),
        unit: z.string().min(1).max(64).optional().describe("one unit id; all scored units when absent"),
      }),
      response: scorecardsReplySchema,
      async handler({ params, query, context }) {
        const { port, timeZone } = knownPort(deps.timeZoneOf, params.locode);
        const { fromS, toS } = timeWindow(query, timeZone, WINDOW_DAYS);
        const all = await scorecards(port, timeZone, fromS, toS, query.unit);
        // A partner sees its own units' scorecards only, summed over those (issue 14: data reach).
        const owner = ownerReach(context?.principal);
        if (owner === undefined) return { port, fromS, toS, scorecards: all.cards, summary: all.summary };
        const mine = new Set(
          (await deps.transition.listEquipment({ port }))
            .filter((u) => u.owner === owner)
            .map((u) => u.unitId),
        );
        const cards = all.cards.filter((c) => mine.has(c.unitId));
        return { port, fromS, toS, scorecards: cards, summary: summarizeScorecards(port, cards) };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/api/ports/:locode/transition/telemetry",
      operationId: "postTelemetry",
      summary:
        "A batch of telemetry records (unitId, periodStart, periodEnd, operatingH, moves, miles, chargedKwh, h2Kg, dieselL, downtimeH, downtimeReason): stored once per unit and period start, bad ones listed with their position and field",
      tags: ["transition"],
      access: ["partner", "admin"],
      params: z.object({ locode: z.string() }),
      body: z
        .array(z.record(z.string(), z.unknown()))
        .max(MAX_TELEMETRY_PER_POST)
        .describe(
          "records with the telemetry CSV's fields in camelCase; times a date (the port's midnight) or a date-time with an offset",
        ),
      response: fleetIngestReplySchema,
      async handler({ params, body, context }) {
        const { port } = knownPort(deps.timeZoneOf, params.locode);
        // A partner writes only its own equipment's telemetry (issue 14 data reach): a unit outside
        // it is answered as an unknown unit is, not found, so its existence is not revealed.
        const owner = ownerReach(context?.principal);
        // The batch's name in runs and rejects: the same body posted again is the same source.
        const digest = createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 16);
        const lhv = deps.tables().nonship.energy.constants.get("hydrogen_lhv")?.value ?? Number.NaN;
        const r = await ingestTelemetry(deps.transition, { port, records: body }, `api:${port}:${digest}`, {
          timeZone: deps.timeZoneOf,
          h2LhvKwhPerKg: lhv,
          ...(owner !== undefined ? { owner } : {}),
        });
        return { runId: r.runId, ...r.counts, rejects: r.rejects };
      },
    }),
  ];
}
