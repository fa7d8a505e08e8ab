/**
 * What operations/ needs from storage; `src/store/operations/store.ts` implements it on SQLite and
 * PostgreSQL. Facts (events, truck visits, rail moves) are stored once by their ids; the KPI
 * rollups beside them are sums, counts and fixed-bin histograms per port × terminal × local day ×
 * hour, added to in the same transaction as the facts that changed them (rollup.ts says what goes
 * where), so a KPI read never scans the facts.
 */
import type { AlertOutboxWriter, OperationsAlertStore } from "./alerts-store.ts";
import type { ReceivingRules } from "./empty-return.ts";
import type { ForecastInputsState } from "./forecast.ts";
import type { BerthWindow } from "./kpi.ts";
import type { ContainerEvent, OperationsReject, RailMove, TruckVisit } from "./model.ts";
import type { HistogramMetric, HourlyRollup, RollupBatch } from "./rollup.ts";

/**
 * One container's open import dwell at a port: the discharge not yet closed by a gate-out or a
 * rail load, or an exit that arrived before its discharge (inputs are not always in time order).
 */
export interface ContainerState {
  port: string;
  containerNumber: string;
  dischargeS: number | null;
  dischargeTerminal: string | null;
  sizeFt: 20 | 40 | 45 | null;
  exitS: number | null;
  exitMode: "truck" | "rail" | null;
  exitTerminal: string | null;
}

export interface OperationsIngestRun {
  id: string;
  port: string;
  file: string;
  startedAt: string;
  finishedAt: string;
  read: number;
  accepted: number;
  rejected: number;
  duplicates: number;
}

/** Writes of one ingest batch; every call happens inside the one transaction `write` opened. */
export interface OperationsWriter {
  /** Stores events whose id is new; returns those (the rest were already stored). */
  insertEvents(events: readonly ContainerEvent[]): Promise<ContainerEvent[]>;
  insertVisits(visits: readonly TruckVisit[]): Promise<TruckVisit[]>;
  insertRailMoves(moves: readonly RailMove[]): Promise<RailMove[]>;
  /** Stored states of these containers at the port (absent: none). */
  containerStates(port: string, containerNumbers: readonly string[]): Promise<Map<string, ContainerState>>;
  /** Replaces these containers' states (a state with nothing open is deleted). */
  putContainerStates(states: readonly ContainerState[]): Promise<void>;
  /** Deletes the states holding only an exit (no discharge) from before `beforeS`; returns how many. */
  dropUnpairedExits(port: string, beforeS: number): Promise<number>;
  /** Adds the deltas to the stored rollups (each column summed). */
  addRollups(deltas: Omit<RollupBatch, "states" | "latestS">): Promise<void>;
  /** Stores rejects not stored before (by file, line, field); returns how many were new. */
  insertRejects(runId: string, rejects: readonly OperationsReject[]): Promise<number>;
  /** Records a run, or adds to the counts of the run with its id (a file stored in batches). */
  recordRun(run: OperationsIngestRun): Promise<void>;
  /** Stores publications not stored before (by port, terminal, day, published time); returns those. */
  insertReceivingRules(rules: readonly ReceivingRules[]): Promise<ReceivingRules[]>;
  /** The forecast's reduction of every event stored so far at the port (null: none yet). */
  forecastInputs(port: string): Promise<ForecastInputsState | null>;
  putForecastInputs(port: string, state: ForecastInputsState): Promise<void>;
  /** Replaces the port's stored result of this kind (forecast, empty-return board). */
  putSignal(signal: StoredSignal): Promise<void>;
  /** The alert outbox, in the same transaction (alerts-service.ts `raiseBatchAlerts`). */
  alerts: AlertOutboxWriter;
}

/** A result computed when data arrives (or on the board's 5-minute tick) and served as stored. */
export interface StoredSignal {
  port: string;
  kind: SignalKind;
  asOfS: number;
  computedAtS: number;
  /** The result itself (the wire shape of its route). */
  result: unknown;
}

export type SignalKind = "forecast" | "empty_returns";

/** One histogram bin's count to add: `day` is the local day number (days since 1970-01-01 local). */
export interface HistogramDelta {
  port: string;
  terminal: string;
  day: number;
  metric: HistogramMetric;
  bin: number;
  count: number;
}

/** The same, per local month (year × 12 + month − 1). */
export interface MonthHistogramDelta extends Omit<HistogramDelta, "day"> {
  month: number;
}

export interface RollupQuery {
  port: string;
  /** Only this terminal; all terminals (each its own rows) when absent. */
  terminal?: string;
  /** Local day numbers, inclusive. */
  fromDay: number;
  toDay: number;
}

export interface StoredReject extends OperationsReject {
  runId: string;
}

/** A container's stored facts (each list in time order). */
export interface TruckVisitQuery {
  port: string;
  fromS: number;
  toS: number;
  carrierScac?: string;
  terminal?: string;
  limit: number;
}

export interface ContainerFacts {
  events: ContainerEvent[];
  visits: TruckVisit[];
  railMoves: RailMove[];
}

export interface OperationsStore {
  /** Runs `work` in one transaction: everything it writes is stored, or nothing is. */
  write<T>(work: (writer: OperationsWriter) => Promise<T>): Promise<T>;
  /** Hourly rows; with `by` "day" the hours of a day summed (`hour` 0). */
  hourlyRollups(query: RollupQuery, by?: "day" | "hour"): Promise<HourlyRollup[]>;
  /** Histogram counts summed over the days (whole months from the month rows), per terminal and bin. */
  histograms(
    query: RollupQuery,
    metrics: readonly HistogramMetric[],
  ): Promise<{ terminal: string; metric: HistogramMetric; bin: number; count: number }[]>;
  /** Per window, the moves (discharges + loads) of its vessel in its UTC hours [fromHourS, toHourS] at the port. */
  movesInWindows(port: string, windows: readonly BerthWindow[]): Promise<number[]>;
  /**
   * Open discharges (boxes in the yard) per terminal discharged before each of `beforeS` (one count
   * per cut-off, in its order; one read for all of them).
   */
  boxesInYard(
    port: string,
    beforeS: readonly number[],
    terminal?: string,
  ): Promise<{ terminal: string; boxes: number[] }[]>;
  /** Container numbers that a container number, B/L or booking reference names (at most `limit`). */
  containersByReference(ref: string, limit: number): Promise<string[]>;
  /** Stored facts of these containers, and the shipment events of the given references. */
  containerFacts(containerNumbers: readonly string[], references: readonly string[]): Promise<ContainerFacts>;
  /**
   * The port's truck visits with gate-in in [fromS, toS), newest first, at most `limit`; only one
   * trucking company's (by SCAC) or one terminal's when asked.
   */
  truckVisits(query: TruckVisitQuery): Promise<TruckVisit[]>;
  /** Receiving-rule publications of the port's terminals published in [fromS, toS). */
  receivingRules(port: string, fromS: number, toS: number): Promise<ReceivingRules[]>;
  /** The port's stored result of this kind, or null. */
  signal(port: string, kind: SignalKind): Promise<StoredSignal | null>;
  /** Ports with stored forecast inputs or receiving rules (the board's tick refreshes these). */
  signalPorts(): Promise<string[]>;
  forecastInputs(port: string): Promise<ForecastInputsState | null>;
  ingestRuns(port: string | undefined, limit: number): Promise<OperationsIngestRun[]>;
  rejects(runId: string | undefined, limit: number): Promise<StoredReject[]>;
  /** Webhook subscriptions, the alert outbox and its deliveries (alerts-store.ts). */
  alerts: OperationsAlertStore;
}
