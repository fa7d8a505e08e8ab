/**
 * HTTP routes of the operations capability. Who may use each (DESIGN.md "Access"):
 * - GET  /api/ports/{locode}/operations/summary        public — port-level aggregates per terminal only
 *   (no container, company, vessel or call named);
 * - GET  /api/ports/{locode}/operations/kpis           analyst, terminal, sister_port, admin — every
 *   KPI, with per-call moves naming vessels;
 * - GET  /api/ports/{locode}/operations/containers/{ref} analyst, terminal, trucking, admin — one box's
 *   timeline (B/L and booking numbers are commercial data); a terminal operator only boxes that passed
 *   through its terminal, a trucking company boxes its trucks moved (reach.ts); others 404 as if they
 *   did not exist;
 * - GET  /api/ports/{locode}/operations/forecast       public — import boxes expected by week, terminal,
 *   size and mode (per call: vessel IMO and voyage, as public schedules show them);
 * - GET  /api/ports/{locode}/operations/empty-returns  public — which terminals take which empties
 *   today and tomorrow (what the terminals publish themselves), with the alerts of the last 24 h;
 * - GET  /api/ports/{locode}/operations/availability   analyst, terminal (its terminal's boxes),
 *   trucking (any box asked by number, as dispatchers do), partner, admin — holds name B/Ls;
 * - GET  /api/ports/{locode}/operations/truck-visits   analyst, terminal (its terminal's), trucking
 *   (its own visits, by its SCAC), admin — truck visits and turn times;
 * - POST /api/ports/{locode}/events                    terminal, partner, admin — DCSA T&T 2.2.0 events
 *   sent by a terminal or a carrier.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { terminalReach } from "../access/index.ts";
import { DomainError } from "../core/errors.ts";
import {
  cacheByTo,
  containerList,
  containerListSchema,
  defineRoute,
  instantSchema,
  knownPort,
  type RouteDef,
  timeWindow,
  timeWindowQuery,
} from "../core/http.ts";
import { nowS } from "../core/time.ts";
import { ingestOperations } from "./ingest.ts";
import type { ParsedOperations } from "./model.ts";
import { boxReachOf } from "./reach.ts";
import {
  containerAvailability,
  containerTimeline,
  MAX_AVAILABILITY_BOXES,
  MAX_TRUCK_VISITS,
  type OperationsServiceDeps,
  operationsKpis,
  operationsSummary,
  truckVisits,
} from "./service.ts";
import { boardAt, storedSignal } from "./signals.ts";
import {
  availabilitySchema,
  containerTimelineSchema,
  type EmptyReturnBoardReply,
  emptyReturnBoardSchema,
  type ImportForecastReply,
  importForecastSchema,
  ingestCountsSchema,
  operationsKpisSchema,
  operationsSummarySchema,
  truckVisitsSchema,
} from "./wire.ts";

export interface OperationsRouteDeps extends OperationsServiceDeps {
  /** The port's time zone (IANA), or undefined when the port is unknown. */
  timeZoneOf(locode: string): string | undefined;
  /** DCSA T&T 2.2.0 events (a JSON array) → records and rejects; `source` names the batch in rejects. */
  parseEvents(json: unknown, source: string): ParsedOperations;
}

/** Windowed reads: 30 days unless asked, at most 400 (a year and its neighbours). */
const WINDOW_DAYS = { defaultDays: 30, maxDays: 400 };
/** Events per POST: a batch is one transaction. */
export const MAX_EVENTS_PER_POST = 10_000;

export function operationsRoutes(deps: OperationsRouteDeps): RouteDef[] {
  return [
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/operations/summary",
      operationId: "getOperationsSummary",
      summary:
        "Port-level supply-chain KPIs per terminal (truck turn time, dwell, moves) — no container or company",
      tags: ["operations"],
      access: ["public"],
      cache: cacheByTo,
      params: z.object({ locode: z.string() }),
      query: z.object(timeWindowQuery(WINDOW_DAYS.defaultDays)),
      response: operationsSummarySchema,
      async handler({ params, query }) {
        const { port, timeZone } = knownPort(deps.timeZoneOf, params.locode);
        return operationsSummary(deps, { port, timeZone, ...timeWindow(query, timeZone, WINDOW_DAYS) });
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/operations/kpis",
      operationId: "getOperationsKpis",
      summary:
        "Terminal KPIs per local day or hour: import dwell, truck turn time, gate throughput, trouble tickets, moves per berth hour, schedule reliability, anchorage waiting",
      tags: ["operations"],
      access: ["analyst", "terminal", "sister_port", "admin"],
      cache: cacheByTo,
      params: z.object({ locode: z.string() }),
      query: z.object({
        ...timeWindowQuery(WINDOW_DAYS.defaultDays),
        terminal: z
          .string()
          .min(1)
          .optional()
          .describe("a terminal id of the port registry; all when absent"),
        by: z.enum(["day", "hour"]).default("day"),
      }),
      response: operationsKpisSchema,
      async handler({ params, query, context }) {
        const { port, timeZone } = knownPort(deps.timeZoneOf, params.locode);
        // A terminal operator reaches its own terminal's KPIs only; another's are not found (issue 14).
        const terminal = terminalReach(context?.principal, query.terminal);
        return operationsKpis(deps, {
          port,
          timeZone,
          ...timeWindow(query, timeZone, WINDOW_DAYS),
          by: query.by,
          ...(terminal !== undefined ? { terminal } : {}),
        });
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/operations/containers/:ref",
      operationId: "getContainerTimeline",
      summary:
        "One box's timeline (events, gate, rail) with the call it came on, by container number, B/L or booking",
      tags: ["operations"],
      access: ["analyst", "terminal", "trucking", "admin"],
      cache: () => "data",
      params: z.object({ locode: z.string(), ref: z.string().min(1).max(64) }),
      response: containerTimelineSchema,
      // A terminal operator sees only boxes that passed through its own terminal, and of them its own
      // terminal's entries; a trucking company boxes its trucks moved, without other companies' gate
      // visits (reach.ts). Any other box is the same 404 as one that does not exist.
      async handler({ params, context }) {
        const { port } = knownPort(deps.timeZoneOf, params.locode);
        return containerTimeline(deps, port, params.ref, boxReachOf(context?.principal));
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/operations/forecast",
      operationId: "getImportForecast",
      summary:
        "Import forecast: laden import boxes expected in the next 3 ISO weeks by terminal, size and mode, from the calls announced (stored when data arrives)",
      tags: ["operations"],
      access: ["public"],
      cache: () => "data",
      params: z.object({ locode: z.string() }),
      response: importForecastSchema,
      async handler({ params }) {
        const { port, timeZone } = knownPort(deps.timeZoneOf, params.locode);
        return storedSignal<ImportForecastReply>(deps.operations, port, timeZone, "forecast", nowS());
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/operations/empty-returns",
      operationId: "getEmptyReturnBoard",
      summary:
        "Empty-return board: per terminal, size and line, whether empties are accepted today and tomorrow (refreshed every 5 minutes); `at` shows the board as it was",
      tags: ["operations"],
      access: ["public"],
      cache: () => "data",
      params: z.object({ locode: z.string() }),
      query: z.object({
        at: instantSchema().optional().describe("a past instant: the board as it stood then; default now"),
      }),
      response: emptyReturnBoardSchema,
      async handler({ params, query }) {
        const { port, timeZone } = knownPort(deps.timeZoneOf, params.locode);
        if (query.at === undefined)
          return storedSignal<EmptyReturnBoardReply>(
            deps.operations,
            port,
            timeZone,
            "empty_returns",
            nowS(),
          );
        return boardAt(deps.operations, port, timeZone, Date.parse(query.at) / 1000, nowS());
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/operations/availability",
      operationId: "getImportAvailability",
      summary:
        "Import availability before dispatch: per box, whether it is discharged, on hold (customs, freight, line), released and available for pickup",
      tags: ["operations"],
      // Not partners: a pilot's company or research body has its own equipment and telemetry, no
      // business with whose import box may be picked up (issue 14).
      access: ["analyst", "terminal", "trucking", "admin"],
      cache: () => "second",
      params: z.object({ locode: z.string() }),
      query: z.object({
        containers: containerListSchema(MAX_AVAILABILITY_BOXES).describe(
          `ISO 6346 container numbers, comma-separated (at most ${MAX_AVAILABILITY_BOXES})`,
        ),
      }),
      response: availabilitySchema,
      // Reach (reach.ts): a box a terminal operator may not see is listed as unknown; a trucking
      // company asks for any box by number, as a dispatcher does (the field's practice).
      async handler({ params, query, context }) {
        const { port, timeZone } = knownPort(deps.timeZoneOf, params.locode);
        return containerAvailability(
          deps,
          port,
          timeZone,
          containerList(query.containers),
          nowS(),
          boxReachOf(context?.principal, "availability"),
        );
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/operations/truck-visits",
      operationId: "listTruckVisits",
      summary:
        "Truck visits at the port's gates with their turn times, newest first: a trucking company its own, a terminal operator its terminal's",
      tags: ["operations"],
      access: ["analyst", "terminal", "trucking", "admin"],
      cache: cacheByTo,
      params: z.object({ locode: z.string() }),
      query: z.object({
        ...timeWindowQuery(7),
        terminal: z.string().min(1).max(100).optional().describe("a terminal id of the port registry"),
        carrier: z
          .string()
          .regex(/^[A-Za-z]{2,4}$/)
          .optional()
          .describe("a trucking company's SCAC (2 to 4 letters)"),
        limit: z.coerce.number().int().min(1).max(MAX_TRUCK_VISITS).default(200),
      }),
      response: truckVisitsSchema,
      // Reach (reach.ts): a trucking company (owner = its SCAC) reads its own visits only, a terminal
      // operator its own terminal's; asking for another company or terminal is not found (404).
      async handler({ params, query, context }) {
        const { port, timeZone } = knownPort(deps.timeZoneOf, params.locode);
        const principal = context?.principal;
        const terminal = terminalReach(principal, query.terminal);
        const carrier = query.carrier?.toUpperCase();
        const reach = boxReachOf(principal);
        if (reach.kind === "trucking" && carrier !== undefined && carrier !== reach.carrierScac)
          throw new DomainError("not_found", `no trucking company ${carrier} in your reach`);
        return truckVisits(deps, {
          port,
          ...timeWindow(query, timeZone, WINDOW_DAYS),
          limit: query.limit,
          reach,
          ...(terminal !== undefined ? { terminal } : {}),
          ...(carrier !== undefined ? { carrierScac: carrier } : {}),
        });
      },
    }),
    defineRoute({
      method: "POST",
      path: "/api/ports/:locode/events",
      operationId: "postContainerEvents",
      summary:
        "A batch of DCSA Track & Trace 2.2.0 events (JSON array): stored once by eventID, bad ones listed with their index and field",
      tags: ["operations"],
      access: ["terminal", "partner", "admin"],
      params: z.object({ locode: z.string() }),
      body: z
        .array(z.record(z.string(), z.unknown()))
        .max(MAX_EVENTS_PER_POST)
        .describe("DCSA T&T 2.2.0 events (EQUIPMENT, TRANSPORT, SHIPMENT)"),
      response: ingestCountsSchema,
      async handler({ params, body, context }) {
        const { port, timeZone } = knownPort(deps.timeZoneOf, params.locode);
        // The batch's name in rejects: the same body posted again is the same source (idempotent).
        const digest = createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 16);
        const source = `api:${port}:${digest}`;
        const parsed = deps.parseEvents(body, source);
        // A terminal operator writes only its own terminal's events (issue 14 data reach): a batch
        // naming another terminal, or none, is answered as reads are — not found — and nothing of
        // it is stored.
        if (context?.principal?.role === "terminal") {
          const own = terminalReach(context.principal, undefined);
          const outside = parsed.events.find((e) => e.terminal !== own);
          if (outside) terminalReach(context.principal, outside.terminal ?? "(none)");
        }
        const { signalsChanged: _, ...counts } = await ingestOperations(deps.operations, parsed, {
          file: source,
          port,
          timeZone,
        });
        return { ...counts, rejects: parsed.rejects };
      },
    }),
  ];
}
