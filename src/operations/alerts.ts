/**
 * Operations alerts, pure (issue 12): which alerts a batch of new facts or a tick of the clock
 * raises for which subscription, and when a failed delivery is tried again. No I/O here:
 * alerts-service.ts reads the store, writes the outbox and drains it through alerts-sender.ts.
 *
 * Every alert carries a dedupe key; the outbox stores a key once, so raising the same alert again
 * (a re-ingest, the next tick, a restart) sends nothing twice. An alert is raised for something
 * that happened while the subscription existed (a box that crossed the dwell threshold before the
 * subscription was made is not announced; the KPI page shows those).
 */
import { stableUuid } from "../core/stable-uuid.ts";
import { isoUtc, SECONDS_PER_DAY } from "../core/time.ts";
import type { AlertKinds, WebhookType } from "./alerts-wire.ts";
import type { EmptyReturnAlert } from "./empty-return.ts";
import { durationStats, periodLabel } from "./kpi.ts";
import type { ContainerEvent, RailMove, TruckVisit } from "./model.ts";
import { histogramBin, type LocalSlot } from "./rollup.ts";

/** A subscription as the store keeps it (the secret included: the sender signs with it). */
export interface AlertSubscription {
  id: string;
  port: string;
  url: string;
  secret: string;
  kinds: AlertKinds;
  owner: string;
  createdAtS: number;
  /**
   * Alerts are raised for what happens from this instant on: the creation, then each re-enabling
   * (what happened while the subscription was disabled is not announced afterwards).
   */
  sinceS: number;
  active: boolean;
  disabledReason: string | null;
}

/** An alert to put in the outbox (its message id is derived from the dedupe key). */
export interface RaisedAlert {
  subscriptionId: string;
  port: string;
  type: WebhookType;
  /** Unique per (subscription, what happened): the outbox keeps the first of each. */
  dedupeKey: string;
  data: Record<string, unknown>;
}

/**
 * The message id of an alert (the webhook-id header): "msg_" and a UUID derived from its dedupe
 * key, so the same alert raised twice is the same outbox row.
 * Example: messageIdOf("box.moved|sub_1|event:e1") is the same on every run, 36 characters.
 */
export function messageIdOf(dedupeKey: string): string {
  return `msg_${stableUuid("alert", dedupeKey).replaceAll("-", "")}`;
}

const active = (subs: readonly AlertSubscription[], port: string) =>
  subs.filter((s) => s.active && s.port === port);

/**
 * `box.moved`: one alert per new fact on a watched box — an event (its event id is the key), a
 * gate move (visit, container, direction) or a rail move (its id). Only facts the store inserted
 * are given (a duplicate of a stored fact raises nothing).
 * Example: a subscription watching CSQU3054383 and a batch with its DISC (event e1) and a GTOT of
 * another box → one alert, key "box.moved|sub|event:e1", data.eventCode "DISC".
 */
export function boxMovedAlerts(
  subscriptions: readonly AlertSubscription[],
  port: string,
  fresh: { events: readonly ContainerEvent[]; visits: readonly TruckVisit[]; railMoves: readonly RailMove[] },
): RaisedAlert[] {
  // Container → the subscriptions watching it: one lookup per fact, however many subscriptions.
  const watchers = new Map<string, AlertSubscription[]>();
  for (const sub of active(subscriptions, port))
    for (const c of new Set(sub.kinds["box.moved"]?.containers ?? [])) {
      const list = watchers.get(c);
      if (list) list.push(sub);
      else watchers.set(c, [sub]);
    }
  if (watchers.size === 0) return [];
  const out: RaisedAlert[] = [];
  const raise = (container: string, key: string, data: () => Record<string, unknown>) => {
    const subs = watchers.get(container);
    if (subs === undefined) return;
    const d = { port, containerNumber: container, ...data() };
    for (const sub of subs)
      out.push({
        subscriptionId: sub.id,
        port,
        type: "box.moved",
        dedupeKey: `box.moved|${sub.id}|${key}`,
        data: d,
      });
  };
  for (const e of fresh.events)
    if (e.containerNumber !== null)
      raise(e.containerNumber, `event:${e.eventId}`, () => ({
        kind: "event",
        eventId: e.eventId,
        eventType: e.eventType,
        eventCode: e.eventCode,
        classifier: e.classifier,
        at: isoUtc(e.eventAtS),
        location: e.port,
        terminal: e.terminal,
        mode: e.mode,
        vesselName: e.vesselName,
        vesselImo: e.vesselImo,
        voyage: e.voyage,
        emptyIndicator: e.emptyIndicator,
      }));
  for (const v of fresh.visits)
    for (const m of v.moves)
      raise(m.containerNumber, `gate:${v.visitId}:${m.containerNumber}:${m.direction}`, () => ({
        kind: "gate",
        eventCode: m.direction === "in" ? "GTIN" : "GTOT",
        at: isoUtc(m.direction === "in" ? v.gateInS : v.gateOutS),
        location: v.port,
        terminal: v.terminal,
        mode: "TRUCK",
        truckId: v.truckId,
        emptyIndicator: m.emptyIndicator,
      }));
  for (const r of fresh.railMoves)
    raise(r.containerNumber, `rail:${r.moveId}`, () => ({
      kind: "rail",
      eventCode: r.direction === "load" ? "LOAD" : "DISC",
      at: isoUtc(r.atS),
      location: r.port,
      terminal: r.terminal,
      mode: "RAIL",
      trainId: r.trainId,
      emptyIndicator: r.emptyIndicator,
    }));
  return out;
}

/** A laden import box in the yard: discharged, not yet out by truck or rail. */
export interface YardBox {
  containerNumber: string;
  terminal: string | null;
  dischargeS: number;
  sizeFt: 20 | 40 | 45 | null;
}

/**
 * `dwell.exceeded`: a box in the yard whose dwell crossed the threshold (discharge + threshold)
 * at or before `nowS`, while the subscription existed and not before `sinceS` (the tick's look-back)
 * → one alert per (subscription, box, discharge): the same box back on a later voyage is a new dwell.
 * Example: threshold 4 days, subscription made 2026-01-14T00:00Z, box discharged 2026-01-10T16:00Z
 * → crosses 2026-01-14T16:00Z; at now = 2026-01-15T00:00Z one alert with dwellH = 104 (4 d 8 h);
 * a box discharged 2026-01-05T18:40Z crossed on 01-09, before the subscription: none.
 */
export function dwellAlerts(
  subscriptions: readonly AlertSubscription[],
  port: string,
  yard: readonly YardBox[],
  nowS: number,
  sinceS = Number.NEGATIVE_INFINITY,
): RaisedAlert[] {
  const out: RaisedAlert[] = [];
  for (const sub of active(subscriptions, port)) {
    const f = sub.kinds["dwell.exceeded"];
    if (!f) continue;
    const thresholdS = f.thresholdDays * SECONDS_PER_DAY;
    for (const b of yard) {
      if (f.terminal !== undefined && b.terminal !== f.terminal) continue;
      const crossedS = b.dischargeS + thresholdS;
      if (crossedS > nowS || crossedS < sub.sinceS || crossedS < sinceS) continue;
      out.push({
        subscriptionId: sub.id,
        port,
        type: "dwell.exceeded",
        dedupeKey: `dwell.exceeded|${sub.id}|${b.containerNumber}|${b.dischargeS}`,
        data: {
          port,
          containerNumber: b.containerNumber,
          terminal: b.terminal,
          sizeFt: b.sizeFt,
          dischargedAt: isoUtc(b.dischargeS),
          crossedAt: isoUtc(crossedS),
          thresholdDays: f.thresholdDays,
          dwellH: Math.round(((nowS - b.dischargeS) / 3600) * 10) / 10,
        },
      });
    }
  }
  return out;
}

/**
 * One terminal's local hour of truck turns: the stored hourly rollup's count and sum (visits by
 * gate-in hour, queue arrival known) and the turn times of that hour in seconds (for the p90).
 */
export interface TurnHour {
  terminal: string;
  /** Local day number (days since 1970-01-01 in the port's zone) and hour, as the rollups key them. */
  day: number;
  hour: number;
  turnCount: number;
  turnSumS: number;
  /** Turn times of the hour (gate-out − queue arrival); needed only for p90 subscriptions. */
  turnsS?: readonly number[];
}

/**
 * `turn_time.exceeded`: per terminal and completed local hour (before the hour `now` is in, and
 * not before the one the subscription was made in), the mean or p90 turn time over the threshold,
 * with at least `minVisits` visits → one alert per (subscription, terminal, hour). Mean and p90
 * are the KPI page's (kpi.ts `durationStats`: mean of the rollup; p90 from 1-minute bins, lower edge).
 * Example: threshold 60 min (mean), 3 visits of 65, 90 and 40 min between 08:00 and 11:00 local
 * all in hour 08 → mean (65 + 90 + 40) / 3 = 65 min > 60 → one alert, valueMin 65 (minVisits 3).
 */
export function turnTimeAlerts(
  subscriptions: readonly AlertSubscription[],
  port: string,
  hours: readonly TurnHour[],
  clock: (s: number) => LocalSlot,
  nowS: number,
): RaisedAlert[] {
  const index = (slot: LocalSlot) => slot.day * 24 + slot.hour;
  const nowIndex = index(clock(nowS));
  const out: RaisedAlert[] = [];
  for (const sub of active(subscriptions, port)) {
    const f = sub.kinds["turn_time.exceeded"];
    if (!f) continue;
    const fromIndex = index(clock(sub.sinceS));
    for (const h of hours) {
      const i = index(h);
      if (i >= nowIndex || i < fromIndex) continue;
      if (f.terminal !== undefined && h.terminal !== f.terminal) continue;
      if (h.turnCount < f.minVisits) continue;
      const bins =
        f.statistic === "p90" ? binned(h.turnsS ?? []).map(([bin, count]) => ({ bin, count })) : [];
      const stats = durationStats(h.turnCount, h.turnSumS, bins, "turn");
      const value = f.statistic === "mean" ? stats.meanMin : stats.p90Min;
      if (value === null || !(value > f.thresholdMin)) continue;
      const hourLabel = periodLabel(h.day, h.hour);
      out.push({
        subscriptionId: sub.id,
        port,
        type: "turn_time.exceeded",
        dedupeKey: `turn_time.exceeded|${sub.id}|${h.terminal}|${hourLabel}`,
        data: {
          port,
          terminal: h.terminal,
          hour: hourLabel,
          statistic: f.statistic,
          valueMin: value,
          thresholdMin: f.thresholdMin,
          visits: h.turnCount,
          meanMin: stats.meanMin,
        },
      });
    }
  }
  return out;
}

function binned(turnsS: readonly number[]): [number, number][] {
  const bins = new Map<number, number>();
  for (const t of turnsS) {
    const b = histogramBin("turn", t);
    bins.set(b, (bins.get(b) ?? 0) + 1);
  }
  return [...bins];
}

/**
 * `empty_return.closed`: each `stopped_accepting` alert of the empty-return board (empty-return.ts)
 * published while the subscription existed and matching its terminal / line / size → one alert per
 * (subscription, board alert). Resumptions are not sent (the board shows them).
 * Example: YTI's 10:40 update closing 40 ft for every line → for a subscription filtered on 40 ft
 * one alert, key "empty_return.closed|sub|uslax-terminal-yti|2026-11-20|40|*|<10:40 in epoch s>".
 */
export function emptyReturnAlerts(
  subscriptions: readonly AlertSubscription[],
  port: string,
  boardAlerts: readonly EmptyReturnAlert[],
): RaisedAlert[] {
  const out: RaisedAlert[] = [];
  for (const sub of active(subscriptions, port)) {
    const f = sub.kinds["empty_return.closed"];
    if (!f) continue;
    for (const a of boardAlerts) {
      if (a.kind !== "stopped_accepting" || a.atS < sub.sinceS) continue;
      if (f.terminal !== undefined && a.terminal !== f.terminal) continue;
      if (f.line !== undefined && a.line !== f.line) continue;
      if (f.sizeFt !== undefined && a.sizeFt !== f.sizeFt) continue;
      out.push({
        subscriptionId: sub.id,
        port,
        type: "empty_return.closed",
        dedupeKey: `empty_return.closed|${sub.id}|${a.terminal}|${a.day}|${a.sizeFt}|${a.line}|${a.atS}`,
        data: {
          port,
          terminal: a.terminal,
          day: a.day,
          sizeFt: a.sizeFt,
          line: a.line,
          publishedAt: isoUtc(a.atS),
        },
      });
    }
  }
  return out;
}

/**
 * Waits before each retry, after the first try failed: 1 min, 5 min, 30 min, 2 h, 6 h — then the
 * message is failed (6 tries over about 8.6 h). The schedule; Svix's (docs.svix.com/retries:
 * immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h) and the Standard Webhooks example (to 24 h,
 * over three days) are of the same exponential shape, longer.
 */
export const RETRY_DELAYS_S = [60, 300, 1800, 7200, 21_600] as const;
/**
 * A receiver that does not answer within this is counted as failed. The 5 s; Standard
 * Webhooks recommends 15–30 s ("Request timeouts"), Svix allows 15 s.
 */
export const DELIVERY_TIMEOUT_MS = 5000;
/** A receiver's Retry-After is honoured up to this (longer: the schedule's own wait). */
export const MAX_RETRY_AFTER_S = 24 * 3600;
/**
 * Up to this share is added to each wait at random (Standard Webhooks: "add some level of random
 * jitter to retries"), so that receivers failing together are not all retried in the same second.
 */
export const RETRY_JITTER_SHARE = 0.1;

export type AttemptOutcome =
  | { status: "delivered" }
  | { status: "pending"; nextAttemptS: number }
  | { status: "failed"; disable: boolean };

/**
 * What follows try number `attempt` (1-based) made at `atS` that got `statusCode` (null: none came),
 * as Standard Webhooks' "Delivery success and failure" says: 2xx → delivered; 410 Gone → failed and
 * the subscription disabled ("no longer interested … sender should disable the webhook endpoint");
 * anything else (3xx included: redirects are not followed) → another try after
 * RETRY_DELAYS_S[attempt − 1], or later when the receiver's Retry-After asks for more (at most 24 h),
 * or failed after the sixth try. `jitter` (0..1, random in use) lengthens the wait by up to 10 %.
 * Example: attempt 1 at t = 1000 answered 500 → pending at 1060 (jitter 0) or 1066 (jitter 1);
 * attempt 2 at 1060 → 1360; attempt 1 at 1000 answered 503 with Retry-After 600 → 1600;
 * attempt 6 → failed; 410 → failed, disable.
 */
export function afterAttempt(
  attempt: number,
  statusCode: number | null,
  atS: number,
  retryAfterS: number | null = null,
  jitter = 0,
): AttemptOutcome {
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) return { status: "delivered" };
  if (statusCode === 410) return { status: "failed", disable: true };
  const delay = RETRY_DELAYS_S[attempt - 1];
  if (delay === undefined) return { status: "failed", disable: false };
  const asked = retryAfterS !== null && retryAfterS <= MAX_RETRY_AFTER_S ? retryAfterS : 0;
  const wait = Math.round(delay * (1 + RETRY_JITTER_SHARE * Math.min(1, Math.max(0, jitter))));
  return { status: "pending", nextAttemptS: atS + Math.max(wait, asked) };
}

/**
 * Seconds a Retry-After header asks for (RFC 9110 §10.2.3: delay-seconds or an HTTP-date), from
 * `nowS`; null when absent or unreadable.
 * Example: retryAfterSeconds("120", 0) → 120; retryAfterSeconds("Thu, 01 Jan 1970 00:10:00 GMT", 0) → 600.
 */
export function retryAfterSeconds(header: string | null, nowS: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, Math.round(at / 1000 - nowS));
}

/**
 * The body of a delivery, as Standard Webhooks shapes it: `{"type", "timestamp", "data"}`, the
 * timestamp being when the alert was raised. The same bytes on every retry (only the
 * webhook-timestamp header and the signature change).
 * Example: webhookBody("ping", 0, {a: 1}) → '{"type":"ping","timestamp":"1970-01-01T00:00:00Z","data":{"a":1}}'.
 */
export function webhookBody(type: WebhookType, raisedAtS: number, data: Record<string, unknown>): string {
  return JSON.stringify({ type, timestamp: isoUtc(raisedAtS), data });
}
