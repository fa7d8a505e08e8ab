/**
 * Signed webhooks for operations alerts, as the Standard Webhooks specification defines them
 * (standardwebhooks.com; used by Svix, Zapier, …): three headers, `webhook-id`, `webhook-timestamp`
 * (epoch seconds) and `webhook-signature` = "v1," + base64(HMAC-SHA256(key, id + "." + timestamp +
 * "." + body)), where the key is the base64 secret after its "whsec_" prefix. A receiver can check a
 * delivery with any Standard Webhooks library, and refuses one older or newer than its tolerance.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export interface WebhookHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

/** Five minutes either side, the specification's recommended tolerance against replays. */
export const WEBHOOK_TOLERANCE_S = 300;

const keyOf = (secret: string): Buffer => Buffer.from(secret.replace(/^whsec_/, ""), "base64");

/** A new secret to give a subscriber once: "whsec_" + 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** Example (the specification's own test vector): see webhooks.test.ts. */
export function signWebhook(secret: string, id: string, timestampS: number, body: string): string {
  const mac = createHmac("sha256", keyOf(secret)).update(`${id}.${timestampS}.${body}`).digest("base64");
  return `v1,${mac}`;
}

export function webhookHeaders(secret: string, id: string, timestampS: number, body: string): WebhookHeaders {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestampS),
    "webhook-signature": signWebhook(secret, id, timestampS, body),
  };
}

/**
 * Checks a delivery as a receiver would: null when it is authentic and fresh, else the reason. The
 * signature header may list several space-separated signatures (key rotation); one valid v1 is enough.
 */
export function verifyWebhook(
  secret: string,
  headers: Partial<WebhookHeaders>,
  body: string,
  nowS: number,
  toleranceS = WEBHOOK_TOLERANCE_S,
): string | null {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (!id || !timestamp || !signatures) return "missing webhook-id, webhook-timestamp or webhook-signature";
  if (!/^\d+$/.test(timestamp)) return "webhook-timestamp is not epoch seconds";
  const ts = Number(timestamp);
  if (Math.abs(nowS - ts) > toleranceS) return "webhook-timestamp outside the tolerance";
  const expected = Buffer.from(signWebhook(secret, id, ts, body).slice(3), "base64");
  for (const candidate of signatures.split(" ")) {
    const [version, mac] = candidate.split(",", 2);
    if (version !== "v1" || !mac) continue;
    const given = Buffer.from(mac, "base64");
    if (given.length === expected.length && timingSafeEqual(given, expected)) return null;
  }
  return "no valid v1 signature";
}
