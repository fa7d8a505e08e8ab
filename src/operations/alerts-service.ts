/**
 * Operations alerts composed over the store (issue 12): subscriptions, raising alerts into the
 * outbox, and delivering the outbox as signed webhooks (Standard Webhooks, webhooks.ts).
 *
 * - After an ingest batch, in its transaction: `raiseBatchAlerts` (box.moved for the facts the
 *   store inserted) — the outbox row commits with the facts or not at all (transactional outbox).
 * - On the board's 5-minute tick, per port: `alertTick` raises dwell.exceeded, turn_time.exceeded
 *   and empty_return.closed, then delivers what is due at that port.
 * - `startAlertSender` delivers what is due every few seconds (retries: 1 min, 5 min, 30 min, 2 h,
 *   6 h, then failed — alerts.ts `afterAttempt`), so a box that moves is announced within seconds
 *   of the ingest's commit, whatever process ingested it.
 */
import { randomUUID } from "node:crypto";
import { DomainError } from "../core/errors.ts";
import { nowS as clockNowS, isoUtc, SECONDS_PER_DAY } from "../core/time.ts";
import {
  type AlertSubscription,
  afterAttempt,
  boxMovedAlerts,
  DELIVERY_TIMEOUT_MS,
  dwellAlerts,
  emptyReturnAlerts,
  messageIdOf,
  type RaisedAlert,
  retryAfterSeconds,
  type TurnHour,
  turnTimeAlerts,
  webhookBody,
} from "./alerts.ts";
import { type SendWebhook, type WebhookTargets, webhookTargets } from "./alerts-sender.ts";
import type { DeliveryAttemptRecord, OperationsAlertStore, OutboxMessage } from "./alerts-store.ts";
import {
  type Delivery,
  MAX_SUBSCRIPTIONS_PER_PORT,
  type Subscription,
  type SubscriptionCreated,
  type SubscriptionCreateParsed,
} from "./alerts-wire.ts";
import type { ContainerEvent, RailMove, TruckVisit } from "./model.ts";
import { clockFor } from "./rollup.ts";
import { boardAt } from "./signals.ts";
import type { OperationsStore, OperationsWriter } from "./store.ts";
import { newWebhookSecret, webhookHeaders } from "./webhooks.ts";

/** Completed hours the tick looks back over for turn time (later data for older hours raises nothing). */
export const TURN_LOOKBACK_S = 48 * 3600;
/**
 * Dwell crossings the tick looks back over: a box that crossed longer ago (the node was down, the
 * discharge arrived late) is not announced. Shorter than the outbox's keeping, so that a message
 * purged from it is never raised again.
 */
export const DWELL_LOOKBACK_S = 7 * SECONDS_PER_DAY;
/** Delivered and failed messages (and their attempts) are kept this long, then purged. */
export const OUTBOX_KEEP_S = 30 * SECONDS_PER_DAY;
/** How long a sender holds the messages it took (longer than 100 tries of 5 s in a row). */
const HOLD_S = 600;
/** Messages one drain takes. */
const DRAIN_LIMIT = 100;
/** Subscriptions served at once by one drain (each one's messages in order, one at a time). */
const PARALLEL_SUBSCRIPTIONS = 8;

export function subscriptionReply(s: AlertSubscription): Subscription {
  return {
    id: s.id,
    port: s.port,
    url: s.url,
    kinds: s.kinds,
    owner: s.owner,
    createdAt: isoUtc(s.createdAtS),
    alertsFrom: isoUtc(s.sinceS),
    active: s.active,
    disabledReason: s.disabledReason,
  };
}

export function deliveryReply(m: OutboxMessage & { tries: readonly DeliveryAttemptRecord[] }): Delivery {
  return {
    id: m.id,
    type: m.type,
    createdAt: isoUtc(m.createdAtS),
    status: m.status,
    nextAttemptAt: m.status === "pending" && m.nextAttemptS !== null ? isoUtc(m.nextAttemptS) : null,
    data: m.data,
    attempts: m.tries.map((a) => ({
      attempt: a.attempt,
      at: isoUtc(a.atS),
      statusCode: a.statusCode,
      latencyMs: a.latencyMs,
      error: a.error,
    })),
  };
}

/**
 * The sender when none is given: through the guard with the default policy (public addresses
 * only), so that no path sends to a refused address. Made on first use (it holds two agents).
 */
let strictTargets: WebhookTargets | undefined;
function defaultSend(): SendWebhook {
  strictTargets ??= webhookTargets();
  return strictTargets.send;
}

/**
 * A new subscription at the port, with a new secret (shown in this reply only). The URL's scheme
 * was checked by the schema (http or https); its host is checked here against the node's webhook
 * target policy (WebhookTargetRefused when it is, or resolves to, a refused address).
 */
export async function createSubscription(
  alerts: OperationsAlertStore,
  port: string,
  body: SubscriptionCreateParsed,
  nowS: number,
  targets: Pick<WebhookTargets, "check">,
): Promise<SubscriptionCreated> {
  await targets.check(body.url);
  if ((await alerts.subscriptions(port)).length >= MAX_SUBSCRIPTIONS_PER_PORT)
    throw new DomainError("conflict", `${port} has ${MAX_SUBSCRIPTIONS_PER_PORT} subscriptions already`);
  const sub: AlertSubscription = {
    id: `sub_${randomUUID().replaceAll("-", "")}`,
    port,
    url: body.url,
    secret: newWebhookSecret(),
    kinds: body.kinds,
    owner: body.owner,
    createdAtS: nowS,
    sinceS: nowS,
    active: true,
    disabledReason: null,
  };
  await alerts.createSubscription(sub);
  return { ...subscriptionReply(sub), secret: sub.secret };
}

/** The port's subscription of this id; not_found when there is none (or it is another port's). */
export async function portSubscription(
  alerts: OperationsAlertStore,
  port: string,
  id: string,
): Promise<AlertSubscription> {
  const sub = await alerts.subscription(id);
  if (sub === null || sub.port !== port)
    throw new DomainError("not_found", `no subscription ${id} at ${port}`);
  return sub;
}

/**
 * Enables or disables a subscription. Disabling stops deliveries (its pending messages fail, as
 * after a 410 Gone); enabling a disabled one delivers again for alerts raised from `nowS` on —
 * the messages that failed stay failed and what happened meanwhile is not raised afterwards, so
 * a receiver back after a 410 is not flooded with old news. Either is a no-op when already so.
 */
export async function setSubscriptionEnabled(
  alerts: OperationsAlertStore,
  sub: AlertSubscription,
  enabled: boolean,
  nowS: number,
  by?: string,
): Promise<AlertSubscription> {
  if (enabled && !sub.active) await alerts.enableSubscription(sub.id, nowS);
  if (!enabled && sub.active)
    await alerts.disableSubscription(sub.id, `disabled by ${by ?? "a user"} at ${isoUtc(nowS)}`);
  const now = await alerts.subscription(sub.id);
  if (now === null) throw new DomainError("not_found", `no subscription ${sub.id} at ${sub.port}`);
  return now;
}

/**
 * box.moved alerts for the facts one ingest batch inserted, into the outbox in the batch's
 * transaction. Returns how many were new. No box watched at the port: one small read, nothing else.
 */
export async function raiseBatchAlerts(
  w: OperationsWriter,
  port: string,
  fresh: { events: readonly ContainerEvent[]; visits: readonly TruckVisit[]; railMoves: readonly RailMove[] },
  nowS: number,
): Promise<number> {
  const boxes = new Set<string>();
  for (const e of fresh.events) if (e.containerNumber !== null) boxes.add(e.containerNumber);
  for (const v of fresh.visits) for (const m of v.moves) boxes.add(m.containerNumber);
  for (const r of fresh.railMoves) boxes.add(r.containerNumber);
  if (boxes.size === 0) return 0;
  const subs = await w.alerts.watching(port, [...boxes]);
  if (subs.length === 0) return 0;
  const raised = boxMovedAlerts(subs, port, fresh);
  return raised.length === 0 ? 0 : w.alerts.enqueue(raised, nowS);
}

/**
 * dwell.exceeded, turn_time.exceeded and empty_return.closed at the port as of `nowS`, into the
 * outbox (each stored once by its dedupe key). Returns the alerts that were new, by type.
 */
export async function raiseTickAlerts(
  store: OperationsStore,
  port: string,
  timeZone: string,
  nowS: number,
): Promise<Record<string, number>> {
  const subs = await store.alerts.activeSubscriptions(port);
  const raised: RaisedAlert[] = [];
  const dwellSubs = subs.filter((s) => s.kinds["dwell.exceeded"] !== undefined);
  if (dwellSubs.length > 0) {
    const thresholds = dwellSubs.map(
      (s) => (s.kinds["dwell.exceeded"]?.thresholdDays ?? 0) * SECONDS_PER_DAY,
    );
    const since =
      Math.max(nowS - DWELL_LOOKBACK_S, Math.min(...dwellSubs.map((s) => s.sinceS))) -
      Math.max(...thresholds);
    const yard = await store.alerts.yardBoxes(port, since, nowS - Math.min(...thresholds));
    raised.push(...dwellAlerts(dwellSubs, port, yard, nowS, nowS - DWELL_LOOKBACK_S));
  }
  const turnSubs = subs.filter((s) => s.kinds["turn_time.exceeded"] !== undefined);
  if (turnSubs.length > 0) {
    const clock = clockFor(timeZone);
    // From the start of an hour (zones change offset on whole hours, so a UTC hour is a local one).
    const fromS =
      Math.floor(Math.max(nowS - TURN_LOOKBACK_S, Math.min(...turnSubs.map((s) => s.sinceS))) / 3600) * 3600;
    const first = clock(fromS);
    const rollups = (
      await store.hourlyRollups({ port, fromDay: first.day, toDay: clock(nowS).day }, "hour")
    ).filter((r) => r.day > first.day || r.hour >= first.hour);
    const turns = new Map<string, number[]>();
    if (turnSubs.some((s) => s.kinds["turn_time.exceeded"]?.statistic === "p90"))
      for (const t of await store.alerts.turnTimes(port, fromS, nowS)) {
        const { day, hour } = clock(t.gateInS);
        const key = `${t.terminal}|${day}|${hour}`;
        const list = turns.get(key) ?? [];
        list.push(t.turnS);
        turns.set(key, list);
      }
    const hours: TurnHour[] = rollups
      .filter((r) => r.turnCount > 0)
      .map((r) => ({
        terminal: r.terminal,
        day: r.day,
        hour: r.hour,
        turnCount: r.turnCount,
        turnSumS: r.turnSumS,
        turnsS: turns.get(`${r.terminal}|${r.day}|${r.hour}`) ?? [],
      }));
    raised.push(...turnTimeAlerts(turnSubs, port, hours, clock, nowS));
  }
  const boardSubs = subs.filter((s) => s.kinds["empty_return.closed"] !== undefined);
  if (boardSubs.length > 0) {
    const board = await boardAt(store, port, timeZone, nowS, nowS);
    const alerts = board.alerts.map(({ at, ...a }) => ({ ...a, atS: Date.parse(at) / 1000 }));
    raised.push(...emptyReturnAlerts(boardSubs, port, alerts));
  }
  const counts: Record<string, number> = {};
  if (raised.length === 0) return counts;
  // One type at a time, so that the counts say which were new.
  for (const type of [...new Set(raised.map((a) => a.type))])
    counts[type] = await store.alerts.enqueue(
      raised.filter((a) => a.type === type),
      nowS,
    );
  return counts;
}

export interface DeliverOptions {
  send?: SendWebhook;
  /** The clock (epoch seconds) read at each try; tests move it. */
  nowS?: () => number;
  /** Only this port's messages. */
  port?: string;
  limit?: number;
  /** 0..1 for each retry's jitter (default Math.random; tests give 0). */
  jitter?: () => number;
}

export interface DeliverSummary {
  tried: number;
  delivered: number;
  retrying: number;
  failed: number;
}

/** One try of one message: signed now, posted, recorded; a 410 disables the subscription. */
async function tryMessage(
  alerts: OperationsAlertStore,
  sub: AlertSubscription,
  m: OutboxMessage,
  send: SendWebhook,
  now: () => number,
  jitter: () => number,
): Promise<{ outcome: ReturnType<typeof afterAttempt>; attempt: DeliveryAttemptRecord }> {
  const atS = now();
  const body = webhookBody(m.type, m.createdAtS, m.data);
  const result = await send(sub.url, webhookHeaders(sub.secret, m.id, atS, body), body, DELIVERY_TIMEOUT_MS);
  const attempt: DeliveryAttemptRecord = {
    messageId: m.id,
    attempt: m.attempts + 1,
    atS,
    statusCode: result.statusCode,
    latencyMs: result.latencyMs,
    error: result.error,
  };
  const outcome = afterAttempt(
    attempt.attempt,
    result.statusCode,
    atS,
    retryAfterSeconds(result.retryAfter, atS),
    jitter(),
  );
  await alerts.recordAttempt(attempt, {
    status: outcome.status,
    nextAttemptS: outcome.status === "pending" ? outcome.nextAttemptS : null,
  });
  if (outcome.status === "failed" && outcome.disable)
    await alerts.disableSubscription(
      sub.id,
      `the receiver answered ${result.statusCode} Gone at ${isoUtc(atS)}`,
    );
  return { outcome, attempt };
}

/**
 * Sends the messages due now (at most `limit`): each subscription's in order, up to 8
 * subscriptions at once; every try is recorded with its status code, latency and error. After a
 * failed try the subscription's other messages are put back, due with the failed one's retry.
 */
export async function deliverDue(
  alerts: OperationsAlertStore,
  options: DeliverOptions = {},
): Promise<DeliverSummary> {
  const now = options.nowS ?? clockNowS;
  const send = options.send ?? defaultSend();
  const jitter = options.jitter ?? Math.random;
  const claimed = await alerts.claimDue(now(), options.limit ?? DRAIN_LIMIT, HOLD_S, options.port);
  const summary: DeliverSummary = { tried: 0, delivered: 0, retrying: 0, failed: 0 };
  const bySub = new Map<string, OutboxMessage[]>();
  for (const m of claimed) bySub.set(m.subscriptionId, [...(bySub.get(m.subscriptionId) ?? []), m]);
  const queue = [...bySub];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const [id, messages] = next;
      const sub = await alerts.subscription(id);
      if (sub === null) continue; // removed meanwhile: its messages went with it
      if (!sub.active) {
        await alerts.disableSubscription(id, sub.disabledReason ?? "disabled"); // fails what is pending
        continue;
      }
      for (const [i, m] of messages.entries()) {
        const { outcome } = await tryMessage(alerts, sub, m, send, now, jitter);
        summary.tried++;
        if (outcome.status === "delivered") {
          summary.delivered++;
          continue;
        }
        if (outcome.status === "pending") summary.retrying++;
        else summary.failed++;
        // Gone: the rest of its messages failed with the subscription. Otherwise the receiver is
        // down or failing: its other messages wait with this one (one timeout per receiver and
        // drain, not one per message — a dead receiver never holds the others up for long).
        if (!(outcome.status === "failed" && outcome.disable)) {
          const rest = messages.slice(i + 1).map((x) => x.id);
          if (rest.length > 0)
            await alerts.release(rest, outcome.status === "pending" ? outcome.nextAttemptS : now());
        }
        break;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_SUBSCRIPTIONS, queue.length) }, worker));
  return summary;
}

/**
 * A `ping` to the subscription, sent at once (and retried like any message if it fails); the
 * reply shows the first try. Refused (conflict) for a disabled subscription.
 */
export async function sendPing(
  alerts: OperationsAlertStore,
  sub: AlertSubscription,
  options: { send?: SendWebhook; nowS?: () => number; jitter?: () => number } = {},
): Promise<Delivery> {
  if (!sub.active)
    throw new DomainError("conflict", `subscription ${sub.id} is disabled: ${sub.disabledReason ?? ""}`);
  const now = options.nowS ?? clockNowS;
  const raisedAtS = now();
  const alert: RaisedAlert = {
    subscriptionId: sub.id,
    port: sub.port,
    type: "ping",
    dedupeKey: `ping|${sub.id}|${randomUUID()}`,
    data: { port: sub.port, subscriptionId: sub.id, owner: sub.owner },
  };
  // Held by us: the background sender leaves it alone while we send it.
  await alerts.enqueue([alert], raisedAtS, raisedAtS + HOLD_S);
  const m: OutboxMessage = {
    id: messageIdOf(alert.dedupeKey),
    subscriptionId: sub.id,
    port: sub.port,
    type: "ping",
    data: alert.data,
    createdAtS: raisedAtS,
    status: "pending",
    attempts: 0,
    nextAttemptS: raisedAtS,
  };
  const { outcome, attempt } = await tryMessage(
    alerts,
    sub,
    m,
    options.send ?? defaultSend(),
    now,
    options.jitter ?? Math.random,
  );
  return deliveryReply({
    ...m,
    attempts: 1,
    status: outcome.status,
    nextAttemptS: outcome.status === "pending" ? outcome.nextAttemptS : null,
    tries: [attempt],
  });
}

/**
 * The board tick's alert work at one port: raise what the clock and the stored data say, deliver
 * what is due there, and purge finished messages older than 30 days. Called by `startSignalRefresher` after it refreshed the port.
 */
export async function alertTick(
  store: OperationsStore,
  port: string,
  timeZone: string,
  nowS: number,
  options: Omit<DeliverOptions, "port"> = {},
): Promise<{ raised: Record<string, number>; delivered: DeliverSummary }> {
  const raised = await raiseTickAlerts(store, port, timeZone, nowS);
  const delivered = await deliverDue(store.alerts, { ...options, port });
  await store.alerts.purge(port, nowS - OUTBOX_KEEP_S);
  return { raised, delivered };
}

/**
 * Delivers the outbox every `intervalS` seconds (default 10): what an ingest queued, and the
 * retries as they fall due. One drain at a time.
 */
export function startAlertSender(
  alerts: OperationsAlertStore,
  options: { intervalS?: number; send?: SendWebhook; onError?: (e: unknown) => void } = {},
): { stop(): void } {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    deliverDue(alerts, options.send ? { send: options.send } : {})
      .catch((e) => options.onError?.(e))
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, (options.intervalS ?? 10) * 1000);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
