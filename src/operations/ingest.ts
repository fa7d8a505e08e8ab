/**
 * Ingest of parsed operations records (any parser's `ParsedOperations`) into the store, over the
 * `OperationsStore` interface only: in one transaction, the facts whose ids are new are stored,
 * the rollups they change are added to (rollup.ts), and so is the forecast's reduction
 * (ForecastInputs state); the rejects and the run are recorded. Then the forecast (when events
 * were added) and the empty-return board (when rules were) are computed and stored (signals.ts).
 * Storing the same input again adds nothing and counts every record as a duplicate.
 *
 * Counting unit: a record as the parser read it — one event, one rail move, one gate row per
 * container move of a truck visit (a visit without moves is one row), one receiving rule (a size ×
 * line of a publication); a reject is its file and line. They balance: read = accepted + rejected +
 * duplicates.
 */
import { randomUUID } from "node:crypto";
import { DomainError } from "../core/errors.ts";
import type { IngestCounts } from "../core/ingest.ts";
import { nowS as clockS, SECONDS_PER_DAY } from "../core/time.ts";
import { raiseBatchAlerts } from "./alerts-service.ts";
import { ForecastInputs } from "./forecast.ts";
import type { ContainerEvent, ParsedOperations, TruckVisit } from "./model.ts";
import { clockFor, dwellContainers, rollupBatch, UNPAIRED_EXIT_DAYS } from "./rollup.ts";
import { refreshSignals } from "./signals.ts";
import type { OperationsStore, SignalKind } from "./store.ts";

export interface OperationsIngestOptions {
  /** The input's name, as rejects and the run ledger record it. */
  file: string;
  /** UN/LOCODE of the port whose KPIs the records feed. */
  port: string;
  /** The port's IANA zone: the rollups' days and hours are local. */
  timeZone: string;
  /** "Now" for the forecast and board computed after the ingest (default: the clock). */
  nowS?: number;
  /**
   * A run this batch continues (a file stored in several transactions): its ledger row's counts are
   * added to. Default: a new run.
   */
  runId?: string;
  /**
   * Whether the forecast and empty-return board are recomputed after the batch (default true). A
   * file stored in batches defers it to its end (`signalsChanged` says what to recompute).
   */
  refreshSignals?: boolean;
}

export interface OperationsIngestResult extends IngestCounts {
  runId: string;
  /** The signals the batch's records feed (recomputed already unless `refreshSignals` was false). */
  signalsChanged: SignalKind[];
}

const visitRows = (v: TruckVisit) => Math.max(1, v.moves.length);
/**
 * Events the gate and rail parsers derive from a row they already return as a visit move or rail
 * move (so that a box's timeline shows it): the same record, not counted twice.
 */
const recordEvents = (events: readonly ContainerEvent[]) =>
  events.filter((e) => e.source !== "gate" && e.source !== "rail").length;

export async function ingestOperations(
  store: OperationsStore,
  parsed: ParsedOperations,
  options: OperationsIngestOptions,
): Promise<OperationsIngestResult> {
  const startedAt = new Date().toISOString();
  const runId = options.runId ?? randomUUID();
  const clock = clockFor(options.timeZone);
  const rejectedLines = new Set(parsed.rejects.map((r) => `${r.file}\n${r.line}`));
  const ruleRows = (rules: typeof parsed.receivingRules) => rules.reduce((n, r) => n + r.rules.length, 0);
  const records =
    recordEvents(parsed.events) +
    parsed.railMoves.length +
    parsed.visits.reduce((n, v) => n + visitRows(v), 0) +
    ruleRows(parsed.receivingRules);
  if (records + rejectedLines.size !== parsed.read)
    throw new DomainError(
      "internal",
      `${options.file}: the parser read ${parsed.read} records but returned ${records} and rejected ${rejectedLines.size}`,
    );
  const rejectedByReason: Record<string, number> = {};
  for (const r of parsed.rejects) rejectedByReason[r.field] = (rejectedByReason[r.field] ?? 0) + 1;
  const port = options.port;
  const nowS = options.nowS ?? clockS();

  const { result, changed } = await store.write(async (w) => {
    const events = await w.insertEvents(parsed.events);
    const visits = await w.insertVisits(parsed.visits);
    const railMoves = await w.insertRailMoves(parsed.railMoves);
    await raiseBatchAlerts(w, port, { events, visits, railMoves }, nowS); // box.moved into the outbox
    const states = await w.containerStates(port, dwellContainers(port, events, visits, railMoves));
    const stored = new Set(states.keys()); // rollupBatch adds the batch's new boxes to `states`
    const batch = rollupBatch(port, clock, { events, visits, railMoves }, states);
    // A box discharged and gone within the batch has no stored state to delete: not sent.
    await w.putContainerStates(
      batch.states.filter((s) => s.dischargeS !== null || s.exitS !== null || stored.has(s.containerNumber)),
    );
    if (batch.latestS !== null)
      await w.dropUnpairedExits(port, batch.latestS - UNPAIRED_EXIT_DAYS * SECONDS_PER_DAY);
    await w.addRollups(batch);
    const rules = await w.insertReceivingRules(parsed.receivingRules);
    if (events.length > 0) {
      const forecast = new ForecastInputs((await w.forecastInputs(port)) ?? undefined);
      for (const e of events) if (e.port === null || e.port === port) forecast.add(e);
      await w.putForecastInputs(port, forecast.state(nowS));
    }
    await w.insertRejects(runId, parsed.rejects);
    const accepted =
      recordEvents(events) +
      railMoves.length +
      visits.reduce((n, v) => n + visitRows(v), 0) +
      ruleRows(rules);
    const counts = {
      read: parsed.read,
      accepted,
      rejected: rejectedLines.size,
      duplicates: records - accepted,
      rejectedByReason,
    };
    await w.recordRun({
      id: runId,
      port,
      file: options.file,
      startedAt,
      finishedAt: new Date().toISOString(),
      read: counts.read,
      accepted: counts.accepted,
      rejected: counts.rejected,
      duplicates: counts.duplicates,
    });
    const changed: SignalKind[] = [];
    if (events.length > 0) changed.push("forecast");
    if (rules.length > 0) changed.push("empty_returns");
    return { result: { runId, ...counts }, changed };
  });
  // Only what the new records feed: gate and rail rows alone change neither.
  if (changed.length > 0 && options.refreshSignals !== false)
    await refreshSignals(store, port, options.timeZone, nowS, changed);
  return { ...result, signalsChanged: changed };
}
