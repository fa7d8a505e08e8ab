/**
 * The import forecast and the empty-return board as the API serves them: computed when data arrives
 * (ingest) and on the board's 5-minute tick, stored, and read back as stored — a read never replays
 * a year of events. The forecast is computed from the stored reduction of every event so far
 * (ForecastInputs state), the board from the receiving rules published in the last 15 days. The
 * refresher also raises the tick's alerts and runs the alert sender (alerts-service.ts).
 */
import { DomainError } from "../core/errors.ts";
import { isoUtc, nowS, SECONDS_PER_DAY, utcOffsetMinutes } from "../core/time.ts";
import type { SendWebhook } from "./alerts-sender.ts";
import { alertTick, startAlertSender } from "./alerts-service.ts";
import { emptyReturnBoard, REFRESH_S, type ReceivingRules } from "./empty-return.ts";
import { ForecastInputs, type ForecastInputsState, forecastImports } from "./forecast.ts";
import type { OperationsStore, SignalKind, StoredSignal } from "./store.ts";
import type { EmptyReturnBoardReply, ImportForecastReply } from "./wire.ts";

/** ISO weeks the forecast looks ahead, the current one included ("Signal": three weeks). */
export const FORECAST_WEEKS = 3;
/** Rule publications the board reads: today's and tomorrow's rules were published within these days. */
const BOARD_HISTORY_S = 15 * SECONDS_PER_DAY;

/** The forecast at asOf from the stored reduction, in its wire shape. */
export function forecastReply(
  port: string,
  state: ForecastInputsState | null,
  asOfS: number,
  computedAtS: number,
): ImportForecastReply {
  const inputs = new ForecastInputs(state ?? undefined).result(asOfS);
  const f = forecastImports({ asOfS, ...inputs, weeks: FORECAST_WEEKS });
  return {
    port,
    asOf: isoUtc(asOfS),
    computedAt: isoUtc(computedAtS),
    weeks: f.weeks.map((w) => ({ week: w.week, start: isoUtc(w.weekStartS) })),
    cells: f.cells.map(({ weekStartS: _, ...c }) => c),
    calls: f.calls.map(({ etaS, ...c }) => ({ ...c, eta: isoUtc(etaS) })),
  };
}

/** The board at asOf (rounded down to its 5-minute tick) from the rules published, in its wire shape. */
export function boardReply(
  port: string,
  rules: readonly ReceivingRules[],
  asOfS: number,
  timeZone: string,
  computedAtS: number,
): EmptyReturnBoardReply {
  const tickS = Math.floor(asOfS / REFRESH_S) * REFRESH_S;
  const offsetH = utcOffsetMinutes(new Date(tickS * 1000), timeZone) / 60;
  const b = emptyReturnBoard(rules, tickS, offsetH);
  return {
    port,
    refreshedAt: isoUtc(b.refreshedAtS),
    computedAt: isoUtc(computedAtS),
    today: b.today,
    tomorrow: b.tomorrow,
    rows: b.rows,
    alerts: b.alerts.map(({ atS, ...a }) => ({ ...a, at: isoUtc(atS) })),
  };
}

/** The board at any instant from the stored history (`at` in the past: what it showed then). */
export async function boardAt(
  store: OperationsStore,
  port: string,
  timeZone: string,
  atS: number,
  nowS: number,
): Promise<EmptyReturnBoardReply> {
  const rules = await store.receivingRules(port, atS - BOARD_HISTORY_S, atS + 1);
  return boardReply(port, rules, atS, timeZone, nowS);
}

/**
 * Computes and stores the port's forecast and board (or only the `kinds` asked) as of `nowS`.
 * Called after an ingest for what it changed, and on the 5-minute tick for both (the board's
 * today/tomorrow move with the clock even when no data arrives).
 */
export async function refreshSignals(
  store: OperationsStore,
  port: string,
  timeZone: string,
  nowS: number,
  kinds: readonly SignalKind[] = ["forecast", "empty_returns"],
): Promise<void> {
  const signals: StoredSignal[] = [];
  if (kinds.includes("forecast")) {
    const forecast = forecastReply(port, await store.forecastInputs(port), nowS, nowS);
    signals.push({ port, kind: "forecast", asOfS: nowS, computedAtS: nowS, result: forecast });
  }
  if (kinds.includes("empty_returns")) {
    const board = await boardAt(store, port, timeZone, nowS, nowS);
    const asOfS = Date.parse(board.refreshedAt) / 1000;
    signals.push({ port, kind: "empty_returns", asOfS, computedAtS: nowS, result: board });
  }
  await store.write(async (w) => {
    for (const sig of signals) await w.putSignal(sig);
  });
}

/** The stored result of this kind; computed and stored first if none is (a database from before). */
export async function storedSignal<T>(
  store: OperationsStore,
  port: string,
  timeZone: string,
  kind: SignalKind,
  nowS: number,
): Promise<T> {
  let sig = await store.signal(port, kind);
  if (sig === null) {
    await refreshSignals(store, port, timeZone, nowS);
    sig = await store.signal(port, kind);
  }
  if (sig === null) throw new DomainError("internal", `${kind} for ${port} was not stored`);
  return sig.result as T;
}

/**
 * Refreshes every port's stored forecast and board at start and on the board's tick (5 minutes:
 * Return Signal's rhythm), so "today" and "tomorrow" follow the clock when no data arrives.
 */
export function startSignalRefresher(
  store: OperationsStore,
  timeZoneOf: (port: string) => string | undefined,
  options: {
    intervalS?: number;
    onError?: (e: unknown) => void;
    /** How alerts are sent (the node's guarded sender; default: public addresses only). */
    send?: SendWebhook;
  } = {},
): { stop(): void } {
  let running = false;
  const send = options.send ? { send: options.send } : {};
  const tick = () => {
    if (running) return;
    running = true;
    const atS = nowS();
    store
      .signalPorts()
      .then(async (ports) => {
        for (const port of ports) {
          const timeZone = timeZoneOf(port);
          if (timeZone !== undefined) await refreshSignals(store, port, timeZone, atS);
          // Alerts of the port (raised, then delivered); their failure never stops the board's refresh.
          if (timeZone !== undefined)
            await alertTick(store, port, timeZone, atS, send).catch((e) => options.onError?.(e));
        }
      })
      .catch((e) => options.onError?.(e))
      .finally(() => {
        running = false;
      });
  };
  // Once at start too: results stored by an older run (or release) are brought up to now.
  tick();
  const timer = setInterval(tick, (options.intervalS ?? REFRESH_S) * 1000);
  timer.unref?.();
  // Alerts queued by ingests and the retries falling due go out within seconds, not at the next tick.
  const sender = startAlertSender(store.alerts, {
    ...send,
    ...(options.onError ? { onError: options.onError } : {}),
  });
  return {
    stop: () => {
      clearInterval(timer);
      sender.stop();
    },
  };
}
