/**
 * The inventory service: loads a port-year's facts (calls with their segments and vessels, non-ship
 * activity), runs the calculators, stores the lines (replacing the port-year: recomputation is
 * idempotent) and builds the reports the CLI and the API show.
 */
import type { AisStore } from "../ais/index.ts";
import type { CallStore, PortCallRecord, StoredSegment } from "../calls/index.ts";
import { DomainError } from "../core/errors.ts";
import { isoUtc, SECONDS_PER_DAY } from "../core/time.ts";
import { gramsToTonnes } from "../core/units.ts";
import type { PortRegistry } from "../geo/index.ts";
import type { VesselParticulars } from "../vessels/index.ts";
import {
  type InventorySummary,
  type PortEmissionSettings,
  type ReportingYear,
  reportingYear,
  summarizeLines,
  type YearMonth,
} from "./inventory.ts";
import {
  addPollutants,
  EMISSIONS_METHOD_VERSION,
  type GwpSet,
  type InventoryLine,
  POLLUTANTS,
  type Pollutant,
  type PollutantGrams,
  type SourceCategory,
  type TraceStep,
  zeroPollutants,
} from "./model.ts";
import {
  computeNonshipLines,
  type EmissionActivityStore,
  type MeasuredDrayageIdle,
  type NonshipActivity,
  portGridFactor,
  type RegistryUnit,
  withMeasuredIdle,
  withRegistry,
} from "./nonship/index.ts";
import {
  type CallActivity,
  type CallEmissions,
  computeCallEmissions,
  computeCallEmissionsBulk,
  DEFAULT_OGV_OPTIONS,
  type OgvOptions,
} from "./ogv/index.ts";
import { buildCallActivity } from "./ogv-activity.ts";
import type { EmissionsTables } from "./reference-tables.ts";
import type { EmissionStore, StoredInventory } from "./store.ts";
import { parseEmissionTargets, parseShareTargets, type ShareProgress, targetProgress } from "./targets.ts";
import { type InventoryReport, type InventoryWarning, inventoryMeta, type ProgressReport } from "./wire.ts";

export type { InventoryReport, ProgressReport };

export interface EmissionsServiceDeps {
  ais: AisStore;
  calls: CallStore;
  emissions: EmissionStore;
  activity: EmissionActivityStore;
  registry: PortRegistry;
  /** Loaded once by the composer (loadEmissionsTables); the service reads no file. */
  tables: EmissionsTables;
  /**
   * Truck idling measured at the gates (operations' turn times) for a port's terminal-months, which
   * replaces the drayage activity's assumed idle minutes per visit. Absent: the assumption stands.
   */
  measuredDrayageIdle?: (port: string, from: YearMonth, to: YearMonth) => Promise<MeasuredDrayageIdle[]>;
  /** The port's equipment registry (transition capability), which the CHE activity is checked against. */
  registryUnits?: (port: string) => Promise<RegistryUnit[]>;
}

export interface InventoryOptions {
  gwp: GwpSet;
  ogv: OgvOptions;
  /** Adds diesel well-to-tank emissions as "upstream" lines. */
  wellToWheel: boolean;
}

export function defaultInventoryOptions(): InventoryOptions {
  return { gwp: DEFAULT_OGV_OPTIONS.gwp, ogv: { ...DEFAULT_OGV_OPTIONS }, wellToWheel: false };
}

function portSetup(
  deps: EmissionsServiceDeps,
  port: string,
): { settings: PortEmissionSettings; timeZone: string } {
  const entry = deps.registry.get(port);
  const settings = deps.tables.reference.settings.get(port);
  if (!entry || !settings) throw new DomainError("not_found", `no emissions settings for port ${port}`);
  return { settings, timeZone: entry.timeZone };
}

const IMO_CHUNK = 400;

async function particularsByImo(
  ais: AisStore,
  calls: readonly PortCallRecord[],
): Promise<Map<number, VesselParticulars>> {
  const imos = [...new Set(calls.map((c) => c.imo).filter((i): i is number => i !== null))];
  const out = new Map<number, VesselParticulars>();
  for (let i = 0; i < imos.length; i += IMO_CHUNK) {
    for (const p of await ais.particulars(imos.slice(i, i + IMO_CHUNK))) out.set(p.imo, p);
  }
  return out;
}

export interface InventoryProgress {
  phase: "calls" | "ogv" | "nonship" | "store";
  done: number;
  total: number;
}

/** Computes and stores the inventory of a port's reporting year; returns its report. */
export async function computeInventory(
  deps: EmissionsServiceDeps,
  port: string,
  year: number,
  options: InventoryOptions = defaultInventoryOptions(),
  onProgress?: (p: InventoryProgress) => void,
): Promise<InventoryReport> {
  const { settings, timeZone } = portSetup(deps, port);
  const period = reportingYear(settings, timeZone, year);
  const bounds = period.monthStartsS;
  const warnings: InventoryWarning[] = [];
  const gridLookup = portGridFactor(port, deps.tables.nonship);
  const ogvTables = deps.tables.ogv;
  const defaults = deps.tables.engineDefaults;
  const ogvOptions: OgvOptions = { ...options.ogv, gwp: options.gwp };

  // Calls whose visit overlaps the year; each segment counts in the month it starts in.
  onProgress?.({ phase: "calls", done: 0, total: 1 });
  const { calls } = await deps.calls.listCalls({
    port,
    fromS: period.fromS,
    toS: period.toS - 1,
    limit: 1_000_000,
    offset: 0,
  });
  const segments = await deps.calls.segmentsOfCalls(calls.map((c) => c.id));
  const vessels = await particularsByImo(deps.ais, calls);
  const lines: InventoryLine[] = [];
  let estimatedVessels = 0;
  let unaccountedH = 0;
  // Waiting at anchor (the emissions link of issue 12): what a just-in-time arrival would take out of
  // the port's inventory area, the ship slowing down at sea instead of waiting here.
  const anchorage = { calls: 0, hours: 0, grams: zeroPollutants() };
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i] as PortCallRecord;
    const imported = call.imo === null ? undefined : vessels.get(call.imo);
    if (!imported) estimatedVessels++;
    const callSegments = (segments.get(call.id) ?? []).filter(
      (s) => s.startS >= period.fromS && s.startS < period.toS,
    );
    if (callSegments.length === 0) continue;
    const grid = gridLookup(calendarYearAt(period, (callSegments[0] as StoredSegment).startS));
    const activity = buildCallActivity(call, callSegments, imported, defaults, settings, grid);
    const result = computeCallEmissionsBulk(ogvTables, activity, ogvOptions);
    unaccountedH += result.totals.unaccountedH;
    // One line per call and month (tailpipe), and one for shore-power electricity (grid).
    const perMonth = new Map<
      number,
      { tail: PollutantGrams; kwh: number; gridKwh: number; gridCo2e: number }
    >();
    let anchored = false;
    result.segments.forEach((seg, k) => {
      const s = callSegments[k];
      if (!s) return;
      if (s.mode === "at_anchor") {
        anchored = true;
        anchorage.hours += seg.durationH;
        addPollutants(anchorage.grams, seg.grams);
      }
      const mi = monthIndexOf(bounds, s.startS);
      let m = perMonth.get(mi);
      if (!m) {
        m = { tail: zeroPollutants(), kwh: 0, gridKwh: 0, gridCo2e: 0 };
        perMonth.set(mi, m);
      }
      addPollutants(m.tail, seg.grams);
      m.kwh += seg.energyKwh.main + seg.energyKwh.aux + seg.energyKwh.boiler;
      m.gridKwh += seg.gridKwh;
      m.gridCo2e += seg.gridCo2eGrams;
    });
    if (anchored) anchorage.calls++;
    const label = call.vesselName ?? (call.imo !== null ? `IMO ${call.imo}` : `MMSI ${call.mmsi}`);
    for (const [mi, m] of perMonth) {
      const ym = period.months[mi];
      if (!ym) continue;
      lines.push({
        port,
        category: "ogv",
        scope: "tailpipe",
        year: ym.year,
        month: ym.month,
        terminal: call.terminal,
        sourceId: call.id,
        label,
        activity: m.kwh,
        activityUnit: "kWh",
        grams: m.tail,
      });
      if (m.gridKwh > 0) {
        const g = zeroPollutants();
        g.co2e = m.gridCo2e;
        g.co2 = m.gridCo2e;
        lines.push({
          port,
          category: "ogv",
          scope: "grid",
          year: ym.year,
          month: ym.month,
          terminal: call.terminal,
          sourceId: call.id,
          label,
          activity: m.gridKwh,
          activityUnit: "kWh",
          grams: g,
        });
      }
    }
    if (i % 200 === 0) onProgress?.({ phase: "ogv", done: i, total: calls.length });
  }
  onProgress?.({ phase: "ogv", done: calls.length, total: calls.length });
  // How much of the year the AIS covers: other categories are usually whole-year records.
  let ogvFromS = Number.POSITIVE_INFINITY;
  let ogvToS = Number.NEGATIVE_INFINITY;
  for (const list of segments.values())
    for (const s of list) {
      if (s.startS < period.fromS || s.startS >= period.toS) continue;
      if (s.startS < ogvFromS) ogvFromS = s.startS;
      if (s.endS > ogvToS) ogvToS = s.endS;
    }
  const ogvDays = ogvToS > ogvFromS ? (Math.min(ogvToS, period.toS) - ogvFromS) / SECONDS_PER_DAY : 0;
  const ogvWindow =
    ogvDays > 0 ? { from: isoUtc(ogvFromS), to: isoUtc(Math.min(ogvToS, period.toS)), days: ogvDays } : null;
  const yearDays = (period.toS - period.fromS) / SECONDS_PER_DAY;
  if (ogvWindow && ogvDays < yearDays - 2)
    warnings.push({
      code: "ogv_coverage",
      params: {
        days: Math.round(ogvDays * 10) / 10,
        yearDays: Math.round(yearDays),
        from: ogvWindow.from,
        to: ogvWindow.to,
      },
    });
  if (estimatedVessels > 0)
    warnings.push({
      code: "estimated_particulars",
      params: { estimated: estimatedVessels, calls: calls.length },
    });

  // Non-ship categories from the imported activity.
  onProgress?.({ phase: "nonship", done: 0, total: 1 });
  const { activity, inYear, result: nonship } = await nonshipOfYear(deps, port, period, options, false);
  lines.push(...nonship.lines);
  warnings.push(...[...nonship.warnings, ...nonship.notes].map(({ code, params }) => ({ code, params })));

  const computedAt = new Date().toISOString();
  // Summed now and stored with the lines, so that reading the report never re-reads every line.
  const summary = summarizeLines(lines, period);
  const header: StoredInventory = {
    port,
    year,
    label: period.label,
    computedAt,
    methodVersion: EMISSIONS_METHOD_VERSION,
    meta: {
      options,
      settings,
      tables: [...deps.tables.reference.files, ...ogvTables.files],
      coverage: { calls: calls.length, estimatedVessels, unaccountedH, ogvWindow, nonship: nonship.coverage },
      notEstimated: nonship.notEstimated.length,
      zeroEmissionShares: zeroEmissionShares(activity, inYear),
      anchorage: { calls: anchorage.calls, hours: anchorage.hours, tonnes: tonnes(anchorage.grams) },
      warnings,
    },
    summary,
  };
  onProgress?.({ phase: "store", done: 0, total: 1 });
  await deps.emissions.replaceInventory(header, lines);
  return toInventoryReport(header, summary, period, timeZone);
}

/** The non-ship activity of a reporting year and its lines (only the year's months). */
async function nonshipOfYear(
  deps: EmissionsServiceDeps,
  port: string,
  period: ReportingYear,
  options: Pick<InventoryOptions, "gwp" | "wellToWheel">,
  trace: boolean,
): Promise<{
  activity: NonshipActivity;
  inYear: Set<number>;
  result: ReturnType<typeof computeNonshipLines>;
}> {
  const inYear = new Set(period.months.map((m) => m.year * 100 + m.month));
  const [from, to] = [period.months[0] as YearMonth, period.months[11] as YearMonth];
  const stored = await deps.activity.activityFor(port, from, to);
  const measured = stored.drayage.length > 0 ? await deps.measuredDrayageIdle?.(port, from, to) : undefined;
  const registry = stored.che.length > 0 ? await deps.registryUnits?.(port) : undefined;
  const activity = {
    ...stored,
    drayage: measured ? withMeasuredIdle(stored.drayage, measured) : stored.drayage,
    che: registry && registry.length > 0 ? withRegistry(stored.che, registry) : stored.che,
  };
  const result = computeNonshipLines(deps.tables.nonship, activity, {
    port,
    gwp: options.gwp,
    wellToWheel: options.wellToWheel,
    gridFactor: portGridFactor(port, deps.tables.nonship),
    trace,
    include: (y, m) => inYear.has(y * 100 + m),
  });
  return { activity, inYear, result };
}

/** Calendar year (in the port's zone) of an instant inside a reporting year. */
function calendarYearAt(period: ReportingYear, s: number): number {
  return (period.months[monthIndexOf(period.monthStartsS, s)] as YearMonth).year;
}

/** Index (0–11) of the reporting-year month an instant falls in: binary search on month starts. */
function monthIndexOf(bounds: number[], s: number): number {
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((bounds[mid] as number) <= s) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// Reports

export type PollutantTonnes = Record<Pollutant, number>;

/** Grams of every pollutant → metric tonnes. */
export function tonnes(g: PollutantGrams): PollutantTonnes {
  const t = {} as PollutantTonnes;
  for (const p of POLLUTANTS) t[p] = gramsToTonnes(g[p]);
  return t;
}

function toInventoryReport(
  header: StoredInventory,
  summary: InventorySummary,
  period: ReportingYear,
  timeZone: string,
): InventoryReport {
  const scopes = {} as InventoryReport["scopes"];
  for (const [scope, s] of Object.entries(summary.scopes) as [
    keyof InventoryReport["scopes"],
    InventorySummary["scopes"]["tailpipe"],
  ][]) {
    scopes[scope] = {
      total: tonnes(s.total),
      byCategory: s.byCategory.map((c) => ({
        category: c.category,
        sources: c.sources,
        activity: c.activity,
        tonnes: tonnes(c.grams),
      })),
      byMonth: s.byMonth.map((m) => ({ year: m.year, month: m.month, tonnes: tonnes(m.grams) })),
      byTerminal: s.byTerminal.map((t) => ({ terminal: t.terminal, tonnes: tonnes(t.grams) })),
    };
  }
  return {
    port: header.port,
    year: header.year,
    label: header.label,
    timeZone,
    firstDay: period.firstDay,
    lastDay: period.lastDay,
    computedAt: header.computedAt,
    methodVersion: header.methodVersion,
    unit: "t",
    meta: inventoryMeta(header.meta),
    lines: summary.lines,
    scopes,
  };
}

/** The stored inventory of a port-year as a report, or undefined when it was never computed. */
export async function storedInventoryReport(
  deps: EmissionsServiceDeps,
  port: string,
  year: number,
): Promise<InventoryReport | undefined> {
  const { settings, timeZone } = portSetup(deps, port);
  const header = await deps.emissions.getInventory(port, year);
  if (!header) return undefined;
  const period = reportingYear(settings, timeZone, year);
  let summary = header.summary;
  if (!summary) {
    // Stored before summaries were kept: sum the lines once and keep the result.
    summary = summarizeLines(await deps.emissions.lines(port, year), period);
    await deps.emissions.saveSummary(port, year, header.computedAt, summary);
  }
  return toInventoryReport(header, summary, period, timeZone);
}

/** The reporting year an instant falls in, for a port. */
export function reportingYearAt(deps: EmissionsServiceDeps, port: string, instant: Date): number {
  const { settings, timeZone } = portSetup(deps, port);
  const y = instant.getUTCFullYear();
  for (const candidate of [y + 1, y, y - 1]) {
    const p = reportingYear(settings, timeZone, candidate);
    const s = instant.getTime() / 1000;
    if (s >= p.fromS && s < p.toS) return candidate;
  }
  return y;
}

// ---------------------------------------------------------------------------------------------
// One call

export async function loadCallActivity(deps: EmissionsServiceDeps, callId: string): Promise<CallActivity> {
  const call = await deps.calls.getCall(callId);
  if (!call) throw new DomainError("not_found", `no port call ${callId}`);
  const { settings, timeZone } = portSetup(deps, call.port);
  const segments = (await deps.calls.segmentsOfCalls([call.id])).get(call.id) ?? [];
  const [imported] = call.imo === null ? [] : await deps.ais.particulars([call.imo]);
  // The grid factor of the calendar year the call's first segment starts in, as the inventory uses.
  const startS = segments[0]?.startS ?? Date.parse(call.startAt) / 1000;
  const period = reportingYear(settings, timeZone, reportingYearAt(deps, call.port, new Date(startS * 1000)));
  const grid = portGridFactor(call.port, deps.tables.nonship)(calendarYearAt(period, startS));
  return buildCallActivity(call, segments, imported, deps.tables.engineDefaults, settings, grid);
}

export async function callEmissions(
  deps: EmissionsServiceDeps,
  callId: string,
  options: OgvOptions = DEFAULT_OGV_OPTIONS,
): Promise<CallEmissions> {
  return computeCallEmissions(deps.tables.ogv, await loadCallActivity(deps, callId), options, {
    trace: true,
  });
}

// ---------------------------------------------------------------------------------------------
// Progress against targets

export async function progressReport(deps: EmissionsServiceDeps, port: string): Promise<ProgressReport> {
  const { settings } = portSetup(deps, port);
  const ref = deps.tables.reference;
  const baselines = await deps.emissions.baselines(port);
  const totals = await deps.emissions.yearlyTotals(port);
  const inventories = await deps.emissions.listInventories(port);
  const labelOf = new Map(inventories.map((i) => [i.year, i.label]));
  const targets = parseEmissionTargets(ref.targetTexts.emissions, settings).map((target) => {
    // GHG counts tailpipe plus grid electricity (shore power, battery equipment); criteria pollutants tailpipe only.
    const isGhg = target.pollutant === "co2e" || target.pollutant === "co2";
    const series = totals.map((t) => ({
      year: t.year,
      tonnes: gramsToTonnes(t.tailpipe[target.pollutant] + (isGhg ? t.grid[target.pollutant] : 0)),
    }));
    const baseline =
      baselines.find((b) => b.pollutant === target.pollutant && b.year === target.baselineYear) ?? null;
    const p = targetProgress(target, baseline, series);
    return { ...p, years: p.years.map((y) => ({ ...y, label: labelOf.get(y.year) ?? String(y.year) })) };
  });
  // Zero-emission shares were stored with each inventory: read each header once.
  const storedShares: { year: number; shares: Record<string, { sharePct: number; basis: string } | null> }[] =
    [];
  for (const inv of inventories) {
    const header = await deps.emissions.getInventory(port, inv.year);
    storedShares.push({
      year: inv.year,
      shares: (header?.meta.zeroEmissionShares ?? {}) as Record<
        string,
        { sharePct: number; basis: string } | null
      >,
    });
  }
  const shares: ShareProgress[] = parseShareTargets(ref.targetTexts.shares, settings).map((target) => ({
    target,
    years: storedShares.flatMap(({ year, shares }) => {
      const share = shares[target.metric];
      return share ? [{ year, sharePct: share.sharePct, basis: share.basis }] : [];
    }),
  }));
  return {
    port,
    reportingYearStartMonth: settings.reportingYearStartMonth.value,
    ghgBasis: settings.ghgBasis.value,
    ghgBasisSource: settings.ghgBasis.source,
    ghgScope:
      "tailpipe (direct) + grid electricity (shore power, battery equipment); upstream fuel production not included",
    baselines,
    targets,
    shares,
    inventories: inventories.map((i) => ({ year: i.year, label: i.label, computedAt: i.computedAt })),
  };
}

/**
 * Zero-emission shares a port's targets count, from the year's activity: battery-electric and
 * fuel-cell CHE units among all units reported, and gate visits by zero-emission trucks among all.
 */
export function zeroEmissionShares(
  activity: NonshipActivity,
  inYear: Set<number>,
): Record<string, { sharePct: number; basis: string } | null> {
  const units = new Map<string, boolean>();
  for (const r of activity.che) {
    if (r.month !== null && !inYear.has(r.year * 100 + r.month)) continue;
    const ze = r.powertrain === "battery_electric" || r.powertrain === "fuel_cell";
    units.set(r.unitId, (units.get(r.unitId) ?? false) || ze);
  }
  let visits = 0;
  let zeVisits = 0;
  for (const r of activity.drayage) {
    if (!inYear.has(r.year * 100 + r.month)) continue;
    visits += r.gateVisits;
    if (r.powertrain === "battery_electric" || r.powertrain === "fuel_cell") zeVisits += r.gateVisits;
  }
  const zeUnits = [...units.values()].filter(Boolean).length;
  return {
    "zero-emission share of cargo-handling equipment":
      units.size === 0
        ? null
        : {
            sharePct: (zeUnits / units.size) * 100,
            basis: `${zeUnits} of ${units.size} CHE units battery-electric or fuel-cell`,
          },
    "zero-emission share of on-road drayage trucks":
      visits === 0
        ? null
        : {
            sharePct: (zeVisits / visits) * 100,
            basis: `${zeVisits.toLocaleString("en-US")} of ${visits.toLocaleString("en-US")} gate visits by zero-emission trucks`,
          },
  };
}

/**
 * Recomputes, every `intervalS`, the current reporting year's inventory of each port that has one
 * stored (new AIS becomes calls every 30 s; this carries them into the inventory). One run at a time.
 */
export function startInventoryRefresher(
  deps: EmissionsServiceDeps,
  options: {
    intervalS: number;
    onError: (error: unknown) => void;
    now?: () => Date;
    /** After each run: the inventories recomputed (the server publishes them to sister ports). */
    onRun?: (run: { recomputed: { port: string; year: number }[] }) => void;
  },
): { runNow(): Promise<void>; stop(): void } {
  const now = options.now ?? (() => new Date());
  let running: Promise<void> | undefined;
  const run = async () => {
    const recomputed: { port: string; year: number }[] = [];
    for (const entry of deps.registry.list()) {
      const port = entry.locode;
      const year = reportingYearAt(deps, port, now());
      if (await deps.emissions.getInventory(port, year)) {
        await computeInventory(deps, port, year);
        recomputed.push({ port, year });
      }
    }
    options.onRun?.({ recomputed });
  };
  const runNow = () => {
    running ??= run()
      .catch(options.onError)
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => void runNow(), options.intervalS * 1000);
  timer.unref();
  return { runNow, stop: () => clearInterval(timer) };
}

/**
 * The computation of one non-ship source (a CHE unit, a harbour craft, a truck group, a rail
 * service) in a reporting year, with its trace steps: recomputed from the stored activity.
 */
export async function nonshipSourceTrace(
  deps: EmissionsServiceDeps,
  port: string,
  year: number,
  category: Exclude<SourceCategory, "ogv">,
  sourceId: string,
  options: Pick<InventoryOptions, "gwp" | "wellToWheel"> = defaultInventoryOptions(),
): Promise<{
  port: string;
  year: number;
  label: string;
  category: string;
  sourceId: string;
  lines: (InventoryLine & { trace: TraceStep[] })[];
}> {
  const { settings, timeZone } = portSetup(deps, port);
  const period = reportingYear(settings, timeZone, year);
  const { result } = await nonshipOfYear(deps, port, period, options, true);
  // Lines build their trace when first read: copy it out explicitly.
  const lines = result.lines
    .filter((l) => l.category === category && l.sourceId === sourceId)
    .map((l) => ({ ...l, trace: l.trace ?? [] }));
  if (lines.length === 0)
    throw new DomainError("not_found", `no ${category} source ${sourceId} in ${port} ${period.label}`);
  return { port, year, label: period.label, category, sourceId, lines };
}
