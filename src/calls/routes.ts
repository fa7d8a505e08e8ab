/** HTTP routes of the calls capability. Times are UTC ISO 8601; the portal shows the port's zone. */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import {
  cacheByTo,
  defineRoute,
  knownPort,
  RequestInvalid,
  type RouteDef,
  timeWindow,
  timeWindowQuery,
} from "../core/http.ts";
import { isoUtc } from "../core/time.ts";
import { anchorageQueue, speedCompliance } from "./aggregate.ts";
import { toDcsaTimestamps } from "./dcsa.ts";
import type { CallStore } from "./store.ts";
import {
  anchorageQueueSchema,
  callDetailSchema,
  callPageSchema,
  type PortCallRecord,
  speedComplianceSchema,
} from "./wire.ts";

export interface CallRouteDeps {
  calls: CallStore;
  /** The port's time zone (IANA), or undefined when the port is unknown. */
  timeZoneOf(locode: string): string | undefined;
}

/** Windowed reads: 30 days unless asked, at most 400 (a year and its neighbours). */
const WINDOW_DAYS = { defaultDays: 30, maxDays: 400 };
const MAX_AGGREGATE_CALLS = 50_000;

async function allCalls(
  deps: CallRouteDeps,
  port: string,
  fromS: number,
  toS: number,
): Promise<PortCallRecord[]> {
  const out: PortCallRecord[] = [];
  for (let offset = 0; offset < MAX_AGGREGATE_CALLS; offset += 5000) {
    const page = await deps.calls.listCalls({ port, fromS, toS, limit: 5000, offset });
    out.push(...page.calls);
    if (page.calls.length < 5000) break;
  }
  return out;
}

/** Routes: list, one call (segments, DCSA timestamps), anchorage queue, speed-zone compliance. */
export function callRoutes(deps: CallRouteDeps): RouteDef[] {
  return [
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/calls",
      operationId: "listPortCalls",
      summary: "Port calls overlapping a time range, with filters and paging",
      tags: ["calls"],
      // Derived from AIS, which vessels broadcast openly.
      access: ["public"],
      cache: cacheByTo,
      params: z.object({ locode: z.string() }),
      query: z.object({
        ...timeWindowQuery(WINDOW_DAYS.defaultDays),
        terminal: z.string().optional(),
        shipTypeGroup: z.string().optional(),
        mmsi: z.coerce.number().int().positive().optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: callPageSchema,
      async handler({ params, query }) {
        const { port, timeZone } = knownPort(deps.timeZoneOf, params.locode);
        const { fromS, toS } = timeWindow(query, timeZone, WINDOW_DAYS);
        const page = await deps.calls.listCalls({
          port,
          fromS,
          toS,
          ...(query.terminal ? { terminal: query.terminal } : {}),
          ...(query.shipTypeGroup ? { shipTypeGroup: query.shipTypeGroup } : {}),
          ...(query.mmsi ? { mmsi: query.mmsi } : {}),
          limit: query.limit,
          offset: query.offset,
        });
        return { total: page.total, limit: query.limit, offset: query.offset, calls: page.calls };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/calls/:id",
      operationId: "getCall",
      summary: "One port call with its operating-mode timeline and DCSA Port Call (JIT 2.0.0) timestamps",
      tags: ["calls"],
      access: ["public"],
      cache: () => "data",
      params: z.object({ id: z.string() }),
      response: callDetailSchema,
      async handler({ params }) {
        const call = await deps.calls.getCall(params.id);
        if (call === undefined) throw new DomainError("not_found", `no call ${params.id}`);
        const segments = await deps.calls.segments(
          call.port,
          call.mmsi,
          Date.parse(call.startAt) / 1000,
          Date.parse(call.endAt) / 1000,
        );
        return {
          call,
          segments: segments.map((s) => ({
            mode: s.mode,
            zone: s.zone,
            start: isoUtc(s.startS),
            end: isoUtc(s.endS),
            durationH: s.durationH,
            distanceNm: s.distanceNm,
            meanSpeedKn: s.meanSpeedKn,
            maxSpeedKn: s.maxSpeedKn,
            reports: s.reports,
          })),
          dcsa: toDcsaTimestamps(call),
        };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/calls/anchorage-queue",
      operationId: "getAnchorageQueue",
      summary: "Vessels at anchor over time (from the port calls' anchorage stays)",
      tags: ["calls"],
      access: ["public"],
      cache: cacheByTo,
      params: z.object({ locode: z.string() }),
      query: z.object({
        ...timeWindowQuery(WINDOW_DAYS.defaultDays),
        stepMinutes: z.coerce.number().int().min(5).max(1440).default(60),
      }),
      response: anchorageQueueSchema,
      async handler({ params, query }) {
        const { port, timeZone } = knownPort(deps.timeZoneOf, params.locode);
        const { fromS, toS } = timeWindow(query, timeZone, WINDOW_DAYS);
        if ((toS - fromS) / (query.stepMinutes * 60) > 20_000)
          throw new RequestInvalid("stepMinutes", String(query.stepMinutes), {
            rule: "maxSteps",
            maxSteps: 20_000,
          });
        const calls = await allCalls(deps, port, fromS, toS);
        return {
          port,
          stepMinutes: query.stepMinutes,
          points: anchorageQueue(calls, fromS, toS, query.stepMinutes * 60),
        };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/calls/speed-compliance",
      operationId: "getSpeedZoneCompliance",
      summary:
        "Share of the distance inside each speed zone sailed at or below its limit, by vessel or ship type (AIS has no operator)",
      tags: ["calls"],
      // Names vessels against limits: for the ports' analysts and the sister port under agreement.
      access: ["analyst", "sister_port", "admin"],
      cache: cacheByTo,
      params: z.object({ locode: z.string() }),
      query: z.object({
        ...timeWindowQuery(WINDOW_DAYS.defaultDays),
        groupBy: z.enum(["vessel", "shipType"]).default("vessel"),
      }),
      response: speedComplianceSchema,
      async handler({ params, query }) {
        const { port, timeZone } = knownPort(deps.timeZoneOf, params.locode);
        const { fromS, toS } = timeWindow(query, timeZone, WINDOW_DAYS);
        const calls = await allCalls(deps, port, fromS, toS);
        return { port, groupBy: query.groupBy, rows: speedCompliance(calls, query.groupBy) };
      },
    }),
  ];
}
