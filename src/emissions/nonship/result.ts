/**
 * Collects the calculators' output: inventory lines merged per (category, source, scope, month),
 * trace steps, warnings (deduplicated per source), activity not estimated and the notes that hold
 * for the whole result. CO2e of tailpipe lines is computed at the end with the chosen GWP set.
 */

import type { GwpValues } from "../gwp.ts";
import {
  type EmissionScope,
  type GwpSet,
  type InventoryLine,
  type Pollutant,
  type PollutantGrams,
  type SourceCategory,
  type TraceAdjustment,
  type TraceStep,
  type TraceText,
  type TraceValue,
  zeroPollutants,
} from "../model.ts";
import { traceStep, traceText } from "../trace-text.ts";
import { nonshipMessage } from "./messages.ts";
import type {
  FactorPollutant,
  NonshipCoverage,
  NonshipNote,
  NonshipNoteCode,
  NonshipResult,
  NonshipWarning,
  NonshipWarningCode,
  NotEstimated,
  RecordRef,
} from "./model.ts";
import { daysInMonth, daysInYear } from "./units.ts";

export interface GridFactorValue {
  kgCo2ePerKwh: number;
  source: string;
}

export interface NonshipOptions {
  port: string;
  gwp: GwpSet;
  /** Adds diesel well-to-tank CO2e as "upstream" lines. */
  wellToWheel: boolean;
  /** Grid factor of the port for a calendar year (energy.ts gridFactorFunction). */
  gridFactor: (year: number) => GridFactorValue;
  /** Hydrogen pathway for rows that name none (e.g. "grey-smr"); without it such rows get a warning. */
  defaultHydrogenPathway?: string;
  /** Keep trace steps on the lines (default true). */
  trace?: boolean;
  /** Only months for which this returns true produce lines (e.g. a Nagoya fiscal year). */
  include?: (year: number, month: number) => boolean;
}

/** grams = activity × factor × Π adjustments. */
export function step(
  what: TraceText,
  pollutant: Pollutant,
  activity: number,
  activityUnit: TraceValue,
  factor: number,
  factorUnit: TraceValue,
  adjustments: TraceAdjustment[],
  source: TraceValue,
): TraceStep {
  let grams = activity * factor;
  for (const a of adjustments) grams *= a.value;
  return traceStep({
    what,
    pollutant,
    activity,
    activityUnit,
    factor,
    factorUnit,
    adjustments,
    grams,
    source,
  });
}

export interface MonthShare {
  month: number;
  /** Share of the row's activity in this month (1 for a monthly row). */
  share: number;
  /** "31/365 of the year", for the trace. */
  label: TraceText | null;
}

/**
 * The months a row covers: its month, or all twelve with a share by days for a whole-year row.
 * Example: (2025, null) → January share 31/365 … December 31/365.
 */
export function monthsOf(year: number, month: number | null): MonthShare[] {
  if (month !== null) return [{ month, share: 1, label: null }];
  const days = daysInYear(year);
  return Array.from({ length: 12 }, (_, i) => {
    const d = daysInMonth(year, i + 1);
    return { month: i + 1, share: d / days, label: traceText("adj.yearShare", { days: d, yearDays: days }) };
  });
}

export interface LineHead {
  category: SourceCategory;
  scope: EmissionScope;
  year: number;
  month: number;
  terminal: string | null;
  sourceId: string;
  label: string;
  activityUnit: string;
}

type CoverageCategory = "che" | "harbor_craft" | "drayage" | "rail";

/**
 * An inventory line whose `trace` is built from its producers when first read (then kept).
 * `JSON.stringify` includes the trace (toJSON), so a line reads and serialises like a plain one.
 */
export class TracedLine implements InventoryLine {
  activity = 0;
  grams: PollutantGrams = zeroPollutants();
  // Private (#): not copied by spread or structuredClone, so a copy is a plain line without trace.
  readonly #producers: (() => TraceStep[])[] = [];
  #built: TraceStep[] | undefined;

  constructor(
    readonly port: string,
    readonly category: SourceCategory,
    readonly scope: EmissionScope,
    readonly year: number,
    readonly month: number,
    readonly terminal: string | null,
    readonly sourceId: string,
    readonly label: string,
    readonly activityUnit: string,
  ) {}

  /** Adds a function that gives some of this line's trace steps (called when the trace is read). */
  addTrace(produce: () => TraceStep[]): void {
    this.#producers.push(produce);
    this.#built = undefined;
  }

  get trace(): TraceStep[] {
    if (this.#built === undefined) {
      const out: TraceStep[] = [];
      for (const p of this.#producers) for (const s of p()) out.push(s);
      this.#built = out;
    }
    return this.#built;
  }

  set trace(steps: TraceStep[] | undefined) {
    this.#built = steps ?? [];
  }

  toJSON(): InventoryLine {
    return {
      port: this.port,
      category: this.category,
      scope: this.scope,
      year: this.year,
      month: this.month,
      terminal: this.terminal,
      sourceId: this.sourceId,
      label: this.label,
      activity: this.activity,
      activityUnit: this.activityUnit,
      grams: this.grams,
      trace: this.trace,
    };
  }
}

export class ResultBuilder {
  private readonly lines = new Map<string, InventoryLine>();
  private readonly warnings: NonshipWarning[] = [];
  private readonly warned = new Set<string>();
  private readonly missing = new Map<string, NotEstimated>();
  private readonly notes = new Map<NonshipNoteCode, NonshipNote>();
  private readonly sources = new Map<CoverageCategory, Set<string>>();
  private readonly records: Record<CoverageCategory, number> = {
    che: 0,
    harbor_craft: 0,
    drayage: 0,
    rail: 0,
  };
  readonly trace: boolean;

  constructor(
    readonly options: NonshipOptions,
    private readonly gwp: GwpValues,
  ) {
    this.trace = options.trace !== false;
  }

  included(year: number, month: number): boolean {
    return this.options.include === undefined || this.options.include(year, month);
  }

  countRecords(category: CoverageCategory, n: number): void {
    this.records[category] += n;
  }

  /** The line of (category, source, scope, month), created empty on first use. */
  lineFor(
    category: SourceCategory,
    scope: EmissionScope,
    year: number,
    month: number,
    terminal: string | null,
    sourceId: string,
    label: string,
    activityUnit: string,
  ): InventoryLine {
    const key = `${category}|${sourceId}|${scope}|${year}|${month}`;
    let line = this.lines.get(key);
    if (line === undefined) {
      line = this.trace
        ? new TracedLine(
            this.options.port,
            category,
            scope,
            year,
            month,
            terminal,
            sourceId,
            label,
            activityUnit,
          )
        : {
            port: this.options.port,
            category,
            scope,
            year,
            month,
            terminal,
            sourceId,
            label,
            activity: 0,
            activityUnit,
            grams: zeroPollutants(),
          };
      this.lines.set(key, line);
      const c = category as CoverageCategory;
      let set = this.sources.get(c);
      if (set === undefined) {
        set = new Set<string>();
        this.sources.set(c, set);
      }
      set.add(sourceId);
    }
    return line;
  }

  /** Adds grams (and trace steps) to the line of `head`, creating it; activity adds up. */
  add(
    head: LineHead,
    activity: number,
    grams: Partial<PollutantGrams>,
    steps: readonly TraceStep[] = [],
  ): void {
    const line = this.accumulate(head, activity, grams);
    if (this.trace && steps.length > 0) this.traceLater(line, () => steps as TraceStep[]);
  }

  /**
   * Like `add`, with the trace steps made only when traces are kept and a line's trace is read:
   * a run without trace (a rollout scenario's) never renders their words.
   */
  addTraced(
    head: LineHead,
    activity: number,
    grams: Partial<PollutantGrams>,
    produce: () => TraceStep[],
  ): void {
    const line = this.accumulate(head, activity, grams);
    if (this.trace) this.traceLater(line, produce);
  }

  private accumulate(head: LineHead, activity: number, grams: Partial<PollutantGrams>): InventoryLine {
    const line = this.lineFor(
      head.category,
      head.scope,
      head.year,
      head.month,
      head.terminal,
      head.sourceId,
      head.label,
      head.activityUnit,
    );
    line.activity += activity;
    for (const p in grams) line.grams[p as Pollutant] += grams[p as Pollutant] ?? 0;
    return line;
  }

  /**
   * Trace steps of a line are built when first read: a year of equipment has hundreds of thousands
   * of steps, and most results (stored inventories) never read them.
   */
  traceLater(line: InventoryLine, produce: () => TraceStep[]): void {
    if (line instanceof TracedLine) line.addTrace(produce);
  }

  /** Records a warning once per (code, category, source, params). */
  warn(
    code: NonshipWarningCode,
    category: SourceCategory,
    sourceId: string,
    ref: RecordRef | null | undefined,
    params: Record<string, string | number> = {},
  ): void {
    const where = ref ? `${ref.file}:${ref.line}` : sourceId;
    const all = { where, category, ...params };
    const dedupe = `${code}|${category}|${sourceId}|${JSON.stringify(params)}`;
    if (this.warned.has(dedupe)) return;
    this.warned.add(dedupe);
    this.warnings.push({
      code,
      category,
      sourceId,
      ref: ref ?? null,
      params: all,
      message: nonshipMessage(code, all, "en"),
    });
  }

  notEstimated(
    category: SourceCategory,
    sourceId: string,
    scope: EmissionScope,
    year: number,
    month: number,
    pollutants: FactorPollutant[] | "all",
    reason: NonshipWarningCode,
    ref: RecordRef | null | undefined,
  ): void {
    const key = `${category}|${sourceId}|${scope}|${year}|${reason}|${pollutants === "all" ? "all" : pollutants.join(",")}`;
    const entry = this.missing.get(key);
    if (entry) {
      if (!entry.months.includes(month)) entry.months.push(month);
      return;
    }
    this.missing.set(key, {
      category,
      sourceId,
      scope,
      year,
      months: [month],
      pollutants,
      reason,
      ref: ref ?? null,
    });
  }

  note(code: NonshipNoteCode, params: Record<string, string | number> = {}): void {
    if (!this.notes.has(code))
      this.notes.set(code, { code, params, message: nonshipMessage(code, params, "en") });
  }

  finish(): NonshipResult {
    const lines = [...this.lines.values()];
    for (const l of lines) {
      if (l.scope === "tailpipe")
        l.grams.co2e = l.grams.co2 + this.gwp.ch4 * l.grams.ch4 + this.gwp.n2o * l.grams.n2o;
    }
    const notEstimated = [...this.missing.values()];
    for (const n of notEstimated) n.months.sort((a, b) => a - b);
    const coverage = {} as Record<CoverageCategory, NonshipCoverage>;
    for (const c of ["che", "harbor_craft", "drayage", "rail"] as const)
      coverage[c] = {
        records: this.records[c],
        sources: this.sources.get(c)?.size ?? 0,
        lines: 0,
        notEstimatedSourceMonths: 0,
      };
    for (const l of lines) {
      const c = coverage[l.category as CoverageCategory];
      if (c !== undefined) c.lines++;
    }
    for (const n of notEstimated) {
      const c = coverage[n.category as CoverageCategory];
      if (c !== undefined) c.notEstimatedSourceMonths += n.months.length;
    }
    return { lines, coverage, warnings: this.warnings, notEstimated, notes: [...this.notes.values()] };
  }
}
