/**
 * Computing calls from stored AIS: recompute affected vessel-days (incremental), a whole range
 * (`calls detect`), and a timer for `ais listen` so calls follow the live feed within a minute.
 */
import { type AisStore, readTrackReports } from "../ais/index.ts";
import { SECONDS_PER_DAY } from "../core/time.ts";
import type { PortRegistry } from "../geo/index.ts";
import { mergeVesselStatics, shipTypeGroup } from "../vessels/index.ts";
import {
  type CallVessel,
  isCallCandidate,
  type PortCallRecord,
  resolveAisEta,
  type StoredSegment,
  toPortCallRecord,
} from "./calls.ts";
import { type CallGeography, compileCallGeography, type GeoFeatureLike } from "./geography.ts";
import { CALLS_METHODOLOGY_VERSION, type CallOptions, DEFAULT_CALL_OPTIONS } from "./model.ts";
import { analyseTrack } from "./segment.ts";
import type { CallStore, VesselDayState } from "./store.ts";

/** Days read either side of the changed days, so that a whole call (waits, long stays) is seen. */
export const CONTEXT_DAYS = 7;

export interface CallServiceDeps {
  ais: AisStore;
  calls: CallStore;
  registry: PortRegistry;
  options?: CallOptions;
  /** Ports to compute (default: every port in the registry). */
  ports?: string[];
  /** Extra features per port (e.g. the demo world's berths and anchorages). */
  extraFeatures?: Record<string, readonly GeoFeatureLike[]>;
}

export interface CallRunSummary {
  vessels: number;
  vesselDays: number;
  reports: number;
  calls: number;
  segments: number;
  seconds: number;
}

const geoCache = new WeakMap<CallServiceDeps, CallGeography[]>();

function geographies(deps: CallServiceDeps): CallGeography[] {
  let g = geoCache.get(deps);
  if (g === undefined) {
    const ports = deps.ports ?? deps.registry.list().map((p) => p.locode);
    g = ports.map((locode) => {
      const entry = deps.registry.get(locode);
      if (entry === undefined) throw new Error(`unknown port ${locode}`);
      return compileCallGeography(entry, deps.extraFeatures?.[locode] ?? []);
    });
    geoCache.set(deps, g);
  }
  return g;
}

function overlaps(d: VesselDayState, b: [number, number, number, number]): boolean {
  return !(d.maxLonDeg < b[0] || d.minLonDeg > b[2] || d.maxLatDeg < b[1] || d.minLatDeg > b[3]);
}

/** Recomputes calls and segments of the vessels of these vessel-days (± CONTEXT_DAYS). */
export async function recomputeVesselDays(
  deps: CallServiceDeps,
  days: readonly VesselDayState[],
): Promise<CallRunSummary> {
  const started = performance.now();
  const options = deps.options ?? DEFAULT_CALL_OPTIONS;
  const geos = geographies(deps);
  const byMmsi = new Map<number, VesselDayState[]>();
  for (const d of days) {
    const list = byMmsi.get(d.mmsi);
    if (list) list.push(d);
    else byMmsi.set(d.mmsi, [d]);
  }
  const summary: CallRunSummary = {
    vessels: 0,
    vesselDays: days.length,
    reports: 0,
    calls: 0,
    segments: 0,
    seconds: 0,
  };
  for (const [mmsi, list] of byMmsi) {
    const ports = geos.filter((g) => list.some((d) => overlaps(d, g.regionBBox)));
    if (ports.length === 0) continue;
    let minDay = Number.POSITIVE_INFINITY;
    let maxDay = Number.NEGATIVE_INFINITY;
    for (const d of list) {
      minDay = Math.min(minDay, d.dayUtc);
      maxDay = Math.max(maxDay, d.dayUtc);
    }
    const readFrom = (minDay - CONTEXT_DAYS) * SECONDS_PER_DAY;
    const readTo = (maxDay + CONTEXT_DAYS + 1) * SECONDS_PER_DAY - 1;
    const replaceFrom = (minDay - CONTEXT_DAYS + 1) * SECONDS_PER_DAY;
    const replaceTo = (maxDay + CONTEXT_DAYS) * SECONDS_PER_DAY;
    const track = await readTrackReports(deps.ais, mmsi, readFrom, readTo);
    summary.vessels++;
    summary.reports += track.count;
    const history = await deps.ais.staticHistory(mmsi);
    const rec = mergeVesselStatics(history).get(mmsi);
    const lastMsg = track.count > 0 ? track.msgType[track.count - 1]! : 1;
    const vessel: CallVessel = {
      mmsi,
      imo: rec?.imo ?? null,
      name: rec?.name ?? null,
      shipType: rec?.shipType ?? null,
      shipTypeGroup: rec?.shipTypeGroup ?? shipTypeGroup(null),
      aisClass: rec?.aisClass ?? (lastMsg === 18 || lastMsg === 19 ? "B" : "A"),
      lengthM: rec?.lengthM ?? null,
      callsign: rec?.callsign ?? null,
    };
    const candidate = isCallCandidate(vessel);
    for (const geo of ports) {
      const a = analyseTrack(mmsi, track, geo, options, candidate);
      const records: PortCallRecord[] = [];
      const segments: StoredSegment[] = [];
      for (const call of a.calls) {
        if (call.startS < replaceFrom || call.startS >= replaceTo) continue;
        const arrivalS = call.berths[0]!.arrivalS;
        // The last type 5 destination/ETA heard during the call before the berth arrival.
        let eta: { destination: string | null; etaS: number | null } = { destination: null, etaS: null };
        let bestSeen = Number.NEGATIVE_INFINITY;
        for (const h of history) {
          if (h.eta === null && h.destination === null) continue;
          const seen = Math.min(h.lastSeenS, arrivalS);
          if (h.firstSeenS > arrivalS || h.lastSeenS < call.startS - SECONDS_PER_DAY || seen <= bestSeen)
            continue;
          bestSeen = seen;
          eta = { destination: h.destination, etaS: resolveAisEta(h.eta, h.firstSeenS) };
        }
        const r = toPortCallRecord(call, vessel, options, eta);
        records.push(r);
        for (const s of call.segments) segments.push({ ...s, port: r.port, callId: r.id });
      }
      const callSegStarts = new Set(segments.map((s) => s.startS));
      for (const s of a.segments) {
        if (s.startS < replaceFrom || s.startS >= replaceTo || callSegStarts.has(s.startS)) continue;
        segments.push({ ...s, port: geo.port, callId: null });
      }
      segments.sort((x, y) => x.startS - y.startS);
      // Calls at a neighbour's berths (Long Beach in San Pedro Bay) are stored under that port, so
      // each port's results are replaced on their own: LA's lists and inventories never count them.
      for (const port of resultPorts(geo))
        await deps.calls.replaceVesselResults(
          port,
          mmsi,
          replaceFrom,
          replaceTo,
          records.filter((r) => r.port === port),
          segments.filter((s) => s.port === port),
        );
      summary.calls += records.length;
      summary.segments += segments.length;
    }
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** The geography's own port and every neighbour port whose berths it holds (USLAX → USLAX, USLGB). */
export function resultPorts(geo: CallGeography): string[] {
  const ports = new Set([geo.port]);
  for (const b of geo.berths) if (b.port !== null) ports.add(b.port);
  return [...ports];
}

/** Recomputes what changed since the last run (call after each ingest flush or on a timer). */
export async function updateCalls(deps: CallServiceDeps, limit = 50_000): Promise<CallRunSummary> {
  const pending = await deps.calls.pendingVesselDays(CALLS_METHODOLOGY_VERSION, limit);
  const summary = await recomputeVesselDays(deps, pending);
  await deps.calls.markVesselDays(CALLS_METHODOLOGY_VERSION, pending);
  return summary;
}

/** Recomputes every vessel-day in [fromS, toS] (the `calls detect` command). */
export async function detectCallsInRange(
  deps: CallServiceDeps,
  fromS: number,
  toS: number,
): Promise<CallRunSummary> {
  const days = await deps.calls.vesselDaysInRange(fromS, toS);
  const summary = await recomputeVesselDays(deps, days);
  await deps.calls.markVesselDays(CALLS_METHODOLOGY_VERSION, days);
  return summary;
}

/**
 * Runs `updateCalls` every `intervalS` seconds (default 30, so calls follow the feed within a
 * minute); runs never overlap. For `ais listen` / `serve`.
 */
export function startCallUpdater(
  deps: CallServiceDeps,
  options: { intervalS?: number; onRun?: (s: CallRunSummary) => void; onError?: (e: unknown) => void } = {},
): { stop(): Promise<void>; runNow(): Promise<CallRunSummary> } {
  let running: Promise<CallRunSummary> | null = null;
  const run = (): Promise<CallRunSummary> => {
    if (running) return running;
    running = updateCalls(deps)
      .then((s) => {
        options.onRun?.(s);
        return s;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(
    () => {
      run().catch((e) => options.onError?.(e));
    },
    (options.intervalS ?? 30) * 1000,
  );
  timer.unref?.();
  return {
    async stop() {
      clearInterval(timer);
      if (running) await running.catch(() => undefined);
    },
    runNow: run,
  };
}
