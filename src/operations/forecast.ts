/**
 * Import forecast ("Signal"-class, port-community-systems.md §2.1: a three-week look-ahead of
 * import boxes by week, size and mode): boxes expected by ISO week (UTC, Monday 00:00), terminal,
 * size (20/40/45) and mode (truck/rail), from the calls not yet arrived — their estimated arrival
 * and, when a manifest is in, its planned discharges; otherwise the vessel's own mean discharge per
 * call at that terminal, then the terminal's mean per call — split by the observed rail share of
 * each terminal's imports. A box counts in the week of its call's arrival.
 *
 * Pure. `ForecastInputs` reduces a stream of events to what the forecast needs (one record per
 * call), so a year of a large port goes through in one pass with little memory.
 */
import type { ContainerEvent } from "./model.ts";

export type BoxSize = 20 | 40 | 45;
export type ImportMode = "truck" | "rail";
export type SizeCounts = Record<BoxSize, number>;

const SIZES: readonly BoxSize[] = [20, 40, 45];
const MODES: readonly ImportMode[] = ["truck", "rail"];
const DAY_S = 86_400;
const WEEK_S = 7 * DAY_S;
/** History younger than this may still be discharging: not used as a call's discharge. */
const SETTLED_S = 4 * DAY_S;

/** Laden import boxes one past call discharged. */
export interface CallDischarge {
  imo: number | null;
  voyage: string | null;
  terminal: string;
  arrivalS: number;
  boxes: SizeCounts;
}

/** A call expected to arrive: its estimated arrival and, if a manifest is in, its planned discharge. */
export interface ExpectedCall {
  imo: number | null;
  voyage: string | null;
  terminal: string;
  etaS: number;
  planned: SizeCounts | null;
}

export interface ForecastCell {
  /** ISO 8601 week, e.g. "2026-W47" (UTC). */
  week: string;
  weekStartS: number;
  terminal: string;
  sizeFt: BoxSize;
  mode: ImportMode;
  boxes: number;
}

export type ForecastBasis = "manifest" | "vessel_history" | "terminal_mean" | "none";

export interface ImportForecast {
  asOfS: number;
  weeks: { week: string; weekStartS: number }[];
  cells: ForecastCell[];
  /** Which basis each expected call's figure came from. */
  calls: {
    imo: number | null;
    voyage: string | null;
    terminal: string;
    etaS: number;
    basis: ForecastBasis;
    boxes: number;
  }[];
}

const zero = (): SizeCounts => ({ 20: 0, 40: 0, 45: 0 });
const total = (c: SizeCounts) => c[20] + c[40] + c[45];

/** ISO week (UTC) of an instant. Example: 2026-11-20T12:00Z (a Friday) → "2026-W47", starting Monday 2026-11-16. */
export function isoWeek(atS: number): { week: string; weekStartS: number } {
  const day = Math.floor(atS / DAY_S);
  const weekday = (day + 3) % 7; // 1970-01-01 was a Thursday: Monday = 0
  const monday = day - weekday;
  const thursday = monday + 3;
  const year = new Date(thursday * DAY_S * 1000).getUTCFullYear();
  const jan1 = Math.floor(Date.UTC(year, 0, 1) / 1000 / DAY_S);
  const n = Math.floor((thursday - jan1) / 7) + 1;
  return { week: `${year}-W${String(n).padStart(2, "0")}`, weekStartS: monday * DAY_S };
}

/** The ISO weeks of the horizon: the week holding asOf and the ones after it. */
export function horizonWeeks(asOfS: number, weeks: number): { week: string; weekStartS: number }[] {
  const first = isoWeek(asOfS).weekStartS;
  return Array.from({ length: weeks }, (_, k) => isoWeek(first + k * WEEK_S + DAY_S));
}

interface AnnouncedArrival {
  etaS: number;
  createdAtS: number;
  terminal: string;
  imo: number | null;
  voyage: string | null;
}

/** An announced call not arrived this long after its ETA is taken as cancelled (dropped from the state). */
export const STALE_ANNOUNCEMENT_S = 14 * DAY_S;

/** ForecastInputs as stored: its maps as entry lists. */
export interface ForecastInputsState {
  past: [string, CallDischarge][];
  arrivals: [string, AnnouncedArrival][];
  planned: [string, SizeCounts][];
  actualArrival: [string, number][];
  leaving: [string, { truck: number; rail: number }][];
}

/**
 * Reduces events (any order, one pass) to the forecast's inputs: past calls' laden discharges (ACT
 * DISC by vessel, voyage, terminal), expected calls (latest EST/PLN ARRI per vessel and voyage)
 * with their planned discharges (PLN/EST DISC, laden), and each terminal's imports leaving by rail
 * or truck (LOAD on RAIL / GTOT of laden boxes).
 */
export class ForecastInputs {
  private readonly past: Map<string, CallDischarge>;
  private readonly arrivals: Map<string, AnnouncedArrival>;
  private readonly planned: Map<string, SizeCounts>;
  private readonly actualArrival: Map<string, number>;
  private readonly leaving: Map<string, { truck: number; rail: number }>;

  /** Empty, or carried on from a stored state (`state()`), so that a store adds each batch once. */
  constructor(state?: ForecastInputsState) {
    this.past = new Map(state?.past);
    this.arrivals = new Map(state?.arrivals);
    this.planned = new Map(state?.planned);
    this.actualArrival = new Map(state?.actualArrival);
    this.leaving = new Map(state?.leaving);
  }

  /**
   * What the reduction holds, as plain data (JSON-safe) to store between batches. Calls that
   * arrived more than `keepS` before `nowS` are dropped (the forecast reads a year of history), and
   * so are announced calls that never arrived, STALE_ANNOUNCEMENT_S after their ETA (a cancelled or
   * omitted call: DCSA sends no event for it), with their planned discharges.
   */
  state(nowS: number, keepS = 400 * DAY_S): ForecastInputsState {
    const oldS = nowS - keepS;
    const recent = <V>(m: Map<string, V>, atS: (key: string, v: V) => number | undefined) =>
      [...m].filter(([k, v]) => (atS(k, v) ?? nowS) >= oldS);
    const stale = (key: string) => {
      const eta = this.arrivals.get(key)?.etaS;
      return !this.actualArrival.has(key) && eta !== undefined && eta < nowS - STALE_ANNOUNCEMENT_S;
    };
    return {
      past: recent(this.past, (_, v) => v.arrivalS),
      arrivals: recent(this.arrivals, (k, v) => this.actualArrival.get(k) ?? v.etaS).filter(
        ([k]) => !stale(k),
      ),
      planned: recent(this.planned, (k) => this.actualArrival.get(k)).filter(([k]) => !stale(k)),
      actualArrival: recent(this.actualArrival, (_, v) => v),
      leaving: [...this.leaving],
    };
  }

  add(e: ContainerEvent): void {
    const callKey = `${e.vesselImo ?? e.vesselName}|${e.voyage}`;
    if (e.eventType === "TRANSPORT" && e.eventCode === "ARRI" && e.terminal !== null) {
      if (e.classifier === "ACT") {
        this.actualArrival.set(callKey, e.eventAtS);
        return;
      }
      const prev = this.arrivals.get(callKey);
      if (prev === undefined || e.createdAtS >= prev.createdAtS) {
        this.arrivals.set(callKey, {
          etaS: e.eventAtS,
          createdAtS: e.createdAtS,
          terminal: e.terminal,
          imo: e.vesselImo,
          voyage: e.voyage,
        });
      }
      return;
    }
    if (
      e.eventType !== "EQUIPMENT" ||
      e.emptyIndicator !== "LADEN" ||
      e.sizeFt === null ||
      e.terminal === null
    )
      return;
    if (e.eventCode === "DISC" && e.mode === "VESSEL") {
      if (e.classifier === "ACT") {
        const key = `${callKey}|${e.terminal}`;
        let rec = this.past.get(key);
        if (rec === undefined) {
          rec = {
            imo: e.vesselImo,
            voyage: e.voyage,
            terminal: e.terminal,
            arrivalS: e.eventAtS,
            boxes: zero(),
          };
          this.past.set(key, rec);
        }
        rec.boxes[e.sizeFt]++;
        rec.arrivalS = Math.min(rec.arrivalS, e.eventAtS);
      } else {
        const counts = this.planned.get(callKey) ?? zero();
        counts[e.sizeFt]++;
        this.planned.set(callKey, counts);
      }
      return;
    }
    const mode =
      e.eventCode === "GTOT" && e.mode === "TRUCK"
        ? "truck"
        : e.eventCode === "LOAD" && e.mode === "RAIL"
          ? "rail"
          : null;
    if (mode === null || e.classifier !== "ACT") return;
    const m = this.leaving.get(e.terminal) ?? { truck: 0, rail: 0 };
    m[mode]++;
    this.leaving.set(e.terminal, m);
  }

  /** The inputs at asOf: past calls settled, calls expected from asOf on, rail share per terminal. */
  result(asOfS: number): {
    history: CallDischarge[];
    expected: ExpectedCall[];
    railShare: Record<string, number>;
  } {
    const history = [...this.past.entries()].map(([key, rec]) => {
      const arr = this.actualArrival.get(key.slice(0, key.lastIndexOf("|")));
      return arr === undefined ? rec : { ...rec, arrivalS: arr };
    });
    const expected: ExpectedCall[] = [];
    for (const [key, a] of this.arrivals) {
      if (this.actualArrival.has(key)) continue;
      expected.push({
        imo: a.imo,
        voyage: a.voyage,
        terminal: a.terminal,
        etaS: a.etaS,
        planned: this.planned.get(key) ?? null,
      });
    }
    const railShare: Record<string, number> = {};
    for (const [terminal, m] of this.leaving)
      if (m.truck + m.rail > 0) railShare[terminal] = m.rail / (m.truck + m.rail);
    return {
      history: history
        .filter((h) => h.arrivalS < asOfS)
        .sort((a, b) => a.arrivalS - b.arrivalS || a.terminal.localeCompare(b.terminal)),
      expected: expected.sort((a, b) => a.etaS - b.etaS || a.terminal.localeCompare(b.terminal)),
      railShare,
    };
  }
}

/** What both forecasts start from: the instant, past calls' discharges and each terminal's rail share. */
export interface ForecastBasisInput {
  asOfS: number;
  history: readonly CallDischarge[];
  railShare: Readonly<Record<string, number>>;
  /** ISO weeks ahead, the current one included (default 3). */
  weeks?: number;
}

function addCells(
  cells: Map<string, ForecastCell>,
  wk: { week: string; weekStartS: number },
  terminal: string,
  counts: SizeCounts,
  railShare: number,
): void {
  for (const sizeFt of SIZES) {
    for (const mode of MODES) {
      const boxes = counts[sizeFt] * (mode === "rail" ? railShare : 1 - railShare);
      const key = `${wk.week}|${terminal}|${sizeFt}|${mode}`;
      const cell = cells.get(key);
      if (cell) cell.boxes += boxes;
      else cells.set(key, { ...wk, terminal, sizeFt, mode, boxes });
    }
  }
}

function sortedCells(cells: Map<string, ForecastCell>): ForecastCell[] {
  return [...cells.values()].sort(
    (a, b) =>
      a.weekStartS - b.weekStartS ||
      a.terminal.localeCompare(b.terminal) ||
      a.sizeFt - b.sizeFt ||
      a.mode.localeCompare(b.mode),
  );
}

function meanCounts(list: readonly SizeCounts[]): SizeCounts {
  const m = zero();
  for (const c of list) for (const s of SIZES) m[s] += c[s] / list.length;
  return m;
}

/**
 * The forecast at asOf for `weeks` ISO weeks (default 3). History older than a year is ignored.
 * Example: one expected call at T1 on Wednesday of this week with a manifest of 100 × 40 ft, rail
 * share 0.3 → cells (this week, T1, 40, truck) = 70 and (…, rail) = 30.
 */
export function forecastImports(
  input: ForecastBasisInput & { expected: readonly ExpectedCall[] },
): ImportForecast {
  const { asOfS } = input;
  const weeks = horizonWeeks(asOfS, input.weeks ?? 3);
  const endS = (weeks.at(-1)?.weekStartS ?? asOfS) + WEEK_S;
  const byVessel = new Map<string, SizeCounts[]>();
  const byTerminal = new Map<string, SizeCounts[]>();
  for (const h of input.history) {
    if (h.arrivalS >= asOfS - SETTLED_S || h.arrivalS < asOfS - 365 * DAY_S) continue;
    const vk = `${h.imo}|${h.terminal}`;
    byVessel.set(vk, [...(byVessel.get(vk) ?? []), h.boxes]);
    byTerminal.set(h.terminal, [...(byTerminal.get(h.terminal) ?? []), h.boxes]);
  }
  const cells = new Map<string, ForecastCell>();
  const calls: ImportForecast["calls"] = [];
  for (const call of input.expected) {
    if (call.etaS >= endS) continue;
    // An overdue ETA (the ship is late but announced) still counts in the current week.
    const wk = isoWeek(Math.max(call.etaS, asOfS));
    const vessel = byVessel.get(`${call.imo}|${call.terminal}`);
    const terminal = byTerminal.get(call.terminal);
    const [basis, counts]: [ForecastBasis, SizeCounts] = call.planned
      ? ["manifest", call.planned]
      : vessel
        ? ["vessel_history", meanCounts(vessel)]
        : terminal
          ? ["terminal_mean", meanCounts(terminal)]
          : ["none", zero()];
    addCells(cells, wk, call.terminal, counts, input.railShare[call.terminal] ?? 0);
    calls.push({
      imo: call.imo,
      voyage: call.voyage,
      terminal: call.terminal,
      etaS: call.etaS,
      basis,
      boxes: total(counts),
    });
  }
  return { asOfS, weeks, cells: sortedCells(cells), calls };
}

/**
 * The naive peer: each terminal's laden import boxes per week over the 4 weeks before asOf, the
 * same for every week ahead (the current week pro rata to what is left of it), split by rail share.
 */
export function naiveForecast(input: ForecastBasisInput): ImportForecast {
  const { asOfS } = input;
  const weeks = horizonWeeks(asOfS, input.weeks ?? 3);
  const perWeek = new Map<string, SizeCounts>();
  for (const h of input.history) {
    if (h.arrivalS < asOfS - 4 * WEEK_S || h.arrivalS >= asOfS) continue;
    const c = perWeek.get(h.terminal) ?? zero();
    for (const s of SIZES) c[s] += h.boxes[s] / 4;
    perWeek.set(h.terminal, c);
  }
  const cells = new Map<string, ForecastCell>();
  for (const wk of weeks) {
    const left = Math.min(1, (wk.weekStartS + WEEK_S - Math.max(asOfS, wk.weekStartS)) / WEEK_S);
    for (const [terminal, c] of perWeek) {
      addCells(
        cells,
        wk,
        terminal,
        { 20: c[20] * left, 40: c[40] * left, 45: c[45] * left },
        input.railShare[terminal] ?? 0,
      );
    }
  }
  return { asOfS, weeks, cells: sortedCells(cells), calls: [] };
}

/** One import box as it really came: its call's arrival, terminal, size and how it left. */
export interface ActualImport {
  arrivalS: number;
  terminal: string;
  sizeFt: BoxSize;
  mode: ImportMode;
}

export interface WeekAccuracy {
  week: string;
  actualBoxes: number;
  forecastBoxes: number;
  /** |F − A| / A of the week's total, in %. */
  totalApePct: number;
  /** Mean of |F − A| / A over the week's cells (terminal × size × mode) with A > 0, in %. */
  cellMapePct: number;
  /** Σ|F − A| / ΣA over the week's cells, in %. */
  cellWapePct: number;
  cells: number;
}

/**
 * Forecast accuracy per week against what happened: boxes whose call arrived from asOf on, by the
 * week of that arrival. Example: cells (A 100, F 90) and (A 50, F 60) → cell MAPE (10 % + 20 %) / 2
 * = 15 %, WAPE 20 / 150 = 13.3 %, total APE |150 − 150| / 150 = 0 %.
 */
export function backtestForecast(forecast: ImportForecast, actual: Iterable<ActualImport>): WeekAccuracy[] {
  const endS = (forecast.weeks.at(-1)?.weekStartS ?? forecast.asOfS) + WEEK_S;
  const a = new Map<string, number>();
  for (const box of actual) {
    if (box.arrivalS < forecast.asOfS || box.arrivalS >= endS) continue;
    const key = `${isoWeek(box.arrivalS).week}|${box.terminal}|${box.sizeFt}|${box.mode}`;
    a.set(key, (a.get(key) ?? 0) + 1);
  }
  const f = new Map(forecast.cells.map((c) => [`${c.week}|${c.terminal}|${c.sizeFt}|${c.mode}`, c.boxes]));
  return forecast.weeks.map(({ week }) => {
    const keys = new Set([...a.keys(), ...f.keys()].filter((k) => k.startsWith(`${week}|`)));
    let actualBoxes = 0;
    let forecastBoxes = 0;
    let absErr = 0;
    let apeSum = 0;
    let apeN = 0;
    for (const k of keys) {
      const av = a.get(k) ?? 0;
      const fv = f.get(k) ?? 0;
      actualBoxes += av;
      forecastBoxes += fv;
      absErr += Math.abs(fv - av);
      if (av > 0) {
        apeSum += Math.abs(fv - av) / av;
        apeN++;
      }
    }
    const pct = (x: number, d: number) => (d > 0 ? (100 * x) / d : 0);
    return {
      week,
      actualBoxes,
      forecastBoxes,
      totalApePct: pct(Math.abs(forecastBoxes - actualBoxes), actualBoxes),
      cellMapePct: apeN > 0 ? (100 * apeSum) / apeN : 0,
      cellWapePct: pct(absErr, actualBoxes),
      cells: apeN,
    };
  });
}
