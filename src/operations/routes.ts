/**
 * HTTP routes of the operations capability. Who may use each (DESIGN.md "Access"):
 * - GET  /api/ports/{locode}/operations/summary        public — port-level aggregates per terminal only
 *   (no container, company, vessel or call named);
 * - GET  /api/ports/{locode}/operations/kpis           analyst, terminal, sister_port, admin — every
 *   KPI, with per-call moves naming vessels;
 * - GET  /api/ports/{locode}/operations/containers/{ref} analyst, terminal, admin — one box's timeline
 *   (B/L and booking numbers are commercial data);
 * - POST /api/ports/{locode}/events                    terminal, partner, admin — DCSA T&T 2.2.0 events
 *   sent by a terminal or a carrier.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import {
  cacheByTo,
  defineRoute,
  knownPort,
  type RouteDef,
  timeWindow,
  timeWindowQuery,
} from "../core/http.ts";
import { ingestOperations } from "./ingest.ts";
import type { ParsedOperations } from "./model.ts";
import {
  containerTimeline,
  type OperationsServiceDeps,
  operationsKpis,
  operationsSummary,
} from "./service.ts";
import {
  containerTimelineSchema,
  ingestCountsSchema,
  operationsKpisSchema,
  operationsSummarySchema,
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
      async handler({ params, query }) {
        const { port, timeZone } = knownPort(deps.timeZoneOf, params.locode);
        return operationsKpis(deps, {
          port,
          timeZone,
          ...timeWindow(query, timeZone, WINDOW_DAYS),
          by: query.by,
          ...(query.terminal !== undefined ? { terminal: query.terminal } : {}),
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
      access: ["analyst", "terminal", "admin"],
      cache: () => "data",
      params: z.object({ locode: z.string(), ref: z.string().min(1).max(64) }),
      response: containerTimelineSchema,
      async handler({ params }) {
        const { port } = knownPort(deps.timeZoneOf, params.locode);
        return containerTimeline(deps, port, params.ref);
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
      async handler({ params, body }) {
        const { port, timeZone } = knownPort(deps.timeZoneOf, params.locode);
        // The batch's name in rejects: the same body posted again is the same source (idempotent).
        const digest = createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 16);
        const source = `api:${port}:${digest}`;
        const parsed = deps.parseEvents(body, source);
        const counts = await ingestOperations(deps.operations, parsed, { file: source, port, timeZone });
        return { ...counts, rejects: parsed.rejects };
      },
    }),
  ];
}
