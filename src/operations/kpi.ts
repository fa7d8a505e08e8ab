/**
 * Terminal KPIs from the rollups (pure): import dwell, truck turn time, gate throughput, trouble
 * tickets, vessel and rail moves per terminal and local day or hour; moves per berth hour, schedule
 * reliability and anchorage waiting from the port calls.
 *
 * Quantiles come from the fixed-bin histograms (rollup.ts): nearest rank (core/statistics.ts
 * `quantile`'s rule) over the binned values, reported as the lower edge of the bin holding that rank
 * — exact for whole-minute turn times and whole-hour dwells, otherwise at most one bin low.
 */
import type { PortCallRecord } from "../calls/index.ts";
import { quantile } from "../core/statistics.ts";
import { HISTOGRAM_BINS, type HistogramMetric, type HourlyRollup } from "./rollup.ts";
import type {
  AnchorageWaiting,
  CallOperations,
  DurationStats,
  DwellStats,
  OperationsPeriod,
  ScheduleReliability,
  TerminalKpis,
} from "./wire.ts";

const DAY_S = 86_400;
/** Schedule reliability: on time when within one day of the estimate (Sea-Intelligence's Global Liner Performance rule). */
export const ON_TIME_WINDOW_H = 24;

export interface HistogramRow {
  terminal: string;
  metric: HistogramMetric;
  bin: number;
  count: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/**
 * The nearest-rank q-quantiles of binned values, as the lower edge of the bin holding each rank in
 * seconds; null for none. One pass over the bins (sorted here only when given out of order).
 * Example: bins [{bin: 30, count: 1}, {bin: 45, count: 2}, {bin: 90, count: 1}] of 60 s (turn):
 * N = 4; p50 → rank 2 → bin 45 → 2700 s; p90 → rank ceil(3.6) = 4 → bin 90 → 5400 s.
 */
export function binQuantilesS(
  bins: readonly { bin: number; count: number }[],
  binS: number,
  qs: readonly number[],
): (number | null)[] {
  let n = 0;
  let ordered = true;
  let previous = Number.NEGATIVE_INFINITY;
  for (const b of bins) {
    n += Math.max(0, b.count);
    if (b.bin < previous) ordered = false;
    previous = b.bin;
  }
  if (n === 0) return qs.map(() => null);
  const ascending = ordered ? bins : [...bins].sort((a, b) => a.bin - b.bin);
  return qs.map((q) => {
    const rank = Math.max(1, Math.ceil(q * n));
    let seen = 0;
    let last = 0;
    for (const b of ascending) {
      if (b.count <= 0) continue;
      seen += b.count;
      last = b.bin;
      if (seen >= rank) return b.bin * binS;
    }
    return last * binS;
  });
}

/** One nearest-rank quantile of binned values (binQuantilesS). */
export function binQuantileS(
  bins: readonly { bin: number; count: number }[],
  binS: number,
  q: number,
): number | null {
  return binQuantilesS(bins, binS, [q])[0] ?? null;
}

function sum(rows: readonly HourlyRollup[], f: (r: HourlyRollup) => number): number {
  let s = 0;
  for (const r of rows) s += f(r);
  return s;
}

/** Seconds (or none) in minutes (60) or hours (3600), to two decimals. */
const inUnit = (s: number | null | undefined, unitS: number) =>
  s === null || s === undefined ? null : round2(s / unitS);

/** A histogram's count in one bin. */
export interface BinCount {
  bin: number;
  count: number;
}

/** Duration statistics in minutes from a count, a sum of seconds and the metric's bins (ascending). */
export function durationStats(
  count: number,
  sumS: number,
  bins: readonly BinCount[],
  metric: HistogramMetric,
): DurationStats {
  const [p50, p90, p95] = binQuantilesS(bins, HISTOGRAM_BINS[metric].binS, [0.5, 0.9, 0.95]);
  return {
    count,
    meanMin: count > 0 ? round2(sumS / count / 60) : null,
    p50Min: inUnit(p50, 60),
    p90Min: inUnit(p90, 60),
    p95Min: inUnit(p95, 60),
  };
}

/** Import dwell statistics in hours from the dwell bins (truck, rail or both merged; ascending). */
export function dwellStats(
  count: number,
  sumS: number,
  over5d: number,
  over9d: number,
  bins: readonly BinCount[],
): DwellStats {
  const [median, p90] = binQuantilesS(bins, HISTOGRAM_BINS.dwellTruck.binS, [0.5, 0.9]);
  return {
    count,
    meanH: count > 0 ? round2(sumS / count / 3600) : null,
    medianH: inUnit(median, 3600),
    p90H: inUnit(p90, 3600),
    over5d,
    over9d,
    over5dShare: ratio(over5d, count),
    over9dShare: ratio(over9d, count),
  };
}

/** Two ascending bin lists as one (counts of a bin in both added). */
function mergeBins(a: readonly BinCount[], b: readonly BinCount[]): BinCount[] {
  const out: BinCount[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.bin < y.bin)) {
      out.push(x as BinCount);
      i++;
    } else if (x === undefined || y.bin < x.bin) {
      out.push(y);
      j++;
    } else {
      out.push({ bin: x.bin, count: x.count + y.count });
      i++;
      j++;
    }
  }
  return out;
}

/** The rows of each terminal and metric, in the rows' order (the store's: ascending bins). */
function binsByTerminal(rows: readonly HistogramRow[]): Map<string, Map<HistogramMetric, BinCount[]>> {
  const out = new Map<string, Map<HistogramMetric, BinCount[]>>();
  for (const r of rows) {
    let metrics = out.get(r.terminal);
    if (!metrics) {
      metrics = new Map();
      out.set(r.terminal, metrics);
    }
    const list = metrics.get(r.metric);
    if (list) list.push(r);
    else metrics.set(r.metric, [r]);
  }
  return out;
}

/** "2026-03-01" for a local day number; with the hour "2026-03-01T13". */
export function periodLabel(day: number, hour?: number): string {
  const date = new Date(day * DAY_S * 1000).toISOString().slice(0, 10);
  return hour === undefined ? date : `${date}T${String(hour).padStart(2, "0")}`;
}

function period(label: string, rows: readonly HourlyRollup[]): OperationsPeriod {
  const turnCount = sum(rows, (r) => r.turnCount);
  const dwellCount = sum(rows, (r) => r.dwellTruckCount + r.dwellRailCount);
  return {
    period: label,
    truckVisits: sum(rows, (r) => r.truckVisits),
    gateMovesIn: sum(rows, (r) => r.gateMovesIn),
    gateMovesOut: sum(rows, (r) => r.gateMovesOut),
    gateEvents: sum(rows, (r) => r.gateInEvents + r.gateOutEvents),
    turnMeanMin: turnCount > 0 ? round2(sum(rows, (r) => r.turnSumS) / turnCount / 60) : null,
    queueMeanMin: turnCount > 0 ? round2(sum(rows, (r) => r.queueSumS) / turnCount / 60) : null,
    dwellCount,
    dwellMeanH:
      dwellCount > 0
        ? round2(sum(rows, (r) => r.dwellTruckSumS + r.dwellRailSumS) / dwellCount / 3600)
        : null,
    vesselMoves: sum(rows, (r) => r.vesselDischarges + r.vesselLoads),
    railMoves: sum(rows, (r) => r.railLoads + r.railDischarges),
  };
}

/**
 * Per terminal: the range's KPIs and a series per local day or hour. `yard` holds the boxes still in
 * the yard past 5 and 9 days (from the dwell state, not the rollups).
 */
export function terminalKpis(
  hourly: readonly HourlyRollup[],
  histograms: readonly HistogramRow[],
  yard: ReadonlyMap<string, { over5d: number; over9d: number }>,
  by: "day" | "hour",
): TerminalKpis[] {
  const terminals = [...new Set([...hourly.map((r) => r.terminal), ...yard.keys()])].sort();
  const binsOf = binsByTerminal(histograms);
  return terminals.map((terminal) => {
    const rows = hourly.filter((r) => r.terminal === terminal);
    const metricBins = binsOf.get(terminal);
    const bins = (m: HistogramMetric): readonly BinCount[] => metricBins?.get(m) ?? [];
    const groups = new Map<string, HourlyRollup[]>();
    for (const r of [...rows].sort((a, b) => a.day - b.day || a.hour - b.hour)) {
      const label = by === "day" ? periodLabel(r.day) : periodLabel(r.day, r.hour);
      const g = groups.get(label);
      if (g) g.push(r);
      else groups.set(label, [r]);
    }
    const s = (f: (r: HourlyRollup) => number) => sum(rows, f);
    const visits = s((r) => r.truckVisits);
    const turnCount = s((r) => r.turnCount);
    const troubleKnown = s((r) => r.troubleKnown);
    const troubleTickets = s((r) => r.troubleTickets);
    return {
      terminal,
      dwell: {
        all: dwellStats(
          s((r) => r.dwellTruckCount + r.dwellRailCount),
          s((r) => r.dwellTruckSumS + r.dwellRailSumS),
          s((r) => r.dwellTruckOver5d + r.dwellRailOver5d),
          s((r) => r.dwellTruckOver9d + r.dwellRailOver9d),
          mergeBins(bins("dwellTruck"), bins("dwellRail")),
        ),
        truck: dwellStats(
          s((r) => r.dwellTruckCount),
          s((r) => r.dwellTruckSumS),
          s((r) => r.dwellTruckOver5d),
          s((r) => r.dwellTruckOver9d),
          bins("dwellTruck"),
        ),
        rail: dwellStats(
          s((r) => r.dwellRailCount),
          s((r) => r.dwellRailSumS),
          s((r) => r.dwellRailOver5d),
          s((r) => r.dwellRailOver9d),
          bins("dwellRail"),
        ),
      },
      boxesInYard: yard.get(terminal) ?? { over5d: 0, over9d: 0 },
      turn: {
        visits,
        turn: durationStats(
          turnCount,
          s((r) => r.turnSumS),
          bins("turn"),
          "turn",
        ),
        queue: durationStats(
          turnCount,
          s((r) => r.queueSumS),
          bins("queue"),
          "queue",
        ),
        inTerminal: durationStats(
          visits,
          s((r) => r.inTerminalSumS),
          bins("inTerminal"),
          "inTerminal",
        ),
      },
      gate: {
        truckVisits: visits,
        movesIn: s((r) => r.gateMovesIn),
        movesOut: s((r) => r.gateMovesOut),
        gateInEvents: s((r) => r.gateInEvents),
        gateOutEvents: s((r) => r.gateOutEvents),
      },
      troubleTickets: {
        known: troubleKnown,
        tickets: troubleTickets,
        rate: ratio(troubleTickets, troubleKnown),
      },
      vesselMoves: { discharges: s((r) => r.vesselDischarges), loads: s((r) => r.vesselLoads) },
      railMoves: { loads: s((r) => r.railLoads), discharges: s((r) => r.railDischarges) },
      series: [...groups].map(([label, g]) => period(label, g)),
    };
  });
}

const isoS = (iso: string) => Date.parse(iso) / 1000;

/** The vessel and UTC hours whose moves count for a call: from its berth arrival's hour to its last berth departure. */
export interface BerthWindow {
  vesselImo: number;
  fromHourS: number;
  toHourS: number;
}

/** A call's berth window; null for a vessel without an IMO number (its moves cannot be told apart). */
export function berthWindow(c: PortCallRecord): BerthWindow | null {
  if (c.imo === null) return null;
  return {
    vesselImo: c.imo,
    fromHourS: Math.floor(isoS(c.berthArrivalAt) / 3600) * 3600,
    toHourS: isoS(c.lastBerthDepartureAt),
  };
}

/**
 * Moves per berth hour of each call: its vessel's discharges and loads in its berth window
 * (`movesAtBerth[i]` for `calls[i]`, summed by the store), over its time at berth.
 * Example: 1,200 moves over a 24 h berth stay → 50 moves per berth hour.
 */
export function callOperations(
  calls: readonly PortCallRecord[],
  movesAtBerth: readonly number[],
): CallOperations[] {
  return calls.map((c, i) => {
    const n = movesAtBerth[i] ?? 0;
    const deviationH = c.etaAt === null ? null : round2((isoS(c.berthArrivalAt) - isoS(c.etaAt)) / 3600);
    return {
      callId: c.id,
      vesselName: c.vesselName,
      imo: c.imo,
      terminal: c.terminal,
      berthArrivalAt: c.berthArrivalAt,
      berthDepartureAt: c.lastBerthDepartureAt,
      berthHours: c.timeAtBerthH,
      moves: n,
      movesPerBerthHour: c.imo !== null && c.timeAtBerthH > 0 ? round2(n / c.timeAtBerthH) : null,
      etaAt: c.etaAt,
      arrivalDeviationH: deviationH,
      anchorageWaitH: c.anchorageWaitH,
    };
  });
}

/**
 * Share of calls arriving at berth within ±24 h of the ETA they carry, and the mean absolute deviation.
 * Example: deviations +2 h, −30 h, +10 h → 2 of 3 on time; mean |dev| = 42 / 3 = 14 h.
 */
export function scheduleReliability(calls: readonly CallOperations[]): ScheduleReliability {
  const devs = calls.flatMap((c) => (c.arrivalDeviationH === null ? [] : [c.arrivalDeviationH]));
  const onTime = devs.filter((d) => Math.abs(d) <= ON_TIME_WINDOW_H).length;
  return {
    calls: calls.length,
    withEta: devs.length,
    onTime,
    onTimeShare: ratio(onTime, devs.length),
    meanAbsDeviationH:
      devs.length > 0 ? round2(devs.reduce((s, d) => s + Math.abs(d), 0) / devs.length) : null,
  };
}

/** Anchorage waiting of the calls (measured by calls/ from AIS): mean over all calls and p90 (nearest rank). */
export function anchorageWaiting(calls: readonly CallOperations[]): AnchorageWaiting {
  const waits = calls.map((c) => c.anchorageWaitH).sort((a, b) => a - b);
  return {
    calls: waits.length,
    waited: waits.filter((w) => w > 0).length,
    meanWaitH: waits.length > 0 ? round2(waits.reduce((s, w) => s + w, 0) / waits.length) : null,
    p90WaitH: waits.length > 0 ? round2(quantile(waits, 0.9)) : null,
  };
}
