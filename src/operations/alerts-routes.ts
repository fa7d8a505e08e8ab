/**
 * HTTP routes of operations alerts (issue 12): webhook subscriptions of a port, their deliveries,
 * and a test ping. Who may use them (DESIGN.md "Access"): analyst, terminal, partner, admin —
 * trucking companies and cargo owners come with their own accounts in issue 14, which will also
 * scope a partner to its own subscriptions.
 *
 * - POST   /api/ports/{locode}/operations/alerts/subscriptions                 create (the secret shown once)
 * - GET    /api/ports/{locode}/operations/alerts/subscriptions                 list (no secrets)
 * - GET    /api/ports/{locode}/operations/alerts/subscriptions/{id}            one
 * - PATCH  /api/ports/{locode}/operations/alerts/subscriptions/{id}            {enabled}: disable, or re-enable
 * - DELETE /api/ports/{locode}/operations/alerts/subscriptions/{id}            remove, with its deliveries
 * - GET    /api/ports/{locode}/operations/alerts/subscriptions/{id}/deliveries messages and every attempt
 * - POST   /api/ports/{locode}/operations/alerts/subscriptions/{id}/test       send a `ping` now
 */
import { z } from "zod";
import { defineRoute, knownPort, type RouteDef } from "../core/http.ts";
import { nowS as clockNowS } from "../core/time.ts";
import { type SendWebhook, type WebhookTargets, webhookTargets } from "./alerts-sender.ts";
import {
  createSubscription,
  deliveryReply,
  portSubscription,
  sendPing,
  setSubscriptionEnabled,
  subscriptionReply,
} from "./alerts-service.ts";
import {
  deliveryListSchema,
  pingReplySchema,
  subscriptionCreatedSchema,
  subscriptionCreateSchema,
  subscriptionListSchema,
  subscriptionSchema,
  subscriptionUpdateSchema,
} from "./alerts-wire.ts";
import type { OperationsStore } from "./store.ts";

export interface AlertRouteDeps {
  operations: OperationsStore;
  /** The port's time zone (IANA), or undefined when the port is unknown. */
  timeZoneOf(locode: string): string | undefined;
  /**
   * Where webhooks may go: checked when a subscription is made, and the test ping is sent through
   * it (default: public addresses only; the node's configuration may allow private ones).
   */
  targets?: WebhookTargets;
  /** How a test ping is sent (default: the targets' guarded sender). */
  send?: SendWebhook;
}

const ACCESS = ["analyst", "terminal", "partner", "admin"] as const;
const BASE = "/api/ports/:locode/operations/alerts/subscriptions";
const idParams = z.object({ locode: z.string(), id: z.string().min(1).max(64) });
/** Deliveries listed at most (newest first). */
export const MAX_DELIVERIES_LISTED = 500;

export function alertRoutes(deps: AlertRouteDeps): RouteDef[] {
  const alerts = deps.operations.alerts;
  const targets = deps.targets ?? webhookTargets();
  const send = deps.send ?? targets.send;
  return [
    defineRoute({
      method: "POST",
      path: BASE,
      operationId: "createAlertSubscription",
      summary:
        "Subscribe a webhook to operations alerts (box moved, dwell over a threshold, turn time over a threshold, empty returns closed); the signing secret is in this reply only",
      tags: ["operations"],
      access: ACCESS,
      params: z.object({ locode: z.string() }),
      body: subscriptionCreateSchema,
      response: subscriptionCreatedSchema,
      async handler({ params, body }) {
        const { port } = knownPort(deps.timeZoneOf, params.locode);
        return createSubscription(alerts, port, body, clockNowS(), targets);
      },
    }),
    defineRoute({
      method: "GET",
      path: BASE,
      operationId: "listAlertSubscriptions",
      summary: "The port's alert subscriptions (without their secrets)",
      tags: ["operations"],
      access: ACCESS,
      params: z.object({ locode: z.string() }),
      response: subscriptionListSchema,
      async handler({ params }) {
        const { port } = knownPort(deps.timeZoneOf, params.locode);
        return { port, subscriptions: (await alerts.subscriptions(port)).map(subscriptionReply) };
      },
    }),
    defineRoute({
      method: "GET",
      path: `${BASE}/:id`,
      operationId: "getAlertSubscription",
      summary: "One alert subscription (without its secret): active, or why deliveries stopped",
      tags: ["operations"],
      access: ACCESS,
      params: idParams,
      response: subscriptionSchema,
      async handler({ params }) {
        const { port } = knownPort(deps.timeZoneOf, params.locode);
        return subscriptionReply(await portSubscription(alerts, port, params.id));
      },
    }),
    defineRoute({
      method: "PATCH",
      path: `${BASE}/:id`,
      operationId: "updateAlertSubscription",
      summary:
        "Disable a subscription (pending deliveries fail) or re-enable one — after a 410 Gone or a disabling — for alerts raised from now on; nothing old is resent",
      tags: ["operations"],
      access: ACCESS,
      params: idParams,
      body: subscriptionUpdateSchema,
      response: subscriptionSchema,
      async handler({ params, body, context }) {
        const { port } = knownPort(deps.timeZoneOf, params.locode);
        const sub = await portSubscription(alerts, port, params.id);
        const by = context?.principal?.name ?? context?.principal?.id;
        return subscriptionReply(await setSubscriptionEnabled(alerts, sub, body.enabled, clockNowS(), by));
      },
    }),
    defineRoute({
      method: "DELETE",
      path: `${BASE}/:id`,
      operationId: "deleteAlertSubscription",
      summary: "Remove an alert subscription with its pending and past deliveries",
      tags: ["operations"],
      access: ACCESS,
      params: idParams,
      response: z.object({ id: z.string(), removed: z.literal(true) }),
      async handler({ params }) {
        const { port } = knownPort(deps.timeZoneOf, params.locode);
        const sub = await portSubscription(alerts, port, params.id);
        await alerts.removeSubscription(sub.id);
        return { id: sub.id, removed: true as const };
      },
    }),
    defineRoute({
      method: "GET",
      path: `${BASE}/:id/deliveries`,
      operationId: "listAlertDeliveries",
      summary:
        "A subscription's messages, newest first, with every attempt (status code, latency, error) and the next retry",
      tags: ["operations"],
      access: ACCESS,
      params: idParams,
      query: z.object({
        limit: z.coerce.number().int().min(1).max(MAX_DELIVERIES_LISTED).default(50),
      }),
      response: deliveryListSchema,
      async handler({ params, query }) {
        const { port } = knownPort(deps.timeZoneOf, params.locode);
        const sub = await portSubscription(alerts, port, params.id);
        return {
          subscriptionId: sub.id,
          deliveries: (await alerts.deliveries(sub.id, query.limit)).map(deliveryReply),
        };
      },
    }),
    defineRoute({
      method: "POST",
      path: `${BASE}/:id/test`,
      operationId: "testAlertSubscription",
      summary: "Send a signed `ping` to the subscription now; the reply shows the first attempt",
      tags: ["operations"],
      access: ACCESS,
      params: idParams,
      response: pingReplySchema,
      async handler({ params }) {
        const { port } = knownPort(deps.timeZoneOf, params.locode);
        const sub = await portSubscription(alerts, port, params.id);
        return { delivery: await sendPing(alerts, sub, { send }) };
      },
    }),
  ];
}
