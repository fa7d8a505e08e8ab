/**
 * First start on an empty database: a demo world for both ports (AIS traffic ending now, and
 * the particulars of its vessels), so the portal has something real-shaped to show. Composition
 * only: the demo generator and the AIS ingest do the work.
 */
import { randomUUID } from "node:crypto";
import { AisIngest, type AisMessage, type AisStore } from "../ais/index.ts";
import type { CallServiceDeps, CallStore } from "../calls/index.ts";
import type { IngestCounts } from "../core/ingest.ts";
import { SECONDS_PER_DAY } from "../core/time.ts";
import {
  type DemoPort,
  type DemoPortTruth,
  demoActivityForWindow,
  demoBaselines,
  generateDemoActivity,
  generateDemoOperations,
  generateDemoWorld,
  POLA_PROGRESS_FILE,
} from "../demo/index.ts";
import { vesselsCsv } from "../demo/writers.ts";
import { reportingYear } from "../emissions/inventory.ts";
import { type ActivityKind, activitySpec, type EmissionActivityStore } from "../emissions/nonship/index.ts";
import { loadEmissionsReference, readReferenceText } from "../emissions/reference-io.ts";
import { computeInventory, type EmissionsServiceDeps } from "../emissions/service.ts";
import { parseEmissionTargets } from "../emissions/targets.ts";
import { loadPortRegistry } from "../geo/index.ts";
import { ingestOperations, type OperationsStore } from "../operations/index.ts";
import { portRegistry } from "../store/services.ts";
import { loadDefaultEngineTable, parseParticularsCsv } from "../vessels/index.ts";

export interface DemoLoadOptions {
  seed: number;
  days: number;
  scale: number;
  /** The demo window ends at this instant (rounded down to the hour). */
  end: Date;
  /** Days the world runs on past the window (its AIS stops at the window's end): see DEMO_AHEAD_DAYS. */
  aheadDays?: number;
  onProgress?: (messages: number) => void;
}

/**
 * The demo's observed window [start, end). On first start the AIS, the port calls detected from it,
 * the container flows of those calls and the non-ship activity all cover these same days at the same
 * (realistic) scale, so that ratios of one to another — CO2e per TEU, per call — are ratios of the
 * same port over the same days.
 */
export interface DemoWindow {
  start: Date;
  end: Date;
}

/** Days of AIS in each port's demo window (both nodes: one window, one scale). */
export const DEMO_DAYS = 2;

/**
 * Days of announced arrivals after the window (the import forecast reads them): the demo world runs
 * this far, its AIS stops at the window's end, and the container flows follow the same world.
 */
export const DEMO_AHEAD_DAYS = 21;

export interface DemoLoadResult {
  counts: IngestCounts;
  vessels: number;
  calls: number;
  particulars: number;
  window: { from: string; to: string };
}

/** Loads the demo into the store unless anything was ever ingested; returns null when skipped. */
export async function loadDemoIfEmpty(
  ais: AisStore,
  options: DemoLoadOptions,
): Promise<DemoLoadResult | null> {
  if ((await ais.ingestRuns(1)).length > 0) return null;
  const hourMs = 3_600_000;
  const start = new Date(
    Math.floor(options.end.getTime() / hourMs) * hourMs - options.days * SECONDS_PER_DAY * 1000,
  );
  return ingestDemoWorld(ais, {
    seed: options.seed,
    start,
    days: options.days,
    scale: options.scale,
    ports: ["USLAX", "JPNGO"],
    ...(options.aheadDays ? { aheadDays: options.aheadDays } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

export interface DemoWorldLoad {
  seed: number;
  start: Date;
  days: number;
  scale: number;
  ports: DemoPort[];
  /** Multiplies every report interval (fewer reports for long windows). */
  intervalScale?: number;
  /** The world runs this many days past the window; AIS only up to the window's end. */
  aheadDays?: number;
  onProgress?: (messages: number) => void;
}

/** The demo world of a load: the same options give the same world (AIS and container flows agree). */
function demoWorldOf(options: DemoWorldLoad) {
  return generateDemoWorld(
    {
      seed: options.seed,
      start: options.start,
      days: options.days + (options.aheadDays ?? 0),
      scale: options.scale,
      ports: options.ports,
      ...(options.intervalScale ? { intervalScale: options.intervalScale } : {}),
    },
    loadPortRegistry(),
  );
}

/** Generates a demo world and ingests its AIS and vessel particulars (one "demo" ingest run). */
export async function ingestDemoWorld(ais: AisStore, options: DemoWorldLoad): Promise<DemoLoadResult> {
  const { start, days } = options;
  const world = demoWorldOf(options);
  const endS = start.getTime() / 1000 + days * SECONDS_PER_DAY;
  const startedAt = new Date();
  const source = `demo:seed=${options.seed},days=${days},scale=${options.scale},start=${start.toISOString()}${options.intervalScale ? `,interval=${options.intervalScale}` : ""}${options.aheadDays ? `,ahead=${options.aheadDays}` : ""}`;
  const ingest = new AisIngest(ais, { source });
  let n = 0;
  // The particulars of the vessels heard in the window (the world also holds those still to come).
  const heard = new Set<number>();
  // Messages go straight in as decoded payloads: the NMEA round trip is tested elsewhere.
  for (const m of world.messages()) {
    // Messages come in time order: the window ends here (the world runs on for the announced calls).
    if (m.timeS >= endS) break;
    heard.add((m.payload as { mmsi: number }).mmsi);
    n++;
    ingest.addMessage({ ...m.payload, line: n, channel: "A", tagSource: m.source } as AisMessage, m.timeS);
    if (ingest.flushDue) await ingest.flush();
    if (n % 100_000 === 0) options.onProgress?.(n);
  }
  await ingest.flush();
  const vessels = world.vessels.filter((v) => heard.has(v.mmsi));
  const particulars = parseParticularsCsv(vesselsCsv(vessels), { table: loadDefaultEngineTable() });
  await ais.upsertParticulars(particulars.rows, `${source}:vessels.csv`);
  await ais.recordIngestRun({
    id: randomUUID(),
    kind: "demo",
    source,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    read: ingest.counts.read,
    accepted: ingest.counts.accepted,
    rejected: ingest.counts.rejected,
    duplicates: ingest.counts.duplicates,
    detail: { rejectedByReason: ingest.counts.rejectedByReason, particulars: particulars.counts },
  });
  return {
    counts: ingest.counts,
    vessels: vessels.length,
    calls: world.truth.reduce(
      (s, t) => s + t.calls.filter((c) => Date.parse(c.berthArrivalAt) < endS * 1000).length,
      0,
    ),
    particulars: particulars.rows.length,
    window: {
      from: start.toISOString(),
      to: new Date(start.getTime() + days * SECONDS_PER_DAY * 1000).toISOString(),
    },
  };
}

/**
 * The geography the demo world adds to the shipped registry (its hand-placed cruise, bulk, tanker
 * and car-carrier berths, Nagoya's anchorage and pilot station), when the database holds demo
 * data — so port calls detect against the same places the demo ships use. Real data gets none.
 */
export async function demoGeographyExtras(
  ais: AisStore,
): Promise<Record<string, DemoPortTruth["demoFeatures"]["features"]> | undefined> {
  if ((await ais.ingestRuns(1, "demo")).length === 0) return undefined;
  // The added features depend only on the ports, not on the traffic: a tiny window is enough.
  const world = generateDemoWorld(
    { seed: 1, start: new Date(0), days: 0.01, scale: 1, ports: ["USLAX", "JPNGO"] },
    loadPortRegistry(),
  );
  return Object.fromEntries(world.truth.map((t) => [t.port, t.demoFeatures.features]));
}

/** What the port-call service needs, composed from the store (with the demo's geography when loaded). */
export async function callServiceDeps(store: { ais: AisStore; calls: CallStore }): Promise<CallServiceDeps> {
  const extraFeatures = await demoGeographyExtras(store.ais);
  return {
    ais: store.ais,
    calls: store.calls,
    registry: loadPortRegistry(),
    ...(extraFeatures ? { extraFeatures } : {}),
  };
}

/**
 * Stores the demo's non-ship activity (equipment, harbour craft, trucks, rail and the demo's own
 * user factors) of whole calendar years, as facts keyed like an imported file: loading again adds
 * nothing.
 */
export async function loadDemoActivity(
  store: EmissionActivityStore,
  options: { seed: number; ports: DemoPort[]; years: number[]; window?: DemoWindow },
): Promise<{ records: number }> {
  let records = 0;
  const registry = portRegistry();
  for (const port of options.ports) {
    const { window } = options;
    const timeZone = registry.get(port)?.timeZone ?? "UTC";
    // A window: its days' activity only (see demoActivityForWindow); else whole calendar years.
    const parts = window
      ? [
          {
            label: `window=${window.start.toISOString()}/${window.end.toISOString()}`,
            activity: demoActivityForWindow({
              seed: options.seed,
              port,
              start: window.start,
              days: (window.end.getTime() - window.start.getTime()) / (SECONDS_PER_DAY * 1000),
              timeZone,
              prorate: true,
            }),
          },
        ]
      : options.years.map((year) => ({
          label: `year=${year}`,
          activity: generateDemoActivity({ seed: options.seed, port, year }),
        }));
    for (const { label, activity } of parts) {
      const byKind: [ActivityKind, object[]][] = [
        ["che", activity.che],
        ["harbor-craft", activity.harborCraft],
        ["drayage", activity.drayage],
        ["rail", activity.rail],
        ["factors", activity.factors],
      ];
      for (const [kind, rows] of byKind) {
        const spec = activitySpec(kind);
        await store.importRecords({
          port,
          kind,
          sourceFile: `demo:seed=${options.seed},port=${port},${label}:${kind}.csv`,
          read: rows.length,
          inFileDuplicates: 0,
          records: rows.map((record, i) => ({ key: spec.key(record), record, line: i + 2 })),
          rejects: [],
        });
        records += rows.length;
      }
    }
  }
  return { records };
}

export interface DemoEmissionsResult {
  inventories: { port: string; label: string; calls: number; co2eTonnes: number }[];
  baselines: number;
}

/**
 * The demo's emissions side, once its AIS is in and port calls are detected: the non-ship activity
 * of the reporting years, the inventories of those years, and demo baselines (labelled as such)
 * computed from the latest of them — so the portal and `emissions progress` have something to show.
 */
export async function loadDemoEmissions(
  deps: EmissionsServiceDeps,
  options: { seed: number; ports: DemoPort[]; years: Record<string, number>; window?: DemoWindow },
): Promise<DemoEmissionsResult> {
  const ref = loadEmissionsReference();
  const out: DemoEmissionsResult = { inventories: [], baselines: 0 };
  for (const port of options.ports) {
    const settings = ref.settings.get(port);
    const entry = deps.registry.get(port);
    const year = options.years[port];
    if (!settings || !entry || year === undefined) continue;
    const period = reportingYear(settings, entry.timeZone, year);
    const calendarYears = [...new Set(period.months.map((m) => m.year))];
    await loadDemoActivity(deps.activity, {
      seed: options.seed,
      ports: [port],
      years: calendarYears,
      ...(options.window ? { window: options.window } : {}),
    });
    const report = await computeInventory(deps, port, year);
    const coverage = report.meta.coverage as { calls: number };
    out.inventories.push({
      port,
      label: report.label,
      calls: coverage.calls,
      co2eTonnes: report.scopes.tailpipe.total.co2e,
    });
    // GHG progress counts tailpipe + grid; criteria pollutants tailpipe only (service.progressReport).
    const tonnes = { ...report.scopes.tailpipe.total };
    tonnes.co2e += report.scopes.grid.total.co2e;
    tonnes.co2 += report.scopes.grid.total.co2;
    const targets = parseEmissionTargets(ref.targetTexts.emissions, settings);
    const enteredAt = new Date().toISOString();
    for (const b of demoBaselines(port, targets, tonnes, readReferenceText(POLA_PROGRESS_FILE), enteredAt)) {
      await deps.emissions.setBaseline(b);
      out.baselines++;
    }
  }
  return out;
}

export interface DemoOperationsLoad {
  port: DemoPort;
  counts: IngestCounts;
}

/**
 * The demo's container, gate and rail flows for the operations page: observed up to `end` and
 * announced for three weeks after it. Given the demo's window (first start, `demo exchange`), the
 * flows are those of the very calls its AIS shows — the same world (seed, window, DEMO_AHEAD_DAYS)
 * — at full scale: the TEU go with the calls and with the inventory of the same days. Without a
 * window: four weeks of calls of a world generated (truth only, no AIS) up to `end`, at `scale`
 * (default 0.1, about 150,000 events for both ports; 1 is a realistic port).
 */
export async function loadDemoOperations(
  store: { operations: OperationsStore },
  options: { seed: number; ports: DemoPort[]; end: Date; scale?: number; window?: DemoWindow },
): Promise<DemoOperationsLoad[]> {
  const registry = portRegistry();
  const { window } = options;
  const world = window
    ? demoWorldOf({
        seed: options.seed,
        start: window.start,
        days: (window.end.getTime() - window.start.getTime()) / (SECONDS_PER_DAY * 1000),
        scale: 1,
        ports: options.ports,
        aheadDays: DEMO_AHEAD_DAYS,
      })
    : generateDemoWorld(
        {
          seed: options.seed,
          start: new Date(options.end.getTime() - 28 * SECONDS_PER_DAY * 1000),
          days: 49,
          scale: 1,
          ports: options.ports,
        },
        registry,
      );
  const asOf = window ? window.end : options.end;
  const out: DemoOperationsLoad[] = [];
  for (const port of options.ports) {
    const truth = world.truth.find((t) => t.port === port);
    const timeZone = registry.get(port)?.timeZone;
    if (!truth || !timeZone) continue;
    const demo = generateDemoOperations({
      seed: options.seed,
      port,
      truth,
      asOf,
      scale: options.scale ?? (window ? 1 : 0.1),
      // The terminals' records begin when the demo's AIS does.
      ...(window ? { observedFrom: window.start } : {}),
    });
    const {
      runId: _,
      signalsChanged: __,
      ...counts
    } = await ingestOperations(store.operations, demo.operations, {
      file: `demo:seed=${options.seed}`,
      port,
      timeZone,
    });
    out.push({ port, counts });
  }
  return out;
}
