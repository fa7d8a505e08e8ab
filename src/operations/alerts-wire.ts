/**
 * Wire shapes of operations alerts (issue 12): webhook subscriptions, the deliveries made to them,
 * and the events sent. Each zod schema is the one definition; the types are derived from it.
 *
 * A subscription names the port, an http(s) URL, and the kinds it wants with each kind's filter:
 * - `box.moved`: every new event (DCSA / EDIFACT, gate move, rail move) on a watched container;
 * - `dwell.exceeded`: an import box still in the yard longer than the threshold (days);
 * - `turn_time.exceeded`: a terminal's truck turn time (mean or p90) over the threshold in a local hour;
 * - `empty_return.closed`: a terminal stops accepting empties (the empty-return board's alert).
 * The secret (`whsec_…`, Standard Webhooks) is shown once, in the reply to the creation.
 */
import { z } from "zod";
import { parseContainerNumber } from "../core/ids.ts";

const isoTime = z.string().describe("UTC instant (ISO 8601)");

/** Watched containers per subscription (the issue's maximum; a cargo owner with more makes several). */
export const MAX_WATCHED_BOXES = 500;
/** Subscriptions a port keeps (beyond this, one receiver should fan out). */
export const MAX_SUBSCRIPTIONS_PER_PORT = 1000;

export const ALERT_KINDS = [
  "box.moved",
  "dwell.exceeded",
  "turn_time.exceeded",
  "empty_return.closed",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
/** What a delivery carries: an alert, or the `ping` a test sends. */
export const WEBHOOK_TYPES = [...ALERT_KINDS, "ping"] as const;
export type WebhookType = (typeof WEBHOOK_TYPES)[number];

const terminalFilter = z
  .string()
  .min(1)
  .max(64)
  .optional()
  .describe("a terminal id of the port registry (e.g. uslax-terminal-yti); every terminal when absent");

const containerNumber = z
  .string()
  .transform((v, ctx) => {
    const r = parseContainerNumber(v);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.reason });
      return z.NEVER;
    }
    return r.value;
  })
  .meta({ examples: ["CSQU3054383"] });

export const boxMovedFilterSchema = z.object({
  containers: z
    .array(containerNumber)
    .min(1)
    .max(MAX_WATCHED_BOXES)
    .describe(`ISO 6346 container numbers with a valid check digit (at most ${MAX_WATCHED_BOXES})`),
});

export const dwellFilterSchema = z.object({
  thresholdDays: z
    .number()
    .positive()
    .max(60)
    .describe("import dwell (discharge → now) that raises the alert"),
  terminal: terminalFilter,
});

export const turnTimeFilterSchema = z.object({
  thresholdMin: z
    .number()
    .positive()
    .max(1440)
    .describe("truck turn time (queue arrival → gate-out), minutes"),
  statistic: z.enum(["mean", "p90"]).default("mean"),
  terminal: terminalFilter,
  minVisits: z
    .number()
    .int()
    .min(1)
    .default(5)
    .describe(
      "an hour with fewer truck visits (queue arrival known) raises nothing: one slow truck is not a trend",
    ),
});

export const emptyReturnFilterSchema = z.object({
  terminal: terminalFilter,
  line: z.string().min(1).max(8).optional().describe('line (owner code or SCAC); "*" is every other line'),
  sizeFt: z
    .union([z.literal(20), z.literal(40), z.literal(45)])
    .optional()
    .describe("box size in feet"),
});

export const alertKindsSchema = z
  .object({
    "box.moved": boxMovedFilterSchema.optional(),
    "dwell.exceeded": dwellFilterSchema.optional(),
    "turn_time.exceeded": turnTimeFilterSchema.optional(),
    "empty_return.closed": emptyReturnFilterSchema.optional(),
  })
  .refine((k) => Object.values(k).some((v) => v !== undefined), {
    message: `at least one of ${ALERT_KINDS.join(", ")}`,
  });
export type AlertKinds = z.output<typeof alertKindsSchema>;

export const subscriptionCreateSchema = z.object({
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .describe("where deliveries are POSTed (http or https)")
    .meta({ examples: ["https://dispatch.example.com/hooks/sisterports"] }),
  kinds: alertKindsSchema,
  owner: z.string().min(1).max(200).describe("who the subscription is for (a label: company, desk)"),
});
export type SubscriptionCreate = z.input<typeof subscriptionCreateSchema>;
/** A creation as the schema parsed it (defaults filled, container numbers normalised). */
export type SubscriptionCreateParsed = z.output<typeof subscriptionCreateSchema>;

export const subscriptionSchema = z.object({
  id: z.string(),
  port: z.string(),
  url: z.string(),
  kinds: alertKindsSchema,
  owner: z.string(),
  createdAt: isoTime,
  alertsFrom: isoTime.describe(
    "alerts are raised for what happens from this instant on: the creation, or the last re-enabling",
  ),
  active: z.boolean(),
  disabledReason: z
    .string()
    .nullable()
    .describe("why deliveries stopped (the receiver answered 410 Gone, or it was removed)"),
});
export type Subscription = z.output<typeof subscriptionSchema>;

export const subscriptionUpdateSchema = z
  .object({
    enabled: z
      .boolean()
      .describe(
        "false stops deliveries (pending ones fail); true delivers again, for alerts raised from now on (nothing old is resent)",
      ),
  })
  .strict();
export type SubscriptionUpdate = z.input<typeof subscriptionUpdateSchema>;

export const subscriptionCreatedSchema = subscriptionSchema.extend({
  secret: z
    .string()
    .describe(
      "signing secret (whsec_ + base64 of 32 random bytes): shown this once, keep it to verify deliveries",
    ),
});
export type SubscriptionCreated = z.output<typeof subscriptionCreatedSchema>;

export const subscriptionListSchema = z.object({
  port: z.string(),
  subscriptions: z.array(subscriptionSchema),
});

export const deliveryAttemptSchema = z.object({
  attempt: z.number().int().describe("1 for the first try"),
  at: isoTime,
  statusCode: z.number().int().nullable().describe("the receiver's HTTP status; null when none came"),
  latencyMs: z.number().int(),
  error: z.string().nullable().describe("timeout, connection refused, … when no status came"),
});

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const deliverySchema = z.object({
  id: z.string().describe("the message id (webhook-id header), the same on every retry"),
  type: z.enum(WEBHOOK_TYPES),
  createdAt: isoTime,
  status: z.enum(DELIVERY_STATUSES),
  nextAttemptAt: isoTime.nullable().describe("when a pending message is tried next"),
  data: z.record(z.string(), z.unknown()),
  attempts: z.array(deliveryAttemptSchema),
});
export type Delivery = z.output<typeof deliverySchema>;

export const deliveryListSchema = z.object({
  subscriptionId: z.string(),
  deliveries: z.array(deliverySchema),
});
export type DeliveryList = z.output<typeof deliveryListSchema>;

/** The reply to a test: the ping was queued and tried once at once. */
export const pingReplySchema = z.object({ delivery: deliverySchema });

/** Standard Webhooks payload: `{type, timestamp, data}` (standardwebhooks.com, "Payload structure"). */
export const webhookPayloadSchema = z.object({
  type: z.enum(WEBHOOK_TYPES),
  timestamp: isoTime,
  data: z.record(z.string(), z.unknown()),
});
export type WebhookPayload = z.output<typeof webhookPayloadSchema>;
