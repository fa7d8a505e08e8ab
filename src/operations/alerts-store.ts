/**
 * What operations alerts need from storage; `src/store/operations/alerts-store.ts` implements it on
 * SQLite and PostgreSQL. Subscriptions (with their signing secret: an HMAC key must be kept to sign,
 * as every HMAC webhook sender must), an outbox of alerts keyed by message id (derived from the dedupe
 * key, so the same alert is stored once), and every delivery attempt.
 */
import type { AlertSubscription, RaisedAlert, YardBox } from "./alerts.ts";
import type { DeliveryStatus, WebhookType } from "./alerts-wire.ts";

export interface OutboxMessage {
  /** "msg_…": the webhook-id header, the same on every retry. */
  id: string;
  subscriptionId: string;
  port: string;
  type: WebhookType;
  data: Record<string, unknown>;
  createdAtS: number;
  status: DeliveryStatus;
  /** Tries made so far. */
  attempts: number;
  /** When a pending message is due (or, while a sender holds it, when its hold lapses). */
  nextAttemptS: number | null;
}

export interface DeliveryAttemptRecord {
  messageId: string;
  attempt: number;
  atS: number;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

/** The alert part of an ingest's transaction: the outbox row is written with the facts, or not at all. */
export interface AlertOutboxWriter {
  /** Active subscriptions of the port. */
  activeSubscriptions(port: string): Promise<AlertSubscription[]>;
  /**
   * Active subscriptions of the port watching (box.moved) any of these containers — read from an
   * index of watched boxes, so an ingest batch costs lookups of its own boxes, not a read of every
   * subscription.
   */
  watching(port: string, containerNumbers: readonly string[]): Promise<AlertSubscription[]>;
  /**
   * Stores the alerts not stored before (by message id), due at once (or held until `heldUntilS`
   * when the caller sends it itself); returns how many were new.
   */
  enqueue(alerts: readonly RaisedAlert[], raisedAtS: number, heldUntilS?: number): Promise<number>;
}

export interface OperationsAlertStore extends AlertOutboxWriter {
  /** Stores a new subscription (its id is new). */
  createSubscription(sub: AlertSubscription): Promise<void>;
  subscription(id: string): Promise<AlertSubscription | null>;
  /** The port's subscriptions, active or not, oldest first. */
  subscriptions(port: string): Promise<AlertSubscription[]>;
  /** Deletes a subscription with its outbox and attempts; false when there was none. */
  removeSubscription(id: string): Promise<boolean>;
  /** Stops deliveries to a subscription (its pending messages fail). */
  disableSubscription(id: string, reason: string): Promise<void>;
  /**
   * Delivers to a disabled subscription again, for alerts raised from `sinceS` on: what failed or
   * was never raised while it was disabled stays so.
   */
  enableSubscription(id: string, sinceS: number): Promise<void>;
  /**
   * Takes up to `limit` pending messages due at `nowS` (of one port when given) and holds each for
   * `holdS` (its due time moves on), so that two senders never send the same message at once.
   */
  claimDue(nowS: number, limit: number, holdS: number, port?: string): Promise<OutboxMessage[]>;
  /** Gives back claimed messages not tried, due again at `dueS` (their receiver just failed). */
  release(messageIds: readonly string[], dueS: number): Promise<void>;
  /** Records a try and the message's next state (delivered, pending again at a time, failed). */
  recordAttempt(
    attempt: DeliveryAttemptRecord,
    next: { status: DeliveryStatus; nextAttemptS: number | null },
  ): Promise<void>;
  /** A subscription's messages, newest first, with their attempts. */
  deliveries(
    subscriptionId: string,
    limit: number,
  ): Promise<(OutboxMessage & { tries: DeliveryAttemptRecord[] })[]>;
  /** Deletes the port's delivered and failed messages (and their attempts) raised before `beforeS`. */
  purge(port: string, beforeS: number): Promise<number>;
  /** Laden import boxes in the yard (discharged, not out) discharged in [fromS, toS]. */
  yardBoxes(port: string, fromS: number, toS: number): Promise<YardBox[]>;
  /** Turn times (queue arrival known) of truck visits whose gate-in is in [fromS, toS), per terminal. */
  turnTimes(
    port: string,
    fromS: number,
    toS: number,
  ): Promise<{ terminal: string; gateInS: number; turnS: number }[]>;
}
