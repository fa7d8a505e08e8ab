/** OperationsAlertStore on Kysely: one code path for SQLite and PostgreSQL. */
import type { Kysely, Transaction } from "kysely";
import {
  type AlertSubscription,
  messageIdOf,
  type RaisedAlert,
  type YardBox,
} from "../../operations/alerts.ts";
import type {
  AlertOutboxWriter,
  DeliveryAttemptRecord,
  OperationsAlertStore,
  OutboxMessage,
} from "../../operations/alerts-store.ts";
import type { AlertKinds, DeliveryStatus, WebhookType } from "../../operations/alerts-wire.ts";
import type { TruckVisit } from "../../operations/model.ts";
import { chunks } from "../chunks.ts";
import type { OperationsDatabase } from "./schema.ts";

type Db = Kysely<OperationsDatabase> | Transaction<OperationsDatabase>;
type SubscriptionRow = OperationsDatabase["ops_alert_subscriptions"];
type OutboxRow = OperationsDatabase["ops_alert_outbox"];

/** Rows per INSERT (outbox rows have 10 columns: far under either database's parameter limit). */
const ROWS_PER_INSERT = 400;

function subscriptionFromRow(r: SubscriptionRow): AlertSubscription {
  return {
    id: r.id,
    port: r.port,
    url: r.url,
    secret: r.secret,
    kinds: JSON.parse(r.kinds_json) as AlertKinds,
    owner: r.owner,
    createdAtS: Number(r.created_s),
    sinceS: Number(r.since_s),
    active: Number(r.active) === 1,
    disabledReason: r.disabled_reason,
  };
}

function messageFromRow(r: OutboxRow): OutboxMessage {
  return {
    id: r.id,
    subscriptionId: r.subscription_id,
    port: r.port,
    type: r.type as WebhookType,
    data: JSON.parse(r.data_json) as Record<string, unknown>,
    createdAtS: Number(r.created_s),
    status: r.status as DeliveryStatus,
    attempts: Number(r.attempts),
    nextAttemptS: r.next_attempt_s === null ? null : Number(r.next_attempt_s),
  };
}

function outboxWriter(db: Db): AlertOutboxWriter {
  return {
    async activeSubscriptions(port) {
      const rows = await db
        .selectFrom("ops_alert_subscriptions")
        .selectAll()
        .where("port", "=", port)
        .where("active", "=", 1)
        .orderBy("created_s")
        .orderBy("id")
        .execute();
      return rows.map(subscriptionFromRow);
    },

    async watching(port, containerNumbers) {
      // Most batches at most ports meet no watched box: one probe settles that.
      const any = await db
        .selectFrom("ops_alert_watch")
        .select("port")
        .where("port", "=", port)
        .limit(1)
        .execute();
      if (any.length === 0 || containerNumbers.length === 0) return [];
      const ids = new Set<string>();
      for (const part of chunks(containerNumbers, ROWS_PER_INSERT)) {
        const rows = await db
          .selectFrom("ops_alert_watch")
          .select("subscription_id")
          .where("port", "=", port)
          .where("container_number", "in", part)
          .execute();
        for (const r of rows) ids.add(r.subscription_id);
      }
      if (ids.size === 0) return [];
      const subs: AlertSubscription[] = [];
      for (const part of chunks([...ids], ROWS_PER_INSERT)) {
        const rows = await db
          .selectFrom("ops_alert_subscriptions")
          .selectAll()
          .where("id", "in", part)
          .where("active", "=", 1)
          .execute();
        for (const r of rows) subs.push(subscriptionFromRow(r));
      }
      return subs.sort((a, b) => a.createdAtS - b.createdAtS || a.id.localeCompare(b.id));
    },

    async enqueue(alerts: readonly RaisedAlert[], raisedAtS: number, heldUntilS?: number) {
      let added = 0;
      for (const part of chunks(alerts, ROWS_PER_INSERT)) {
        const rows = part.map((a) => ({
          id: messageIdOf(a.dedupeKey),
          dedupe_key: a.dedupeKey,
          subscription_id: a.subscriptionId,
          port: a.port,
          type: a.type,
          data_json: JSON.stringify(a.data),
          created_s: raisedAtS,
          status: "pending",
          attempts: 0,
          next_attempt_s: heldUntilS ?? raisedAtS,
        }));
        const fresh = await db
          .insertInto("ops_alert_outbox")
          .values(rows)
          .onConflict((oc) => oc.doNothing())
          .returning("id")
          .execute();
        added += fresh.length;
      }
      return added;
    },
  };
}

/** The alert writes of an ingest's transaction. */
export function createAlertOutboxWriter(trx: Transaction<OperationsDatabase>): AlertOutboxWriter {
  return outboxWriter(trx);
}

export function createOperationsAlertStore(db: Kysely<OperationsDatabase>): OperationsAlertStore {
  return {
    ...outboxWriter(db),

    createSubscription: (sub) =>
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto("ops_alert_subscriptions")
          .values({
            id: sub.id,
            port: sub.port,
            url: sub.url,
            secret: sub.secret,
            kinds_json: JSON.stringify(sub.kinds),
            owner: sub.owner,
            created_s: sub.createdAtS,
            since_s: sub.sinceS,
            active: sub.active ? 1 : 0,
            disabled_reason: sub.disabledReason,
          })
          .execute();
        const boxes = [...new Set(sub.kinds["box.moved"]?.containers ?? [])];
        for (const part of chunks(boxes, ROWS_PER_INSERT))
          await trx
            .insertInto("ops_alert_watch")
            .values(part.map((c) => ({ port: sub.port, container_number: c, subscription_id: sub.id })))
            .execute();
      }),

    async subscription(id) {
      const r = await db
        .selectFrom("ops_alert_subscriptions")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return r ? subscriptionFromRow(r) : null;
    },

    async subscriptions(port) {
      const rows = await db
        .selectFrom("ops_alert_subscriptions")
        .selectAll()
        .where("port", "=", port)
        .orderBy("created_s")
        .orderBy("id")
        .execute();
      return rows.map(subscriptionFromRow);
    },

    removeSubscription: (id) =>
      db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom("ops_alert_attempts")
          .where(
            "message_id",
            "in",
            trx.selectFrom("ops_alert_outbox").select("id").where("subscription_id", "=", id),
          )
          .execute();
        await trx.deleteFrom("ops_alert_outbox").where("subscription_id", "=", id).execute();
        await trx.deleteFrom("ops_alert_watch").where("subscription_id", "=", id).execute();
        const r = await trx.deleteFrom("ops_alert_subscriptions").where("id", "=", id).executeTakeFirst();
        return Number(r.numDeletedRows) > 0;
      }),

    disableSubscription: (id, reason) =>
      db.transaction().execute(async (trx) => {
        await trx
          .updateTable("ops_alert_subscriptions")
          .set({ active: 0, disabled_reason: reason })
          .where("id", "=", id)
          .execute();
        await trx
          .updateTable("ops_alert_outbox")
          .set({ status: "failed", next_attempt_s: null })
          .where("subscription_id", "=", id)
          .where("status", "=", "pending")
          .execute();
      }),

    async enableSubscription(id, sinceS) {
      await db
        .updateTable("ops_alert_subscriptions")
        .set({ active: 1, disabled_reason: null, since_s: sinceS })
        .where("id", "=", id)
        .where("active", "=", 0)
        .execute();
    },

    async claimDue(nowS, limit, holdS, port) {
      // One statement: the rows are re-checked as they are updated, so of two senders racing
      // (PostgreSQL, several processes) only one takes each message.
      let due = db
        .selectFrom("ops_alert_outbox")
        .select("id")
        .where("status", "=", "pending")
        .where("next_attempt_s", "<=", nowS);
      if (port !== undefined) due = due.where("port", "=", port);
      const rows = await db
        .updateTable("ops_alert_outbox")
        .set({ next_attempt_s: nowS + holdS })
        .where("id", "in", due.orderBy("next_attempt_s").orderBy("id").limit(limit))
        .where("status", "=", "pending")
        .where("next_attempt_s", "<=", nowS)
        .returningAll()
        .execute();
      // As due, with the due time they had (the hold is the sender's business).
      return rows
        .map((r) => ({ ...messageFromRow(r), nextAttemptS: null }))
        .sort((a, b) => a.createdAtS - b.createdAtS || a.id.localeCompare(b.id));
    },

    async release(messageIds, dueS) {
      for (const part of chunks(messageIds, ROWS_PER_INSERT))
        await db
          .updateTable("ops_alert_outbox")
          .set({ next_attempt_s: dueS })
          .where("id", "in", part)
          .where("status", "=", "pending")
          .execute();
    },

    recordAttempt: (a, next) =>
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto("ops_alert_attempts")
          .values({
            message_id: a.messageId,
            attempt: a.attempt,
            at_s: a.atS,
            status_code: a.statusCode,
            latency_ms: a.latencyMs,
            error: a.error,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        await trx
          .updateTable("ops_alert_outbox")
          .set({ status: next.status, attempts: a.attempt, next_attempt_s: next.nextAttemptS })
          .where("id", "=", a.messageId)
          .execute();
      }),

    async deliveries(subscriptionId, limit) {
      const rows = await db
        .selectFrom("ops_alert_outbox")
        .selectAll()
        .where("subscription_id", "=", subscriptionId)
        .orderBy("created_s", "desc")
        .orderBy("id", "desc")
        .limit(limit)
        .execute();
      const tries = new Map<string, DeliveryAttemptRecord[]>();
      for (const part of chunks(
        rows.map((r) => r.id),
        ROWS_PER_INSERT,
      )) {
        const attempts = await db
          .selectFrom("ops_alert_attempts")
          .selectAll()
          .where("message_id", "in", part)
          .orderBy("message_id")
          .orderBy("attempt")
          .execute();
        for (const a of attempts) {
          const list = tries.get(a.message_id) ?? [];
          list.push({
            messageId: a.message_id,
            attempt: Number(a.attempt),
            atS: Number(a.at_s),
            statusCode: a.status_code === null ? null : Number(a.status_code),
            latencyMs: Number(a.latency_ms),
            error: a.error,
          });
          tries.set(a.message_id, list);
        }
      }
      return rows.map((r) => ({ ...messageFromRow(r), tries: tries.get(r.id) ?? [] }));
    },

    purge: (port, beforeS) =>
      db.transaction().execute(async (trx) => {
        const finished = () =>
          trx
            .selectFrom("ops_alert_outbox")
            .select("id")
            .where("port", "=", port)
            .where("status", "in", ["delivered", "failed"])
            .where("created_s", "<", beforeS);
        await trx.deleteFrom("ops_alert_attempts").where("message_id", "in", finished()).execute();
        const r = await trx.deleteFrom("ops_alert_outbox").where("id", "in", finished()).executeTakeFirst();
        return Number(r.numDeletedRows);
      }),

    async yardBoxes(port, fromS, toS): Promise<YardBox[]> {
      const rows = await db
        .selectFrom("ops_container_state")
        .select(["container_number", "discharge_terminal", "discharge_s", "size_ft"])
        .where("port", "=", port)
        .where("discharge_s", ">=", fromS)
        .where("discharge_s", "<=", toS)
        .where("exit_s", "is", null)
        .orderBy("discharge_s")
        .orderBy("container_number")
        .execute();
      return rows.map((r) => {
        const size = r.size_ft === null ? null : Number(r.size_ft);
        return {
          containerNumber: r.container_number,
          terminal: r.discharge_terminal,
          dischargeS: Number(r.discharge_s),
          sizeFt: size === 20 || size === 40 || size === 45 ? size : null,
        };
      });
    },

    async turnTimes(port, fromS, toS) {
      const rows = await db
        .selectFrom("ops_truck_visits")
        .select(["terminal", "record_json"])
        .where("port", "=", port)
        .where("gate_in_s", ">=", fromS)
        .where("gate_in_s", "<", toS)
        .execute();
      const out: { terminal: string; gateInS: number; turnS: number }[] = [];
      for (const r of rows) {
        const v = JSON.parse(r.record_json) as TruckVisit;
        if (v.queueArrivalS !== null)
          out.push({ terminal: r.terminal, gateInS: v.gateInS, turnS: v.gateOutS - v.queueArrivalS });
      }
      return out;
    },
  };
}
