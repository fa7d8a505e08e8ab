/**
 * What each stored fact adds to the KPI rollups (pure; the store only sums what this returns).
 *
 * - Hourly sums per port × terminal × local day × local hour: truck visits (hour of gate-in), turn,
 *   queue and in-terminal seconds, gate moves, trouble tickets, DCSA gate events, rail and vessel
 *   moves, completed import dwells (hour of the exit, terminal of the discharge).
 * - Histograms per port × terminal × local day, and again per local month, in fixed bins: turn,
 *   queue and in-terminal time in 1-minute bins (capped at 24 h), import dwell in 1-hour bins
 *   (capped at 60 days). A range reads its whole months from the month rows and only its partial
 *   months' days from the day rows (`splitByMonths`), so a terminal-month is ≤ bins rows per metric.
 * - Vessel moves (DISC / LOAD by vessel) per IMO number and UTC hour, joined later with port calls.
 *
 * Only ACT events at the ingest's port count (PLN / EST are plans; other ports' events are kept for
 * the timeline). Import dwell = discharge from a vessel → the first exit (gate-out by truck, rail
 * load) of a laden box, paired per container whatever order the two facts arrive in.
 */
import { utcOffsetMinutes } from "../core/time.ts";
import { type ContainerEvent, type RailMove, type TruckVisit, teuQuartersOf } from "./model.ts";
import type { ContainerState, HistogramDelta, MonthHistogramDelta } from "./store.ts";

export const HISTOGRAM_METRICS = ["turn", "queue", "inTerminal", "dwellTruck", "dwellRail"] as const;
export type HistogramMetric = (typeof HISTOGRAM_METRICS)[number];

const METRIC_NUMBER = Object.fromEntries(HISTOGRAM_METRICS.map((m, i) => [m, i])) as Record<
  HistogramMetric,
  number
>;

/** Bin width and the last bin (longer values fall in it) of each histogram. */
export const HISTOGRAM_BINS: Record<HistogramMetric, { binS: number; maxBin: number }> = {
  turn: { binS: 60, maxBin: 1440 },
  queue: { binS: 60, maxBin: 1440 },
  inTerminal: { binS: 60, maxBin: 1440 },
  dwellTruck: { binS: 3600, maxBin: 1440 },
  dwellRail: { binS: 3600, maxBin: 1440 },
};

/** The hourly sums; every field is added to on ingest. */
export const HOURLY_SUMS = [
  "truckVisits",
  "turnCount",
  "turnSumS",
  "queueSumS",
  "inTerminalSumS",
  "gateMovesIn",
  "gateMovesOut",
  "troubleKnown",
  "troubleTickets",
  "gateInEvents",
  "gateOutEvents",
  "railLoads",
  "railDischarges",
  "vesselDischarges",
  "vesselLoads",
  "dwellTruckCount",
  "dwellTruckSumS",
  "dwellTruckOver5d",
  "dwellTruckOver9d",
  "dwellRailCount",
  "dwellRailSumS",
  "dwellRailOver5d",
  "dwellRailOver9d",
  // Boxes discharged from and loaded onto vessels, in quarter-TEU (model.ts teuQuartersOf).
  "vesselTeuQuarters",
] as const;
export type HourlySum = (typeof HOURLY_SUMS)[number];

export type HourlyRollup = { port: string; terminal: string; day: number; hour: number } & Record<
  HourlySum,
  number
>;

export interface VesselMoveRollup {
  port: string;
  terminal: string;
  vesselImo: number;
  /** Start of the UTC hour (epoch seconds). */
  hourS: number;
  discharges: number;
  loads: number;
}

const DAY_S = 86_400;
const HOUR_S = 3600;
/** Ageing thresholds of the issue: dwell longer than 5 and 9 days. */
export const AGEING_DAYS = [5, 9] as const;
/**
 * Two exits of a box this close are one gate-out told twice (a DCSA GTOT event and the gate file's
 * truck visit, say): the second finds the dwell closed and opens nothing.
 */
export const SAME_EXIT_S = 3600;
/**
 * An exit with no discharge waits this long for its discharge told late (events arrive out of order
 * by hours, a terminal's COARRI a day after the vessel); then it is dropped, so that exits whose
 * discharge is never told (boxes that came in by rail or truck) do not pile up.
 */
export const UNPAIRED_EXIT_DAYS = 30;

/** Local day number (days since 1970-01-01 in the zone) and hour of an instant. */
export interface LocalSlot {
  day: number;
  hour: number;
}

/**
 * A zone's clock: epoch seconds → local day number and hour. The offset is looked up once per UTC
 * hour (zones change offset on whole hours for both ports), not per fact: Intl costs microseconds.
 * Example: localClock("Asia/Tokyo")(1_767_225_600), i.e. 2026-01-01T00:00Z → { day: 20454, hour: 9 }.
 */
export function localClock(timeZone: string): (s: number) => LocalSlot {
  const offsets = new Map<number, number>();
  const offsetS = (hourIndex: number): number => {
    let o = offsets.get(hourIndex);
    if (o === undefined) {
      o = utcOffsetMinutes(new Date(hourIndex * HOUR_S * 1000), timeZone) * 60;
      offsets.set(hourIndex, o);
    }
    return o;
  };
  return (s) => {
    const local = s + offsetS(Math.floor(s / HOUR_S));
    const day = Math.floor(local / DAY_S);
    return { day, hour: Math.floor((local - day * DAY_S) / HOUR_S) };
  };
}

/** Bins a metric may have (0 … the largest maxBin): the stride of a histogram cell's numeric key. */
const BINS_PER_METRIC = Math.max(...Object.values(HISTOGRAM_BINS).map((b) => b.maxBin)) + 1;

const clocks = new Map<string, (s: number) => LocalSlot>();

/** The zone's clock, made once per process (its offset cache fills as hours are seen). */
export function clockFor(timeZone: string): (s: number) => LocalSlot {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = localClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}

export function emptyHourly(port: string, terminal: string, day: number, hour: number): HourlyRollup {
  const row = { port, terminal, day, hour } as HourlyRollup;
  for (const k of HOURLY_SUMS) row[k] = 0;
  return row;
}

/** The bin a duration falls in. Example: histogramBin("turn", 3_000) → 50 (50 min). */
export function histogramBin(metric: HistogramMetric, durationS: number): number {
  const { binS, maxBin } = HISTOGRAM_BINS[metric];
  return Math.min(maxBin, Math.max(0, Math.floor(durationS / binS)));
}

/** Local month number (year × 12 + month − 1) of a local day number. Example: 20454 (2026-01-01) → 24312. */
export function monthOfDay(day: number): number {
  const d = new Date(day * DAY_S * 1000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** The local day number a month starts on. Example: 24313 (2026-02) → 20485. */
export function firstDayOfMonth(month: number): number {
  return Date.UTC(Math.floor(month / 12), month % 12, 1) / (DAY_S * 1000);
}

/**
 * A day range [fromDay, toDay] as its whole months and the days outside them.
 * Example: 2026-01-20 … 2026-03-05 → months 2026-02 … 2026-02, days 01-20 … 01-31 and 03-01 … 03-05.
 */
export function splitByMonths(
  fromDay: number,
  toDay: number,
): { months: [number, number] | null; days: [number, number][] } {
  let first = monthOfDay(fromDay);
  if (firstDayOfMonth(first) < fromDay) first++;
  let last = monthOfDay(toDay);
  if (firstDayOfMonth(last + 1) - 1 > toDay) last--;
  if (first > last) return { months: null, days: [[fromDay, toDay]] };
  const days: [number, number][] = [];
  if (fromDay < firstDayOfMonth(first)) days.push([fromDay, firstDayOfMonth(first) - 1]);
  if (firstDayOfMonth(last + 1) <= toDay) days.push([firstDayOfMonth(last + 1), toDay]);
  return { months: [first, last], days };
}

export interface RollupBatch {
  hourly: HourlyRollup[];
  histograms: HistogramDelta[];
  monthHistograms: MonthHistogramDelta[];
  vesselMoves: VesselMoveRollup[];
  /** Container states changed by the batch (to store). */
  states: ContainerState[];
  /** The latest time of a fact at the port in the batch (null for none). */
  latestS: number | null;
}

/** Containers whose state the batch may change (laden discharges and exits at the port). */
export function dwellContainers(
  port: string,
  events: readonly ContainerEvent[],
  visits: readonly TruckVisit[],
  railMoves: readonly RailMove[],
): string[] {
  const out = new Set<string>();
  for (const e of events) if (dwellRole(port, e) !== null && e.containerNumber) out.add(e.containerNumber);
  for (const v of visits)
    if (v.port === port)
      for (const m of v.moves)
        if (m.direction === "out" && m.emptyIndicator !== "EMPTY") out.add(m.containerNumber);
  for (const r of railMoves)
    if (r.port === port && r.direction === "load" && r.emptyIndicator !== "EMPTY") out.add(r.containerNumber);
  return [...out];
}

const atPort = (port: string, e: ContainerEvent) =>
  e.classifier === "ACT" && (e.port === null || e.port === port);

/**
 * Quarter-TEU a fact adds to the port's vessel moves: an actual discharge from or load onto a vessel
 * (or barge) at the port, by its box's size; 0 for anything else. The ingest and the migration that
 * filled the column for facts stored before it (store/operations/migrations.ts 0750) both use it.
 */
export function vesselMoveTeuQuarters(port: string, e: ContainerEvent): number {
  if (e.eventType !== "EQUIPMENT" || !atPort(port, e) || (e.eventCode !== "DISC" && e.eventCode !== "LOAD"))
    return 0;
  return e.mode === null || e.mode === "VESSEL" || e.mode === "BARGE" ? teuQuartersOf(e.sizeFt) : 0;
}

/** What an equipment event means for import dwell: a discharge, an exit by truck or rail, or nothing. */
function dwellRole(port: string, e: ContainerEvent): "discharge" | "truck" | "rail" | null {
  if (e.eventType !== "EQUIPMENT" || !atPort(port, e) || e.emptyIndicator === "EMPTY" || !e.containerNumber)
    return null;
  if (e.eventCode === "DISC" && (e.mode === null || e.mode === "VESSEL" || e.mode === "BARGE"))
    return "discharge";
  if (e.eventCode === "GTOT") return e.mode === "RAIL" ? "rail" : "truck";
  if (e.eventCode === "LOAD" && e.mode === "RAIL") return "rail";
  return null;
}

/**
 * The rollup deltas of facts that are new (already deduplicated by the store), given the stored
 * states of the containers they touch (`states`, from `dwellContainers`). Pure.
 */
export function rollupBatch(
  port: string,
  clock: (s: number) => LocalSlot,
  fresh: { events: readonly ContainerEvent[]; visits: readonly TruckVisit[]; railMoves: readonly RailMove[] },
  states: Map<string, ContainerState>,
): RollupBatch {
  // Cells are found by numeric keys (terminal number, day, hour, …), not by joined strings: one
  // string built per fact and per histogram bin was a fifth of this function (bench/ops-ingest).
  const hourly = new Map<number, HourlyRollup>();
  const hist = new Map<number, HistogramDelta>();
  const moves = new Map<string, VesselMoveRollup>();
  const changed = new Set<string>();
  /** Per box, the exit that closed its dwell in this batch. */
  const closedExitS = new Map<string, number>();
  const terminals = new Map<string, number>();
  const terminalNumber = (t: string): number => {
    let n = terminals.get(t);
    if (n === undefined) {
      n = terminals.size;
      terminals.set(t, n);
    }
    return n;
  };
  // The facts are applied in time order: the last UTC hour's local slot serves the next fact mostly.
  // Kept only for a UTC hour that is one local hour (a zone offset of whole hours); in a zone such as
  // UTC+5:30 the local hour changes within the UTC hour, and each fact asks the clock.
  let lastHour = Number.NaN;
  let lastSlot: LocalSlot = { day: 0, hour: 0 };
  const local = (s: number): LocalSlot => {
    const h = Math.floor(s / HOUR_S);
    if (h === lastHour) return lastSlot;
    const slot = clock(s);
    const first = clock(h * HOUR_S);
    const last = clock(h * HOUR_S + HOUR_S - 1);
    if (first.day === last.day && first.hour === last.hour) {
      lastHour = h;
      lastSlot = slot;
    }
    return slot;
  };

  const slot = (terminal: string | null, s: number): HourlyRollup => {
    const t = terminal ?? "";
    const { day, hour } = local(s);
    const key = (terminalNumber(t) * 1_000_000 + day) * 24 + hour;
    let row = hourly.get(key);
    if (!row) {
      row = emptyHourly(port, t, day, hour);
      hourly.set(key, row);
    }
    return row;
  };
  const addHist = (terminal: string | null, s: number, metric: HistogramMetric, durationS: number) => {
    const t = terminal ?? "";
    const { day } = local(s);
    const bin = histogramBin(metric, durationS);
    const key =
      ((terminalNumber(t) * 1_000_000 + day) * HISTOGRAM_METRICS.length + METRIC_NUMBER[metric]) *
        BINS_PER_METRIC +
      bin;
    const h = hist.get(key);
    if (h) h.count++;
    else hist.set(key, { port, terminal: t, day, metric, bin, count: 1 });
  };
  const state = (containerNumber: string): ContainerState => {
    let s = states.get(containerNumber);
    if (!s) {
      s = {
        port,
        containerNumber,
        dischargeS: null,
        dischargeTerminal: null,
        sizeFt: null,
        exitS: null,
        exitMode: null,
        exitTerminal: null,
      };
      states.set(containerNumber, s);
    }
    changed.add(containerNumber);
    return s;
  };
  /** Closes the dwell when the state holds a discharge and a later exit. */
  const close = (s: ContainerState) => {
    if (s.dischargeS === null || s.exitS === null || s.exitMode === null) return;
    if (s.exitS < s.dischargeS) {
      s.exitS = s.exitMode = s.exitTerminal = null; // an exit of an earlier stay: forget it
      return;
    }
    const dwellS = s.exitS - s.dischargeS;
    const terminal = s.dischargeTerminal ?? s.exitTerminal;
    const row = slot(terminal, s.exitS);
    const over5 = dwellS > AGEING_DAYS[0] * DAY_S ? 1 : 0;
    const over9 = dwellS > AGEING_DAYS[1] * DAY_S ? 1 : 0;
    if (s.exitMode === "truck") {
      row.dwellTruckCount++;
      row.dwellTruckSumS += dwellS;
      row.dwellTruckOver5d += over5;
      row.dwellTruckOver9d += over9;
      addHist(terminal, s.exitS, "dwellTruck", dwellS);
    } else {
      row.dwellRailCount++;
      row.dwellRailSumS += dwellS;
      row.dwellRailOver5d += over5;
      row.dwellRailOver9d += over9;
      addHist(terminal, s.exitS, "dwellRail", dwellS);
    }
    closedExitS.set(s.containerNumber, s.exitS);
    s.dischargeS = s.dischargeTerminal = s.exitS = s.exitMode = s.exitTerminal = null;
  };
  const exit = (container: string, atS: number, mode: "truck" | "rail", terminal: string | null) => {
    // The same gate-out told again after it closed the dwell here (no discharge since): nothing opens.
    const closedS = closedExitS.get(container);
    if (closedS !== undefined && Math.abs(atS - closedS) <= SAME_EXIT_S) {
      const open = states.get(container);
      if (open === undefined || (open.dischargeS === null && open.exitS === null)) return;
    }
    const s = state(container);
    // The first exit after the discharge closes the dwell; a second one (duplicate source) does not.
    if (s.exitS !== null && s.exitS <= atS) return;
    s.exitS = atS;
    s.exitMode = mode;
    s.exitTerminal = terminal;
    close(s);
  };

  const applyEvent = (e: ContainerEvent) => {
    if (e.eventType === "EQUIPMENT") {
      const row = slot(e.terminal, e.eventAtS);
      const byVessel = e.mode === null || e.mode === "VESSEL" || e.mode === "BARGE";
      if (e.eventCode === "GTIN") row.gateInEvents++;
      else if (e.eventCode === "GTOT") row.gateOutEvents++;
      else if (e.eventCode === "DISC" && byVessel) row.vesselDischarges++;
      else if (e.eventCode === "LOAD" && byVessel) row.vesselLoads++;
      row.vesselTeuQuarters += vesselMoveTeuQuarters(port, e);
      if (byVessel && e.vesselImo !== null && (e.eventCode === "DISC" || e.eventCode === "LOAD")) {
        const hourS = Math.floor(e.eventAtS / HOUR_S) * HOUR_S;
        const key = `${e.terminal ?? ""}|${e.vesselImo}|${hourS}`;
        let m = moves.get(key);
        if (!m) {
          m = { port, terminal: e.terminal ?? "", vesselImo: e.vesselImo, hourS, discharges: 0, loads: 0 };
          moves.set(key, m);
        }
        if (e.eventCode === "DISC") m.discharges++;
        else m.loads++;
      }
    }
    const role = dwellRole(port, e);
    const container = e.containerNumber;
    if (role === null || container === null) return;
    if (role === "discharge") {
      const s = state(container);
      s.dischargeS = e.eventAtS;
      s.dischargeTerminal = e.terminal;
      s.sizeFt = e.sizeFt;
      close(s);
    } else exit(container, e.eventAtS, role, e.terminal);
  };
  const applyVisit = (v: TruckVisit) => {
    const row = slot(v.terminal, v.gateInS);
    row.truckVisits++;
    const inTerminalS = v.gateOutS - v.gateInS;
    row.inTerminalSumS += inTerminalS;
    addHist(v.terminal, v.gateInS, "inTerminal", inTerminalS);
    if (v.queueArrivalS !== null) {
      const queueS = v.gateInS - v.queueArrivalS;
      const turnS = v.gateOutS - v.queueArrivalS;
      row.turnCount++;
      row.turnSumS += turnS;
      row.queueSumS += queueS;
      addHist(v.terminal, v.gateInS, "turn", turnS);
      addHist(v.terminal, v.gateInS, "queue", queueS);
    }
    if (v.troubleTicket !== null) {
      row.troubleKnown++;
      if (v.troubleTicket) row.troubleTickets++;
    }
    for (const m of v.moves) {
      if (m.direction === "in") row.gateMovesIn++;
      else row.gateMovesOut++;
    }
  };
  const applyRail = (r: RailMove) => {
    const row = slot(r.terminal, r.atS);
    if (r.direction === "load") {
      row.railLoads++;
      if (r.emptyIndicator !== "EMPTY") exit(r.containerNumber, r.atS, "rail", r.terminal);
    } else row.railDischarges++;
  };

  // Time order, so that a discharge and its exit in one batch pair as they happened; equal times
  // keep the order below (events, then each visit and its exits, then rail moves). A step is three
  // numbers, not a closure: its time, its kind, the fact's index (and a visit's move's).
  const EVENT = 0;
  const VISIT = 1;
  const VISIT_EXIT = 2;
  const RAIL = 3;
  const atS: number[] = [];
  const kinds: number[] = [];
  const indexes: number[] = [];
  const moveIndexes: number[] = [];
  const step = (s: number, kind: number, index: number, move = 0) => {
    atS.push(s);
    kinds.push(kind);
    indexes.push(index);
    moveIndexes.push(move);
  };
  fresh.events.forEach((e, i) => {
    if (atPort(port, e)) step(e.eventAtS, EVENT, i);
  });
  fresh.visits.forEach((v, i) => {
    if (v.port !== port) return;
    step(v.gateInS, VISIT, i);
    // The exits happen at gate-out: ordered there.
    v.moves.forEach((m, j) => {
      if (m.direction === "out" && m.emptyIndicator !== "EMPTY") step(v.gateOutS, VISIT_EXIT, i, j);
    });
  });
  fresh.railMoves.forEach((r, i) => {
    if (r.port === port) step(r.atS, RAIL, i);
  });
  const order = Array.from(atS, (_, i) => i).sort((a, b) => (atS[a] as number) - (atS[b] as number) || a - b);
  for (const o of order) {
    const kind = kinds[o];
    const index = indexes[o] as number;
    if (kind === EVENT) applyEvent(fresh.events[index] as ContainerEvent);
    else if (kind === VISIT) applyVisit(fresh.visits[index] as TruckVisit);
    else if (kind === VISIT_EXIT) {
      const v = fresh.visits[index] as TruckVisit;
      const m = v.moves[moveIndexes[o] as number] as TruckVisit["moves"][number];
      exit(m.containerNumber, v.gateOutS, "truck", v.terminal);
    } else applyRail(fresh.railMoves[index] as RailMove);
  }

  const months = new Map<string, MonthHistogramDelta>();
  for (const h of hist.values()) {
    const month = monthOfDay(h.day);
    const key = `${h.terminal}|${month}|${h.metric}|${h.bin}`;
    const m = months.get(key);
    if (m) m.count += h.count;
    else months.set(key, { port, terminal: h.terminal, month, metric: h.metric, bin: h.bin, count: h.count });
  }
  return {
    hourly: [...hourly.values()],
    histograms: [...hist.values()],
    monthHistograms: [...months.values()],
    vesselMoves: [...moves.values()],
    states: [...changed].map((c) => states.get(c) as ContainerState),
    latestS: atS.reduce<number | null>((m, t) => (m === null || t > m ? t : m), null),
  };
}
